"""The individual instruments' outcome: the team picture only, never one person's answers, learning goal or own
topic (those stay on their own phone and in their own file).

Everything here is read from the public view's team picture (`rules.public_view`, under the session's minimum):
before the close only how many are done; after it, per section the team's figures by need (with the change since
the previous round), per function group shown its statements by need as a heatmap and in words, the smaller groups
said in words (folded into "overig" or left out), and for the matrix how many could teach each topic and who offered
to help by name. What it offers to the team plan: the sections and statements with the most need, as team learning
goals.
"""

from __future__ import annotations

from ...i18n import date_text, translate
from ...session import Activity, SessionState
from ...teamplan_model import Kind
from ..base import MIN_REVEAL_DEFAULT
from ..outcome import Block, Bullets, Heading, Heatmap, Item, Offer, Outcome, Paragraph, Table, csv_row
from . import rules as ld

TOP = 5  # statements said in words per group, besides the heatmap
NEED_OFFER = 0.25  # a section or statement with at least this share of need is offered as a team learning goal
MOST_OFFERS = 12
OFFER_LANG = 'nl'  # offers have no reader yet: the team plan's words are Dutch first


def percent(share: float) -> int:
    return round(100 * share)


def change_text(lang: str, change: float | None, at: str) -> str:
    """'+12 punten sinds 01-05-2026', or '' without a previous round to compare with."""
    if change is None:
        return ''
    points = percent(change)
    return translate(lang, 'ld.out.change', points=f'{points:+d}' if points else '0', at=_date(at, lang))


def _date(at: str, lang: str) -> str:
    try:
        return date_text(at, lang)
    except ValueError:  # a baseline stored with another form of date: as it was stored
        return at


def distribution_text(scale: tuple[str, ...], distribution: ld.Distribution) -> str:
    """'Altijd 4, Vaak 2, Soms 3, Nooit 1': the answers given, in the scale's order."""
    return ', '.join(f'{answer} {count}' for answer, count in zip(scale, distribution.counts, strict=True) if count)


def need_words(lang: str, view: ld.PublicView, need: frozenset[int]) -> str:
    """'Soms of Nooit': the answers that point to a need."""
    answers = [view.scale[i] for i in sorted(need)]
    if not answers:
        return ''
    return answers[0] if len(answers) == 1 else translate(lang, 'ld.out.or', a=', '.join(answers[:-1]), b=answers[-1])


def _matrix(view: ld.PublicView) -> bool:
    return view.instrument == ld.ONTWIKKELMATRIX


def _section_table(lang: str, view: ld.PublicView, rows: tuple[ld.SectionRow, ...]) -> Table:
    """A row per section: its counts per answer, its share of need and its change; a section with nothing shown
    says so over its counts."""
    changed = any(row.change is not None for row in rows)
    first = translate(lang, 'ld.out.topic' if _matrix(view) else 'ld.out.section')
    header = (
        first,
        *view.scale,
        translate(lang, 'ld.out.need'),
        *((translate(lang, 'ld.out.change_header'),) if changed else ()),
    )
    lines: list[tuple[str, ...]] = []
    for row in rows:
        d = row.distribution
        if d is None:
            lines.append((row.title, translate(lang, 'ld.out.not_shown')))
            continue
        share = translate(lang, 'ld.out.percent', pct=percent(d.need))
        change = (change_text(lang, row.change, view.baseline_at),) if changed else ()
        lines.append((row.title, *map(str, d.counts), share, *change))
    return Table(header, tuple(lines))


def _by_need(rows: tuple[ld.SectionRow, ...]) -> tuple[ld.SectionRow, ...]:
    return tuple(sorted(rows, key=lambda row: -(row.distribution.need if row.distribution else -1.0)))


def _group_blocks(lang: str, view: ld.PublicView, group: ld.GroupPicture) -> list[Block]:
    """One group's statements by need: the heatmap, the ones with most need in words, how many are not shown."""
    shown = [row for row in group.items if row.distribution is not None]
    name = group.group or translate(lang, 'ld.out.matrix_items')
    blocks: list[Block] = [Heading(translate(lang, 'ld.out.group', group=name, n=group.people))]
    if shown:
        title = (
            translate(lang, 'ld.out.heatmap_matrix')
            if _matrix(view)
            else translate(lang, 'ld.out.heatmap', group=group.group or name)
        )
        blocks.append(
            Heatmap(
                title,
                translate(lang, 'ld.out.topic' if _matrix(view) else 'ld.out.item'),
                tuple(row.item.text for row in shown),
                view.scale,
                tuple(row.distribution.counts for row in shown if row.distribution),
                translate(lang, 'ld.out.need'),
                tuple(_need_note(lang, view, row) for row in shown),
            )
        )
        top = [row for row in shown if row.distribution and row.distribution.need > 0][:TOP]
        blocks.append(Heading(translate(lang, 'ld.out.top'), level=2))
        if top:
            blocks.append(
                Bullets(
                    tuple(
                        Item(
                            f'{row.item.text}: {distribution_text(view.scale, row.distribution)}',
                            note=translate(lang, 'ld.out.need_share', pct=percent(row.distribution.need)),
                        )
                        for row in top
                        if row.distribution
                    )
                )
            )
        else:
            blocks.append(Paragraph(translate(lang, 'ld.out.no_need')))
    hidden = len(group.items) - len(shown)
    if hidden:
        blocks.append(Paragraph(translate(lang, 'ld.out.items_hidden', n=hidden)))
    return blocks


def _need_note(lang: str, view: ld.PublicView, row: ld.ItemRow) -> str:
    """'40 % behoefte', with its change since the previous round where there is one."""
    note = translate(lang, 'ld.out.need_share', pct=percent(row.need))
    change = change_text(lang, row.change, view.baseline_at)
    return f'{note}, {change}' if change else note


def _small_groups(lang: str, view: ld.PublicView, picture: ld.TeamPicture) -> list[Block]:
    """The function groups not shown on their own, in words (names only: never how many or what they answered)."""
    if not view.forms:  # one form: nothing else to say than its picture (or that it is not shown)
        return []
    shown = {group.form for group in picture.groups}
    names = [group for form, group in view.forms if form not in shown]
    if not names:
        return []
    blocks: list[Block] = [
        Paragraph(translate(lang, 'ld.out.small_groups', min=picture.minimum, groups=', '.join(names)))
    ]
    if picture.overig is not None:
        blocks.append(Paragraph(translate(lang, 'ld.out.overig_said')))
    elif picture.hidden:
        blocks.append(Paragraph(translate(lang, 'ld.out.left_out', min=picture.minimum)))
    return blocks


def _teaching(lang: str, session: SessionState, picture: ld.TeamPicture) -> list[Block]:
    """The matrix: per topic shown how many could teach it to others, and who offered by their chosen name."""
    teach = picture.teach
    if teach is None:
        return []
    names: dict[str, list[str]] = {}
    for helper in picture.helpers:
        participant = session.participants.get(helper.participant_id)
        if participant is not None and participant.name.strip():  # anonymous offers are never shown by name
            names.setdefault(helper.item.id, []).append(participant.name)
    lines: list[Item] = []
    for row in sorted(
        picture.items(), key=lambda r: -(r.distribution.counts[teach] if r.distribution else 0)
    ):  # most teachers first
        count = row.distribution.counts[teach] if row.distribution else 0
        helping = names.get(row.item.id, [])
        if not count and not helping:
            continue
        said = [translate(lang, 'ld.out.can_teach', n=count)] if count else []
        if helping:
            said.append(translate(lang, 'ld.out.helpers', names=', '.join(helping)))
        lines.append(Item(row.item.text, note='; '.join(said)))
    heading = Heading(translate(lang, 'ld.out.teach'))
    return [heading, Bullets(tuple(lines)) if lines else Paragraph(translate(lang, 'ld.out.nobody_teaches'))]


def outcome(activity: Activity, session: SessionState, lang: str) -> Outcome:
    view = ld.public_view(activity.state, session.min_reveal)
    picture = view.picture
    if not view.closed or picture is None:
        said = (Paragraph(translate(lang, 'ld.out.open')), Paragraph(translate(lang, 'ld.out.done', n=view.done)))
        return Outcome(said)
    if not picture.shown:
        blocks: list[Block] = [Paragraph(translate(lang, 'ld.out.too_few', min=picture.minimum))]
        return Outcome(tuple(blocks + _small_groups(lang, view, picture)))
    blocks = [Paragraph(translate(lang, 'ld.out.people', n=picture.people))]
    if view.baseline_at:
        blocks.append(Paragraph(translate(lang, 'ld.out.baseline', at=_date(view.baseline_at, lang))))
    blocks += [
        Heading(translate(lang, 'ld.out.topics' if _matrix(view) else 'ld.out.sections')),
        _section_table(lang, view, picture.sections),
    ]
    blocks += _small_groups(lang, view, picture)
    for group in picture.groups:
        blocks += _group_blocks(lang, view, group)
    if picture.overig is not None:
        overig = picture.overig
        blocks += [
            Heading(translate(lang, 'ld.out.group', group=translate(lang, 'ld.out.overig'), n=overig.people)),
            _section_table(lang, view, _by_need(overig.sections)),
        ]
    blocks += _teaching(lang, session, picture)
    return Outcome(tuple(blocks), _rows(lang, view, picture))


def _row(view: ld.PublicView, nr: object, text: str, group: str, row: ld.SectionRow | ld.ItemRow) -> tuple[object, ...]:
    d = row.distribution
    assert d is not None
    return csv_row(
        nr=nr,
        text=text,
        group=group,
        total=d.total,
        answers='; '.join(f'{answer} {count}' for answer, count in zip(view.scale, d.counts, strict=True)),
        need=percent(d.need),
        change='' if row.change is None else percent(row.change),
    )


def _rows(lang: str, view: ld.PublicView, picture: ld.TeamPicture) -> tuple[tuple[object, ...], ...]:
    """Aggregates only: a row per section of the team, per statement shown of each group shown and per section of
    "overig"; nothing of a group or statement not shown."""
    team = translate(lang, 'ld.out.team')
    rows = [_row(view, n, s.title, team, s) for n, s in enumerate(picture.sections, start=1) if s.distribution]
    for group in picture.groups:
        name = group.group or team
        rows += [_row(view, r.item.id, r.item.text, name, r) for r in group.items if r.distribution]
    if picture.overig is not None:
        overig = translate(lang, 'ld.out.overig')
        rows += [_row(view, n, s.title, overig, s) for n, s in enumerate(picture.overig.sections, 1) if s.distribution]
    return tuple(rows)


def goal_text(item: ld.Item) -> str:
    """A statement as a team learning goal: 'Stellen van grenzen: Ik ga de strijd niet aan met de burger' (a matrix
    topic's part already names its topic: 'Veilig werken aan de balie')."""
    return item.text if item.text.startswith(item.section) else f'{item.section}: {item.text}'


def offers(activity: Activity) -> tuple[Offer, ...]:
    """After the close: every section and statement shown with a need of at least NEED_OFFER, highest first (at
    most MOST_OFFERS), as a team learning goal with its expected result in words. Before it: nothing."""
    state: ld.State = activity.state
    view = ld.public_view(state, MIN_REVEAL_DEFAULT)  # the close recorded the minimum that applies
    picture = view.picture
    if picture is None or not picture.shown:
        return ()
    answers = need_words(OFFER_LANG, view, state.need)
    found: list[tuple[float, Offer]] = []
    seen: set[str] = set()
    several = len(picture.groups) > 1
    titles = list(dict.fromkeys(s.title for form in state.forms.values() for s in form.sections))
    for section in picture.sections:
        if section.distribution and section.distribution.need >= NEED_OFFER and section.title not in seen:
            seen.add(section.title)
            result = translate(
                OFFER_LANG, 'ld.out.goal_result', answers=answers, pct=percent(section.distribution.need)
            )
            ref = f'section-{titles.index(section.title) + 1}'
            found.append(
                (
                    section.distribution.need,
                    Offer(ref, section.title, Kind.TEAMLEERDOEL, (Kind.TEAMLEERDOEL,), result=result),
                )
            )
    for group in picture.groups:
        for row in group.items:
            if row.distribution is None or row.distribution.need < NEED_OFFER:
                continue
            text = goal_text(row.item) + (f' ({group.group})' if several and group.group else '')
            if text in seen:
                continue
            seen.add(text)
            result = translate(OFFER_LANG, 'ld.out.goal_result', answers=answers, pct=percent(row.distribution.need))
            found.append(
                (
                    row.distribution.need,
                    Offer(f'item-{row.item.id}', text, Kind.TEAMLEERDOEL, (Kind.TEAMLEERDOEL,), result=result),
                )
            )
    found.sort(key=lambda pair: -pair[0])  # stable: sections before statements of the same need
    return tuple(offer for _, offer in found[:MOST_OFFERS])
