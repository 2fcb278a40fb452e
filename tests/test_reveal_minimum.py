"""The minimum group size that hides a small group's result is the one in force when the result was revealed (or its
input closed), recorded in that event: lowering the setting afterwards never shows what the room was told was
hidden. A new reveal takes the new minimum; a log from before the minimum was recorded follows the current one."""

from __future__ import annotations

from facilitation import export, report
from facilitation import session as se
from facilitation.werkvormen.base import Actor, Event
from facilitation.werkvormen.dilemma import rules as dm
from facilitation.werkvormen.statements import rules as st

from .helpers import FACILITATOR, fold, participant

P1, P2 = participant('p1'), participant('p2')


def _room(kind: str, config: dict[str, object], *commands: tuple[Actor, object]) -> tuple[se.SessionState, list[Event]]:
    return fold(
        [
            (FACILITATOR, se.CreateSession('W', 'T', 'ABCDE', min_reveal=3)),
            (FACILITATOR, se.AddActivity(kind, 'A', config)),
            (FACILITATOR, se.StartActivity('a1')),
            (P1, se.Join()),
            (P2, se.Join()),
            *((actor, c if isinstance(c, se.ChangeSettings) else se.ForActivity('a1', c)) for actor, c in commands),
        ]
    )


def _as_old_log(log: list[Event]) -> list[Event]:
    """The log as it was written before the werkvormen recorded the minimum with what they reveal."""
    session = ('session.created', 'settings.changed')
    return [
        e if e.type in session else Event(e.type, {k: v for k, v in e.data.items() if k != 'min_reveal'}, e.actor, e.at)
        for e in log
    ]


def _statement_round(*, lower_to: int | None = None) -> list[tuple[Actor, object]]:
    steps: list[tuple[Actor, object]] = [
        (FACILITATOR, st.OpenVoting()),
        (P1, st.CastVote('eens')),
        (P2, st.CastVote('oneens')),
        (FACILITATOR, st.CloseVoting()),
        (FACILITATOR, st.Reveal()),
    ]
    return [*steps, (FACILITATOR, se.ChangeSettings(lower_to))] if lower_to is not None else steps


def _results(state: se.SessionState) -> list[tuple[int, bool, int]]:
    activity = state.activities['a1'].state
    public = st.public_view(activity, state.min_reveal)
    return [(r.number, r.tally.shown, r.tally.minimum) for r in public.results]


STATEMENTS = {'statements': [{'text': 'Een melding in GIR is altijd nodig'}]}


def test_lowering_the_minimum_after_a_reveal_keeps_that_round_hidden() -> None:
    state, _ = _room('statements', STATEMENTS, (FACILITATOR, st.ShowStatement('s1')), *_statement_round())
    assert _results(state) == [(1, False, 3)]  # 2 votes under a minimum of 3: "te weinig stemmen"
    state, _ = _room('statements', STATEMENTS, (FACILITATOR, st.ShowStatement('s1')), *_statement_round(lower_to=1))
    assert state.min_reveal == 1
    assert _results(state) == [(1, False, 3)]  # still hidden: the minimum of its reveal counts
    (summary,) = st.summary(state.activities['a1'].state, state.min_reveal)
    assert [r.tally.shown for r in summary.rounds] == [False]  # in the summary and the downloads as well


def test_a_new_round_after_lowering_the_minimum_uses_the_new_minimum() -> None:
    state, _ = _room(
        'statements',
        STATEMENTS,
        (FACILITATOR, st.ShowStatement('s1')),
        *_statement_round(lower_to=1),
        *_statement_round(),
    )
    assert _results(state) == [(1, False, 3), (2, True, 1)]


def test_a_reveal_logged_without_its_minimum_follows_the_current_minimum() -> None:
    _, log = _room('statements', STATEMENTS, (FACILITATOR, st.ShowStatement('s1')), *_statement_round(lower_to=1))
    replayed = se.replay('sid', _as_old_log(log))
    assert replayed.min_reveal == 1 and _results(replayed) == [(1, True, 1)]  # as logs before this change replay


# --- dilemmamethodiek ------------------------------------------------------------------------------------------------


def _dilemma_to_the_end(*, lower_to: int | None = None) -> list[tuple[Actor, object]]:
    steps: list[tuple[Actor, object]] = [
        (FACILITATOR, dm.AddDilemma('Een klant scheldt', 'grenzen')),
        (FACILITATOR, dm.Formulate('Feiten', '', '', 'Doorgaan', 'Stoppen')),
        (FACILITATOR, dm.GoToStep('kiezen')),
        (P1, dm.Rate('d1', 5, 5, 5)),
        (P2, dm.Rate('d1', 1, 1, 1)),
        (FACILITATOR, dm.CloseRatings()),
        (FACILITATOR, dm.GoToStep('formuleren')),
        (P1, dm.Judge('a')),
        (P2, dm.Judge('b')),
        (FACILITATOR, dm.GoToStep('terugblik')),
        (P1, dm.Evaluate(5)),
        (P2, dm.Evaluate(1)),
        (FACILITATOR, dm.EndDilemma()),
    ]
    return [*steps, (FACILITATOR, se.ChangeSettings(lower_to))] if lower_to is not None else steps


def _dilemma_results(state: se.SessionState) -> tuple[object, ...]:
    dilemma = state.activities['a1'].state
    view = dm.public_view(dilemma, state.min_reveal)
    result = dm.comparison(dilemma, state.min_reveal)
    return dm.ranking(view.candidates, view.ratings_minimum), view.mean_score, result.before, result.minimum


def test_lowering_the_minimum_after_the_dilemma_keeps_its_ranking_split_and_terugblik_hidden() -> None:
    state, _ = _room('dilemma', {}, *_dilemma_to_the_end())
    assert _dilemma_results(state) == ((), None, None, 3)  # two people: all hidden under a minimum of 3
    state, _ = _room('dilemma', {}, *_dilemma_to_the_end(lower_to=1))
    assert _dilemma_results(state) == ((), None, None, 3)


def test_ending_the_dilemma_again_after_lowering_the_minimum_reveals_nothing_more() -> None:
    again = [(FACILITATOR, dm.PreviousStep()), (P1, dm.Evaluate(3)), (FACILITATOR, dm.EndDilemma())]
    state, log = _room('dilemma', {}, *_dilemma_to_the_end(lower_to=1), *again)
    assert [e.type for e in log].count('dilemma.ended') == 2
    assert _dilemma_results(state) == ((), None, None, 3)  # the first end's minimum stays
    assert state.activities['a1'].state.evaluations['p1'] == dm.Evaluation(5, '')  # and what was closed stays


def test_a_dilemma_logged_without_its_minimum_follows_the_current_minimum() -> None:
    _, log = _room('dilemma', {}, *_dilemma_to_the_end(lower_to=1))
    replayed = se.replay('sid', _as_old_log(log))
    dilemma = replayed.activities['a1'].state
    view = dm.public_view(dilemma, replayed.min_reveal)
    assert [c.id for c in dm.ranking(view.candidates, view.ratings_minimum)] == ['d1'] and view.mean_score == 3.0
    assert dm.comparison(dilemma, replayed.min_reveal).before == (1, 1)


def test_the_downloads_keep_a_look_back_hidden_after_the_minimum_is_lowered() -> None:
    """The summary's Markdown and the report say 'too few, at least 3' for a look-back that ended with two answers,
    and print neither its mean nor its sentences, also once the session's minimum is 1."""
    steps = _dilemma_to_the_end(lower_to=1)
    steps[-3] = (P1, dm.Evaluate(5, 'Ik durf nu eerder te stoppen'))
    state, _ = _room('dilemma', {}, *steps)
    for text in (export.summary_markdown(state), report.session_report_markdown(state, None, 'nl', 0.0)):
        assert 'Ik durf nu eerder te stoppen' not in text
        assert 'Verborgen: 2 antwoorden, minimaal 3 nodig.' in text
        assert 'Gemiddeld' not in text
