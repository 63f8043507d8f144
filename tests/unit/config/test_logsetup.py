from __future__ import annotations

import logging
from pathlib import Path

from app.config.logsetup import close_logging, redact, register_secret, setup_logging


def test_password_never_reaches_log_file(tmp_path: Path) -> None:
    log_file = tmp_path / "logs" / "app.log"
    setup_logging(log_file)
    try:
        register_secret("Hunter2-very-secret")
        log = logging.getLogger("test.redact")
        log.warning("login with %s", "Hunter2-very-secret")
        log.warning("url ?api_username=a&api_password=unregistered-pw&method=getIP")
        try:
            raise RuntimeError("boom Hunter2-very-secret")
        except RuntimeError:
            log.exception("failed")
    finally:
        close_logging()
    text = log_file.read_text()
    assert "Hunter2-very-secret" not in text
    assert "unregistered-pw" not in text
    assert text.count("********") >= 3


def test_redact_json_shape() -> None:
    assert "xyz" not in redact('{"api_password": "xyz"}')
