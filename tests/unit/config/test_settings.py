from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from app.config.paths import AppPaths
from app.config.settings import Settings


def test_defaults_have_descriptions() -> None:
    described = Settings.describe()
    assert "api_username" in described
    assert described["lookup_ttl_days"][0] == 7
    assert all(text for _, text in described.values())
    # the password is never a setting
    assert not any("password" in name for name in described)


def test_round_trip_keeps_unknown_keys(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"api_username": "a@b.c", "future_option": [1, 2]}))
    settings = Settings.load(path)
    assert settings.api_username == "a@b.c"
    settings.low_balance_warning = 12.5
    settings.save()
    data = json.loads(path.read_text())
    assert data["future_option"] == [1, 2]
    assert data["low_balance_warning"] == 12.5
    assert Settings.load(path).low_balance_warning == 12.5


def test_wrong_types_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"lookup_ttl_days": "soon", "notifications": 1, "theme": "pink"}))
    settings = Settings.load(path)
    assert settings.lookup_ttl_days == 7
    assert settings.notifications is True
    assert settings.theme == "system"


def test_damaged_file_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json")
    settings = Settings.load(path)
    assert settings.api_username == ""
    assert not path.exists()
    assert (tmp_path / "settings.json.damaged").exists()
    settings.save()
    assert json.loads(path.read_text())["theme"] == "system"


def test_data_dir_puts_everything_under_it(tmp_path: Path) -> None:
    paths = AppPaths.resolve(tmp_path / "d")
    for p in (paths.settings_file, paths.database_file, paths.media_dir, paths.log_file):
        assert p.is_relative_to((tmp_path / "d").resolve())
    paths.ensure()
    assert paths.media_dir.is_dir() and paths.log_file.parent.is_dir()


def test_platform_default_is_outside_cwd() -> None:
    paths = AppPaths.resolve(None)
    assert "Switchboard" in str(paths.settings_file)


def test_accounts_do_not_share_a_cache(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path)
    a, b = paths.for_account("a@example.com"), paths.for_account("b@example.com")
    assert a.database_file != b.database_file and a.media_dir != b.media_dir
    assert paths.for_account(" A@example.com") == a
    assert "@" not in str(a.database_file)


def test_account_folder_names_stay_those_of_earlier_versions(tmp_path: Path) -> None:
    # The folder is named with CPython's built-in SHA-256 (not hashlib, which loads
    # OpenSSL before the first paint); existing users' caches must still be found.
    import hashlib

    account = AppPaths.under(tmp_path).for_account(" Owner@Example.com")
    slug = hashlib.sha256(b"owner@example.com").hexdigest()[:12]
    assert account.database_file.name == f"switchboard-{slug}.sqlite3"
    assert account.media_dir.name == slug


def test_out_of_range_values_fall_back_to_defaults_with_one_log_line(
    tmp_path: Path, caplog: Any
) -> None:
    """Hand-edited or corrupted values that overflowed timers and dates (issue #13.10)."""
    path = tmp_path / "settings.json"
    path.write_text(
        '{"lookup_ttl_days": 10000000000, "balance_refresh_minutes": 100000000,'
        ' "low_balance_warning": NaN, "voicemail_check_seconds": 1000000000000,'
        ' "fax_poll_seconds": -5, "messages_long_text": "both",'
        ' "provider_timezone": "Not/A_Zone", "fax_history_days": 30}'
    )
    with caplog.at_level(logging.WARNING, logger="app.config.settings"):
        settings = Settings.load(path)
    defaults = Settings()
    for name in ("lookup_ttl_days", "balance_refresh_minutes", "low_balance_warning",
                 "voicemail_check_seconds", "fax_poll_seconds", "messages_long_text",
                 "provider_timezone"):
        assert getattr(settings, name) == getattr(defaults, name), name
        assert sum(name in r.getMessage() for r in caplog.records) == 1, name
    assert settings.fax_history_days == 30  # a usable value is kept
    # What is used is what is saved: the dialog and the next start see the same.
    settings.save()
    assert json.loads(path.read_text())["lookup_ttl_days"] == defaults.lookup_ttl_days


def test_values_at_the_limits_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({
        "voicemail_check_seconds": 0, "messages_poll_seconds": 86400,
        "low_balance_warning": 0, "lookup_ttl_days": 365,
        "provider_timezone": "America/Toronto",
    }))
    settings = Settings.load(path)
    assert settings.voicemail_check_seconds == 0
    assert settings.messages_poll_seconds == 86400
    assert settings.low_balance_warning == 0.0
    assert settings.lookup_ttl_days == 365
    assert settings.provider_timezone == "America/Toronto"
