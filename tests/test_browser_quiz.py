"""The kennisquiz in real browsers: a facilitator, a projector and four phones in two groups play a fact card, a
steal and an opinion card with a member who does not agree; the projector shows the final scores. axe-core checks
every view on the way (WCAG 2.1 A/AA)."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Browser, Page, expect

from facilitation.werkvormen.registry import WERKVORMEN

from .browser import check_projector, console, join, phone, projector_of
from .live_server import LiveServer
from .test_accessibility import violations

pytestmark = pytest.mark.browser


def click(page: Page, name: str) -> None:
    button = page.get_by_role('button', name=name, exact=True)
    expect(button).to_be_visible()
    button.click()


def in_turn(phones: list[Page]) -> list[Page]:
    """The phones whose group has the turn (each phone says so)."""
    for p in phones:
        expect(p.get_by_text(re.compile('Jullie groep is aan de beurt!|Aan de beurt: Groep'))).to_be_visible()
    return [p for p in phones if p.get_by_text('Jullie groep is aan de beurt!').count()]


def test_two_groups_play_a_fact_a_steal_and_an_opinion(browser: Browser, live_server: LiveServer) -> None:
    code = live_server.demo_code()
    url = live_server.url
    facilitator = console(browser, live_server, code)
    facilitator.get_by_text('Werkvorm toevoegen').click()
    facilitator.get_by_role('combobox', name='Werkvorm').click()
    facilitator.get_by_role('option', name='Kennisquiz (in groepen)').click()
    expect(facilitator.get_by_role('combobox', name='Inhoud uit de bibliotheek')).to_have_value(
        'Kennisquiz veilig werken'
    )
    click(facilitator, 'Toevoegen')
    # after the demo's one of every werkvorm; named after its deck, as the demo's own quiz (a2) is
    facilitator.locator(f'.start-a{len(WERKVORMEN) + 1}').click()
    expect(facilitator.get_by_text('Groepen maken', exact=True)).to_be_visible()
    beamer = projector_of(facilitator, browser)
    expect(beamer.get_by_text('De groep met de meeste punten wint. Snelheid telt niet.')).to_be_visible()
    phones = [phone(browser) for _ in range(4)]
    for p in phones:
        join(p, f'{url}/j/{code}')
        expect(p.get_by_text('Je zit nog niet in een groep')).to_be_visible()
    found: dict[str, list[str]] = {}

    def check(state: str) -> None:
        check_projector(beamer, state)
        for name, page in (('console', facilitator), ('projector', beamer), ('phone', phones[0])):
            if lines := violations(page):
                found[f'{name} · {state}'] = lines

    check('setup')
    click(facilitator, 'Verdeel iedereen automatisch')
    expect(facilitator.get_by_text('2 leden')).to_have_count(2)
    click(facilitator, 'Start de quiz')
    check('started')

    # card 1, a fact with options, to group 1: its spokesperson taps the right option on the phone
    click(facilitator, 'Stel de volgende vraag')
    first = in_turn(phones)
    second = [p for p in phones if p not in first]
    assert len(first) == 2
    click(first[0], 'Ik geef het antwoord')
    expect(first[1].get_by_role('button', name='Ik geef het antwoord')).to_be_hidden()  # one spokesperson
    check('spokesperson answers')
    click(first[0], 'C. Schelden, intimideren, discrimineren, bedreigen en fysiek geweld')
    expect(beamer.get_by_text('Groep 1: goed, +10 punten')).to_be_visible()
    expect(first[1].get_by_text('Jouw groep: Groep 1 · 10 punten')).to_be_visible()
    check('fact scored')

    # card 2, an open fact, to group 2: it does not know; group 1 claims it first and answers right (half points)
    click(facilitator, 'Stel de volgende vraag')
    expect(beamer.get_by_text('Aan de beurt: Groep 2')).to_be_visible()
    click(facilitator, 'Weet het niet')
    click(first[1], 'Wij weten het!')
    expect(second[0].get_by_role('button', name='Wij weten het!')).to_be_hidden()  # one steal per card
    expect(beamer.get_by_text('Groep 1 mag het antwoord geven')).to_be_visible()
    check('steal')
    click(facilitator, 'Goed')
    expect(beamer.get_by_text('Groep 1: overgenomen en goed, +5 punten')).to_be_visible()
    check_projector(beamer, 'steal scored')

    # card 3, an opinion, to group 1: the spokesperson types the group's view, the other member does not agree
    click(facilitator, 'Stel de volgende vraag')
    expect(beamer.get_by_text('Aan de beurt: Groep 1')).to_be_visible()
    speaker, member = first
    click(speaker, 'Ik geef het antwoord')
    speaker.get_by_label('Antwoord van de groep').fill('Als het over de persoon gaat in plaats van de zaak')
    click(speaker, 'Verstuur antwoord')
    expect(member.get_by_text('Als het over de persoon gaat in plaats van de zaak')).to_be_visible()
    check('opinion: agreeing')
    click(member, 'Niet eens')
    click(facilitator, 'Tel de reacties')  # it stays open until the facilitator counts
    expect(beamer.get_by_text('Groep 1: niet iedereen eens, +5 punten (de helft)')).to_be_visible()
    check_projector(beamer, 'opinion scored')

    scores = beamer.locator('.quiz-scoreboard').first
    expect(scores).to_contain_text('Groep 1')
    expect(scores.locator('.quiz-score-row').first).to_contain_text('20 punten')
    expect(scores.locator('.quiz-score-row').nth(1)).to_contain_text('0 punten')
    click(facilitator, 'Einde quiz')
    expect(beamer.get_by_text('Winnaar: Groep 1')).to_be_visible()
    expect(beamer.get_by_text('Apart gehouden om te bespreken')).to_be_visible()
    expect(second[0].get_by_text('Winnaar: Groep 1')).to_be_visible()
    check('finished')
    assert found == {}, json.dumps(found, indent=1, ensure_ascii=False)


def test_the_set_up_fields_show_their_whole_label(browser: Browser, live_server: LiveServer) -> None:
    facilitator = console(browser, live_server, live_server.demo_code())
    click(facilitator, 'Start Kennisquiz veilig werken')  # the demo's quiz
    expect(facilitator.get_by_text('Groepen maken', exact=True)).to_be_visible()
    for name in ('Groepen', 'Punten bij overnemen'):
        label = facilitator.locator('.q-field__label', has_text=name).first
        expect(label).to_be_visible()
        cut = label.evaluate('el => [el.scrollWidth, el.clientWidth, el.getBoundingClientRect().width]')
        assert cut[0] <= cut[1], f'{name} is cut: {cut}'
