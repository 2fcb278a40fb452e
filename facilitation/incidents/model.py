"""What Samenspel keeps of one incident registration, and the vocabulary of its fields.

Only these fields are ever stored: nothing that identifies a person (no names, addresses, BSN, free-text
descriptions, details of the perpetrator). Closed fields have a fixed vocabulary (values of another system are mapped
onto it once, per source); open fields (where, which function group) keep the organisation's own names, normalised.
Labels are words, in strings.yaml beside this module (`gir.field.<field>`, `gir.value.<field>.<value>`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

DATE = 'datum'

# field -> its vocabulary, in the order tables and charts show it; () : an open field (the organisation's own names)
VOCABULARY: dict[str, tuple[str, ...]] = {
    'soort': ('verbaal', 'intimidatie', 'fysiek', 'discriminatie', 'materieel', 'overig'),
    'ernst': ('licht', 'middel', 'ernstig'),
    'locatie': (),
    'afdeling': (),
    'functiegroep': (),
    'kanaal': ('balie', 'telefoon', 'huisbezoek', 'buitendienst', 'digitaal', 'overig'),
    'maatregel': ('geen', 'gesprek', 'waarschuwing', 'locatieverbod', 'schadeverhaal', 'overig'),
    'politie': ('geen', 'melding', 'aangifte'),
    'gevolgen': ('geen', 'psychisch', 'letsel', 'verzuim', 'materieel'),
    'nazorg': ('geen', 'collegiaal', 'leidinggevende', 'professioneel'),
}
FIELDS: tuple[str, ...] = (DATE, *VOCABULARY)  # every field a column may be mapped onto, in the mapping page's order
REQUIRED = (DATE, 'soort')  # a mapping without these is refused
OPEN_MAX = 80  # longest value of an open field


@dataclass(frozen=True, slots=True)
class Registration:
    """One incident as kept: its date and a value per field ('' where the source had none)."""

    datum: dt.date
    soort: str
    ernst: str = ''
    locatie: str = ''
    afdeling: str = ''
    functiegroep: str = ''
    kanaal: str = ''
    maatregel: str = ''
    politie: str = ''
    gevolgen: str = ''
    nazorg: str = ''

    def value(self, field: str) -> str:
        return str(getattr(self, field))
