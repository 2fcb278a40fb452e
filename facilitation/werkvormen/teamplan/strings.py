"""The teamplan werkvorm's words: Dutch first, English beside it (merged into facilitation/i18n.py's table)."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    'con.activity.team_plan_source': ('Het teamplan van het team van deze sessie', "The plan of this session's team"),
    'con.activity.teamplan': ('Teamplan bespreken', 'Team plan review'),
    'rv.title': ('Teamplan van {team}', 'Team plan of {team}'),
    'rv.title_plain': ('Teamplan', 'Team plan'),
    'rv.no_team': (
        'Deze sessie hoort nog bij geen team. Geef de naam van het team: het teamplan hoort bij het team.',
        'This session has no team yet. Give the team’s name: the team plan belongs to the team.',
    ),
    'rv.open_plan': ('Het hele teamplan openen', 'Open the whole team plan'),
    'rv.overview': ('Terug naar het overzicht', 'Back to the overview'),
    'rv.show': ('Op het scherm', 'On the screen'),
    'rv.mark': ('Zet op: {status}', 'Mark: {status}'),
    'rv.carry_over': ('Meenemen naar de volgende planning ({term})', 'Carry into the next planning ({term})'),
    'rv.nothing_open': ('Er staan geen open punten in het teamplan.', 'There are no open items in the team plan.'),
    'rv.cheer': ('Gelukt!', 'Done!'),
    'rv.first_item': ('Bespreek: {what}', 'Discuss: {what}'),
    'rv.next_item': ('Volgende punt: {what}', 'Next item: {what}'),
    'rv.follow_up': ('opvolgen {date}', 'follow up {date}'),
    'rv.no_follow_up': ('geen opvolgdatum', 'no follow-up date'),
    'rv.with': ('bij {who}', 'with {who}'),
    'rv.carried_to': ('Meegenomen naar de volgende planning: {term}', 'Carried into the next planning: {term}'),
    'rv.phone': (
        'Het team bespreekt het teamplan. Kijk mee op het scherm.',
        'The team reviews its plan. Follow on the screen.',
    ),
    'rv.phone_overview': ('{n} punten staan op de agenda.', '{n} items are up for review.'),
    'rv.reviewed': (
        'Het teamplan is besproken: wat er veranderde, staat in het teamplan.',
        'The team plan was reviewed: what changed is in the team plan.',
    ),
    'rv.report': ('Het teamplan is besproken.', 'The team plan was discussed.'),
}
