"""Property-based: no participant's answer can be read off two consecutive projector states.

A live mean next to a live count gives it away: 2,0 (3) then 2,5 (4) says the fourth person gave a 4. So for every
answer a phone gives, the room's view after it must look the same whatever that answer was: counts move live, means,
splits and rankings only once the input is closed. The one exception is the seed's own rule in the kennisquiz: the
group sees whether all its members agree (all points) or not (half), also when the last one's answer decides it.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as s

from facilitation import session as se
from facilitation.werkvormen.base import Actor, Context, DomainError, Event, Role
from facilitation.werkvormen.dilemma import rules as dm
from facilitation.werkvormen.quiz import rules as qz
from facilitation.werkvormen.statements import rules as st

from .helpers import FACILITATOR, fold, participant

PIDS = ['p1', 'p2', 'p3', 'p4', 'p5']
PHONES = [participant(pid) for pid in PIDS]
Answers = Callable[[object], list[object]]  # the other answers the same phone could have given instead


def projector(state: se.SessionState) -> object:
    """What the room sees of activity a1: the projections the projector's views read, with the session's minimum."""
    activity = state.activities['a1']
    match activity.kind:
        case st.KIND:
            return st.public_view(activity.state, state.min_reveal), st.voted(activity.state)
        case dm.KIND:
            return dm.public_view(activity.state, state.min_reveal), dm.comparison(activity.state, state.min_reveal)
        case _:
            return qz.public_view(activity.state, state.min_reveal)


def _scored(events: list[Event]) -> list[str]:
    return [e.data['reason'] for e in events if e.type == 'quiz.scored']


def play_and_compare(setup: list[tuple[Actor, object]], sequence: list[tuple[Actor, object]], others: Answers) -> int:
    """Play `sequence` after `setup`; after every accepted answer, give each other answer instead (on a copy of the
    room as it was) and require the room's view to be the same. Returns how many answers were compared."""
    state, _ = fold(setup)
    compared = 0
    for now, (actor, command) in enumerate(sequence, start=len(setup) + 1):
        inner = command.command if isinstance(command, se.ForActivity) else None
        alternatives = others(inner) if actor.role is Role.PARTICIPANT and inner is not None else []
        before = copy.deepcopy(state) if alternatives else None
        try:
            events = se.decide(state, command, Context(actor, float(now)))  # type: ignore[arg-type]
        except DomainError:
            continue
        for event in events:
            se.evolve(state, event)
        for alternative in alternatives:
            twin = copy.deepcopy(before)
            try:
                twin_events = se.decide(twin, se.ForActivity('a1', alternative), Context(actor, float(now)))
            except DomainError:
                continue
            for event in twin_events:
                se.evolve(twin, event)
            if _scored(twin_events) != _scored(events):
                continue  # the quiz's all-agree rule: the group's outcome itself, not a difference
            assert projector(twin) == projector(state), (inner, alternative)
            compared += 1
    return compared


# --- stellingen ------------------------------------------------------------------------------------------------------


def other_votes(command: object) -> list[object]:
    if not isinstance(command, st.CastVote):
        return []
    return [st.CastVote(c.value, command.statement_id, command.round) for c in st.Choice if c.value != command.choice]


statement_moves = s.one_of(
    s.tuples(
        s.just(FACILITATOR), s.sampled_from([st.OpenVoting(), st.CloseVoting(), st.Reveal(), st.ShowStatement('s2')])
    ),
    s.tuples(s.sampled_from(PHONES), s.builds(st.CastVote, s.sampled_from(['eens', 'oneens']))),
    s.tuples(s.sampled_from(PHONES), s.builds(st.CastVote, s.sampled_from(['eens', 'oneens']))),
).map(lambda pair: (pair[0], se.ForActivity('a1', pair[1])))
settings_moves = s.tuples(s.just(FACILITATOR), s.builds(se.ChangeSettings, s.integers(1, 4)))
statement_games = s.lists(s.one_of(statement_moves, statement_moves, settings_moves), min_size=5, max_size=60)


@settings(max_examples=150, deadline=None)
@given(statement_games)
def test_a_vote_never_shows_on_the_projector_as_more_than_a_count(game) -> None:
    setup: list[tuple[Actor, object]] = [
        (FACILITATOR, se.CreateSession('W', 'T', 'ABCDE')),
        (FACILITATOR, se.AddActivity('statements', 'S', {'statements': [{'text': 'A'}, {'text': 'B'}]})),
        (FACILITATOR, se.StartActivity('a1')),
        *((phone, se.Join()) for phone in PHONES),
        (FACILITATOR, se.ForActivity('a1', st.ShowStatement('s1'))),
    ]
    play_and_compare(setup, game, other_votes)


# --- dilemmamethodiek ------------------------------------------------------------------------------------------------


def other_dilemma_answers(command: object) -> list[object]:
    match command:
        case dm.Rate(submission_id=submission):
            return [dm.Rate(submission, 1, 1, 1), dm.Rate(submission, 5, 5, 5), dm.Rate(submission, 3, 1, 5)]
        case dm.Judge(_, sentence):
            return [dm.Judge('a', sentence), dm.Judge('b', sentence)]
        case dm.Evaluate(_, sentence):
            return [dm.Evaluate(1, sentence), dm.Evaluate(5, sentence), dm.Evaluate(3, sentence)]
    return []


STEPS = ['kiezen', 'formuleren', 'afspraken', 'terugblik']
dilemma_facilitator = s.one_of(
    s.just(dm.NextStep()),
    s.just(dm.PreviousStep()),
    s.builds(dm.GoToStep, s.sampled_from(STEPS)),
    s.just(dm.EndDilemma()),
    s.builds(dm.ChooseDilemma, s.sampled_from(['d1', 'd2'])),
)
dilemma_phone = s.one_of(
    s.builds(dm.Rate, s.sampled_from(['d1', 'd2']), s.integers(1, 5), s.integers(1, 5), s.integers(1, 5)),
    s.builds(dm.Judge, s.sampled_from(['a', 'b']), s.sampled_from(['', 'Omdat'])),
    s.builds(dm.Evaluate, s.integers(1, 5), s.sampled_from(['', 'Leerzaam'])),
)
dilemma_moves = s.one_of(
    s.tuples(s.just(FACILITATOR), s.builds(se.ForActivity, s.just('a1'), dilemma_facilitator)),
    s.tuples(s.sampled_from(PHONES), s.builds(se.ForActivity, s.just('a1'), dilemma_phone)),
    s.tuples(s.sampled_from(PHONES), s.builds(se.ForActivity, s.just('a1'), dilemma_phone)),
    s.tuples(s.sampled_from(PHONES), s.builds(se.ForActivity, s.just('a1'), dilemma_phone)),
    settings_moves,
)
dilemma_games = s.lists(dilemma_moves, min_size=10, max_size=80)


def dilemma_setup() -> list[tuple[Actor, object]]:
    ready = [
        dm.AddDilemma('Een klant scheldt', 'grenzen'),
        dm.AddDilemma('Melden in GIR?', 'gir'),
        dm.Formulate('Feiten', '', '', 'Doorgaan', 'Stoppen'),
        dm.GoToStep('kiezen'),
    ]
    return [
        (FACILITATOR, se.CreateSession('W', 'T', 'ABCDE')),
        (FACILITATOR, se.AddActivity('dilemma', 'D', {})),
        (FACILITATOR, se.StartActivity('a1')),
        *((phone, se.Join()) for phone in PHONES),
        *((FACILITATOR, se.ForActivity('a1', command)) for command in ready),
    ]


@settings(max_examples=200, deadline=None)
@given(dilemma_games)
def test_no_rating_judgement_or_look_back_can_be_read_off_the_projector(game) -> None:
    play_and_compare(dilemma_setup(), game, other_dilemma_answers)


def test_the_terugblik_mean_does_not_move_with_each_new_score() -> None:
    """The issue's example: with a minimum of 3, 2,0 (3) then 2,5 (4) then 3,0 (5) gave away the 4th and 5th score."""
    game = [
        (FACILITATOR, se.ForActivity('a1', dm.GoToStep('terugblik'))),
        *((phone, se.ForActivity('a1', dm.Evaluate(2))) for phone in PHONES[:3]),
        (PHONES[3], se.ForActivity('a1', dm.Evaluate(4))),
        (PHONES[4], se.ForActivity('a1', dm.Evaluate(5))),
    ]
    assert play_and_compare(dilemma_setup(), game, other_dilemma_answers) == 3 * 5
    state, _ = fold([*dilemma_setup(), *game])
    assert dm.public_view(state.activities['a1'].state, 3).mean_score is None  # still open: how many, not the mean
    state, _ = fold([*dilemma_setup(), *game, (FACILITATOR, se.ForActivity('a1', dm.EndDilemma()))])
    view = dm.public_view(state.activities['a1'].state, 3)
    assert (view.evaluated, view.mean_score) == (5, 3.0)  # the room sees it once the dilemma ends


def test_the_ranking_does_not_move_with_each_new_rating() -> None:
    game = [(phone, se.ForActivity('a1', dm.Rate('d1', 1 + i, 3, 4))) for i, phone in enumerate(PHONES)]
    assert play_and_compare(dilemma_setup(), game, other_dilemma_answers) == 3 * 5


# --- kennisquiz ------------------------------------------------------------------------------------------------------


def other_agreements(command: object) -> list[object]:
    return [qz.Agree(command.card_id, not command.agree)] if isinstance(command, qz.Agree) else []


quiz_facilitator = s.sampled_from(
    [qz.AskCard(''), qz.CloseAgreement(), qz.UndoScore(), qz.SubmitAnswer('', -1, 'Mag niet')]
    + [qz.PickSpokesperson(pid) for pid in PIDS]
)
quiz_moves = s.one_of(
    s.tuples(s.just(FACILITATOR), s.builds(se.ForActivity, s.just('a1'), quiz_facilitator)),
    s.tuples(
        s.sampled_from(PHONES), s.builds(se.ForActivity, s.just('a1'), s.builds(qz.Agree, s.just(''), s.booleans()))
    ),
    s.tuples(
        s.sampled_from(PHONES), s.builds(se.ForActivity, s.just('a1'), s.builds(qz.Agree, s.just(''), s.booleans()))
    ),
    s.tuples(s.sampled_from(PHONES), s.just(se.ForActivity('a1', qz.ClaimSpokesperson('')))),
    s.tuples(s.sampled_from(PHONES), s.just(se.ForActivity('a1', qz.SubmitAnswer('', -1, 'Dat mag')))),
)


@settings(max_examples=150, deadline=None)
@given(s.integers(1, 2), s.lists(quiz_moves, min_size=10, max_size=60))
def test_whether_one_member_agrees_shows_only_in_the_groups_outcome(groups, game) -> None:
    cards = [{'kind': 'opvatting', 'question': f'Mag dat {n}?', 'points': 10} for n in range(3)]
    setup: list[tuple[Actor, object]] = [
        (FACILITATOR, se.CreateSession('W', 'T', 'ABCDE')),
        (FACILITATOR, se.AddActivity('quiz', 'Q', {'cards': cards})),
        (FACILITATOR, se.StartActivity('a1')),
        *((phone, se.Join()) for phone in PHONES),
        (FACILITATOR, se.ForActivity('a1', qz.DivideGroups(groups))),
        (FACILITATOR, se.ForActivity('a1', qz.StartQuiz())),
    ]
    play_and_compare(setup, game, other_agreements)


# --- when the dilemma's inputs close ---------------------------------------------------------------------------------


def _dilemma(*commands: tuple[Actor, object]) -> dm.State:
    state, _ = fold([*dilemma_setup(), *((actor, se.ForActivity('a1', c)) for actor, c in commands)])
    found: dm.State = state.activities['a1'].state
    return found


def _refused(state: dm.State, actor: Actor, command: object) -> bool:
    try:
        dm.decide(state, command, Context(actor, 9999.0))  # type: ignore[arg-type]
    except DomainError:
        return True
    return False


def test_closing_the_rating_shows_the_ranking_and_refuses_later_ratings() -> None:
    ratings = [(phone, dm.Rate('d1', 4, 4, 4)) for phone in PHONES[:3]]
    dilemma = _dilemma(*ratings, (FACILITATOR, dm.CloseRatings()))
    view = dm.public_view(dilemma, 3)
    assert view.ratings_closed and [(c.id, c.score) for c in dm.ranking(view.candidates, 3)] == [('d1', 4.0)]
    assert _refused(dilemma, PHONES[3], dm.Rate('d1', 1, 1, 1))
    assert not dm.participant_view(dilemma, 'p4', 3, public=view).can_rate
    assert _refused(dilemma, FACILITATOR, dm.CloseRatings())  # closed once


def test_leaving_the_choosing_step_closes_the_rating_once_someone_rated() -> None:
    nobody = _dilemma((FACILITATOR, dm.GoToStep('inventariseren')), (FACILITATOR, dm.GoToStep('kiezen')))
    assert nobody.ratings_closed is None  # a look ahead before anyone rated leaves the rating open
    rated = _dilemma(
        (PHONES[0], dm.Rate('d1', 4, 4, 4)), (FACILITATOR, dm.NextStep()), (FACILITATOR, dm.PreviousStep())
    )
    assert rated.ratings_closed is not None and rated.step is dm.Step.KIEZEN
    assert _refused(rated, PHONES[1], dm.Rate('d1', 1, 1, 1))  # back in the step: what was shown stays as it was


def test_the_judgements_and_the_terugblik_stay_closed_after_going_back_from_the_end() -> None:
    dilemma = _dilemma(
        (FACILITATOR, dm.GoToStep('terugblik')),
        (PHONES[0], dm.Judge('a')),
        *((phone, dm.Evaluate(4)) for phone in PHONES[2:]),
        (FACILITATOR, dm.EndDilemma()),
        (FACILITATOR, dm.PreviousStep()),
    )
    assert dilemma.stage is dm.Stage.RUNNING and dilemma.step is dm.Step.TERUGBLIK
    assert _refused(dilemma, PHONES[0], dm.Judge('b')) and _refused(dilemma, PHONES[1], dm.Evaluate(1))
    mine = dm.participant_view(dilemma, 'p2', minimum=1)
    assert (mine.judge_moment, mine.can_evaluate) == ('', False)
    assert dm.public_view(dilemma, 3).mean_score == 4.0  # the result of the end is still shown
