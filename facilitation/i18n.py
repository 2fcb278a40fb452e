"""The interface's words: Dutch first, English beside it. Every key has both, so a page never shows a bare key.

Pages call `t(key, **params)` (see ui/frame.py), which picks the browser's chosen language. The words shared by every
page are here; each werkvorm's own words live in its package (`werkvormen/<kind>/strings.py`) and join this table
when it is first imported (a key defined twice stops the import).
"""

from __future__ import annotations

import importlib
from datetime import date

from . import plan_strings

LANGUAGES = ('nl', 'en')
DEFAULT_LANGUAGE = 'nl'

STRINGS: dict[str, tuple[str, str]] = {
    # general
    'app.name': ('Samenspel', 'Samenspel'),
    'app.tagline': ('Samen leren over veilige publieke dienstverlening', 'Learning together about safe public service'),
    'lang.switch': ('English', 'Nederlands'),
    'lang.switch.label': ('Switch to English', 'Schakel naar Nederlands'),
    'lang.name.nl': ('Nederlands', 'Nederlands'),  # a language is named in itself
    'lang.name.en': ('English', 'English'),
    'con.projector_language': ('Taal van de beamer', 'Projector language'),
    'common.save': ('Opslaan', 'Save'),
    'common.saved': ('Opgeslagen', 'Saved'),
    'common.cancel': ('Annuleren', 'Cancel'),
    'common.add': ('Toevoegen', 'Add'),
    'common.close': ('Sluiten', 'Close'),
    'common.optional': ('optioneel', 'optional'),
    'common.too_long': ('Maximaal {max} tekens', 'At most {max} characters'),
    'common.required': ('Vul dit in', 'Please fill this in'),
    # errors (keys of DomainError subclasses)
    'error.refused': ('Dat kan nu niet.', 'That is not possible now.'),
    'error.not_allowed': ('Dat mag alleen de begeleider.', 'Only the facilitator may do that.'),
    'error.invalid_text': ('Deze invoer is geen tekst.', 'This input is not text.'),
    'error.text_too_long': ('Te lang: maximaal {max} tekens.', 'Too long: at most {max} characters.'),
    'error.empty_text': ('Vul eerst iets in.', 'Please enter something first.'),
    'error.unknown_item': ('Dat onderdeel bestaat niet (meer).', 'That item does not exist (any more).'),
    'error.wrong_phase': ('Dat kan in deze fase niet.', 'That is not possible in this phase.'),
    'error.voting_closed': ('De stemming is gesloten.', 'Voting is closed.'),
    'error.not_joined': (
        'Je doet nog niet mee: open de deelnamelink opnieuw.',
        'You have not joined: open the join link again.',
    ),
    'error.too_fast': (
        'Rustig aan: wacht een paar seconden en probeer het dan opnieuw.',
        'Slow down: wait a few seconds, then try again.',
    ),
    'error.session_full': (
        'Deze sessie is vol ({max} deelnemers).',
        'This session is full ({max} participants).',
    ),
    'error.session_closed': ('Deze sessie is gesloten.', 'This session is closed.'),
    'error.activity_not_active': (
        'Deze werkvorm is niet meer actief. Kijk op het scherm wat er nu gebeurt.',
        'This activity is no longer active. Check the screen for what is happening now.',
    ),
    'error.invalid_clip': (
        'Een clip is een http(s)-link of een bestandsnaam in de mediamap.',
        'A clip is an http(s) link or a file name in the media folder.',
    ),
    'error.storage.full': (
        'Opslaan is mislukt: de schijf van de server is vol. Er is niets veranderd; maak ruimte vrij en probeer het '
        'opnieuw.',
        "Saving failed: the server's disk is full. Nothing changed; free some space and try again.",
    ),
    'error.storage.readonly': (
        'Opslaan is mislukt: de server mag niet schrijven in zijn datamap. Er is niets veranderd; controleer de '
        'rechten van de datamap.',
        "Saving failed: the server may not write to its data folder. Nothing changed; check the folder's permissions.",
    ),
    'error.storage.busy': (
        'Opslaan is mislukt: een ander programma schrijft in dezelfde gegevens. Er is niets veranderd; probeer het '
        'zo opnieuw.',
        'Saving failed: another program writes to the same data. Nothing changed; try again shortly.',
    ),
    'error.storage.corrupt': (
        'Opslaan is mislukt: het gegevensbestand is beschadigd. Er is niets veranderd; waarschuw de beheerder.',
        'Saving failed: the data file is damaged. Nothing changed; tell the administrator.',
    ),
    'error.storage.failed': (
        'Opslaan is mislukt. Er is niets veranderd; probeer het opnieuw of waarschuw de beheerder.',
        'Saving failed. Nothing changed; try again or tell the administrator.',
    ),
    # not found / access
    'room.unknown.title': ('Deze sessie bestaat niet', 'This session does not exist'),
    'room.unknown.body': (
        'Controleer de code op het scherm. Codes hebben 5 tekens, zoals K7M3Q.',
        'Check the code on the screen. Codes have 5 characters, such as K7M3Q.',
    ),
    'room.closed.title': ('Deze sessie is gesloten', 'This session is closed'),
    'room.closed.body': (
        'Bedankt voor het meedoen. De begeleider heeft de sessie afgesloten.',
        'Thank you for taking part. The facilitator has closed the session.',
    ),
    'access.title': ('Alleen voor de begeleider', 'Facilitator only'),
    'access.body': (
        'Typ de beheerderscode, of de sessiesleutel die je kreeg toen de sessie werd aangemaakt.',
        'Type the admin code, or the session key you received when the session was created.',
    ),
    'access.body_projector': (
        'Deze beamer is nog niet gekoppeld. Open het beamerscherm vanuit de console van de sessie (of gebruik de '
        'eenmalige beamerlink uit de console), of typ hier de sessiesleutel.',
        "This projector is not paired yet. Open the projector screen from the session's console (or use the "
        'one-time projector link from the console), or type the session key here.',
    ),
    'access.link_refused': (
        'Deze link is al gebruikt of verlopen. Een link opent een scherm maar één keer; typ de code hieronder.',
        'This link has already been used or has expired. A link opens a screen once only; type the code below.',
    ),
    'access.code': ('Toegangscode', 'Access code'),
    'access.submit': ('Toegang', 'Enter'),
    'access.sign_out': ('Afmelden', 'Sign out'),
    'access.signed_out': (
        'Je bent afgemeld. Deze browser opent geen console of teamplan meer zonder code.',
        'You are signed out. This browser no longer opens a console or team plan without a code.',
    ),
    'access.team_refused': (
        'Het team {team} bestaat al en deze browser heeft er geen toegang toe. Vraag de beheerder de sessie aan '
        'dat team te koppelen, of kies een nieuwe teamnaam.',
        'The team {team} already exists and this browser has no access to it. Ask the admin to link the session '
        'to that team, or choose a new team name.',
    ),
    'access.too_many_tries': (
        'Te veel pogingen met een onbekende code. Wacht even en probeer het dan opnieuw.',
        'Too many tries with an unknown code. Wait a moment, then try again.',
    ),
    'access.wrong': ('Deze code klopt niet.', 'This code is not correct.'),
    # join
    'join.title': ('Meedoen', 'Join'),
    'join.code': ('Sessiecode', 'Session code'),
    'join.code.hint': ('De code staat op het scherm, bijvoorbeeld K7M3Q', 'The code is on the screen, e.g. K7M3Q'),
    'join.go': ('Ga verder', 'Continue'),
    'join.name': ('Je naam', 'Your name'),
    'join.name.hint': ('Laat leeg om anoniem mee te doen', 'Leave empty to take part anonymously'),
    'join.button': ('Doe mee', 'Join'),
    'join.privacy': (
        'Je doet anoniem mee, tenzij je zelf een naam invult. We bewaren alleen je antwoorden in deze '
        'sessie, gekoppeld aan een willekeurig nummer van deze browser; je IP-adres alleen als onherleidbare code '
        'tegen misbruik. '
        'De begeleider verwijdert de sessie na afloop (standaard na 90 dagen).',
        'You take part anonymously unless you enter a name. We store only your answers in this '
        'session, linked to a random number of this browser; your IP address only as an untraceable code against '
        'misuse. '
        'The facilitator deletes the session afterwards (by default after 90 days).',
    ),
    'join.as': ('Je doet mee als {name}', 'You take part as {name}'),
    'join.anonymous': ('Je doet anoniem mee', 'You take part anonymously'),
    'join.change_name': ('Naam wijzigen', 'Change name'),
    'join.waiting': ('Je doet mee! Wacht op de eerste stelling…', 'You are in! Waiting for the first statement…'),
    'join.waiting.activity': (
        'Even wachten: de begeleider start zo de volgende werkvorm.',
        'Please wait: the facilitator will start the next activity shortly.',
    ),
    'proj.scan': ('Scan de QR-code of ga naar', 'Scan the QR code or go to'),
    'proj.code': ('Code', 'Code'),
    'proj.joined': ('1 deelnemer | {n} deelnemers', '1 participant | {n} participants'),
    'proj.voted': ('{voted} van {joined} gestemd', '{voted} of {joined} voted'),
    'proj.voting_open': ('Stem nu op je telefoon: eens of oneens', 'Vote now on your phone: agree or disagree'),
    'proj.voting_closed': ('De stemming is gesloten', 'Voting is closed'),
    'proj.clip': ('Bekijk eerst het filmpje', 'Watch the clip first'),
    'proj.welcome': ('Welkom', 'Welcome'),
    'proj.more': ('+ {n} meer', '+ {n} more'),
    'proj.names': ('Wie er al is', 'Who is here'),
    'con.way_in.show': ('Toon QR groot', 'Show QR large'),
    'con.way_in.hide': ('Verberg QR', 'Hide QR'),
    'proj.result_title': ('Uitslag', 'Result'),
    # facilitator console
    'con.title': ('Console', 'Console'),
    'con.programme': ('Programma', 'Programme'),
    'con.add_activity': ('Werkvorm toevoegen', 'Add activity'),
    'con.skip_to_next': ('Naar de volgende stap', 'Go to the next step'),
    'con.activity.title': ('Titel', 'Title'),
    'con.activity.set': ('Stellingen uit de bibliotheek', 'Statements from the library'),
    'con.activity.empty_set': ('Lege lijst: zelf stellingen typen', 'Empty list: type statements yourself'),
    'con.start': ('Start', 'Start'),
    'con.running': ('Bezig', 'Running'),
    'con.no_activity': ('Voeg een werkvorm toe en start die om te beginnen.', 'Add an activity and start it to begin.'),
    'con.open_projector': ('Projectorscherm openen', 'Open projector screen'),
    'con.summary': ('Samenvatting', 'Summary'),
    'con.participants': ('Deelnemers: {n}', 'Participants: {n}'),
    'con.settings': ('Instellingen', 'Settings'),
    'con.min_reveal': (
        'Minimum aantal stemmen voor het tonen van een uitslag',
        'Minimum number of votes before a result is shown',
    ),
    'con.close_session': ('Sessie sluiten', 'Close session'),
    'con.delete': ('Sessie verwijderen…', 'Delete session…'),
    'con.delete.title': ('Sessie definitief verwijderen?', 'Delete this session for good?'),
    'con.delete.body': (
        'Alle antwoorden, notities, namen en het auditlog van deze sessie worden verwijderd. Dit kan niet ongedaan '
        'worden gemaakt. Download eerst de samenvatting als je de uitkomsten wilt bewaren.',
        'All answers, notes, names and the audit log of this session are deleted. This cannot be undone. '
        'Download the summary first if you want to keep the outcomes.',
    ),
    'con.delete.confirm': ('Definitief verwijderen', 'Delete for good'),
    'con.deleted.title': ('Sessie verwijderd', 'Session deleted'),
    'con.deleted.body': (
        'De sessie en alles wat erin is ingevoerd, zijn verwijderd.',
        'The session and everything entered in it have been deleted.',
    ),
    'con.reopen_session': ('Sessie heropenen', 'Reopen session'),
    'con.closed_banner': (
        'Deze sessie is gesloten: deelnemers kunnen niet meer meedoen.',
        'This session is closed: participants can no longer take part.',
    ),
    'con.key_once': (
        'Bewaar deze sessiesleutel: typ hem op een ander apparaat in om de console van deze sessie te openen. '
        'Hij wordt maar één keer getoond.',
        "Keep this session key: type it on another device to open this session's console. It is shown only once.",
    ),
    'con.projector_link': ('Beamer op ander apparaat', 'Projector on another device'),
    'con.projector_link.title': ('Eenmalige beamerlink', 'One-time projector link'),
    'con.projector_link.body': (
        'Open deze link in de browser van het apparaat aan de beamer. Hij werkt één keer (12 uur lang) en koppelt '
        'alleen het beamerscherm van deze sessie. Deel hem niet met deelnemers.',
        'Open this link in the browser of the device on the projector. It works once (for 12 hours) and pairs only '
        "this session's projector screen. Do not share it with participants.",
    ),
    'con.join_url': ('Deelnamelink', 'Join link'),
    'con.copy': ('Kopiëren', 'Copy'),
    'con.copied': ('Gekopieerd', 'Copied'),
    'con.next_step': ('Volgende stap', 'Next step'),
    # home / sessions
    'home.title': ('Sessies', 'Sessions'),
    'home.new': ('Nieuwe sessie', 'New session'),
    'home.name': ('Naam van de sessie', 'Session name'),
    'home.team': ('Team', 'Team'),
    'home.create': ('Sessie aanmaken', 'Create session'),
    'home.open': ('Console', 'Console'),
    'home.none': ('Nog geen sessies.', 'No sessions yet.'),
    'home.status.open': ('Open', 'Open'),
    'home.status.closed': ('Gesloten', 'Closed'),
    'home.with_statements': (
        'Eerste werkvorm op de agenda (je start hem zelf)',
        'First activity on the agenda (you start it yourself)',
    ),
    # summary
    'sum.title': ('Samenvatting', 'Summary'),
    'sum.download_md': ('Download Markdown', 'Download Markdown'),
    'sum.download_csv': ('Download CSV', 'Download CSV'),
    'sum.back': ('Terug naar de console', 'Back to the console'),
}

CONSOLE: dict[str, tuple[str, str]] = {  # the console's add menu and every werkvorm's clock
    'con.activity.kind': ('Werkvorm', 'Activity type'),
    'con.activity.source': ('Inhoud uit de bibliotheek', 'Content from the library'),
    'timer.left': ('Nog {t}', '{t} left'),
    'timer.over': ('De tijd is om', 'Time is up'),
    'timer.overrun': ('+{t} over tijd', '+{t} over time'),
    'timer.ending': ('Bijna tijd: nog {t}', 'Almost time: {t} left'),
    'timer.paused': ('Tijd gepauzeerd: nog {t}', 'Time paused: {t} left'),
}
STRINGS.update(CONSOLE)

HAND_COUNT: dict[str, tuple[str, str]] = {  # people without a phone, counted in the room
    'error.count': ('Vul een heel aantal in, van 0 tot {max}.', 'Enter a whole number, from 0 to {max}.'),
    'hand.channels': ('{phone} via telefoon, {room} geteld in de zaal', '{phone} by phone, {room} counted in the room'),
    'hand.title': ('Handtelling in de zaal (zonder telefoon)', 'Hand count in the room (without a phone)'),
    'hand.hint': (
        'Voor wie zonder telefoon meedoet: tel de opgestoken kaarten of de mensen in elke hoek. De telling komt bij '
        'de stemmen van de telefoons, en de uitslag zegt welk deel geteld is.',
        'For those taking part without a phone: count the cards raised or the people in each corner. The count is '
        'added to the phone votes, and the result says which part was counted.',
    ),
    'hand.green': ('Groene kaarten / eens-hoek', 'Green cards / agree corner'),
    'hand.red': ('Rode kaarten / oneens-hoek', 'Red cards / disagree corner'),
    'hand.save': ('Telling vastleggen', 'Record the count'),
}
STRINGS.update(HAND_COUNT)


def _werkvormen() -> None:
    """Each registered werkvorm's words into the table."""
    from .werkvormen.registry import WERKVORMEN

    for werkvorm in WERKVORMEN.values():
        try:
            own: dict[str, tuple[str, str]] = importlib.import_module(f'{werkvorm.package}.strings').STRINGS
        except (ModuleNotFoundError, AttributeError):
            continue  # registry.check names it at start
        twice = sorted(set(own) & set(STRINGS))
        if twice:
            raise RuntimeError(f'{werkvorm.package}.strings defines what is defined already: {", ".join(twice)}')
        STRINGS.update(own)


PLURAL = ' | '
"""Between the two forms of a text that counts (`'1 argument | {n} argumenten'`, as vue-i18n writes it): the first
for exactly one, the second for every other count; `translate` picks by the parameter `n`."""


def plural(text: str, n: object) -> str:
    """The form of `text` for the count `n` (the text itself when it has one form)."""
    one, _, other = text.partition(PLURAL)
    return one if not other or n == 1 else other


def translate(lang: str, key: str, **params: object) -> str:
    """The text for `key` in `lang` (Dutch when unknown), in the form for the count `n` where it counts, with `params`
    filled in."""
    pair = STRINGS.get(key)
    if pair is None:
        return key
    text = plural(pair[1] if lang == 'en' else pair[0], params.get('n'))
    return text.format(**params) if params else text


def date_text(value: str | date, lang: str) -> str:
    """A date as Dutch readers write it (30-06-2025) or ISO for English; '' stays ''."""
    if not value:
        return ''
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return day.strftime('%d-%m-%Y') if lang == 'nl' else day.isoformat()


STRINGS.update(
    {  # a content file that cannot be used (yamlfile.py): where, and what is wrong
        'content.where': ('{file}', '{file}'),
        'content.where.line': ('{file}, regel {line}', '{file}, line {line}'),
        'content.where.field': ('{file}, veld {field}', '{file}, field {field}'),
        'content.where.field.line': ('{file}, regel {line}, veld {field}', '{file}, line {line}, field {field}'),
        'content.item.card': ('kaart {n}', 'card {n}'),
        'content.item.statement': ('stelling {n}', 'statement {n}'),
        'content.item.part': ('onderdeel {n}', 'part {n}'),
        'content.item.round': ('ronde {n}', 'round {n}'),
        'content.item.question': ('vraag {n}', 'question {n}'),
        'content.item.answer': ('antwoord {n}', 'answer {n}'),
        'content.item.section': ('rubriek {n}', 'section {n}'),
        'content.item.item': ('uitspraak {n}', 'item {n}'),
        'content.item.level': ('niveau {n}', 'level {n}'),
        'content.item.topic': ('onderwerp {n}', 'topic {n}'),
        'content.item.setting': ('situatie {n}', 'setting {n}'),
        'content.item.offer': ('aanbod {n}', 'offer {n}'),
        'content.problem.unreadable': ('het bestand is niet te lezen', 'the file cannot be read'),
        'content.problem.not_utf8': (
            'het bestand is geen tekst in UTF-8 (sla het op als UTF-8)',
            'the file is not UTF-8 text (save it as UTF-8)',
        ),
        'content.problem.yaml': (
            'geen geldige YAML (kijk naar inspringing, dubbele punten en aanhalingstekens)',
            'not valid YAML (look at indentation, colons and quotes)',
        ),
        'content.problem.missing': ('dit veld ontbreekt', 'this field is missing'),
        'content.problem.extra': ('dit veld is onbekend', 'this field is unknown'),
        'content.problem.empty': ('dit veld is leeg', 'this field is empty'),
        'content.problem.too_short': ('korter dan {min_length} tekens', 'shorter than {min_length} characters'),
        'content.problem.too_long': ('langer dan {max_length} tekens', 'longer than {max_length} characters'),
        'content.problem.too_few': ('minder dan {min_length} erin', 'fewer than {min_length} in it'),
        'content.problem.too_many': ('meer dan {max_length} erin', 'more than {max_length} in it'),
        'content.problem.choice': ('kies uit {expected}', 'choose from {expected}'),
        'content.problem.at_least': ('minstens {ge}', 'at least {ge}'),
        'content.problem.at_most': ('hoogstens {le}', 'at most {le}'),
        'content.problem.number': ('hier hoort een getal', 'a number belongs here'),
        'content.problem.text': ('hier hoort tekst', 'text belongs here'),
        'content.problem.list': ('hier hoort een lijst (regels met -)', 'a list belongs here (lines with -)'),
        'content.problem.mapping': ('hier horen velden (naam: waarde)', 'fields belong here (name: value)'),
        'content.problem.invalid': ('deze waarde klopt niet', 'this value is not valid'),
        'content.problem.clip': (
            'een clip is een http(s)-link of een bestandsnaam in de mediamap',
            'a clip is an http(s) link or a file name in the media folder',
        ),
        'content.problem.two_options': ('meerkeuze heeft minstens twee opties', 'multiple choice needs two options'),
        'content.problem.option': (
            'een optie is leeg of langer dan {max} tekens',
            'an option is empty or longer than {max} characters',
        ),
        'content.problem.fact_answer': (
            'een feitvraag heeft een antwoord (answer) nodig',
            'a fact question needs an answer (answer)',
        ),
        'content.problem.answer_option': (
            'answer moet precies een van de options zijn',
            'answer must be exactly one of the options',
        ),
        'content.problem.werkvorm': (
            'onbekende werkvorm {value!r} (wel: {known})',
            'unknown werkvorm {value!r} (known: {known})',
        ),
        'content.problem.outcome': (
            'een uitkomst is leeg of langer dan {max} tekens',
            'an outcome is empty or longer than {max} characters',
        ),
        'content.problem.unknown': ('onbekend: {value!r} (wel: {known})', 'unknown: {value!r} (known: {known})'),
        'content.problem.answers': (
            'de antwoorden zijn precies {expected}, in die volgorde',
            'the answers are exactly {expected}, in this order',
        ),
        'content.problem.levels': (
            'de niveaus zijn precies {expected}, in die volgorde',
            'the levels are exactly {expected}, in this order',
        ),
        'content.problem.duplicate': ('dit staat er al eerder in', 'this is in it already'),
        'content.problem.function_group_twice': (
            'deze functiegroep heeft al een leerdoelwijzer ({other})',
            'this function group already has a leerdoelwijzer ({other})',
        ),
    }
)
STRINGS.update(plan_strings.STRINGS)
_werkvormen()
