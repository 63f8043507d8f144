"""The user's folders named without platformdirs on Linux are platformdirs' own.

``app.config.paths`` reads the XDG variables itself on Linux (importing
platformdirs costs ~5 ms of the start); a user's settings and cache must stay
where every earlier version put them, so each case is compared with platformdirs.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import platformdirs
import pytest

from app.config import paths
from app.config.paths import APP_NAME, AppPaths

XDG = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")

CASES = {
    "defaults under HOME": {"HOME": "/home/ann"},
    "HOME with a trailing slash": {"HOME": "/home/ann/"},
    "HOME is the root": {"HOME": "/"},
    "every XDG variable set": {
        "HOME": "/home/ann",
        "XDG_CONFIG_HOME": "/cfg",
        "XDG_DATA_HOME": "/data/x",
        "XDG_CACHE_HOME": "/tmp/cache",
        "XDG_STATE_HOME": "/st",
    },
    "empty and relative XDG variables are ignored": {
        "HOME": "/home/ann",
        "XDG_CONFIG_HOME": "",
        "XDG_DATA_HOME": "relative/data",
        "XDG_CACHE_HOME": " ",
        "XDG_STATE_HOME": "~/state",
    },
    "accents and spaces": {"HOME": "/home/Zoë Ångström", "XDG_CACHE_HOME": "/mnt/café cache"},
}


def _platformdirs() -> tuple[str, str, str, str]:
    dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
    return dirs.user_config_dir, dirs.user_data_dir, dirs.user_cache_dir, dirs.user_log_dir


@pytest.mark.skipif(sys.platform != "linux", reason="the XDG folders are Linux's")
@pytest.mark.parametrize("env", CASES.values(), ids=list(CASES))
def test_linux_folders_are_platformdirs_folders(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str]
) -> None:
    for name in XDG:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert paths._linux_dirs() is not None  # the fast path is the one compared
    assert paths.platform_dirs() == _platformdirs()
    default = AppPaths.platform_default()
    config, data, cache, log = _platformdirs()
    assert default.settings_file.parent.as_posix() == config
    assert default.database_file.parent.as_posix() == data
    assert default.cache_dir.as_posix() == cache
    assert default.log_file.parent.as_posix() == log


@pytest.mark.skipif(sys.platform != "linux", reason="the XDG folders are Linux's")
def test_an_unusual_home_is_left_to_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in XDG:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", "relative/home")
    assert paths._linux_dirs() is None
    monkeypatch.setenv("XDG_CONFIG_HOME", "/cfg")
    assert paths._linux_dirs() is None  # the other three still depend on HOME


@pytest.mark.skipif(sys.platform != "linux", reason="the XDG folders are Linux's")
def test_naming_the_folders_does_not_import_platformdirs() -> None:
    # A fresh interpreter: this one has platformdirs loaded already.
    script = textwrap.dedent(
        """
        import sys
        from app.config.paths import AppPaths
        AppPaths.resolve(None)
        print(sorted({"platformdirs", "tempfile", "random"} & set(sys.modules)))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60,
        env={"HOME": "/home/ann", "PATH": "/usr/bin:/bin"},
    ).stdout.strip()
    assert out == "[]"
