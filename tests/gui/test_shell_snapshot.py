"""``python -m app --snapshot DIR`` as a subprocess (offscreen): images and exit codes.

The success run uses ``--demo`` (the sandbox inside the child process); failure
runs point the child at this session's sandbox with a wrong password, and at a
dead address with a short load timeout. No run may print a traceback or leave
the password anywhere in its data dir.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.sandbox import SandboxServer
from app.ui.tab_loader import TABS
from tests.packaging.bundle_check import load

check_bundle = load()

ROOT = Path(__file__).resolve().parents[2]
KEYS = [key for key, _ in TABS]


def _run(
    args: list[str], tmp_path: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("VOIPMS_")}
    full_env.update({"QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path / "home")})
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=90,
    )


def _pngs(directory: Path) -> set[str]:
    return {p.name for p in directory.glob("*.png") if p.stat().st_size > 1000}


def test_demo_snapshot_succeeds(tmp_path: Path) -> None:
    shots = tmp_path / "shots"
    result = _run(["--demo", "--snapshot", str(shots)], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == ""
    # One picture per tab, and the routing editor in its own (TabBase.showcase).
    assert _pngs(shots) == {f"{key}.png" for key in KEYS} | {"numbers-edit.png"}
    # The machine-readable summary the bundle's smoke test reads: every tab, with data.
    assert check_bundle.summary_problems(shots, KEYS) == []


def test_wrong_password_fails_with_one_line_per_tab(tmp_path: Path, sandbox: SandboxServer) -> None:
    shots, data = tmp_path / "shots", tmp_path / "data"
    password = "wrong-but-secret-pw"
    result = _run(
        ["--api-url", sandbox.url, "--data-dir", str(data), "--snapshot", str(shots)],
        tmp_path,
        {"VOIPMS_API_USERNAME": sandbox.username, "VOIPMS_API_PASSWORD": password},
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert sorted(line.split(":")[0] for line in lines) == sorted(KEYS), result.stderr
    assert "Traceback" not in result.stderr
    assert _pngs(shots) == {f"{key}.png" for key in KEYS}
    # The summary says the same: an error for every tab, so the smoke check fails.
    problems = check_bundle.summary_problems(shots, KEYS)
    assert {p.split(":")[0] for p in problems if "shows no data" not in p} == set(KEYS)
    # Environment credentials leave no trace: not in settings, cache or log.
    files = [p for p in data.rglob("*") if p.is_file()]
    assert files and not [p for p in files if password.encode() in p.read_bytes()]
    assert sandbox.username not in (data / "settings.json").read_text()


def test_dead_server_fails_within_the_load_timeout(tmp_path: Path) -> None:
    shots = tmp_path / "shots"
    result = _run(
        [
            "--api-url",
            "http://127.0.0.1:9/api/v1/rest.php",
            "--data-dir",
            str(tmp_path / "data"),
            "--snapshot",
            str(shots),
            "--snapshot-timeout",
            "4",
        ],
        tmp_path,
        {"VOIPMS_API_USERNAME": "a@example.com", "VOIPMS_API_PASSWORD": "whatever-pw"},
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert {line.split(":")[0] for line in result.stderr.strip().splitlines()} == set(KEYS), (
        result.stderr
    )


def test_snapshot_without_credentials_does_not_wait_for_a_dialog(tmp_path: Path) -> None:
    result = _run(
        ["--data-dir", str(tmp_path / "data"), "--snapshot", str(tmp_path / "shots")], tmp_path
    )
    assert result.returncode == 1
    assert "no VoIP.ms credentials" in result.stderr


@pytest.mark.parametrize("flag", ["--version", "--help"])
def test_version_and_help(tmp_path: Path, flag: str) -> None:
    result = _run([flag], tmp_path)
    assert result.returncode == 0
    assert (
        ("Switchboard" in result.stdout) if flag == "--version" else ("--snapshot" in result.stdout)
    )
