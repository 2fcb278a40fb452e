"""Teamplan bespreken's outcome is the plan itself: what changed is in the team's plan, so its part of the summary
and the report says so (the report lists what went into the plan), and it offers nothing more to the plan."""

from __future__ import annotations

from ...i18n import translate
from ...session import Activity, SessionState
from ..outcome import Offer, Outcome, Paragraph, Said


def outcome(activity: Activity, session: SessionState, lang: str) -> Outcome:
    reviewed = Paragraph(translate(lang, 'rv.reviewed'))
    return Outcome((Said((reviewed,), report=(Paragraph(translate(lang, 'rv.report')),)),))


def offers(activity: Activity) -> tuple[Offer, ...]:
    return ()
