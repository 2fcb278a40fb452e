"""How much of the dilemma's table and of the inbrenger's deliberation fits the projector's stage: the rows and
entries per cell of the table, and the lines each field of the deliberation gets (the projector shows them)."""

from __future__ import annotations

from ...ui.frame import t
from ...ui.stage import LINE, height
from . import rules as dm

TABLE_ROWS = 12  # entries per column of the table on the screen (the newest), at most: fewer when they are long
TEXT = 2.6  # u: the lists' and the table's text
STAKE = 2.4  # u: a betrokkene's rights, interests or wishes under their name


def table_fit(view: dm.PublicView, width: float, budget: float) -> tuple[int, int]:
    """How many of the table's last rows, each cell with how many of its newest entries at most, fit `budget` u in a
    table `width` u wide: the pair that shows the most entries (at least one row of one)."""
    cell = width / len(dm.TABLE) - 1.2 * TEXT  # a column less its cells' padding
    pad = 0.8 * TEXT + 0.2  # a row's padding and border
    budget -= 2 * (TEXT * LINE + pad)  # the heading row and the '+ 3 meer' row
    rows = view.rows()

    def part(items: tuple[dm.Item, ...], most: int, size: float = TEXT) -> float:
        kept = items[max(0, len(items) - most) :]
        return sum(height(i.text, cell, size) for i in kept) + (TEXT * LINE if len(items) > most else 0.0)

    def high(row: dm.Row, most: int) -> float:
        who = row.betrokkene.text if row.betrokkene is not None else t('dm.table.none')
        first = height(who, cell, TEXT)
        if row.belangen:
            kept = row.belangen[max(0, len(row.belangen) - most) :]
            first += height(t('dm.table.stakes', items='; '.join(i.text for i in kept)) + ' (+ 9 meer)', cell, STAKE)
        return max(first, part(row.waarden, most), part(row.normen, most)) + pad

    deepest = max((len(items) for r in rows for items in (r.belangen, r.waarden, r.normen)), default=1)
    best, fit_ = (0, (1, 1))
    for most in range(1, max(1, deepest) + 1):
        for n in range(min(TABLE_ROWS, len(rows)), 0, -1):
            kept = rows[len(rows) - n :]
            if sum(high(row, most) for row in kept) <= budget:
                count = sum(min(len(items), most) + 1 for r in kept for items in (r.belangen, r.waarden, r.normen))
                if count > best:
                    best, fit_ = count, (n, most)
                break
    return fit_


def share(needed: dict[str, int], total: int) -> dict[str, int]:
    """Lines for each field out of `total`: a field that needs less than an equal share gets what it needs, the
    others share what is left (at least one line each)."""
    allowed: dict[str, int] = {}
    left = dict(needed)
    while left:
        share = max(1, (total - sum(allowed.values())) // len(left))
        small = {name: n for name, n in left.items() if n <= share}
        if not small:
            allowed.update({name: share for name in left})
            break
        allowed.update(small)
        left = {name: n for name, n in left.items() if name not in small}
    return allowed
