"""The socket guard's bookkeeping: a person's pace is never limited, a flood is; offences are logged once per socket
and otherwise counted into an occasional summary."""

from __future__ import annotations

import logging

import pytest

from facilitation.ui.socket_guard import MESSAGE_BURST, Offences, admit_message


def test_a_person_tapping_fast_for_a_minute_is_never_limited() -> None:
    taps = [admit_message('person', t / 5) for t in range(5 * 60)]  # five messages a second, for a minute
    burst = [admit_message('quick-thumbs', 100.0) for _ in range(MESSAGE_BURST)]  # fifty at once
    assert all(taps) and all(burst)


def test_a_flood_is_limited_to_the_burst_and_then_to_the_rate() -> None:
    admitted = sum(admit_message('script', 0.0) for _ in range(1000))
    assert admitted == MESSAGE_BURST
    assert sum(admit_message('script', 1.0) for _ in range(1000)) == 20  # one second later: twenty more


def test_an_offence_is_logged_once_per_socket_and_the_rest_only_counted_in_a_rare_summary(
    caplog: pytest.LogCaptureFixture,
) -> None:
    offences = Offences(every=60.0, since=0.0)
    with caplog.at_level(logging.WARNING, logger='facilitation.ui.socket_guard'):
        for n in range(500):
            offences.report('a', 'malformed UI events', 'KeyError', n / 100)
        offences.report('b', 'malformed UI events', 'KeyError', 5.0)
        assert len(caplog.records) == 2  # one line for each socket, nothing for the 499 repeats yet
        offences.report('a', 'malformed UI events', 'KeyError', 61.0)
        offences.report('a', 'malformed UI events', 'KeyError', 62.0)
    assert len(caplog.records) == 3
    assert '500 × malformed UI events' in caplog.records[-1].getMessage()
