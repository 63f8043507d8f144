"""The bundle smoke test's checks (``packaging/check_bundle.py``) on made-up outputs:
each problem it exists to catch makes it fail. The real snapshot's summary passes it
(``tests/gui/test_shell_snapshot.py``)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from app.ui.tab_loader import TABS
from tests.packaging.bundle_check import ROOT, load

check_bundle = load()
KEYS = [key for key, _ in TABS]


def _snapshot(directory: Path, **changes: dict[str, Any] | None) -> Path:
    """A snapshot folder as a good run writes it, with ``changes`` per tab key."""
    directory.mkdir()
    tabs = []
    for key, title in TABS:
        entry: dict[str, Any] | None = {
            "key": key, "title": title, "error": None, "png": f"{key}.png", "rows": 3,
        }
        if key in changes:
            entry = None if changes[key] is None else {**entry, **changes[key]}
        if entry is not None:
            tabs.append(entry)
        (directory / f"{key}.png").write_bytes(b"\x89PNG" + b"\0" * 9000)
    (directory / "summary.json").write_text(json.dumps({"tabs": tabs}))
    return directory


def test_a_good_snapshot_passes(tmp_path: Path) -> None:
    assert check_bundle.summary_problems(_snapshot(tmp_path / "s"), KEYS) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (None, "fax: missing from the summary"),
        ({"error": "Could not reach VoIP.ms"}, "fax: Could not reach VoIP.ms"),
        ({"rows": 0}, "fax: shows no data"),
        ({"png": "nothing.png"}, "fax: no picture (nothing.png)"),
    ],
)
def test_each_tab_problem_is_reported(
    tmp_path: Path, change: dict[str, Any] | None, expected: str
) -> None:
    problems = check_bundle.summary_problems(_snapshot(tmp_path / "s", fax=change), KEYS)
    assert problems == [expected]


def test_a_missing_summary_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "s").mkdir()
    [problem] = check_bundle.summary_problems(tmp_path / "s", KEYS)
    assert problem.startswith("no usable summary.json")


def _fake_bundle(tmp_path: Path) -> Path:
    """A folder laid out like PyInstaller 6's, with every data file copied in."""
    internal = tmp_path / "switchboard" / "_internal"
    shutil.copytree(ROOT / "resources", internal / "resources")
    (internal / "app" / "domain").mkdir(parents=True)
    shutil.copy(ROOT / "app" / "domain" / "catalog.json", internal / "app" / "domain")
    return tmp_path / "switchboard"


def test_a_bundle_with_every_data_file_passes(tmp_path: Path) -> None:
    assert check_bundle.missing_files(_fake_bundle(tmp_path)) == []


def test_a_missing_sample_or_catalog_is_reported(tmp_path: Path) -> None:
    bundle = _fake_bundle(tmp_path)
    (bundle / "_internal" / "resources" / "sandbox" / "fax" / "invoice_2291.pdf").unlink()
    (bundle / "_internal" / "app" / "domain" / "catalog.json").write_text("{}")
    assert check_bundle.missing_files(bundle) == [
        "differs in the bundle: app/domain/catalog.json",
        "missing from the bundle: resources/sandbox/fax/invoice_2291.pdf",
    ]


def test_no_executable_is_reported_without_running_anything(tmp_path: Path) -> None:
    [problem] = check_bundle.check(tmp_path / "nothing")
    assert problem.startswith("no executable at")
