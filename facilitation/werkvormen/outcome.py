"""What an activity produced, as data: the blocks its outcome is told in, its spreadsheet rows, what the session
report collects from it and what it offers to the team plan.

Each werkvorm describes its outcome once (`werkvormen/<kind>/outcome.py`, named by its registry entry); one renderer
per format writes any outcome without knowing the werkvorm: the summary page (ui/summary.py), Markdown (export.py,
for the summary and the report), CSV (export.py) and Word (report.py). Texts are plain: a renderer escapes what its
format needs (Markdown: facilitation/markdown_text.py).

Where the formats have always told a part differently (a list in the summary, a table in the Word report), the
werkvorm says both with `Said`; everything else is one block for all of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..teamplan_model import Kind


@dataclass(frozen=True)
class Heading:
    """A heading inside the activity's part; `number` is written before it ('2. …'), `level` 2 is one further down."""

    text: str
    number: int | None = None
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    """Text on its own; `strong` in bold, with `after` (our words, not bold) behind it."""

    text: str
    strong: bool = False
    after: str = ''


@dataclass(frozen=True)
class Labelled:
    """A text under a bold label (a note of the nabespreking), or behind it on the same line when `inline`."""

    label: str
    text: str
    inline: bool = False


@dataclass(frozen=True)
class Item:
    """A list item told in parts: `lead` (our words) before its text, in bold and with a colon when `strong`, and a
    `note` in brackets after it."""

    text: str
    lead: str = ''
    strong: bool = False
    note: str = ''


@dataclass(frozen=True)
class Bullets:
    items: tuple[str | Item, ...]


def plain(item: str | Item) -> str:
    """A list item as one line of plain text: 'lead: text (note)'."""
    if isinstance(item, str):
        return item
    lead = f'{item.lead}{":" if item.strong else ""} ' if item.lead else ''
    return f'{lead}{item.text}{f" ({item.note})" if item.note else ""}'


@dataclass(frozen=True)
class Entry:
    """One item of a numbered list: its text with `after` (our words) straight behind it, and lines under it, each
    (text, our words behind it) (a card's right answer, its outcome)."""

    number: int
    text: str
    after: str = ''
    lines: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Numbered:
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Table:
    """A table under its header; a row shorter than the header spans its last cell over the rest (a result hidden
    below the minimum, said in words over the cells of its counts)."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Round:
    """One round of a chart: its name, its result in words, and the counts and percentages per choice when shown
    (`shown` is False below the minimum and without votes); `counted`: how many were counted in the room, in words."""

    label: str
    text: str
    counts: tuple[int, ...]
    percents: tuple[int, ...]
    shown: bool
    counted: str = ''


@dataclass(frozen=True)
class Chart:
    """The results of rounds of votes between `choices` ((key, word) each): bars where a format can draw them (the
    page, the Word report), else a line per round."""

    choices: tuple[tuple[str, str], ...]
    rounds: tuple[Round, ...]


@dataclass(frozen=True)
class Heatmap:
    """Counts of `rows` × `columns` (a questionnaire's items × its answers) with each cell's count written in it,
    the shade only helping: a picture where a format can draw one (the Word report, with the numbers in its
    alternative text), else a table. `corner` heads the rows, `notes` (one per row, under `note_header`) say each
    row's figure in words ('40 % behoefte'), `title` names it (a picture's caption and the start of its text)."""

    title: str
    corner: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]
    note_header: str = ''
    notes: tuple[str, ...] = ()

    def description(self) -> str:
        """The numbers in words, for a picture's alternative text: 'title. row: column n, column n (note); …'."""
        lines = []
        for index, (row, counts) in enumerate(zip(self.rows, self.counts, strict=True)):
            cells = ', '.join(f'{column} {count}' for column, count in zip(self.columns, counts, strict=True))
            note = f' ({self.notes[index]})' if index < len(self.notes) and self.notes[index] else ''
            lines.append(f'{row}: {cells}{note}')
        return f'{self.title}. {"; ".join(lines)}' if self.title else '; '.join(lines)


def shade(count: int, most: int) -> tuple[str, str]:
    """A heatmap cell's background and text colour: lighter to darker blue with the count (the number says it; the
    text keeps a contrast of at least 4.5:1: dark on the lighter half, white on the darker)."""
    share = count / most if most else 0.0
    darker = share > 0.5
    depth = 0.75 + (share - 0.5) / 2 if darker else share * 1.3  # never the middle shades, where neither reads well
    light, dark = (239, 246, 255), (30, 64, 175)
    rgb = tuple(round(a + (b - a) * depth) for a, b in zip(light, dark, strict=True))
    return '#{:02x}{:02x}{:02x}'.format(*rgb), ('#ffffff' if darker else '#111827')


@dataclass(frozen=True)
class Placeholder:
    """Nothing yet, said as a dash."""


@dataclass(frozen=True)
class Section:
    """A heading over blocks, left out with them where they say nothing (a chart in a format that cannot draw one)."""

    heading: Heading
    blocks: tuple[Block, ...]


Medium = Literal['summary', 'report', 'document']
"""Where an outcome is told: the summary (its page and its Markdown), the report's Markdown, the Word report."""


@dataclass(frozen=True)
class Said:
    """One part told differently per medium: `summary` on the summary page and in its Markdown, `report` in the
    report's Markdown (None: as in the summary), `document` in the Word report (None: as in the report)."""

    summary: tuple[Block, ...]
    report: tuple[Block, ...] | None = None
    document: tuple[Block, ...] | None = None

    def blocks(self, medium: Medium) -> tuple[Block, ...]:
        report = self.summary if self.report is None else self.report
        if medium == 'summary':
            return self.summary
        return report if medium == 'report' or self.document is None else self.document


Block = Heading | Paragraph | Labelled | Bullets | Numbered | Table | Chart | Heatmap | Placeholder | Section | Said


def told(blocks: tuple[Block, ...], medium: Medium) -> tuple[Block, ...]:
    """The blocks as `medium` tells them: every `Said` replaced by its blocks for it (inside sections too)."""
    found: list[Block] = []
    for block in blocks:
        if isinstance(block, Said):
            found += told(block.blocks(medium), medium)
        elif isinstance(block, Section):
            found.append(Section(block.heading, told(block.blocks, medium)))
        else:
            found.append(block)
    return tuple(found)


@dataclass(frozen=True)
class Agreement:
    """An agreement made in the activity, for the report's table of all agreements; `term` an ISO date or ''."""

    kind: str
    text: str
    owner: str
    term: str


CSV_COLUMNS = (
    'nr',
    'text',
    'round',
    'agree',
    'disagree',
    'total',
    'group',
    'points',
    'outcome',
    'aside',
    'known',
    'practice',
    'policy',
    'by_phone',
    'in_room',
    'answers',
    'need',
    'change',
)
"""The spreadsheet's columns after the activity and its werkvorm (their headings: the strings csv.<column>)."""


def csv_row(**cells: object) -> tuple[object, ...]:
    """A spreadsheet row by its columns' names (CSV_COLUMNS); the columns not named stay empty."""
    unknown = sorted(set(cells) - set(CSV_COLUMNS))
    if unknown:
        raise ValueError(f'no such spreadsheet column: {", ".join(unknown)}')
    return tuple(cells.get(column, '') for column in CSV_COLUMNS)


@dataclass(frozen=True)
class Outcome:
    """An activity's outcome: its blocks, its rows for the spreadsheet (made with csv_row), and what the report
    collects over all activities: the questions set aside for later (question, why) and the agreements."""

    blocks: tuple[Block, ...] = ()
    rows: tuple[tuple[object, ...], ...] = ()
    set_aside: tuple[tuple[str, str], ...] = ()
    agreements: tuple[Agreement, ...] = ()


@dataclass(frozen=True)
class Offer:
    """An outcome the activity offers to the team plan: `ref` unique in the activity, `kind` what it becomes by
    default, `kinds` what it may become (in the order offered), and what the werkvorm recorded with it (`offer`: a
    learning goal's kind of offer, '' or one of teamplan_model.OFFERS); an escalatie's who does have influence,
    the action towards them, what was agreed and its follow-up date (teamplan_model.ESCALATION_FIELDS)."""

    ref: str
    text: str
    kind: Kind
    kinds: tuple[Kind, ...]
    owner: str = ''
    term: str = ''
    result: str = ''
    basis: str = ''
    offer: str = ''
    influence: str = ''
    action: str = ''
    agreed: str = ''
    follow_up: str = ''
