"""The leerdoelwijzers and the ontwikkelmatrix as rules: answers, changes, closing, the team picture under the minimum
(no hidden group or item derivable from what is shown), and the privacy of one person's answers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs

from facilitation.app import CONTENT_DIR
from facilitation.content import load_content
from facilitation.werkvormen.base import Actor, Context, Event, InvalidText, NotAllowed, Role, UnknownItem
from facilitation.werkvormen.leerdoelen import content as ldc
from facilitation.werkvormen.leerdoelen import leerdoelwijzer as lw
from facilitation.werkvormen.leerdoelen import ontwikkelmatrix as om
from facilitation.werkvormen.leerdoelen import rules as ld

CONTENT = load_content(Path(CONTENT_DIR))
FACILITATOR = Actor(Role.FACILITATOR, 'facilitator')


def small_config(groups: int = 2, items: int = 3) -> dict[str, Any]:
    """Forms 'g1'..'gN', each with two sections (Risico-inschatting, Stellen van grenzen) of `items` items."""
    return {
        'forms': [
            {
                'id': f'g{g}',
                'title': f'Leerdoelwijzer {g}',
                'group': f'Groep {g}',
                'sections': [
                    {'title': title, 'items': [f'{title} {g}.{i}' for i in range(items)]}
                    for title in ('Risico-inschatting', 'Stellen van grenzen')
                ],
            }
            for g in range(1, groups + 1)
        ],
        'scale': ['Altijd', 'Vaak', 'Soms', 'Nooit'],
        'need': [2, 3],
    }


class Round:
    def __init__(self, module: Any = lw, config: dict[str, Any] | None = None) -> None:
        self.module = module
        self.state: ld.State = module.new_state(config or small_config())
        self.events: list[Event] = []
        self.named: set[str] = set()
        self.now = 0.0

    def do(self, who: str, command: object, minimum: int = 3) -> list[Event]:
        actor = FACILITATOR if who == 'facilitator' else Actor(Role.PARTICIPANT, who)
        self.now += 1
        ctx = Context(actor, self.now, frozenset(), minimum, lambda pid: pid in self.named)
        events = self.module.decide(self.state, command, ctx)
        for event in events:
            self.module.evolve(self.state, event)
        self.events += events
        return events

    def fill(self, who: str, form: str, answers: list[int]) -> None:
        if len(self.state.forms) > 1:
            self.do(who, ld.ChooseForm(form))
        for item, answer in zip(self.state.forms[form].items, answers, strict=False):
            self.do(who, ld.Answer(item.id, answer))
        self.do(who, ld.Finish())

    def public(self, minimum: int = 3) -> ld.PublicView:
        return self.module.public_view(self.state, minimum)


# --- content into a round --------------------------------------------------------------------------------------------


def test_every_leerdoelwijzer_becomes_a_form_with_all_its_items_and_the_seeds_answers() -> None:
    state = lw.new_state(ldc.wijzer_config(CONTENT.leerdoelwijzers))
    assert len(state.forms) == 8
    for stem, wijzer in CONTENT.leerdoelwijzers.items():
        form = state.forms[stem]
        assert [item.text for item in form.items] == wijzer.items
        assert form.group == wijzer.function_group and form.goal_question == wijzer.learning_goal
    assert state.scale == ('Altijd', 'Vaak', 'Soms', 'Nooit')
    assert [state.scale[i] for i in sorted(state.need)] == ['Soms', 'Nooit']
    assert {kind for kind, _ in state.offers} == {'kennis', 'vaardigheden', 'coaching'}


def test_the_matrix_has_its_topics_veilig_werken_in_its_nine_settings_and_an_own_topic() -> None:
    state = om.new_state(ldc.matrix_config(CONTENT.ontwikkelmatrix))
    (form,) = state.forms.values()
    assert len(form.sections) == 17
    veilig = next(s for s in form.sections if s.title == 'Veilig werken')
    assert [i.text for i in veilig.items][:2] == ['Veilig werken aan de telefoon', 'Veilig werken aan de balie']
    assert len(veilig.items) == 9 and len(form.items) == 16 + 9
    assert state.scale[state.teach or 0] == 'Ik kan het anderen leren'
    assert state.own_topic == 'Eigen onderwerp'


def test_a_round_replays_from_its_config_as_it_was_held() -> None:
    state = lw.new_state(ldc.wijzer_config(CONTENT.leerdoelwijzers))
    again = lw.new_state(lw.config_of(state), check=False)
    assert again.forms == state.forms and again.scale == state.scale and again.need == state.need


@pytest.mark.parametrize(
    'config',
    [
        {},
        {'forms': []},
        {**small_config(), 'scale': ['Altijd']},
        {**small_config(), 'need': [7]},
        {**small_config(), 'forms': [{'id': '../x', 'title': 'T', 'sections': [{'title': 'S', 'items': ['i']}]}]},
        {**small_config(), 'forms': [{'id': 'x', 'title': 'T', 'sections': [{'title': 'S', 'items': []}]}]},
        {**small_config(), 'forms': small_config()['forms'] * 2},
    ],
)
def test_a_config_that_makes_no_round_is_refused(config: dict[str, Any]) -> None:
    with pytest.raises(InvalidText):
        lw.new_state(config)


# --- filling in ------------------------------------------------------------------------------------------------------


def test_answers_change_until_the_close_and_then_are_refused() -> None:
    r = Round()
    r.do('p1', ld.ChooseForm('g1'))
    item = r.state.forms['g1'].items[0].id
    r.do('p1', ld.Answer(item, 0))
    r.do('p1', ld.Answer(item, 3))
    assert r.state.people['p1'].answers == {item: 3}
    assert r.do('p1', ld.Answer(item, 3)) == []  # the same answer again: nothing
    r.do('p1', ld.Answer(item, None))
    assert r.state.people['p1'].answers == {}
    r.do('facilitator', ld.CloseRound())
    with pytest.raises(ld.NotOpen):
        r.do('p1', ld.Answer(item, 1))
    with pytest.raises(ld.NotOpen):
        r.do('p1', ld.ChooseForm('g2'))
    assert r.do('facilitator', ld.CloseRound()) == []  # closing twice: once


def test_the_own_goal_stays_the_persons_to_write_after_the_close() -> None:
    r = Round()
    r.fill('p1', 'g1', [2, 3, 0])
    r.do('facilitator', ld.CloseRound())
    r.do('p1', ld.SetGoal('Grenzen stellen oefenen', 'vaardigheden'))
    assert (r.state.people['p1'].goal, r.state.people['p1'].goal_offer) == ('Grenzen stellen oefenen', 'vaardigheden')
    with pytest.raises(ld.WrongPhase):
        r.do('p1', ld.SetGoal('x', 'cursus'))


def test_choosing_another_form_starts_afresh_and_a_form_is_needed_first() -> None:
    r = Round()
    g1 = r.state.forms['g1'].items[0].id
    with pytest.raises(ld.NoForm):
        r.do('p1', ld.Answer(g1, 0))
    r.do('p1', ld.ChooseForm('g1'))
    r.do('p1', ld.Answer(g1, 0))
    r.do('p1', ld.Finish())
    r.do('p1', ld.ChooseForm('g2'))
    person = r.state.people['p1']
    assert person.answers == {} and not person.done
    with pytest.raises(UnknownItem):
        r.do('p1', ld.Answer(g1, 0))  # an item of the form left behind
    with pytest.raises(UnknownItem):
        r.do('p1', ld.ChooseForm('g9'))


@pytest.mark.parametrize('answer', [-1, 4, True, '2', 1.0])
def test_an_answer_off_the_scale_is_refused(answer: object) -> None:
    r = Round()
    r.do('p1', ld.ChooseForm('g1'))
    with pytest.raises(InvalidText):
        r.do('p1', ld.Answer(r.state.forms['g1'].items[0].id, answer))  # type: ignore[arg-type]
    assert r.state.people.get('p1') is None or not r.state.people['p1'].answers


def test_the_roles_are_kept() -> None:
    r = Round()
    with pytest.raises(NotAllowed):
        r.do('facilitator', ld.ChooseForm('g1'))
    with pytest.raises(NotAllowed):
        r.do('p1', ld.CloseRound())


def test_only_a_named_participant_offers_to_teach_and_only_at_the_level_to_teach_others() -> None:
    r = Round(om, ldc.matrix_config(CONTENT.ontwikkelmatrix))
    topic, other = list(r.state.items)[:2]
    r.do('p1', ld.Answer(topic, 5))
    r.do('p1', ld.Answer(other, 4))
    with pytest.raises(ld.NotNamed):
        r.do('p1', ld.OfferHelp(topic))
    r.named.add('p1')
    with pytest.raises(ld.NotTeaching):
        r.do('p1', ld.OfferHelp(other))
    r.do('p1', ld.OfferHelp(topic))
    assert r.state.people['p1'].helps == {topic}
    r.do('p1', ld.Answer(topic, 3))  # no longer at that level: the offer goes with it
    assert r.state.people['p1'].helps == set()


def test_the_own_topic_is_the_matrixs_and_its_level_needs_a_topic() -> None:
    r = Round(om, ldc.matrix_config(CONTENT.ontwikkelmatrix))
    r.do('p1', ld.SetOwnTopic('Omgaan met dreiging via WhatsApp', 2))
    assert (r.state.people['p1'].own_topic, r.state.people['p1'].own_level) == ('Omgaan met dreiging via WhatsApp', 2)
    r.do('p1', ld.SetOwnTopic('', 2))
    assert r.state.people['p1'].own_level is None
    with pytest.raises(ld.WrongPhase):
        Round().do('p1', ld.SetOwnTopic('x', 0))  # a leerdoelwijzer asks for none


# --- what is shown ---------------------------------------------------------------------------------------------------


def test_while_open_only_how_many_are_done_is_public() -> None:
    r = Round()
    r.fill('p1', 'g1', [3, 3, 3])
    r.do('p2', ld.ChooseForm('g1'))
    r.do('p2', ld.Answer(r.state.forms['g1'].items[0].id, 0))
    public = r.public()
    assert (public.done, public.busy, public.picture) == (1, 1, None)


def test_the_own_profile_lists_the_persons_soms_and_nooit_as_possible_goals() -> None:
    r = Round()
    r.fill('p1', 'g1', [0, 2, 3, 1, 2])
    mine = lw.participant_view(r.state, 'p1', 3)
    assert mine.profile is not None
    assert [item.text for item in mine.profile.goals] == [
        'Risico-inschatting 1.1',
        'Risico-inschatting 1.2',
        'Stellen van grenzen 1.1',
    ]
    assert [(s.title, s.counts, s.open) for s in mine.profile.sections] == [
        ('Risico-inschatting', (1, 0, 1, 1), 0),
        ('Stellen van grenzen', (0, 1, 1, 0), 1),
    ]
    assert mine.resume_at == 5
    assert lw.participant_view(r.state, 'p2', 3).profile is None  # someone else sees nothing of it


def test_a_group_under_the_minimum_is_not_shown_and_left_out_of_the_teams_totals() -> None:
    r = Round()
    for who in ('a', 'b', 'c'):
        r.fill(who, 'g1', [0, 0, 0, 0, 0, 0])
    r.fill('d', 'g2', [3, 3, 3, 3, 3, 3])  # alone in their group
    r.do('facilitator', ld.CloseRound())
    picture = r.public().picture
    assert picture is not None
    assert [g.group for g in picture.groups] == ['Groep 1'] and picture.overig is None
    assert (picture.people, picture.hidden) == (3, 1)
    assert all(s.distribution and s.distribution.counts == (9, 0, 0, 0) for s in picture.sections)


def test_small_groups_together_are_shown_as_overig_per_section_when_they_reach_the_minimum() -> None:
    r = Round(config=small_config(groups=3))
    for who in ('a', 'b', 'c'):
        r.fill(who, 'g1', [0] * 6)
    r.fill('d', 'g2', [3] * 6)
    r.fill('e', 'g2', [2] * 6)
    r.fill('f', 'g3', [1] * 6)
    r.do('facilitator', ld.CloseRound())
    picture = r.public().picture
    assert picture is not None and picture.overig is not None
    assert picture.overig.people == 3 and picture.overig.items == ()
    assert [s.distribution.counts for s in picture.overig.sections if s.distribution] == [(0, 3, 3, 3)] * 2
    assert picture.hidden == 0
    team = {s.title: s.distribution.counts for s in picture.sections if s.distribution}
    assert team == {'Risico-inschatting': (9, 3, 3, 3), 'Stellen van grenzen': (9, 3, 3, 3)}


def test_an_item_answered_by_fewer_than_the_minimum_is_hidden_and_not_in_its_sections_figures() -> None:
    r = Round(config=small_config(groups=1))
    for who in ('a', 'b', 'c'):
        r.fill(who, 'g1', [0, 0, 0, 0, 0, 0])
    r.do('d', ld.Answer('g1.1.1', 3))  # the fourth respondent answers one item only
    r.do('facilitator', ld.CloseRound(), minimum=4)
    picture = r.public().picture
    assert picture is not None
    (group,) = picture.groups
    rows = {row.item.id: row.distribution for row in group.items}
    assert rows['g1.1.1'] is not None and rows['g1.1.1'].counts == (3, 0, 0, 1)
    assert all(rows[item] is None for item in rows if item != 'g1.1.1')  # three answers: under the minimum
    sections = {s.title: s.distribution for s in group.sections}
    assert sections['Risico-inschatting'] == rows['g1.1.1']  # the section adds up only what is shown
    assert sections['Stellen van grenzen'] is None
    assert group.items[0].item.id == 'g1.1.1'  # by need: the shown item first


def test_the_minimum_that_applies_is_the_one_recorded_at_the_close() -> None:
    r = Round()
    for who in ('a', 'b', 'c'):
        r.fill(who, 'g1', [1] * 6)
    r.do('facilitator', ld.CloseRound(), minimum=4)
    picture = r.public(minimum=2).picture  # lowered afterwards: still hidden
    assert picture is not None and not picture.shown and picture.hidden == 3


def test_items_and_sections_are_sorted_by_need() -> None:
    r = Round(config=small_config(groups=1))
    for who in ('a', 'b', 'c'):
        r.fill(who, 'g1', [0, 3, 2, 3, 3, 3])
    r.do('facilitator', ld.CloseRound())
    picture = r.public().picture
    assert picture is not None
    assert [s.title for s in picture.sections] == ['Stellen van grenzen', 'Risico-inschatting']
    needs = [row.need for row in picture.groups[0].items]
    assert needs == sorted(needs, reverse=True)


def test_the_change_since_the_baseline_round_per_section_and_item() -> None:
    config = {**small_config(groups=1), 'baseline': {'at': '2026-03-03', 'sections': {'Risico-inschatting': 0.5},
                                                     'items': {'Groep 1: Risico-inschatting 1.0': 1.0}}}  # fmt: skip
    r = Round(config=config)
    for who in ('a', 'b', 'c'):
        r.fill(who, 'g1', [3, 0, 0, 0, 0, 0])
    r.do('facilitator', ld.CloseRound())
    public = r.public()
    assert public.baseline_at == '2026-03-03' and public.picture is not None
    section = next(s for s in public.picture.sections if s.title == 'Risico-inschatting')
    assert section.change == pytest.approx(1 / 3 - 0.5)
    row = next(row for row in public.picture.groups[0].items if row.item.text == 'Risico-inschatting 1.0')
    assert row.change == pytest.approx(0.0)
    stored = ld.aggregate(public.picture)
    assert stored['sections']['Risico-inschatting'] == pytest.approx(1 / 3, abs=1e-4)
    assert set(stored) == {'sections', 'items'}


# --- properties: nothing that is not shown can be read from what is --------------------------------------------------

people_strategy = hs.lists(
    hs.tuples(hs.integers(1, 3), hs.lists(hs.one_of(hs.none(), hs.integers(0, 3)), min_size=6, max_size=6)),
    max_size=12,
)


def _round(people: list[tuple[int, list[int | None]]], minimum: int) -> Round:
    r = Round(config=small_config(groups=3))
    for n, (group, answers) in enumerate(people):
        who = f'p{n}'
        r.do(who, ld.ChooseForm(f'g{group}'))
        for item, answer in zip(r.state.forms[f'g{group}'].items, answers, strict=True):
            if answer is not None:
                r.do(who, ld.Answer(item.id, answer))
    r.do('facilitator', ld.CloseRound(), minimum=minimum)
    return r


def _shown(picture: ld.TeamPicture) -> list[ld.Distribution]:
    parts = [*picture.groups, *((picture.overig,) if picture.overig else ())]
    found = [s.distribution for s in picture.sections if s.distribution]
    found += [s.distribution for g in parts for s in g.sections if s.distribution]
    return found + [row.distribution for g in parts for row in g.items if row.distribution]


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(people=people_strategy, minimum=hs.integers(1, 5), data=hs.data())
def test_what_is_not_shown_changes_nothing_that_is(
    people: list[tuple[int, list[int | None]]], minimum: int, data: hs.DataObject
) -> None:
    """Change every answer that does not count in a figure shown (of a person left out, or of an item hidden): the
    picture stays exactly the same. So no hidden group, item or person can be derived from it."""
    r = _round(people, minimum)
    picture = r.public().picture
    assert picture is not None
    for distribution in _shown(picture):
        assert distribution.total >= minimum
    counted_forms = {g.form for g in picture.groups}
    overig_shown = picture.overig is not None
    shown_items = {row.item.id for g in picture.groups for row in g.items if row.distribution}
    changed = []
    for group, answers in people:
        form = f'g{group}'
        items = r.state.forms[form].items
        new = list(answers)
        for i, (item, answer) in enumerate(zip(items, answers, strict=True)):
            in_shown_group = form in counted_forms and item.id in shown_items
            in_overig = form not in counted_forms and overig_shown
            if answer is not None and not in_shown_group and not in_overig:
                new[i] = data.draw(hs.integers(0, 3))
        changed.append((group, new))
    again = _round(changed, minimum).public().picture
    assert again == picture


@settings(max_examples=100, deadline=None)
@given(people=people_strategy, minimum=hs.integers(1, 5))
def test_every_shown_group_and_item_has_at_least_the_minimum_and_the_team_adds_up_the_shown_parts(
    people: list[tuple[int, list[int | None]]], minimum: int
) -> None:
    picture = _round(people, minimum).public().picture
    assert picture is not None
    parts = [*picture.groups, *((picture.overig,) if picture.overig else ())]
    assert all(g.people >= minimum for g in parts)
    assert all(row.distribution.total >= minimum for g in picture.groups for row in g.items if row.distribution)
    for section in picture.sections:
        own = [s.distribution for g in parts for s in g.sections if s.title == section.title and s.distribution]
        total = tuple(map(sum, zip(*(d.counts for d in own), strict=True))) if own else None
        assert (section.distribution.counts if section.distribution else None) == total
    assert picture.people + picture.hidden == len([p for p in people if any(a is not None for a in p[1])])


@settings(max_examples=100, deadline=None)
@given(people=people_strategy, data=hs.data())
def test_while_open_the_public_and_console_views_do_not_depend_on_what_anyone_answered(
    people: list[tuple[int, list[int | None]]], data: hs.DataObject
) -> None:
    def views(answers: list[tuple[int, list[int | None]]]) -> tuple[object, object]:
        r = Round(config=small_config(groups=3))
        for n, (group, given_answers) in enumerate(answers):
            r.do(f'p{n}', ld.ChooseForm(f'g{group}'))
            for item, answer in zip(r.state.forms[f'g{group}'].items, given_answers, strict=True):
                if answer is not None:
                    r.do(f'p{n}', ld.Answer(item.id, answer))
        return lw.public_view(r.state, 3), lw.console_view(r.state, 3)

    other = [(g, [None if a is None else data.draw(hs.integers(0, 3)) for a in answers]) for g, answers in people]
    assert views(people) == views(other)


# --- session plans ---------------------------------------------------------------------------------------------------

PLAN = """title: Leerdoelen BOA en KCC
agenda:
  - werkvorm: leerdoelwijzer
    title: Leerdoelwijzer
    content: {content}
    minutes: 20
"""


def test_a_session_plan_names_one_group_all_groups_or_several_between_commas(tmp_path: Path) -> None:
    from facilitation.content import agenda_config, load_session_plans

    for content, groups in (
        ('boa', ['boa']),
        ('alle-functiegroepen', sorted(CONTENT.leerdoelwijzers)),
        ("'boa, klant-contact-centra'", ['boa', 'klant-contact-centra']),
    ):
        (tmp_path / 'plan.yaml').write_text(PLAN.format(content=content), encoding='utf-8')
        (item,) = load_session_plans(tmp_path, CONTENT)['plan'].agenda
        state = lw.new_state(agenda_config(item, CONTENT))
        assert sorted(state.forms) == groups


def test_a_session_plan_naming_an_unknown_group_is_refused_naming_file_line_and_field(tmp_path: Path) -> None:
    from facilitation.content import load_session_plans
    from facilitation.yamlfile import ContentError

    (tmp_path / 'plan.yaml').write_text(PLAN.format(content="'boa, brandweer'"), encoding='utf-8')
    with pytest.raises(ContentError) as refused:
        load_session_plans(tmp_path, CONTENT)
    assert (refused.value.path.name, refused.value.line, refused.value.field) == ('plan.yaml', 5, 'agenda[0].content')
