"""Demo incident registrations: three years of a middle-sized gemeente, seeded (the same every time), and the same
registrations as a GIR-style export to try the import with (content/demo/gir-export-demo.csv).

    python -m facilitation.incidents.demo          (writes the shipped file again)

The proportions are the public ones of registrations in municipalities: verbal aggression ~57 %, physical ~20 %,
intimidation ~19 %, the rest other kinds; ~12 % serious. More in winter than in the summer holidays, a mild rise
year on year, few on weekends but for the BOA's. The export looks like a real one (Windows-1252, `;`, dd-mm-jjjj,
Dutch headers in the GIR's style) and, like a real one, carries what Samenspel must refuse: a free-text
"Omschrijving" and the "Naam melder".
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import random
from collections.abc import Sequence
from pathlib import Path

from .model import Registration

SEED = 2026
END = dt.date(2026, 11, 30)
YEARS = 3
PER_DAY = 1.75  # weekdays, at the start: ~1,500 registrations over three years
_PACKAGE = Path(__file__).resolve().parents[1]  # as facilitation/app.py finds content: installed, or a checkout
_CONTENT = (_PACKAGE / '_data' if (_PACKAGE / '_data').is_dir() else _PACKAGE.parent) / 'content'
FILE = _CONTENT / 'demo' / 'gir-export-demo.csv'
SOURCE = 'Demo: GIR-export'

# afdeling -> (share, function groups, channels with weights, locations, works weekends)
AFDELINGEN: dict[str, tuple[float, tuple[str, ...], dict[str, float], tuple[str, ...], bool]] = {
    'Burgerzaken': (
        0.25,
        ('Baliemedewerker', 'Medewerker Burgerzaken'),
        {'balie': 0.7, 'telefoon': 0.2, 'digitaal': 0.1},
        ('Stadhuis',),
        False,
    ),
    'KCC': (0.2, ('Klantcontactmedewerker',), {'telefoon': 0.55, 'balie': 0.35, 'digitaal': 0.1}, ('Stadhuis',), False),
    'Handhaving (BOA)': (
        0.2,
        ('BOA', 'Toezichthouder'),
        {'buitendienst': 0.85, 'telefoon': 0.05, 'digitaal': 0.1},
        ('Openbare ruimte',),
        True,
    ),
    'Sociaal Domein': (
        0.15,
        ('Consulent werk en inkomen', 'Klantmanager'),
        {'huisbezoek': 0.3, 'balie': 0.3, 'telefoon': 0.3, 'digitaal': 0.1},
        ('Stadskantoor', 'Wijkcentrum Noord'),
        False,
    ),
    'Belastingen': (
        0.1,
        ('Medewerker belastingen', 'Invorderaar'),
        {'telefoon': 0.6, 'balie': 0.2, 'digitaal': 0.2},
        ('Stadskantoor',),
        False,
    ),
    'Wijkteam': (
        0.1,
        ('Wijkcoach',),
        {'huisbezoek': 0.6, 'telefoon': 0.2, 'overig': 0.2},
        ('Wijkcentrum Noord', 'Wijkcentrum Zuid'),
        False,
    ),
}
SOORT = {
    'verbaal': 0.57,
    'fysiek': 0.20,
    'intimidatie': 0.19,
    'discriminatie': 0.02,
    'materieel': 0.012,
    'overig': 0.008,
}
SERIOUS = {'fysiek': 0.36, 'intimidatie': 0.12, 'verbaal': 0.06}  # P(ernstig | soort); other kinds 0.10
SEASON = (1.2, 1.1, 1.05, 1.0, 0.95, 0.9, 0.75, 0.75, 1.0, 1.05, 1.1, 1.15)  # January .. December
TREND = 0.06  # a year

# the export's words for our values (a GIR export has its own; all of these are known words of the import)
EXPORT_WORDS = {
    'soort': {
        'verbaal': 'Verbale agressie',
        'fysiek': 'Fysieke agressie',
        'intimidatie': 'Bedreiging/intimidatie',
        'discriminatie': 'Discriminatie',
        'materieel': 'Vernieling',
        'overig': 'Overig',
    },
    'ernst': {'licht': 'Licht', 'middel': 'Gemiddeld', 'ernstig': 'Ernstig'},
    'kanaal': {
        'balie': 'Aan de balie',
        'telefoon': 'Telefonisch',
        'huisbezoek': 'Huisbezoek',
        'buitendienst': 'Buitendienst',
        'digitaal': 'Digitaal',
        'overig': 'Anders',
    },
    'maatregel': {
        'geen': 'Geen',
        'gesprek': 'Gesprek met veroorzaker',
        'waarschuwing': 'Waarschuwingsbrief',
        'locatieverbod': 'Locatieverbod',
        'schadeverhaal': 'Schadeverhaal',
        'overig': 'Anders',
    },
    'politie': {'geen': 'Nee', 'melding': 'Melding', 'aangifte': 'Aangifte'},
    'gevolgen': {
        'geen': 'Geen',
        'psychisch': 'Psychische klachten',
        'letsel': 'Lichamelijk letsel',
        'verzuim': 'Verzuim',
        'materieel': 'Materiële schade',
    },
    'nazorg': {
        'geen': 'Geen',
        'collegiaal': 'Collegiale opvang',
        'leidinggevende': 'Leidinggevende',
        'professioneel': 'Bedrijfsmaatschappelijk werk',
    },
}
HEADERS = (
    ('Meldingsnummer', ''),
    ('Datum incident', 'datum'),
    ('Tijd', ''),
    ('Soort agressie', 'soort'),
    ('Ernst', 'ernst'),
    ('Locatie', 'locatie'),
    ('Afdeling', 'afdeling'),
    ('Functie medewerker', 'functiegroep'),
    ('Contactvorm', 'kanaal'),
    ('Omschrijving', ''),
    ('Naam melder', ''),
    ('Maatregel richting veroorzaker', 'maatregel'),
    ('Aangifte/melding politie', 'politie'),
    ('Gevolgen voor de medewerker', 'gevolgen'),
    ('Nazorg', 'nazorg'),
)  # (header, our field: '' for a column the import does not keep)
FIRST_NAMES = ('Anouk', 'Bram', 'Daan', 'Emma', 'Fatima', 'Jeroen', 'Lotte', 'Mohamed', 'Noor', 'Pieter', 'Sanne')
SURNAMES = ('de Vries', 'Jansen', 'van Dijk', 'Bakker', 'El Amrani', 'Visser', 'Smit', 'de Boer', 'Mulder', 'Yilmaz')
STORIES = {
    'verbaal': 'Klant werd boos over {topic} en begon te schelden tegen de medewerker.',
    'fysiek': 'Klant duwde de medewerker weg na een gesprek over {topic}.',
    'intimidatie': 'Klant dreigde de medewerker thuis op te zoeken vanwege {topic}.',
    'discriminatie': 'Klant maakte discriminerende opmerkingen tijdens een gesprek over {topic}.',
    'materieel': 'Klant gooide een stoel om in de wachtruimte na uitleg over {topic}.',
    'overig': 'Klant bleef na sluitingstijd aandringen op een gesprek over {topic}.',
}
TOPICS = ('een afgewezen aanvraag', 'de wachttijd', 'een parkeerboete', 'een aanslag', 'een uitkering', 'een paspoort')


def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _poisson(rng: random.Random, mean: float) -> int:
    limit, k, p = math.exp(-mean), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def _registration(rng: random.Random, day: dt.date, afdeling: str) -> Registration:
    _, functies, kanalen, locaties, _ = AFDELINGEN[afdeling]
    soort = _pick(rng, SOORT)
    serious = rng.random() < SERIOUS.get(soort, 0.10)
    ernst = 'ernstig' if serious else _pick(rng, {'licht': 0.62, 'middel': 0.38})
    maatregel = _pick(
        rng,
        {'geen': 0.1, 'gesprek': 0.2, 'waarschuwing': 0.3, 'locatieverbod': 0.3, 'schadeverhaal': 0.05, 'overig': 0.05}
        if serious
        else {'geen': 0.5, 'gesprek': 0.27, 'waarschuwing': 0.15, 'locatieverbod': 0.03, 'overig': 0.05},
    )
    politie = _pick(
        rng,
        {'geen': 0.25, 'melding': 0.3, 'aangifte': 0.45}
        if serious
        else {'geen': 0.86, 'melding': 0.1, 'aangifte': 0.04},
    )
    gevolgen = _pick(
        rng,
        {'geen': 0.1, 'psychisch': 0.45, 'letsel': 0.3, 'verzuim': 0.12, 'materieel': 0.03}
        if serious
        else {'geen': 0.55, 'psychisch': 0.38, 'letsel': 0.02, 'verzuim': 0.02, 'materieel': 0.03},
    )
    nazorg = _pick(
        rng,
        {'geen': 0.05, 'collegiaal': 0.25, 'leidinggevende': 0.35, 'professioneel': 0.35}
        if serious
        else {'geen': 0.35, 'collegiaal': 0.42, 'leidinggevende': 0.2, 'professioneel': 0.03},
    )
    return Registration(
        datum=day,
        soort=soort,
        ernst=ernst,
        locatie=rng.choice(locaties),
        afdeling=afdeling,
        functiegroep=rng.choice(functies),
        kanaal=_pick(rng, kanalen),
        maatregel=maatregel,
        politie=politie,
        gevolgen=gevolgen,
        nazorg=nazorg,
    )


def registrations(
    seed: int = SEED, end: dt.date = END, years: int = YEARS, per_day: float = PER_DAY
) -> list[Registration]:
    """Registrations of the `years` years up to `end`, oldest first; the same for the same arguments."""
    rng = random.Random(seed)
    start = end.replace(year=end.year - years) + dt.timedelta(days=1)
    shares = {name: spec[0] for name, spec in AFDELINGEN.items()}
    found = []
    day = start
    while day <= end:
        rise = 1 + TREND * (day - start).days / 365.25
        mean = per_day * SEASON[day.month - 1] * rise
        weekend = day.weekday() >= 5
        for _ in range(_poisson(rng, mean * (0.12 if weekend else 1.0))):
            afdeling = 'Handhaving (BOA)' if weekend else _pick(rng, shares)
            found.append(_registration(rng, day, afdeling))
        day += dt.timedelta(days=1)
    return found


def export_rows(regs: Sequence[Registration], seed: int = SEED) -> list[list[str]]:
    """The registrations as an export's rows (the header first), with its number, time, description and reporter."""
    rng = random.Random(seed + 1)
    rows = [[header for header, _ in HEADERS]]
    for number, reg in enumerate(regs, start=1):
        extra = {
            'Meldingsnummer': f'GIR-{reg.datum.year}-{number:05d}',
            'Tijd': f'{rng.randint(8, 17):02d}:{rng.choice((0, 10, 15, 20, 30, 40, 45, 50)):02d}',
            'Omschrijving': STORIES[reg.soort].format(topic=rng.choice(TOPICS)),
            'Naam melder': f'{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}',
        }
        row = []
        for header, target in HEADERS:
            if not target:
                row.append(extra[header])
            elif target == 'datum':
                row.append(reg.datum.strftime('%d-%m-%Y'))
            else:
                value = reg.value(target)
                row.append(EXPORT_WORDS[target][value] if target in EXPORT_WORDS else value)
        rows.append(row)
    return rows


def export_csv(regs: Sequence[Registration], seed: int = SEED) -> bytes:
    """The export as the GIR gives it: `;` between cells, Windows-1252, CRLF."""
    text = io.StringIO(newline='')
    csv.writer(text, delimiter=';', lineterminator='\r\n').writerows(export_rows(regs, seed))
    return text.getvalue().encode('cp1252')


def shipped() -> bytes:
    """What the shipped demo file holds (the test holds the file to it)."""
    return export_csv(registrations())


def main() -> None:
    FILE.parent.mkdir(parents=True, exist_ok=True)
    FILE.write_bytes(shipped())
    print(f'{FILE}: {len(registrations())} registrations')


if __name__ == '__main__':
    main()
