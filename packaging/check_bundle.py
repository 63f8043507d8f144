"""Smoke test of a built bundle: ``python packaging/check_bundle.py [dist/switchboard]``.

Runs the bundle's own executable with ``--demo --snapshot`` (offscreen) and fails
(exit 1, one line per problem) when:

* a file of the source tree's ``resources/`` or ``app/domain/catalog.json`` is
  missing from the bundle (the sandbox would quietly fall back to placeholder
  media, so the pictures alone would not show it);
* the run fails, prints a traceback, or its ``summary.json`` (``app/ui/snapshot.py``)
  lacks a tab of ``app/ui/tab_loader.py: TABS``, reports an error for one, shows
  no rows in one, or names a picture that is not there.

Used by ``make bundle-check`` (hence ``.ci/run``) and by the tests.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: A picture smaller than this is blank or broken (a real tab is ~30-90 kB).
MIN_PNG_BYTES = 5000


def expected_tabs() -> list[str]:
    sys.path.insert(0, str(ROOT))
    from app.ui.tab_loader import TABS  # imports nothing heavy: keys and titles

    return [key for key, _ in TABS]


def data_root(bundle: Path) -> Path:
    """Where PyInstaller 6 put the data files (``_internal`` beside the executable)."""
    internal = bundle / "_internal"
    return internal if internal.is_dir() else bundle


def missing_files(bundle: Path) -> list[str]:
    """Files the bundle must carry that it lacks (or carries truncated)."""
    problems = []
    wanted = [ROOT / "app" / "domain" / "catalog.json"]
    wanted += sorted(p for p in (ROOT / "resources").rglob("*") if p.is_file())
    inside = data_root(bundle)
    for source in wanted:
        relative = source.relative_to(ROOT)
        copy = inside / relative
        if not copy.is_file():
            problems.append(f"missing from the bundle: {relative}")
        elif copy.stat().st_size != source.stat().st_size:
            problems.append(f"differs in the bundle: {relative}")
    return problems


def summary_problems(snapshot_dir: Path, tabs: list[str]) -> list[str]:
    """What is wrong with a ``--snapshot`` run's output, by ``summary.json``."""
    path = snapshot_dir / "summary.json"
    try:
        summary = json.loads(path.read_text(encoding="utf-8"))
        entries = {entry["key"]: entry for entry in summary["tabs"]}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return [f"no usable {path.name}: {exc}"]
    problems = []
    for key in tabs:
        entry = entries.get(key)
        if entry is None:
            problems.append(f"{key}: missing from the summary")
            continue
        if entry.get("error"):
            problems.append(f"{key}: {entry['error']}")
        if not entry.get("rows"):
            problems.append(f"{key}: shows no data")
        png = snapshot_dir / str(entry.get("png"))
        if not png.is_file() or png.stat().st_size < MIN_PNG_BYTES:
            problems.append(f"{key}: no picture ({png.name})")
    return problems


def run_snapshot(executable: Path, snapshot_dir: Path, timeout: float = 180) -> list[str]:
    """Run the bundle with ``--demo --snapshot``; problems with the run itself."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("VOIPMS_API_USERNAME", None)
    env.pop("VOIPMS_API_PASSWORD", None)
    try:
        result = subprocess.run(
            [str(executable), "--demo", "--snapshot", str(snapshot_dir)],
            env=env, capture_output=True, text=True, timeout=timeout,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return [f"could not run {executable}: {exc}"]
    problems = []
    if result.returncode != 0:
        problems.append(f"{executable.name} --demo --snapshot exited {result.returncode}")
    if "Traceback" in result.stderr:
        problems.append("a traceback on stderr:\n" + result.stderr[-2000:])
    problems += [f"stderr: {line}" for line in result.stderr.splitlines() if line.strip()][:20]
    return problems


def check(bundle: Path) -> list[str]:
    executable = bundle / ("switchboard.exe" if sys.platform == "win32" else "switchboard")
    if not executable.is_file():
        return [f"no executable at {executable} (run `make bundle` first)"]
    problems = missing_files(bundle)
    with tempfile.TemporaryDirectory(prefix="switchboard-bundle-check-") as tmp:
        snapshot_dir = Path(tmp) / "snapshot"
        problems += run_snapshot(executable, snapshot_dir)
        problems += summary_problems(snapshot_dir, expected_tabs())
    return problems


def main(argv: list[str]) -> int:
    bundle = Path(argv[0]) if argv else ROOT / "dist" / "switchboard"
    problems = check(bundle)
    for problem in problems:
        print(f"check_bundle: {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"check_bundle: {bundle} shows every tab with its data")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
