"""``switchboard --check``: every read once, one line per method, exit 0/1 (Qt-free).

Against the sandbox over real HTTP; the command line itself (``python -m app
--demo --check``, the large profile, no Qt imported) in a child process.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from app.config.secrets import Credentials, CredentialSource
from app.sandbox import SandboxServer
from app.services.check.cli import run_check
from app.services.check.shapes import shape_problem
from tests.reference_samples import APP_READS

ROOT = Path(__file__).resolve().parents[3]

#: What the app reads, each once: the lines --check prints.
EXPECTED_METHODS = APP_READS


def _check(sandbox: SandboxServer) -> tuple[int, list[str], str]:
    out, err = io.StringIO(), io.StringIO()
    credentials = Credentials(sandbox.username, sandbox.password, CredentialSource.SESSION)
    code = run_check(credentials, base_url=sandbox.url, provider_tz="America/New_York",
                     min_interval=0, out=out, err=err)
    return code, out.getvalue().splitlines(), err.getvalue()


def _line(lines: list[str], method: str) -> str:
    return next(line for line in lines if line.split()[0] == method)


def test_demo_account_passes_with_one_line_per_method(sandbox: SandboxServer) -> None:
    code, lines, err = _check(sandbox)
    assert code == 0, "\n".join(lines)
    assert [line.split()[0] for line in lines] == EXPECTED_METHODS
    assert all(line.split()[1] in ("ok", "empty") for line in lines)
    assert "getSMS" in _line(lines, "getSMS") and "rows)" in _line(lines, "getSMS")
    # Nothing but reads went out, and the password is printed nowhere.
    assert {r.method for r in sandbox.request_log} <= set(EXPECTED_METHODS)
    assert all(r.method.startswith("get") for r in sandbox.request_log)
    assert sandbox.password not in err + "\n".join(lines)
    assert "37 reads: all answered as expected." in err


def test_an_empty_account_is_empty_not_a_failure(sandbox: SandboxServer) -> None:
    with sandbox.state.lock:
        sandbox.state.faxes.clear()
        sandbox.state.call_recordings.clear()
    code, lines, _ = _check(sandbox)
    assert code == 0
    assert _line(lines, "getFaxMessages").split()[1] == "empty"
    assert _line(lines, "getFaxMessagePDF").endswith("empty (no fax to read)")
    assert _line(lines, "getCallRecording").endswith("empty (no call recording to read)")


def test_a_status_answer_is_shown_raw_and_fails(sandbox: SandboxServer) -> None:
    # The last read, so the queue's pause after a rate limit delays nothing else.
    sandbox.faults.inject("rate_limit", count=5, methods="getDISAs")
    code, lines, err = _check(sandbox)
    assert code == 1
    assert _line(lines, "getDISAs").split()[1:3] == ["status", "api_limit_exceeded"]
    assert "1 with a problem (getDISAs)" in err


def test_a_server_error_is_no_answer_and_fails(sandbox: SandboxServer) -> None:
    sandbox.faults.inject("http_503", count=5, methods="getFaxFolders")
    code, lines, _ = _check(sandbox)
    assert code == 1
    line = _line(lines, "getFaxFolders")
    assert "no answer:" in line and "503" in line
    assert _line(lines, "getFaxMessages").split()[1] == "ok"  # the others still ran
    assert len(lines) == len(EXPECTED_METHODS)


def test_a_list_where_an_object_belongs_is_a_shape_problem(sandbox: SandboxServer) -> None:
    sandbox.state.canned_answers["getBalance"] = {
        "status": "success", "balance": [{"current_balance": "12.50"}],
    }
    sandbox.state.canned_answers["getCountries"] = {"status": "success", "countries": "CA,US"}
    code, lines, _ = _check(sandbox)
    assert code == 1
    assert _line(lines, "getBalance").endswith(
        "shape problem: 'balance' is a list where an object belongs"
    )
    assert "shape problem: 'countries' is a plain value (str) where a list belongs" in _line(
        lines, "getCountries"
    )


@pytest.mark.parametrize(("answer", "problem"), [
    ({"status": "success", "balance": {"current_balance": "1"}}, None),
    ({"status": "success"}, "none of 'balance' in the answer"),
    ({"status": "success", "balance": "12.5"}, "where an object belongs"),
])
def test_shape_rules(answer: dict[str, object], problem: str | None) -> None:
    found = shape_problem("getBalance", answer)
    assert (found is None) if problem is None else (found is not None and problem in found)


def test_known_live_shapes_are_no_problem() -> None:
    # One row as a bare object (API-NOTES.md) and the parser's alternative key.
    assert shape_problem("getVoicemailMessageFile", {"message": {"data": "x"}}) is None
    assert shape_problem(
        "getTimeConditions", {"timeconditions": []}, ("timecondition", "timeconditions")
    ) is None


def _cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(home)}
    return subprocess.run([sys.executable, "-X", "importtime", "-m", "app", *args], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("profile", ["demo", "large"])
def test_command_line_on_the_demo_and_large_profiles(profile: str, tmp_path: Path) -> None:
    done = _cli(tmp_path, "--demo", "--demo-profile", profile, "--check")
    assert done.returncode == 0, done.stdout + done.stderr[-2000:]
    assert [line.split()[0] for line in done.stdout.splitlines()] == EXPECTED_METHODS
    # Usable over SSH: nothing of Qt is imported on this path.
    imported = [line for line in done.stderr.splitlines() if line.startswith("import time:")]
    assert imported and not [line for line in imported if "PySide6" in line or "qasync" in line]


def test_command_line_without_credentials_says_so(tmp_path: Path) -> None:
    done = _cli(tmp_path, "--data-dir", str(tmp_path / "data"), "--check")
    assert done.returncode == 1
    assert "no VoIP.ms credentials" in done.stderr and done.stdout == ""


def test_the_password_comes_from_the_keyring_like_the_app(
    tmp_path: Path, memory_keyring: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.config.secrets import SecretStore
    from app.config.settings import Settings
    from app.services.check.cli import find_credentials

    monkeypatch.delenv("VOIPMS_API_USERNAME", raising=False)
    monkeypatch.delenv("VOIPMS_API_PASSWORD", raising=False)
    settings = Settings(path=tmp_path / "settings.json")
    assert find_credentials(settings) is None  # nobody signed in
    SecretStore().save("owner@example.com", "s3cret-pass")
    settings.api_username = "owner@example.com"
    found = find_credentials(settings)
    assert found is not None and found.password == "s3cret-pass"
    assert found.source is CredentialSource.KEYRING


def test_the_reference_sample_outputs_pass_except_its_placeholders(
    sandbox: SandboxServer,
) -> None:
    from tests.reference_samples import sample_output

    for method in EXPECTED_METHODS:
        sandbox.state.canned_answers[method] = sample_output(method)
    code, lines, _ = _check(sandbox)
    verdicts = {line.split()[0]: line.split(None, 1)[1] for line in lines}
    # The reference elides the voicemail file ("UklGRq...EA....") and prints a
    # sentence instead of the fax document: --check says so; every other sample
    # has the shape the app reads.
    assert verdicts.pop("getVoicemailMessageFile").startswith("no answer: VoIP.ms sent a damaged")
    assert verdicts.pop("getFaxMessagePDF").startswith("shape problem: the document is not a PDF")
    assert all(v.startswith("ok") for v in verdicts.values()), verdicts
    assert code == 1


def test_every_read_of_the_typed_api_is_checked() -> None:
    # The list must not rot: each get* method app/api/typed*.py calls is in it.
    import re

    called: set[str] = set()
    for path in (ROOT / "app" / "api").glob("typed*.py"):
        called |= set(re.findall(r'"(get[A-Z][A-Za-z]+)"', path.read_text(encoding="utf-8")))
    assert called == set(EXPECTED_METHODS)
