"""The app's XDG files (#17 point 2): launcher entry and icon under $XDG_DATA_HOME,
start at login under $XDG_CONFIG_HOME/autostart, all in temporary folders here."""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.ui import desktop_files

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    homes = {"HOME": tmp_path / "home", "XDG_DATA_HOME": tmp_path / "data",
             "XDG_CONFIG_HOME": tmp_path / "config"}
    for name, path in homes.items():
        monkeypatch.setenv(name, str(path))
    return homes


def _entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text(encoding="utf-8"))
    return dict(parser["Desktop Entry"])


def test_folders_follow_xdg_and_default_under_home(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path)}
    launcher = tmp_path / ".local/share/applications/switchboard.desktop"
    assert desktop_files.launcher_file(env) == launcher
    assert desktop_files.autostart_file(env) == tmp_path / ".config/autostart/switchboard.desktop"
    env |= {"XDG_DATA_HOME": "/x/data", "XDG_CONFIG_HOME": "relative/ignored"}
    icon = Path("/x/data/icons/hicolor/scalable/apps/switchboard.svg")
    assert desktop_files.icon_target(env) == icon
    assert desktop_files.autostart_file(env) == tmp_path / ".config/autostart/switchboard.desktop"


def test_install_writes_the_entry_and_icon_and_uninstall_removes_them(xdg: dict[str, Path]) -> None:
    written = desktop_files.install(["/opt/my apps/switchboard"])
    launcher = xdg["XDG_DATA_HOME"] / "applications" / "switchboard.desktop"
    icon = xdg["XDG_DATA_HOME"] / "icons/hicolor/scalable/apps/switchboard.svg"
    assert written == [launcher, icon]
    entry = _entry(launcher)
    assert entry["Exec"] == '"/opt/my apps/switchboard"'
    assert entry["Icon"] == "switchboard" and entry["StartupWMClass"] == "switchboard"
    assert icon.read_bytes() == (ROOT / "resources/icons/switchboard.svg").read_bytes()
    assert desktop_files.uninstall() == [launcher, icon]
    assert not launcher.exists() and not icon.exists()


def test_the_entry_matches_the_one_shipped_for_packagers(xdg: dict[str, Path]) -> None:
    desktop_files.install(["switchboard"])
    shipped = _entry(ROOT / "packaging" / "switchboard.desktop")
    assert _entry(xdg["XDG_DATA_HOME"] / "applications" / "switchboard.desktop") == shipped


def test_start_at_login_writes_and_removes_the_autostart_entry(xdg: dict[str, Path]) -> None:
    path = xdg["XDG_CONFIG_HOME"] / "autostart" / "switchboard.desktop"
    assert not desktop_files.autostart_enabled()
    desktop_files.set_autostart(True, ["/usr/bin/python3", "-m", "app"])
    assert desktop_files.autostart_enabled()
    entry = _entry(path)
    assert entry["Exec"] == "/usr/bin/python3 -m app"
    assert entry["X-GNOME-Autostart-enabled"] == "true"
    desktop_files.set_autostart(False)
    assert not path.exists() and not desktop_files.autostart_enabled()


@pytest.mark.parametrize(
    ("command", "line"),
    [
        (["/usr/bin/switchboard"], "/usr/bin/switchboard"),
        (["/home/zoë/a b/switchboard"], '"/home/zoë/a b/switchboard"'),
        (["/x/$HOME/50%"], '"/x/\\\\$HOME/50%%"'),
        (['/x/say "hi"'], '"/x/say \\\\"hi\\\\""'),
    ],
)
def test_exec_lines_are_quoted_as_the_spec_asks(command: list[str], line: str) -> None:
    assert desktop_files.exec_line(command) == line


def test_the_install_script_runs_as_make_install_desktop_runs_it(tmp_path: Path) -> None:
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "share")}
    command = [sys.executable, "-m", "app.ui.desktop_files", "install",
               "--exec", '"/opt/switch board/switchboard"']
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    launcher = tmp_path / "share/applications/switchboard.desktop"
    assert f"wrote {launcher}" in result.stdout
    assert _entry(launcher)["Exec"] == '"/opt/switch board/switchboard"'
