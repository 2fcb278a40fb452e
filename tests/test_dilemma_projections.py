"""The dilemma's projections decide what the views once worked out from the raw state: the console's way back and on,
what waits for the facilitator, each step's clock for the plan, who the inbrenger is (only there), the ranking and
the before-and-after comparison in the public view, and the signature every werkvorm shares."""

from __future__ import annotations

from facilitation.werkvormen.dilemma import rules as dm

from .test_dilemma import P1, P2, P3, Dilemma


def test_the_console_offers_start_then_each_next_step_then_the_end_and_back_from_the_second_step() -> None:
    game = Dilemma(steps=['inventariseren', 'formuleren', 'afspraken'])
    view = dm.console_view(game.state, 3)
    assert (view.back, view.forward, view.next_step) == (False, dm.Forward.START, None)
    game.run(dm.NextStep())
    view = dm.console_view(game.state, 3)
    assert (view.back, view.forward, view.next_step) == (False, dm.Forward.NEXT, dm.Step.FORMULEREN)
    game.run(dm.NextStep())
    view = dm.console_view(game.state, 3)
    assert (view.back, view.forward, view.next_step) == (True, dm.Forward.NEXT, dm.Step.AFSPRAKEN)
    game.run(dm.NextStep())
    view = dm.console_view(game.state, 3)
    assert (view.back, view.forward, view.next_step) == (True, dm.Forward.END, None)
    game.run(dm.EndDilemma())
    view = dm.console_view(game.state, 3)
    assert (view.back, view.forward, view.next_step) == (True, dm.Forward.NONE, None)  # back into the last step


def test_the_console_lists_what_waits_in_this_step_only_with_a_name_only_when_its_sender_chose_to_show_it() -> None:
    game = Dilemma()
    game.to(dm.Step.INVENTARISEREN)
    game.run(dm.SubmitDilemma('Een klant scheldt', 'bedreiging', show_name=True), P1)
    game.run(dm.SubmitDilemma('Een collega roddelt', 'professioneel'), P2)
    assert dm.console_view(game.state, 3).held == (
        dm.Held('d1', 'Een klant scheldt', dm.Category.BEDREIGING, 'p1'),
        dm.Held('d2', 'Een collega roddelt', dm.Category.PROFESSIONEEL, ''),
    )
    assert dm.public_view(game.state, 3).candidates == ()  # nothing held reaches the room
    game.run(dm.Approve('d1'))
    game.run(dm.ChooseDilemma('d1'))
    game.run(dm.Formulate(kant_a='Doorgaan', kant_b='Stoppen'))
    game.to(dm.Step.VERHELDEREN)
    game.run(dm.AddEntry('vraag', 'Wat zei de klant precies?'), P3)
    held = dm.console_view(game.state, 3).held
    assert held == (dm.Held('e1', 'Wat zei de klant precies?', dm.Column.VRAAG, ''),)  # not d2: another step's
    assert [i.id for i in dm.held_now(game.state)] == [h.id for h in held]


def test_the_console_shows_each_steps_clock_as_the_plan_shares_it_and_a_steps_own() -> None:
    game = Dilemma(steps=['inventariseren', 'formuleren'])
    dm.plan_minutes(game.state, 40)
    game.run(dm.SetStepSeconds('formuleren', 25 * 60))
    minutes = dict(dm.console_view(game.state, 3).minutes)
    assert minutes[dm.Step.FORMULEREN] == 25 and minutes[dm.Step.INVENTARISEREN] == 15  # the rest of the plan
    assert list(minutes) == list(dm.ORDER)  # every step, for the set-up's rows
    assert minutes == {step: seconds // 60 for step, seconds in dm.step_seconds(game.state).items()}


def test_only_the_console_and_the_inbrengers_phone_know_who_brought_the_dilemma_in() -> None:
    game = Dilemma()
    game.formulated()
    game.to(dm.Step.FORMULEREN)
    game.run(dm.Volunteer(), P2)
    assert dm.console_view(game.state, 3).inbrenger == 'p2'
    assert 'p2' not in repr(dm.public_view(game.state, 3))
    assert dm.participant_view(game.state, 'p2', 3).inbrenger and not dm.participant_view(game.state, 'p1', 3).inbrenger


def test_the_console_has_the_terugblik_sentences_without_their_scores_or_their_writers() -> None:
    game = Dilemma(steps=['inventariseren', 'terugblik'])
    game.to(dm.Step.TERUGBLIK)
    game.run(dm.Evaluate(2, 'Te kort'), P1)
    game.run(dm.Evaluate(5, ''), P2)
    view = dm.console_view(game.state, 3)
    assert view.evaluation_sentences == ('Te kort',)
    assert 'p1' not in repr(view) and 'Evaluation' not in repr(view)


def test_the_public_view_ranks_once_the_ratings_are_closed_and_compares_only_at_the_end() -> None:
    game = Dilemma()
    game.to(dm.Step.INVENTARISEREN)
    game.run(dm.AddDilemma('Een', 'gir'))
    game.run(dm.AddDilemma('Twee', 'hulp'))
    game.to(dm.Step.KIEZEN)
    for actor in (P1, P2):
        game.run(dm.Rate('d1', 2, 2, 2), actor)
        game.run(dm.Rate('d2', 5, 4, 5), actor)
    assert dm.public_view(game.state, 2).ranked == ()  # while people rate
    game.run(dm.CloseRatings())
    view = dm.public_view(game.state, 2)
    assert [c.id for c in view.ranked] == ['d2', 'd1'] and view.ranked == dm.ranking(view.candidates, 2)
    assert dm.public_view(game.state, 3).ranked == ()  # below the minimum: no ranking
    game.run(dm.ChooseDilemma('d2'))
    game.run(dm.Formulate(kant_a='Doorgaan', kant_b='Stoppen'))
    game.to(dm.Step.FORMULEREN)
    game.run(dm.Judge('a'), P1)
    game.run(dm.Judge('b'), P2)
    assert dm.public_view(game.state, 2).comparison == dm.comparison(game.state, 2)
    assert dm.public_view(game.state, 2).comparison.before is None  # not before the end
    game.run(dm.EndDilemma())
    assert dm.public_view(game.state, 2).comparison.before == (1, 1)


def test_a_shown_entry_is_found_by_its_id_in_the_public_view_and_a_held_one_is_not() -> None:
    game = Dilemma()
    game.formulated()
    game.to(dm.Step.WAARDEN)
    game.run(dm.AddEntry('waarden', 'Veiligheid'))
    game.run(dm.AddEntry('normen', 'Niet schelden'), P1)
    view = dm.public_view(game.state, 3)
    assert view.entry('e1') == dm.Item('e1', 'Veiligheid') and view.entry('e2') is None


def test_the_participant_view_takes_the_minimum_and_shares_a_public_view_given() -> None:
    game = Dilemma()
    game.formulated()
    public = dm.public_view(game.state, 1)
    assert dm.participant_view(game.state, 'p1', 1, public=public).public is public
    assert dm.participant_view(game.state, 'p1', 1) == dm.participant_view(game.state, 'p1', 1, public=public)


def test_the_inbrengers_phone_has_a_task_in_the_steps_from_formulating_to_the_afweging_only() -> None:
    game = Dilemma()
    game.formulated()
    game.to(dm.Step.FORMULEREN)
    game.run(dm.SetInbrenger('p1'))
    tasks = {}
    for step in dm.ORDER:
        game.to(step)
        tasks[step] = dm.participant_view(game.state, 'p1', 3).inbrenger_task
        assert not dm.participant_view(game.state, 'p2', 3).inbrenger_task  # a colleague has none
    assert [step for step, task in tasks.items() if task] == list(dm.VOLUNTEER_STEPS)
    game.run(dm.EndDilemma())
    assert not dm.participant_view(game.state, 'p1', 3).inbrenger_task
