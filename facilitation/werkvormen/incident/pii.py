"""What in a text looks like it identifies the citizen: a name, an address, a BSN, a phone number, a postcode or an
e-mail address. Pure: the rules ask it before anything typed about an incident is kept, and the person who typed it
sees which part it found (to rephrase it, or to say it identifies no one).

It errs towards asking: a false alarm costs one click ("dit is niet herleidbaar"), a citizen's name in a team's
report cannot be taken back. A BSN counts only when it passes the 11-proef, so an order number is no BSN."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    NAAM = 'naam'
    ADRES = 'adres'
    BSN = 'bsn'
    TELEFOON = 'telefoon'
    POSTCODE = 'postcode'
    EMAIL = 'email'


@dataclass(frozen=True)
class Finding:
    """A part of the text (text[start:end]) that looks like `kind`."""

    kind: Kind
    start: int
    end: int
    text: str


_NAME = r"[A-ZÀ-Ý][a-zà-ÿ'’-]+"
_PREFIX = r'(?:van der|van den|van de|van|de|der|den|ter|ten|te|el|al)'
_STREET = r'(?:straat|laan|weg|plein|gracht|kade|singel|dreef|hof|pad|steeg|dijk|markt|park|baan|wal|ring|erf)'
PATTERNS: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    (Kind.EMAIL, re.compile(r'[\w.+-]+@[\w-]+(?:\.[\w-]+)+')),
    (Kind.TELEFOON, re.compile(r'(?<![\w+])(?:\+31|0031|0)(?:[\s\-/]?\d){9}(?!\d)')),
    (Kind.BSN, re.compile(r'(?<![\w.-])(?:\d{3}[ .-]?\d{3}[ .-]?\d{3}|\d{4}[ .-]?\d{2}[ .-]?\d{3})(?![\w-])')),
    (Kind.POSTCODE, re.compile(r'\b[1-9]\d{3}(?: ?(?!SA|SD|SS)[A-Z]{2}|(?!sa|sd|ss)[a-z]{2})\b')),
    (Kind.ADRES, re.compile(rf'\b[A-Za-zà-ÿ]+{_STREET}\s+\d{{1,4}}(?:\s?[a-zA-Z]\b|-\d+)?')),
    (
        Kind.NAAM,
        re.compile(
            rf'\b(?i:meneer|mevrouw|mevr\.|mw\.|dhr\.|de heer|juffrouw)\s+(?:[A-Z]\.\s?)*(?:(?i:{_PREFIX})\s+)*{_NAME}'
        ),
    ),
    (Kind.NAAM, re.compile(rf'\b(?i:heet|genaamd|naam is|naam was)\s+{_NAME}(?:\s+(?:{_PREFIX}\s+)*{_NAME})?')),
    (Kind.NAAM, re.compile(rf'\b{_NAME}\s+{_PREFIX}\s+{_NAME}')),
)


def elfproef(digits: str) -> bool:
    """Whether nine digits pass the BSN's 11-proef: 9·d1 + 8·d2 + … + 2·d8 - d9 is a multiple of 11 (and not 0)."""
    if len(digits) != 9 or not digits.isdigit():
        return False
    values = [int(d) for d in digits]
    total = sum(weight * value for weight, value in zip(range(9, 1, -1), values[:8], strict=True)) - values[8]
    return total % 11 == 0 and any(values)


def findings(text: str) -> tuple[Finding, ...]:
    """Every part of `text` that looks identifying, in the order they appear, none overlapping (where two kinds
    claim the same characters, the one listed first in PATTERNS wins, then the longer)."""
    found: list[Finding] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            if kind is Kind.BSN and not elfproef(re.sub(r'\D', '', match.group())):
                continue
            start, end = match.span()
            if any(start < other.end and other.start < end for other in found):
                continue
            found.append(Finding(kind, start, end, match.group()))
    return tuple(sorted(found, key=lambda f: f.start))
