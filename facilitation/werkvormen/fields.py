"""The text a werkvorm accepts from people, declared once per werkvorm (its `fields.py`): which command carries it,
who sends it and how a room gets to the step where it can be typed. The contract suite sends hostile and over-long
text into every declared field of every registered werkvorm; a new werkvorm declares its fields and is probed too.

A room for a field: the activity added with `config` and started, two participants joined (`p1`, `p2`), the steps
in `before` given in order (a command is the facilitator's; a pair names who sends it, or finds them in the
activity's state), then the field's command sent by `by` (None: the facilitator).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

Sender = str | Callable[[Any], str] | None  # a participant id, or found in the activity's state; None: facilitator
Before = object | tuple[Sender, object]  # a facilitator's command, or (who, command)

PARTICIPANTS = ('p1', 'p2')


@dataclass(frozen=True)
class TextField:
    command: Callable[[str], object]  # the command carrying the text
    by: Sender = None
    config: Mapping[str, Any] = field(default_factory=dict)
    before: tuple[Before, ...] = ()
    required: bool = False  # whether empty text is refused (else: empty is a valid value)
