"""The trend analysis's tables: counts per period with the trend in words, by every field, this period against the
previous one, the causes through the registry; every table suppressed, so no table says a small count."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitation.incidents import analysis as an
from facilitation.incidents import causes, charts, words
from facilitation.incidents.model import VOCABULARY, Registration
from facilitation.session import Activity, SessionState
from facilitation.werkvormen import registry
from facilitation.werkvormen.base import Context
from facilitation.werkvormen.spec import Werkvorm
from facilitation.werkvormen.trend import rules as ta

from .helpers import FACILITATOR
from .test_suppress import _rank

DAY = dt.date(2025, 1, 1)


def registrations(
    counts: dict[str, int], *, afdeling: str = 'Publiekszaken', soort: str = 'verbaal', **values: str
) -> list[Registration]:
    """`counts` per month ('2025-03': 7), each on the month's 10th, with the given field values."""
    found = []
    for month, n in counts.items():
        year, number = map(int, month.split('-'))
        found += [Registration(dt.date(year, number, 10), soort, afdeling=afdeling, **values) for _ in range(n)]
    return found


def many(n: int, seed: int = 1, start: dt.date = DAY, days: int = 730) -> list[Registration]:
    """`n` registrations spread over `days` from `start`, of every kind, afdeling and location (seeded)."""
    rng = random.Random(seed)
    afdelingen = ('Publiekszaken', 'Werk en Inkomen', 'Handhaving', 'Sport')
    return [
        Registration(
            start + dt.timedelta(days=rng.randrange(days)),
            rng.choice(VOCABULARY['soort']),
            ernst=rng.choice(VOCABULARY['ernst']),
            locatie=rng.choice(('Stadskantoor', 'Wijkpost Noord', 'Zwembad', '')),
            afdeling=rng.choice(afdelingen),
            functiegroep=rng.choice(('Baliemedewerker', 'BOA', 'Klantmanager')),
            maatregel=rng.choice(VOCABULARY['maatregel']),
        )
        for _ in range(n)
    ]


def published_counts(table: an.Table) -> Iterator[int]:
    """Every count a table publishes: cells, totals, differences."""
    yield from (v for row in table.cells for v in row if v is not None)
    for totals in (table.row_totals or (), table.column_totals or ()):
        yield from (v for v in totals if v is not None)
    if table.total is not None:
        yield table.total


def test_counts_per_month_include_the_months_without_incidents_and_hide_the_small_ones() -> None:
    regs = registrations({'2025-01': 12, '2025-02': 3, '2025-04': 9})
    table = an.per_period(regs, an.Filters(), 'maand')
    assert table.rows == ('2025-01', '2025-02', '2025-03', '2025-04')
    assert table.cells == ((None,), (None,), (0,), (9,)) and table.total == 24
    assert 'cell 1 0' in table.small and 'cell 0 0' not in table.small
    assert words.count_text(table, 'cell 1 0', None, 'nl') == '< 5'
    assert words.count_text(table, 'cell 0 0', None, 'nl') == 'afgeschermd'  # 15 in Q1 - 12 - 0 would say 3
    quarters = an.per_period(regs, an.Filters(), 'kwartaal')
    assert quarters.cells == ((15,), (9,))


def test_quarters_and_years_add_up_the_months() -> None:
    regs = registrations({'2024-11': 6, '2025-01': 10, '2025-02': 10, '2025-05': 7})
    assert an.per_period(regs, an.Filters(), 'kwartaal').rows == ('2024-Q4', '2025-Q1', '2025-Q2')
    assert an.per_period(regs, an.Filters(), 'kwartaal').cells == ((6,), (20,), (7,))
    assert an.per_period(regs, an.Filters(), 'jaar').cells == ((6,), (27,))
    assert words.period_label('2025-Q2', 'nl') == 'K2 2025' and words.period_label('2025-03', 'en') == 'Mar 2025'


def fixed_by_the_others(tables: dict[str, an.Table]) -> list[tuple[str, str]]:
    """The hidden months, quarters, years (and total) that the published ones of the three tables fix together:
    exact linear algebra over their sums, as tests/test_suppress.py checks one table."""
    names = [(g, k) for g in an.GRAINS for k in tables[g].rows] + [('total', '')]
    value = {(g, k): row[0] for g in an.GRAINS for k, row in zip(tables[g].rows, tables[g].cells, strict=True)}
    value['total', ''] = tables['maand'].total
    sums = [
        ([('maand', m) for m in tables['maand'].rows if quarter_of(m) == q], ('kwartaal', q))
        for q in tables['kwartaal'].rows
    ]
    sums += [
        ([('kwartaal', q) for q in tables['kwartaal'].rows if q[:4] == y], ('jaar', y)) for y in tables['jaar'].rows
    ]
    sums.append(([('jaar', y) for y in tables['jaar'].rows], ('total', '')))
    unknown = [n for n in names if value[n] is None]
    matrix = [[Fraction((n in parts) - (n == total)) for n in unknown] for parts, total in sums]
    if not unknown:
        return []
    full = _rank(matrix)
    return [n for i, n in enumerate(unknown) if _rank([row[:i] + row[i + 1 :] for row in matrix]) < full]


def quarter_of(month: str) -> str:
    return an.period_key(dt.date(int(month[:4]), int(month[5:]), 1), 'kwartaal')


def test_months_quarters_and_years_give_no_hidden_count_away_together() -> None:
    """A quarter shown beside two of its months would give the third away: the three tables are suppressed as one."""
    regs = registrations({'2024-11': 7, '2025-01': 12, '2025-02': 3, '2025-03': 9, '2025-05': 20, '2025-08': 2})
    assert fixed_by_the_others(an.analyse(regs, an.Filters())) == []


@settings(max_examples=40, deadline=None)
@given(counts=st.lists(st.integers(0, 14), min_size=1, max_size=30))
def test_no_period_table_gives_another_ones_hidden_count_away(counts: list[int]) -> None:
    months = {f'{2023 + i // 12}-{i % 12 + 1:02d}': n for i, n in enumerate(counts)}
    regs = registrations(months)
    if regs:
        tables = an.analyse(
            regs, an.Filters(dt.date(2023, 1, 1), dt.date(2023, 1, 1) + dt.timedelta(days=31 * len(counts) - 20))
        )
        assert fixed_by_the_others(tables) == []


@pytest.mark.parametrize(
    ('counts', 'direction'),
    [
        ([10, 15, 20, 25, 30, 35], 'stijgend'),
        ([40, 30, 25, 20, 10, 8], 'dalend'),
        ([20, 21, 19, 20, 20, 21], 'gelijk'),
    ],
)
def test_the_trend_is_said_in_words(counts: list[int], direction: str) -> None:
    regs = registrations({f'2025-{m:02d}': n for m, n in enumerate(counts, start=1)})
    table = an.per_period(regs, an.Filters(), 'maand')
    assert table.trend is not None and table.trend.direction == direction
    assert words.trend_text(table, 'nl').startswith(f'Trend: {direction}')
    assert len(table.trend.line) == len(counts)


def test_two_periods_are_too_few_for_a_trend() -> None:
    table = an.per_period(registrations({'2025-01': 10, '2025-02': 20}), an.Filters(), 'maand')
    assert table.trend is None and words.trend_text(table, 'en') == 'Trend: too few periods to see a direction.'


def test_the_trend_is_fitted_on_what_is_published_only() -> None:
    """Two small months hidden: the line is the same whichever way 2 + 3 or 1 + 4 lie behind them."""
    lines = []
    for small in ((2, 3), (1, 4)):
        counts = {'2025-01': 20, '2025-02': small[0], '2025-03': 25, '2025-04': small[1], '2025-05': 30}
        table = an.per_period(registrations(counts), an.Filters(), 'maand')
        assert table.cells[1] == table.cells[3] == (None,)
        assert table.trend is not None
        lines.append(table.trend.line)
    assert lines[0] == lines[1]


def test_filters_keep_a_period_and_one_afdeling() -> None:
    regs = registrations({'2025-01': 8, '2025-06': 9}) + registrations({'2025-01': 30}, afdeling='Sport')
    table = an.by_field(regs, an.Filters(dt.date(2025, 1, 1), dt.date(2025, 3, 31), 'Publiekszaken'), 'soort')
    assert table.total == 8 and table.span == ('2025-01-01', '2025-03-31')
    assert an.afdelingen(regs) == ['Publiekszaken', 'Sport']


def test_a_closed_field_keeps_its_vocabularys_order_and_an_open_one_the_largest_ten() -> None:
    regs = [*registrations({'2025-01': 9}, soort='fysiek'), *registrations({'2025-01': 12}, soort='verbaal')]
    assert an.by_field(regs, an.Filters(), 'soort').rows == ('verbaal', 'fysiek')
    places = [r for n in range(14) for r in registrations({'2025-01': 20 - n}, locatie=f'Locatie {n:02d}')]
    table = an.by_field(places, an.Filters(), 'locatie')
    assert table.rows[:2] == ('Locatie 00', 'Locatie 01') and table.rows[-1] == an.OTHER and len(table.rows) == 11
    assert words.row_label(table, an.OTHER, 'nl') == 'Overige'
    assert words.row_label(an.by_field(regs, an.Filters(), 'locatie'), '', 'nl') == 'Onbekend'


def test_this_period_against_the_previous_one_with_the_difference() -> None:
    regs = [
        *registrations({'2024-02': 10, '2024-03': 5}, soort='verbaal'),
        *registrations({'2025-02': 20}, soort='verbaal'),
        *registrations({'2024-02': 9, '2025-02': 2}, soort='fysiek'),
        *registrations({'2024-03': 7, '2025-03': 8}, soort='intimidatie'),
    ]
    table = an.period_against_period(regs, an.Filters(dt.date(2025, 1, 1), dt.date(2025, 12, 31)))
    assert table.previous == ('2024-01-01', '2024-12-31')
    verbaal = table.rows.index('verbaal')
    assert table.cells[verbaal] == (20, 15) and table.differences[verbaal] == 5
    fysiek = table.rows.index('fysiek')
    assert table.cells[fysiek][0] is None and table.differences[fysiek] is None  # no difference beside a hidden 2
    assert words.rows(table, 'nl')[verbaal] == ['Verbaal', '20', '15', '+5']


def test_every_table_of_every_analysis_publishes_no_small_count() -> None:
    regs = many(400, seed=3)
    for key, table in an.analyse(regs, an.Filters(afdeling='Sport'), minimum=7).items():
        assert all(n == 0 or n >= 7 for n in published_counts(table)), key
        assert words.header(table, 'nl')[0]


@settings(max_examples=60, deadline=None)
@given(
    days=st.lists(st.integers(0, 400), max_size=60),
    kinds=st.lists(st.sampled_from(VOCABULARY['soort']), min_size=1, max_size=60),
    minimum=st.integers(2, 10),
)
def test_no_table_publishes_a_count_below_the_minimum(days: list[int], kinds: list[str], minimum: int) -> None:
    regs = [Registration(DAY + dt.timedelta(days=d), kinds[i % len(kinds)]) for i, d in enumerate(days)]
    for table in an.analyse(regs, an.Filters(), minimum).values():
        assert all(n == 0 or n >= minimum for n in published_counts(table))
        for line in words.rows(table, 'nl'):  # and no text says one either
            assert not any(text.isdigit() and 0 < int(text) < minimum for text in line[1:])


def test_a_total_one_table_hides_is_hidden_in_every_table() -> None:
    """Five incidents of five kinds: the kinds' table hides each 1 and its total (five hidden ones of a total of 5
    could only be 1 each); the month's table must not say the 5 either."""
    regs = [r for soort in VOCABULARY['soort'][:5] for r in registrations({'2025-03': 1}, soort=soort)]
    tables = an.analyse(regs, an.Filters(dt.date(2025, 1, 1), dt.date(2025, 3, 31)))
    assert tables['soort'].total is None
    assert all(table.total is None for table in tables.values())
    assert all(text != '5' for line in words.rows(tables['maand'], 'nl') for text in line)


def test_a_table_goes_into_the_log_and_back_unchanged() -> None:
    for table in an.analyse(many(300), an.Filters()).values():
        assert an.Table.from_data(table.to_data()) == table


def test_no_registrations_make_empty_tables() -> None:
    for table in an.analyse([], an.Filters()).values():
        assert table.empty and words.rows(table, 'nl') in ([], [['Totaal', '0', '0', '0']])


def test_the_charts_write_every_count_and_the_hidden_ones_in_words() -> None:
    table = an.per_period(
        registrations({'2025-01': 12, '2025-02': 3, '2025-03': 9, '2025-04': 30}), an.Filters(), 'maand'
    )
    chart = charts.figure(table, 'nl', font=charts.PROJECTOR_FONT)
    bars = chart['data'][0]
    assert bars['text'] == ['12', '&lt; 5', 'afgeschermd', '30'] and bars['y'] == [12, 0, 0, 30]
    assert chart['data'][1]['line']['dash'] == 'dash' and 'Trendlijn' in chart['data'][1]['name']
    assert chart['layout']['font']['size'] >= 24 and chart['layout']['xaxis']['title']['text'] == 'Maand'
    assert '< 5' in charts.description(table, 'nl') and '3' not in bars['text']


def test_the_period_chart_tells_the_periods_apart_by_pattern_too() -> None:
    regs = many(500)
    chart = charts.figure(an.period_against_period(regs, an.Filters()), 'en')
    this, previous = chart['data']
    assert (this['name'], previous['name']) == ('This period', 'Previous period')
    assert this['marker']['pattern']['shape'] != previous['marker']['pattern']['shape']


def test_an_organisations_own_names_are_plain_text_on_a_chart() -> None:
    regs = registrations({'2025-01': 9}, locatie='<b>Balie</b> & co')
    chart = charts.figure(an.by_field(regs, an.Filters(), 'locatie'), 'nl')
    assert chart['data'][0]['y'] == ['&lt;b&gt;Balie&lt;/b&gt; &amp; co']


# --- the causes, read through the registry ---------------------------------------------------------------------------


def evaluation_session(day: dt.date, team: str, found: tuple[tuple[str, str, bool], ...]) -> SessionState:
    created = dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC).timestamp()
    session = SessionState(id=f's{day}', team=team, created_at=created)
    session.activities['a1'] = Activity('a1', 'evaluatie', 'Incidentevaluatie', found)
    return session


def test_without_a_werkvorm_that_classifies_causes_there_are_none(monkeypatch: pytest.MonkeyPatch) -> None:
    none = {kind: w for kind, w in registry.WERKVORMEN.items() if 'classified_causes' not in w.extras}
    monkeypatch.setattr(registry, 'WERKVORMEN', none)
    sessions = [evaluation_session(DAY, 'Sport', (('burger', 'verward gedrag', True),))]
    table = causes.cause_table(sessions, an.Filters())
    assert table.empty and table.rows == () and words.rows(table, 'nl') == []


def test_causes_are_counted_per_group_and_quarter_through_the_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    statements = registry.WERKVORMEN['statements']
    evaluating = Werkvorm(
        rules=statements.rules,
        package=statements.package,
        name_key=statements.name_key,
        title_key=statements.title_key,
        on_stage=statements.on_stage,
        opening=statements.opening,
        extras={'classified_causes': lambda activity: activity.state},
    )
    monkeypatch.setitem(registry.WERKVORMEN, 'evaluatie', evaluating)
    sessions = [
        evaluation_session(dt.date(2025, 1, 5), 'Sport', (('burger', 'verward gedrag', True),) * 6),
        evaluation_session(dt.date(2025, 2, 5), 'Sport', (('organisatorisch', 'protocollen', False),) * 2),
        evaluation_session(dt.date(2025, 4, 5), 'Sport', (('burger', 'middelengebruik', True),) * 8),
        evaluation_session(dt.date(2025, 4, 6), 'Handhaving', (('technisch', 'ICT', False),) * 9),
    ]
    table = causes.cause_table(sessions, an.Filters(afdeling='sport'))
    assert table.rows == ('burger', 'organisatorisch') and table.columns == ('2025-Q1', '2025-Q2')
    assert table.cells[0] == (None, 8) and table.cells[1] == (None, 0)  # the 2 hidden, and the 6 beside it
    assert all(n == 0 or n >= 5 for n in published_counts(table))
    assert words.row_label(table, 'burger', 'nl') == 'Burgergebonden factoren'
    assert words.header(table, 'nl') == ['Groep factoren', 'K1 2025', 'K2 2025', 'Totaal']


def evaluated(day: dt.date, team: str, factors: list[str]) -> SessionState:
    """A session with a real incidentevaluatie whose facilitator named and classified a cause per factor."""
    from facilitation import session as se
    from facilitation.werkvormen.incident import rules as inc

    from .helpers import fold

    commands: list[tuple[object, object]] = [
        (FACILITATOR, se.AddActivity('incident', 'Incidentevaluatie', {})),
        (FACILITATOR, se.StartActivity('a1')),
        (FACILITATOR, se.ForActivity('a1', inc.GoToStep('oorzaken'))),
    ]
    for n, factor in enumerate(factors, start=1):
        commands.append((FACILITATOR, se.ForActivity('a1', inc.AddCause(f'Oorzaak {n}'))))
        commands.append((FACILITATOR, se.ForActivity('a1', inc.Classify(f'c{n}', factor))))
    session, _ = fold(commands)  # type: ignore[arg-type]
    session.team = team
    session.created_at = dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC).timestamp()
    return session


def test_the_causes_of_real_incident_evaluations_are_counted_by_the_seeds_groups() -> None:
    sessions = [
        evaluated(dt.date(2025, 1, 5), 'Sport', ['verward_gedrag'] * 3 + ['middelengebruik'] * 3),
        evaluated(dt.date(2025, 2, 9), 'Sport', ['medewerker_burger'] * 5 + ['ict']),
        evaluated(dt.date(2025, 2, 9), 'Handhaving', ['protocollen'] * 7),  # another team: not Sport's
    ]
    table = causes.cause_table(sessions, an.Filters(afdeling='Sport'))
    assert table.rows == ('burger', 'interactie', 'technisch') and table.columns == ('2025-Q1',)
    assert table.cells[0] == (6,)  # the citizen's factors, counted from both of Sport's evaluations
    assert table.cells[1:] == ((None,), (None,))  # one ICT cause hidden, and the 5 beside it, or the total tells
    assert all(n == 0 or n >= 5 for n in published_counts(table))
    assert [words.row_label(table, g, 'nl') for g in table.rows] == [
        'Burgergebonden factoren',
        'Interactie medewerker–burger',
        'Technische factoren',
    ]


# --- the werkvorm's rules: what goes into the session's log --------------------------------------------------------


def shown_in(state: object, command: object, minimum: int = 3) -> list:
    events = ta.decide(state, command, Context(FACILITATOR, 1.0, min_reveal=minimum))  # type: ignore[arg-type]
    for event in events:
        ta.evolve(state, event)  # type: ignore[arg-type]
    return events


def test_a_figure_goes_into_the_log_as_shown_and_the_next_one_is_offered() -> None:
    state = ta.new_state({})
    assert ta.next_figure(ta.public_view(state, 3)) == 'maand'
    table = an.per_period(registrations({'2025-01': 12, '2025-02': 3, '2025-03': 9}), an.Filters(), 'maand')
    shown_in(state, ta.ShowFigure(table.to_data(), 'Sport'))
    view = ta.public_view(state, 3)
    assert view.current == table and view.current_afdeling == 'Sport'
    assert ta.next_figure(view) == 'kwartaal'


@pytest.mark.parametrize(
    'forged',
    [
        {'key': 'soort', 'rows': ['verbaal'], 'columns': ['aantal'], 'cells': [[3]], 'column_totals': [3],
         'total': 3, 'minimum': 5},  # a small count, unhidden
        {'key': 'soort', 'rows': ['verbaal'], 'columns': ['aantal'], 'cells': [[3]], 'column_totals': [3],
         'total': 3, 'minimum': 2},  # a minimum under the incidents' own
        {'key': 'namen', 'rows': [], 'columns': [], 'cells': [], 'column_totals': [], 'total': 0, 'minimum': 5},
        {'key': 'soort'},
        'x',
    ],
)  # fmt: skip
def test_a_figure_with_a_small_count_or_made_wrong_is_refused(forged: object) -> None:
    state = ta.new_state({})
    with pytest.raises(ta.InvalidFigure):
        shown_in(state, ta.ShowFigure(forged, ''))  # type: ignore[arg-type]
    assert state.shown == []


def test_a_session_with_a_higher_minimum_wants_its_own() -> None:
    table = an.by_field(many(200), an.Filters(), 'soort', minimum=5)
    with pytest.raises(ta.InvalidFigure):
        shown_in(ta.new_state({}), ta.ShowFigure(table.to_data(), ''), minimum=8)
    assert ta.minimum_for(8) == 8 and ta.minimum_for(3) == 5


def fixed_in_the_report(tables: dict[str, an.Table]) -> list[tuple[str, ...]]:
    """The hidden counts that everything an analysis publishes together fixes: every table's cells and totals, with
    the sums that link them (each table by one field adds up to the one total, months to quarters to years to it,
    this period's column of period against period is the table by soort). Exact linear algebra, as above."""
    value: dict[tuple[str, ...], int | None] = {('G',): tables['maand'].total}
    sums: list[tuple[list[tuple[str, ...]], tuple[str, ...]]] = []
    for key in an.FIGURES:
        table = tables[key]
        if key == 'periode':
            value['P',] = table.column_totals[1] if table.column_totals else 0
            value['T',] = table.total
            this = [('soort', row) for row in table.rows]
            previous = [('vorige', row) for row in table.rows]
            value.update({name: cells[1] for name, cells in zip(previous, table.cells, strict=True)})
            value.update({name: cells[0] for name, cells in zip(this, table.cells, strict=True)})
            sums += [(this, ('G',)), (previous, ('P',)), ([('G',), ('P',)], ('T',))]
            continue
        names = [(key, row) for row in table.rows]
        value.update({name: cells[0] for name, cells in zip(names, table.cells, strict=True)})
        sums.append((names, ('G',)))
    sums += [
        ([('maand', m) for m in tables['maand'].rows if quarter_of(m) == q], ('kwartaal', q))
        for q in tables['kwartaal'].rows
    ]
    sums += [
        ([('kwartaal', q) for q in tables['kwartaal'].rows if q[:4] == y], ('jaar', y)) for y in tables['jaar'].rows
    ]
    unknown = sorted(name for name, v in value.items() if v is None)
    if not unknown:
        return []
    matrix = [[Fraction((n in parts) - (n == total)) for n in unknown] for parts, total in sums]
    full = _rank(matrix)
    return [n for i, n in enumerate(unknown) if _rank([row[:i] + row[i + 1 :] for row in matrix]) < full]


@settings(max_examples=40, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.integers(-181, 180),  # this half year and the one before it
            st.sampled_from(VOCABULARY['soort'][:3]),
            st.sampled_from(VOCABULARY['ernst']),
            st.sampled_from(('Balie', 'Wijkpost', '')),
        ),
        max_size=40,
    )
)
def test_nothing_the_analysis_publishes_together_fixes_a_hidden_count(rows: list[tuple[int, str, str, str]]) -> None:
    regs = [
        Registration(DAY + dt.timedelta(days=d), soort, ernst=ernst, locatie=plaats) for d, soort, ernst, plaats in rows
    ]
    tables = an.analyse(regs, an.Filters(dt.date(2025, 1, 1), dt.date(2025, 6, 30)))
    assert fixed_in_the_report(tables) == []
