"""A countdown that runs in the browser: no message per second to every phone.

The element carries the seconds left when it was sent (`data-left`) and counts down from when it arrived, so a
phone's own clock setting does not matter. A paused clock is plain text; the facilitator controls both.
"""

from __future__ import annotations

from html import escape

from nicegui import ui

from .frame import t

SCRIPT = """<script>
setInterval(() => {
  for (const el of document.querySelectorAll('.countdown[data-left]')) {
    if (!el.dataset.since) el.dataset.since = Date.now() / 1000;
    const left = Math.max(0, Math.ceil(parseFloat(el.dataset.left) - (Date.now() / 1000 - el.dataset.since)));
    const text = left > 0 ? el.dataset.running.replace('{t}', Math.floor(left / 60) + ':' +
      String(left % 60).padStart(2, '0')) : el.dataset.over;
    if (el.textContent !== text) el.textContent = text;
  }
}, 500);
</script>"""


def countdown_script() -> None:
    """The script, once per page (a view may be re-made many times on the same page)."""
    client = ui.context.client
    if not getattr(client, 'has_countdown_script', False):
        ui.add_body_html(SCRIPT)
        client.has_countdown_script = True  # type: ignore[attr-defined]


def countdown(deadline: float | None, left: float | None, now: float, css: str) -> None:
    """'Nog 0:45' counting down, 'Tijd gepauzeerd: nog 0:40', or nothing when there is no clock."""
    if left is not None:
        seconds = int(left)
        ui.label(t('timer.paused', t=f'{seconds // 60}:{seconds % 60:02d}')).classes(f'countdown {css}').props(
            'role=timer'
        )
    elif deadline is not None:
        remaining = max(0.0, deadline - now)
        ui.html(
            f'<span class="countdown {css}" role="timer" data-left="{remaining:.1f}" '
            f'data-running="{escape(t("timer.left"))}" data-over="{escape(t("timer.over"))}"></span>',
            sanitize=False,
        )
