"""Dilemmamethodiek (seed section 2): every step's commands and refusals, rating and ranking, hidden judgements,
going back a step and the short version."""

from __future__ import annotations

from typing import Any

import pytest

from facilitation.werkvormen.base import (
    Actor,
    Context,
    EmptyText,
    Event,
    ExtendTimer,
    NotAllowed,
    PauseTimer,
    ResumeTimer,
    TextTooLong,
    UnknownItem,
    WrongPhase,
)
from facilitation.werkvormen.dilemma import rules as dm

from .helpers import FACILITATOR, PROJECTOR, participant

P1, P2, P3 = participant('p1'), participant('p2'), participant('p3')


class Dilemma:
    def __init__(self, **config: Any) -> None:
        self.state = dm.new_state(config)
        self.now = 1000.0

    def run(self, command: object, actor: Actor = FACILITATOR) -> list[Event]:
        events = dm.decide(self.state, command, Context(actor, self.now, frozenset({'p1', 'p2', 'p3'})))  # type: ignore[arg-type]
        for event in events:
            dm.evolve(self.state, event)
        return events

    def to(self, step: dm.Step) -> None:
        self.run(dm.GoToStep(step.value))

    def formulated(self) -> None:
        self.run(dm.AddDilemma('Een klant dreigt bij de balie', 'bedreiging'))
        self.run(dm.ChooseDilemma('d1'))
        self.run(dm.Formulate('Feiten', 'Handelingen', 'Gevoelens', 'Doorgaan met het gesprek', 'Het gesprek stoppen'))


def test_the_steps_follow_the_stappenplan_and_the_clock_starts_with_each() -> None:
    game = Dilemma()
    assert game.state.stage is dm.Stage.SETUP and game.state.steps == list(dm.Step)
    game.run(dm.NextStep())
    assert game.state.step is dm.Step.INVENTARISEREN and game.state.deadline == 1000 + 10 * 60
    game.run(dm.NextStep())
    assert game.state.step is dm.Step.KIEZEN and game.state.deadline == 1000 + 5 * 60
    game.to(dm.Step.TERUGBLIK)
    with pytest.raises(WrongPhase):
        game.run(dm.NextStep())  # the last step: what follows is the end
    game.run(dm.EndDilemma())
    assert game.state.stage is dm.Stage.DONE


def test_the_facilitator_goes_back_a_step_even_after_the_end() -> None:
    game = Dilemma()
    with pytest.raises(WrongPhase):
        game.run(dm.PreviousStep())
    game.run(dm.NextStep())
    with pytest.raises(WrongPhase):
        game.run(dm.PreviousStep())  # the first step has none before it
    game.run(dm.NextStep())
    game.run(dm.PreviousStep())
    assert game.state.step is dm.Step.INVENTARISEREN
    game.to(dm.Step.TERUGBLIK)
    game.run(dm.EndDilemma())
    game.run(dm.PreviousStep())
    assert game.state.stage is dm.Stage.RUNNING and game.state.step is dm.Step.TERUGBLIK


def test_a_short_version_runs_only_the_chosen_steps_in_the_stappenplan_order() -> None:
    game = Dilemma(steps=['afspraken', 'formuleren', 'inventariseren', 'waarden'])
    assert game.state.steps == list(dm.SHORT)
    game.run(dm.NextStep())
    game.run(dm.NextStep())
    assert game.state.step is dm.Step.FORMULEREN  # kiezen is skipped
    with pytest.raises(UnknownItem):
        game.run(dm.GoToStep('kiezen'))
    with pytest.raises(WrongPhase):
        game.run(dm.SetSteps(('kiezen',)))  # the run is chosen before it starts
    with pytest.raises(WrongPhase):
        dm.new_state({'steps': 'kiezen'})  # a list of steps, not one
    with pytest.raises(UnknownItem):
        dm.new_state({'steps': ['koffie']})


def test_step_durations_are_planned_and_the_clock_is_the_facilitators() -> None:
    game = Dilemma(minutes={'inventariseren': 0, 'kiezen': 3})
    game.run(dm.NextStep())
    assert game.state.deadline is None  # no time limit for this step
    game.run(dm.SetStepSeconds('kiezen', 240))
    game.run(dm.NextStep())
    assert game.state.deadline == 1240
    game.now = 1100
    game.run(PauseTimer())
    assert game.state.deadline is None and game.state.left == 140
    game.run(ExtendTimer(60))
    game.run(ResumeTimer())
    assert game.state.deadline == 1100 + 200
    with pytest.raises(WrongPhase):
        game.run(dm.SetStepSeconds('kiezen', -1))
    with pytest.raises(WrongPhase):
        dm.new_state({'minutes': {'kiezen': 'vijf'}})


def test_dilemmas_from_phones_are_held_until_the_facilitator_shows_them() -> None:
    game = Dilemma()
    with pytest.raises(WrongPhase):
        game.run(dm.SubmitDilemma('Te vroeg', 'grenzen'), P1)  # before the first step
    game.run(dm.NextStep())
    game.run(dm.SubmitDilemma('Een klant blijft schelden', 'grenzen'), P1)
    game.run(dm.SubmitDilemma('Melden in GIR of niet', 'gir', show_name=True), P2)
    assert dm.public_view(game.state, 3).candidates == ()  # held: not on the projector yet
    mine = dm.participant_view(game.state, 'p1', 3).mine
    assert [(m.text, m.status) for m in mine] == [('Een klant blijft schelden', dm.Status.PENDING)]
    game.run(dm.Approve('d2'))
    game.run(dm.Reject('d1'))
    (candidate,) = dm.public_view(game.state, 3).candidates
    assert (candidate.text, candidate.category, candidate.author) == ('Melden in GIR of niet', dm.Category.GIR, 'p2')
    game.run(dm.SubmitDilemma('Nog een', 'hulp'), P3)
    game.run(dm.ApproveAll())
    assert [c.id for c in dm.public_view(game.state, 3).candidates] == ['d2', 'd3']
    assert dm.public_view(game.state, 3).candidates[1].author == ''  # anonymous unless chosen


@pytest.mark.parametrize(
    ('command', 'error'),
    [
        (dm.SubmitDilemma('', 'grenzen'), EmptyText),
        (dm.SubmitDilemma('x' * (dm.MAX_DILEMMA + 1), 'grenzen'), TextTooLong),
        (dm.SubmitDilemma('Iets', 'roddel'), UnknownItem),
        (dm.Rate('d1', 3, 3, 3), WrongPhase),
        (dm.Evaluate(4), WrongPhase),
        (dm.AddEntry('waarden', 'Respect'), WrongPhase),
    ],
)
def test_bad_input_from_a_phone_is_refused_and_changes_nothing(command: object, error: type) -> None:
    game = Dilemma()
    game.run(dm.NextStep())
    before = repr(game.state)
    with pytest.raises(error):
        game.run(command, P1)
    assert repr(game.state) == before


def test_one_phone_cannot_flood_the_room() -> None:
    game = Dilemma()
    game.run(dm.NextStep())
    for i in range(dm.MAX_OWN):
        game.run(dm.SubmitDilemma(f'Dilemma {i}', 'anders'), P1)
    with pytest.raises(dm.TooMany):
        game.run(dm.SubmitDilemma('Nog een', 'anders'), P1)
    assert dm.participant_view(game.state, 'p1', 3).sent_all
    game.run(dm.SubmitDilemma('Van een ander', 'anders'), P2)


def test_ratings_rank_the_candidates_and_a_second_rating_replaces_the_first() -> None:
    game = Dilemma()
    game.run(dm.AddDilemma('A', 'grenzen'))
    game.run(dm.AddDilemma('B', 'hulp'))
    game.run(dm.AddDilemma('C', 'politie'))
    game.to(dm.Step.KIEZEN)
    game.run(dm.Rate('d1', 2, 2, 2), P1)
    game.run(dm.Rate('d2', 5, 4, 3), P1)
    game.run(dm.Rate('d2', 3, 3, 3), P2)
    assert game.run(dm.Rate('d2', 3, 3, 3), P2) == []  # the same rating twice counts once
    game.run(dm.Rate('d1', 5, 5, 5), P2)
    game.run(dm.Rate('d1', 1, 1, 2), P1)  # p1 changes their mind: replaced, not added
    with pytest.raises(UnknownItem):
        game.run(dm.Rate('d2', 6, 3, 3), P1)
    with pytest.raises(UnknownItem):
        game.run(dm.Rate('d9', 3, 3, 3), P1)
    assert [c.raters for c in dm.public_view(game.state, 1).candidates] == [2, 2, 0]  # while rating: counts only
    assert dm.ranking(dm.public_view(game.state, 1).candidates) == ()
    game.run(dm.CloseRatings())
    view = dm.public_view(game.state, 1)
    ranked = dm.ranking(view.candidates)
    assert [c.id for c in ranked] == ['d2', 'd1']  # d3 has no ratings: not ranked
    assert ranked[0].raters == 2 and ranked[0].means == (4.0, 3.5, 3.0) and ranked[0].score == 3.5
    assert ranked[1].means == (3.0, 3.0, 3.5)
    assert dm.ranking(view.candidates, minimum=3) == ()  # below the minimum nothing is ranked
    assert dm.ranking(dm.public_view(game.state, 3).candidates) == ()
    assert dict(dm.participant_view(game.state, 'p1', 3).my_ratings) == {'d1': (1, 1, 2), 'd2': (5, 4, 3)}
    game.run(dm.ChooseDilemma('d2'))
    assert dm.public_view(game.state, 3).chosen is not None and dm.public_view(game.state, 3).chosen.text == 'B'


def test_the_chosen_dilemma_cannot_be_removed_and_a_held_one_cannot_be_chosen() -> None:
    game = Dilemma()
    game.run(dm.NextStep())
    game.run(dm.SubmitDilemma('Vastgehouden', 'grenzen'), P1)
    with pytest.raises(UnknownItem):
        game.run(dm.ChooseDilemma('d1'))
    game.run(dm.Approve('d1'))
    game.run(dm.ChooseDilemma('d1'))
    with pytest.raises(WrongPhase):
        game.run(dm.Reject('d1'))


def test_intuitive_judgements_stay_hidden_until_the_end_then_before_and_after_are_compared() -> None:
    game = Dilemma()
    game.to(dm.Step.FORMULEREN)
    with pytest.raises(dm.NoSides):
        game.run(dm.Judge('a', 'Doorgaan'), P1)  # nothing to judge before the sides are named
    game.formulated()
    game.run(dm.Judge('a', 'Ik wil de klant helpen'), P1)
    game.run(dm.Judge('b', 'Veiligheid eerst'), P2)
    game.run(dm.Judge('b', ''), P3)
    game.run(dm.Judge('a', 'Toch doorgaan'), P3)  # changed while writing: one judgement each
    public = dm.public_view(game.state, 3)
    assert public.judged_before == 3
    assert 'Ik wil de klant helpen' not in repr(public)  # counts only on the projector
    assert 'Ik wil de klant helpen' not in repr(dm.participant_view(game.state, 'p2', 3))
    assert dm.participant_view(game.state, 'p1', 3).my_before == dm.Judgement(dm.Choice.A, 'Ik wil de klant helpen')
    assert dm.comparison(game.state, 3).before is None  # not before the end
    game.to(dm.Step.VERHELDEREN)
    with pytest.raises(WrongPhase):
        game.run(dm.Judge('a'), P1)
    game.to(dm.Step.AFSPRAKEN)
    for actor in (P1, P2, P3):
        game.run(dm.Judge('b'), actor)
    assert dm.participant_view(game.state, 'p1', 3).my_before.choice is dm.Choice.A  # the first stays as it was
    game.run(dm.EndDilemma())
    result = dm.comparison(game.state, 3)
    assert (result.before, result.after) == ((2, 1), (0, 3))
    hidden = dm.comparison(game.state, 4)
    assert (hidden.judged_before, hidden.before, hidden.after) == (3, None, None)  # below the minimum: no split


def test_a_bad_choice_is_refused() -> None:
    game = Dilemma()
    game.formulated()
    game.to(dm.Step.FORMULEREN)
    with pytest.raises(UnknownItem):
        game.run(dm.Judge('c'), P1)


def test_clarifying_questions_and_the_table_come_from_the_phones_into_the_current_steps_columns() -> None:
    game = Dilemma()
    game.to(dm.Step.VERHELDEREN)
    game.run(dm.AddEntry('vraag', 'Wat zei de klant precies?'), P1)
    with pytest.raises(WrongPhase):
        game.run(dm.AddEntry('waarden', 'Respect'), P1)  # not a column of this step
    game.to(dm.Step.WAARDEN)
    game.run(dm.AddEntry('betrokkenen', 'De klant'), P1)
    game.run(dm.AddEntry('waarden', 'Respect'), P2)
    game.run(dm.AddEntry('normen', 'Huisregels'), P3)
    game.run(dm.AddEntry('waarden', 'Veiligheid'))  # the facilitator's own: shown at once
    view = dm.public_view(game.state, 3)
    assert [i.text for i in view.column(dm.Column.WAARDEN)] == ['Veiligheid']
    assert view.column(dm.Column.VRAAG) == ()
    game.run(dm.ApproveAll())
    game.run(dm.MoveEntry('e3', 'normen'))  # curated: respect is moved, just to show it can be
    with pytest.raises(WrongPhase):
        game.run(dm.MoveEntry('e2', 'alternatief'))  # only within the table
    view = dm.public_view(game.state, 3)
    assert [i.text for i in view.column(dm.Column.BETROKKENEN)] == ['De klant']
    assert [i.text for i in view.column(dm.Column.NORMEN)] == ['Respect', 'Huisregels']
    assert view.column(dm.Column.VRAAG) == ()  # 'show all' shows this step's entries, not a question held earlier
    assert game.state.entries['e1'].status is dm.Status.PENDING


def test_alternatives_are_marked_with_the_values_and_norms_they_do_justice_to() -> None:
    game = Dilemma()
    game.run(dm.AddEntry('waarden', 'Respect'))  # e1
    game.run(dm.AddEntry('normen', 'Huisregels'))  # e2
    game.to(dm.Step.ALTERNATIEVEN)
    game.run(dm.AddEntry('alternatief', 'Een collega erbij roepen'), P1)  # e3
    game.run(dm.Approve('e3'))
    game.run(dm.Mark('e3', 'e1'))
    game.run(dm.Mark('e3', 'e2'))
    assert game.run(dm.Mark('e3', 'e2')) == []
    game.run(dm.Mark('e3', 'e2', on=False))
    (alternative,) = dm.public_view(game.state, 3).alternatives
    assert (alternative.text, alternative.does_justice) == ('Een collega erbij roepen', ('e1',))
    with pytest.raises(UnknownItem):
        game.run(dm.Mark('e1', 'e2'))  # a value is no alternative
    game.run(dm.Reject('e1'))
    assert dm.public_view(game.state, 3).alternatives[0].does_justice == ()  # a removed value is no longer marked


def test_the_inbrengers_deliberation_and_the_agreements_with_owners() -> None:
    game = Dilemma()
    game.to(dm.Step.AFWEGING)
    game.run(dm.Deliberate('juist', 'Ik vind het juist dat ik het gesprek stop'))
    game.run(dm.Deliberate('nodig_team', 'Een collega die meeloopt'))
    with pytest.raises(UnknownItem):
        game.run(dm.Deliberate('geheim', 'x'))
    view = dict(dm.public_view(game.state, 3).deliberation)
    assert view['juist'] == 'Ik vind het juist dat ik het gesprek stop' and view['schade'] == ''
    game.to(dm.Step.AFSPRAKEN)
    game.run(dm.AddEntry('eens', 'Veiligheid gaat voor'))
    game.run(dm.AddEntry('verschil', 'Wanneer je de politie belt'), P1)
    game.run(
        dm.AddAgreement(
            'handelingsafspraak', 'We stoppen een gesprek bij dreiging', 'Team', basis='Veiligheid, huisregels'
        )
    )
    game.run(dm.AddAgreement('werkafspraak', 'Alarmknop testen', 'Fatima', term='2027-01-15'))
    with pytest.raises(EmptyText):
        game.run(dm.AddAgreement('werkafspraak', 'Zonder eigenaar', ''))  # every agreement has an owner
    with pytest.raises(dm.BadDate):
        game.run(dm.AddAgreement('werkafspraak', 'X', 'Jan', term='morgen'))
    with pytest.raises(UnknownItem):
        game.run(dm.AddAgreement('wens', 'X', 'Jan'))
    agreements = dm.public_view(game.state, 3).agreements
    assert [(a.kind, a.owner, a.term) for a in agreements] == [
        (dm.AgreementKind.HANDELING, 'Team', ''),
        (dm.AgreementKind.WERK, 'Fatima', '2027-01-15'),
    ]
    game.run(dm.EndDilemma())
    game.run(dm.RemoveAgreement('g1'))  # afterwards the agreements can still be put right
    assert [a.id for a in game.state.agreements] == ['g2']
    with pytest.raises(WrongPhase):
        game.run(dm.Formulate('x'))  # but the dilemma itself is done


def test_the_terugblik_is_one_score_and_one_sentence_per_phone() -> None:
    game = Dilemma()
    game.to(dm.Step.TERUGBLIK)
    game.run(dm.Evaluate(4, 'Ik weet nu wat het team verwacht'), P1)
    game.run(dm.Evaluate(2), P2)
    game.run(dm.Evaluate(5), P2)  # changed: replaced
    with pytest.raises(UnknownItem):
        game.run(dm.Evaluate(0), P3)
    view = dm.public_view(game.state, 2)
    assert (view.evaluated, view.mean_score) == (2, None)  # the mean only once the dilemma ends
    assert dm.evaluation_sentences(game.state) == ('Ik weet nu wat het team verwacht',)
    assert dm.participant_view(game.state, 'p2', 3).my_evaluation == dm.Evaluation(5, '')
    game.run(dm.EndDilemma())
    assert dm.public_view(game.state, 2).mean_score == 4.5
    assert dm.public_view(game.state, 3).mean_score is None  # below the minimum: hidden


@pytest.mark.parametrize('actor', [P1, PROJECTOR])
def test_only_the_facilitator_moves_through_the_steps(actor: Actor) -> None:
    with pytest.raises(NotAllowed):
        Dilemma().run(dm.NextStep(), actor)


def test_the_configuration_round_trips() -> None:
    state = dm.new_state({'title': 'Dilemma aan de balie', 'steps': list(dm.SHORT), 'minutes': {'waarden': 20}})
    again = dm.new_state(dm.config_of(state))
    assert (again.title, again.steps, again.seconds) == (state.title, state.steps, state.seconds)
    assert again.seconds[dm.Step.WAARDEN] == 1200


# --- issue 16: the dilemmamethodiek as the seed has it ---------------------------------------------------------------


def test_the_inbrenger_is_marked_or_volunteers_and_answers_the_questions_instead_of_asking() -> None:
    game = Dilemma()
    game.formulated()
    game.to(dm.Step.FORMULEREN)
    assert dm.participant_view(game.state, 'p1', 3).can_volunteer
    game.run(dm.Volunteer(), P1)
    assert game.state.inbrenger == 'p1'
    with pytest.raises(dm.InbrengerTaken):
        game.run(dm.Volunteer(), P2)  # one inbrenger; the facilitator can mark another
    mine, other = dm.participant_view(game.state, 'p1', 3), dm.participant_view(game.state, 'p2', 3)
    assert mine.inbrenger and not other.inbrenger and not other.can_volunteer
    assert mine.judge_moment == '' and other.judge_moment == 'before'  # colleagues write down what they would do
    with pytest.raises(dm.InbrengerAnswers):
        game.run(dm.Judge('a'), P1)
    assert 'p1' not in repr(dm.public_view(game.state, 3))  # the room is not told who it is
    game.to(dm.Step.VERHELDEREN)
    assert dm.participant_view(game.state, 'p1', 3).columns == ()  # the inbrenger listens and answers
    assert dm.participant_view(game.state, 'p2', 3).columns == (dm.Column.VRAAG,)
    with pytest.raises(dm.InbrengerAnswers):
        game.run(dm.AddEntry('vraag', 'Wat zei ik precies?'), P1)
    game.run(dm.AddEntry('vraag', 'Wat zei de klant precies?'), P2)
    game.run(dm.SetInbrenger('p2'))  # the facilitator puts it right
    assert dm.participant_view(game.state, 'p2', 3).inbrenger and not dm.participant_view(game.state, 'p1', 3).inbrenger
    with pytest.raises(UnknownItem):
        game.run(dm.SetInbrenger('p9'))  # only someone who joined
    assert game.run(dm.Volunteer(on=False), P1) == []  # not theirs to give up


def test_the_inbrenger_types_their_own_afweging_or_leaves_it_to_the_facilitator() -> None:
    game = Dilemma()
    game.formulated()
    game.to(dm.Step.AFWEGING)
    with pytest.raises(dm.NotInbrenger):
        game.run(dm.Deliberate('juist', 'Ik vind het juist dat ik stop'), P1)
    game.run(dm.SetInbrenger('p1'))
    game.run(dm.Deliberate('juist', 'Ik vind het juist dat ik het gesprek stop'), P1)
    game.run(dm.Deliberate('nodig_organisatie', 'Een alarmknop die werkt'), P1)
    with pytest.raises(dm.NotInbrenger):
        game.run(dm.Deliberate('schade', 'Niet van mij'), P2)
    game.run(dm.Deliberate('schade', 'Een collega belt de klant terug'))  # the facilitator may write it down too
    deliberation = dict(dm.public_view(game.state, 3).deliberation)
    assert deliberation['juist'] == 'Ik vind het juist dat ik het gesprek stop'
    assert deliberation['nodig_organisatie'] == 'Een alarmknop die werkt'
    assert deliberation['schade'] == 'Een collega belt de klant terug'
    game.to(dm.Step.AFSPRAKEN)
    with pytest.raises(WrongPhase):
        game.run(dm.Deliberate('juist', 'Later'), P1)  # on a phone only in step 7
    game.run(dm.Volunteer(on=False), P1)
    assert game.state.inbrenger == ''


def test_nobody_volunteers_before_a_dilemma_is_chosen() -> None:
    game = Dilemma()
    game.to(dm.Step.INVENTARISEREN)
    with pytest.raises(WrongPhase):
        game.run(dm.Volunteer(), P1)
    assert not dm.participant_view(game.state, 'p1', 3).can_volunteer


def test_step_four_keeps_verplaatsen_in_its_name_in_both_languages() -> None:
    from facilitation.i18n import translate

    assert translate('nl', 'dm.step.verhelderen') == 'Verhelderen en verplaatsen'
    english = translate('en', 'dm.step.verhelderen')
    assert english.startswith('Clarifying') and 'shoes' in english  # stepping into the inbrenger's shoes


def test_values_norms_and_stakes_belong_to_a_betrokkene_in_the_table() -> None:
    game = Dilemma()
    game.to(dm.Step.WAARDEN)
    game.run(dm.AddEntry('betrokkenen', 'De klant'))  # e1
    game.run(dm.AddEntry('betrokkenen', 'De baliemedewerker'))  # e2
    game.run(dm.AddEntry('belangen', 'Wil snel geholpen worden', of='e1'), P1)  # e3
    game.run(dm.AddEntry('waarden', 'Respect', of='e1'), P2)  # e4
    game.run(dm.AddEntry('normen', 'Huisregels'), P3)  # e5: for nobody in particular
    game.run(dm.AddEntry('waarden', 'Veiligheid', of='e2'))  # e6
    game.run(dm.ApproveAll())
    view = dm.public_view(game.state, 3)
    klant, medewerker = view.column(dm.Column.BETROKKENEN)
    assert [(r.betrokkene, [i.text for i in (*r.belangen, *r.waarden, *r.normen)]) for r in view.rows()] == [
        (klant, ['Wil snel geholpen worden', 'Respect']),
        (medewerker, ['Veiligheid']),
        (None, ['Huisregels']),
    ]
    game.run(dm.Assign('e5', 'e2'))  # the facilitator links the norm to the baliemedewerker
    rows = dm.public_view(game.state, 3).rows()
    assert len(rows) == 2 and [i.text for i in rows[1].normen] == ['Huisregels']
    with pytest.raises(WrongPhase):
        game.run(dm.AddEntry('betrokkenen', 'Zijn zoon', of='e1'))  # a betrokkene belongs to nobody
    with pytest.raises(UnknownItem):
        game.run(dm.AddEntry('waarden', 'Iets', of='e4'), P1)  # a value is no betrokkene
    game.run(dm.AddEntry('betrokkenen', 'De beveiliger'), P1)  # e7, held
    with pytest.raises(UnknownItem):
        game.run(dm.AddEntry('waarden', 'Iets', of='e7'), P2)  # not on the table yet
    game.run(dm.Reject('e1'))
    rows = dm.public_view(game.state, 3).rows()
    assert rows[-1].betrokkene is None and [i.text for i in rows[-1].waarden] == ['Respect']  # for nobody now
    assert game.run(dm.Approve('e1')) and dm.public_view(game.state, 3).rows()[0].betrokkene == klant  # and back


def test_an_alternative_does_justice_to_or_goes_against_a_value_or_norm() -> None:
    game = Dilemma()
    game.run(dm.AddEntry('waarden', 'Respect'))  # e1
    game.run(dm.AddEntry('normen', 'Huisregels'))  # e2
    game.to(dm.Step.ALTERNATIEVEN)
    game.run(dm.AddEntry('alternatief', 'Het gesprek beëindigen'))  # e3
    game.run(dm.Mark('e3', 'e1'))
    game.run(dm.Mark('e3', 'e2', verdict='tegen'))
    assert game.run(dm.Mark('e3', 'e2', verdict='tegen')) == []
    (alternative,) = dm.public_view(game.state, 3).alternatives
    assert (alternative.does_justice, alternative.goes_against) == (('e1',), ('e2',))
    game.run(dm.Mark('e3', 'e1', verdict='tegen'))  # a change of mind replaces the verdict
    assert dm.public_view(game.state, 3).alternatives[0].goes_against == ('e1', 'e2')
    with pytest.raises(UnknownItem):
        game.run(dm.Mark('e3', 'e1', verdict='half'))
    game.run(dm.Mark('e3', 'e1', on=False))
    (alternative,) = dm.public_view(game.state, 3).alternatives
    assert (alternative.does_justice, alternative.goes_against) == ((), ('e2',))


def test_an_older_log_folds_entries_without_a_betrokkene_and_marks_as_doing_justice() -> None:
    state = dm.new_state({})
    for type_, data in (
        ('dilemma.entry', {'item': 'e1', 'column': 'waarden', 'text': 'Respect', 'status': 'shown'}),
        ('dilemma.entry', {'item': 'e2', 'column': 'alternatief', 'text': 'Stoppen', 'status': 'shown'}),
        ('dilemma.marked', {'alternative': 'e2', 'entry': 'e1', 'on': True}),
    ):
        dm.evolve(state, Event(type_, data, FACILITATOR, 1.0))
    assert state.entries['e1'].of == '' and state.marks == {('e2', 'e1'): dm.Verdict.RECHT}


def _werkoverleg_dilemma() -> tuple[Any, str]:
    from facilitation import session as se
    from facilitation.app import CONTENT_DIR, SESSIONS_DIR
    from facilitation.content import agenda_config, load_content

    content = load_content(CONTENT_DIR, SESSIONS_DIR)
    (item,) = [i for i in content.session_plans['thematisch-werkoverleg'].agenda if i.werkvorm == dm.KIND]
    state = se.SessionState('sid')
    for command in (
        se.CreateSession('W', '', 'ABCDE'),
        se.AddActivity(item.werkvorm, item.title, agenda_config(item, content), item.minutes),
    ):
        for event in se.decide(state, command, Context(FACILITATOR, 0.0)):
            se.evolve(state, event)
    return state, 'a1'


def test_the_step_clocks_follow_the_minutes_the_plan_gives_the_dilemma() -> None:
    from facilitation import session as se

    state, activity = _werkoverleg_dilemma()
    dilemma: dm.State = state.activities[activity].state
    assert state.activities[activity].minutes == 40
    seconds = dm.step_seconds(dilemma)
    assert [seconds[s] // 60 for s in dilemma.steps] == [8, 8, 12, 12]  # 40 minutes, as 10 : 10 : 15 : 15
    for command in (se.PlanMinutes(activity, 20), se.ForActivity(activity, dm.SetStepSeconds('waarden', 15 * 60))):
        for event in se.decide(state, command, Context(FACILITATOR, 0.0)):
            se.evolve(state, event)
    seconds = dm.step_seconds(state.activities[activity].state)
    assert [seconds[s] // 60 for s in dilemma.steps] == [2, 1, 15, 2]  # the rest of the 20 for the other three
    for event in se.decide(state, se.StartActivity(activity), Context(FACILITATOR, 0.0)):
        se.evolve(state, event)
    (event,) = se.decide(state, se.ForActivity(activity, dm.NextStep()), Context(FACILITATOR, 100.0))
    assert event.data['deadline'] == 100 + 2 * 60


def test_without_a_plan_the_steps_keep_their_default_minutes_and_an_older_config_its_own() -> None:
    assert dm.step_seconds(dm.new_state({})) == {s: m * 60 for s, m in dm.DEFAULT_MINUTES.items()}
    older = {'steps': [s.value for s in dm.SHORT], 'minutes': {s.value: m for s, m in dm.DEFAULT_MINUTES.items()}}
    state = dm.plan_minutes(dm.new_state(older, check=False), 40)  # a log from before kept all nine minutes
    assert sum(dm.step_seconds(state)[s] for s in state.steps) == 50 * 60
