"""What Switchboard keeps on disk is this user's alone (issue #13.13): folders 0700, files 0600."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

from app.config.logsetup import RotatingLogFile
from app.config.paths import AppPaths
from app.store.db import Database


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_data_folders_are_private_even_when_an_older_version_made_them_open(
    tmp_path: Path,
) -> None:
    paths = AppPaths.under(tmp_path / "data")
    paths.media_dir.mkdir(parents=True)
    paths.media_dir.chmod(0o755)  # as an older version (umask 022) left it
    paths.ensure()
    for folder in (paths.settings_file.parent, paths.database_file.parent, paths.media_dir,
                   paths.log_file.parent, paths.cache_dir):
        assert _mode(folder) == 0o700, folder


def test_the_log_file_is_private_and_stays_so_after_rolling_over(tmp_path: Path) -> None:
    log_file = tmp_path / "switchboard.log"
    log_file.write_text("old\n")
    log_file.chmod(0o644)
    handler = RotatingLogFile(log_file, max_bytes=200, backups=2)
    try:
        assert _mode(log_file) == 0o600
        record = logging.LogRecord("t", logging.INFO, __file__, 1, "x" * 150, None, None)
        for _ in range(4):
            handler.emit(record)
        assert (tmp_path / "switchboard.log.1").exists()  # it did roll over
        assert _mode(log_file) == 0o600
    finally:
        handler.close()


def test_the_cache_database_and_its_journal_are_private(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    db = Database.open(path)
    try:
        db.run_sync(lambda conn: conn.execute("CREATE TABLE t (x)"))
        assert _mode(path) == 0o600
        for journal in (tmp_path / "cache.sqlite3-wal", tmp_path / "cache.sqlite3-shm"):
            if journal.exists():
                assert _mode(journal) == 0o600, journal
    finally:
        db.close()
