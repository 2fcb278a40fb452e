"""From a table of another system's export to registrations: which column is which field (proposed from the header
names, saved per source), which of the source's words is which value of the vocabulary (asked once, saved with it),
which columns identify a person (refused, by their name and by what their cells look like), and how a
date is written. Every row is converted in converting.py, with a message naming the row and column of a bad cell.

Pure rules: no interface, no SQL.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from .model import DATE, FIELDS, OPEN_MAX, REQUIRED, VOCABULARY
from .reading import Table
from .strings import STRINGS

CLOSED = tuple(f for f, values in VOCABULARY.items() if values)
OPEN = tuple(f for f, values in VOCABULARY.items() if not values)
SAMPLE = 500  # cells per column looked at to judge whether it identifies a person
MAX_UNKNOWN = 60  # different unknown words in one column: more, and it is no category column


def normal(text: str) -> str:
    """A cell or header as compared: lower case, without accents, punctuation as spaces."""
    plain = unicodedata.normalize('NFKD', text.casefold())
    plain = ''.join(c for c in plain if not unicodedata.combining(c))
    return ' '.join(re.sub(r'[^a-z0-9@]+', ' ', plain).split())


# --- which column is which field ---------------------------------------------------------------------------------

HEADERS: dict[str, tuple[str, ...]] = {  # field -> header names of exports (normalised), the most certain first
    DATE: ('datum', 'datum incident', 'incidentdatum', 'datum voorval', 'datum tijd', 'pleegdatum', 'date'),
    'soort': ('soort agressie', 'soort incident', 'soort', 'type agressie', 'type incident', 'aard', 'categorie'),
    'ernst': ('ernst', 'ernst incident', 'mate van ernst', 'zwaarte', 'impact', 'severity'),
    'locatie': ('locatie', 'vestiging', 'werklocatie', 'gebouw', 'pand', 'location'),
    'afdeling': ('afdeling', 'team', 'afdeling team', 'organisatieonderdeel', 'cluster', 'sector', 'department'),
    'functiegroep': ('functiegroep', 'functie', 'functie medewerker', 'rol', 'beroepsgroep', 'job'),
    'kanaal': ('kanaal', 'contactvorm', 'wijze van contact', 'situatie', 'contactkanaal', 'channel'),
    'maatregel': ('maatregel richting veroorzaker', 'maatregel', 'maatregelen', 'sanctie', 'measure'),
    'politie': ('aangifte melding politie', 'politie', 'aangifte', 'melding politie', 'police'),
    'gevolgen': ('gevolgen voor de medewerker', 'gevolgen', 'gevolgen medewerker', 'letsel', 'impact medewerker'),
    'nazorg': ('nazorg', 'opvang', 'nazorg medewerker', 'aftercare'),
}
KEYWORDS: dict[str, tuple[str, ...]] = {  # a word in a header that points to the field, when no name is exact
    DATE: ('datum', 'date'),
    'soort': ('soort', 'type', 'aard', 'categorie', 'vorm'),
    'ernst': ('ernst', 'zwaarte', 'ernstig'),
    'locatie': ('locatie', 'vestiging', 'gebouw'),
    'afdeling': ('afdeling', 'team', 'directie', 'sector'),
    'functiegroep': ('functie', 'functiegroep', 'rol'),
    'kanaal': ('kanaal', 'contact', 'situatie'),
    'maatregel': ('maatregel', 'maatregelen', 'sanctie'),
    'politie': ('politie', 'aangifte'),
    'gevolgen': ('gevolgen', 'gevolg', 'letsel'),
    'nazorg': ('nazorg', 'opvang'),
}


@dataclass
class Mapping:
    """A source's mapping: the column (its header) of each field, and for each closed field which of the source's
    words (normalised) stands for which value ('' : the cell is left empty)."""

    columns: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        return {'columns': dict(self.columns), 'values': {f: dict(v) for f, v in self.values.items() if v}}

    @classmethod
    def from_json(cls, data: dict[str, object] | None) -> Mapping:
        """A saved mapping; what is not one of ours (an old or edited one) is left out, never trusted."""
        data = data or {}
        columns = data.get('columns')
        values = data.get('values')
        mapping = cls()
        if isinstance(columns, dict):
            mapping.columns = {f: h for f, h in columns.items() if f in FIELDS and isinstance(h, str)}
        if isinstance(values, dict):
            for f, words in values.items():
                if f in CLOSED and isinstance(words, dict):
                    allowed = {'', *VOCABULARY[f]}
                    mapping.values[f] = {w: v for w, v in words.items() if isinstance(w, str) and v in allowed}
        return mapping


def propose(table: Table, refused: dict[str, str], saved: Mapping | None = None) -> Mapping:
    """The mapping to show for `table`: a saved one where its columns are in this file, the rest proposed from the
    header names (an exact known name first, then a known word in it); refused columns are never proposed."""
    free = [h for h in table.headers if h not in refused]
    mapping = Mapping(values={f: dict(w) for f, w in (saved.values if saved else {}).items()})
    if saved:
        mapping.columns = {f: h for f, h in saved.columns.items() if h in free}
    taken = set(mapping.columns.values())
    normals = {h: normal(h) for h in free}
    for exact in (True, False):
        for target in FIELDS:
            if target in mapping.columns:
                continue
            for header in free:
                words = normals[header]
                hit = words in HEADERS[target] if exact else any(word in KEYWORDS[target] for word in words.split())
                if hit and header not in taken:
                    mapping.columns[target] = header
                    taken.add(header)
                    break
    return mapping


def mapping_problems(mapping: Mapping) -> list[tuple[str, dict[str, object]]]:
    """What stops an import with this mapping: a required field without a column, a column used twice."""
    problems: list[tuple[str, dict[str, object]]] = [
        ('gir.error.required_field', {'field': f}) for f in REQUIRED if not mapping.columns.get(f)
    ]
    used = Counter(h for h in mapping.columns.values() if h)
    problems += [('gir.error.column_twice', {'column': h}) for h, n in used.items() if n > 1]
    return problems


# --- columns that identify a person ------------------------------------------------------------------------------

IDENTIFYING_HEADER = {  # reason -> words in a header (normalised) that make it a column about a person
    'name': r'(voor|achter|roep|geslachts|familie)?naam|namen|name|voorletters|initialen',
    'address': r'adres|address|straat|straatnaam|huisnummer|postcode|woonplaats|zip',
    'bsn': r'bsn|burgerservicenummer|sofinummer|sofi|paspoortnummer|kenteken|klantnummer|dossiernummer',
    'contact': r'telefoon|telefoonnummer|tel|mobiel|e ?mail|mail|phone',
    'birth': r'geboortedatum|geboren|leeftijd|birth|age|geslacht|gender|nationaliteit',
    'description': r'omschrijving|beschrijving|toelichting|opmerking|opmerkingen|toedracht|verslag|verloop|'
    r'description|details?|notitie|notities|memo|verhaal|samenvatting|remarks?|comments?',
}
PERSON_HEADER = r'dader|daders|veroorzaker|agressor|pleger|client|klant|burger|betrokkene|getuige|getuigen|' + (
    r'slachtoffer|medewerker|melder|behandelaar|persoon|perpetrator|victim|reporter|witness'
)  # a header about a person, unless it names one of our fields ('maatregel richting veroorzaker')
_HEADER_RES = {reason: re.compile(rf'\b(?:{words})\b') for reason, words in IDENTIFYING_HEADER.items()}
_PERSON_RE = re.compile(rf'\b(?:{PERSON_HEADER})\b')

EMAIL = re.compile(r'[^@\s]+@[^@\s]+\.[A-Za-z]{2,}')
PHONE = re.compile(r'(?<![\d/:.-])(?:\+31|0031|0)[\s-]?(?:\(0\))?[1-9](?:[\s-]?\d){7,8}(?![\d/:.-])')
POSTCODE = re.compile(r'\b[1-9]\d{3} ?[A-Za-z]{2}\b')
STREET = re.compile(
    r"\b[A-Z][\w'-]*(?:straat|laan|weg|plein|gracht|kade|singel|dijk|pad|hof|steeg|markt|park)\s+\d+[a-zA-Z]?\b"
)
NINE_DIGITS = re.compile(r'\d{9}')
PARTICLES = {'van', 'de', 'der', 'den', 'het', 'ten', 'ter', 'te', "'t", 'in', 'op', 'el', 'al', 'da', 'di', 'du', 'le'}
NAME_WORD = re.compile(r"[A-Z][a-zà-ÿ'-]+|[A-Z]\.(?:[A-Z]\.)*")
SURNAME_FIRST = re.compile(r"[A-Z][a-zà-ÿ'-]+(?: [a-z']+)*, (?:[A-Z]\.)+(?: [a-z']+)*")
FREE_TEXT_WORDS = 7


def is_bsn(text: str) -> bool:
    """Nine digits passing the elfproef (as a BSN does; a counter of registrations seldom does)."""
    if not NINE_DIGITS.fullmatch(text):
        return False
    total = sum(int(d) * w for d, w in zip(text[:8], range(9, 1, -1), strict=True)) - int(text[8])
    return total % 11 == 0 and text != '000000000'


def looks_like_name(text: str) -> bool:
    if SURNAME_FIRST.fullmatch(text):
        return True
    words = text.split()
    if not 2 <= len(words) <= 5 or not NAME_WORD.fullmatch(words[0]) or not NAME_WORD.fullmatch(words[-1]):
        return False
    return all(NAME_WORD.fullmatch(w) or w in PARTICLES for w in words) and not words[-1].endswith('.')


def personal_data(text: str) -> str | None:
    """Which kind of personal data `text` is or contains (e-mail, phone, postcode, street address, bsn), or None."""
    if EMAIL.search(text):
        return 'email'
    if PHONE.search(text):
        return 'phone'
    if POSTCODE.search(text):
        return 'postcode'
    if STREET.search(text):
        return 'address'
    if is_bsn(text):
        return 'bsn'
    return None


def header_reason(header: str) -> str | None:
    """Why a column is refused by its name alone (`gir.refused.<reason>`), or None. A name or a person in a header
    that also names one of our fields ('Naam afdeling', 'Maatregel richting veroorzaker') is left to its cells."""
    words = normal(header)
    if any(words in names for names in HEADERS.values()):
        return None  # one of our fields by its usual name
    ours = any(word in keys for word in words.split() for keys in KEYWORDS.values())
    for reason, pattern in _HEADER_RES.items():
        if pattern.search(words) and not (reason == 'name' and ours):
            return reason
    if _PERSON_RE.search(words) and not ours:
        return 'person'
    return None


def content_reason(cells: list[str]) -> str | None:
    """What a column's cells (a sample, non-empty) look like when they identify someone: names, e-mail addresses,
    phone numbers, postcodes, BSNs or free text (a description tells who and where)."""
    if not cells:
        return None
    enough = max(1, len(cells) * 3 // 10)  # three in ten
    kinds = Counter(kind for cell in cells if parse_date(cell) is None and (kind := personal_data(cell)))
    for kind, n in kinds.most_common(1):
        if n >= enough:
            return f'cells_{kind}'
    if sum(len(c) > OPEN_MAX or len(c.split()) >= FREE_TEXT_WORDS for c in cells) >= enough:
        return 'cells_free_text'
    names = [c for c in cells if looks_like_name(c)]
    if len(names) * 2 >= len(cells) and len(set(names)) * 2 >= len(names) and len(set(names)) >= 3:
        return 'cells_names'  # mostly names, and mostly different ones (the names of teams repeat)
    return None


def refused_columns(table: Table) -> dict[str, str]:
    """header -> why the column is refused (`gir.refused.<reason>`), by its name, else by its cells (the first
    SAMPLE filled cells of each column)."""
    refused = {h: reason for h in table.headers if (reason := header_reason(h)) is not None}
    samples: list[list[str]] = [[] for _ in table.headers]
    open_ = [i for i, h in enumerate(table.headers) if h not in refused]
    for cells in table.rows():
        for index in open_:
            text = cells[index].strip()
            if text and len(samples[index]) < SAMPLE:
                samples[index].append(text)
        if all(len(samples[i]) >= SAMPLE for i in open_):
            break
    for index in open_:
        reason = content_reason(samples[index])
        if reason is not None:
            refused[table.headers[index]] = reason
    return {h: refused[h] for h in table.headers if h in refused}


# --- which word is which value -----------------------------------------------------------------------------------

SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {  # field -> value -> other systems' words for it (normalised)
    'soort': {
        'verbaal': ('verbale agressie', 'verbaal geweld', 'schelden', 'uitschelden', 'belediging', 'beledigen'),
        'intimidatie': ('bedreiging', 'bedreigen', 'intimideren', 'bedreiging intimidatie', 'dreiging'),
        'fysiek': ('fysieke agressie', 'fysiek geweld', 'geweld', 'mishandeling', 'lichamelijk geweld'),
        'discriminatie': ('discriminerend', 'racisme', 'seksuele intimidatie'),
        'materieel': ('vernieling', 'materiele schade', 'zaakschade', 'vandalisme', 'materieel geweld'),
        'overig': ('anders', 'overige', 'other'),
    },
    'ernst': {
        'licht': ('laag', 'gering', 'klein', 'low', 'minor'),
        'middel': ('gemiddeld', 'matig', 'midden', 'medium', 'moderate'),
        'ernstig': ('hoog', 'zwaar', 'zeer ernstig', 'high', 'serious', 'severe'),
    },
    'kanaal': {
        'balie': ('loket', 'receptie', 'aan de balie', 'desk'),
        'telefoon': ('telefonisch', 'phone', 'telephone'),
        'huisbezoek': ('bij de klant thuis', 'thuisbezoek', 'home visit'),
        'buitendienst': ('op straat', 'straat', 'buiten', 'openbare ruimte', 'field'),
        'digitaal': ('e mail', 'email', 'mail', 'social media', 'online', 'chat', 'digital'),
        'overig': ('anders', 'overige', 'other'),
    },
    'maatregel': {
        'geen': ('nee', 'geen maatregel', 'none'),
        'gesprek': ('aanspreken', 'correctiegesprek', 'gesprek met veroorzaker', 'talk'),
        'waarschuwing': ('waarschuwingsbrief', 'brief', 'schriftelijke waarschuwing', 'warning'),
        'locatieverbod': ('toegangsverbod', 'contactverbod', 'gebiedsverbod', 'huisverbod', 'ban'),
        'schadeverhaal': ('schade verhalen', 'schade verhaald', 'verhaal van schade'),
        'overig': ('anders', 'overige', 'other'),
    },
    'politie': {
        'geen': ('nee', 'n', 'no', 'none', 'geen melding', 'niet'),
        'melding': ('gemeld', 'melding politie', 'melding gedaan', 'report'),
        'aangifte': ('aangifte gedaan', 'ja aangifte', 'charge', 'complaint'),
    },
    'gevolgen': {
        'geen': ('nee', 'none', 'geen gevolgen'),
        'psychisch': ('emotioneel', 'schrik', 'angst', 'stress', 'psychische klachten', 'mental'),
        'letsel': ('lichamelijk letsel', 'gewond', 'verwonding', 'injury'),
        'verzuim': ('ziekteverzuim', 'ziek', 'ziekmelding', 'absence'),
        'materieel': ('materiele schade', 'schade', 'damage'),
    },
    'nazorg': {
        'geen': ('nee', 'none', 'geen nazorg'),
        'collegiaal': ('collega', 'collegiale opvang', 'opvangteam', 'bot', 'peer support'),
        'leidinggevende': ('manager', 'teamleider', 'door leidinggevende', 'gesprek leidinggevende'),
        'professioneel': ('bedrijfsmaatschappelijk werk', 'bmw', 'arbodienst', 'psycholoog', 'slachtofferhulp'),
    },
}


def _known_words() -> dict[str, dict[str, str]]:
    """field -> every word that is known for one of its values: the value, its labels (nl, en), its synonyms."""
    known: dict[str, dict[str, str]] = {}
    for target in CLOSED:
        words: dict[str, str] = {}
        for value in VOCABULARY[target]:
            labels = STRINGS.get(f'gir.value.{target}.{value}', ('', ''))
            for word in (value, *labels, *SYNONYMS.get(target, {}).get(value, ())):
                words.setdefault(normal(word), value)
        known[target] = words
    return known


KNOWN = _known_words()


def known_value(target: str, text: str, mapping: Mapping) -> str | None:
    """The vocabulary value of `text` in the closed field `target` ('' for an empty cell), or None if unknown."""
    word = normal(text)
    if not word:
        return ''
    chosen = mapping.values.get(target, {}).get(word)
    return chosen if chosen is not None else KNOWN[target].get(word)


def suggest(target: str, text: str) -> str:
    """A guess for an unknown word ('' : none), to preselect for the person who decides: a known word in it."""
    word = f' {normal(text)} '
    hits = [value for known, value in KNOWN[target].items() if len(known) > 3 and f' {known} ' in word]
    return hits[0] if hits else ''


@dataclass(frozen=True)
class Unknown:
    """A word of the source that is no value of ours yet: as written (first seen), how often, a suggestion."""

    word: str  # normalised: the key it is saved under
    text: str
    count: int
    suggestion: str


def unknown_values(table: Table, mapping: Mapping) -> dict[str, list[Unknown]]:
    """For each mapped closed field, the words of its column that are not known yet, most frequent first."""
    columns = {
        target: table.headers.index(mapping.columns[target])
        for target in CLOSED
        if mapping.columns.get(target) in table.headers
    }
    counts: dict[str, Counter[str]] = {target: Counter() for target in columns}
    for cells in table.rows():
        for target, index in columns.items():
            counts[target][cells[index]] += 1
    unknown: dict[str, list[Unknown]] = {}
    for target, counted in counts.items():
        found: dict[str, Unknown] = {}
        for text, n in counted.most_common():
            if known_value(target, text, mapping) is None:
                word = normal(text)
                seen = found.get(word)
                first = seen.text if seen else text.strip()
                found[word] = Unknown(word, first, n + (seen.count if seen else 0), suggest(target, text))
        if found:
            unknown[target] = sorted(found.values(), key=lambda u: -u.count)
    return unknown


def too_many_unknown(unknown: dict[str, list[Unknown]], mapping: Mapping) -> list[tuple[str, dict[str, object]]]:
    """A closed field mapped onto a column with many different unknown words: that column is no category."""
    return [
        ('gir.error.too_many_values', {'column': mapping.columns[f], 'n': len(words), 'max': MAX_UNKNOWN})
        for f, words in unknown.items()
        if len(words) > MAX_UNKNOWN
    ]


# --- dates ---------------------------------------------------------------------------------------

_DMY = re.compile(r'(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?:[ T]+\d{1,2}[:.]\d{2}(?::\d{2}(?:\.\d+)?)?)?')
_YMD = re.compile(r'(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?')
FIRST_YEAR = 1990


def parse_date(text: str) -> dt.date | None:
    """dd-mm-jjjj (also d-m-jjjj, dd/mm/jjjj, dd.mm.jjjj) or jjjj-mm-dd, with or without a time; None otherwise."""
    text = text.strip()
    match = _DMY.fullmatch(text)
    if match:
        day, month, year = int(match[1]), int(match[3]), int(match[4])
    else:
        match = _YMD.fullmatch(text)
        if not match:
            return None
        year, month, day = int(match[1]), int(match[3]), int(match[4])
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return date if date.year >= FIRST_YEAR else None
