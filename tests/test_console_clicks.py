"""A click on the console's next step lands while the room changes: phones joining, voting and asking for the floor
at the same moment, over real sockets against the real server. The consoles update their step buttons in place, so
no click reaches an element the server has just re-made (Console.lost_clicks stays 0)."""

from __future__ import annotations

import asyncio
import functools
import json

from bench.phones import Console, Page, PageError, Phone, Screen, device_address
from facilitation.ui.socket_guard import DOUBLE_CLICK
from tests.demo_rooms import arena_second_round, debate_started, lagerhuis_statement, quiz_started
from tests.live_server import LiveServer

from .test_double_click import button_inside, rows

PHONES = 8


async def test_no_click_on_the_stellingen_steps_is_lost_while_phones_join_and_vote(live_server: LiveServer) -> None:
    code = live_server.demo_code()
    console = Console(live_server.url, code, live_server.admin_key)
    phones = [Phone(live_server.url, code, address=device_address(i)) for i in range(PHONES)]
    try:
        await console.open()
        await asyncio.gather(*(phone.open() for phone in phones))
        # every step is clicked while phones join (the participant count changes on the console)
        await asyncio.gather(console.step('Toon eerste stelling'), *(phone.join() for phone in phones[:4]))
        await asyncio.gather(console.step('Open stemming'), *(phone.join() for phone in phones[4:]))
        for statement in range(4):
            await asyncio.gather(*(phone.wait_for_button('Eens') for phone in phones))
            choices = ['eens' if (n + statement) % 3 else 'oneens' for n in range(PHONES)]
            # the vote count changes on the console while its next step is clicked
            votes = (phone.vote(choice) for phone, choice in zip(phones, choices, strict=True))
            await asyncio.gather(console.step('Sluit stemming'), *votes)
            await console.step('Toon uitslag')
            await console.step('Volgende stelling')
            await console.step('Open stemming')
    finally:
        await asyncio.gather(*(page.close() for page in [console, *phones]))
    assert console.lost_clicks == 0


async def test_no_click_on_giving_the_floor_is_lost_while_phones_ask_for_it(live_server: LiveServer) -> None:
    code = live_server.demo_code()
    console = Console(live_server.url, code, live_server.admin_key)
    phones = [Phone(live_server.url, code, address=device_address(i)) for i in range(PHONES)]
    try:
        await debate_started(console, phones)
        first, later = phones[: PHONES // 2], phones[PHONES // 2 :]
        await asyncio.gather(*(phone.click('Ik wil het woord') for phone in first))
        for phone in later:  # the queue changes on the console while the floor is given
            await console.wait_for_button('Geef het woord aan de volgende', Console.NEXT_STEP)
            await asyncio.gather(console.step('Geef het woord aan de volgende'), phone.click('Ik wil het woord'))
        for _ in range(len(first)):
            await console.step('Geef het woord aan de volgende')
    finally:
        await asyncio.gather(*(page.close() for page in [console, *phones]))
    assert console.lost_clicks == 0


# --- a row's own buttons: the row is made once per item, so a click sent to it lands on that item ---------------------


def row_button(page: Page, aria_label: str) -> tuple[int, str]:
    """(element id, click listener id) of the visible button whose aria-label is `aria_label`, or begins with it and
    a colon (a row's button says which row: 'Geef het woord 2: Bert (TEGEN), in de zaal')."""
    for element_id, element in page.visible():
        label = element.get('props', {}).get('aria-label')
        if element.get('tag') == 'q-btn' and isinstance(label, str) and label.split(':')[0] == aria_label:
            for listener in element.get('events', ()):
                if listener['type'] == 'click':
                    return int(element_id), listener['listener_id']
    raise PageError(f'{page.path}: no button {aria_label!r}; it shows: {page.texts()[:12]}')


async def click_on(page: Page, target: tuple[int, str]) -> None:
    """Send a click to this element as the browser does, whatever the page shows by the time it arrives."""
    assert page.sio is not None
    event = {'id': target[0], 'client_id': page.client_id, 'listener_id': target[1], 'args': page.args(target)}
    await page.sio.emit('event', event)


async def debate_with_phones(live_server: LiveServer, phones: int) -> tuple[Console, list[Phone], Screen]:
    code = live_server.demo_code()
    console = Console(live_server.url, code, live_server.admin_key)
    screen = Screen(live_server.url, code, console)
    people = [Phone(live_server.url, code, address=device_address(i)) for i in range(phones)]
    await debate_started(console, people, screen)
    return console, people, screen


async def test_the_queues_buttons_land_on_their_own_entry_while_phones_join_the_queue(live_server: LiveServer) -> None:
    """Three people stand up in the room without a phone; while phones ask for the floor (the console's queue changes
    under the facilitator's hand), *Uit de rij* on Ans and *Geef het woord* on Bert land on Ans and on Bert. The
    queue used to be re-made on every change: a click sent to a row just re-made was lost."""
    console, phones, screen = await debate_with_phones(live_server, 2)
    try:
        for name in ('Ans', 'Bert', 'Cor'):
            await console.fill('Naam (mag leeg blijven)', name)
            await console.click('In de rij zetten')
            await console.wait_for_text(f'{name} (VOOR), in de zaal')
        await screen.wait_for_text('Ans (VOOR), in de zaal')
        take_off_ans = row_button(console, 'Uit de rij 1')
        give_bert = row_button(console, 'Geef het woord 2')
        await phones[0].click('Ik wil het woord')  # the queue changes on the console ...
        await console.wait_until(lambda: console.texts().count('Geef het woord') == 4)
        await click_on(console, take_off_ans)  # ... and Ans's row, made before, is clicked
        await console.wait_until(lambda: not console.shows('Ans (VOOR), in de zaal'), timeout=5)
        await screen.wait_until(lambda: not screen.shows('Ans (VOOR), in de zaal'), timeout=5)  # gone there too
        await asyncio.gather(click_on(console, give_bert), phones[1].click('Ik wil het woord'))
        await console.wait_for_text('Het woord is aan Bert, in de zaal', timeout=5)
        await console.wait_until(lambda: console.texts().count('Geef het woord') == 3)  # Cor and both phones wait
        assert console.shows('Cor (VOOR), in de zaal')
        for argument in ('Je eigen veiligheid gaat voor', 'Veiligheid gaat altijd voor'):
            await console.fill('Je argument, kort samengevat', argument)
            await console.click('Leg vast')
            await console.wait_for_text(argument)
        strike_first = row_button(console, 'Schrappen V1')
        await console.fill('Je argument, kort samengevat', 'Je mag een grens stellen')
        await console.click('Leg vast')  # the argument list changes ...
        await console.wait_for_text('V3. Je mag een grens stellen')
        await click_on(console, strike_first)  # ... and V1's *Schrappen*, made before, is clicked
        await console.wait_for_text('Argument V1 schrappen?', timeout=5)
        await console.fill('Reden', 'herhaling van V2')
        await console.press_enter('Reden')
        await screen.wait_for_text('geschrapt: herhaling van V2')
    finally:
        await asyncio.gather(*(page.close() for page in [console, screen, *phones]))


def button_beside(page: Page, text: str, label: str) -> tuple[int, str] | None:
    """(element id, click listener id) of the visible button `label` in the same row as a label beginning with
    `text` (a row of a list: its question and its buttons)."""
    for _, element in page.visible():
        children = [page.elements.get(str(child), {}) for child in element.get('children', ())]
        if not any(str(child.get('text', '')).startswith(text) for child in children):
            continue
        for child_id, child in zip(element.get('children', ()), children, strict=True):
            if child.get('tag') == 'q-btn' and child.get('props', {}).get('label') == label:
                for listener in child.get('events', ()):
                    if listener['type'] == 'click':
                        return int(child_id), listener['listener_id']
    return None


def question_button(page: Page, label: str, question: str) -> tuple[int, str]:
    target = button_beside(page, question, label)
    if target is None:
        raise PageError(f'{page.path}: no {label!r} beside {question!r}; it shows: {page.texts()[:12]}')
    return target


def shows_question_button(page: Page, label: str, question: str) -> bool:
    return button_beside(page, question, label) is not None


async def test_moderation_and_queue_buttons_land_on_their_own_question_while_questions_come_in(
    live_server: LiveServer,
) -> None:
    """*Toon in de rij* on a held question and *Stel deze vraag* on a queued one, made before another question came
    in or a phone supported one, still approve and ask that very question (the lists used to be re-made)."""
    code = live_server.demo_code()
    console = Console(live_server.url, code, live_server.admin_key)
    phones = [Phone(live_server.url, code, address=device_address(i)) for i in range(4)]
    inside, outer = phones[0], phones[1:]
    try:
        await console.open()
        await console.click('Start', 'start-a4')  # the demo's arena
        await arena_second_round(console, inside, outer)
        for index, phone in enumerate(outer[:2]):
            await phone.fill('Je vraag', f'Vraag nummer {index}')
            await phone.click('Verstuur vraag')
            await console.wait_until(
                functools.partial(shows_question_button, console, 'Toon in de rij', f'Vraag nummer {index}')
            )
        approve_second = question_button(console, 'Toon in de rij', 'Vraag nummer 1')
        await outer[2].fill('Je vraag', 'Vraag nummer 2')
        await outer[2].click('Verstuur vraag')  # the held list changes ...
        await console.wait_until(functools.partial(shows_question_button, console, 'Toon in de rij', 'Vraag nummer 2'))
        await click_on(console, approve_second)  # ... and the second question's button, made before, is clicked
        await console.wait_until(
            functools.partial(shows_question_button, console, 'Stel deze vraag', 'Vraag nummer 1'), 5
        )
        assert shows_question_button(console, 'Toon in de rij', 'Vraag nummer 0')  # the others still wait
        await click_on(console, question_button(console, 'Toon in de rij', 'Vraag nummer 0'))
        await console.wait_until(functools.partial(shows_question_button, console, 'Stel deze vraag', 'Vraag nummer 0'))
        ask_second = question_button(console, 'Stel deze vraag', 'Vraag nummer 1')
        await outer[2].wait_for_button('Steun (0)')
        await outer[2].click('Steun (0)')  # the queue changes (a support, perhaps another order) ...
        await console.wait_for_text('1 x gesteund')
        await click_on(console, ask_second)  # ... and the second question's *Stel deze vraag* is clicked
        await console.wait_until(lambda: not shows_question_button(console, 'Stel deze vraag', 'Vraag nummer 1'), 5)
        assert shows_question_button(
            console, 'Stel deze vraag', 'Vraag nummer 0'
        )  # asked: the one clicked, not another
        assert shows_question_button(console, 'Toon in de rij', 'Vraag nummer 2')
    finally:
        await asyncio.gather(*(page.close() for page in [console, *phones]))


def shows_row_button(page: Page, aria_label: str) -> bool:
    try:
        row_button(page, aria_label)
    except PageError:
        return False
    return True


async def test_toon_in_the_stellingen_list_shows_its_own_statement_while_the_list_changes(
    live_server: LiveServer,
) -> None:
    """*Toon* on the third statement, made before the first was shown and another statement added, shows the third
    (the list used to be re-made at every change: the click was lost)."""
    console = Console(live_server.url, live_server.demo_code(), live_server.admin_key)
    try:
        await console.open()
        show_third = row_button(console, 'Toon 3')
        await console.step('Toon eerste stelling')  # the list changes: the first is shown now ...
        await console.fill('Stelling', 'Een nieuwe stelling voor de lijst')
        await console.click('Toevoegen')  # ... and has one more statement
        await console.wait_for_text('Een nieuwe stelling voor de lijst')
        assert not shows_row_button(console, 'Toon 1') and shows_row_button(console, 'Toon 3')
        await click_on(console, show_third)
        await console.wait_until(lambda: not shows_row_button(console, 'Toon 3'), timeout=5)  # the third is shown
        assert shows_row_button(console, 'Toon 1')
    finally:
        await console.close()


async def test_the_way_in_toggle_is_made_once_and_a_click_made_on_its_other_state_does_nothing(
    live_server: LiveServer,
) -> None:
    """The projector's large QR goes on its own when the first statement is shown: the toggle changes in place (the
    same element: a click sent meanwhile reaches it), and a *Verberg QR* sent before that hides nothing twice and
    shows nothing; the next click, on *Toon QR groot*, lands."""
    console = Console(live_server.url, live_server.demo_code(), live_server.admin_key)
    try:
        await console.open()
        hide = console.button('Verberg QR')  # the demo opens on its first activity: the way in is large
        assert hide is not None
        await console.step('Toon eerste stelling')  # the programme moves on: the way in goes by itself
        await console.wait_for_button('Toon QR groot')
        await click_on(console, hide)  # made on the state before: nothing happens
        show = console.button('Toon QR groot')
        assert show is not None and show[0] == hide[0]  # one element, updated in place
        await console.click('Toon QR groot')
        await console.wait_for_button('Verberg QR', timeout=5)
        assert console.button('Verberg QR') == (hide[0], hide[1])
        logged = rows(live_server, "SELECT data FROM events WHERE type = 'session.way_in'")
        assert [json.loads(data)['shown'] for (data,) in logged] == [True]  # the stale click stored nothing
    finally:
        await console.close()


async def test_a_verdict_lands_while_the_answering_group_picks_its_spokesperson(live_server: LiveServer) -> None:
    """*Goed*, clicked for the answer said aloud while a phone of the group becomes its spokesperson (the card's text
    is re-made), scores that answer; the verdict buttons are made once (they were re-made with the card's text)."""
    code = live_server.demo_code()
    console = Console(live_server.url, code, live_server.admin_key)
    phones = [Phone(live_server.url, code, address=device_address(i)) for i in range(4)]
    try:
        await quiz_started(console, phones)
        await console.step('Stel de volgende vraag')
        await asyncio.gather(*(phone.wait_for_text('Vraag 1 van 22') for phone in phones))
        speaker = next(p for p in phones if p.shows('Jullie groep is aan de beurt!'))
        correct = console.button('Goed')
        assert correct is not None
        await speaker.wait_for_button('Ik geef het antwoord')
        await speaker.click('Ik geef het antwoord')  # the console's card changes: it names the spokesperson ...
        await console.wait_for_text('Woordvoerder')
        await click_on(console, correct)  # ... and Goed, as it was before, is clicked
        await console.wait_until(lambda: bool(rows(live_server, "SELECT 1 FROM events WHERE type = 'quiz.scored'")), 5)
    finally:
        await asyncio.gather(*(page.close() for page in [console, *phones]))
    scored = rows(live_server, "SELECT data FROM events WHERE type = 'quiz.scored'")
    assert [json.loads(data)['reason'] for (data,) in scored] == ['correct']


async def test_a_timer_button_lands_while_the_clock_beside_it_changes(live_server: LiveServer) -> None:
    """The lagerhuis's *Pauzeer tijd*, made before the clock was extended, pauses it: the timer buttons are made once
    beside the clock (they were re-made with it at every change, and the click was lost)."""
    console = Console(live_server.url, live_server.demo_code(), live_server.admin_key)
    try:
        await console.open()
        await lagerhuis_statement(console)
        await console.click('Start voorbereiding')
        await console.wait_for_button('+30 seconden')
        if console.button('Pauzeer tijd') is None:  # no preparation time planned: the clock starts with the extension
            await console.click('+30 seconden')
            await console.wait_for_button('Pauzeer tijd')
        pause = console.button('Pauzeer tijd')
        assert pause is not None

        def clocks() -> int:
            return len(rows(live_server, "SELECT 1 FROM events WHERE type = 'lh.timer'"))

        before = clocks()
        await asyncio.sleep(DOUBLE_CLICK)  # a second extension, not the second half of a double click
        await console.click('+30 seconden')  # the clock changes ...
        await console.wait_until(lambda: clocks() > before)
        await asyncio.sleep(0.3)  # the console has its new clock
        await click_on(console, pause)  # ... and Pauzeer tijd, made before, is clicked
        await console.wait_for_text('Tijd gepauzeerd', timeout=5)
        assert console.button('Hervat tijd') is not None and console.button('Pauzeer tijd') is None
    finally:
        await console.close()


async def test_the_arenas_plan_points_and_planned_questions_land_on_their_own_row(live_server: LiveServer) -> None:
    """*Verwijder* on a planned question and on a key point, and *Stel deze* on a planned question in the round,
    made before the plan, the points or the asked questions changed, act on their own row (those lists were re-made
    at every change, and the click was lost)."""
    code = live_server.demo_code()
    console = Console(live_server.url, code, live_server.admin_key)
    inside = Phone(live_server.url, code, address=device_address(0))
    third, second = 'Wat deed dat incident met je', 'Wat gebeurde er vlak voordat het misging'
    try:
        await console.open()
        await console.click('Start', 'start-a4')  # the demo's arena
        await console.wait_until(functools.partial(shows_question_button, console, 'Verwijder', third))
        remove_third = question_button(console, 'Verwijder', third)
        await console.fill('Vraag', 'Een vraag erbij voor het plan')
        await click_on(console, button_inside(console, 'Vraag toevoegen aan het plan', 'Toevoegen'))  # the plan changes
        await console.wait_for_text('Een vraag erbij voor het plan')
        await click_on(console, remove_third)  # ... and the third question's Verwijder, made before, is clicked
        await console.wait_until(lambda: not console.shows(third), timeout=5)
        assert console.shows(second) and console.shows('Een vraag erbij voor het plan')

        for point in ('Punt een', 'Punt twee'):
            await console.fill('Kernpunt', point)
            await console.click('Leg vast')
            await console.wait_until(functools.partial(shows_question_button, console, 'Verwijder', point))
            if point == 'Punt een':
                remove_first = question_button(console, 'Verwijder', point)
        await click_on(console, remove_first)  # the points changed since it was made
        await console.wait_until(lambda: not console.shows('Punt een'), timeout=5)
        assert console.shows('Punt twee')

        await inside.open()
        await inside.join()
        await console.wait_for_button('Zet in de Binnenring')
        await console.click('Zet in de Binnenring')
        await console.step('Start ronde 1')
        await console.wait_until(functools.partial(shows_question_button, console, 'Stel deze', second))
        ask_second = question_button(console, 'Stel deze', second)
        await console.step('Stel de volgende vraag')  # the first is asked: the planned list changes ...
        await console.wait_until(lambda: not shows_question_button(console, 'Stel deze', 'Welke ervaring met'))
        await click_on(console, ask_second)  # ... and the second's Stel deze, made before, is clicked
        await console.wait_until(lambda: not shows_question_button(console, 'Stel deze', second), timeout=5)
        asked = rows(live_server, "SELECT data FROM events WHERE type = 'arena.asked'")
        assert [json.loads(data)['text'] for (data,) in asked][-1].startswith(second)
    finally:
        await asyncio.gather(console.close(), inside.close())


async def test_the_decks_stel_deze_vraag_asks_its_own_card_while_the_deck_changes(live_server: LiveServer) -> None:
    """*Stel deze vraag* on the deck's third card, made before a card was added, asks the third card (the deck was
    re-made at every change, and the click was lost)."""
    code = live_server.demo_code()
    console = Console(live_server.url, code, live_server.admin_key)
    phones = [Phone(live_server.url, code, address=device_address(i)) for i in range(4)]
    try:
        await quiz_started(console, phones)
        await console.wait_until(functools.partial(shows_row_button, console, 'Stel deze vraag 3'))
        ask_third = row_button(console, 'Stel deze vraag 3')
        await console.fill('Vraag', 'Een kaart erbij voor de quiz')
        await console.fill('Goed antwoord', 'Ja')
        await click_on(console, button_inside(console, 'Nieuwe kaart', 'Toevoegen'))  # the deck changes ...
        await console.wait_for_text('Een kaart erbij voor de quiz')
        await click_on(console, ask_third)  # ... and the third card's Stel deze vraag, made before, is clicked
        await console.wait_for_text('Vraag 3 van 23', timeout=5)
    finally:
        await asyncio.gather(*(page.close() for page in [console, *phones]))


async def test_start_het_debat_lands_while_phones_join_and_the_preparation_starts(live_server: LiveServer) -> None:
    """The set-up's *Start het debat*, made before phones joined and the preparation started, starts the debate: the
    set-up card is made once and its button is the preparation's (the card was re-made with the stage, and the
    click was lost)."""
    code = live_server.demo_code()
    console = Console(live_server.url, code, live_server.admin_key)
    phones = [Phone(live_server.url, code, address=device_address(i)) for i in range(4)]
    try:
        await console.open()
        await lagerhuis_statement(console)
        await asyncio.gather(*(phone.open() for phone in phones))
        await asyncio.gather(*(phone.join() for phone in phones[:2]))
        await asyncio.gather(*(phone.wait_for_text('Je zit nog niet aan een kant') for phone in phones[:2]))
        await console.click('Verdeel iedereen over VOOR en TEGEN')
        await console.wait_for_text('VOOR')
        start = console.button('Start het debat', Console.NEXT_STEP)
        assert start is not None
        await asyncio.gather(*(phone.join() for phone in phones[2:]))  # phones join ...
        await console.click('Start voorbereiding')  # ... and the preparation starts
        await console.wait_for_button('+30 seconden')
        await asyncio.sleep(DOUBLE_CLICK)
        await click_on(console, start)  # ... and Start het debat, made before, is clicked
        await asyncio.gather(*(phone.wait_for_button('Ik wil het woord', timeout=5) for phone in phones[:2]))
        assert rows(live_server, "SELECT 1 FROM events WHERE type = 'lh.debate'")
    finally:
        await asyncio.gather(*(page.close() for page in [console, *phones]))


async def switch_on(page: Page, text: str) -> None:
    """Turn on the visible switch with this text, as the browser sends it."""
    assert page.sio is not None
    for element_id, element in page.visible():
        if element.get('text') != text and element.get('props', {}).get('label') != text:
            continue
        for listener in element.get('events', ()):
            if listener['type'] in ('update:model-value', 'update:modelValue'):
                event = {'id': int(element_id), 'client_id': page.client_id, 'listener_id': listener['listener_id']}
                await page.sio.emit('event', {**event, 'args': [json.dumps(True)]})
                return
    raise PageError(f'{page.path}: no switch {text!r}; it shows: {page.texts()[:12]}')


async def test_toelaten_lands_on_its_request_while_another_phone_joins_and_asks(live_server: LiveServer) -> None:
    """The empty chair: *Toelaten* on the first request, made before another phone joined and asked to step in,
    lets that one in (the requests and newcomers were re-made at every change, and the click was lost)."""
    code = live_server.demo_code()
    console = Console(live_server.url, code, live_server.admin_key)
    phones = [Phone(live_server.url, code, address=device_address(i)) for i in range(3)]
    asking = 'iemand (anoniem) wil in de binnenring (lege stoel)'
    try:
        await console.open()
        await console.click('Start', 'start-a4')  # the demo's arena
        await asyncio.gather(*(phone.open() for phone in phones[:2]))
        await asyncio.gather(*(phone.join() for phone in phones[:2]))
        await console.wait_for_text('2 deelnemers nog zonder ring')
        await console.click('Zet in de Buitenring')
        await switch_on(console, 'Lege stoel: de buitenring mag vragen om in te stappen')
        await phones[0].wait_for_button('Ik wil in de binnenring (lege stoel)')
        await phones[0].click('Ik wil in de binnenring (lege stoel)')
        await console.wait_until(functools.partial(shows_question_button, console, 'Toelaten', asking))
        let_in = question_button(console, 'Toelaten', asking)
        await phones[2].open()
        await phones[2].join()  # a newcomer ...
        await console.wait_for_text('1 deelnemer nog zonder ring')
        await phones[1].wait_for_button('Ik wil in de binnenring (lege stoel)')
        await phones[1].click('Ik wil in de binnenring (lege stoel)')  # ... and another request
        await console.wait_until(lambda: console.texts().count(asking) == 2)
        await click_on(console, let_in)  # the first request's Toelaten, made before, is clicked
        await console.wait_until(lambda: console.texts().count(asking) == 1, timeout=5)
    finally:
        await asyncio.gather(*(page.close() for page in [console, *phones]))
    answered = [
        json.loads(data)
        for (data,) in rows(live_server, "SELECT data FROM events WHERE type = 'arena.switch.answered'")
    ]
    requested = rows(live_server, "SELECT actor_id FROM events WHERE type = 'arena.switch.requested' ORDER BY seq")
    assert [(a['participant'], a['accepted']) for a in answered] == [(requested[0][0], True)]


async def test_an_opinion_typed_on_the_console_is_recorded_while_the_group_picks_its_spokesperson(
    live_server: LiveServer,
) -> None:
    """The facilitator types the answer given aloud for an opinion card while a phone of the group becomes its
    spokesperson: the field keeps what was typed and *Vastleggen*, made before, records it (the card was re-made when
    the spokesperson changed: the text was lost with the field, and the click with the button)."""
    code = live_server.demo_code()
    console = Console(live_server.url, code, live_server.admin_key)
    phones = [Phone(live_server.url, code, address=device_address(i)) for i in range(4)]
    aloud = 'Antwoord van de woordvoerder (hardop gegeven)'
    try:
        await quiz_started(console, phones)
        await console.wait_until(functools.partial(shows_row_button, console, 'Stel deze vraag 3'))
        await click_on(console, row_button(console, 'Stel deze vraag 3'))  # the deck's first opinion card
        await asyncio.gather(*(phone.wait_for_text('Vraag 3 van 22') for phone in phones))
        await console.wait_until(lambda: any(e.get('props', {}).get('label') == aloud for _, e in console.visible()))
        field = next(int(i) for i, e in console.visible() if e.get('props', {}).get('label') == aloud)
        record = console.button('Vastleggen')
        assert record is not None
        await console.fill(aloud, 'We bellen eerst de leidinggevende')  # the facilitator types ...
        speaker = next(p for p in phones if p.shows('Jullie groep is aan de beurt!'))
        await speaker.wait_for_button('Ik geef het antwoord')
        await speaker.click('Ik geef het antwoord')  # ... while the group's phone becomes its spokesperson
        await console.wait_for_text('Woordvoerder')
        assert str(field) in console.elements, 'the field being typed in was re-made'
        await click_on(console, record)  # Vastleggen, as it was before, is clicked
        recorded = "SELECT 1 FROM events WHERE type = 'quiz.answered'"
        await console.wait_until(lambda: bool(rows(live_server, recorded)), 5)
    finally:
        await asyncio.gather(*(page.close() for page in [console, *phones]))
    answered = rows(live_server, "SELECT data FROM events WHERE type = 'quiz.answered'")
    assert [json.loads(data)['text'] for (data,) in answered] == ['We bellen eerst de leidinggevende']
