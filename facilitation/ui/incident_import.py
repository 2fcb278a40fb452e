"""Incidenten importeren (/incidenten/import, admin only): an export of incident registrations from the GIR or any
other system, through a column mapping and a value mapping (saved per source, so the next import of the same source
is one click), a preview, then the import with a progress bar and its result; earlier imports can be deleted.

Privacy: the file is read from memory and never written to disk (uploads are kept in memory, see `register`);
columns that identify a person are refused by name and never kept; only the mapped fields are stored.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from typing import TypeVar

from nicegui import events, ui
from starlette.formparsers import MultiPartParser

from ..i18n import date_text
from ..incidents import demo
from ..incidents.converting import Outcome
from ..incidents.importing import convert_new, first_rows, read_file
from ..incidents.mapping import CLOSED, Mapping, mapping_problems, propose, too_many_unknown, unknown_values
from ..incidents.model import FIELDS, REQUIRED, VOCABULARY
from ..incidents.reading import MAX_BYTES, FileProblem, Table
from ..services import Services
from ..store import ImportRecord, StorageError
from . import body_limit
from .access import admin_page, is_admin, sign_out_button
from .frame import frame, language, t
from .incident_file import Step, delimiter_word, error_text, off_loop, registrations_table, row_numbers
from .team import read_at_most

PATH = '/incidenten/import'
ANALYSIS_PATH = '/incidenten'  # the trend analysis of what is imported (ui/incidents_page.py)
T = TypeVar('T')
UPLOAD_LIMIT = MAX_BYTES + 64 * 1024  # the file and its multipart wrapping
PREVIEW_ROWS = 5
ERRORS_SHOWN = 20
MAX_SOURCE = 60


def register(services: Services) -> None:
    # An upload is kept in memory, never spooled to a temporary file (an export holds names and descriptions):
    # every upload is bounded by BodyLimit (2 MB; an incident export's upload while its page is open: UPLOAD_LIMIT).
    MultiPartParser.spool_max_size = UPLOAD_LIMIT

    @admin_page(services, PATH)
    def incident_import() -> None:
        with frame(t('gir.title'), role='facilitator'), ui.column().classes('w-full gap-4 gir-import'):
            sign_out_button()
            ImportPage(services).show()


class ImportPage:
    """One admin's import page: the file card, the steps of the file read (columns, values, preview, result) and
    the earlier imports."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.step = Step()

    def allowed(self) -> bool:
        """Asked again at each action: the admin key may have been replaced since the page opened."""
        if is_admin(self.services):
            return True
        ui.notify(t('access.wrong'), type='negative', position='top')
        return False

    def show(self) -> None:
        ui.label(t('gir.title')).classes('text-2xl font-bold').props('role=heading aria-level=1')
        ui.label(t('gir.intro'))
        self._file_card()
        self.body()
        self.imports()

    # --- 1. the file and its source ---------------------------------------------------------------------------

    def _file_card(self) -> None:
        with ui.card().classes('w-full'):
            ui.label(t('gir.step.file')).classes('text-xl font-bold').props('role=heading aria-level=2')
            self.source = ui.input(t('gir.source'), value=self.step.source).props(
                f'maxlength={MAX_SOURCE} outlined stack-label hint="{t("gir.source.hint")}"'
            )
            self.source.classes('w-full').mark('gir-source')
            self.source.on_value_change(lambda e: self._source_changed(str(e.value or '')))
            self.known_sources()

            async def uploaded(event: events.UploadEventArguments) -> None:
                if not self.allowed():
                    return
                data = await read_at_most(event.file, MAX_BYTES)
                if data is None:
                    self._refuse(t('gir.error.too_large', file=event.file.name, max=f'{MAX_BYTES // 1_000_000}'))
                    return
                await self.load(event.file.name, data)

            # as on the team page: Quasar's uploader stays hidden (its own button has no name), ours opens it
            picker = ui.upload(on_upload=uploaded, auto_upload=True, max_file_size=MAX_BYTES).props(
                'accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"'
            )
            picker.classes('hidden').mark('gir-upload')
            url = str(picker.props['url'])
            body_limit.LARGER[url] = UPLOAD_LIMIT
            ui.context.client.on_delete(lambda: body_limit.LARGER.pop(url, None))
            with ui.row().classes('items-center gap-3'):
                ui.button(
                    t('gir.choose_file'), icon='upload_file', on_click=lambda: picker.run_method('pickFiles')
                ).props('no-caps unelevated').mark('gir-choose-file')
                ui.button(t('gir.demo'), icon='science', on_click=self.load_demo).props('no-caps outline').mark(
                    'gir-demo'
                )
            ui.label(t('gir.file_hint', max=MAX_BYTES // 1_000_000)).classes('text-sm')

    @ui.refreshable_method
    def known_sources(self) -> None:
        """The sources with a saved mapping: one click chooses one (and applies its mapping to the file shown)."""
        sources = self.services.store.incident_sources()
        self.source.set_autocomplete(sources)
        if sources:
            with ui.row().classes('items-center gap-2'):
                ui.label(t('gir.sources'))
                for name in sources:
                    ui.button(name, icon='history', on_click=lambda n=name: self.source.set_value(n)).props(
                        'no-caps outline'
                    ).mark('gir-known-source')

    async def _source_changed(self, name: str) -> None:
        """A known source chosen: its saved mapping is applied to the file shown (if there is one)."""
        step = self.step
        step.source = ' '.join(name.split())[:MAX_SOURCE]
        table = step.table
        if table is None or step.busy or step.source not in self.services.store.incident_sources():
            return
        mapping = propose(table, step.refused, Mapping.from_json(self.services.store.incident_mapping(step.source)))
        step.unknown = await off_loop(unknown_values, table, mapping)
        step.mapping = mapping
        self.body.refresh()

    async def load_demo(self) -> None:
        if not self.allowed():
            return
        self.source.set_value(demo.SOURCE)
        await self.load(demo.FILE.name, demo.FILE.read_bytes())

    async def load(self, name: str, data: bytes) -> None:
        """Read the file (off the event loop: a large one takes a second or two), judge its columns, propose."""
        step = self.step
        if step.busy:
            return  # one file at a time: the one being read or imported goes on
        step.source = ' '.join(str(self.source.value or '').split())[:MAX_SOURCE]
        step.table, step.outcome, step.problem, step.busy = None, None, '', t('gir.reading', file=name)
        self.body.refresh()
        saved = self.services.store.incident_mapping(step.source) if step.source else None
        try:
            table, refused, mapping, unknown = await off_loop(read_file, name, data, saved)
        except FileProblem as problem:
            step.busy = ''
            self._refuse(t(problem.key, **problem.params))
            return
        step.table, step.refused, step.mapping, step.unknown, step.busy = table, refused, mapping, unknown, ''
        self.body.refresh()

    def _refuse(self, message: str) -> None:
        self.step.problem = message
        self.step.table = None
        self.body.refresh()

    # --- 2-4. columns, values, preview and the import ------------------------------------------------------

    @ui.refreshable_method
    def body(self) -> None:
        step = self.step
        if step.busy:
            with ui.row().classes('items-center gap-3').props('role=status'):
                ui.spinner(size='lg').props('aria-hidden=true')
                ui.label(step.busy)
            if step.outcome is None and step.table is not None:
                self._progress()
            return
        if step.problem:
            with ui.row().classes('gir-problem items-center gap-2').props('role=alert'):
                ui.icon('error').props('aria-hidden=true')
                ui.label(step.problem).mark('gir-problem')
        if step.outcome is not None:
            self._result(step.outcome)
            return
        if step.table is None:
            return
        self._columns(step.table)
        self._values()
        self.preview()

    def _columns(self, table: Table) -> None:
        step = self.step
        with ui.card().classes('w-full'):
            ui.label(t('gir.step.columns')).classes('text-xl font-bold').props('role=heading aria-level=2')
            how = (
                t('gir.read_as.xlsx')
                if table.encoding == 'xlsx'
                else t('gir.read_as.csv', encoding=table.encoding, delimiter=delimiter_word(table.delimiter))
            )
            ui.label(t('gir.file_read', file=table.name, n=table.count, how=how)).mark('gir-file-read')
            free = [h for h in table.headers if h not in step.refused]
            options = {'': t('gir.not_used'), **{h: h for h in free}}
            with ui.element('div').classes('gir-mapping w-full'):
                for target in FIELDS:
                    label = t(f'gir.field.{target}') + (f' ({t("gir.required")})' if target in REQUIRED else '')
                    ui.select(
                        options,
                        value=step.mapping.columns.get(target, ''),
                        label=label,
                        on_change=lambda e, f=target: self._column_chosen(f, str(e.value or '')),
                    ).props('outlined stack-label').classes('w-full').mark(f'gir-column-{target}')
            if step.refused:
                ui.label(t('gir.refused.title')).classes('text-lg font-bold').props('role=heading aria-level=3')
                with ui.column().classes('gap-1'):
                    for header, reason in step.refused.items():
                        with ui.row().classes('gir-refused items-center gap-2 no-wrap'):
                            ui.icon('block').props('aria-hidden=true')
                            ui.label(t('gir.refused.line', column=header, reason=t(f'gir.refused.{reason}'))).mark(
                                'gir-refused'
                            )
            unused = [h for h in free if h not in step.mapping.columns.values()]
            if unused:
                ui.label(t('gir.unused', columns=', '.join(unused))).classes('text-sm')

    async def _column_chosen(self, target: str, header: str) -> None:
        step = self.step
        if header:
            step.mapping.columns[target] = header
        else:
            step.mapping.columns.pop(target, None)
        if step.table is not None and target in CLOSED:
            step.unknown = await off_loop(unknown_values, step.table, step.mapping)
        self.body.refresh()

    def _values(self) -> None:
        step = self.step
        with ui.card().classes('w-full'):
            ui.label(t('gir.step.values')).classes('text-xl font-bold').props('role=heading aria-level=2')
            if not step.unknown:
                with ui.row().classes('items-center gap-2'):
                    ui.icon('check_circle').props('aria-hidden=true')
                    ui.label(t('gir.values.all_known'))
                return
            ui.label(t('gir.values.intro'))
            for target, words in step.unknown.items():
                column = step.mapping.columns[target]
                ui.label(f'{t(f"gir.field.{target}")} · {column}').classes('text-lg font-bold').props(
                    'role=heading aria-level=3'
                )
                options = {value: t(f'gir.value.{target}.{value}') for value in VOCABULARY[target]}
                if target not in REQUIRED:
                    options = {'': t('gir.values.empty'), **options}
                chosen = step.mapping.values.setdefault(target, {})
                for unknown in words[:60]:
                    if unknown.suggestion and unknown.word not in chosen:
                        chosen[unknown.word] = unknown.suggestion
                    ui.select(
                        options,
                        value=chosen.get(unknown.word),
                        label=t('gir.values.word', word=unknown.text, n=unknown.count),
                        on_change=lambda e, f=target, w=unknown.word: self._value_chosen(f, w, e.value),
                    ).props('outlined stack-label').classes('w-full').mark(f'gir-value-{target}')

    def _value_chosen(self, target: str, word: str, value: object) -> None:
        if isinstance(value, str) and value in {'', *VOCABULARY[target]}:
            self.step.mapping.values.setdefault(target, {})[word] = value
        self.preview.refresh()

    def _problems(self) -> list[str]:
        step = self.step
        problems = [
            t(key, **params, label=t(f'gir.field.{params["field"]}')) if 'field' in params else t(key, **params)
            for key, params in mapping_problems(step.mapping) + too_many_unknown(step.unknown, step.mapping)
        ]
        open_words = [
            u
            for target, words in step.unknown.items()
            for u in words
            if u.word not in step.mapping.values.get(target, {})
        ]
        if open_words:
            problems.append(t('gir.error.values_open'))
        if not ' '.join(str(self.source.value or '').split()):
            problems.append(t('gir.error.no_source'))
        return problems

    @ui.refreshable_method
    def preview(self) -> None:
        """The first rows as they will be kept and the import button, or what still stops the import."""
        table = self.step.table
        if table is None:
            return
        problems = self._problems()
        with ui.card().classes('w-full'):
            ui.label(t('gir.step.preview')).classes('text-xl font-bold').props('role=heading aria-level=2')
            if problems:
                with ui.column().classes('gap-1').props('role=status'):
                    for problem in problems:
                        with ui.row().classes('gir-problem items-center gap-2 no-wrap'):
                            ui.icon('warning').props('aria-hidden=true')
                            ui.label(problem).mark('gir-blocking')
            else:
                sample = first_rows(table, self.step.mapping)
                registrations_table(sample.registrations[:PREVIEW_ROWS], self.step.mapping)
                for error in sample.errors[:3]:
                    ui.label(error_text(error)).classes('gir-problem')
            ui.button(t('gir.import', n=table.count), icon='download_done', on_click=self.run_import).props(
                'no-caps unelevated' + (' disable' if problems else '')
            ).mark('gir-import')

    def _progress(self) -> None:
        bar = ui.linear_progress(value=self.step.progress, show_value=False, size='1.2rem')
        bar.classes('w-full').mark('gir-progress')
        bar.props['aria-label'] = t('gir.progress')
        share = ui.label(f'{self.step.progress:.0%}')

        def update() -> None:
            bar.set_value(self.step.progress)
            share.set_text(f'{self.step.progress:.0%}')

        ui.timer(0.2, update)

    async def run_import(self) -> None:
        step = self.step
        table = step.table
        if table is None or step.busy or self._problems() or not self.allowed():
            return
        source = ' '.join(str(self.source.value or '').split())[:MAX_SOURCE]
        mapping = step.mapping
        step.busy, step.progress = t('gir.importing', file=table.name), 0.0
        self.body.refresh()

        def progress(share: float) -> None:
            step.progress = share * 0.9

        # what earlier imports keep is read and compared off the event loop: every session goes on meanwhile
        store = self.services.store
        kept = await off_loop(store.incidents) if store.incident_imports() else []
        outcome = await off_loop(convert_new, table, mapping, kept, progress)
        record = ImportRecord(uuid.uuid4().hex, source, table.name, len(outcome.registrations), time.time())
        try:  # written by the event loop's own connection, in short steps with the loop going on between them
            store.save_incident_mapping(source, mapping.to_json(), time.time())
            total = len(outcome.registrations)  # none new: nothing to keep, no import to list
            for written in store.add_incidents_stepwise(record, outcome.registrations) if total else ():
                step.progress = 0.9 + 0.1 * written / total
                await asyncio.sleep(0)
        except StorageError as error:
            step.busy, step.problem = '', t(error.key)
            self.body.refresh()
            return
        step.busy, step.outcome, step.progress, step.problem = '', outcome, 1.0, ''
        self.body.refresh()
        self.imports.refresh()
        self.known_sources.refresh()

    def _result(self, outcome: Outcome) -> None:
        with ui.card().classes('w-full').props('role=status'):
            ui.label(t('gir.step.result')).classes('text-xl font-bold').props('role=heading aria-level=2')
            with ui.row().classes('items-center gap-2'):
                ui.icon('check_circle').props('aria-hidden=true')
                ui.label(t('gir.result.imported', n=len(outcome.registrations))).mark('gir-imported')
            if outcome.known:
                ui.label(t('gir.result.known', n=outcome.known)).mark('gir-known')
            if outcome.duplicates:
                ui.label(
                    t('gir.result.duplicates', n=len(outcome.duplicates), rows=row_numbers(outcome.duplicates))
                ).mark('gir-duplicates')
            if outcome.errors:
                ui.label(t('gir.result.errors', n=len(outcome.errors))).mark('gir-errors')
                with ui.element('ul').classes('gir-error-list'):
                    for error in outcome.errors[:ERRORS_SHOWN]:
                        with ui.element('li'):
                            ui.label(error_text(error)).mark('gir-error')
                if len(outcome.errors) > ERRORS_SHOWN:
                    ui.label(t('gir.result.more_errors', n=len(outcome.errors) - ERRORS_SHOWN))
            with ui.row().classes('items-center gap-4'):
                if outcome.registrations:
                    ui.link(t('gir.to_analysis'), ANALYSIS_PATH).classes('text-lg font-bold').mark('gir-to-analysis')
                ui.button(t('gir.again'), icon='restart_alt', on_click=self._again).props('no-caps outline').mark(
                    'gir-again'
                )

    def _again(self) -> None:
        self.step = Step(source=self.step.source)
        self.body.refresh()

    # --- earlier imports ---------------------------------------------------------------------------------------

    @ui.refreshable_method
    def imports(self) -> None:
        records = self.services.store.incident_imports()
        with ui.card().classes('w-full'):
            ui.label(t('gir.imports')).classes('text-xl font-bold').props('role=heading aria-level=2')
            if not records:
                ui.label(t('gir.imports.none'))
                return
            lang = language()
            for record in reversed(records):
                with ui.row().classes('items-center gap-3 w-full').mark('gir-import-row'):
                    day = date_text(time.strftime('%Y-%m-%d', time.localtime(record.imported_at)), lang)
                    ui.label(t('gir.imports.line', day=day, source=record.source, file=record.file_name, n=record.rows))
                    delete = ui.button(
                        t('gir.delete'), icon='delete', on_click=lambda r=record: self._confirm_delete(r)
                    )
                    delete.props('no-caps flat').mark('gir-delete')
                    # assigned, not parsed: a file's name is text, whatever quotes it has
                    delete.props['aria-label'] = t('gir.delete.label', file=record.file_name)

    def _confirm_delete(self, record: ImportRecord) -> None:
        with ui.dialog() as dialog, ui.card():
            ui.label(t('gir.delete.confirm', file=record.file_name, n=record.rows))
            with ui.row().classes('gap-3'):
                ui.button(t('gir.delete'), on_click=lambda: self._delete(record, dialog)).props(
                    'no-caps unelevated color=negative'
                ).mark('gir-delete-confirm')
                ui.button(t('common.close'), on_click=dialog.close).props('no-caps flat')
        dialog.open()

    def _delete(self, record: ImportRecord, dialog: ui.dialog) -> None:
        dialog.close()
        if not self.allowed():
            return
        try:
            self.services.store.delete_incident_import(record.id)
        except StorageError as error:
            ui.notify(t(error.key), type='negative', position='top')
            return
        ui.notify(t('gir.deleted', file=record.file_name, n=record.rows), type='positive', position='top')
        self.imports.refresh()
