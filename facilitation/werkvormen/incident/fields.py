"""The incidentevaluatie's text fields (see werkvormen/fields.py). Each is probed as confirmed not to identify
anyone: the probes test what is kept, the detector has its own tests (tests/test_incident_pii.py)."""

from __future__ import annotations

from ..fields import TextField
from . import rules as inc

CAUSE = inc.AddCause('Het was druk aan de balie', confirmed=True)

FIELDS = {
    'description': TextField(
        lambda text: inc.Describe(text, text, text, 'balie', text, text, text, text, confirmed=True),
        before=(inc.GoToStep('beschrijven'),),
    ),
    'cause from a phone': TextField(
        lambda text: inc.AddCause(text, 'indirect', confirmed=True),
        by='p1',
        before=(inc.GoToStep('oorzaken'),),
        required=True,
    ),
    'cause from the console': TextField(
        lambda text: inc.AddCause(text, confirmed=True), before=(inc.GoToStep('oorzaken'),), required=True
    ),
    'edited cause': TextField(
        lambda text: inc.EditCause('c1', text, confirmed=True), before=(inc.GoToStep('oorzaken'), CAUSE), required=True
    ),
    'assessment': TextField(
        lambda text: inc.Assess(
            'c1',
            'ja',
            measure=text,
            owner='Teamleider',
            term='2027-03-01',
            plan_kind='escalatie',
            influence='Facilitaire dienst',
            action=text,
            helped=text,
            hindered=text,
            recurrence='middel',
            recurrence_why=text,
            confirmed=True,
        ),
        before=(inc.GoToStep('acties'), CAUSE),
    ),
}
