"""Suppression of small counts: nothing below the minimum is published, and no hidden count can be worked out from
what is (cells and totals), checked independently of how suppress() chooses: by exact linear algebra over every
published equation, for random small tables."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitation.incidents.suppress import MINIMUM, Suppressed, suppress

Table = list[list[int]]


def _rank(matrix: list[list[Fraction]]) -> int:
    """The rank of `matrix`, exactly (Gaussian elimination over fractions)."""
    rows = [row[:] for row in matrix]
    rank, width = 0, len(rows[0]) if rows else 0
    for column in range(width):
        pivot = next((r for r in range(rank, len(rows)) if rows[r][column] != 0), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        for r in range(len(rows)):
            if r != rank and rows[r][column] != 0:
                factor = rows[r][column] / rows[rank][column]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[rank], strict=True)]
        rank += 1
    return rank


def entries(table: Table, published: Suppressed, row_totals: bool, column_totals: bool) -> dict[tuple, int | None]:
    """Every published-or-hidden number of the table by name: ('cell', r, c), ('row', r), ('column', c), ('total',)."""
    found: dict[tuple, int | None] = {}
    for r, row in enumerate(published.cells):
        for c, value in enumerate(row):
            found['cell', r, c] = value
    if row_totals:
        assert published.row_totals is not None
        found.update({('row', r): v for r, v in enumerate(published.row_totals)})
    if column_totals:
        assert published.column_totals is not None
        found.update({('column', c): v for c, v in enumerate(published.column_totals)})
    if row_totals or column_totals:
        found['total',] = published.total
    return found


def equations(table: Table, row_totals: bool, column_totals: bool) -> list[dict[tuple, int]]:
    """What anyone knows of how the numbers hang together: each total is the sum of its cells (and the grand total
    the sum of the row totals, and of the column totals)."""
    height, width = len(table), len(table[0])
    found: list[dict[tuple, int]] = []
    if row_totals:
        for r in range(height):
            found.append({('row', r): -1, **{('cell', r, c): 1 for c in range(width)}})
        found.append({('total',): -1, **{('row', r): 1 for r in range(height)}})
    if column_totals:
        for c in range(width):
            found.append({('column', c): -1, **{('cell', r, c): 1 for r in range(height)}})
        found.append({('total',): -1, **{('column', c): 1 for c in range(width)}})
    if row_totals or column_totals:
        found.append({('total',): -1, **{('cell', r, c): 1 for r in range(height) for c in range(width)}})
    return found


def determined(table: Table, published: Suppressed, row_totals: bool, column_totals: bool) -> list[tuple]:
    """The hidden numbers that the published ones fix: x is fixed iff dropping its column from the equations over
    the hidden numbers lowers their rank (its unit vector lies in their row space)."""
    known = entries(table, published, row_totals, column_totals)
    unknown = sorted(name for name, value in known.items() if value is None)
    matrix = [[Fraction(eq.get(name, 0)) for name in unknown] for eq in equations(table, row_totals, column_totals)]
    if not unknown or not matrix:
        return []
    full = _rank(matrix)
    return [name for i, name in enumerate(unknown) if _rank([row[:i] + row[i + 1 :] for row in matrix]) < full]


def light(table: Table, published: Suppressed, row_totals: bool, column_totals: bool, minimum: int) -> list[dict]:
    """The equations whose total is published and whose hidden parts are bounded below the minimum: each hidden
    count is at least 1 (zeros are shown), so k hidden parts of a sum S are each at most S - (k - 1)."""
    known = entries(table, published, row_totals, column_totals)
    found = []
    for equation in equations(table, row_totals, column_totals):
        (total,) = [name for name, sign in equation.items() if sign == -1]
        parts = [name for name, sign in equation.items() if sign == 1]
        secret = [name for name in parts if known[name] is None]
        value = known[total]
        if value is not None and secret:
            left = value - sum(known[name] or 0 for name in parts if known[name] is not None)
            if left - (len(secret) - 1) < minimum:
                found.append(equation)
    return found


def true_value(table: Table, name: tuple) -> int:
    match name:
        case ('cell', r, c):
            return table[r][c]
        case ('row', r):
            return sum(table[r])
        case ('column', c):
            return sum(row[c] for row in table)
    return sum(map(sum, table))


tables = st.integers(1, 4).flatmap(
    lambda width: st.lists(st.lists(st.integers(0, 12), min_size=width, max_size=width), min_size=1, max_size=5)
)


@settings(max_examples=400, deadline=None)
@given(table=tables, row_totals=st.booleans(), column_totals=st.booleans(), minimum=st.integers(2, 8))
def test_no_hidden_number_can_be_worked_out_from_the_published_ones(
    table: Table, row_totals: bool, column_totals: bool, minimum: int
) -> None:
    published = suppress(table, row_totals=row_totals, column_totals=column_totals, minimum=minimum)
    assert determined(table, published, row_totals, column_totals) == []
    assert light(table, published, row_totals, column_totals, minimum) == []
    for name, value in entries(table, published, row_totals, column_totals).items():
        if value is not None:
            assert value == true_value(table, name)  # what is published is true
            assert value == 0 or value >= minimum  # and never a small group


@settings(max_examples=200, deadline=None)
@given(table=tables, row_totals=st.booleans())
def test_a_table_without_small_counts_is_published_whole(table: Table, row_totals: bool) -> None:
    big = [[0 if n < MINIMUM else n for n in row] for row in table]
    published = suppress(big, row_totals=row_totals)
    assert published.cells == tuple(map(tuple, big)) and published.hidden == 0


def test_a_list_with_one_small_count_hides_the_next_smallest_too() -> None:
    published = suppress([[3], [20], [9], [12]])
    assert published.cells == ((None,), (20,), (None,), (12,))
    assert published.column_totals == (44,) and published.total == 44  # 44 - 20 - 12 = 12 = 3 + 9: either could be


def test_two_hidden_ones_are_not_given_away_by_their_total() -> None:
    """1 + 1 hidden beside 30 under a total of 32: the hidden cells could only be 1 and 1, so 30 is hidden too."""
    published = suppress([[1], [1], [30]])
    assert published.cells == ((None,), (None,), (None,)) and published.total == 32
    assert published.small == {'cell 0 0', 'cell 1 0'}  # the 30 is hidden for their sake, not small itself


def test_zero_is_published_and_chosen_last() -> None:
    published = suppress([[2], [0], [30], [40]])
    assert published.cells == ((None,), (0,), (None,), (40,))


def test_a_row_with_one_hidden_cell_gets_a_second_and_so_does_its_column() -> None:
    published = suppress([[3, 10, 7], [8, 9, 20], [6, 6, 6]], row_totals=True)
    hidden = [(r, c) for r, row in enumerate(published.cells) for c, v in enumerate(row) if v is None]
    assert (0, 0) in hidden
    for r in range(3):  # no row and no column with exactly one hidden cell
        assert sum(1 for h in hidden if h[0] == r) != 1
    for c in range(3):
        assert sum(1 for h in hidden if h[1] == c) != 1
    assert published.row_totals == (20, 37, 18) and published.total == 75  # totals above the minimum stay


def test_a_small_total_is_hidden_with_its_only_cell() -> None:
    published = suppress([[3, 0], [10, 12]], row_totals=True)
    assert published.row_totals is not None and published.row_totals[0] is None
    assert published.cells[0] == (None, 0)


def test_a_table_without_totals_hides_only_the_small_counts() -> None:
    published = suppress([[3, 10], [6, 7]], row_totals=False, column_totals=False)
    assert published.cells == ((None, 10), (6, 7)) and published.total is None


def test_an_empty_table_and_a_table_of_zeros_publish_their_zeros() -> None:
    assert suppress([]).cells == () and suppress([]).total == 0
    assert suppress([[0, 0]], row_totals=True).cells == ((0, 0),)


@pytest.mark.parametrize('bad', [[[1, 2], [3]], [[-1]]])
def test_a_table_that_is_not_a_table_of_counts_is_refused(bad: Table) -> None:
    with pytest.raises(ValueError):
        suppress(bad)


def test_the_minimum_is_the_callers_and_at_least_one() -> None:
    assert suppress([[7], [30]], minimum=10).cells == ((None,), (None,))
    with pytest.raises(ValueError):
        suppress([[1]], minimum=0)


def test_a_large_table_is_suppressed_quickly() -> None:
    """Sixty months × six kinds with many small cells: the bridge search is linear, the whole well under a second."""
    import random
    import time

    rng = random.Random(7)
    table = [[rng.choice([0, 1, 2, 3, 4, 8, 15, 40]) for _ in range(6)] for _ in range(60)]
    start = time.perf_counter()
    published = suppress(table, row_totals=True)
    assert time.perf_counter() - start < 2.0
    assert determined(table[:8], suppress(table[:8], row_totals=True), True, True) == []
    assert published.hidden >= sum(1 for row in table for n in row if 0 < n < MINIMUM)
