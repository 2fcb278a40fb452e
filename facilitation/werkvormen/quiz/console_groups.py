"""The kennisquiz console's groups: their names, members and members without a phone, and one form to move a
person to another group."""

from __future__ import annotations

from functools import partial
from typing import Any

from nicegui import ui

from ...live import LiveRoom
from ...ui.frame import live_section, t, text_input
from ...ui.handcount import whole
from ...ui.people import member_names, move_form
from ..handcount import MAX_COUNT
from . import rules as qz
from .common import Console, Do, group_names, participant_name


def groups_editor(room: LiveRoom, console: Console, do: Do) -> None:
    """The groups with their members, renaming, one form to move a person.

    One move form rather than a menu per person: a console with 200 participants stays light. Made once per set of
    groups: joins and moves update the member lists and the form in place, so typing and choosing are never cut."""
    view = console()
    if not view.groups or view.public.stage is qz.Stage.FINISHED:
        return

    def names() -> dict[str, str]:
        return group_names(console().public)

    def members(group_id: str) -> tuple[Any, ...]:
        group = console().group(group_id)
        numbers = {pid: i for i, pid in enumerate(room.state.participants, start=1)}
        people = [participant_name(room, pid, numbers.get(pid, 0)) for pid in (group.members if group else ())]
        return len(people) + (group.room if group else 0), tuple(people)

    def people() -> dict[str, str]:
        numbers = enumerate(room.state.participants, start=1)
        return {pid: participant_name(room, pid, i) for i, pid in numbers}

    with ui.expansion(t('quiz.groups'), icon='groups', value=view.public.stage is not qz.Stage.PLAYING).classes(
        'w-full'
    ):
        with ui.row().classes('w-full gap-4 items-start'):
            for group in view.groups:
                with ui.card().classes('quiz-group-card'):
                    name = text_input(t('quiz.group_name'), qz.MAX_GROUP_NAME, value=names()[group.id])
                    name.classes('w-full')
                    name.on('blur', lambda _, g=group.id, f=name: _rename(g, f.value, names(), do))
                    name.on('keydown.enter', lambda _, g=group.id, f=name: _rename(g, f.value, names(), do))
                    live_section(room, partial(members, group.id), _member_list)
                    _room_members(group.id, group.room, do)
        move_form(room, people, names, t('quiz.move_to'), lambda who, gid: do(qz.MoveParticipant(who, gid)))


def _member_list(value: tuple[int, tuple[str, ...]]) -> None:
    count, people = value
    ui.label(t('quiz.group_members_n', n=count)).classes('text-sm')
    member_names(list(people))


def _room_members(group_id: str, count: int, do: Do) -> None:
    """How many of the group take part without a phone (they answer aloud and raise their hands)."""
    with ui.row().classes('items-end gap-2 no-wrap'):
        field = ui.number(t('quiz.hand.members'), value=count, min=0, max=MAX_COUNT, precision=0)
        field.props('outlined stack-label dense').classes('w-48').mark(f'room-members-{group_id}')
        ui.button(t('common.save'), on_click=lambda: do(qz.SetRoomMembers(group_id, whole(field.value)))).props(
            'no-caps flat'
        ).mark(f'save-room-members-{group_id}')


def _rename(group_id: str, value: str, names: dict[str, str], do: Do) -> None:
    if value and value != names[group_id]:
        do(qz.RenameGroup(group_id, value))
