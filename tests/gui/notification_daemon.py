"""A real notification daemon for tests: dunst on a private D-Bus session bus and Xvfb.

``notification_daemon`` (a fixture) starts ``dbus-daemon --session``, ``Xvfb``
and ``dunst -print`` (which prints every notification it receives), and stops
them afterwards. Without those programs the tests skip, saying which is missing;
``make test`` installs them (``test-deps``, as root), and ``.ci/run`` sets
``SWITCHBOARD_REQUIRE_NOTIFY_DAEMON=1``: there a missing one fails the run.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.gui.app_process import wait_for

PROGRAMS = ("dbus-daemon", "dbus-send", "Xvfb", "dunst", "dunstctl")
#: A session bus of our own, without the system's service files: nothing on it is
#: started on demand (dunst's own service file would start a second dunst).
BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={tmp}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""
#: Nothing of the user's dunstrc. Markup on, as most desktops' daemons have it:
#: dunst then says "body-markup" and the notifier must escape outside text.
DUNSTRC = """[global]
    font = DejaVu Sans 9
    markup = full
"""


class NotificationDaemon:
    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.address = ""
        self.display = ""
        self.output = tmp / "dunst.out"
        self._processes: list[subprocess.Popen[str]] = []

    def start(self) -> None:
        bus_config = self.tmp / "bus.conf"
        bus_config.write_text(BUS_CONFIG.format(tmp=self.tmp))
        bus = self._spawn(["dbus-daemon", f"--config-file={bus_config}", "--nofork",
                           "--print-address=1"])
        assert bus.stdout is not None
        self.address = bus.stdout.readline().strip()
        xvfb = self._spawn(["Xvfb", "-displayfd", "1", "-screen", "0", "640x480x24",
                            "-nolisten", "tcp"])
        assert xvfb.stdout is not None
        self.display = ":" + xvfb.stdout.readline().strip()
        config = self.tmp / "dunstrc"
        config.write_text(DUNSTRC)
        with self.output.open("w") as out:
            dunst = subprocess.Popen(["dunst", "-print", "-config", str(config)], env=self.env(),
                                     stdout=out, stderr=subprocess.STDOUT, text=True)
        self._processes.append(dunst)
        owned = wait_for(lambda: self._name_owned(), timeout=20)
        assert owned, f"dunst did not take the notification service: {self.printed()}"

    def env(self) -> dict[str, str]:
        return {**os.environ, "DBUS_SESSION_BUS_ADDRESS": self.address, "DISPLAY": self.display}

    def _spawn(self, command: list[str]) -> subprocess.Popen[str]:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                   text=True, env=self.env())
        self._processes.append(process)
        return process

    def _name_owned(self) -> bool:
        result = subprocess.run(
            ["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
             "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner",
             "string:org.freedesktop.Notifications"],
            env=self.env(), capture_output=True, text=True, timeout=10,
        )
        return "boolean true" in result.stdout

    def printed(self) -> str:
        """Everything dunst printed: one block per notification it received."""
        return self.output.read_text(errors="replace") if self.output.exists() else ""

    def invoke_default_action(self) -> None:
        """What a click on the newest notification does: its "default" action."""
        subprocess.run(["dunstctl", "action", "0"], env=self.env(), check=True, timeout=10)

    def pause(self) -> None:
        """Freeze dunst (SIGSTOP): a notification server that does not answer."""
        self._processes[-1].send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        self._processes[-1].send_signal(signal.SIGCONT)

    def stop(self) -> None:
        self.resume()
        for process in reversed(self._processes):
            process.terminate()
        for process in self._processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest.fixture
def notification_daemon(tmp_path: Path) -> Iterator[NotificationDaemon]:
    missing = [name for name in PROGRAMS if shutil.which(name) is None]
    if missing and os.environ.get("SWITCHBOARD_REQUIRE_NOTIFY_DAEMON") == "1":
        pytest.fail(f"CI must have {', '.join(missing)} (`make test-deps` as root)")
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (apt-get install dunst dbus-x11 xvfb; "
                    "`make test` installs them)")
    daemon = NotificationDaemon(tmp_path)
    try:
        daemon.start()
        yield daemon
    finally:
        daemon.stop()
