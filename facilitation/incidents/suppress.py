"""Which counts of a table may be published: none below the minimum, and none that the published ones give away.

A table of counts is published with (some of) its totals: a row total per row, a column total per column, a grand
total. *Primary* suppression hides every count, total or cell, above 0 and below the minimum (default 5): a group that
small is nearly a person. *Secondary* suppression then hides more, so that no hidden count can be worked out from the
published ones: a row with exactly one hidden cell gives it away as its total minus the rest, so a second cell is
hidden (the smallest); and so on to a fixpoint, across rows and columns.

Why this is exact, not a rule of thumb: put the totals beside the cells (the table grows a total column and a total
row) and every published equation says "these entries sum to that one". The hidden entries are the edges of a graph
between the rows and columns they lie in (a row or column without an equation — no totals that way — is one free
node). A hidden entry is determined by the published ones exactly when its edge is a *bridge* of that graph; on a
cycle, adding 1 and subtracting 1 alternately around it keeps every published sum and changes the entry. So hiding
goes on until no hidden edge is a bridge (tests/test_suppress.py checks this independently, with linear algebra).

Exact values are not all a total can give away: a 0 is published (no incidents is not a small group), so every hidden
count is at least 1, and a row of total 32 that shows 30 says its two hidden cells are 1 and 1. So, where a total is
published, its hidden parts must leave room: k of them summing to S are each at most S - (k - 1), and that must reach
the minimum (else one more part is hidden). A hidden zero is only ever chosen as a last resort.

Which hidden counts are small themselves (hidden for their own sake, "< 5") is published too (`small`): those others
hide is said in other words, as a count of 40 hidden beside a 3 is not "< 5". Pure: no interface, no storage.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

MINIMUM = 5  # the default smallest count published

Entry = tuple[int, int]  # (row, column) of the grid with totals: its last row the column totals, last column the rows'
Node = tuple[str, int]  # the equation of a row or of a column, or the free node (no equation)


@dataclass(frozen=True)
class Suppressed:
    """What may be published of a table: its counts with None where a count is hidden."""

    cells: tuple[tuple[int | None, ...], ...]
    row_totals: tuple[int | None, ...] | None  # None: the table publishes no row totals
    column_totals: tuple[int | None, ...] | None  # None: no column totals
    total: int | None  # the grand total (None: hidden, or the table publishes no totals at all)
    small: frozenset[str] = frozenset()  # the hidden counts that are small themselves (named as in `names`)

    @property
    def hidden(self) -> int:
        """How many cells are hidden (totals not counted)."""
        return sum(value is None for row in self.cells for value in row)


def suppress(
    counts: Sequence[Sequence[int]],
    *,
    row_totals: bool = False,
    column_totals: bool = True,
    minimum: int = MINIMUM,
    hide: Iterable[str] = (),
) -> Suppressed:
    """The publishable version of `counts` (rows × columns, every row as long), with a total per row when
    `row_totals`, a total per column when `column_totals`, and the grand total when either is published; `hide`
    names entries to hide whatever they count (as `small` names them: a total another table hides)."""
    if minimum < 1:
        raise ValueError('minimum must be at least 1')
    rows = [list(row) for row in counts]
    width = len(rows[0]) if rows else 0
    if any(len(row) != width for row in rows) or any(n < 0 for row in rows for n in row):
        raise ValueError('counts must be a rectangle of counts of 0 or more')
    grid = _Grid(rows, width, row_totals, column_totals)
    small = {entry for entry, n in grid.entries() if 0 < n < minimum}
    hidden = small | {entry for entry, _ in grid.entries() if grid.name(entry) in set(hide)}
    while True:
        if (bridge := grid.a_bridge(hidden)) is not None:
            hidden.add(grid.second(hidden, bridge))
        elif (light := grid.too_light(hidden, minimum)) is not None:
            hidden.add(light)
        else:
            break

    def shown(r: int, c: int) -> int | None:
        return None if (r, c) in hidden else grid.values[r][c]

    height = len(rows)
    return Suppressed(
        cells=tuple(tuple(shown(r, c) for c in range(width)) for r in range(height)),
        row_totals=tuple(shown(r, width) for r in range(height)) if row_totals else None,
        column_totals=tuple(shown(height, c) for c in range(width)) if column_totals else None,
        total=shown(height, width) if (row_totals or column_totals) else None,
        small=frozenset(grid.name(entry) for entry in small),
    )


class _Grid:
    """The table with its totals beside it (a total column, a total row; None where the table has no such total: it
    is not an entry, neither shown nor hidden), and the graph its hidden entries make."""

    def __init__(self, rows: list[list[int]], width: int, row_totals: bool, column_totals: bool) -> None:
        grand = sum(map(sum, rows)) if (row_totals or column_totals) else None
        self.values: list[list[int | None]] = [[*row, sum(row) if row_totals else None] for row in rows]
        self.values.append([*(sum(row[c] for row in rows) if column_totals else None for c in range(width)), grand])
        self.height, self.width = len(rows), width
        self.row_totals, self.column_totals = row_totals, column_totals

    def name(self, entry: Entry) -> str:
        """An entry by what it is: 'cell r c', 'row r' (its total), 'column c' or 'total'."""
        r, c = entry
        if r < self.height and c < self.width:
            return f'cell {r} {c}'
        if c == self.width and r < self.height:
            return f'row {r}'
        return f'column {c}' if r == self.height and c < self.width else 'total'

    def too_light(self, hidden: set[Entry], minimum: int) -> Entry | None:
        """An entry to hide where a published total leaves too little for its hidden parts: every hidden count is at
        least 1 (a 0 is shown), so k hidden parts of a sum S are each at most S - (k - 1); that bound must not fall
        below the minimum, or the total would say the hidden counts are small (or, at S = k, that each is 1)."""
        lines = [
            *(([(r, c) for c in range(self.width)], (r, self.width)) for r in range(self.height + 1)),
            *(([(r, c) for r in range(self.height)], (self.height, c)) for c in range(self.width + 1)),
            ([(r, c) for r in range(self.height) for c in range(self.width)], (self.height, self.width)),
        ]
        for parts, total in lines:
            value = self.values[total[0]][total[1]]
            parts = [p for p in parts if self.values[p[0]][p[1]] is not None]
            secret = [p for p in parts if p in hidden]
            if value is None or total in hidden or not secret:
                continue
            shown = sum(self.values[r][c] or 0 for r, c in parts if (r, c) not in hidden)
            if value - shown - (len(secret) - 1) >= minimum:
                continue
            more = [p for p in parts if p not in hidden]
            return min(more, key=lambda p: (self.values[p[0]][p[1]] == 0, self.values[p[0]][p[1]])) if more else total
        return None

    def entries(self) -> list[tuple[Entry, int]]:
        return [((r, c), n) for r, line in enumerate(self.values) for c, n in enumerate(line) if n is not None]

    def ends(self, entry: Entry) -> tuple[Node, Node]:
        """The equations an entry is in: its row's (cells and their total; the total row's: the column totals and
        the grand total) and its column's, each the free node where the table publishes no such equation."""
        r, c = entry
        row_equation = self.row_totals if r < self.height else self.column_totals
        column_equation = self.column_totals if c < self.width else self.row_totals
        return ('row', r) if row_equation else ('free', 0), ('column', c) if column_equation else ('free', 0)

    def a_bridge(self, hidden: set[Entry]) -> Entry | None:
        """A hidden entry that the published ones determine (a bridge of the graph of hidden entries), or None.

        Tarjan's bridge search, without recursion: a table of many rows stays linear."""
        edges = sorted(hidden)
        neighbours: dict[Node, list[tuple[Node, int]]] = {}
        for index, entry in enumerate(edges):
            a, b = self.ends(entry)
            if a != b:  # an entry between two free ends is constrained by nothing
                neighbours.setdefault(a, []).append((b, index))
                neighbours.setdefault(b, []).append((a, index))
        order: dict[Node, int] = {}
        low: dict[Node, int] = {}
        for root in neighbours:
            if root in order:
                continue
            order[root] = low[root] = len(order)
            stack = [(root, -1, iter(neighbours[root]))]
            while stack:
                node, via, todo = stack[-1]
                step = next(todo, None)
                if step is None:
                    stack.pop()
                    if stack:
                        parent = stack[-1][0]
                        low[parent] = min(low[parent], low[node])
                        if low[node] > order[parent]:
                            return edges[via]
                    continue
                other, index = step
                if index == via:
                    continue
                if other in order:
                    low[node] = min(low[node], order[other])
                else:
                    order[other] = low[other] = len(order)
                    stack.append((other, index, iter(neighbours[other])))
        return None

    def _reachable(self, start: Node, edges: list[Entry]) -> set[Node]:
        neighbours: dict[Node, list[Node]] = {}
        for edge in edges:
            a, b = self.ends(edge)
            neighbours.setdefault(a, []).append(b)
            neighbours.setdefault(b, []).append(a)
        seen, todo = {start}, [start]
        while todo:
            for next_node in neighbours.get(todo.pop(), []):
                if next_node not in seen:
                    seen.add(next_node)
                    todo.append(next_node)
        return seen

    def second(self, hidden: set[Entry], bridge: Entry) -> Entry:
        """The entry to hide beside `bridge`: one that puts it on a cycle if there is one (in its own row or column
        first, the smallest count first, zero last), else the smallest beside it (which joins its part of the graph
        to another; the next round goes on from there)."""
        others = [e for e in hidden if e != bridge]
        start, end = self.ends(bridge)
        near, far = self._reachable(start, others), self._reachable(end, others)
        candidates = [entry for entry, _ in self.entries() if entry not in hidden]

        def cost(entry: Entry) -> tuple[bool, bool, int]:
            value = self.values[entry[0]][entry[1]] or 0
            beside = entry[0] == bridge[0] or entry[1] == bridge[1]
            return value == 0, not beside, value

        def closes(entry: Entry) -> bool:
            a, b = self.ends(entry)
            return (a in near and b in far) or (a in far and b in near)

        closing = [e for e in candidates if closes(e)]
        if closing:
            return min(closing, key=cost)
        touching = [e for e in candidates if set(self.ends(e)) & (near | far)]
        if touching:
            return min(touching, key=cost)
        raise AssertionError('every entry is hidden and one is still determined')  # cannot be: see the module text


# --- counts linked by more sums than a table's rows and columns: months, quarters and years -------------------------


def suppress_linked(
    values: Mapping[Hashable, int],
    sums: Sequence[tuple[Sequence[Hashable], Hashable]],
    minimum: int = MINIMUM,
    hide: Iterable[Hashable] = (),
) -> tuple[frozenset[Hashable], frozenset[Hashable]]:
    """What to hide of counts that several tables publish together, linked by `sums` (each: parts, and the entry
    that is their total), such as the months, quarters and years of one period: a quarter shown beside two of its
    months would give the third away even where the months' own table hides it. Returns (hidden, small): every
    entry to hide, and those of them that are small themselves.

    The same two rules as `suppress`, checked exactly: no hidden entry is determined by the published ones (its
    unit vector is not in the row space of the sums over the hidden entries: in their reduced row echelon form, no
    row is a single entry), and no published total leaves its hidden parts room only below the minimum."""
    if minimum < 1:
        raise ValueError('minimum must be at least 1')
    small = frozenset(name for name, n in values.items() if 0 < n < minimum)
    hidden = set(small) | set(hide)

    def smallest(names: Iterable[Hashable]) -> Hashable:
        return min(names, key=lambda name: (values[name] == 0, values[name], str(name)))

    while True:
        found = _determined(values, sums, hidden)
        if found is not None:  # hide the smallest entry beside it (in one of its sums), else the smallest at all
            beside = [e for parts, total in sums if found in (*parts, total) for e in (*parts, total)]
            candidates = [e for e in beside if e not in hidden] or [e for e in values if e not in hidden]
            if not candidates:
                return frozenset(hidden), small  # everything hidden: nothing is given away
            hidden.add(smallest(candidates))
        elif (light := _light(values, sums, hidden, minimum)) is not None:
            parts, total = light
            shown = [p for p in parts if p not in hidden]
            hidden.add(smallest(shown) if shown else total)
        else:
            return frozenset(hidden), small


def _determined(
    values: Mapping[Hashable, int], sums: Sequence[tuple[Sequence[Hashable], Hashable]], hidden: set[Hashable]
) -> Hashable | None:
    """A hidden entry the published ones fix, or None: a row of the sums' reduced echelon form (over the hidden
    entries) with a single entry in it."""
    columns = sorted(hidden, key=str)
    index = {name: i for i, name in enumerate(columns)}
    rows: list[list[Fraction]] = []
    for parts, total in sums:
        row = [Fraction(0)] * len(columns)
        for part in parts:
            if part in index:
                row[index[part]] += 1
        if total in index:
            row[index[total]] -= 1
        if any(row):
            rows.append(row)
    pivot_row = 0
    for column in range(len(columns)):
        pivot = next((r for r in range(pivot_row, len(rows)) if rows[r][column] != 0), None)
        if pivot is None:
            continue
        rows[pivot_row], rows[pivot] = rows[pivot], rows[pivot_row]
        lead = rows[pivot_row][column]
        rows[pivot_row] = [value / lead for value in rows[pivot_row]]
        for r in range(len(rows)):
            if r != pivot_row and rows[r][column] != 0:
                factor = rows[r][column]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[pivot_row], strict=True)]
        pivot_row += 1
    for row in rows[:pivot_row]:
        alone = [i for i, value in enumerate(row) if value != 0]
        if len(alone) == 1:
            return columns[alone[0]]
    return None


def _light(
    values: Mapping[Hashable, int],
    sums: Sequence[tuple[Sequence[Hashable], Hashable]],
    hidden: set[Hashable],
    minimum: int,
) -> tuple[Sequence[Hashable], Hashable] | None:
    """A sum whose published total leaves its hidden parts room only below the minimum, or None."""
    for parts, total in sums:
        secret = [p for p in parts if p in hidden]
        if total in hidden or not secret:
            continue
        left = values[total] - sum(values[p] for p in parts if p not in hidden)
        if left - (len(secret) - 1) < minimum:
            return parts, total
    return None
