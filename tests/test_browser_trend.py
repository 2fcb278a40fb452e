"""The trend analysis in real browsers: /incidenten with registrations at laptop size (its charts drawn, its tables,
its filters), and the werkvorm Trendanalyse of the demo session: the team's own figures one by one on the projector,
which fits 1920×1080, 1280×800, 1280×720 and 1024×768 with every text at least 24 px, and phones that follow ("kijk
mee") with the figure's title. axe-core checks every new view (WCAG 2.1 A/AA)."""

from __future__ import annotations

import dataclasses

import pytest
from playwright.sync_api import Browser, expect

from facilitation.store import ImportRecord, Store
from facilitation.werkvormen.registry import WERKVORMEN

from .browser import check_projector, check_projector_720, console, join, laptop, phone, projector_of, sign_in
from .live_server import LiveServer
from .test_accessibility import violations
from .test_trend_analysis import many

pytestmark = pytest.mark.browser

TEAM = 'Team Publiekszaken'  # the demo session's team, and here an afdeling of the registrations


def keep_registrations(server: LiveServer) -> None:
    """Six hundred registrations over two years, a quarter of them of the demo's team, into the server's database."""
    found = [dataclasses.replace(r, afdeling=TEAM) if r.afdeling == 'Publiekszaken' else r for r in many(600, seed=11)]
    store = Store(server.data_dir / 'samenspel.db')
    store.add_incidents(ImportRecord('b1', 'GIR', 'export.csv', len(found), 0.0), found)
    store.close()


def test_the_page_draws_every_figure_and_follows_its_filters(browser: Browser, live_server: LiveServer) -> None:
    page = laptop(browser, f'{live_server.url}/incidenten')
    sign_in(page, live_server.admin_key)
    expect(page.get_by_role('link', name='Incidenten importeren')).to_be_visible()  # nothing imported yet
    assert violations(page) == []
    keep_registrations(live_server)
    page.reload()
    expect(page.get_by_role('heading', name='Trendanalyse incidenten', exact=True)).to_be_visible()
    expect(page.get_by_role('heading', name='Incidenten per maand')).to_be_visible()
    charts = page.locator('.js-plotly-plot')
    expect(charts.first).to_be_visible()
    expect(charts).to_have_count(10)  # every figure but the causes (no evaluations yet)
    expect(page.get_by_text('Er zijn nog geen oorzaken geclassificeerd in incidentevaluaties.')).to_be_visible()
    month_chart = page.get_by_role('img', name='Incidenten per maand. ')
    expect(month_chart).to_be_visible()
    expect(month_chart.locator('text.bartext').first).to_be_visible()  # each count written on its bar
    assert violations(page) == []
    page.get_by_role('combobox', name='Afdeling').click()
    page.get_by_role('option', name=TEAM).click()
    page.get_by_role('button', name='Toon', exact=True).click()
    expect(page.get_by_role('heading', name=f'Trendanalyse incidenten: {TEAM}')).to_be_visible()
    expect(page.get_by_role('button', name='MT-rapportage (Word)')).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role('button', name='Tabellen (Excel)').click()
    assert download.value.suggested_filename.startswith('trendanalyse-team-publiekszaken-')
    assert violations(page) == []


def test_the_werkvorm_shows_the_teams_figures_on_the_projector_and_phones_follow(
    browser: Browser, live_server: LiveServer
) -> None:
    keep_registrations(live_server)
    code = live_server.demo_code()
    facilitator = console(browser, live_server, code)
    activity = list(WERKVORMEN).index('trendanalyse') + 1  # the demo has one of every werkvorm, in the registry's order
    facilitator.locator(f'.start-a{activity}').click()
    expect(facilitator.get_by_role('combobox', name='Afdeling')).to_have_value(TEAM)  # the session's team
    beamer = projector_of(facilitator, browser)
    expect(beamer.get_by_text('De begeleider toont zo de eerste grafiek.')).to_be_visible()
    mobile = phone(browser)
    join(mobile, f'{live_server.url}/j/{code}')
    expect(mobile.get_by_text('Kijk mee op het scherm.')).to_be_visible()
    views = {'console': facilitator, 'projector': beamer, 'phone': mobile}
    found = {name: lines for name, page in views.items() if (lines := violations(page))}
    for label, title, state in (
        ('Toon: Incidenten per maand', 'Incidenten per maand', 'per maand'),
        ('Volgende: Incidenten per kwartaal', 'Incidenten per kwartaal', 'per kwartaal'),
        ('Volgende: Incidenten per jaar', 'Incidenten per jaar', 'per jaar'),
        ('Volgende: Soorten agressie', 'Soorten agressie', 'soort'),
    ):
        facilitator.get_by_role('button', name=label, exact=True).click()
        expect(beamer.get_by_role('heading', name=f'{title} · Afdeling: {TEAM}')).to_be_visible()
        expect(beamer.locator('.js-plotly-plot text.bartext').first).to_be_visible()
        expect(mobile.get_by_role('heading', name=title)).to_be_visible()
        check_projector(beamer, state)
        check_projector_720(beamer, state)
    expect(beamer.get_by_text('Trend:')).to_have_count(0)  # a table by soort has no trend
    for key, title in (('locatie', 'Incidenten per locatie'), ('periode', 'Deze periode tegenover de vorige')):
        facilitator.locator(f'.q-btn:has-text("{title}")').first.click()
        expect(beamer.get_by_role('heading', name=f'{title} · Afdeling: {TEAM}')).to_be_visible()
        expect(beamer.locator('.js-plotly-plot text.bartext').first).to_be_visible()
        check_projector(beamer, key)
        check_projector_720(beamer, key)
    expect(beamer.locator('.legendtext', has_text='Vorige periode')).to_be_visible()  # named, not colour alone
    for name, page in views.items():
        if lines := violations(page):
            found[f'{name} with a figure'] = lines
    assert found == {}
