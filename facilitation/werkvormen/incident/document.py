"""The incidentevaluatie as a Word document of its own, for the coördinator agressie en geweld to file: the
session and the team, the outcome as every format tells it (description, causes by group, measures) and the tone in
which it was made. python-docx is imported with this module, at the first download."""

from __future__ import annotations

import io
import re

from ...export import outcome_of
from ...i18n import date_text, translate
from ...report import session_day
from ...report_docx import new_document, outcome_docx
from ...session import SessionState


def document_name(session: SessionState, lang: str) -> str:
    """'incidentevaluatie-abcde.docx' (the room code, never a person)."""
    slug = re.sub(r'[^a-z0-9]+', '-', translate(lang, 'inc.title').lower()).strip('-')
    return f'{slug}-{session.code.lower()}.docx'


def incident_docx(session: SessionState, activity_id: str, lang: str) -> bytes:
    """The evaluation of `activity_id` in `session` as a Word document."""
    activity = session.activities[activity_id]
    day = session_day(session)
    document = new_document(f'{translate(lang, "inc.title")}: {activity.title}', lang, day)
    facts = [
        (translate(lang, 'inc.doc.session'), session.name),
        (translate(lang, 'inc.doc.team'), session.team),
        (translate(lang, 'inc.doc.date'), date_text(day, lang)),
    ]
    for label, text in facts:
        if text:
            paragraph = document.add_paragraph()
            paragraph.add_run(f'{label}: ').bold = True
            paragraph.add_run(text)
    outcome_docx(document, outcome_of(activity, session, lang).blocks, lang)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
