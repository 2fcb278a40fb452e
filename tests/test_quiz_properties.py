"""Property-based: random kennisquiz command sequences from random roles keep the quiz's invariants."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as s

from facilitation import session as se
from facilitation.werkvormen.base import Actor, Event, Role
from facilitation.werkvormen.quiz import rules as qz

from .helpers import fold

PIDS = ['p1', 'p2', 'p3', 'p4', 'p5']
ACTORS = [Actor(Role.FACILITATOR, 'facilitator'), Actor(Role.PROJECTOR, 'projector')] + [
    Actor(Role.PARTICIPANT, pid) for pid in PIDS
]
CARDS = [
    {'kind': 'opvatting', 'question': 'Mag dat?', 'points': 9},
    {'kind': 'feit', 'question': 'Welk nummer?', 'points': 10, 'options': ['112', '0800'], 'correct': 0},
    {'kind': 'feit', 'question': 'Wie meldt?', 'points': 7, 'answer': 'Jij'},
]
CARD_IDS = ['', '', '', 'c1', 'c2', 'c9']  # mostly "the card on screen", sometimes a stale or unknown one

quiz_commands = s.one_of(
    s.builds(qz.DivideGroups, s.integers(1, 4)),
    s.just(qz.PlaceNewcomers()),
    s.builds(qz.MoveParticipant, s.sampled_from(PIDS), s.sampled_from(['g1', 'g2', 'g3'])),
    s.builds(qz.AllowGroupChoice, s.booleans()),
    s.builds(qz.ChooseGroup, s.sampled_from(['g1', 'g2', 'g3'])),
    s.just(qz.StartQuiz()),
    s.builds(qz.AskCard, s.sampled_from(CARD_IDS)),
    s.builds(qz.PickSpokesperson, s.sampled_from(PIDS)),
    s.builds(qz.ClaimSpokesperson, s.sampled_from(CARD_IDS)),
    s.builds(qz.SubmitAnswer, s.sampled_from(CARD_IDS), s.integers(-1, 2), s.sampled_from(['', 'Jij', '<b>x</b>'])),
    s.builds(qz.Judge, s.booleans()),
    s.just(qz.Pass()),
    s.builds(qz.ClaimSteal, s.sampled_from(CARD_IDS)),
    s.builds(qz.Agree, s.sampled_from(CARD_IDS), s.booleans()),
    s.just(qz.CloseSteal()),
    s.just(qz.CloseAgreement()),
    s.just(qz.UndoScore()),
    s.builds(qz.SetAside, s.sampled_from(CARD_IDS), s.booleans()),
    s.just(qz.PauseTimer()),
    s.just(qz.ResumeTimer()),
    s.builds(qz.ExtendTimer, s.integers(0, 40)),
    s.just(qz.StopTimer()),
    s.just(qz.EndQuiz()),
)
facilitator_moves = s.one_of(  # what moves a card along, drawn often and by the right role, so games get far
    s.builds(qz.AskCard, s.just('')),
    s.builds(qz.Judge, s.booleans()),
    s.just(qz.Pass()),
    s.just(qz.CloseSteal()),
    s.just(qz.CloseAgreement()),
    s.just(qz.UndoScore()),
    s.builds(qz.SubmitAnswer, s.just(''), s.integers(0, 1), s.just('Hardop')),
)
participant_moves = s.one_of(
    s.builds(qz.ClaimSpokesperson, s.just('')),
    s.builds(qz.SubmitAnswer, s.just(''), s.integers(0, 1), s.just('Jij')),
    s.builds(qz.ClaimSteal, s.just('')),
    s.builds(qz.Agree, s.just(''), s.booleans()),
    s.just(qz.Pass()),
)
step = s.one_of(
    s.tuples(s.just(ACTORS[0]), s.builds(se.ForActivity, s.just('a1'), facilitator_moves)),
    s.tuples(s.sampled_from(ACTORS[2:]), s.builds(se.ForActivity, s.just('a1'), participant_moves)),
    s.tuples(s.sampled_from(ACTORS[2:]), s.builds(se.ForActivity, s.just('a1'), participant_moves)),
    s.tuples(s.sampled_from(ACTORS), s.builds(se.Join, s.just(''))),
    s.tuples(s.sampled_from(ACTORS), s.builds(se.ForActivity, s.just('a1'), quiz_commands)),  # anyone, anything
)
# most games start with groups made and the quiz running; the rest start from the setup
steps = s.tuples(s.booleans(), s.lists(step, min_size=15, max_size=80))


def play(steps: tuple[bool, list[tuple[Actor, object]]]) -> tuple[se.SessionState, list[Event]]:
    started, sequence = steps
    setup: list[tuple[Actor, object]] = [
        (ACTORS[0], se.CreateSession('W', 'T', 'ABCDE')),
        (ACTORS[0], se.AddActivity('quiz', 'Q', {'cards': [dict(c) for c in CARDS]})),
        (ACTORS[0], se.StartActivity('a1')),
        *((actor, se.Join()) for actor in ACTORS[2:6]),  # four join at once; others may join later
    ]
    if started:
        setup += [
            (ACTORS[0], se.ForActivity('a1', qz.DivideGroups(2))),
            (ACTORS[0], se.ForActivity('a1', qz.StartQuiz())),
        ]
    return fold([*setup, *sequence])


def quiz_of(state: se.SessionState) -> qz.State:
    quiz: qz.State = state.activities['a1'].state
    return quiz


@settings(max_examples=200, deadline=None)
@given(steps)
def test_the_state_is_the_fold_of_the_log_and_scores_follow_the_awards(sequence) -> None:
    state, log = play(sequence)
    assert se.replay('sid', log) == state
    quiz = quiz_of(state)
    awards: list[tuple[str, str, float]] = []  # (card, group, points), undone ones taken back out
    per_card: dict[str, list[int]] = {}
    for event in log:
        if event.type == 'quiz.asked':
            per_card[event.data['card']] = []
        elif event.type == 'quiz.scored':
            per_card[event.data['card']].append(len(awards))
            awards.append((event.data['card'], event.data['group'], event.data['points']))
        elif event.type == 'quiz.undone':
            del awards[per_card[event.data['card']].pop() :]
    for group in quiz.groups:
        assert quiz.score(group) == sum(p for _, g, p in awards if g == group)
        assert quiz.score(group) >= 0  # the seed's rules never take points away
    for card_id, card in quiz.cards.items():
        assert sum(p for c, _, p in awards if c == card_id) <= card.points  # a card pays out its points at most


@settings(max_examples=200, deadline=None)
@given(steps)
def test_groups_hold_only_participants_and_only_the_turn_group_agrees(sequence) -> None:
    state, log = play(sequence)
    quiz = quiz_of(state)
    assert set(quiz.members) <= set(state.participants)
    assert set(quiz.members.values()) <= set(quiz.groups)
    for play_ in quiz.plays:
        assert play_.turn in quiz.groups
    current = quiz.play
    if current is not None and current.step is qz.Step.AGREEING:
        assert all(quiz.members.get(pid) == current.turn for pid in current.agreements)
    for event in log:
        if event.type in ('quiz.agreed', 'quiz.steal_claimed', 'participant.joined'):
            assert event.actor.role is Role.PARTICIPANT
        elif event.type == 'quiz.members.placed' and event.actor.role is Role.PARTICIPANT:
            assert list(event.data['members']) == [event.actor.id]  # a phone places only itself
        elif not event.type.startswith(('quiz.answered', 'quiz.spokesperson', 'quiz.scored', 'quiz.members')):
            assert event.actor.role is Role.FACILITATOR, event


@settings(max_examples=200, deadline=None)
@given(steps)
def test_no_projection_holds_the_right_answer_before_the_card_is_done(sequence) -> None:
    state, _ = play(sequence)
    quiz = quiz_of(state)
    public = qz.public_view(quiz, 0)
    views = [public, *(qz.participant_view(quiz, pid, 0).public for pid in PIDS)]
    if public.card is not None and public.step is not qz.Step.DONE:
        for view in views:
            assert view.card is not None and view.card.answer == '' and view.card.correct == -1
    if (
        quiz.card is not None
        and quiz.card.kind is qz.Kind.FACT
        and quiz.card.answer
        and public.step is not qz.Step.DONE
    ):
        assert quiz.card.answer not in repr(views)
