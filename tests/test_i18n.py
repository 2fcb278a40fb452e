"""Every text the interface asks for exists in Dutch and in English (a missing key would show as the bare key)."""

from __future__ import annotations

import re
from pathlib import Path

import facilitation.live  # noqa: F401 - imports every module that defines a refusal (session, ratelimit)
from facilitation.i18n import PLURAL, STRINGS, translate
from facilitation.werkvormen.base import DomainError
from facilitation.werkvormen.registry import WERKVORMEN

SOURCE = Path(__file__).parent.parent / 'facilitation'
LITERAL = re.compile(r"""\bt\(\s*'([a-z_]+\.[a-z0-9_.]+)'""")
PATTERN = re.compile(r"""\bt\(\s*f'([a-z_]+\.[a-z0-9_.]*)\{""")  # t(f'quiz.kind.{...}')


def test_every_string_has_dutch_and_english() -> None:
    missing = [key for key, (nl, en) in STRINGS.items() if not nl.strip() or not en.strip()]
    assert missing == []


def test_every_key_the_code_asks_for_exists() -> None:
    used = {key for path in SOURCE.rglob('*.py') for key in LITERAL.findall(path.read_text(encoding='utf-8'))}
    assert sorted(used - set(STRINGS)) == []


def test_every_family_of_keys_built_at_runtime_has_members() -> None:
    prefixes = {p for path in SOURCE.rglob('*.py') for p in PATTERN.findall(path.read_text(encoding='utf-8'))}
    assert prefixes and all(any(key.startswith(p) for key in STRINGS) for p in prefixes)


def test_every_refusal_has_a_message() -> None:
    errors = {DomainError, *_subclasses(DomainError)}
    assert len(errors) > 15  # the refusals of the session, the rate limit and every werkvorm are all here
    assert sorted(e.key for e in errors if e.key not in STRINGS) == []


def test_the_quiz_words_for_every_kind_step_outcome_and_reason_exist() -> None:
    quiz = WERKVORMEN['quiz'].rules
    keys = [f'quiz.kind.{k.value}' for k in quiz.Kind]
    keys += [f'quiz.phase.{s.value}' for s in quiz.Step] + [f'quiz.phase.{s.value}' for s in quiz.Stage]
    keys += [f'quiz.aside.{a.value}' for a in quiz.Aside]
    keys += [f'quiz.outcome.{r}' for r in ('correct', 'wrong', 'unknown', 'steal', 'steal_wrong', 'no_steal', 'agreed')]
    keys += ['quiz.outcome.half']
    assert [k for k in keys if k not in STRINGS] == []


def _subclasses(cls: type) -> set[type]:
    found = set(cls.__subclasses__())
    for sub in list(found):
        found |= _subclasses(sub)
    return found


def test_the_dilemma_words_for_every_step_category_column_field_and_kind_exist() -> None:
    dm = WERKVORMEN['dilemma'].rules
    keys = [f'dm.step.{s.value}' for s in dm.Step] + [f'dm.category.{c.value}' for c in dm.Category]
    keys += [f'dm.column.{c.value}' for c in dm.Column] + [f'dm.kind.{k.value}' for k in dm.AgreementKind]
    keys += [f'dm.field.{f}' for f in dm.FORMULATION] + [f'dm.deliberation.{f}' for f in dm.DELIBERATION]
    keys += [f'dm.criterion.{c}' for c in dm.CRITERIA] + [f'dm.hint.{c}' for c in (*dm.TABLE, *dm.GROUPS[1])]
    keys += [f'dm.phone.add.{cs[0].value}' for cs in dm.COLUMNS.values()] + [
        f'dm.entry.{cs[0].value}' for cs in dm.COLUMNS.values()
    ]
    assert [k for k in keys if k not in STRINGS] == []


def test_a_text_that_counts_has_its_form_for_one_and_for_more() -> None:
    """Plural forms live in one string ('1 deelnemer | {n} deelnemers'), picked by `n`: no '.one' keys beside it, and
    both forms in both languages say how many."""
    assert [key for key in STRINGS if key.endswith('.one')] == []
    counting = {key: texts for key, texts in STRINGS.items() if any(PLURAL in text for text in texts)}
    assert 'proj.joined' in counting
    for key, texts in counting.items():
        for text in texts:
            forms = text.split(PLURAL)
            assert len(forms) == 2, key
            assert '{n}' in forms[1], key


def test_the_form_follows_the_count_in_both_languages() -> None:
    assert [translate('nl', 'proj.joined', n=n) for n in (0, 1, 2)] == ['0 deelnemers', '1 deelnemer', '2 deelnemers']
    assert [translate('en', 'proj.joined', n=n) for n in (1, 12)] == ['1 participant', '12 participants']
    assert translate('nl', 'proj.more', n=1) == '+ 1 meer'  # one form: the same for every count
