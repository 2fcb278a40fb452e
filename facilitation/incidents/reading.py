"""An export's bytes as a table: its header and its rows of text, read from memory only (the file is never written
to disk: it holds names and descriptions that Samenspel must not keep).

A CSV (`;`, `,` or tab between cells; UTF-8 with or without BOM, or Windows-1252 as Excel saves it in the
Netherlands) or an XLSX workbook (its first sheet, read with openpyxl, loaded only when a workbook comes). Anything
else is refused with a `FileProblem` naming the file. Rows are numbered as a spreadsheet shows them: the header is
row 1, so a message's row is the row a person finds when they open the file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from _csv import Reader as _csv_reader

MAX_BYTES = 80_000_000  # a 200,000-row export with a description column is ~50 MB
MAX_COLUMNS = 200
MAX_HEADER = 120  # longest column name shown
BOM = b'\xef\xbb\xbf'
ZIP = b'PK\x03\x04'  # an XLSX is a zip archive
DELIMITERS = (';', ',', '\t')
SEP = re.compile(r'sep=([;,\t|])\r?\n')


class FileProblem(Exception):
    """A file that cannot be read as a table; `key` names the interface's words (`gir.error.*`), `params` what
    they fill in (always the file, and the row and column where there is one)."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key, params)
        self.key = f'gir.error.{key}'
        self.params = params


CODECS = (('utf-8-sig', 'UTF-8 (BOM)'), ('utf-8', 'UTF-8'), ('cp1252', 'Windows-1252'))  # (codec, its name)


@dataclass(frozen=True)
class Table:
    """A file's header and rows. `encoding` and `delimiter` say how it was read ('xlsx' and '' for a workbook),
    for the page to show; `count` is the number of rows below the header (blank ones too).

    A CSV's rows are decoded and parsed again from its bytes each time they are asked for: each pass keeps what it
    needs, not every cell of 200,000 rows (half a gigabyte of strings), nor the whole text (four bytes a character in
    a StringIO). A workbook's cells are kept, as text."""

    name: str
    headers: tuple[str, ...]
    count: int
    encoding: str
    delimiter: str
    data: bytes = field(default=b'', repr=False)
    codec: str = ''
    above: int = 1  # lines above the rows: the header, and Excel's `sep=;` line where there is one
    cells: tuple[tuple[str, ...], ...] = field(default=(), repr=False)

    def rows(self) -> Iterator[list[str]]:
        """Every row below the header, each at least as long as the header, its cells as written (a CSV's are not
        stripped here: who uses a cell strips it, once per distinct text)."""
        if not self.data:
            yield from map(list, self.cells)
            return
        width = len(self.headers)
        padding = [''] * width
        reader = _reader(self.data, self.codec, self.delimiter)
        for _ in range(self.above):
            next(reader)
        for row in reader:
            if len(row) < width:
                row += padding[len(row) :]
            yield row

    def numbered(self) -> Iterator[tuple[int, list[str]]]:
        """(row number as a spreadsheet shows it, cells), the header being row 1; blank rows are left out."""
        for number, cells in enumerate(self.rows(), start=2):
            if any(cells):
                yield number, cells


def _reader(data: bytes, codec: str, delimiter: str) -> _csv_reader:
    return csv.reader(io.TextIOWrapper(io.BytesIO(data), encoding=codec, newline=''), delimiter=delimiter)


def read_table(name: str, data: bytes) -> Table:
    """The table in `data` (the uploaded file called `name`). Raises FileProblem."""
    if not data.strip():
        raise FileProblem('empty', file=name)
    if len(data) > MAX_BYTES:
        raise FileProblem('too_large', file=name, max=f'{MAX_BYTES // 1_000_000}')
    if data.startswith(ZIP):
        header, rows = _xlsx(name, data)
        headers = _headers(name, header)
        width = len(headers)
        padding = ('',) * width
        cells = tuple(tuple(row[:width]) + padding[len(row) :] for row in rows)
        if not any(any(row) for row in cells):
            raise FileProblem('no_rows', file=name)
        return Table(name, headers, len(cells), 'xlsx', '', cells=cells)
    if b'\x00' in data[:65536]:
        raise FileProblem('not_table', file=name, row=1, reason='binary')
    for codec, encoding in CODECS[0 if data.startswith(BOM) else 1 :]:
        try:
            return _csv(name, data, codec, encoding)
        except UnicodeDecodeError:
            continue  # not UTF-8: Windows-1252, as Excel saves a CSV in the Netherlands
    raise FileProblem('not_table', file=name, row=1, reason='encoding')


def _csv(name: str, data: bytes, codec: str, encoding: str) -> Table:
    """Read once through: a broken row is told now, the rows are counted; raises UnicodeDecodeError when the
    bytes are not in `codec`."""
    start = data[:4096].decode(codec, errors='ignore')
    if any(ord(c) < 32 and c not in '\t\r\n' for c in start):
        raise FileProblem('not_table', file=name, row=1, reason='binary')  # a PDF, an image: no text
    sep = SEP.match(start)  # Excel's own line naming the delimiter; Excel does not show it as a row
    delimiter = sep.group(1) if sep else _delimiter(start)
    reader = _reader(data, codec, delimiter)
    try:
        if sep:
            next(reader)
        headers = _headers(name, next(reader, []))
        count, filled = 0, False
        for row in reader:
            count += 1
            filled = filled or any(cell.strip() for cell in row)
    except csv.Error as error:
        raise FileProblem('not_table', file=name, row=reader.line_num, reason=str(error)) from None
    if not filled:
        raise FileProblem('no_rows', file=name)
    return Table(name, headers, count, encoding, delimiter, data=data, codec=codec, above=2 if sep else 1)


def _delimiter(text: str) -> str:
    """The delimiter of the first line: the one of `;`, `,` and tab it has most of, outside quotes."""
    first = text.split('\n', 1)[0]
    outside = ''.join(part for i, part in enumerate(first.split('"')) if i % 2 == 0)
    return max(DELIMITERS, key=outside.count)


def _headers(name: str, header: Sequence[str]) -> tuple[str, ...]:
    headers = tuple(' '.join(cell.split())[:MAX_HEADER] for cell in header)
    while headers and not headers[-1]:
        headers = headers[:-1]  # trailing empty header cells (a `;` at the end of each line)
    if not any(headers):
        raise FileProblem('no_header', file=name)
    if len(headers) > MAX_COLUMNS:
        raise FileProblem('too_many_columns', file=name, max=MAX_COLUMNS)
    seen = set()
    for column, header_cell in enumerate(headers, start=1):
        if not header_cell:
            raise FileProblem('blank_header', file=name, column=column)
        if header_cell.casefold() in seen:
            raise FileProblem('double_header', file=name, column=header_cell)
        seen.add(header_cell.casefold())
    return headers


def _xlsx(name: str, data: bytes) -> tuple[list[str], list[list[str]]]:
    """The first sheet of a workbook, every cell as text (a date as jjjj-mm-dd, a whole number without '.0')."""
    from openpyxl import load_workbook  # only an import of a workbook needs it

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # a damaged or foreign zip: openpyxl raises what its parts raise (zip, XML, missing keys)
        raise FileProblem('not_table', file=name, row=1, reason='xlsx') from None
    texts: dict[tuple[type, object], str] = {}  # one string per distinct value: a category repeats in every row
    rows: list[list[str]] = []
    try:
        values = book.worksheets[0].iter_rows(values_only=True)
        header = next(values, None)
        if header is None:
            raise FileProblem('empty', file=name)
        for row in values:
            rows.append([texts.get((type(v), v)) or texts.setdefault((type(v), v), _cell_text(v).strip()) for v in row])
    except FileProblem:
        raise
    except Exception:  # a sheet that cannot be read on: told with the row it stopped at
        raise FileProblem('not_table', file=name, row=len(rows) + 2, reason='xlsx') from None
    finally:
        book.close()
    return [_cell_text(value) for value in header], rows


def _cell_text(value: object) -> str:
    if value is None:
        return ''
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=' ', timespec='minutes')
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
