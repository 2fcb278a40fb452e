"""Property-based: random dilemma command sequences from random roles keep the werkvorm's promises: the state is the
fold of its log, nothing held reaches a projection, what someone wrote for themselves stays theirs until the end (and
then only as counts), one rating per person per dilemma; the console sees what is held, never what one person judged,
rated or scored."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as s

from facilitation import session as se
from facilitation.werkvormen.base import Actor, Event, ExtendTimer, PauseTimer, ResumeTimer, Role
from facilitation.werkvormen.dilemma import rules as dm

from .helpers import fold

PIDS = ['p1', 'p2', 'p3', 'p4']
FACILITATOR = Actor(Role.FACILITATOR, 'facilitator')
ACTORS = [FACILITATOR, Actor(Role.PROJECTOR, 'projector')] + [Actor(Role.PARTICIPANT, pid) for pid in PIDS]
ITEMS = ['d1', 'd2', 'd3', 'e1', 'e2', 'e3', 'e4', 'x9']
SENTENCES = ['Geheim-een', 'Geheim-twee', '']  # what people write for themselves: never in a projection of others
STEPS = [step.value for step in dm.Step]
VERDICTS = ['recht', 'tegen', 'half']

facilitator_moves = s.one_of(
    s.just(dm.NextStep()),
    s.just(dm.NextStep()),
    s.just(dm.PreviousStep()),
    s.builds(dm.GoToStep, s.sampled_from([*STEPS, 'koffie'])),
    s.just(dm.EndDilemma()),
    s.builds(dm.SetSteps, s.lists(s.sampled_from(STEPS), max_size=4).map(tuple)),
    s.builds(dm.AddDilemma, s.sampled_from(['Dilemma', '']), s.sampled_from(['grenzen', 'gir', 'roddel'])),
    s.builds(dm.Approve, s.sampled_from(ITEMS)),
    s.builds(dm.Reject, s.sampled_from(ITEMS)),
    s.just(dm.ApproveAll()),
    s.builds(dm.ChooseDilemma, s.sampled_from(ITEMS)),
    s.builds(dm.Formulate, s.just('Feiten'), s.just(''), s.just(''), s.sampled_from(['A', '']), s.just('B')),
    s.builds(dm.AddEntry, s.sampled_from([c.value for c in dm.Column]), s.just('Iets')),
    s.builds(dm.MoveEntry, s.sampled_from(ITEMS), s.sampled_from([c.value for c in dm.Column])),
    s.builds(dm.Mark, s.sampled_from(ITEMS), s.sampled_from(ITEMS), s.booleans(), s.sampled_from(VERDICTS)),
    s.builds(dm.Assign, s.sampled_from(ITEMS), s.sampled_from(['', *ITEMS])),
    s.builds(dm.SetInbrenger, s.sampled_from(['', *PIDS, 'p9'])),
    s.builds(dm.Deliberate, s.sampled_from(['juist', 'nodig_team']), s.just('Afweging')),
    s.builds(
        dm.AddAgreement, s.sampled_from(['werkafspraak', 'handelingsafspraak']), s.just('Afspraak'), s.just('Jan')
    ),
    s.just(PauseTimer()),
    s.just(ResumeTimer()),
    s.builds(ExtendTimer, s.integers(0, 90)),
)
participant_moves = s.one_of(
    s.builds(dm.SubmitDilemma, s.sampled_from(['Mijn dilemma', '']), s.sampled_from(['hulp', 'x']), s.booleans()),
    s.builds(dm.Rate, s.sampled_from(ITEMS), s.integers(0, 6), s.integers(1, 5), s.integers(1, 5)),
    s.builds(dm.Rate, s.sampled_from(ITEMS), s.integers(1, 5), s.integers(1, 5), s.integers(1, 5)),
    s.builds(dm.Judge, s.sampled_from(['a', 'b', 'c']), s.sampled_from(SENTENCES)),
    s.builds(dm.Judge, s.sampled_from(['a', 'b']), s.sampled_from(SENTENCES)),
    s.builds(dm.AddEntry, s.sampled_from([c.value for c in dm.Column]), s.just('Van een telefoon')),
    s.builds(dm.AddEntry, s.sampled_from([c.value for c in dm.Column]), s.just('Voor iemand'), s.sampled_from(ITEMS)),
    s.builds(dm.Volunteer, s.booleans()),
    s.builds(dm.Deliberate, s.sampled_from(['juist', 'schade']), s.just('Mijn afweging')),
    s.builds(dm.Evaluate, s.integers(0, 5), s.sampled_from(SENTENCES)),
)
step = s.one_of(
    s.tuples(s.just(FACILITATOR), s.builds(se.ForActivity, s.just('a1'), facilitator_moves)),
    s.tuples(s.sampled_from(ACTORS[2:]), s.builds(se.ForActivity, s.just('a1'), participant_moves)),
    s.tuples(s.sampled_from(ACTORS[2:]), s.builds(se.ForActivity, s.just('a1'), participant_moves)),
    s.tuples(
        s.sampled_from(ACTORS), s.builds(se.ForActivity, s.just('a1'), s.one_of(facilitator_moves, participant_moves))
    ),
)
games = s.lists(step, min_size=20, max_size=100)


def play(sequence: list[tuple[Actor, object]]) -> tuple[se.SessionState, list[Event]]:
    setup: list[tuple[Actor, object]] = [
        (FACILITATOR, se.CreateSession('W', 'T', 'ABCDE')),
        (FACILITATOR, se.AddActivity('dilemma', 'D', {})),
        (FACILITATOR, se.StartActivity('a1')),
        *((actor, se.Join()) for actor in ACTORS[2:]),
    ]
    return fold([*setup, *sequence])


def dilemma_of(state: se.SessionState) -> dm.State:
    found: dm.State = state.activities['a1'].state
    return found


@settings(max_examples=200, deadline=None)
@given(games)
def test_the_state_is_the_fold_of_the_log(game) -> None:
    state, log = play(game)
    assert se.replay('sid', log) == state


@settings(max_examples=200, deadline=None)
@given(games)
def test_nothing_held_or_removed_reaches_a_projection(game) -> None:
    state, _ = play(game)
    dilemma = dilemma_of(state)
    view = dm.public_view(dilemma, 3)
    shown = {c.id for c in view.candidates} | {i.id for _, items in view.columns for i in items}
    shown |= {a.id for a in view.alternatives}
    for item in [*dilemma.submissions.values(), *dilemma.entries.values()]:
        assert (item.id in shown) == (item.status is dm.Status.SHOWN)
    for candidate in view.candidates:
        assert not candidate.author or dilemma.submissions[candidate.id].show_name  # a name only when chosen
    for alternative in view.alternatives:
        for entry in alternative.does_justice:
            assert dilemma.entries[entry].column in (dm.Column.WAARDEN, dm.Column.NORMEN)


@settings(max_examples=200, deadline=None)
@given(games)
def test_what_someone_wrote_for_themselves_stays_theirs(game) -> None:
    state, _ = play(game)
    dilemma = dilemma_of(state)
    public = repr(dm.public_view(dilemma, 3))
    for sentence in SENTENCES[:2]:
        assert sentence not in public  # never on the projector, not even at the end
    for pid in PIDS:
        mine = dm.participant_view(dilemma, pid, 3)
        written = [*dilemma.before.items(), *dilemma.after.items(), *dilemma.evaluations.items()]
        others = {j.sentence for who, j in written if who != pid}
        own = {j.sentence for j in (mine.my_before, mine.my_after, mine.my_evaluation) if j is not None}
        for sentence in others - own - {''}:
            assert sentence not in repr(mine)
    result = dm.comparison(dilemma, 1)
    if dilemma.answers_closed is None:
        assert result.before is None and result.after is None  # hidden until the end
    else:
        assert result.before is None or sum(result.before) == len(dilemma.before)


@settings(max_examples=200, deadline=None)
@given(games)
def test_one_rating_per_person_per_dilemma_and_the_ranking_is_best_first(game) -> None:
    state, log = play(game)
    dilemma = dilemma_of(state)
    for ratings in dilemma.ratings.values():
        assert set(ratings) <= set(PIDS)
        assert all(score in dm.SCORES for scores in ratings.values() for score in scores)
    ranked = dm.ranking(dm.public_view(dilemma, 3).candidates)
    assert [c.score for c in ranked] == sorted((c.score for c in ranked), reverse=True)
    for event in log:
        if event.type in ('dilemma.rated', 'dilemma.judged', 'dilemma.evaluated'):
            assert event.actor.role is Role.PARTICIPANT


@settings(max_examples=200, deadline=None)
@given(games)
def test_only_the_inbrenger_is_told_so_and_only_they_deliberate_on_a_phone_and_ask_nothing(game) -> None:
    state, log = play(game)
    dilemma = dilemma_of(state)
    for pid in PIDS:
        assert dm.participant_view(dilemma, pid, 3).inbrenger == (pid == dilemma.inbrenger)
    replayed = se.SessionState('sid')
    for event in log:
        if event.actor.role is Role.PARTICIPANT and 'activity' in event.data:
            inbrenger = dilemma_of(replayed).inbrenger
            if event.type == 'dilemma.deliberated':
                assert event.actor.id == inbrenger
            if event.type == 'dilemma.judged' or (event.type == 'dilemma.entry' and event.data['column'] == 'vraag'):
                assert event.actor.id != inbrenger  # the inbrenger answers, colleagues ask and judge
        se.evolve(replayed, event)


@settings(max_examples=200, deadline=None)
@given(games)
def test_the_table_holds_every_shown_stake_once_and_an_alternative_one_verdict_per_value(game) -> None:
    state, _ = play(game)
    view = dm.public_view(dilemma_of(state), 3)
    rows = view.rows()
    people = view.column(dm.Column.BETROKKENEN)
    assert [r.betrokkene for r in rows if r.betrokkene is not None] == list(people)
    for column, name in zip(dm.STAKES, ('belangen', 'waarden', 'normen'), strict=True):
        in_rows = [i.id for r in rows for i in getattr(r, name)]
        assert sorted(in_rows) == sorted(i.id for i in view.column(column))  # each once, in its betrokkene's row
    for alternative in view.alternatives:
        assert not set(alternative.does_justice) & set(alternative.goes_against)


def _values(value: object) -> Iterator[object]:
    """Every value in a projection, through its dataclasses and tuples."""
    yield value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _values(getattr(value, f.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from _values(item)


@settings(max_examples=200, deadline=None)
@given(games)
def test_the_console_sees_what_is_held_but_never_what_one_person_judged_rated_or_scored(game) -> None:
    state, _ = play(game)
    dilemma = dilemma_of(state)
    console = dm.console_view(dilemma, state.min_reveal)
    values = list(_values(console))
    private = dm.Judgement | dm.Evaluation | dm.Choice | dm.State | dm.Submission | dm.Entry | list | dict
    assert not any(isinstance(v, private) for v in values)  # plain values, nobody's own answer
    numbers = {v for v in values if isinstance(v, int | float) and not isinstance(v, bool)}
    assert numbers <= {minutes for _, minutes in console.minutes}  # no one's rating or score, no count of its own
    judged = {j.sentence for j in [*dilemma.before.values(), *dilemma.after.values()]}
    looked_back = [e.sentence for e in dilemma.evaluations.values() if e.sentence]
    for sentence in judged - set(looked_back) - {''}:
        assert sentence not in repr(console)  # what someone would do stays theirs
    assert console.evaluation_sentences == tuple(looked_back)  # the terugblik's sentences, without who or what score
    shown_names = {s.author for s in dilemma.submissions.values() if s.show_name}
    assert {v for v in values if v in PIDS} <= shown_names | {dilemma.inbrenger}  # who is who: only these
    assert [h.id for h in console.held] == [i.id for i in dm.held_now(dilemma)]
    for held in console.held:
        assert (dilemma.submissions.get(held.id) or dilemma.entries[held.id]).status is dm.Status.PENDING
        assert not held.author or dilemma.submissions[held.id].show_name  # a name only when its sender chose it
