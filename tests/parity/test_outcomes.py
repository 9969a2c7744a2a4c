"""The outcome vocabulary across services, for parity."""

from __future__ import annotations

from pinpoint_mock.parity import normalized
from pinpoint_mock.parity.outcomes import opted_out


def test_ses_words_mean_pinpoint_words() -> None:
    assert normalized("sesv2", "SUPPRESSED") == "OPT_OUT"
    assert normalized("sesv2", "BOUNCE") == "PERMANENT_FAILURE"
    assert normalized("sesv2", "DELIVERY_DELAY") == "TEMPORARY_FAILURE"
    assert normalized("sesv2", "SUCCESSFUL") == "SUCCESSFUL"


def test_pinpoint_and_sms_words_are_kept() -> None:
    assert normalized("pinpoint", "OPT_OUT") == "OPT_OUT"
    assert normalized("pinpoint-sms-voice-v2", "OPT_OUT") == "OPT_OUT"
    assert normalized("pinpoint", "BOUNCE") == "BOUNCE"  # only SES renames its words


def test_opted_out_needs_every_outcome_to_say_so() -> None:
    assert opted_out(("OPT_OUT",))
    assert not opted_out(("OPT_OUT", "SUCCESSFUL"))
    assert not opted_out(())
