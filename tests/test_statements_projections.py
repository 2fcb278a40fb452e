"""The stellingen console's projection: the steps it offers, the hand count, the list (rules once in the views)."""

from __future__ import annotations

from facilitation.werkvormen.statements import rules as st

from .test_statements import run, vote


def fresh() -> st.State:
    return st.new_state({'statements': [{'text': 'Eerste', 'note': 'Vraag door'}, {'text': 'Tweede'}]})


def offered(state: st.State) -> tuple[str | None, str | None]:
    view = st.console_view(state, 1)
    return (view.next_step.key if view.next_step else None), (view.again.key if view.again else None)


def test_the_next_step_walks_each_statement_through_its_phases_to_the_end() -> None:
    state = fresh()
    assert st.console_view(state, 1).next_step == st.NextStep('st.show_first', st.ShowStatement('s1'))
    seen = []
    while (step := st.console_view(state, 1).next_step) is not None:
        seen.append(step.key)
        run(state, step.command)
    one_statement = ['st.open_voting', 'st.close_voting', 'st.reveal']
    assert seen == ['st.show_first', *one_statement, 'st.next', *one_statement]
    assert offered(state) == (None, 'st.second_round')  # all done; another round is still on offer


def test_voting_again_is_offered_after_closing_and_after_the_reveal_only() -> None:
    state = fresh()
    run(state, st.ShowStatement('s1'))
    assert offered(state) == ('st.open_voting', None)
    run(state, st.OpenVoting())
    assert offered(state) == ('st.close_voting', None)
    run(state, st.CloseVoting())
    assert offered(state) == ('st.reveal', 'st.reopen')
    assert st.console_view(state, 1).again == st.NextStep('st.reopen', st.OpenVoting(), icon='lock_open')
    run(state, st.Reveal())
    assert offered(state) == ('st.next', 'st.second_round')


def test_an_empty_set_offers_no_step() -> None:
    assert offered(st.new_state({})) == (None, None)


def test_the_hand_count_goes_with_the_round_until_it_is_revealed() -> None:
    state = fresh()
    run(state, st.ShowStatement('s1'))
    assert st.console_view(state, 1).hand_count is None  # nothing to count before voting
    run(state, st.OpenVoting())
    run(state, st.CountHands(3, 1))
    assert st.console_view(state, 1).hand_count == st.HandCount('s1', 1, 3, 1)
    run(state, st.CloseVoting())
    assert st.console_view(state, 1).hand_count == st.HandCount('s1', 1, 3, 1)
    run(state, st.Reveal())
    assert st.console_view(state, 1).hand_count is None  # a revealed result stays as the room saw it
    run(state, st.OpenVoting())
    assert st.console_view(state, 1).hand_count == st.HandCount('s1', 2, 0, 0)


def test_the_console_has_the_note_the_nabespreking_and_every_statement_in_order() -> None:
    state = fresh()
    view = st.console_view(state, 1)
    assert (view.note, view.discussion) == ('', None)
    assert view.rows == (
        st.StatementRow('s1', 1, 'Eerste', None, False),
        st.StatementRow('s2', 2, 'Tweede', None, False),
    )
    run(state, st.ShowStatement('s1'))
    run(state, st.OpenVoting())
    run(state, st.SaveDiscussion('s1', 'Bekend', 'Praktijk', 'Beleid'))
    view = st.console_view(state, 1)
    assert view.note == 'Vraag door'
    assert view.discussion == st.Discussion('Bekend', 'Praktijk', 'Beleid')
    assert view.row('s1') == st.StatementRow('s1', 1, 'Eerste', st.Phase.VOTING, True)
    assert view.row('s3') is None


def test_the_live_count_is_in_the_public_view_but_a_vote_does_not_change_what_phones_compare() -> None:
    state = fresh()
    run(state, st.ShowStatement('s1'))
    run(state, st.OpenVoting())
    before = st.public_view(state, 1)
    vote(state, 'p1', 'eens')
    after = st.public_view(state, 1)
    assert (before.voted, after.voted) == (0, 1)
    assert after == before  # phones re-render at the facilitator's steps, not at every vote


def test_the_participant_view_shares_the_public_one_when_given() -> None:
    state = fresh()
    run(state, st.ShowStatement('s1'))
    run(state, st.OpenVoting())
    vote(state, 'p1', 'oneens')
    public = st.public_view(state, 1)
    view = st.participant_view(state, 'p1', 1, public=public)
    assert view.public is public
    assert view.my_vote is st.Choice.ONEENS
