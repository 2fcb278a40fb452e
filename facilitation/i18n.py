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

QUIZ: dict[str, tuple[str, str]] = {
    'con.activity.quiz': ('Kennisquiz (in groepen)', 'Knowledge quiz (in groups)'),
    'con.activity.kind': ('Werkvorm', 'Activity type'),
    'con.activity.source': ('Inhoud uit de bibliotheek', 'Content from the library'),
    'con.activity.empty_deck': ('Leeg deck: zelf kaarten maken', 'Empty deck: make cards yourself'),
    'error.quiz.card': (
        'Kaart {card!r} klopt niet ({problem}): kies feit of opvatting, punten van 0 tot 100, en geef een feitvraag '
        'een goed antwoord.',
        'Card {card!r} is not valid ({problem}): choose fact or opinion, points from 0 to 100, and give a fact '
        'question a right answer.',
    ),
    'error.quiz.not_your_turn': ('Jouw groep is nu niet aan de beurt.', "It is not your group's turn now."),
    'error.quiz.no_group': (
        'Je zit nog niet in een groep. De begeleider deelt je in.',
        'You are not in a group yet. The facilitator will place you.',
    ),
    'error.quiz.too_late': ('Te laat: dat is al gebeurd.', 'Too late: that has already happened.'),
    'quiz.title': ('Kennisquiz', 'Knowledge quiz'),
    'quiz.decimal': (',', '.'),
    'quiz.group_n': ('Groep {n}', 'Group {n}'),
    'quiz.kind.feit': ('Feit', 'Fact'),
    'quiz.kind.opvatting': ('Opvatting', 'Opinion'),
    'quiz.card_n': (
        'Vraag {n} van {total} · {kind} · {points} punten',
        'Question {n} of {total} · {kind} · {points} points',
    ),
    'quiz.points': ('{points} punten', '{points} points'),
    'quiz.rank': ('{rank}.', '{rank}.'),
    'quiz.scoreboard': ('Stand', 'Scores'),
    'quiz.turn': ('Aan de beurt: {group}', 'Turn: {group}'),
    'quiz.right': ('goed', 'right'),
    'quiz.right_answer': ('Het goede antwoord: {answer}', 'The right answer: {answer}'),
    'quiz.rule.turns': (
        'De groepen krijgen om de beurt een vraag. Een goed antwoord levert de punten van de kaart op.',
        "The groups get a question in turn. A right answer earns the card's points.",
    ),
    'quiz.rule.steal': (
        'Weet de groep het niet? Dan mogen de andere groepen het proberen: de eerste die op de telefoon tikt, krijgt '
        'de kans, voor {percent}% van de punten.',
        'If the group does not know, the other groups may try: the first to tap on a phone gets the chance, for '
        '{percent}% of the points.',
    ),
    'quiz.rule.opinion': (
        'Bij een opvatting geeft één woordvoerder het antwoord van de groep. Is iedereen het ermee eens: alle punten. '
        'Niet iedereen: de helft.',
        "For an opinion one spokesperson gives the group's answer. If everyone agrees: all points. Not everyone: half.",
    ),
    'quiz.rule.aside': (
        'Vragen die de groep niet wist of waarover de meningen verschilden, houden we apart om later te bespreken.',
        'Questions the group did not know, or on which opinions differed, are set aside to discuss later.',
    ),
    'quiz.rule.win': (
        'De groep met de meeste punten wint. Snelheid telt niet.',
        'The group with the most points wins. Speed does not count.',
    ),
    'quiz.phase.setup': ('Groepen maken', 'Making groups'),
    'quiz.phase.playing': ('Quiz bezig', 'Quiz running'),
    'quiz.phase.finished': ('Quiz afgelopen', 'Quiz finished'),
    'quiz.phase.answering': ('Groep antwoordt', 'Group answers'),
    'quiz.phase.agreeing': ('Groep reageert', 'Group responds'),
    'quiz.phase.steal_open': ('Overnemen mogelijk', 'Steal open'),
    'quiz.phase.stealing': ('Andere groep antwoordt', 'Other group answers'),
    'quiz.phase.done': ('Afgerond', 'Done'),
    'quiz.step.answering': ('{group} geeft het antwoord', '{group} gives the answer'),
    'quiz.step.judging': (
        '{group} heeft geantwoord; de begeleider beoordeelt',
        '{group} answered; the facilitator judges',
    ),
    'quiz.step.agreeing': (
        '{group}: is iedereen het eens met de woordvoerder? {n} van {total} gereageerd',
        '{group}: does everyone agree with the spokesperson? {n} of {total} responded',
    ),
    'quiz.step.steal_open': (
        '{group} wist het niet. Welke groep weet het? Tik op je telefoon.',
        '{group} did not know. Which group knows? Tap on your phone.',
    ),
    'quiz.step.stealing': ('{group} mag het antwoord geven', '{group} may give the answer'),
    'quiz.step.done': ('Deze vraag is afgerond.', 'This question is done.'),
    'quiz.outcome.correct': ('{group}: goed, +{points} punten', '{group}: right, +{points} points'),
    'quiz.outcome.wrong': ('{group}: niet goed, 0 punten', '{group}: not right, 0 points'),
    'quiz.outcome.unknown': ('{group}: wist het niet, 0 punten', '{group}: did not know, 0 points'),
    'quiz.outcome.steal': (
        '{group}: overgenomen en goed, +{points} punten',
        '{group}: stolen and right, +{points} points',
    ),
    'quiz.outcome.steal_wrong': (
        '{group}: overgenomen maar niet goed, 0 punten',
        '{group}: stolen but not right, 0 points',
    ),
    'quiz.outcome.no_steal': ('Geen groep nam de vraag over', 'No group took the question over'),
    'quiz.outcome.agreed': ('{group}: iedereen eens, +{points} punten', '{group}: everyone agrees, +{points} points'),
    'quiz.outcome.half': (
        '{group}: niet iedereen eens, +{points} punten (de helft)',
        '{group}: not everyone agrees, +{points} points (half)',
    ),
    'quiz.aside.unknown': ('niet bekend in de groep', 'not known in the group'),
    'quiz.aside.differed': ('meningen verschilden', 'opinions differed'),
    'quiz.aside.manual': ('apart gehouden door de begeleider', 'set aside by the facilitator'),
    'quiz.aside_title': ('Apart gehouden om te bespreken', 'Set aside to discuss'),
    'quiz.winner': ('Winnaar: {groups}', 'Winner: {groups}'),
    'quiz.winners_tie': ('Gedeelde eerste plaats: {groups}', 'Shared first place: {groups}'),
    'quiz.finished': ('De quiz is afgelopen.', 'The quiz has finished.'),
    'quiz.timer.left': ('Nog {t}', '{t} left'),
    'quiz.timer.over': ('De tijd is om', 'Time is up'),
    'quiz.timer.paused': ('Tijd gepauzeerd: nog {t}', 'Time paused: {t} left'),
    'quiz.timer.pause': ('Pauzeer tijd', 'Pause time'),
    'quiz.timer.resume': ('Hervat tijd', 'Resume time'),
    'quiz.timer.extend': ('+30 seconden', '+30 seconds'),
    'quiz.timer.stop': ('Zonder tijd verder', 'Continue without time limit'),
    'quiz.no_group': ('Je zit nog niet in een groep', 'You are not in a group yet'),
    'quiz.my_group': ('Jouw groep: {group} · {points} punten', 'Your group: {group} · {points} points'),
    'quiz.choose_group': ('Kies je groep', 'Choose your group'),
    'quiz.group_members': ('{group} ({n})', '{group} ({n})'),
    'quiz.group_members_n': ('{n} leden', '{n} members'),
    'quiz.anonymous_n': ('Deelnemer {n} (anoniem)', 'Participant {n} (anonymous)'),
    'quiz.phone.setup': (
        'De begeleider legt de spelregels uit en deelt de groepen in.',
        'The facilitator explains the rules and makes the groups.',
    ),
    'quiz.phone.wait_card': ('Wacht op de volgende vraag…', 'Waiting for the next question…'),
    'quiz.phone.your_turn': ('Jullie groep is aan de beurt!', "Your group's turn!"),
    'quiz.phone.who_answers': (
        'Overleg kort: wie geeft het antwoord namens de groep?',
        'Agree quickly: who gives the answer for the group?',
    ),
    'quiz.claim_spokesperson': ('Ik geef het antwoord', 'I give the answer'),
    'quiz.phone.you_answer': (
        'Jij bent de woordvoerder: geef het antwoord van de groep.',
        "You are the spokesperson: give the group's answer.",
    ),
    'quiz.answer': ('Antwoord van de groep', "The group's answer"),
    'quiz.send_answer': ('Verstuur antwoord', 'Send answer'),
    'quiz.pass': ('We weten het niet', 'We do not know'),
    'quiz.phone.spokesperson_said': ('Jullie woordvoerder antwoordde:', 'Your spokesperson answered:'),
    'quiz.phone.agree_question': ('Ben je het hiermee eens?', 'Do you agree?'),
    'quiz.agree': ('Eens', 'Agree'),
    'quiz.disagree': ('Niet eens', 'Disagree'),
    'quiz.phone.agreement_saved': ('Je reactie is opgeslagen: {choice}', 'Your response is saved: {choice}'),
    'quiz.phone.steal_hint': (
        '{group} wist het niet. Weet jouw groep het?',
        '{group} did not know. Does your group know?',
    ),
    'quiz.claim_steal': ('Wij weten het!', 'We know it!'),
    'quiz.phone.you_said': ('Jij antwoordde: {answer}', 'You answered: {answer}'),
    'quiz.proj.choose_group': ('Kies je groep op je telefoon', 'Choose your group on your phone'),
    'quiz.proj.next_card': ('Zo komt de eerste vraag…', 'The first question is coming…'),
    'quiz.proj.spokesperson_said': ('Woordvoerder: {answer}', 'Spokesperson: {answer}'),
    'quiz.proj.group_chose': ('{group} koos {answer}', '{group} chose {answer}'),
    'quiz.proj.group_said': ('{group} antwoordde: {answer}', '{group} answered: {answer}'),
    'quiz.console.setup_hint': (
        'Leg de spelregels uit (ze staan op het scherm) en maak de groepen: automatisch verdeeld, of laat '
        'deelnemers zelf kiezen op hun telefoon.',
        'Explain the rules (they are on the screen) and make the groups: divided automatically, or let '
        'participants choose on their phones.',
    ),
    'quiz.groups': ('Groepen', 'Groups'),
    'quiz.divide': ('Verdeel iedereen automatisch', 'Divide everyone automatically'),
    'quiz.allow_choice': ('Deelnemers kiezen zelf een groep', 'Participants choose their own group'),
    'quiz.steal_percent': ('Punten bij overnemen', 'Points for a steal'),
    'quiz.console.need_groups': (
        'Maak eerst minstens twee groepen met leden.',
        'First make at least two groups with members.',
    ),
    'quiz.start': ('Start de quiz', 'Start the quiz'),
    'quiz.newcomers': ('{n} deelnemer(s) nog zonder groep', '{n} participant(s) without a group'),
    'quiz.place_newcomers': ('Deel nieuwkomers in', 'Place newcomers'),
    'quiz.group_name': ('Naam van de groep', 'Group name'),
    'quiz.move': ('Verplaats naar groep', 'Move to group'),
    'quiz.console.answer': ('Goed antwoord (alleen voor jou): {answer}', 'Right answer (only for you): {answer}'),
    'quiz.console.spokesperson': ('Woordvoerder: {name}', 'Spokesperson: {name}'),
    'quiz.pick_spokesperson': ('Kies de woordvoerder', 'Pick the spokesperson'),
    'quiz.console.given': ('Gegeven antwoord: {answer}', 'Answer given: {answer}'),
    'quiz.console.opinion_aloud': (
        'Antwoord van de woordvoerder (hardop gegeven)',
        "The spokesperson's answer (given aloud)",
    ),
    'quiz.console.record': ('Vastleggen', 'Record'),
    'quiz.correct': ('Goed', 'Right'),
    'quiz.wrong': ('Fout', 'Wrong'),
    'quiz.not_known': ('Weet het niet', 'Does not know'),
    'quiz.close_steal': ('Niemand neemt over', 'Nobody steals'),
    'quiz.close_agreement': ('Tel de reacties', 'Count the responses'),
    'quiz.close_agreement_missing': (
        'Tel nu ({n} nog niet gereageerd: telt als niet eens)',
        'Count now ({n} not responded: counts as disagree)',
    ),
    'quiz.undo': ('Laatste beslissing ongedaan maken', 'Undo last decision'),
    'quiz.set_aside': ('Apart houden', 'Set aside'),
    'quiz.unset_aside': ('Niet meer apart houden', 'No longer set aside'),
    'quiz.set_aside_done': ('apart gehouden', 'set aside'),
    'quiz.ask_next': ('Stel de volgende vraag', 'Ask the next question'),
    'quiz.ask_this': ('Stel deze vraag', 'Ask this question'),
    'quiz.console.all_asked': ('Alle kaarten zijn gesteld.', 'All cards have been asked.'),
    'quiz.end': ('Einde quiz', 'End the quiz'),
    'quiz.deck': ('Kaarten', 'Cards'),
    'quiz.no_cards': ('Nog geen kaarten.', 'No cards yet.'),
    'quiz.asked': ('gesteld', 'asked'),
    'quiz.edit': ('Bewerk', 'Edit'),
    'quiz.edit_card': ('Kaart bewerken', 'Edit card'),
    'quiz.remove_card': ('Verwijder kaart', 'Remove card'),
    'quiz.new_card': ('Nieuwe kaart', 'New card'),
    'quiz.field.kind': ('Soort vraag', 'Kind of question'),
    'quiz.field.question': ('Vraag', 'Question'),
    'quiz.field.points': ('Punten', 'Points'),
    'quiz.field.options': (
        'Meerkeuze-opties (één per regel; leeg = open vraag)',
        'Multiple-choice options (one per line; empty = open question)',
    ),
    'quiz.field.answer': ('Goed antwoord', 'Right answer'),
    'quiz.field.answer_hint': (
        'Bij een feit verplicht; bij meerkeuze precies de tekst van de goede optie',
        'Required for a fact; for multiple choice exactly the text of the right option',
    ),
    'quiz.field.time_limit': ('Bedenktijd in seconden (0 = geen)', 'Time to think in seconds (0 = none)'),
    'quiz.import_export': ('Importeren en exporteren (YAML)', 'Import and export (YAML)'),
    'quiz.import_hint': (
        'Een deck in hetzelfde formaat als content/quiz/*.yaml vervangt de kaarten die nog niet gesteld zijn.',
        'A deck in the format of content/quiz/*.yaml replaces the cards not asked yet.',
    ),
    'quiz.import': ('Deck importeren', 'Import deck'),
    'quiz.imported': ('{n} kaarten geïmporteerd', '{n} cards imported'),
    'quiz.import_error': ('Import geweigerd: {error}', 'Import refused: {error}'),
    'quiz.export': ('Deck exporteren', 'Export deck'),
}
STRINGS.update(QUIZ)


def translate(lang: str, key: str, **params: object) -> str:
    """The text for `key` in `lang` (Dutch when unknown), with `params` filled in."""
    pair = STRINGS.get(key)
    if pair is None:
        return key
    text = pair[1] if lang == 'en' else pair[0]
    return text.format(**params) if params else text
