"""The network gone for the real app process (offscreen): ``python -m app`` pointed
at a closed loopback port, through the real shell (deferred client, keyring-free
environment credentials), takes its snapshots and says why each tab is not fresh.

Old code retried every list three times, one after another; now the first
refused connection turns the app offline and every other read stops at once.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

from app.ui.tab_loader import TABS
from tests.gui.app_process import ROOT, app_log


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])  # closed again when this returns


def test_the_app_started_offline_goes_offline_once_without_retrying(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if not k.startswith("VOIPMS_")}
    env.update({
        "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path / "home"),
        "VOIPMS_API_USERNAME": "a@example.com", "VOIPMS_API_PASSWORD": "whatever-pw",
    })
    result = subprocess.run(
        [sys.executable, "-m", "app", "--api-url",
         f"http://127.0.0.1:{_closed_port()}/api/v1/rest.php", "--data-dir", str(data),
         "--snapshot", str(tmp_path / "shots"), "--snapshot-timeout", "60"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=90,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = dict(line.split(": ", 1) for line in result.stderr.strip().splitlines())
    assert set(lines) == {key for key, _ in TABS}
    assert all(reason.startswith("Can't reach VoIP.ms.") for reason in lines.values()), lines
    log = app_log(data)
    assert log.count("cannot be reached") == 1  # one state for the whole app...
    assert "retry" not in log  # ...and no list retried into the dead network
