"""Session summary downloads (Markdown, CSV), made from the state alone: no device ids, no IP addresses."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from .formats import statements as st
from .i18n import translate
from .session import SessionState


def _result_text(lang: str, tally: st.Tally, min_reveal: int) -> str:
    if tally.total == 0:
        return translate(lang, 'sum.no_votes')
    if not tally.shown:
        return translate(lang, 'st.too_few', total=tally.total, min=min_reveal)
    return (
        f'{translate(lang, "st.eens")} {tally.eens} ({tally.percent(st.Choice.EENS)}%), '
        f'{translate(lang, "st.oneens")} {tally.oneens} ({tally.percent(st.Choice.ONEENS)}%)'
    )


def summary_markdown(state: SessionState, lang: str = 'nl') -> str:
    """The session's outcome as Markdown: every statement with its rounds' results and its nabespreking."""
    created = datetime.fromtimestamp(state.created_at, UTC).strftime('%Y-%m-%d')
    lines = [f'# {state.name}', '']
    if state.team:
        lines.append(f'{translate(lang, "home.team")}: {state.team}  ')
    lines += [f'{created} · {translate(lang, "con.participants", n=len(state.participants))}', '']
    for activity in state.activities.values():
        lines += [f'## {activity.title}', '']
        for item in st.summary(activity.state, state.min_reveal):
            lines += [f'### {item.position}. {item.text}', '']
            for result in item.rounds:
                lines.append(
                    f'- {translate(lang, "st.round_n", n=result.number)}: '
                    f'{_result_text(lang, result.tally, state.min_reveal)}'
                )
            if item.rounds:
                lines.append('')
            for name in ('known', 'practice', 'policy'):
                text = getattr(item.discussion, name)
                if text:
                    lines += [f'**{translate(lang, f"st.discussion.{name}")}**', '', text, '']
    return '\n'.join(lines).rstrip() + '\n'


def _cell(value: object) -> object:
    """Text that a spreadsheet would read as a formula (=, +, -, @) is kept as text."""
    if isinstance(value, str) and value[:1] in ('=', '+', '-', '@', '\t', '\r'):
        return "'" + value
    return value


def summary_csv(state: SessionState, lang: str = 'nl') -> str:
    """One row per statement and round, for a spreadsheet (counts hidden below the minimum)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            'activiteit',
            'nr',
            'stelling',
            'ronde',
            'eens',
            'oneens',
            'totaal',
            'wat is bekend',
            'wat werkt in de praktijk',
            'wat moet anders',
        ]
    )
    for activity in state.activities.values():
        for item in st.summary(activity.state, state.min_reveal):
            notes = [item.discussion.known, item.discussion.practice, item.discussion.policy]
            for result in item.rounds or (None,):
                tally = result.tally if result else None
                counts = [tally.eens, tally.oneens] if tally and tally.shown else ['', '']
                writer.writerow(
                    _cell(value)
                    for value in [
                        activity.title,
                        item.position,
                        item.text,
                        result.number if result else '',
                        *counts,
                        tally.total if tally else 0,
                        *notes,
                    ]
                )
    return buffer.getvalue()
