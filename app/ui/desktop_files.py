"""The app's files on a Linux/BSD desktop (XDG): launcher entry, icon, autostart.

No Qt here: ``make install-desktop`` runs it as a script
(``python -m app.ui.desktop_files install|uninstall [--exec CMD]``) and the
settings dialog writes or removes the autostart entry through it.

* launcher: ``$XDG_DATA_HOME/applications/switchboard.desktop`` and the icon in
  ``$XDG_DATA_HOME/icons/hicolor/scalable/apps/switchboard.svg``
  (``XDG_DATA_HOME`` defaults to ``~/.local/share``);
* start at login: ``$XDG_CONFIG_HOME/autostart/switchboard.desktop``
  (``XDG_CONFIG_HOME`` defaults to ``~/.config``).

``StartupWMClass`` and the entry's name match ``QGuiApplication.setDesktopFileName``
(``app/ui/app.py``), so launchers and task bars put the window under this entry.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

DESKTOP_ID = "switchboard"
ENTRY_NAME = f"{DESKTOP_ID}.desktop"
ICON_NAME = f"{DESKTOP_ID}.svg"


def _home(environ: Mapping[str, str]) -> Path:
    return Path(environ.get("HOME") or Path.home())


def data_home(environ: Mapping[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    value = env.get("XDG_DATA_HOME", "")
    # The spec: a relative path is invalid and is ignored.
    return Path(value) if os.path.isabs(value) else _home(env) / ".local" / "share"


def config_home(environ: Mapping[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    value = env.get("XDG_CONFIG_HOME", "")
    return Path(value) if os.path.isabs(value) else _home(env) / ".config"


def launcher_file(environ: Mapping[str, str] | None = None) -> Path:
    return data_home(environ) / "applications" / ENTRY_NAME


def icon_target(environ: Mapping[str, str] | None = None) -> Path:
    return data_home(environ) / "icons" / "hicolor" / "scalable" / "apps" / ICON_NAME


def autostart_file(environ: Mapping[str, str] | None = None) -> Path:
    return config_home(environ) / "autostart" / ENTRY_NAME


def icon_file() -> Path | None:
    """The app icon shipped with this copy (bundle or checkout); ``None`` if absent."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    root = Path(frozen_root) if frozen_root else Path(__file__).resolve().parents[2]
    path = root / "resources" / "icons" / ICON_NAME
    return path if path.is_file() else None


def launch_command() -> list[str]:
    """How this copy of the app is started again (the bundle, the script, or python -m)."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    script = Path(sys.executable).with_name(DESKTOP_ID)
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-m", "app"]


def exec_line(command: Sequence[str]) -> str:
    """``Exec=`` value: arguments quoted as the Desktop Entry spec asks."""

    def quote(arg: str) -> str:
        if arg and not any(ch in arg for ch in ' \t\n"\'\\><~|&;$*?#()`%'):
            return arg
        escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`")
        escaped = escaped.replace("$", "\\$").replace("%", "%%")
        # The spec escapes backslashes once more for the string type of the key.
        return '"' + escaped.replace("\\", "\\\\") + '"'

    return " ".join(quote(arg) for arg in command)


def desktop_entry(command: Sequence[str], *, autostart: bool = False) -> str:
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Name=Switchboard",
        "GenericName=VoIP.ms phone system manager",
        "Comment=Voicemail, texts, faxes, numbers and balance of a VoIP.ms account",
        f"Exec={exec_line(command)}",
        f"Icon={DESKTOP_ID}",
        "Terminal=false",
        "Categories=Network;Telephony;Office;",
        f"StartupWMClass={DESKTOP_ID}",
    ]
    if autostart:
        lines += ["X-GNOME-Autostart-enabled=true", "NoDisplay=true"]
    return "\n".join(lines) + "\n"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def install(
    command: Sequence[str] | None = None, environ: Mapping[str, str] | None = None
) -> list[Path]:
    """Write the launcher entry and the icon; the paths written."""
    written = [launcher_file(environ)]
    _write(written[0], desktop_entry(command or launch_command()))
    icon = icon_file()
    if icon is not None:
        target = icon_target(environ)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(icon.read_bytes())
        written.append(target)
    return written


def uninstall(environ: Mapping[str, str] | None = None) -> list[Path]:
    removed = []
    for path in (launcher_file(environ), icon_target(environ), autostart_file(environ)):
        if path.exists():
            path.unlink()
            removed.append(path)
    return removed


def autostart_enabled(environ: Mapping[str, str] | None = None) -> bool:
    return autostart_file(environ).is_file()


def set_autostart(
    enabled: bool, command: Sequence[str] | None = None, environ: Mapping[str, str] | None = None
) -> None:
    """Start at login on or off (raises ``OSError`` when the folder is not writable)."""
    path = autostart_file(environ)
    if enabled:
        _write(path, desktop_entry(command or launch_command(), autostart=True))
    elif path.exists():
        path.unlink()


def main(argv: Sequence[str] | None = None) -> int:
    import argparse  # only the script needs these; the app imports this module at start-up
    import shlex

    parser = argparse.ArgumentParser(prog="python -m app.ui.desktop_files")
    parser.add_argument("action", choices=("install", "uninstall"))
    parser.add_argument("--exec", dest="command", help="the command the launcher runs")
    args = parser.parse_args(argv)
    if args.action == "install":
        command = shlex.split(args.command) if args.command else None
        for path in install(command):
            print(f"wrote {path}")
    else:
        for path in uninstall():
            print(f"removed {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
