"""A countdown that runs in the browser: no message per second to every phone.

Every page loads assets/static/countdown.js (see frame.py), which updates every `.countdown[data-left]`, so a
countdown also runs in a view that appears after the page was loaded (a script added then would not run).
The element carries the seconds left when it was sent (`data-left`) and counts down from when it arrived, so a
phone's own clock setting does not matter. A paused clock is plain text; the facilitator controls both.
"""

from __future__ import annotations

from html import escape

from nicegui import ui

from .frame import t


def countdown(
    deadline: float | None, left: float | None, now: float, css: str, *, soft: int = 0, overrun: bool = False
) -> None:
    """'Nog 0:45' counting down, 'Tijd gepauzeerd: nog 0:40', or nothing when there is no clock.

    `soft`: from this many seconds before the end the clock is marked as ending (a calm signal: its look changes
    and it says so, no sound). `overrun`: after the end it counts the time over ('+0:12 over tijd') instead of
    saying the time is up. Both come from the deadline in the log, so a reload or a restart shows the same."""
    if left is not None:
        seconds = int(left)
        ui.label(t('timer.paused', t=f'{seconds // 60}:{seconds % 60:02d}')).classes(f'countdown {css}').props(
            'role=timer'
        )
    elif deadline is not None:
        remaining = deadline - now
        extra = f' data-soft="{soft}" data-ending="{escape(t("timer.ending"))}"' if soft else ''
        if overrun:
            extra += f' data-overrun="{escape(t("timer.overrun"))}"'
        ui.html(
            f'<span class="countdown {css}" role="timer" data-left="{remaining:.1f}"{extra} '
            f'data-running="{escape(t("timer.left"))}" data-over="{escape(t("timer.over"))}"></span>',
            sanitize=False,
        )
