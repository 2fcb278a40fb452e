"""The team plan page: what the team will do, by kind, with term, owner and status; escalations with who has
influence; carry over what did not succeed; downloads for Word, Excel, CSV, Markdown and JSON, and JSON back in.

Who may facilitate one of the team's sessions (or holds the admin key) may open and change its plan."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from urllib.parse import quote

from fastapi.responses import RedirectResponse
from nicegui import events, ui
from nicegui.elements.upload_files import FileUpload

from .. import teamplan as tp
from ..services import Services
from ..teamplan_export import (
    change_text,
    date_text,
    instrument_name,
    missing_text,
    origin_text,
    percent,
    plan_csv,
    plan_docx,
    plan_markdown,
    plan_xlsx,
    round_title,
)
from ..teams import TeamPlan
from ..werkvormen import registry
from ..werkvormen.base import Actor, DomainError, Role
from .access import access_page, may_facilitate, may_plan, sign_out_button, trade_link_secret
from .frame import attempt, client_host, frame, language, message_page, t, text_input

FACILITATOR = Actor(Role.FACILITATOR, 'facilitator')
DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
MARKDOWN = 'text/markdown; charset=utf-8'
STATUS_ICON = {  # a word and an icon for every status: never colour alone
    tp.Status.GEPLAND: 'event',
    tp.Status.BEZIG: 'autorenew',
    tp.Status.GELUKT: 'check_circle',
    tp.Status.NIET_GELUKT: 'cancel',
    tp.Status.VERVALLEN: 'remove_circle_outline',
    tp.Status.DOORGESCHOVEN: 'redo',
}


def register(services: Services) -> None:
    @ui.page('/team/{team_id}')
    def team_page(team_id: str, token: str = '', key: str = '') -> RedirectResponse | None:
        traded = trade_link_secret(services, f'/team/{quote(team_id, safe="")}', token, key)
        if traded is not None:
            return traded  # nothing secret stays in the address bar
        plan = services.teams.get(team_id)
        if plan is None:
            message_page('tp.unknown.title', 'tp.unknown.body', role='facilitator')
            return None
        if not may_plan(services, plan):
            access_page(services, f'/team/{plan.id}')
            return None
        registry.catch_up(services, plan)  # a closed leerdoelwijzer round the plan still lacks is kept now
        with frame(f'{t("plan.title")}: {plan.name}', role='facilitator'), ui.column().classes('w-full gap-4'):
            sign_out_button()
            _page(services, plan)
        return None


def plan_command(plan: TeamPlan, command: tp.Command) -> bool:
    """Run a plan command for the facilitator; a refusal is told, never silently dropped."""
    return attempt(lambda: plan.execute(FACILITATOR, command, client_host()))


def then(ok: bool, refresh: Callable[[], object]) -> None:
    if ok:
        refresh()


def today() -> datetime.date:
    return datetime.date.today()


def status_word(status: tp.Status) -> str:
    return t(f'plan.status.{status.value}')


def status_badge(status: tp.Status, css: str = '') -> None:
    with ui.row().classes(f'tp-status tp-status-{status.value} items-center no-wrap gap-1 {css}'):
        ui.icon(STATUS_ICON[status]).props('aria-hidden=true')
        ui.label(status_word(status))


def term_line(item: tp.Item) -> str:
    """'termijn 31-01-2027 · over tijd' (in words: never colour alone)."""
    if not item.term:
        return t('tp.no_term')
    text = t('tp.term', term=date_text(item.term, language()))
    return text + (f' · {t("tp.overdue")}' if tp.is_overdue(item, today()) else '')


def _page(services: Services, plan: TeamPlan) -> None:
    ui.label(f'{t("plan.title")}: {plan.name}').classes('text-2xl font-bold').props('role=heading aria-level=1')

    @ui.refreshable
    def body() -> None:
        _team_line(plan)
        _overview(plan)
        _add_form(plan, body.refresh)
        for kind, items in tp.items_by_kind(plan.state).items():
            if items:
                ui.label(t(f'plan.heading.{kind.value}')).classes('text-xl font-bold').props(
                    'role=heading aria-level=2'
                )
                for item in items:
                    _item_card(plan, item, body.refresh)
        if not plan.state.items:
            ui.label(t('plan.empty'))
        _over_time(plan)
        _files(plan, body.refresh)
        _sessions(services, plan)

    body()


def _team_line(plan: TeamPlan) -> None:
    team = plan.state.team
    with ui.expansion(t('tp.team_details'), icon='groups').classes('w-full'):
        unit = text_input(t('plan.unit'), tp.MAX_NAME, value=team.unit).classes('w-full')
        group = text_input(t('plan.function_group'), tp.MAX_NAME, value=team.function_group).classes('w-full')

        def save() -> None:
            if plan_command(plan, tp.SetTeam(team.name, unit.value or '', group.value or '')):
                ui.notify(t('common.saved'), type='positive', position='top')

        ui.button(t('common.save'), on_click=save).props('no-caps').mark('tp-save-team')


def _overview(plan: TeamPlan) -> None:
    """What needs attention: due or overdue, waiting on others, and what succeeded (to celebrate)."""
    due, waiting, done = tp.due(plan.state, today()), tp.waiting_on_others(plan.state), tp.celebrate(plan.state)
    with ui.row().classes('w-full gap-4 items-stretch'):
        for key, items in (('tp.due', due), ('tp.waiting', waiting), ('tp.celebrate', done)):
            with ui.card().classes('quiz-group-card'):
                ui.label(f'{t(key)} ({len(items)})').classes('font-bold').props('role=heading aria-level=2')
                for item in items[:6]:
                    ui.label(f'• {item.what}').classes('lh-argument-text')


def _kinds() -> dict[str, str]:
    return {kind.value: t(f'plan.kind.{kind.value}') for kind in tp.Kind}


def _add_form(plan: TeamPlan, refresh: Callable[[], object]) -> None:
    with ui.expansion(t('tp.add'), icon='add').classes('w-full').mark('tp-add'):
        fields = _item_fields(None)

        def add() -> None:
            v = _values(fields)
            command = tp.AddItem(
                v['what'], v['kind'], v['result'], v['term'], v['owner'], v['influence'], v['action'], v['agreed'],
                v['follow_up'], basis=v['basis'], offer=v['offer'],
            )  # fmt: skip
            if plan_command(plan, command):
                refresh()

        ui.button(t('common.add'), icon='add', on_click=add).props('no-caps unelevated').mark('tp-add-item')


def _item_fields(item: tp.Item | None) -> dict[str, ui.input | ui.textarea | ui.select]:
    """The form of an item; the escalation's fields show only for an escalatie."""
    kind = ui.select(_kinds(), value=item.kind.value if item else tp.Kind.WERKAFSPRAAK.value, label=t('plan.kind'))
    kind.props('outlined stack-label').classes('w-72').mark('tp-kind')
    fields: dict[str, ui.input | ui.textarea | ui.select] = {'kind': kind}
    fields['what'] = text_input(t('plan.what'), tp.MAX_WHAT, value=item.what if item else '').classes('w-full')
    fields['what'].mark('tp-what')
    fields['result'] = text_input(t('plan.result'), tp.MAX_RESULT, value=item.result if item else '', multiline=True)
    fields['result'].classes('w-full').mark('tp-result')
    fields['basis'] = text_input(t('plan.basis'), tp.MAX_RESULT, value=item.basis if item else '', multiline=True)
    fields['basis'].classes('w-full').mark('tp-basis')  # what an agreement rests on
    fields['basis'].bind_visibility_from(kind, 'value', backward=lambda v: v in AGREEMENTS or bool(item and item.basis))
    fields['offer'] = offer_select(item.offer if item else '').classes('w-96').mark('tp-offer')
    fields['offer'].bind_visibility_from(kind, 'value', backward=lambda v: v in LEARNING_GOALS)
    with ui.row().classes('gap-3 items-end w-full'):
        fields['term'] = ui.input(t('plan.term'), value=item.term if item else '').props(
            'type=date outlined stack-label'
        )
        fields['term'].mark('tp-term')
        fields['owner'] = text_input(t('plan.owner'), tp.MAX_OWNER, value=item.owner if item else '').classes('grow')
        fields['owner'].mark('tp-owner')
    with ui.column().classes('w-full gap-2 tp-escalation') as escalation:
        ui.label(t('tp.escalation_hint')).classes('facilitator-note')
        for name in ('influence', 'action', 'agreed'):
            value = getattr(item, name) if item else ''
            fields[name] = text_input(t(f'plan.{name}'), tp.MAX_ESCALATION, value=value, multiline=name != 'influence')
            fields[name].classes('w-full').mark(f'tp-{name}')
        fields['follow_up'] = ui.input(t('plan.follow_up'), value=item.follow_up if item else '')
        fields['follow_up'].props('type=date outlined stack-label').mark('tp-follow_up')
    escalation.bind_visibility_from(kind, 'value', backward=lambda v: v == tp.Kind.ESCALATIE.value)
    return fields


AGREEMENTS = frozenset({tp.Kind.WERKAFSPRAAK.value, tp.Kind.HANDELINGSAFSPRAAK.value})  # kinds said to rest on a basis
LEARNING_GOALS = frozenset(kind.value for kind in tp.LEARNING_GOALS)  # kinds with a kind of offer


def offer_select(value: str) -> ui.select:
    """A learning goal's kind of offer: none yet, or one of the seed's three."""
    options = {'': t('plan.offer.none'), **{key: t(f'plan.offer.{key}') for key in tp.OFFERS}}
    select = ui.select(options, value=value if value in options else '', label=t('plan.offer'))
    return select.props('outlined stack-label')


def _values(fields: dict[str, ui.input | ui.textarea | ui.select]) -> dict[str, str]:
    """The form's values; an item that is no escalatie (any more) has no escalation fields."""
    values = {name: str(field.value or '') for name, field in fields.items()}
    if values['kind'] != tp.Kind.ESCALATIE.value:
        values |= dict.fromkeys(tp.ESCALATION_FIELDS, '')
    if values['kind'] not in LEARNING_GOALS:
        values['offer'] = ''  # no learning goal (any more): no kind of offer
    return values


def _item_card(plan: TeamPlan, item: tp.Item, refresh: Callable[[], object]) -> None:
    with ui.card().classes('w-full tp-item').mark(f'tp-item-{item.id}'):
        with ui.row().classes('items-start w-full no-wrap gap-3'):
            with ui.column().classes('grow gap-1'):
                ui.label(t('tp.number', id=item.id)).classes('text-sm facilitator-note')
                ui.label(item.what).classes('text-lg font-bold lh-argument-text')
                if item.result:
                    ui.label(t('tp.result', result=item.result)).classes('whitespace-pre-wrap')
                details = [term_line(item)]
                if item.owner:
                    details.append(t('tp.owner', owner=item.owner))
                ui.label(' · '.join(details)).classes('text-sm')
                if item.basis:
                    ui.label(f'{t("plan.basis")}: {item.basis}').classes('text-sm whitespace-pre-wrap')
                if item.offer:
                    ui.label(f'{t("plan.offer")}: {t(f"plan.offer.{item.offer}")}').classes('text-sm')
                lacking = missing_text(item, language())
                if lacking:  # seed: not only what and when, but which result and by when
                    with ui.row().classes('items-center gap-1 no-wrap tp-missing'):
                        ui.icon('edit_note').props('aria-hidden=true')
                        ui.label(t('plan.missing_text', fields=lacking)).classes('text-sm font-bold')
                if item.kind is tp.Kind.ESCALATIE:
                    for name in ('influence', 'action', 'agreed'):
                        if getattr(item, name):
                            ui.label(f'{t(f"plan.{name}")}: {getattr(item, name)}').classes('text-sm')
                    if item.follow_up:
                        ui.label(f'{t("plan.follow_up")}: {date_text(item.follow_up, language())}').classes('text-sm')
                origin = origin_text(item, language(), carried=False)
                if origin:
                    ui.label(t('tp.from', origin=origin)).classes('text-sm facilitator-note')
                moved_to = tp.successor(plan.state, item.id)
                for key, other in (('plan.carried_from_text', item.carried_from), ('plan.carried_to_text', moved_to)):
                    if other:
                        ui.label(t(key, id=other)).classes('text-sm facilitator-note')
            status_badge(item.status)
        with ui.row().classes('items-center gap-2'):
            choices = tp.next_statuses(plan.state, item)
            if choices:  # a carried item's status is its successor's now
                options = {s.value: status_word(s) for s in (item.status, *sorted(choices))}
                status = ui.select(options, value=item.status.value, label=t('plan.status'))
                status.props('outlined dense stack-label').classes('w-48').mark('tp-status')
                status.on_value_change(lambda e: then(plan_command(plan, tp.SetStatus(item.id, e.value)), refresh))
            if item.status in tp.CARRIABLE and not moved_to:
                _carry_over(plan, item, refresh)
            ui.button(
                t('tp.remove'),
                icon='delete',
                on_click=lambda: then(plan_command(plan, tp.RemoveItem(item.id)), refresh),
            ).props('flat no-caps color=negative')
        _edit_dialog(plan, item, refresh)


def _carry_over(plan: TeamPlan, item: tp.Item, refresh: Callable[[], object]) -> None:
    """One click: into the next planning, by default a month after its term (or after today)."""
    base = datetime.date.fromisoformat(item.term) if item.term else today()
    suggested = (max(base, today()) + datetime.timedelta(days=30)).isoformat()
    term = ui.input(t('tp.new_term'), value=suggested).props('type=date outlined dense stack-label').mark('tp-new-term')
    ui.button(
        t('tp.carry_over'),
        icon='redo',
        on_click=lambda: then(plan_command(plan, tp.CarryOver(item.id, term.value or '')), refresh),
    ).props('no-caps outline').mark('tp-carry-over')


def _edit_dialog(plan: TeamPlan, item: tp.Item, refresh: Callable[[], object]) -> None:
    with ui.expansion(t('tp.edit_item'), icon='edit').classes('w-full'):
        fields = _item_fields(item)

        def save() -> None:
            v = _values(fields)
            command = tp.EditItem(
                item.id, v['kind'], v['what'], v['result'], v['term'], v['owner'], v['influence'], v['action'],
                v['agreed'], v['follow_up'], v['basis'], v['offer'],
            )  # fmt: skip
            if plan_command(plan, command):
                refresh()

        ui.button(t('common.save'), on_click=save).props('no-caps').mark('tp-save-item')


def _over_time(plan: TeamPlan) -> None:
    """Leerdoelen door de tijd: per instrument per round its date and per topic the team's share of need with the
    change since the round before, in numbers and in words (never colour alone). Team-level shares only."""
    rounds_by_instrument = tp.over_time(plan.state)
    if not rounds_by_instrument:
        return
    lang = language()
    with ui.card().classes('w-full').mark('tp-over-time'):
        ui.label(t('plan.over_time')).classes('text-xl font-bold').props('role=heading aria-level=2')
        ui.label(t('plan.over_time.intro')).classes('facilitator-note')
        columns = [
            {'name': name, 'label': t(f'plan.{name}'), 'field': name, 'align': 'left'}
            for name in ('topic', 'need', 'change')
        ]
        for instrument, rounds in rounds_by_instrument.items():
            ui.label(instrument_name(instrument, lang)).classes('text-lg font-bold').props('role=heading aria-level=3')
            for number, measured in enumerate(reversed(rounds)):  # the latest first
                first = number == len(rounds) - 1
                title = round_title(measured, lang)
                ui.label(title).classes('font-bold').props('role=heading aria-level=4')
                rows = [
                    {
                        'topic': section.title,
                        'need': percent(section.share),
                        'change': change_text(section.change, first, lang),
                    }
                    for section in measured.sections
                ]
                table = ui.table(columns=columns, rows=rows, row_key='topic').props('flat dense wrap-cells')
                table.classes('w-full').mark('tp-over-time-round')
                table.props['aria-label'] = title  # assigned: text, no markup


def _files(plan: TeamPlan, refresh: Callable[[], object]) -> None:
    """The plan as files teams open in Word or Excel, and JSON to keep or move (and read back in)."""
    slug = re.sub(r'[^a-z0-9]+', '-', plan.name.lower()).strip('-') or 'team'
    lang = language()
    with ui.card().classes('w-full'):
        ui.label(t('tp.files')).classes('text-xl font-bold').props('role=heading aria-level=2')
        with ui.row().classes('gap-3'):
            for label, suffix, make, mime in (
                ('tp.download.docx', 'docx', lambda: plan_docx(plan.state, today(), lang), DOCX),
                ('tp.download.xlsx', 'xlsx', lambda: plan_xlsx(plan.state, today(), lang), XLSX),
                ('tp.download.csv', 'csv', lambda: plan_csv(plan.state, lang), 'text/csv; charset=utf-8'),
                ('tp.download.md', 'md', lambda: plan_markdown(plan.state, today(), lang).encode(), MARKDOWN),
                ('tp.download.json', 'json', lambda: tp.plan_json(plan.state).encode(), 'application/json'),
            ):  # fmt: skip
                ui.button(
                    t(label),
                    icon='download',
                    on_click=lambda m=make, s=suffix, mt=mime: ui.download.content(m(), f'teamplan-{slug}.{s}', mt),
                ).props('no-caps outline').mark(f'tp-download-{suffix}')

        async def upload(event: events.UploadEventArguments) -> None:
            if restore(plan, event.file.name, await read_at_most(event.file, tp.MAX_JSON_BYTES)):
                ui.notify(t('tp.imported'), type='positive', position='top')
                refresh()

        # Quasar's uploader has an unnamed button around its file input (WCAG 4.1.2): it stays hidden, and a named
        # button of ours opens its file dialog. Its size limit is the browser's courtesy; the server checks again.
        picker = ui.upload(on_upload=upload, auto_upload=True, max_file_size=tp.MAX_JSON_BYTES).props('accept=.json')
        picker.classes('hidden').mark('tp-import')
        ui.button(t('tp.import'), icon='upload_file', on_click=lambda: picker.run_method('pickFiles')).props(
            'no-caps outline'
        ).mark('tp-import-button')


class FileRefused(DomainError):
    key = 'error.plan.file'


async def read_at_most(file: FileUpload, limit: int) -> bytes | None:
    """The uploaded file's bytes; None when it is larger than `limit`. Its size is asked first (NiceGUI has the
    upload in memory or in a temporary file by now), and of a file that claims less than it is no more than a chunk
    past the limit is read."""
    if file.size() > limit:
        return None
    data = bytearray()
    async for chunk in file.iterate(chunk_size=64 * 1024):
        data += chunk
        if len(data) > limit:
            return None
    return bytes(data)


def restore(plan: TeamPlan, name: str, data: bytes | None) -> bool:
    """Replace the plan with the uploaded one (None: the file was too large). A refusal is told with the file's name
    and changes nothing."""

    def replace() -> None:
        try:
            if data is None:
                raise tp.PlanTooLarge(max=f'{tp.MAX_JSON_BYTES / 1_000_000:g}')
            plan.execute(FACILITATOR, tp.ImportPlan(data.decode('utf-8', errors='replace')), client_host())
        except DomainError as error:
            raise FileRefused(file=name or 'JSON', reason=t(error.key, **error.params)) from None

    return attempt(replace)


def _sessions(services: Services, plan: TeamPlan) -> None:
    rooms = services.rooms_of(plan)
    if not rooms:
        return
    ui.label(t('tp.sessions')).classes('text-xl font-bold').props('role=heading aria-level=2')
    for room in rooms:
        with ui.row().classes('items-center gap-3'):
            ui.label(f'{room.state.name} · {room.code}')
            if may_facilitate(services, room):
                ui.link(t('home.open'), f'/f/{room.code}').props['aria-label'] = f'{t("home.open")} {room.state.name}'
