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


def test_log_file_rotates_by_size_and_keeps_backups(tmp_path: Path) -> None:
    from app.config.logsetup import RotatingLogFile

    path = tmp_path / "app.log"
    handler = RotatingLogFile(path, max_bytes=200, backups=2)
    handler.setFormatter(logging.Formatter("%(message)s"))
    log = logging.getLogger("test.rotate")
    log.propagate = False
    log.addHandler(handler)
    try:
        for n in range(40):
            log.warning("line %02d %s", n, "x" * 20)
    finally:
        log.removeHandler(handler)
        handler.close()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["app.log", "app.log.1", "app.log.2"]  # older backups dropped
    current = path.read_text(encoding="utf-8")
    assert "line 39" in current
    # Each file stops growing at the first line written past the limit.
    for name in names:
        assert (tmp_path / name).stat().st_size < 200 + 40
    newest_backup = (tmp_path / "app.log.1").read_text(encoding="utf-8")
    first_current = int(current.split()[1])
    assert f"line {first_current - 1:02d}" in newest_backup


def test_phone_numbers_are_cut_to_their_last_four_digits() -> None:
    from app.config.logsetup import mask_numbers

    for shown in ("6175550142", "16175550142", "+1 617 555 0142", "(617) 555-0142",
                  "617.555.0142"):
        assert mask_numbers(f"From {shown}, again") == "From …0142, again", shown
    # Ids, dates, sub-accounts and long digit runs are not numbers of people.
    for kept in ("id 78081001", "2026-12-05 07:23:34", "284561_frontdesk", "1733380000000"):
        assert mask_numbers(kept) == kept


def test_private_text_is_logged_as_its_length(tmp_path: Path) -> None:
    from app.config.logsetup import private

    log_file = tmp_path / "app.log"
    setup_logging(log_file)
    try:
        logging.getLogger("test.private").warning("Question: %s (from 6175550142)",
                                                  private("Delete “See you at noon”?"))
    finally:
        close_logging()
    text = log_file.read_text()
    assert "Question: <25 characters> (from …0142)" in text
    assert "noon" not in text and "6175550142" not in text
