"""The three views of the stellingen werkvorm: facilitator control, projector, phone. Rules stay in the format."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from nicegui import ui

from ..formats import statements as st
from ..formats.base import Actor
from ..live import LiveRoom
from ..services import Services
from ..session import ForActivity
from .frame import live_section, live_value, run_command, svg_icon, t, text_input

CHOICE_ICON = {st.Choice.EENS: 'thumb_up', st.Choice.ONEENS: 'thumb_down'}  # files in assets/static/icons
CHOICE_COLOR = {st.Choice.EENS: '#1b6e35', st.Choice.ONEENS: '#b3261e'}


def _state(room: LiveRoom, activity_id: str) -> st.State:
    state: st.State = room.state.activities[activity_id].state
    return state


def _choice_word(choice: st.Choice) -> str:
    return t(f'st.{choice.value}')


def _statement_heading(view: st.PublicView, size: str) -> None:
    ui.label(t('st.statement_n', n=view.position, total=view.count)).classes('statement-position')
    ui.label(view.text).classes(f'statement-text {size}').props('role=heading aria-level=2')


def result_bars(tally: st.Tally, min_reveal: int) -> None:
    """A light result for phones and the console: words, icons, numbers and bars (never colour alone).

    Made as one HTML element (every text in it is ours and escaped): a reveal re-renders every phone at once.
    """
    if not tally.shown:
        ui.label(t('st.too_few', total=tally.total, min=min_reveal)).classes('result-hidden')
        return
    rows = []
    for choice in st.Choice:
        count = tally.eens if choice is st.Choice.EENS else tally.oneens
        percent = tally.percent(choice)
        rows.append(
            f'<div class="result-row choice-{choice.value}">'
            f'<img src="/static/icons/{CHOICE_ICON[choice]}.svg" alt="" width="24" height="24">'
            f'<span class="result-word">{escape(_choice_word(choice))}</span>'
            f'<span class="result-track"><span class="result-fill" style="width: {percent}%"></span></span>'
            f'<span class="result-count">{escape(t("st.count_pct", count=count, pct=percent))}</span></div>'
        )
    ui.html(''.join(rows), sanitize=False).classes('result-bars w-full')


def chart_figure(results: tuple[st.RoundResult, ...], words: dict[st.Choice, str], round_name: str) -> dict[str, Any]:
    """The result chart as a plain plotly dict (no go.Figure, no template: cheap to build and to send).

    One bar group per round, counts and percentages written on the bars, a pattern besides the colour.
    """
    data = []
    for result in results:
        counts = [result.tally.eens, result.tally.oneens]
        data.append(
            {
                'type': 'bar',
                'x': [words[c] for c in st.Choice],
                'y': counts,
                'name': round_name.format(n=result.number),
                'text': [f'{n} ({result.tally.percent(c)}%)' for n, c in zip(counts, st.Choice, strict=True)],
                'textposition': 'outside',
                'textfont': {'size': 30},
                'marker': {
                    'color': [CHOICE_COLOR[c] for c in st.Choice],
                    'pattern': {'shape': ['', '/'] if result.number == 1 else ['x', 'x']},
                    'opacity': 1.0 if result.number == len(results) else 0.55,
                },
            }
        )
    top = max((max(r.tally.eens, r.tally.oneens) for r in results), default=1)
    layout = {
        'barmode': 'group',
        'showlegend': len(results) > 1,
        'font': {'size': 26, 'color': '#111827'},
        'autosize': True,
        'margin': {'l': 50, 'r': 20, 't': 20, 'b': 50},
        'legend': {'font': {'size': 22}},
        'xaxis': {'showgrid': False},
        'yaxis': {'range': [0, top * 1.25 + 1], 'dtick': max(1, top // 5), 'gridcolor': '#e5e7eb'},
        'paper_bgcolor': 'rgba(0,0,0,0)',
        'plot_bgcolor': 'rgba(0,0,0,0)',
    }
    return {'data': data, 'layout': layout, 'config': {'staticPlot': True, 'responsive': True}}


def result_chart(results: tuple[st.RoundResult, ...]) -> None:
    """The projector's plotly chart (sized by its wrapper, so the figure is sent once)."""
    figure = chart_figure(results, {c: _choice_word(c) for c in st.Choice}, t('st.round_n', n='{n}'))
    with ui.element('div').classes('result-chart w-full'):
        ui.plotly(figure)


# --- phone -----------------------------------------------------------------------------------------------------------


def participant_panel(room: LiveRoom, activity_id: str, actor: Actor, services: Services) -> None:
    """The phone: one card whose elements are made once and updated in place at every step of the facilitator.

    A step then costs every phone a few property changes instead of a re-rendered card (1000 phones, one step).
    """

    def vote(choice: st.Choice) -> None:
        run_command(room, actor, ForActivity(activity_id, st.CastVote(choice.value)))

    def view() -> tuple[st.PublicView, st.Choice | None]:
        state = _state(room, activity_id)
        public = room.memo(('public', activity_id), lambda: st.public_view(state, room.state.min_reveal))
        return public, st.my_vote(state, actor.id)

    def show_results(results: tuple[st.RoundResult, ...]) -> None:
        for result in results:
            ui.label(f'{t("st.result")} · {t("st.round_n", n=result.number)}').classes('result-title')
            result_bars(result.tally, room.state.min_reveal)

    waiting = ui.label(t('join.waiting')).classes('phone-wait').props('role=status')
    with ui.card().classes('phone-card w-full') as card:
        position = ui.label().classes('statement-position')
        text = ui.label().classes('statement-text text-xl').props('role=heading aria-level=2')
        hint = ui.label().classes('phone-hint').props('role=status')
        wait_for_result = ui.label(t('st.wait_for_result')).classes('phone-hint')
        buttons = _VoteButtons(vote)
        live_section(room, lambda: view()[0].results, show_results)

    def show(value: tuple[st.PublicView, st.Choice | None]) -> None:
        public, mine = value
        idle = public.phase is st.Phase.IDLE
        waiting.set_visibility(idle)
        card.set_visibility(not idle)
        position.set_text(t('st.statement_n', n=public.position, total=public.count))
        text.set_text(public.text)
        hint.set_text(_phone_hint(public.phase, mine))
        hint.set_visibility(public.phase in (st.Phase.SHOWN, st.Phase.CLOSED))
        wait_for_result.set_visibility(public.phase is st.Phase.CLOSED)
        buttons.show(mine if public.phase is st.Phase.VOTING else None, visible=public.phase is st.Phase.VOTING)

    live_value(room, view, show)


def _phone_hint(phase: st.Phase, mine: st.Choice | None) -> str:
    if phase is st.Phase.SHOWN:
        return t('st.wait_for_voting')
    if phase is st.Phase.CLOSED:
        return t('st.voting_closed_mine', choice=_choice_word(mine)) if mine else t('st.voting_closed_none')
    return ''


class _VoteButtons:
    """Two big buttons, made once; the chosen one is marked in place (icon, pressed state, a sentence below)."""

    def __init__(self, vote: Callable[[st.Choice], Any]) -> None:
        self.buttons: dict[st.Choice, ui.button] = {}
        with ui.column().classes('vote-buttons w-full gap-4').props('role=group') as self.group:
            for choice in st.Choice:
                button = ui.button(_choice_word(choice), on_click=lambda c=choice: vote(c), color=CHOICE_COLOR[choice])
                button.classes(f'vote-button choice-{choice.value} w-full').props(
                    f'no-caps unelevated aria-label="{t(f"st.vote.{choice.value}.label")}"'
                )
                self.buttons[choice] = button
        self.saved = ui.label().classes('vote-saved').props('role=status')
        self.change = ui.label(t('st.change_vote')).classes('phone-hint')
        self.shown: tuple[st.Choice | None, bool] | None = None

    def show(self, chosen: st.Choice | None, *, visible: bool) -> None:
        if self.shown == (chosen, visible):
            return  # nothing to send to this phone
        self.shown = (chosen, visible)
        self.group.set_visibility(visible)
        for choice, button in self.buttons.items():
            pressed = choice is chosen
            button.props['icon'] = svg_icon('check_circle' if pressed else CHOICE_ICON[choice], white=True)
            button.props['aria-pressed'] = 'true' if pressed else 'false'
            button.classes(add='chosen') if pressed else button.classes(remove='chosen')
        self.saved.set_text(t('st.your_vote', choice=_choice_word(chosen)) if chosen else '')
        self.saved.set_visibility(visible and chosen is not None)
        self.change.set_visibility(visible and chosen is not None)


# --- projector -------------------------------------------------------------------------------------------------------


def projector_panel(room: LiveRoom, activity_id: str, services: Services) -> None:
    min_reveal = room.state.min_reveal

    def render(view: st.PublicView) -> None:
        if view.phase is st.Phase.IDLE:
            return
        _statement_heading(view, 'projector-statement')
        source = services.clip_source(_state(room, activity_id).statements[view.statement_id or ''].clip)
        if source and view.phase is st.Phase.SHOWN:
            _clip(source)
        if view.phase is st.Phase.VOTING:
            ui.label(t('proj.voting_open')).classes('projector-status')
        elif view.phase is st.Phase.CLOSED:
            ui.label(t('proj.voting_closed')).classes('projector-status')
        if view.results:
            shown = tuple(r for r in view.results if r.tally.shown)
            if shown:
                result_chart(shown)
            for result in view.results:
                if not result.tally.shown:
                    ui.label(t('st.too_few', total=result.tally.total, min=min_reveal)).classes('projector-status')

    def render_count(value: tuple[st.Phase, int, int]) -> None:
        phase, voted, joined = value
        if phase in (st.Phase.VOTING, st.Phase.CLOSED):
            ui.label(t('proj.voted', voted=voted, joined=joined)).classes('projector-count').props('aria-live=polite')

    live_section(room, lambda: st.public_view(_state(room, activity_id), min_reveal), render)
    live_section(room, lambda: _count(room, activity_id), render_count)


def _count(room: LiveRoom, activity_id: str) -> tuple[st.Phase, int, int]:
    """The live vote count: phase, how many voted, how many joined (changes with every vote; kept apart)."""
    state = _state(room, activity_id)
    return state.phase, st.voted(state), len(room.state.participants)


VIDEO_SUFFIXES = ('.mp4', '.webm', '.ogv', '.ogg', '.mov', '.m4v')


def _clip(source: str) -> None:
    """A playable video for video files; any other link is shown as its address (no internet is assumed)."""
    if source.lower().split('?')[0].endswith(VIDEO_SUFFIXES):
        ui.video(source, autoplay=False).classes('projector-clip')
    else:
        with ui.row().classes('items-center projector-status'):
            ui.icon('movie').props('aria-hidden=true')
            ui.label(f'{t("proj.clip")}: {source}')


# --- facilitator -----------------------------------------------------------------------------------------------------


def _next_step(state: st.State) -> tuple[str, object] | None:
    """The one obvious next step for the facilitator, as (label key, command)."""
    statement = state.current_statement
    following = state.next_id()
    if statement is None:
        return ('st.show_first', st.ShowStatement(following)) if following else None
    match statement.phase:
        case st.Phase.SHOWN:
            return 'st.open_voting', st.OpenVoting()
        case st.Phase.VOTING:
            return 'st.close_voting', st.CloseVoting()
        case st.Phase.CLOSED:
            return 'st.reveal', st.Reveal()
    return ('st.next', st.ShowStatement(following)) if following else None


def facilitator_panel(room: LiveRoom, activity_id: str, actor: Actor, services: Services) -> None:
    def do(command: object) -> bool:
        return run_command(room, actor, ForActivity(activity_id, command))

    def control() -> tuple[st.PublicView, int]:
        state = _state(room, activity_id)
        return st.public_view(state, room.state.min_reveal), len(state.statements)

    def render_count(value: tuple[st.Phase, int, int]) -> None:
        phase, voted, joined = value
        if phase in (st.Phase.VOTING, st.Phase.CLOSED, st.Phase.REVEALED):
            ui.label(t('st.voted_live', voted=voted, joined=joined)).classes('voted-live').props('aria-live=polite')

    def render_control(value: tuple[st.PublicView, int]) -> None:
        view = value[0]
        state = _state(room, activity_id)
        with ui.card().classes('control-card w-full'):
            with ui.row().classes('items-center gap-2'):
                ui.label(t(f'st.phase.{view.phase.value}')).classes('phase-chip')
                live_section(room, lambda: _count(room, activity_id), render_count)
            if view.statement_id:
                _statement_heading(view, 'text-2xl')
                note = state.statements[view.statement_id].note
                if note:
                    ui.label(f'{t("st.note")}: {note}').classes('facilitator-note')
            step = _next_step(state)
            with ui.row().classes('gap-3 items-center'):
                if step:
                    label, command = step
                    ui.button(t(label), on_click=lambda c=command: do(c)).props('size=lg no-caps').classes(
                        'next-step'
                    ).mark('next-step')
                else:
                    ui.label(t('st.all_done'))
                if view.phase is st.Phase.REVEALED:
                    ui.button(t('st.second_round'), icon='replay', on_click=lambda: do(st.OpenVoting())).props(
                        'outline no-caps'
                    )
                elif view.phase is st.Phase.CLOSED:
                    ui.button(t('st.reopen'), icon='lock_open', on_click=lambda: do(st.OpenVoting())).props(
                        'outline no-caps'
                    )
            for result in view.results:
                ui.label(t('st.round_n', n=result.number)).classes('result-title')
                result_bars(result.tally, room.state.min_reveal)

    live_section(room, control, render_control)
    live_section(room, lambda: _state(room, activity_id).current, lambda _: _discussion_form(room, activity_id, do))
    live_section(room, lambda: _list_view(_state(room, activity_id)), lambda rows: _statement_list(rows, do))
    _add_statement_form(do)


def _discussion_form(room: LiveRoom, activity_id: str, do: Callable[[object], bool]) -> None:
    statement = _state(room, activity_id).current_statement
    if statement is None:
        return
    with ui.expansion(t('st.discussion'), icon='forum', value=True).classes('w-full discussion'):
        fields = [
            text_input(
                t(f'st.discussion.{name}'), st.MAX_DISCUSSION, multiline=True, value=getattr(statement.discussion, name)
            ).classes('w-full')
            for name in ('known', 'practice', 'policy')
        ]

        def save() -> None:
            if do(st.SaveDiscussion(statement.id, *(f.value for f in fields))):
                ui.notify(t('common.saved'), type='positive')

        ui.button(t('common.save'), icon='save', on_click=save).props('no-caps').mark('save-discussion')


def _list_view(state: st.State) -> tuple[tuple[str, str, st.Phase | None, bool], ...]:
    return tuple(
        (s.id, s.text, s.phase if s.rounds else None, s.id == state.current) for s in state.statements.values()
    )


def _statement_list(rows: tuple[tuple[str, str, st.Phase | None, bool], ...], do: Callable[[object], bool]) -> None:
    with ui.expansion(t('st.statements'), icon='list', value=False).classes('w-full statement-list'):
        for position, (sid, text, phase, current) in enumerate(rows, start=1):
            with ui.row().classes('items-center no-wrap w-full' + (' current' if current else '')):
                ui.label(f'{position}.').classes('w-8')
                ui.label(text).classes('grow')
                if phase is not None:
                    ui.label(t(f'st.phase.{phase.value}')).classes('phase-chip small')
                if not current:
                    ui.button(t('st.show'), on_click=lambda s=sid: do(st.ShowStatement(s))).props(
                        f'flat no-caps aria-label="{t("st.show")} {position}"'
                    )


def _add_statement_form(do: Callable[[object], bool]) -> None:
    with ui.expansion(t('st.new_statement'), icon='add').classes('w-full'):
        text = text_input(t('st.field.text'), st.MAX_STATEMENT).mark('statement-text')
        clip = text_input(t('st.field.clip'), st.MAX_CLIP, hint=t('common.optional'))
        note = text_input(t('st.field.note'), st.MAX_NOTE, hint=t('common.optional'))

        def add() -> None:
            if do(st.AddStatement(text.value, clip.value, note.value)):
                text.value = clip.value = note.value = ''
                ui.notify(t('common.saved'), type='positive')

        ui.button(t('common.add'), icon='add', on_click=add).props('no-caps').mark('add-statement')
