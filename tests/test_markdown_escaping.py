"""Hostile Markdown typed into any text field of any werkvorm reaches the Markdown downloads (the session's summary,
the report, the team plan) as literal text: rendered, it makes no link, no image, no HTML and no heading of its own."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date
from html.parser import HTMLParser

import markdown2
import pytest

from facilitation import session as se
from facilitation import teamplan as tp
from facilitation.export import summary_markdown
from facilitation.live import Rooms
from facilitation.report import session_report_markdown
from facilitation.store import Store
from facilitation.teamplan_export import plan_markdown
from facilitation.teams import Teams
from facilitation.werkvormen.arena import rules as ar
from facilitation.werkvormen.base import Approve, DomainError, TextTooLong
from facilitation.werkvormen.dilemma import rules as dm
from facilitation.werkvormen.incident import rules as inc
from facilitation.werkvormen.quiz import rules as qz

from .helpers import FACILITATOR
from .test_contract import FIELDS as WERKVORM_FIELDS
from .test_contract import send
from .test_injection import FIELDS, PLAN_FIELDS, play, play_plan

HOSTILE_MARKDOWN = [
    '[klik](javascript:alert(1))',
    '![x](http://host/track.png)',
    '<img src=x onerror=alert(1)>',
    '<http://host/x>',
    '# kop',
    'a | b | c',
    '[ref]\n\n[ref]: http://host/',
    'regel\n# kop\n- ![x](http://host/t.png) | <b>vet</b>\n1. lijst',
    '`code` **vet** _schuin_ &lt;img&gt; \\[x\\](y)',
]
# What rendering our own Markdown may make: text structure, never links, images or HTML of someone else.
OWN_TAGS = frozenset({'p', 'h1', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'strong', 'em', 'br', 'table', 'thead'}) | {
    'tbody',
    'tr',
    'th',
    'td',
}
MARKER = 'Merkteken'


class Rendered(HTMLParser):
    """The tags and the visible text of rendered Markdown."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self.text.append(' ')

    def handle_endtag(self, tag: str) -> None:
        self.text.append(' ')

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def visible(self) -> str:
        return ' '.join(''.join(self.text).split())


def render(markdown: str) -> Rendered:
    """As a Markdown viewer shows it (markdown2, as NiceGUI's ui.markdown, with tables)."""
    return Rendered(markdown2.markdown(markdown, extras=['tables', 'fenced-code-blocks']))


def assert_literal(markdown: str, hostile: str, shown: bool) -> None:
    rendered = render(markdown)
    foreign = [(tag, attrs) for tag, attrs in rendered.tags if tag not in OWN_TAGS or attrs]
    assert not foreign, f'{hostile!r} made {foreign} in\n{markdown}'
    if shown:
        assert ' '.join(hostile.split()) in rendered.visible(), f'{hostile!r} not shown as typed in\n{markdown}'


def _session_field(field: str) -> Callable[[Store, str], None]:
    def fill(store: Store, text: str) -> None:
        play(store, field, text)

    return fill


SESSION_FIELDS = {field: _session_field(field) for field in FIELDS}


def _team_and_checklist(command: Callable[[str], se.SessionCommand]) -> Callable[[Store, str], None]:
    def fill(store: Store, text: str) -> None:
        room, _ = Rooms(store).create('Werkoverleg', team='Team Balie')
        room.execute(FACILITATOR, se.AddActivity('statements', 'S', {'statements': [{'text': 'A'}]}))
        room.execute(FACILITATOR, command(text))

    return fill


SESSION_FIELDS['team name'] = _team_and_checklist(lambda text: se.ChangeTeam(text))
SESSION_FIELDS['checklist'] = _team_and_checklist(lambda text: se.SetChecklist((text, 'Werkafspraken geformuleerd')))
EVERY_FIELD: dict[str, Callable[[Store, str], None]] = {
    **{f'sessie: {field}': fill for field, fill in SESSION_FIELDS.items()},
    **{
        f'{kind}: {field}': lambda store, text, kind=kind, field=field: send(store, kind, field, text)
        for kind, field in WERKVORM_FIELDS
    },
    **{f'teamplan: {field}': lambda store, text, field=field: play_plan(store, field, text) for field in PLAN_FIELDS},
}


def bring_to_the_outcome(store: Store) -> None:
    """What a facilitator does next so that the typed text reaches the outcome: a quiz card asked or set aside, a
    planned or outer-ring question asked, a dilemma chosen, an entry from a phone approved (refusals are skipped)."""
    rooms = Rooms(store)
    rooms.load()
    for room in rooms.all():
        for activity in list(room.state.activities.values()):
            state = activity.state
            steps: list[object] = []
            if activity.kind == qz.KIND:
                answered = [qz.SubmitAnswer('', text='Antwoord'), qz.Judge(True), qz.CloseAgreement(), qz.CloseSteal()]
                steps = [*answered, qz.AskCard('c2'), *answered]
            elif activity.kind == ar.KIND:
                steps = [ar.AskQuestion()]
                for question in list(state.outer):
                    steps += [ar.EndQuestion(), ar.Approve(question), ar.PickQuestion(question)]
            elif activity.kind == dm.KIND:
                steps = [dm.Approve(entry) for entry in list(state.entries)]
                for dilemma in list(state.submissions):
                    steps += [dm.Approve(dilemma), dm.GoToStep('kiezen'), dm.ChooseDilemma(dilemma)]
            elif activity.kind == inc.KIND:
                steps = [Approve(cause.id) for cause in state.held()]
            for step in steps:
                with contextlib.suppress(DomainError):
                    room.execute(FACILITATOR, se.ForActivity(activity.id, step))  # type: ignore[arg-type]


def downloads(store: Store) -> list[str]:
    """Every Markdown file the store's sessions and plans give: summary and report (en, nl) and team plans."""
    rooms, teams = Rooms(store), Teams(store)
    rooms.load()
    teams.load()
    files = []
    for room in rooms.all():
        plan = teams.for_name(room.state.team) if room.state.team else None
        for lang in ('nl', 'en'):
            files.append(summary_markdown(room.state, lang))
            files.append(session_report_markdown(room.state, plan.state if plan else None, lang, now=0.0))
    files += [plan_markdown(plan.state, date(2025, 3, 10)) for plan in teams.all()]
    return files


def filled(fill: Callable[[Store, str], None], text: str) -> list[str] | None:
    """The downloads after `text` went into the field; None when the field refused it for its length."""
    store = Store(':memory:')
    try:
        fill(store, text)
    except TextTooLong:
        return None
    bring_to_the_outcome(store)
    try:
        return downloads(store)
    finally:
        store.close()


@pytest.mark.parametrize('field', list(EVERY_FIELD))
@pytest.mark.parametrize('hostile', HOSTILE_MARKDOWN)
def test_hostile_markdown_in_any_field_is_literal_text_in_every_markdown_download(field: str, hostile: str) -> None:
    fill = EVERY_FIELD[field]
    plain = filled(fill, MARKER)
    assert plain is not None
    files = filled(fill, hostile)
    if files is None:
        return  # the field refused this text for its length: nothing of it can reach a download
    for plain_file, file in zip(plain, files, strict=True):
        assert_literal(file, hostile, shown=MARKER in plain_file and '\n' not in hostile)


NOT_IN_A_DOWNLOAD = {
    'trendanalyse: afdeling',  # the console's choice: a file names the afdeling of each figure shown
    'statements: statement note',  # the facilitator's own crib note
    'sessie: participant name',  # people appear as counts only
    'quiz: quiz option',  # a wrong option: only the right answer is written
    'quiz: quiz note',
    'quiz: quiz answer on the phone',  # the outcome is written, not what was answered
    'quiz: quiz answer given aloud',
    'dilemma: intuitive judgement',  # private to the phone
    'dilemma: evaluation',  # one look back: below the minimum to show
    'lagerhuis: lagerhuis name of someone standing up without a phone',  # the queue is not written, only counts
    'leerdoelwijzer: learning goal',  # a person's own: only in their own file, on their own phone
    'leerdoelwijzer: own topic',
    'ontwikkelmatrix: learning goal',
    'ontwikkelmatrix: own topic',
}


def test_every_other_field_reaches_a_markdown_download() -> None:
    """The literal-text test above proves something only for a field whose text is in a download."""
    exported = {field for field, fill in EVERY_FIELD.items() if any(MARKER in f for f in filled(fill, MARKER) or [])}
    assert exported == set(EVERY_FIELD) - NOT_IN_A_DOWNLOAD


@pytest.mark.parametrize('hostile', HOSTILE_MARKDOWN)
def test_hostile_markdown_in_a_plan_item_from_the_session_is_literal_text_in_the_report(hostile: str) -> None:
    store = Store(':memory:')
    room, _ = Rooms(store).create('Werkoverleg', team='Team Balie')
    origin = tp.Origin(session_code=room.code, session_name=hostile, werkvorm='dilemma', source_text=hostile)
    plan = tp.State()
    plan.items['p1'] = tp.Item('p1', tp.Kind.WERKAFSPRAAK, hostile, result=hostile, owner=hostile, origin=origin)
    for lang in ('nl', 'en'):
        assert_literal(session_report_markdown(room.state, plan, lang, now=0.0), hostile, shown='\n' not in hostile)
    store.close()
