"""What each screen may see of a leerdoelwijzer or ontwikkelmatrix round.

The privacy promise lives here. One person's answers are in their own participant view only. The public view (the
projector, every phone) and the console view say, while people fill in, only how many are done; once the round is
closed, the team picture: distributions of groups of at least the minimum, and nothing from which a smaller group or
one person can be read or subtracted:

- a function group with fewer respondents than the minimum is not shown; such groups together are shown as
  "overig", per section only (their questions differ), when they together reach the minimum (and a section where at
  least the minimum of them answered); otherwise they are left out of every figure, the team's totals included (a
  total minus the groups shown would give them away);
- an item is shown only when at least the minimum answered it; a section's figures add up only the items shown
  (a section minus its items shown would give a hidden item away);
- the team's figures per section add up exactly the groups shown (and "overig" when shown).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..base import minimum_of
from .model import Baseline, Form, Item, Person, State


@dataclass(frozen=True)
class Distribution:
    """How often each answer was given (in the scale's order) and the share of the answers that point to a need."""

    counts: tuple[int, ...]
    need: float  # 0..1: share answered as a need (Soms + Nooit; the matrix's first two levels)

    @property
    def total(self) -> int:
        return sum(self.counts)

    def percent(self, index: int) -> int:
        return round(100 * self.counts[index] / self.total) if self.total else 0


@dataclass(frozen=True)
class ItemRow:
    item: Item
    distribution: Distribution | None  # None: fewer than the minimum answered it
    change: float | None = None  # need now minus need in the baseline round (None: not in it, or not shown)

    @property
    def need(self) -> float:
        return self.distribution.need if self.distribution else -1.0


@dataclass(frozen=True)
class SectionRow:
    title: str
    distribution: Distribution | None  # None: nothing in it may be shown
    change: float | None = None


@dataclass(frozen=True)
class GroupPicture:
    """One function group's answers (or the matrix's), or "overig" (form ''): sections, and items by need."""

    form: str
    group: str
    people: int
    sections: tuple[SectionRow, ...]
    items: tuple[ItemRow, ...]  # by need, highest first; empty for "overig"


@dataclass(frozen=True)
class Helper:
    """A named participant's offer to teach colleagues a topic (the view finds their chosen name)."""

    item: Item
    participant_id: str


@dataclass(frozen=True)
class TeamPicture:
    minimum: int
    people: int  # respondents counted in the figures
    hidden: int  # respondents left out (groups under the minimum that together stay under it)
    sections: tuple[SectionRow, ...]  # the team's, by need
    groups: tuple[GroupPicture, ...]  # the groups shown, by name
    overig: GroupPicture | None
    helpers: tuple[Helper, ...]
    teach: int | None  # the scale's index of 'Ik kan het anderen leren' (matrix), None: none

    @property
    def shown(self) -> bool:
        return bool(self.groups or self.overig)

    def items(self) -> tuple[ItemRow, ...]:
        """Every item shown, of every group shown, by need."""
        return _by_need(row for group in self.groups for row in group.items if row.distribution)


@dataclass(frozen=True)
class PublicView:
    instrument: str
    title: str  # the only form's title; '' when people choose their own
    forms: tuple[tuple[str, str], ...]  # (id, function group) people may choose from; one: nothing to choose
    scale: tuple[str, ...]
    closed: bool
    done: int  # how many said they are done (while open: the only figure shown)
    busy: int  # how many have begun but are not done
    picture: TeamPicture | None  # once closed
    baseline_at: str  # the date of the previous round it is compared with ('' : none)
    own_topic: str
    offers: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ProfileSection:
    title: str
    counts: tuple[int, ...]  # this person's answers in the section, per answer
    open: int  # not answered


@dataclass(frozen=True)
class Profile:
    """One person's own result: per section their answers, the items answered as a need (possible learning goals)
    and (matrix) what they could teach others."""

    sections: tuple[ProfileSection, ...]
    goals: tuple[Item, ...]
    teach: tuple[Item, ...]


@dataclass(frozen=True)
class ParticipantView:
    public: PublicView
    form: Form | None  # the form they fill in (None: still to choose)
    answers: dict[str, int]
    done: bool
    goal: str
    goal_offer: str
    own_topic: str
    own_level: int | None
    helps: frozenset[str]
    profile: Profile | None  # once they are done or the round closed

    @property
    def resume_at(self) -> int:
        """Where the phone opens: the first item not answered (the number of items when all are)."""
        items = self.form.items if self.form else ()
        return next((i for i, item in enumerate(items) if item.id not in self.answers), len(items))


@dataclass(frozen=True)
class ConsoleView:
    public: PublicView
    forms: int  # how many forms were picked for the team


# --- the team picture ------------------------------------------------------------------------------------------------


def _distribution(state: State, answers: Iterable[int]) -> Distribution:
    counts = [0] * len(state.scale)
    for answer in answers:
        counts[answer] += 1
    total = sum(counts)
    need = sum(counts[i] for i in state.need) / total if total else 0.0
    return Distribution(tuple(counts), need)


def _sum(state: State, distributions: Iterable[Distribution | None]) -> Distribution | None:
    counts = [0] * len(state.scale)
    for d in distributions:
        if d is not None:
            counts = [a + b for a, b in zip(counts, d.counts, strict=True)]
    return _distribution(state, (i for i, n in enumerate(counts) for _ in range(n))) if sum(counts) else None


def _by_need(rows: Iterable[ItemRow]) -> tuple[ItemRow, ...]:
    listed = list(rows)
    order = {row.item.id: i for i, row in enumerate(listed)}
    return tuple(sorted(listed, key=lambda row: (-row.need, order[row.item.id])))


def _change(now: Distribution | None, before: float | None) -> float | None:
    return None if now is None or before is None else now.need - before


def item_key(group: str, text: str) -> str:
    """An item as the team plan keeps its share of need: with its function group, as groups share some items'
    words ('BOA: Ik taxeer …'); the matrix's by its text."""
    return f'{group}: {text}' if group else text


def _was(baseline: Baseline | None, part: str, key: str) -> float | None:
    """The share of need in the baseline round for a section or an item (None: no baseline, or not in it)."""
    return None if baseline is None else getattr(baseline, part).get(key)


def respondents(state: State) -> dict[str, list[Person]]:
    """The people who answered at least one item of their form, by form."""
    found: dict[str, list[Person]] = {form_id: [] for form_id in state.forms}
    for person in state.people.values():
        form = state.form_of(person)
        if form is not None and any(item.id in person.answers for item in form.items):
            found[form.id].append(person)
    return found


def _group(state: State, form: Form, people: list[Person], minimum: int, baseline: Baseline | None) -> GroupPicture:
    rows = []
    for item in form.items:
        answers = [p.answers[item.id] for p in people if item.id in p.answers]
        shown = len(answers) >= minimum
        distribution = _distribution(state, answers) if shown else None
        before = _was(baseline, 'items', item_key(form.group, item.text))
        rows.append(ItemRow(item, distribution, _change(distribution, before)))
    sections = tuple(
        SectionRow(
            section.title,
            d := _sum(state, (row.distribution for row in rows if row.item.section == section.title)),
            _change(d, _was(baseline, 'sections', section.title)),
        )
        for section in form.sections
    )
    return GroupPicture(form.id, form.group, len(people), sections, _by_need(rows))


def _overig(state: State, people: list[Person], minimum: int, baseline: Baseline | None) -> GroupPicture:
    """The small groups together, per section, where at least the minimum of them answered in it (a person's answers
    are all of their own form)."""
    sections = []
    for title in _section_titles(state):
        mine = [[a for item_id, a in p.answers.items() if state.items[item_id].section == title] for p in people]
        shown = sum(1 for answers in mine if answers) >= minimum
        d = _distribution(state, (a for answers in mine for a in answers)) if shown else None
        sections.append(SectionRow(title, d, _change(d, _was(baseline, 'sections', title))))
    return GroupPicture('', '', len(people), tuple(sections), ())


def _section_titles(state: State) -> list[str]:
    return list(dict.fromkeys(s.title for form in state.forms.values() for s in form.sections))


def team_picture(state: State, minimum: int) -> TeamPicture:
    """The team picture under the minimum that applies (see the module)."""
    minimum = max(1, minimum)
    by_form = respondents(state)
    shown = {form_id: people for form_id, people in by_form.items() if len(people) >= minimum}
    small = [person for form_id, people in by_form.items() if form_id not in shown for person in people]
    baseline = state.baseline
    groups = tuple(
        sorted(
            (_group(state, state.forms[form_id], people, minimum, baseline) for form_id, people in shown.items()),
            key=lambda g: g.group.casefold(),
        )
    )
    overig = _overig(state, small, minimum, baseline) if small and len(small) >= minimum else None
    parts = [*groups, *((overig,) if overig else ())]
    team_sections = []
    for title in _section_titles(state):
        d = _sum(state, (s.distribution for g in parts for s in g.sections if s.title == title))
        team_sections.append(SectionRow(title, d, _change(d, _was(baseline, 'sections', title))))
    sections = tuple(sorted(team_sections, key=lambda s: -(s.distribution.need if s.distribution else -1.0)))
    helpers = tuple(
        Helper(state.items[item_id], pid)
        for pid, person in state.people.items()
        for item_id in sorted(person.helps, key=list(state.items).index)
        if item_id in state.items
    )
    counted = sum(len(p) for p in shown.values()) + (overig.people if overig else 0)
    return TeamPicture(
        minimum,
        counted,
        sum(len(p) for p in by_form.values()) - counted,
        sections,
        groups,
        overig,
        helpers,
        state.teach,
    )


def aggregate(picture: TeamPicture) -> dict[str, dict[str, float]]:
    """What the team plan keeps of a closed round for the next one (the baseline): the share of need per section
    and per item shown, nothing else."""
    return {
        'sections': {s.title: round(s.distribution.need, 4) for s in picture.sections if s.distribution},
        'items': {
            item_key(g.group, row.item.text): round(row.need, 4)
            for g in picture.groups
            for row in g.items
            if row.distribution
        },
    }


# --- the projections -------------------------------------------------------------------------------------------------


def public_view(state: State, minimum: int) -> PublicView:
    """The projector's and every phone's: while open how many are done; once closed the team picture."""
    people = list(state.people.values())
    done = sum(1 for p in people if p.done)
    busy = sum(1 for p in people if not p.done and p.answers)
    only = next(iter(state.forms.values())) if len(state.forms) == 1 else None
    return PublicView(
        state.instrument,
        only.title if only else '',
        tuple((f.id, f.group) for f in state.forms.values()) if len(state.forms) > 1 else (),
        state.scale,
        state.closed,
        done,
        busy,
        team_picture(state, minimum_of(state.min_reveal, minimum)) if state.closed else None,
        state.baseline.at if state.baseline else '',
        state.own_topic,
        state.offers,
    )


def profile(state: State, person: Person) -> Profile | None:
    form = state.form_of(person)
    if form is None:
        return None
    sections = []
    for section in form.sections:
        counts = [0] * len(state.scale)
        for item in section.items:
            if item.id in person.answers:
                counts[person.answers[item.id]] += 1
        sections.append(ProfileSection(section.title, tuple(counts), len(section.items) - sum(counts)))
    goals = tuple(item for item in form.items if person.answers.get(item.id, -1) in state.need)
    teach = tuple(item for item in form.items if state.teach is not None and person.answers.get(item.id) == state.teach)
    return Profile(tuple(sections), goals, teach)


def participant_view(
    state: State, participant_id: str, minimum: int, public: PublicView | None = None
) -> ParticipantView:
    """One phone's: the public view, and this person's own answers, goal and (once done) profile."""
    person = state.people.get(participant_id) or Person()
    return ParticipantView(
        public or public_view(state, minimum),
        state.form_of(person),
        dict(person.answers),
        person.done,
        person.goal,
        person.goal_offer,
        person.own_topic,
        person.own_level,
        frozenset(person.helps),
        profile(state, person) if person.done or state.closed else None,
    )


def console_view(state: State, minimum: int) -> ConsoleView:
    """The facilitator's: what everyone sees (no one's answers), and how many forms were picked."""
    return ConsoleView(public_view(state, minimum), len(state.forms))
