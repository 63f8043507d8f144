"""tests/reference_samples.py reads the reference's print_r sample outputs as JSON."""

from __future__ import annotations

import base64

from app.domain.media_types import MediaKind, sniff
from tests.reference_samples import APP_READS, sample_output


def test_every_method_the_app_reads_has_a_sample() -> None:
    for method in APP_READS:
        sample = sample_output(method)
        assert sample["status"] == "success", method
        assert len(sample) > 1, method


def test_lists_objects_and_values() -> None:
    dids = sample_output("getDIDsInfo")["dids"]
    assert isinstance(dids, list) and dids[0]["did"] == "5551234567"
    assert dids[0]["smpp_user"] == ""  # "[smpp_user] =>" with nothing after it
    balance = sample_output("getBalance")["balance"]
    assert isinstance(balance, dict) and balance["current_balance"] == "112.192790"
    assert sample_output("getIP") == {"status": "success", "ip": "174.132.203.114"}


def test_irregular_samples_read_as_meant() -> None:
    # "[media] =>" then "(" with no "Array", values in single quotes.
    media = sample_output("getMediaMMS")["media"]
    assert media == ["https://voip.ms/media.php?map=MTU5MzUzMDcTk2NNUw==", "", ""]
    # A JSON string literal wrapped over lines, with "\/" escapes: an mp3 in base64.
    data = sample_output("getCallRecording")["base64file"]
    decoded = base64.b64decode("".join(data.split()) + "=" * (-len("".join(data.split())) % 4))
    found = sniff(decoded)
    assert found is not None and found.kind is MediaKind.AUDIO
    # The CDR's caller id keeps its quotes: "John Doe" <5551112222>.
    assert sample_output("getCDR")["cdr"][0]["callerid"] == '"John Doe" <5551112222>'


def test_copies_are_independent() -> None:
    first = sample_output("getSMS")
    first["sms"].clear()
    assert sample_output("getSMS")["sms"]
