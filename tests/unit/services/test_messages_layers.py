"""The Messages feature's own layer rules (issue #12), beside tests/unit/test_layers.py:
the tab asks its service for every read model and never imports the store, and the
service package imports no Qt at all."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[3] / "app"
TAB = sorted((APP / "ui" / "tabs" / "messages").glob("*.py"))
SERVICE = sorted((APP / "services" / "messages").glob("*.py"))


def _imports(path: Path) -> list[str]:
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
    return found


@pytest.mark.parametrize("path", TAB, ids=lambda p: p.name)
def test_the_tab_never_imports_the_store(path: Path) -> None:
    assert [m for m in _imports(path) if m == "app.store" or m.startswith("app.store.")] == []


@pytest.mark.parametrize("path", SERVICE, ids=lambda p: p.name)
def test_the_service_imports_no_qt(path: Path) -> None:
    assert [m for m in _imports(path) if m.split(".")[0] == "PySide6"] == []


def test_both_lists_are_found() -> None:
    assert len(TAB) > 5 and len(SERVICE) > 5
