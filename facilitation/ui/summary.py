"""The summary page: every statement with its results and notes, downloadable as Markdown and CSV."""

from __future__ import annotations

from nicegui import ui

from ..export import summary_csv, summary_markdown
from ..formats import statements as st
from ..services import Services
from .access import access_page, may_facilitate
from .frame import frame, language, room_or_message, t
from .statements.common import result_bars


def register(services: Services) -> None:
    @ui.page('/f/{code}/summary')
    def summary_page(code: str) -> None:
        room = room_or_message(services.rooms, code, role='facilitator')
        if room is None:
            return
        if not may_facilitate(room):
            access_page(services, f'/f/{room.code}/summary', room)
            return
        state = room.state
        slug = f'samenspel-{room.code.lower()}'
        with frame(f'{t("sum.title")}: {state.name}', role='facilitator'), ui.column().classes('summary w-full'):
            ui.label(f'{t("sum.title")}: {state.name}').classes('text-2xl font-bold').props('role=heading aria-level=1')
            with ui.row().classes('gap-3'):

                def download_markdown() -> None:
                    content = summary_markdown(state, language()).encode()
                    ui.download.content(content, f'{slug}.md', 'text/markdown; charset=utf-8')

                def download_csv() -> None:
                    content = summary_csv(state, language()).encode('utf-8-sig')  # the BOM makes Excel read UTF-8
                    ui.download.content(content, f'{slug}.csv', 'text/csv; charset=utf-8')

                ui.button(t('sum.download_md'), icon='download', on_click=download_markdown).props('no-caps').mark(
                    'download-md'
                )
                ui.button(t('sum.download_csv'), icon='download', on_click=download_csv).props('no-caps').mark(
                    'download-csv'
                )
                ui.link(t('sum.back'), f'/f/{room.code}')
            for activity in state.activities.values():
                ui.label(activity.title).classes('text-xl font-bold').props('role=heading aria-level=2')
                for item in st.summary(activity.state, state.min_reveal):
                    with ui.card().classes('w-full'):
                        ui.label(f'{item.position}. {item.text}').classes('text-lg font-bold').props(
                            'role=heading aria-level=3'
                        )
                        for result in item.rounds:
                            ui.label(t('st.round_n', n=result.number)).classes('result-title')
                            result_bars(result.tally, state.min_reveal)
                        for name in ('known', 'practice', 'policy'):
                            text = getattr(item.discussion, name)
                            if text:
                                ui.label(t(f'st.discussion.{name}')).classes('font-bold')
                                ui.label(text).classes('whitespace-pre-wrap')
