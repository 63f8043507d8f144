"""The password is masked in texts, log records and reprs."""

from __future__ import annotations

import logging

import pytest

from app.api.redact import MASK, Secret, install_log_filter, redact

PASSWORD = "p@ss w&rd/1"


def test_secret_never_shows_itself() -> None:
    secret = Secret(PASSWORD)
    assert PASSWORD not in repr(secret) and PASSWORD not in str(secret)
    assert secret.reveal() == PASSWORD
    assert not Secret("")


def test_redact_masks_query_values_and_encoded_forms() -> None:
    text = (
        "GET https://voip.ms/api/v1/rest.php?api_username=a&api_password=p%40ss+w%26rd%2F1"
        f"&method=getIP raw={PASSWORD} encoded=p%40ss%20w%26rd%2F1"
    )
    out = redact(text, PASSWORD)
    assert "api_password=" + MASK in out
    assert "p%40ss" not in out and PASSWORD not in out
    assert "api_username=a" in out and "method=getIP" in out


def test_log_filter_masks_httpx_request_lines(caplog: pytest.LogCaptureFixture) -> None:
    install_log_filter()
    install_log_filter()  # idempotent
    assert (
        sum(type(f).__name__ == "_RedactingFilter" for f in logging.getLogger("httpx").filters) == 1
    )
    caplog.set_level(logging.INFO, logger="httpx")
    logging.getLogger("httpx").info(
        'HTTP Request: %s %s "%s"', "GET", "https://x/?api_password=secret1&method=getIP", "200"
    )
    logging.getLogger("httpx").info("plain %(key)s", {"key": "value"})
    messages = [record.getMessage() for record in caplog.records]
    assert "secret1" not in messages[0] and "api_password=***" in messages[0]
    assert messages[1] == "plain value"
