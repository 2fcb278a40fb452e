"""The dilemma in the console, steps 7 to 9 and the end: the inbrenger's afweging, the agreements with their owners,
the terugblik, and before and after."""

from __future__ import annotations

from typing import Any

from nicegui import ui

from ...live import LiveRoom
from ...ui.frame import live_section, live_value, t, text_input
from . import rules as dm
from .common import Do, comparison_bars, console, public, terugblik_line


def deliberate(room: LiveRoom, activity_id: str, do: Do) -> None:
    """The inbrenger's afweging, typed here or on their own phone: each field follows what was saved (from either)."""
    given = dict(public(room, activity_id).deliberation)
    with ui.card().classes('control-card w-full'):
        ui.label(t('dm.deliberation')).classes('text-lg font-bold').props('role=heading aria-level=3')
        fields = {
            name: text_input(t(f'dm.deliberation.{name}'), dm.MAX_FIELD, value=given[name], multiline=True)
            .classes('w-full')
            .mark(f'dm-{name}')
            for name in dm.DELIBERATION
        }
        for name, field in fields.items():

            def saved(n: str = name) -> str:
                return dict(public(room, activity_id).deliberation)[n]

            def follow(text: str, f: Any = field) -> None:
                if f.value != text:
                    f.set_value(text)

            live_value(room, saved, follow)

        def save() -> None:
            ok = True
            for name, field in fields.items():
                ok = ok and do(dm.Deliberate(name, field.value or ''))
            if ok:
                ui.notify(t('common.saved'), type='positive', position='top')

        ui.button(t('common.save'), icon='save', on_click=save).props('no-caps').mark('dm-save-deliberation')


def agreements(room: LiveRoom, activity_id: str, do: Do) -> None:
    """Step 8 and the end: the handelingsafspraak and the work agreements, each with its owner (the team plan takes
    them over); the list follows the room, the form stays put."""
    with ui.card().classes('control-card w-full'):
        ui.label(t('dm.agreements')).classes('text-lg font-bold').props('role=heading aria-level=3')
        live_section(room, lambda: public(room, activity_id).agreements, lambda items: _agreement_list(items, do))
        kind = ui.select(
            {k.value: t(f'dm.kind.{k.value}') for k in dm.AgreementKind}, value=dm.AgreementKind.WERK.value
        )
        kind.props(f'outlined stack-label label="{t("dm.kind")}"').classes('w-64').mark('dm-agreement-kind')
        text = text_input(t('dm.agreement'), dm.MAX_ENTRY, multiline=True).classes('w-full').mark('dm-agreement')
        with ui.row().classes('items-end gap-3 w-full'):
            owner = text_input(t('dm.owner'), dm.MAX_OWNER).classes('w-64').mark('dm-owner')
            term = ui.input(t('dm.term')).props('type=date outlined stack-label').classes('w-48').mark('dm-term')
        basis = text_input(t('dm.basis'), dm.MAX_ENTRY).classes('w-full').mark('dm-basis')

        def add() -> None:
            if do(
                dm.AddAgreement(kind.value, text.value or '', owner.value or '', term.value or '', basis.value or '')
            ):
                text.value = owner.value = term.value = basis.value = ''

        ui.button(t('dm.add_agreement'), icon='add', on_click=add).props('no-caps').mark('dm-add-agreement')


def _agreement_list(agreements: tuple[dm.Agreement, ...], do: Do) -> None:
    with ui.element('ol').classes('lh-queue-console'):
        for agreement in agreements:
            with ui.element('li'), ui.row().classes('items-center gap-2 no-wrap'):
                with ui.column().classes('grow gap-0'):
                    ui.label(f'{t(f"dm.kind.{agreement.kind.value}")}: {agreement.text}').classes('font-bold')
                    details = [t('dm.owner_is', owner=agreement.owner)]
                    if agreement.term:
                        details.append(t('dm.term_is', term=agreement.term))
                    if agreement.basis:
                        details.append(t('dm.basis_is', basis=agreement.basis))
                    ui.label(' · '.join(details)).classes('text-sm')
                ui.button(t('arena.remove'), on_click=lambda a=agreement.id: do(dm.RemoveAgreement(a))).props(
                    'flat dense no-caps'
                )


def _judged_after_count(n: int) -> None:
    ui.label(t('dm.judged_after_count', n=n)).classes('voted-live').props('role=status')


def judged_after(room: LiveRoom, activity_id: str) -> None:
    """Steps 8 and 9: how many wrote down again what they would do (a count only, until the end)."""
    live_section(room, lambda: public(room, activity_id).judged_after, _judged_after_count)


def terugblik(room: LiveRoom, activity_id: str) -> None:
    """Step 9: the terugblik's count (its mean at the end) and its sentences, then the second judgements' count."""
    live_section(room, lambda: _evaluation_key(room, activity_id), lambda _: _evaluation(room, activity_id))
    judged_after(room, activity_id)


def _evaluation_key(room: LiveRoom, activity_id: str) -> tuple[Any, ...]:
    view = public(room, activity_id)
    closed = view.answers_closed, view.answers_minimum
    return view.evaluated, view.mean_score, closed, console(room, activity_id).evaluation_sentences


def _evaluation(room: LiveRoom, activity_id: str) -> None:
    view = public(room, activity_id)
    with ui.card().classes('control-card w-full'):
        ui.label(t('dm.evaluation')).classes('text-lg font-bold').props('role=heading aria-level=3')
        if view.evaluated:
            ui.label(terugblik_line(view)).classes('voted-live').props('role=status')
        else:
            ui.label(t('dm.no_evaluation')).classes('facilitator-note')
        with ui.element('ul'):
            for sentence in console(room, activity_id).evaluation_sentences:
                with ui.element('li'):
                    ui.label(sentence)


def done(room: LiveRoom, activity_id: str, do: Do) -> None:
    """The end: before and after, the terugblik, the agreements (still open to change) and the way to the summary."""
    with ui.card().classes('control-card w-full'):
        ui.label(t('dm.comparison')).classes('text-lg font-bold').props('role=heading aria-level=3')
        view = public(room, activity_id)
        comparison_bars(view.comparison)
