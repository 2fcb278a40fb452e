"""The Dilemmamethodiek's evolve: one event applied to the state (what decide validated, and the replay)."""

from __future__ import annotations

from ..base import Event, Role
from .model import (
    FORMULATION,
    VALUES,
    Agreement,
    AgreementKind,
    Category,
    Choice,
    Closed,
    Column,
    Entry,
    Evaluation,
    Judgement,
    Stage,
    State,
    Status,
    Step,
    Submission,
    Verdict,
    leaves_open_ratings,
)


def evolve(state: State, event: Event) -> State:
    """Apply one event (validated by decide; this is also the replay)."""
    data = event.data
    match event.type:
        case 'dilemma.steps':
            state.steps = [Step(s) for s in data['steps']]
        case 'dilemma.seconds':
            state.seconds[Step(data['step'])] = data['seconds']
        case 'dilemma.step':
            if leaves_open_ratings(state, Step(data['step'])):
                state.ratings_closed = Closed()  # a log from before the closing was an event of its own
            state.stage = Stage.RUNNING
            state.step = Step(data['step'])
            state.deadline, state.left = data['deadline'], None
        case 'dilemma.ratings.closed':
            state.ratings_closed = state.ratings_closed or Closed(data.get('min_reveal'))
        case 'dilemma.ended':
            if leaves_open_ratings(state, None):
                state.ratings_closed = Closed()
            state.answers_closed = state.answers_closed or Closed(data.get('min_reveal'))  # the first end counts
            state.stage = Stage.DONE
            state.deadline = state.left = None
        case 'dilemma.timer':
            state.deadline, state.left = data['deadline'], data['left']
        case 'dilemma.submitted':
            author = event.actor.id
            state.submissions[data['item']] = Submission(
                data['item'],
                author,
                data['text'],
                Category(data['category']),
                data['show_name'],
                Status(data['status']),
            )
            if event.actor.role is Role.PARTICIPANT:
                state.sent[author] = state.sent.get(author, 0) + 1
        case 'dilemma.moderated':
            for item_id, status in data['items'].items():
                item = state.submissions.get(item_id) or state.entries[item_id]
                item.status = Status(status)
                if item.status is Status.REMOVED:
                    state.marks = {m: v for m, v in state.marks.items() if item_id not in m}
        case 'dilemma.chosen':
            state.chosen = data['submission']
        case 'dilemma.formulated':
            state.formulation = {name: data[name] for name in FORMULATION}
        case 'dilemma.rated':
            scores = data['scores']
            state.ratings.setdefault(data['submission'], {})[event.actor.id] = (scores[0], scores[1], scores[2])
        case 'dilemma.judged':
            judgements = state.before if data['moment'] == 'before' else state.after
            judgements[event.actor.id] = Judgement(Choice(data['choice']), data['sentence'])
        case 'dilemma.entry':
            author = event.actor.id
            state.entries[data['item']] = Entry(
                data['item'], Column(data['column']), author, data['text'], Status(data['status']), data.get('of', '')
            )
            if event.actor.role is Role.PARTICIPANT:
                state.sent[author] = state.sent.get(author, 0) + 1
        case 'dilemma.moved':
            state.entries[data['entry']].column = Column(data['column'])
            if state.entries[data['entry']].column not in VALUES:
                state.marks = {m: v for m, v in state.marks.items() if m[1] != data['entry']}
        case 'dilemma.marked':
            mark = (data['alternative'], data['entry'])
            if data['on']:
                state.marks[mark] = Verdict(data.get('verdict', Verdict.RECHT.value))  # older logs: only 'recht'
            else:
                state.marks.pop(mark, None)
        case 'dilemma.assigned':
            state.entries[data['entry']].of = data['of']
        case 'dilemma.inbrenger':
            state.inbrenger = data['participant']
        case 'dilemma.deliberated':
            state.deliberation[data['field']] = data['text']
        case 'dilemma.agreement':
            state.agreement_counter += 1
            state.agreements.append(
                Agreement(
                    data['agreement'],
                    AgreementKind(data['kind']),
                    data['text'],
                    data['owner'],
                    data['term'],
                    data['basis'],
                )
            )
        case 'dilemma.agreement.removed':
            state.agreements = [a for a in state.agreements if a.id != data['agreement']]
        case 'dilemma.evaluated':
            state.evaluations[event.actor.id] = Evaluation(data['score'], data['sentence'])
    return state
