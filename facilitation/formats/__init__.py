"""The werkvormen. Each is a pure module: state, commands, decide, evolve, projections; no UI and no SQL.

A new werkvorm is one module here plus its views; registering it in FORMATS makes sessions able to host it.
"""

from __future__ import annotations

from types import ModuleType

from . import arena, dilemma, lagerhuis, quiz, review, statements

FORMATS: dict[str, ModuleType] = {
    statements.KIND: statements,
    quiz.KIND: quiz,
    lagerhuis.KIND: lagerhuis,
    arena.KIND: arena,
    dilemma.KIND: dilemma,
    review.KIND: review,
}
