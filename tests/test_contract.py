"""The contract every registered werkvorm keeps, checked over the registry: a werkvorm added without one of these
fails a test that names it and what it lacks. Hostile and over-long text into every text field it declares, every
string it asks for in Dutch and English, its place in the console's add menu and in session plans, its demo set-up.
(Who may give each of its commands: tests/test_authorisation.py, also over the registry.)"""

from __future__ import annotations

import csv
import importlib
import inspect
import io
import re
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document
from nicegui.testing import User

from facilitation import session as se
from facilitation.app import CONTENT_DIR, SESSIONS_DIR
from facilitation.content import agenda_config, load_content
from facilitation.export import summary_csv, summary_markdown
from facilitation.i18n import STRINGS
from facilitation.live import LiveRoom, Rooms
from facilitation.outcomes import candidates, promotion
from facilitation.report import session_report_docx, session_report_markdown
from facilitation.store import Store
from facilitation.werkvormen import registry
from facilitation.werkvormen.base import Actor, DomainError, EmptyText, TextTooLong
from facilitation.werkvormen.fields import PARTICIPANTS, Sender, TextField
from facilitation.werkvormen.registry import WERKVORMEN, werkvorm_name
from facilitation.werkvormen.spec import Werkvorm
from facilitation.yamlfile import ContentError

from .helpers import FACILITATOR, participant
from .hostile import HOSTILE, LONG
from .test_pages import create_session
from .test_quiz_pages import choose
from .test_werkoverleg import played_session

KINDS = list(WERKVORMEN)
CONTENT = load_content(CONTENT_DIR, SESSIONS_DIR)


def fields_of(werkvorm: Werkvorm) -> dict[str, TextField]:
    return dict(importlib.import_module(f'{werkvorm.package}.fields').FIELDS)


FIELDS = [(kind, name) for kind, werkvorm in WERKVORMEN.items() for name in fields_of(werkvorm)]


def actor_of(room: LiveRoom, who: Sender) -> Actor:
    if who is None:
        return FACILITATOR
    return participant(who(room.state.activities['a1'].state) if callable(who) else who)


def reach(store: Store, kind: str, field: TextField) -> LiveRoom:
    """A room at the step where the field can be typed (see facilitation/werkvormen/fields.py)."""
    room, _ = Rooms(store).create('Werkoverleg')
    room.execute(FACILITATOR, se.AddActivity(kind, 'Werkvorm', dict(field.config)))
    room.execute(FACILITATOR, se.StartActivity('a1'))
    for pid in PARTICIPANTS:
        room.execute(participant(pid), se.Join())
    for step in field.before:
        who, command = step if isinstance(step, tuple) else (None, step)
        room.execute(actor_of(room, who), se.ForActivity('a1', command))
    return room


def send(store: Store, kind: str, name: str, text: str) -> None:
    field = fields_of(WERKVORMEN[kind])[name]
    room = reach(store, kind, field)
    room.execute(actor_of(room, field.by), se.ForActivity('a1', field.command(text)))


def stored(store: Store) -> list[str]:
    return [data for (data,) in store.db.execute('SELECT data FROM events').fetchall()]


def test_every_registered_werkvorm_is_complete() -> None:
    registry.check()  # what the server runs at start
    assert KINDS and all(isinstance(w, Werkvorm) for w in WERKVORMEN.values())


def test_a_half_registered_werkvorm_is_refused_at_start_naming_what_it_lacks() -> None:
    statements = WERKVORMEN['statements']
    half = Werkvorm(
        rules=statements.rules,
        package='facilitation.werkvormen.nieuw',
        name_key='werkvorm.nieuw',
        title_key=statements.title_key,
        on_stage=statements.on_stage,
        opening=statements.opening,
    )
    lacks = ' '.join(half.missing())
    for missing in (
        'nieuw.console',
        'nieuw.projector',
        'nieuw.phone',
        'nieuw.fields',
        'nieuw.strings',
        'its outcome',
        "'werkvorm.nieuw'",
    ):
        assert missing in lacks


@pytest.mark.parametrize('outcome', ['', 'facilitation.werkvormen.statements.nieuw', 'facilitation.werkvormen.spec'])
def test_a_werkvorm_without_its_outcome_is_refused_at_start(monkeypatch: pytest.MonkeyPatch, outcome: str) -> None:
    """No outcome module named, none there, or one without `outcome` and `offers`: the start names what is missing."""
    monkeypatch.setitem(WERKVORMEN, 'statements', replace(WERKVORMEN['statements'], outcome=outcome))
    with pytest.raises(registry.RegistryError, match=r'statements: .*its outcome'):
        registry.check()


def fresh(kind: str, started: bool) -> se.SessionState:
    """A session with one activity of the werkvorm as its demo sets it up (started or not), nothing done in it."""
    room, _ = Rooms(Store(':memory:')).create('Werkoverleg')
    title, config = WERKVORMEN[kind].demo(CONTENT) or ('Onderdeel', {})
    room.execute(FACILITATOR, se.AddActivity(kind, title, config))
    if WERKVORMEN[kind].needs_content:  # made of a content file: an empty one is refused, in words
        with pytest.raises(DomainError):
            room.execute(FACILITATOR, se.AddActivity(kind, 'Leeg', {}))
    else:
        room.execute(FACILITATOR, se.AddActivity(kind, 'Leeg', {}))
    if started:
        room.execute(FACILITATOR, se.StartActivity('a1'))
    return room.state


@pytest.mark.parametrize('started', [False, True])
@pytest.mark.parametrize('kind', KINDS)
@pytest.mark.parametrize('lang', ['nl', 'en'])
def test_every_werkvorms_outcome_is_written_in_every_format(kind: str, started: bool, lang: str) -> None:
    """Its outcome, fresh (as its demo sets it up, and with no configuration at all), in the summary's Markdown and
    CSV and the report's Markdown and Word; each activity has its part, the CSV's rows fit its columns."""
    state = fresh(kind, started)
    titles = [a.title for a in state.activities.values()]
    for text in (summary_markdown(state, lang), session_report_markdown(state, None, lang, 0.0)):
        assert all(f'## {title}' in text for title in titles)
    rows = list(csv.reader(io.StringIO(summary_csv(state, lang))))
    assert all(len(row) == len(rows[0]) for row in rows[1:]) and {r[1] for r in rows[1:]} <= {kind}
    document = Document(io.BytesIO(session_report_docx(state, None, lang, 0.0)))
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name == 'Heading 1']
    assert all(title in headings for title in titles)


def test_every_offer_may_become_what_it_becomes_by_default() -> None:
    """What each werkvorm offers to the team plan, from a session with an outcome of every werkvorm."""
    found = candidates(played_session())
    # the review's outcome is the plan itself; the trend analysis shows figures (what they lead to is agreed elsewhere)
    assert {c.werkvorm for c in found} >= set(KINDS) - {'teamplan', 'trendanalyse'}
    for candidate in found:
        assert candidate.kind in candidate.kinds, candidate
        promotion(candidate, played_session())  # and becomes a valid plan item


@pytest.mark.parametrize('kind', KINDS)
def test_every_werkvorm_declares_its_text_fields(kind: str) -> None:
    assert isinstance(fields_of(WERKVORMEN[kind]), dict)


@pytest.mark.parametrize(('kind', 'name'), FIELDS)
def test_ordinary_text_in_every_declared_field_is_taken(store: Store, kind: str, name: str) -> None:
    """The field's room reaches the step where it is typed (else the hostile probes below would probe nothing)."""
    before = len(stored(store))
    send(store, kind, name, 'Gewone tekst van een collega')
    assert any('Gewone tekst van een collega' in data for data in stored(store)[before:])


@pytest.mark.parametrize(('kind', 'name'), FIELDS)
@pytest.mark.parametrize('text', HOSTILE)
def test_hostile_text_in_every_declared_field_is_kept_as_plain_text(
    store: Store, kind: str, name: str, text: str
) -> None:
    try:
        send(store, kind, name, text)
    except TextTooLong as refused:
        assert len(text) > refused.params['max']  # refused only for its length, with the limit to show
    for data in stored(store):
        assert '\u202e' not in data and '\x00' not in data and '\x07' not in data


@pytest.mark.parametrize(('kind', 'name'), FIELDS)
def test_over_long_text_in_every_declared_field_is_refused_with_the_limit(store: Store, kind: str, name: str) -> None:
    with pytest.raises(TextTooLong) as refused:
        send(store, kind, name, LONG)
    assert refused.value.params['max'] < len(LONG)


REQUIRED = [(kind, name) for kind, name in FIELDS if fields_of(WERKVORMEN[kind])[name].required]


@pytest.mark.parametrize(('kind', 'name'), REQUIRED)
def test_empty_text_in_a_required_field_is_refused(store: Store, kind: str, name: str) -> None:
    with pytest.raises(EmptyText):
        send(store, kind, name, ' \t\u202e ')


KEY = re.compile(r"""\bt\(\s*'([a-z_]+\.[a-z0-9_.]+)'""")


@pytest.mark.parametrize('kind', KINDS)
def test_every_string_a_werkvorm_asks_for_exists_in_dutch_and_english(kind: str) -> None:
    werkvorm = WERKVORMEN[kind]
    folder = Path(importlib.import_module(werkvorm.package).__file__ or '').parent
    asked = {key for path in folder.glob('*.py') for key in KEY.findall(path.read_text(encoding='utf-8'))}
    asked |= {k for k in (werkvorm.name_key, werkvorm.title_key, werkvorm.empty_source_key) if k}
    missing = sorted(key for key in asked if key not in STRINGS or not all(s.strip() for s in STRINGS[key]))
    assert missing == [], f'{kind}: no Dutch or English for {missing}'


def test_every_werkvorm_has_a_name_of_its_own_in_each_language() -> None:
    for language in (0, 1):
        names = [STRINGS[w.name_key][language] for w in WERKVORMEN.values()]
        assert len(set(names)) == len(names)


@pytest.mark.parametrize('kind', KINDS)
def test_a_session_plan_may_name_every_werkvorm(tmp_path: Path, kind: str) -> None:
    (tmp_path / 'plan.yaml').write_text(
        f'title: Werkoverleg\nagenda:\n  - werkvorm: {kind}\n    title: Onderdeel\n    minutes: 10\n', encoding='utf-8'
    )
    plan = load_content(CONTENT_DIR, tmp_path).session_plans['plan']
    config = agenda_config(plan.agenda[0], CONTENT)
    assert WERKVORMEN[kind].rules.new_state(config) is not None  # the session takes what the plan gives it


def test_a_session_plan_naming_an_unknown_werkvorm_is_refused_with_its_file_line_and_field(tmp_path: Path) -> None:
    (tmp_path / 'plan.yaml').write_text(
        'title: Werkoverleg\nagenda:\n  - werkvorm: stellingen\n    title: Onderdeel\n', encoding='utf-8'
    )
    with pytest.raises(ContentError) as refused:
        load_content(CONTENT_DIR, tmp_path)
    assert refused.value.field == 'agenda[0].werkvorm' and refused.value.line == 3
    assert 'stellingen' in str(refused.value) and 'statements' in str(refused.value)


@pytest.mark.parametrize('kind', KINDS)
def test_every_werkvorms_demo_set_up_runs(store: Store, kind: str) -> None:
    demo = WERKVORMEN[kind].demo(CONTENT)
    if demo is None:
        pytest.fail(f'{kind} has no demo set-up: the demo session would lack it')
    room, _ = Rooms(store).create('Demo')
    title, config = demo
    room.execute(FACILITATOR, se.AddActivity(kind, title, config))
    room.execute(FACILITATOR, se.StartActivity('a1'))
    assert room.state.activities['a1'].kind == kind


async def test_the_add_menu_offers_every_werkvorm_and_adds_it(user: User, data_dir: Path) -> None:
    await create_session(user, data_dir, start=False)  # the starter statements are a1
    user.find('Werkvorm toevoegen').click()
    for number, (kind, werkvorm) in enumerate(WERKVORMEN.items(), start=2):
        choose(user, 'activity-kind', STRINGS[werkvorm.name_key][0])
        user.find(marker='activity-title').clear().type(f'Onderdeel {kind}')
        user.find(marker='add-activity').click()
        await user.should_see(f'Onderdeel {kind}')
        user.find(marker=f'start-a{number}')  # on the programme, to be started
    code = user.find(marker='room-code').elements.pop().text
    await user.open(f'/f/{code}/summary')  # every fresh outcome on the summary page
    for kind in WERKVORMEN:
        await user.should_see(f'Onderdeel {kind}')


@pytest.mark.parametrize('language', ['nl', 'en'])
def test_every_werkvorm_has_one_name_in_every_file_and_view(language: str) -> None:
    """The programme, the plan's origin column and the report name a werkvorm as its activities are titled, and its
    entry in the add menu starts with that name (then says what it is): one name per werkvorm per language."""
    lang = 0 if language == 'nl' else 1
    for kind, werkvorm in WERKVORMEN.items():
        name = werkvorm_name(kind, language)
        assert name == STRINGS[werkvorm.title_key][lang]
        assert STRINGS[werkvorm.name_key][lang].startswith(name), kind
    assert not [key for key in STRINGS if key.startswith('plan.werkvorm.')]  # no second name beside it
    assert werkvorm_name('gone', language) == 'gone'  # a plan older than a werkvorm keeps saying where it came from


PROJECTIONS = {
    'public_view': ['state', 'minimum'],
    'participant_view': ['state', 'participant_id', 'minimum', 'public'],
    'console_view': ['state', 'minimum'],
}


@pytest.mark.parametrize('kind', KINDS)
def test_every_werkvorm_has_the_three_projections_with_one_signature(kind: str) -> None:
    """The views reach every werkvorm's projections the same way (ui/views.py): the same parameters, no defaults
    that would let a caller forget the session's minimum."""
    rules = WERKVORMEN[kind].rules
    for name, parameters in PROJECTIONS.items():
        signature = inspect.signature(getattr(rules, name))
        assert list(signature.parameters) == parameters, f'{kind}.{name}'
        assert signature.parameters['minimum'].default is inspect.Parameter.empty, f'{kind}.{name}'
