"""The dilemmamethodiek in the console and on the phones, with NiceGUI's simulated users: all nine steps."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from pathlib import Path

from nicegui import ui
from nicegui.testing import User, UserInteraction

from .test_pages import create_session
from .test_quiz_pages import choose


def pick(user: User, marker: str, option: str) -> None:
    """Tap the radio option with this label (as a person taps it)."""
    radio = user.find(marker=marker)
    UserInteraction(user, radio.elements, option).click()


def score(user: User, marker: str, values: list[int]) -> None:
    """Set the 1-5 toggles inside the element with this marker (the simulated user cannot tap a toggle's button)."""
    toggles = [e for e in user.find(marker=marker).elements.pop().descendants() if isinstance(e, ui.toggle)]
    for toggle, value in zip(toggles, values, strict=True):
        toggle.value = value


async def offers(user: User, marker: str, option: str) -> None:
    """Wait until the select with this marker offers `option` (its options follow the room in place)."""
    for _ in range(100):
        (select,) = user.find(marker=marker).elements
        if isinstance(select, ui.select) and option in dict(select.options).values():
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f'{marker} never offered {option!r}')


async def add_dilemma(user: User, version: str = '') -> None:
    user.find('Werkvorm toevoegen').click()
    choose(user, 'activity-kind', 'Dilemmamethodiek (stappenplan)')
    if version:
        choose(user, 'activity-source', version)
    user.find(marker='add-activity').click()
    await user.should_see('Dilemmamethodiek')
    user.find(marker='start-a2').click()
    await user.should_see('Welke stappen, hoe lang?')


async def join(phone: User, code: str) -> None:
    await phone.open(f'/j/{code}')
    phone.find(marker='join').click()
    await phone.should_see('De dilemmamethodiek begint zo.')


async def test_nine_steps_from_dilemmas_to_agreements_with_hidden_judgements(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    code = await create_session(user, data_dir)
    await add_dilemma(user)
    phones = [create_user() for _ in range(3)]
    for phone in phones:
        await join(phone, code)
    first, second, third = phones

    user.find(marker='next-step', content='Start met stap 1').click()
    await first.should_see("Stap 1 van 9 · Dilemma's inventariseren")
    pick(first, 'dm-category', 'Grenzen stellen')
    first.find(marker='dm-dilemma').type('Een klant blijft schelden terwijl ik hem help')
    first.find(marker='dm-send').click()
    await first.should_see('wacht op de gespreksleider')
    pick(second, 'dm-category', 'Wel of niet melden in GIR')
    second.find(marker='dm-dilemma').type('Meld ik een dreigende blik in GIR?')
    second.find(marker='dm-send').click()
    third.find(marker='dm-dilemma').type('Zonder categorie')
    third.find(marker='dm-send').click()
    await third.should_see('Kies eerst waar het dilemma over gaat.')  # nothing sent without a category
    await user.should_see('Binnengekomen (2): nog niet zichtbaar')
    user.find(marker='dm-show-all').click()
    await first.should_see('op het scherm')

    user.find(marker='next-step', content='Volgende stap: Kiezen van een situatie').click()
    await first.should_see('Beoordeel de dilemma’s (1 = laag, 5 = hoog)')
    ratings = [([5, 4, 5], [2, 2, 2]), ([4, 4, 4], [3, 3, 1]), ([5, 5, 5], [1, 2, 3])]
    for phone, (one, two) in zip(phones, ratings, strict=True):
        await phone.should_see('Dilemma 1 van 2')  # one at a time
        score(phone, 'dm-candidate', one)
        phone.find(marker='dm-rate').click()
        await phone.should_see('Dilemma 2 van 2')  # saved: on to the next
        await phone.should_see('Je beoordeelde 1 van de 2 dilemma’s')
        score(phone, 'dm-candidate', two)
        phone.find(marker='dm-rate').click()
        await phone.should_see('Je beoordeelde 2 van de 2 dilemma’s')
    first.find(marker='dm-previous-candidate').click()  # back to the first: what was given is there to change
    await first.should_see('Jouw beoordeling: urgentie 5, algemeen belang 4, herkenbaarheid 5')
    await user.should_see('3 beoordeeld')  # while rating: how many, never a mean that moves with each rating
    await user.should_not_see('Gemiddeld 4,6')
    user.find(marker='dm-close-ratings').click()
    await user.should_see('Gemiddeld 4,6 · 3 beoordeeld (urgentie 4,7, algemeen belang 4,3, herkenbaarheid 4,7)')
    await first.should_see('Het beoordelen is gesloten')
    user.find(marker='dm-choose').click()  # the first of the ranking
    await user.should_see('Gekozen')

    user.find(marker='next-step', content='Volgende stap: Formuleren van het dilemma').click()
    user.find(marker='dm-feiten').type('De klant schold bij de balie')
    user.find(marker='dm-kant_a').type('Doorgaan met helpen')
    user.find(marker='dm-kant_b').type('Het gesprek beëindigen')
    user.find(marker='dm-save-formulation').click()
    await first.should_see('Wat zou jij doen?')
    for phone, side, why in [(first, 'A', 'De klant heeft hulp nodig'), (second, 'B', 'Grens'), (third, 'B', '')]:
        label = 'A: Doorgaan met helpen' if side == 'A' else 'B: Het gesprek beëindigen'
        pick(phone, 'dm-choice', label)
        phone.find(marker='dm-sentence').type(why)
        phone.find(marker='dm-judge-save').click()
        await phone.should_see('Bewaard (alleen voor jou)')
    await user.should_see('3 collega’s schreven hun oordeel op')

    user.find(marker='next-step', content='Volgende stap: Verhelderen en verplaatsen').click()
    await first.should_see('Geen advies')
    first.find(marker='dm-entry').type('Wat zei de klant precies?')
    first.find(marker='dm-send').click()
    await user.should_see('Binnengekomen (1): nog niet zichtbaar')
    user.find(marker='dm-approve').click()
    await user.should_see('Verhelderingsvraag (1)')

    user.find(marker='next-step', content='Volgende stap: Waarden en normen').click()
    await second.should_see('Vul de tabel aan')
    user.find(marker='dm-add-text').type('De klant')
    user.find(marker='dm-add-entry').click()  # the facilitator's own goes straight into the table
    await user.should_see('Betrokkenen (1)')
    for phone, column, text in ((second, 'Waarden', 'Respect'), (third, 'Normen', 'Huisregels: niet schelden')):
        pick(phone, 'dm-column', column)
        await offers(phone, 'dm-of', 'De klant')  # the betrokkene shown reaches the phone's select in place
        choose(phone, 'dm-of', 'De klant')  # at stake for the klant: in the klant's row
        phone.find(marker='dm-entry').type(text)
        phone.find(marker='dm-send').click()
    await user.should_see('Binnengekomen (2): nog niet zichtbaar')
    user.find(marker='dm-show-all').click()
    await user.should_see('Normen (1)')

    user.find(marker='next-step', content='Volgende stap: Zoeken naar alternatieven').click()
    await first.should_see('Welke mogelijkheden zijn er?')
    first.find(marker='dm-entry').type('Een collega erbij roepen')
    first.find(marker='dm-send').click()
    await user.should_see('Binnengekomen (1): nog niet zichtbaar')
    user.find(marker='dm-approve').click()
    await user.should_see('Doen de alternatieven recht aan de genoemde waarden en normen, of gaan ze ertegen in?')
    marks = {t.props['aria-label']: t for t in user.find(marker='dm-mark').elements if isinstance(t, ui.toggle)}
    marks['Respect'].value = 'recht'  # the simulated user cannot tap a toggle's button
    marks['Huisregels: niet schelden'].value = 'tegen'
    await user.should_see('Doet recht aan')

    user.find(marker='next-step', content='Volgende stap: Individuele afweging van de inbrenger').click()
    user.find(marker='dm-juist').type('Ik vind het juist dat ik het gesprek stop')
    user.find(marker='dm-save-deliberation').click()
    await first.should_see('De inbrenger maakt nu een afweging.')

    user.find(marker='next-step', content='Volgende stap: Overeenkomsten en verschillen').click()
    await first.should_see('En wat zou je nu doen?')
    for phone in phones:
        pick(phone, 'dm-choice', 'B: Het gesprek beëindigen')
        phone.find(marker='dm-judge-save').click()
    await user.should_see('3 collega’s gaven hun oordeel achteraf')
    user.find(marker='dm-agreement').type('Bij schelden stoppen we het gesprek en melden we in GIR')
    user.find(marker='dm-owner').type('Teamleider')
    user.find(marker='dm-add-agreement').click()
    await user.should_see('eigenaar: Teamleider')
    user.find(marker='dm-agreement').type('Zonder eigenaar')
    user.find(marker='dm-add-agreement').click()
    await user.should_see('Vul')  # a clear message: every agreement has an owner

    user.find(marker='next-step', content='Volgende stap: Terugblik').click()
    await first.should_see('Wat heeft dit je gebracht?')
    score(first, 'dm-evaluate', [4])
    first.find(marker='dm-evaluation').type('Ik weet nu wat het team verwacht')
    first.find(marker='dm-evaluate-send').click()
    await first.should_see('Dank je wel!')

    user.find(marker='next-step', content='Afronden: voor en na vergelijken').click()
    await user.should_see('Vooraf (intuïtief oordeel)')
    await first.should_see('1 (33%)')  # before: 1 of 3 chose A
    await first.should_see('3 (100%)')  # after: all 3 chose B
    await first.should_see('Jij koos vooraf A: De klant heeft hulp nodig')  # only on their own phone
    await second.should_not_see('De klant heeft hulp nodig')

    await user.open(f'/f/{code}/summary')
    await user.should_see('Afspraken (voor het teamplan)')
    user.find(marker='download-md').click()
    markdown = (await user.download.next()).content.decode()
    assert 'Een klant blijft schelden terwijl ik hem help' in markdown
    assert (
        '| Betrokkenen | Waarden | Normen |' in markdown
        and '| De klant | Respect | Huisregels: niet schelden |' in markdown
    )
    assert '- Een collega erbij roepen (Doet recht aan: Respect; Gaat in tegen: Huisregels: niet schelden)' in markdown
    assert (
        '- **Werkafspraak**: Bij schelden stoppen we het gesprek en melden we in GIR (eigenaar: Teamleider)' in markdown
    )
    assert '- Vooraf (intuïtief oordeel): A 1, B 2' in markdown and '- Achteraf: A 0, B 3' in markdown
    assert 'De klant heeft hulp nodig' not in markdown  # what someone wrote for themselves stays theirs
    assert not re.search(r'\bp[0-9a-f]{15}\b', markdown)


async def test_a_short_version_and_going_back_a_step(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    code = await create_session(user, data_dir)
    await add_dilemma(
        user, 'Korte versie voor een werkoverleg (inventariseren, formuleren, waarden en normen, afspraken)'
    )
    phone = create_user()
    await join(phone, code)
    user.find(marker='next-step', content='Start met stap 1').click()
    await phone.should_see("Stap 1 van 4 · Dilemma's inventariseren")
    user.find(marker='next-step', content='Volgende stap: Formuleren van het dilemma').click()
    await phone.should_see('Stap 2 van 4 · Formuleren van het dilemma')
    user.find(marker='dm-previous').click()
    await phone.should_see("Stap 1 van 4 · Dilemma's inventariseren")
    user.find(marker='dm-go-afspraken').click()
    await phone.should_see('Stap 4 van 4 · Overeenkomsten en verschillen')
    await user.should_see('Afronden: voor en na vergelijken')


async def test_what_a_colleague_types_and_taps_survives_the_facilitator_rewording_the_dilemma(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    """In step 3 the facilitator may still sharpen the dilemma's sides while colleagues write down what they would
    do: the phone's words follow in place, and neither the sentence being typed nor the inbrenger's button goes."""
    code = await create_session(user, data_dir)
    await add_dilemma(user)
    phone = create_user()
    await join(phone, code)
    user.find(marker='next-step', content='Start met stap 1').click()
    await phone.should_see("Stap 1 van 9 · Dilemma's inventariseren")
    pick(phone, 'dm-category', 'Grenzen stellen')
    phone.find(marker='dm-dilemma').type('Een klant blijft schelden terwijl ik hem help')
    phone.find(marker='dm-send').click()
    await user.should_see('Binnengekomen (1): nog niet zichtbaar')
    user.find(marker='dm-show-all').click()
    user.find(marker='next-step', content='Volgende stap: Kiezen van een situatie').click()
    await user.should_see('Kies dit dilemma')
    user.find(marker='dm-choose').click()
    user.find(marker='next-step', content='Volgende stap: Formuleren van het dilemma').click()
    user.find(marker='dm-kant_a').type('Doorgaan met helpen')
    user.find(marker='dm-kant_b').type('Het gesprek beëindigen')
    user.find(marker='dm-save-formulation').click()
    await phone.should_see('Wat zou jij doen?')
    (sentence,) = phone.find(marker='dm-sentence').elements
    (volunteer,) = phone.find(marker='dm-volunteer-button').elements
    sentence.set_value('Ik help door, met een collega erbij')

    user.find(marker='dm-kant_a').clear().type('Doorgaan met helpen, rustig blijven')
    user.find(marker='dm-save-formulation').click()
    await phone.should_see('A: Doorgaan met helpen, rustig blijven')
    assert not sentence.is_deleted and not volunteer.is_deleted
    assert sentence.value == 'Ik help door, met een collega erbij'
    phone.find(marker='dm-volunteer-button').click()
    await phone.should_see('Jij bent de inbrenger')


async def test_a_dilemma_the_facilitator_types_in_the_set_up_survives_the_start_and_is_added(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    """The inventory (what waits, the candidates, the facilitator's own dilemma) is made once for the set-up and step
    1: starting the first step, or a phone joining, leaves the field being typed in and its Toevoegen in place."""
    code = await create_session(user, data_dir)
    await add_dilemma(user)
    (field,) = user.find(marker='dm-own-dilemma').elements
    (add,) = user.find(marker='dm-add-dilemma').elements
    field.set_value('Een collega vraagt mij om een melding niet te doen')
    user.find(marker='next-step', content='Start met stap 1').click()
    await user.should_see("1. Dilemma's inventariseren (nu)")
    phone = create_user()
    await phone.open(f'/j/{code}')
    phone.find(marker='join').click()
    await phone.should_see("Stap 1 van 9 · Dilemma's inventariseren")
    assert not field.is_deleted and not add.is_deleted
    assert field.value == 'Een collega vraagt mij om een melding niet te doen'
    user.find(marker='dm-add-dilemma').click()
    await user.should_see('Kies dit dilemma')
    assert field.value == ''


async def test_the_inbrengers_button_survives_the_facilitator_saving_the_sides(
    user: User, create_user: Callable[[], User], data_dir: Path
) -> None:
    """In step 3 a phone may say it brought the dilemma in before the sides are written down; saving them brings the
    judgement's form in place, and the button being tapped stays (a re-made phone lost that tap in CI)."""
    code = await create_session(user, data_dir)
    await add_dilemma(user)
    phone = create_user()
    await join(phone, code)
    user.find(marker='next-step', content='Start met stap 1').click()
    await user.should_see("1. Dilemma's inventariseren (nu)")
    user.find(marker='dm-own-dilemma').type('Een klant dreigt bij de balie')
    user.find(marker='dm-add-dilemma').click()
    await user.should_see('Kies dit dilemma')
    user.find(marker='dm-choose').click()
    user.find(marker='dm-go-formuleren').click()
    await phone.should_see('Heb jij dit dilemma ingebracht?')
    (volunteer,) = phone.find(marker='dm-volunteer-button').elements
    user.find(marker='dm-kant_a').type('Doorgaan met het gesprek')
    user.find(marker='dm-kant_b').type('Het gesprek stoppen')
    user.find(marker='dm-save-formulation').click()
    await phone.should_see('Wat zou jij doen?')
    assert not volunteer.is_deleted
    phone.find(marker='dm-volunteer-button').click()
    await phone.should_see('Jij bent de inbrenger')
