"""The floor: the least a bare NiceGUI app does for the same job, so every product figure can be read as a ratio.

Same URLs, labels and texts as Samenspel (the load generator cannot tell them apart): a phone page /j/CODE with
'Doe mee', then 'Stelling n van M' and, while voting is open, 'Eens'/'Oneens'; a projector /p/CODE whose label
'{n} van {m} gestemd' is updated in place on every vote; a console /f/CODE with one next-step button. Votes are
kept in memory by browser id (no log, no pseudonyms, no page frame or styling, no per-role projections).

    python -m bench.floor --port 8081
"""

from __future__ import annotations

import argparse
import secrets
from dataclasses import dataclass, field

from nicegui import Event, app, ui

CODE = 'FLOOR'
STATEMENTS = 14
STEPS = {  # phase -> label of the next step
    'idle': 'Toon eerste stelling',
    'shown': 'Open stemming',
    'voting': 'Sluit stemming',
    'closed': 'Toon uitslag',
    'revealed': 'Volgende stelling',
}


@dataclass
class Room:
    phase: str = 'idle'
    statement: int = 0
    joined: set[str] = field(default_factory=set)
    votes: dict[str, str] = field(default_factory=dict)  # browser id -> choice, current statement
    phase_changed: Event[[]] = field(default_factory=Event)
    count_changed: Event[[]] = field(default_factory=Event)

    def next_step(self) -> None:
        if self.phase in ('idle', 'revealed'):
            self.statement, self.phase = self.statement + 1, 'shown'
            self.votes = {}
        else:
            self.phase = {'shown': 'voting', 'voting': 'closed', 'closed': 'revealed'}[self.phase]
        self.phase_changed.emit()
        self.count_changed.emit()

    def count_text(self) -> str:
        return f'{len(self.votes)} van {len(self.joined)} gestemd' if self.phase in ('voting', 'closed') else ''


room = Room()


@ui.page('/join')
def join_page() -> None:
    ui.label('Meedoen')


@app.get('/bench/votes')
def counted_votes() -> list[tuple[str, str]]:
    """The votes of the current statement in the order they were counted (the harness checks none was lost)."""
    return list(room.votes.items())


@ui.page('/j/{code}')
def phone(code: str) -> None:
    me = app.storage.browser['id']

    def join() -> None:
        room.joined.add(me)
        view.refresh()
        room.count_changed.emit()

    def vote(choice: str) -> None:
        if room.phase == 'voting':
            room.votes[me] = choice
            view.refresh()
            room.count_changed.emit()

    @ui.refreshable
    def view() -> None:
        if me not in room.joined:
            ui.button('Doe mee', on_click=join)
            return
        if room.phase == 'idle':
            ui.label('Je doet mee! Wacht op de eerste stelling…')
            return
        ui.label(f'Stelling {room.statement} van {STATEMENTS}')
        if room.phase == 'voting':
            ui.button('Eens', on_click=lambda: vote('eens'))
            ui.button('Oneens', on_click=lambda: vote('oneens'))
            if me in room.votes:
                ui.label(f'Je stem is opgeslagen: {room.votes[me].capitalize()}')
        elif room.phase == 'closed':
            ui.label('De stemming is gesloten')
        elif room.phase == 'revealed':
            eens = sum(1 for choice in room.votes.values() if choice == 'eens')
            ui.label(f'Uitslag: {eens} eens, {len(room.votes) - eens} oneens')

    view()
    room.phase_changed.subscribe(view.refresh)


@ui.page('/p/{code}')
def projector(code: str) -> None:
    statement = ui.label()
    count = ui.label(room.count_text())

    def show_statement() -> None:
        statement.text = f'Stelling {room.statement} van {STATEMENTS}' if room.statement else ''

    show_statement()
    room.phase_changed.subscribe(show_statement)
    room.count_changed.subscribe(lambda: count.set_text(room.count_text()))


@ui.page('/f/{code}')
def console(code: str, key: str = '') -> None:
    @ui.refreshable
    def control() -> None:
        ui.label(f'Stelling {room.statement} van {STATEMENTS}: {room.phase}')
        ui.button(STEPS[room.phase], on_click=room.next_step).classes('next-step')

    control()
    count = ui.label(room.count_text())
    room.phase_changed.subscribe(control.refresh)
    room.count_changed.subscribe(lambda: count.set_text(room.count_text()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--host', default='127.0.0.1')
    parser.add_argument('--port', type=int, default=8081)
    args = parser.parse_args()
    print(f'floor: http://{args.host}:{args.port}/j/{CODE}', flush=True)
    ui.run(
        host=args.host,
        port=args.port,
        title='Floor',
        language='nl',
        storage_secret=secrets.token_urlsafe(32),
        reconnect_timeout=60.0,  # as Samenspel
        tailwind=False,  # as Samenspel: the floor is the least NiceGUI needs, not its default extras
        reload=False,
        show=False,
    )


if __name__ in {'__main__', '__mp_main__'}:
    main()
