"""A person's own result as a Word file, made on their own phone from their own participant projection (never stored,
never at an address): the title, the function group, per section their answers, their profile, their own goal and
the kind of offer they chose, the date. Nothing in it says who they are (no participant id, no device, no name)."""

from __future__ import annotations

import io
import re
from datetime import date
from typing import TYPE_CHECKING

from ...i18n import date_text, translate
from . import rules as ld

if TYPE_CHECKING:
    from docx.document import Document as DocumentType

DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'


def _answer_word(view: ld.ParticipantView, item: ld.Item, lang: str) -> str:
    index = view.answers.get(item.id)
    scale = view.public.scale
    return scale[index] if index is not None and 0 <= index < len(scale) else translate(lang, 'ld.own.not_answered')


def section_counts(view: ld.ParticipantView, section: ld.ProfileSection, lang: str) -> str:
    """One section of the profile in words: 'Altijd 3 · Vaak 2 · Soms 1 · niet beantwoord: 2' (answers given only);
    a section of one item (the matrix's topics) its answer alone: 'Ik weet hoe het moet'."""
    if sum(section.counts) + section.open == 1:
        given = [word for word, n in zip(view.public.scale, section.counts, strict=False) if n]
        return given[0] if given else translate(lang, 'ld.own.not_answered')
    parts = [f'{word} {n}' for word, n in zip(view.public.scale, section.counts, strict=False) if n]
    if section.open:
        parts.append(translate(lang, 'ld.phone.open', n=section.open))
    return ' · '.join(parts)


def offer_text(view: ld.ParticipantView, kind: str) -> str:
    return dict(view.public.offers).get(kind, '')


def own_file_name(view: ld.ParticipantView, lang: str, day: date | None = None) -> str:
    """'leerdoelwijzer-voor-buitengewoon-opsporings-ambtenaren-2026-12-03.docx': the form and the day, nobody's name."""
    title = view.form.title if view.form else view.public.title
    slug = re.sub(r'[^a-z0-9]+', '-', title.lower()).strip('-')[:60] or translate(lang, 'ld.own.file')
    return f'{slug}-{(day or date.today()).isoformat()}.docx'


def own_result_docx(view: ld.ParticipantView, lang: str, day: date | None = None) -> bytes:
    """This person's own result as a .docx (see the module)."""
    day = day or date.today()
    form = view.form
    from ...report_docx import new_document  # python-docx: loaded at the first download, not with the phone

    document = new_document(form.title if form else view.public.title, lang, day)
    meta = []
    if form and form.group:
        meta.append(f'{translate(lang, "ld.own.group")}: {form.group}')
    if form and form.contact:
        meta.append(f'{translate(lang, "ld.own.contact")}: {form.contact}')
    meta.append(f'{translate(lang, "ld.own.date")}: {date_text(day, lang)}')
    document.add_paragraph(' · '.join(meta))
    document.add_paragraph(translate(lang, 'ld.own.note'))
    if form is not None:
        document.add_heading(translate(lang, 'ld.own.answers'), level=1)
        for section in form.sections:
            document.add_heading(section.title, level=2)
            table = document.add_table(rows=1, cols=2)
            table.style = 'Table Grid'
            head = table.rows[0].cells
            head[0].text, head[1].text = translate(lang, 'ld.own.item'), translate(lang, 'ld.own.answer')
            for item in section.items:
                cells = table.add_row().cells
                cells[0].text, cells[1].text = item.text, _answer_word(view, item, lang)
    if view.own_topic:
        level = view.own_level
        scale = view.public.scale
        words = scale[level] if level is not None and 0 <= level < len(scale) else ''
        document.add_paragraph(f'{view.public.own_topic}: {view.own_topic}' + (f' ({words})' if words else ''))
    _profile(document, view, lang)
    document.add_heading(translate(lang, 'ld.own.goal'), level=1)
    if form and form.goal_question:
        document.add_paragraph().add_run(form.goal_question).italic = True
    document.add_paragraph(view.goal or translate(lang, 'ld.own.no_goal'))
    if view.goal_offer:
        document.add_paragraph(f'{translate(lang, "ld.own.offer")}: {offer_text(view, view.goal_offer)}')
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _profile(document: DocumentType, view: ld.ParticipantView, lang: str) -> None:
    profile = view.profile
    if profile is None:
        return
    add_heading, add_paragraph = document.add_heading, document.add_paragraph
    add_heading(translate(lang, 'ld.own.profile'), level=1)
    for section in profile.sections:
        add_paragraph(f'{section.title}: {section_counts(view, section, lang)}')
    add_heading(translate(lang, 'ld.own.goals'), level=2)
    if not profile.goals:
        add_paragraph(translate(lang, 'ld.own.no_goals'))
    for item in profile.goals:
        add_paragraph(f'{item.text} ({_answer_word(view, item, lang)})', style='List Bullet')
    if profile.teach:
        add_heading(translate(lang, 'ld.own.teach'), level=2)
        for item in profile.teach:
            helps = f' ({translate(lang, "ld.own.helps")})' if item.id in view.helps else ''
            add_paragraph(item.text + helps, style='List Bullet')
    if view.public.offers:
        add_paragraph(translate(lang, 'ld.own.offers') + ':')
        for _, words in view.public.offers:
            add_paragraph(words, style='List Bullet')
