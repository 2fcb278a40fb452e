"""The incidentevaluatie's outcome, told once for the summary, the downloads and the report: the description, the
causes by group of factors, and per cause what is done about it; its measures are what it offers to the team plan
(within the team's reach a werkafspraak or beleidspunt, outside it an escalatie with who does have influence)."""

from __future__ import annotations

from ...i18n import date_text, translate
from ...session import Activity, SessionState
from ...teamplan_model import Kind
from ..outcome import (
    Agreement,
    Block,
    Bullets,
    Heading,
    Item,
    Labelled,
    Offer,
    Outcome,
    Paragraph,
    Placeholder,
    Said,
    Section,
    csv_row,
)
from . import rules as inc

PLAN_KIND = {
    inc.PlanKind.WERKAFSPRAAK: Kind.WERKAFSPRAAK,
    inc.PlanKind.BELEIDSPUNT: Kind.BELEIDSPUNT,
    inc.PlanKind.ESCALATIE: Kind.ESCALATIE,
}


def factor_word(lang: str, cause: inc.CauseView) -> str:
    """'Protocollen', or 'Protocollen (buiten de organisatie)'."""
    word = translate(lang, f'inc.factor.{cause.factor}') if cause.factor else translate(lang, 'inc.unclassified')
    return f'{word} ({translate(lang, "inc.outside")})' if cause.outside else word


def label(lang: str, name: str) -> str:
    """A part of the description as a file names it: 'Wat er gebeurde', 'Waar', 'Spanning'."""
    return translate(lang, f'inc.fact.{name}' if name in ('wat', 'waar', 'wanneer') else f'inc.field.{name}')


def assessment_lines(lang: str, found: inc.Assessment) -> tuple[tuple[str, str], ...]:
    """An assessment as (label, text) lines: the measure with its owner and term or why not, an escalation's who
    and follow-up, what helped and hindered, the chance of recurrence and why."""
    lines: list[tuple[str, str]] = []
    if found.needed is inc.Needed.JA:
        lines += [
            (translate(lang, 'inc.measure'), found.measure),
            (translate(lang, 'inc.plan_kind'), translate(lang, f'inc.plan_kind.{found.plan_kind.value}')),
            (translate(lang, 'inc.out.owner'), found.owner),
            (translate(lang, 'inc.term'), date_text(found.term, lang)),
        ]
        if found.plan_kind is inc.PlanKind.ESCALATIE:
            lines.append((translate(lang, 'inc.out.influence'), found.influence))
            if found.action:
                lines.append((translate(lang, 'inc.action'), found.action))
            if found.follow_up:
                lines.append((translate(lang, 'inc.follow_up'), date_text(found.follow_up, lang)))
    elif found.needed is inc.Needed.NEE:
        lines.append((translate(lang, 'inc.no_action'), found.reason))
    for name in ('helped', 'hindered'):
        if getattr(found, name):
            lines.append((translate(lang, f'inc.out.{name}'), getattr(found, name)))
    if found.recurrence is not None:
        chance = translate(lang, f'inc.recurrence.{found.recurrence.value}')
        lines.append(
            (translate(lang, 'inc.recurrence'), f'{chance}: {found.recurrence_why}' if found.recurrence_why else chance)
        )
    return tuple(lines)


def description_blocks(lang: str, view: inc.PublicView) -> tuple[Block, ...]:
    labelled: list[Block] = [Labelled(label(lang, name), text) for name, text in view.description if text]
    if view.channel:
        labelled.insert(
            0, Labelled(translate(lang, 'inc.fact.kanaal'), translate(lang, f'inc.channel.{view.channel}'), True)
        )
    return (Heading(translate(lang, 'inc.step.beschrijven')), *labelled) if labelled else ()


def cause_blocks(lang: str, view: inc.PublicView) -> tuple[Block, ...]:
    """The causes by group of factors (the fishbone as lists), then those not classified yet."""
    if not view.causes:
        return ()
    blocks: list[Block] = [Heading(translate(lang, 'inc.causes_by_group'))]
    for group, causes in view.by_group():
        if causes:
            items = tuple(
                Item(c.text, factor_word(lang, c), True, translate(lang, f'inc.origin.{c.origin.value}'))
                for c in causes
            )
            blocks.append(Section(Heading(translate(lang, f'inc.group.{group.value}'), level=2), (Bullets(items),)))
    rest = view.unclassified()
    if rest:
        items = tuple(Item(c.text, note=translate(lang, f'inc.origin.{c.origin.value}')) for c in rest)
        blocks.append(Section(Heading(translate(lang, 'inc.unclassified'), level=2), (Bullets(items),)))
    return tuple(blocks)


def action_blocks(lang: str, view: inc.PublicView) -> tuple[Block, ...]:
    """Per assessed cause what is done about it."""
    assessed = [(c, found) for c in view.causes if (found := view.assessment(c.id)) is not None]
    if not assessed:
        return ()
    blocks: list[Block] = [Heading(translate(lang, 'inc.step.acties'))]
    for cause, found in assessed:
        lines = tuple(Labelled(label, text, True) for label, text in assessment_lines(lang, found))
        blocks.append(Section(Heading(cause.text, level=2), (Paragraph(factor_word(lang, cause)), *lines)))
    return tuple(blocks)


def outcome(activity: Activity, session: SessionState, lang: str) -> Outcome:
    view = inc.public_view(activity.state, session.min_reveal)
    blocks = (
        Paragraph(translate(lang, 'inc.tone')),
        *description_blocks(lang, view),
        *cause_blocks(lang, view),
        *action_blocks(lang, view),
    )
    agreements = tuple(
        Agreement(translate(lang, f'inc.plan_kind.{a.plan_kind.value}'), a.measure, a.owner, a.term)
        for _, a in view.measures()
    )
    said = blocks if len(blocks) > 1 else (Said((Placeholder(),), document=()),)
    return Outcome(said, _rows(lang, view), agreements=agreements)


def _rows(lang: str, view: inc.PublicView) -> tuple[tuple[object, ...], ...]:
    """The description (one row per part), then one row per cause: its group and factor, and whether action is
    needed with the measure or why not."""
    rows = [csv_row(text=text, group=label(lang, name)) for name, text in view.description if text]
    for cause in view.causes:
        found = view.assessment(cause.id)
        need = translate(lang, f'inc.needed.{found.needed.value}') if found and found.needed else ''
        change = (found.measure or found.reason) if found else ''
        group = translate(lang, f'inc.group.{cause.group.value}') if cause.group else ''
        rows.append(
            csv_row(
                nr=cause.id, text=cause.text, group=group, outcome=factor_word(lang, cause), need=need, change=change
            )
        )
    return tuple(rows)


def offers(activity: Activity) -> tuple[Offer, ...]:
    """Each measure with its owner and term: within the team's reach a werkafspraak or beleidspunt, outside it an
    escalatie with who does have influence, the action and its follow-up date."""
    view = inc.public_view(activity.state, 0)
    found = []
    for cause, measure in view.measures():
        kind = PLAN_KIND[measure.plan_kind]
        others = tuple(k for k in PLAN_KIND.values() if k is not kind)
        found.append(
            Offer(
                cause.id,
                measure.measure,
                kind,
                (kind, *others),
                measure.owner,
                measure.term,
                influence=measure.influence,
                action=measure.action,
                follow_up=measure.follow_up,
            )
        )
    return tuple(found)
