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
  const clock = (s) => Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
  for (const el of document.querySelectorAll('.countdown[data-left]')) {
    if (!el.dataset.since) el.dataset.since = Date.now() / 1000;
    const raw = parseFloat(el.dataset.left) - (Date.now() / 1000 - el.dataset.since);
    const left = Math.max(0, Math.ceil(raw));
    const soft = parseFloat(el.dataset.soft || '0');
    let text;
    if (left > 0) {
      const ending = soft > 0 && left <= soft;
      text = (ending ? el.dataset.ending : el.dataset.running).replace('{t}', clock(left));
      el.classList.toggle('ending', ending);
    } else if (el.dataset.overrun) {
      text = el.dataset.overrun.replace('{t}', clock(Math.floor(-raw)));
      el.classList.remove('ending');
      el.classList.add('overrun');
    } else {
      text = el.dataset.over;
    }
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
