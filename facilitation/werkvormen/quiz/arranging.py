"""The kennisquiz's decisions on the deck (add, edit, remove, import cards) and on the groups (divide, place,
move, rename, members without a phone, letting people choose)."""

from __future__ import annotations

from ..base import (
    Context,
    Event,
    TimerCommand,
    UnknownItem,
    WrongPhase,
    clean_text,
)
from ..handcount import checked_count
from .commands import (
    AddCard,
    AllowGroupChoice,
    DivideGroups,
    EditCard,
    ImportCards,
    MoveParticipant,
    PlaceNewcomers,
    QuizCommand,
    RemoveCard,
    RenameGroup,
    SetRoomMembers,
)
from .model import (
    MAX_CARDS,
    MAX_GROUP_NAME,
    MAX_GROUPS,
    InvalidCard,
    Stage,
    State,
    TooLate,
    card_fields,
    checked_card,
)


def decide_card(state: State, command: AddCard | EditCard | RemoveCard | ImportCards, ctx: Context) -> list[Event]:
    if state.stage is Stage.FINISHED:
        raise WrongPhase(phase=state.stage.value)
    if isinstance(command, ImportCards):
        asked = state.asked()
        removed = [c for c in state.cards if c not in asked] if command.replace else []
        if not isinstance(command.cards, list | tuple) or not command.cards:
            raise WrongPhase(phase='no-cards')
        if len(state.cards) - len(removed) + len(command.cards) > MAX_CARDS:
            raise WrongPhase(phase='full')
        number = state.next_card_number
        cards = []
        for item in command.cards:
            if not isinstance(item, dict):
                raise InvalidCard(card='?', problem='kind')
            cards.append({'card': f'c{number}', **card_fields(checked_card(f'c{number}', item))})
            number += 1
        return [ctx.event('quiz.cards.imported', removed=removed, cards=cards)]
    if isinstance(command, RemoveCard):
        _not_asked(state, command.card_id)
        return [ctx.event('quiz.card.removed', card=command.card_id)]
    fields = {k: getattr(command, k) for k in ('kind', 'question', 'points', 'answer', 'correct', 'note')}
    fields.update(options=list(command.options), time_limit=command.time_limit)
    if isinstance(command, EditCard):
        _not_asked(state, command.card_id)
        card = checked_card(command.card_id, fields)
        return [ctx.event('quiz.card.edited', card=card.id, **card_fields(card))]
    if len(state.cards) >= MAX_CARDS:
        raise WrongPhase(phase='full')
    card = checked_card(f'c{state.next_card_number}', fields)
    return [ctx.event('quiz.card.added', card=card.id, **card_fields(card))]


def _not_asked(state: State, card_id: str) -> None:
    if card_id not in state.cards:
        raise UnknownItem(item=card_id)
    if card_id in state.asked():
        raise TooLate()


def _balanced(participants: list[str], groups: list[str], members: dict[str, str]) -> dict[str, str]:
    """Place `participants` one by one in the smallest group (the first of equals)."""
    sizes = {g: sum(1 for gid in members.values() if gid == g) for g in groups}
    placed = {}
    for pid in participants:
        smallest = min(groups, key=lambda g: sizes[g])
        placed[pid] = smallest
        sizes[smallest] += 1
    return placed


def decide_groups(state: State, command: QuizCommand | TimerCommand, ctx: Context) -> list[Event]:
    if state.stage is Stage.FINISHED:
        raise WrongPhase(phase=state.stage.value)
    match command:
        case DivideGroups(count):
            if state.stage is not Stage.SETUP:
                raise TooLate()
            if not isinstance(count, int) or isinstance(count, bool) or not 2 <= count <= MAX_GROUPS:
                raise WrongPhase(phase='group-count')
            groups = [f'g{i}' for i in range(1, count + 1)]
            # participant ids are keyed hashes: sorting them is an order nobody can steer, and the same on replay
            placed = _balanced(sorted(ctx.participants), groups, {})
            return [ctx.event('quiz.groups.divided', groups=groups, members=placed)]
        case PlaceNewcomers():
            if not state.groups:
                raise WrongPhase(phase='no-groups')
            newcomers = sorted(p for p in ctx.participants if p not in state.members)
            if not newcomers:
                return []
            return [ctx.event('quiz.members.placed', members=_balanced(newcomers, list(state.groups), state.members))]
        case MoveParticipant(participant_id, group_id):
            if participant_id not in ctx.participants:
                raise UnknownItem(item=participant_id)
            if group_id not in state.groups:
                raise UnknownItem(item=group_id)
            if state.members.get(participant_id) == group_id:
                return []
            return [ctx.event('quiz.members.placed', members={participant_id: group_id})]
        case RenameGroup(group_id, name):
            if group_id not in state.groups:
                raise UnknownItem(item=group_id)
            return [ctx.event('quiz.group.renamed', group=group_id, name=clean_text(name, 'name', MAX_GROUP_NAME))]
        case SetRoomMembers(group_id, count):
            if group_id not in state.groups:
                raise UnknownItem(item=group_id)
            checked = checked_count(count)
            return (
                []
                if checked == state.groups[group_id].room
                else [ctx.event('quiz.room', group=group_id, count=checked)]
            )
        case AllowGroupChoice(allowed):
            if bool(allowed) == state.group_choice:
                return []
            if allowed and not state.groups:
                raise WrongPhase(phase='no-groups')
            return [ctx.event('quiz.group_choice', allowed=bool(allowed))]
    raise WrongPhase(phase='unknown-command')
