"""Leren als individu: the leerdoelwijzers and the ontwikkelmatrix as pure rules (decide/evolve), shared by both.

The seed (part 1 and its appendix): every employee fills in a questionnaire about their own conduct (a function
group's leerdoelwijzer: Altijd / Vaak / Soms / Nooit) or their own development (the matrix: Bewust van … Ik kan het
anderen leren); each gets their own learning goal out of it; brought together the answers show the team's learning
goals, which the coördinator agressie en geweld turns into an offer (kennis, vaardigheden, coaching on the job).
Rules kept here:

- each participant fills in one form: the only one, or the function group they choose where the facilitator picked
  several; choosing another form starts it afresh (answers of one form never count for another);
- answers change until the facilitator closes the round (the close records the minimum group size in force);
  the own learning goal stays the person's to write, also after the close;
- only a participant who chose a name may offer to teach colleagues a topic, and only one they answered at the
  level 'Ik kan het anderen leren';
- what anyone may see is in projections.py (the privacy promise and the minimum).
"""

from __future__ import annotations

from typing import Any

from ..base import (
    Context,
    Event,
    InvalidText,
    UnknownItem,
    WrongPhase,
    clean_text,
    require_role,
    roles_of,
)
from .commands import (
    Answer,
    ChooseForm,
    CloseRound,
    Finish,
    LeerdoelenCommand,
    OfferHelp,
    SetGoal,
    SetOwnTopic,
)
from .model import (
    LEERDOELWIJZER,
    MAX_FORMS,
    MAX_GOAL,
    MAX_ITEMS,
    MAX_OWN_TOPIC,
    MAX_TEXT,
    OFFER_KINDS,
    ONTWIKKELMATRIX,
    Baseline,
    Form,
    Item,
    NoForm,
    NotNamed,
    NotOpen,
    NotTeaching,
    Person,
    Section,
    State,
)
from .projections import (
    ConsoleView,
    Distribution,
    GroupPicture,
    Helper,
    ItemRow,
    ParticipantView,
    Profile,
    ProfileSection,
    PublicView,
    SectionRow,
    TeamPicture,
    aggregate,
    console_view,
    participant_view,
    profile,
    public_view,
    respondents,
    team_picture,
)

__all__ = [
    'LEERDOELWIJZER',
    'MAX_GOAL',
    'MAX_OWN_TOPIC',
    'OFFER_KINDS',
    'ONTWIKKELMATRIX',
    'ROLES',
    'Answer',
    'Baseline',
    'ChooseForm',
    'CloseRound',
    'Command',
    'ConsoleView',
    'Distribution',
    'Finish',
    'Form',
    'GroupPicture',
    'Helper',
    'Item',
    'ItemRow',
    'NoForm',
    'NotNamed',
    'NotOpen',
    'NotTeaching',
    'OfferHelp',
    'ParticipantView',
    'Person',
    'Profile',
    'ProfileSection',
    'PublicView',
    'Section',
    'SectionRow',
    'SetGoal',
    'SetOwnTopic',
    'State',
    'TeamPicture',
    'aggregate',
    'config_of',
    'console_view',
    'decide',
    'evolve',
    'make_state',
    'participant_view',
    'profile',
    'public_view',
    'respondents',
    'team_picture',
]

Command = LeerdoelenCommand
ROLES = roles_of(LeerdoelenCommand)


# --- the config: the instrument's content, copied into the log so a session replays as it was held ---------------


def _text(value: object, name: str, required: bool = True) -> str:
    return clean_text(value, name, MAX_TEXT, required=required)


def _index(value: object, size: int, name: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < size:
        raise InvalidText(field=name)
    return value


def _list(value: object, name: str, most: int) -> list[Any]:
    if not isinstance(value, list | tuple) or not 1 <= len(value) <= most:
        raise InvalidText(field=name)
    return list(value)


def _form(raw: Any, check: bool) -> Form:
    if not isinstance(raw, dict):
        raise InvalidText(field='forms')
    form_id = raw.get('id')
    if not isinstance(form_id, str) or not form_id or not all(c.isalnum() or c in '-_' for c in form_id):
        raise InvalidText(field='forms.id')
    text = _text if check else (lambda value, name, required=True: value or '')
    sections = []
    for s_number, section in enumerate(_list(raw.get('sections'), 'sections', 20), start=1):
        if not isinstance(section, dict):
            raise InvalidText(field='sections')
        title = text(section.get('title'), 'sections.title')
        items = _list(section.get('items'), 'items', MAX_ITEMS)
        sections.append(
            Section(
                title,
                tuple(
                    Item(f'{form_id}.{s_number}.{i_number}', text(item, 'items'), title)
                    for i_number, item in enumerate(items, start=1)
                ),
            )
        )
    form = Form(
        form_id,
        text(raw.get('title'), 'title'),
        text(raw.get('group', ''), 'group', required=False),
        text(raw.get('contact', ''), 'contact', required=False),
        text(raw.get('goal_question', ''), 'goal_question', required=False),
        tuple(sections),
    )
    if check and len(form.items) > MAX_ITEMS:
        raise InvalidText(field='items')
    return form


def _baseline(raw: Any) -> Baseline | None:
    if not isinstance(raw, dict):
        return None
    shares = {
        key: {str(k): float(v) for k, v in (raw.get(key) or {}).items() if isinstance(v, int | float)}
        for key in ('sections', 'items')
    }
    return Baseline(str(raw.get('at', '')), shares['sections'], shares['items'])


def make_state(config: dict[str, Any], instrument: str, *, check: bool = True) -> State:
    """The round's starting state from its config:

        {'forms': [{'id', 'title', 'group', 'contact', 'goal_question', 'sections': [{'title', 'items': [text]}]}],
         'scale': [answer, ...], 'need': [index, ...], 'teach': index | None, 'offers': [[kind, text], ...],
         'own_topic': text, 'baseline': {'at', 'sections': {title: share}, 'items': {text: share}} | None}

    With `check` (a new activity) every part is validated; replay (check=False) takes the log as it was written.
    """
    forms = [_form(raw, check) for raw in _list(config.get('forms'), 'forms', MAX_FORMS)]
    if len({f.id for f in forms}) != len(forms):
        raise InvalidText(field='forms.id')
    scale = tuple(_text(a, 'scale') if check else a for a in _list(config.get('scale'), 'scale', 8))
    if check and len(scale) < 2:
        raise InvalidText(field='scale')
    need = frozenset(_index(i, len(scale), 'need') for i in config.get('need') or ())
    teach = config.get('teach')
    offers = tuple(
        (kind, _text(words, 'offers') if check else words)
        for kind, words in (config.get('offers') or ())
        if not check or kind in OFFER_KINDS
    )
    return State(
        instrument,
        {f.id: f for f in forms},
        scale,
        need,
        None if teach is None else _index(teach, len(scale), 'teach'),
        offers,
        clean_text(config.get('own_topic', ''), 'own_topic', MAX_OWN_TOPIC, required=False) if check else
        config.get('own_topic', ''),
        _baseline(config.get('baseline')),
    )  # fmt: skip


def config_of(state: State) -> dict[str, Any]:
    """The config `make_state` turns back into this state (as stored in the log)."""
    config: dict[str, Any] = {
        'forms': [
            {
                'id': f.id,
                'title': f.title,
                'group': f.group,
                'contact': f.contact,
                'goal_question': f.goal_question,
                'sections': [{'title': s.title, 'items': [item.text for item in s.items]} for s in f.sections],
            }
            for f in state.forms.values()
        ],
        'scale': list(state.scale),
        'need': sorted(state.need),
        'teach': state.teach,
        'offers': [list(offer) for offer in state.offers],
        'own_topic': state.own_topic,
    }
    if state.baseline is not None:
        b = state.baseline
        config['baseline'] = {'at': b.at, 'sections': dict(b.sections), 'items': dict(b.items)}
    return config


# --- decide ----------------------------------------------------------------------------------------------------------


def decide(state: State, command: Command, ctx: Context) -> list[Event]:
    """The events `command` causes. Raises NotAllowed for a role that may not give it, NotOpen for filling in after
    the close, NoForm before a form is chosen, UnknownItem for an item not on the person's form, NotNamed and
    NotTeaching for an offer to teach that may not be made, and text errors for bad input."""
    require_role(ctx, *ROLES[type(command)])
    person = state.people.get(ctx.actor.id) or Person()
    match command:
        case CloseRound():
            return [] if state.closed else [ctx.closing('round.closed')]
        case SetGoal(text, offer):
            goal = clean_text(text, 'goal', MAX_GOAL, required=False, multiline=True)
            if offer not in ('', *OFFER_KINDS):
                raise WrongPhase(phase='invalid-offer')
            if (goal, offer) == (person.goal, person.goal_offer):
                return []
            return [ctx.event('goal.set', text=goal, offer=offer)]
        case OfferHelp(item_id, offered):
            if state.teach is None or not ctx.is_named(ctx.actor.id):
                raise NotNamed() if state.teach is not None else WrongPhase(phase='no-teaching')
            if person.answers.get(item_id) != state.teach:
                raise NotTeaching()
            if (item_id in person.helps) == bool(offered):
                return []
            return [ctx.event('help.offered', item=item_id, offered=bool(offered))]
    if state.closed:
        raise NotOpen()
    match command:
        case ChooseForm(form_id):
            if form_id not in state.forms:
                raise UnknownItem(item=form_id)
            return [] if person.form == form_id else [ctx.event('form.chosen', form=form_id)]
        case Answer(item_id, answer):
            form = state.form_of(person)
            if form is None:
                raise NoForm()
            if not isinstance(item_id, str) or not item_id.startswith(f'{form.id}.') or item_id not in state.items:
                raise UnknownItem(item=str(item_id))
            if answer is not None:
                answer = _index(answer, len(state.scale), 'answer')
            if person.answers.get(item_id) == answer:
                return []
            return [ctx.event('item.answered', item=item_id, answer=answer)]
        case Finish():
            if state.form_of(person) is None:
                raise NoForm()
            return [] if person.done else [ctx.event('round.finished')]
        case SetOwnTopic(text, level):
            if not state.own_topic:
                raise WrongPhase(phase='no-own-topic')
            topic = clean_text(text, 'own_topic', MAX_OWN_TOPIC, required=False)
            level = None if level is None or not topic else _index(level, len(state.scale), 'level')
            if (topic, level) == (person.own_topic, person.own_level):
                return []
            return [ctx.event('own_topic.set', text=topic, level=level)]
    raise WrongPhase(phase='unknown-command')


# --- evolve ----------------------------------------------------------------------------------------------------------


def evolve(state: State, event: Event) -> State:
    """Apply one event (validated by decide; also the replay)."""
    data = event.data
    if event.type == 'round.closed':
        state.closed = True
        state.min_reveal = data.get('min_reveal')
        return state
    person = state.people.setdefault(event.actor.id, Person())
    match event.type:
        case 'form.chosen':
            person.form = data['form']
            person.answers.clear()  # a new form starts afresh: answers count for the form they were given to
            person.helps.clear()
            person.done = False
        case 'item.answered':
            if data['answer'] is None:
                person.answers.pop(data['item'], None)
            else:
                person.answers[data['item']] = data['answer']
            if state.teach is not None and data['answer'] != state.teach:
                person.helps.discard(data['item'])  # an offer to teach stands on the level it was made at
        case 'round.finished':
            person.done = True
        case 'goal.set':
            person.goal, person.goal_offer = data['text'], data['offer']
        case 'own_topic.set':
            person.own_topic, person.own_level = data['text'], data['level']
        case 'help.offered':
            if data['offered']:
                person.helps.add(data['item'])
            else:
                person.helps.discard(data['item'])
    return state
