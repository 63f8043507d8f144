from __future__ import annotations

import json
from pathlib import Path

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
