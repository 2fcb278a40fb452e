"""The incidentevaluatie in the console and on the phones, with NiceGUI's simulated users: the four steps, a name
in the description named before it is kept, causes from the phones held then shown, classified, a measure per
cause, and at the end the team plan and the Word document."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from docx import Document
from nicegui import ui
from nicegui.testing import User, UserInteraction

from .test_dilemma_pages import pick
from .test_pages import create_session
from .test_quiz_pages import choose

E = TypeVar('E', bound=ui.element)


async def add_incident(user: User) -> None:
    user.find('Werkvorm toevoegen').click()
    choose(user, 'activity-kind', 'Incidentevaluatie (gestructureerd, met visgraat)')
    user.find(marker='add-activity').click()
    await user.should_see('Incidentevaluatie')
    user.find(marker='start-a2').click()
    await user.should_see('Zo verloopt de incidentevaluatie')


async def join(phone: User, code: str) -> None:
    await phone.open(f'/j/{code}')
    phone.find(marker='join').click()
    await phone.should_see('De incidentevaluatie begint zo. Houd deze pagina open.')


def of(user: User, marker: str, kind: type[E]) -> list[E]:
    """The elements with this marker that are a `kind` (in the order made: one per cause)."""
    return sorted((e for e in user.find(marker=marker).elements if isinstance(e, kind)), key=lambda e: e.id)


def set_to(user: User, element: ui.element, value: object) -> None:
    """Choose or type `value` in the element, as a person does (its handlers run in the page)."""
    with user.client:
        element.set_value(value)  # type: ignore[attr-defined]


def tap(user: User, element: ui.element) -> None:
    UserInteraction(user, {element}, None).click()


async def the_only(user: User, marker: str) -> ui.element:
    """The one element left with this marker, once the others went (the page follows the room by itself)."""
    for _ in range(100):
        found = user.find(marker=marker).elements if _shows(user, marker) else set()
        if len(found) == 1:
            return found.pop()
        await asyncio.sleep(0.05)
    raise AssertionError(f'more than one {marker} stayed')


def _shows(user: User, marker: str) -> bool:
    try:
        user.find(marker=marker)
    except AssertionError:
        return False
    return True


def typed(user: User, marker: str, text: str) -> None:
    user.find(marker=marker).clear().type(text)


async def test_the_four_steps_from_the_console_and_three_phones(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    code = await create_session(user, data_dir)
    await add_incident(user)
    phones = [create_user() for _ in range(3)]
    for phone in phones:
        await join(phone, code)
    first, second, third = phones

    # step 1: the description; a name is named before anything is kept, then rephrased
    user.find(marker='next-step', content='Start met stap 1').click()
    await first.should_see('Stap 1 van 4 · Beschrijf het incident')
    await first.should_see('Geen schuldvraag', retries=20)
    typed(user, 'inc-wat', 'Meneer Jansen begon te schelden toen hij moest wachten')
    typed(user, 'inc-waar', 'Publiekshal')
    user.find(marker='inc-save-description').click()
    await user.should_see('„Meneer Jansen” lijkt een naam.')
    typed(user, 'inc-wat', 'De burger begon te schelden toen hij moest wachten')
    user.find(marker='inc-save-description').click()
    await first.should_see('De burger begon te schelden toen hij moest wachten')
    await first.should_not_see('Jansen')

    # step 2: causes from the phones, held until shown
    user.find(marker='next-step', content='Volgende stap: Directe en indirecte oorzaken').click()
    await first.should_see('Welke oorzaken zie je?')
    for phone, text in ((first, 'Geen tweede medewerker bij de balie'), (second, 'De wachttijd was lang')):
        typed(phone, 'inc-cause', text)
        phone.find(marker='inc-send-button').click()
        await phone.should_see('wacht op de gespreksleider')
    pick(third, 'inc-origin', 'Indirecte oorzaak')
    typed(third, 'inc-cause', 'Hij belde eerder al vanaf 06-12345678')
    third.find(marker='inc-send-button').click()
    await third.should_see('„06-12345678” lijkt een telefoonnummer.')
    await third.should_not_see('wacht op de gespreksleider')  # nothing sent
    await user.should_see('Binnengekomen (2): nog niet zichtbaar')
    await first.should_not_see('De wachttijd was lang')  # another phone's cause: not before it is shown
    user.find(marker='inc-show-all').click()
    await user.should_see('Op het scherm (2)')
    await first.should_see('op het scherm')

    # step 3: classified into the picture's factors
    user.find(marker='next-step', content='Volgende stap: Classificeer de oorzaken').click()
    await user.should_see('Kies per oorzaak de factor uit het plaatje')
    first_factor, second_factor = of(user, 'inc-factor', ui.select)
    set_to(user, first_factor, 'protocollen')
    set_to(user, second_factor, 'inhoud_dienstverlening')
    set_to(user, of(user, 'inc-outside', ui.checkbox)[1], True)
    await first.should_see('Organisatorische factoren')
    await first.should_see('Protocollen: Geen tweede medewerker bij de balie')
    await first.should_see('Inhoud dienstverlening (buiten de organisatie): De wachttijd was lang')

    # step 4: per cause a measure, or why not; a measure without its owner is refused in words, changing nothing
    user.find(marker='next-step', content='Volgende stap: Per oorzaak: actie nodig?').click()
    await user.should_see('Bewaar voor deze oorzaak')
    needed = of(user, 'inc-needed', ui.radio)
    for radio in needed:
        set_to(user, radio, 'ja')  # the measure's fields appear
    measures, owners, terms = (of(user, m, ui.input) for m in ('inc-measure', 'inc-owner', 'inc-term'))
    kinds, saves = of(user, 'inc-plan-kind', ui.select), of(user, 'inc-save-assessment', ui.button)
    set_to(user, measures[0], 'Altijd met twee aan de balie')
    tap(user, saves[0])
    await user.should_see('Een maatregel heeft een eigenaar: wie zorgt ervoor?')
    set_to(user, owners[0], 'Teamleider')
    set_to(user, terms[0], '2027-03-01')
    tap(user, saves[0])
    set_to(user, measures[1], 'Wachttijd bespreken met de afdeling Werk en Inkomen')
    set_to(user, owners[1], 'CAG')
    set_to(user, terms[1], '2027-02-01')
    set_to(user, kinds[1], 'escalatie')
    set_to(user, of(user, 'inc-influence', ui.input)[0], 'Afdelingshoofd Werk en Inkomen')
    tap(user, saves[1])
    await first.should_see('Protocollen: Geen tweede medewerker bij de balie')

    user.find(marker='next-step', content='Afronden: naar het teamplan').click()
    await user.should_see('Incidentevaluatie downloaden (Word)')
    await first.should_see('Dank je wel. De maatregelen gaan naar het teamplan.')
    user.find(marker='inc-download').click()
    document = Document(io.BytesIO((await user.download.next(timeout=5)).content))
    assert document.paragraphs[0].text == 'Incidentevaluatie: Incidentevaluatie'
    text = '\n'.join(p.text for p in document.paragraphs)
    assert 'Wachttijd bespreken met de afdeling Werk en Inkomen' in text and 'Afdelingshoofd Werk en Inkomen' in text

    # the team plan, one click each: the werkafspraak and the escalatie with who does have influence
    typed(user, 'pr-team', 'Team Publiekshal')
    user.find(marker='pr-set-team').click()
    await user.should_see('Afdelingshoofd Werk en Inkomen')  # the escalatie comes with who does have influence
    tap(user, of(user, 'pr-add', ui.button)[0])
    escalation = await the_only(user, 'pr-add')  # the plan tells the console once the item is in it
    assert escalation.props['aria-label'].endswith('Wachttijd bespreken met de afdeling Werk en Inkomen')
    tap(user, escalation)
    await user.should_not_see(marker='pr-add')
    code_plan = user.find(marker='pr-open-plan').elements.pop()
    await user.open(str(code_plan.props['href']))
    await user.should_see('Altijd met twee aan de balie')
    await user.should_see('Wachttijd bespreken met de afdeling Werk en Inkomen')
    await user.should_see('Afdelingshoofd Werk en Inkomen')
