"""The interface's words: Dutch first, English beside it. Every key has both, so a page never shows a bare key.

Pages call `t(key, **params)` (see ui/frame.py), which picks the browser's chosen language.
"""

from __future__ import annotations

LANGUAGES = ('nl', 'en')
DEFAULT_LANGUAGE = 'nl'

STRINGS: dict[str, tuple[str, str]] = {
    # general
    'app.name': ('Samenspel', 'Samenspel'),
    'app.tagline': ('Samen leren over veilige publieke dienstverlening', 'Learning together about safe public service'),
    'lang.switch': ('English', 'Nederlands'),
    'lang.switch.label': ('Switch to English', 'Schakel naar Nederlands'),
    'common.save': ('Opslaan', 'Save'),
    'common.saved': ('Opgeslagen', 'Saved'),
    'common.cancel': ('Annuleren', 'Cancel'),
    'common.add': ('Toevoegen', 'Add'),
    'common.close': ('Sluiten', 'Close'),
    'common.optional': ('optioneel', 'optional'),
    'common.chars_left': ('{n} tekens over', '{n} characters left'),
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
    'error.storage': (
        'Opslaan is mislukt ({detail}). Er is niets veranderd; controleer de schijf of datamap.',
        'Saving failed ({detail}). Nothing changed; check the disk or data folder.',
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
        'Open de beheerlink die je kreeg toen de sessie werd aangemaakt, of vul de beheerderscode in.',
        'Open the console link you received when the session was created, or enter the admin code.',
    ),
    'access.code': ('Beheerderscode', 'Admin code'),
    'access.submit': ('Toegang', 'Enter'),
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
    # statements: participant
    'st.statement_n': ('Stelling {n} van {total}', 'Statement {n} of {total}'),
    'st.eens': ('Eens', 'Agree'),
    'st.oneens': ('Oneens', 'Disagree'),
    'st.vote.eens.label': ('Stem eens met deze stelling', 'Vote agree with this statement'),
    'st.vote.oneens.label': ('Stem oneens met deze stelling', 'Vote disagree with this statement'),
    'st.wait_for_voting': ('Kijk en luister mee. De stemming gaat zo open.', 'Watch and listen. Voting opens shortly.'),
    'st.your_vote': ('Je stem is opgeslagen: {choice}', 'Your vote is saved: {choice}'),
    'st.change_vote': (
        'Je kunt je stem wijzigen zolang de stemming open is.',
        'You can change your vote while voting is open.',
    ),
    'st.voting_closed_mine': ('De stemming is gesloten. Jouw stem: {choice}', 'Voting is closed. Your vote: {choice}'),
    'st.voting_closed_none': ('De stemming is gesloten. Je hebt niet gestemd.', 'Voting is closed. You did not vote.'),
    'st.wait_for_result': ('Wacht op de uitslag…', 'Waiting for the result…'),
    'st.result': ('Uitslag', 'Result'),
    'st.round_n': ('Ronde {n}', 'Round {n}'),
    'st.too_few': (
        'Te weinig stemmen om de verdeling te tonen ({total} gestemd, minimaal {min}).',
        'Too few votes to show the distribution ({total} voted, at least {min}).',
    ),
    'st.count_pct': ('{count} ({pct}%)', '{count} ({pct}%)'),
    'st.no_statement': ('Nog geen stelling.', 'No statement yet.'),
    # statements: projector
    'proj.scan': ('Scan de QR-code of ga naar', 'Scan the QR code or go to'),
    'proj.code': ('Code', 'Code'),
    'proj.joined': ('{n} deelnemers', '{n} participants'),
    'proj.joined.one': ('1 deelnemer', '1 participant'),
    'proj.voted': ('{voted} van {joined} gestemd', '{voted} of {joined} voted'),
    'proj.voting_open': ('Stem nu op je telefoon: eens of oneens', 'Vote now on your phone: agree or disagree'),
    'proj.voting_closed': ('De stemming is gesloten', 'Voting is closed'),
    'proj.clip': ('Bekijk eerst het filmpje', 'Watch the clip first'),
    'proj.welcome': ('Welkom', 'Welcome'),
    'proj.result_title': ('Uitslag', 'Result'),
    # facilitator console
    'con.title': ('Console', 'Console'),
    'con.programme': ('Programma', 'Programme'),
    'con.add_activity': ('Werkvorm toevoegen', 'Add activity'),
    'con.activity.statements': ('Stellingen (eens/oneens)', 'Statements (agree/disagree)'),
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
        'Bewaar deze beheerlink: hiermee open je de console van deze sessie op een ander apparaat.',
        "Keep this console link: it opens this session's console on another device.",
    ),
    'con.join_url': ('Deelnamelink', 'Join link'),
    'con.copy': ('Kopiëren', 'Copy'),
    'con.copied': ('Gekopieerd', 'Copied'),
    'con.next_step': ('Volgende stap', 'Next step'),
    'st.show_first': ('Toon eerste stelling', 'Show first statement'),
    'st.open_voting': ('Open stemming', 'Open voting'),
    'st.close_voting': ('Sluit stemming', 'Close voting'),
    'st.reveal': ('Toon uitslag', 'Show result'),
    'st.next': ('Volgende stelling', 'Next statement'),
    'st.second_round': ('Nieuwe stemronde (na bespreking)', 'New voting round (after discussion)'),
    'st.reopen': ('Stemming heropenen', 'Reopen voting'),
    'st.all_done': ('Alle stellingen zijn behandeld.', 'All statements are done.'),
    'st.show': ('Toon', 'Show'),
    'st.current': ('Nu op het scherm', 'On screen now'),
    'st.statements': ('Stellingen', 'Statements'),
    'st.phase.idle': ('Nog niet gestart', 'Not started'),
    'st.phase.shown': ('Op het scherm', 'On screen'),
    'st.phase.voting': ('Stemming open', 'Voting open'),
    'st.phase.closed': ('Stemming gesloten', 'Voting closed'),
    'st.phase.revealed': ('Uitslag getoond', 'Result shown'),
    'st.voted_live': ('{voted} van {joined} gestemd', '{voted} of {joined} voted'),
    'st.new_statement': ('Nieuwe stelling', 'New statement'),
    'st.field.text': ('Stelling', 'Statement'),
    'st.field.clip': ('Filmpje: link of bestandsnaam', 'Clip: link or file name'),
    'st.field.note': ('Toelichting voor de begeleider', 'Note for the facilitator'),
    'st.discussion': ('Nabespreking', 'Discussion'),
    'st.discussion.known': ('Wat is bekend?', 'What is known?'),
    'st.discussion.practice': ('Wat werkt in de praktijk (en wat niet)?', 'What works in practice (and what not)?'),
    'st.discussion.policy': ('Wat moet anders in beleid of afspraken?', 'What should change in policy or agreements?'),
    'st.note': ('Toelichting', 'Note'),
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
    'home.with_statements': ('Begin met stellingen uit de bibliotheek', 'Start with statements from the library'),
    # summary
    'sum.title': ('Samenvatting', 'Summary'),
    'sum.download_md': ('Download Markdown', 'Download Markdown'),
    'sum.download_csv': ('Download CSV', 'Download CSV'),
    'sum.no_votes': ('Niet gestemd', 'No votes'),
    'sum.back': ('Terug naar de console', 'Back to the console'),
}


def translate(lang: str, key: str, **params: object) -> str:
    """The text for `key` in `lang` (Dutch when unknown), with `params` filled in."""
    pair = STRINGS.get(key)
    if pair is None:
        return key
    text = pair[1] if lang == 'en' else pair[0]
    return text.format(**params) if params else text
