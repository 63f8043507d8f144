"""The layer rules of docs/CONTRACTS.md, checked on the source (AST) of app/**.

``domain <- api, store, config <- services <- ui <- __main__``; only ui imports
QtWidgets/QtGui; only api and sandbox import httpx / HTTP servers; only store
imports sqlite3; only config/secrets.py imports keyring; sandbox imports nothing
of the app but domain; Qt only in ui (services are plain asyncio). Imports under
``if TYPE_CHECKING:`` count too: a type-only dependency on a higher layer is
still a dependency of the design.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[2] / "app"

#: Which app packages each layer may import (besides itself).
ALLOWED: dict[str, set[str]] = {
    "domain": set(),
    "api": {"domain"},
    "store": {"domain"},
    "config": {"domain"},
    "sandbox": {"domain"},
    "services": {"domain", "api", "store", "config"},
    # The UI reaches data only through services: never the store or the API.
    "ui": {"domain", "config", "services"},
    "__main__": {"domain", "api", "store", "config", "services", "ui", "sandbox"},
}
# ``app/__init__.py`` (version, user agent) is importable by everyone, and so are
# the start-up helpers beside it, which import nothing of the app themselves:
# ``startup_timeline`` (bench phases) and ``compiled_cache`` (code Python would
# compile from source every start).
TOP_LEVEL_OK = {"app", "app.startup_timeline", "app.compiled_cache"}

HTTP_MODULES = {"httpx", "http.server", "socketserver", "aiohttp", "requests", "urllib.request"}


def layer_of(path: Path) -> str:
    rel = path.relative_to(APP)
    return rel.parts[0].removesuffix(".py") if len(rel.parts) > 1 else rel.stem


def imports_of(path: Path) -> Iterator[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module, node.lineno
            # ``from app import ui`` names a package in the alias
            if node.module == "app":
                for alias in node.names:
                    if alias.name in ALLOWED:
                        yield f"app.{alias.name}", node.lineno


def source_files() -> list[Path]:
    return sorted(p for p in APP.rglob("*.py") if "__pycache__" not in p.parts)


def violations(path: Path) -> list[str]:
    layer = layer_of(path)
    rel = path.relative_to(APP.parent).as_posix()
    found: list[str] = []
    for module, line in imports_of(path):
        where = f"{rel}:{line} imports {module}"
        top = module.split(".")[0]
        if top == "app" and module not in TOP_LEVEL_OK:
            target = module.split(".")[1]
            if target != layer and target not in ALLOWED.get(layer, set()):
                found.append(f"{where} (layer {layer} may not use {target})")
        widgets = module.startswith(("PySide6.QtWidgets", "PySide6.QtGui")) or module in (
            "PySide6.QtMultimediaWidgets",
            "PySide6.QtPdfWidgets",
        )
        if widgets and layer != "ui":
            found.append(f"{where} (only ui uses QtWidgets/QtGui)")
        if module.startswith("PySide6") and layer != "ui":
            found.append(f"{where} (Qt only in ui)")
        if (module in HTTP_MODULES or top == "httpx") and layer not in ("api", "sandbox"):
            found.append(f"{where} (HTTP only in api and sandbox)")
        if top == "sqlite3" and layer != "store":
            found.append(f"{where} (sqlite3 only in store)")
        if top == "keyring" and rel != "app/config/secrets.py":
            found.append(f"{where} (keyring only in config/secrets.py)")
    return found


@pytest.mark.parametrize("path", source_files(), ids=lambda p: p.relative_to(APP).as_posix())
def test_module_respects_layers(path: Path) -> None:
    assert violations(path) == []


def test_checker_catches_a_violation(tmp_path: Path) -> None:
    fake_app = tmp_path / "app"
    (fake_app / "store").mkdir(parents=True)
    bad = fake_app / "store" / "bad.py"
    bad.write_text(
        "import keyring\nfrom app.ui import feedback\nfrom PySide6.QtWidgets import QLabel\n"
    )
    global APP
    saved, APP = APP, fake_app
    try:
        found = violations(bad)
    finally:
        APP = saved
    assert len(found) == 4  # keyring, ui layer, QtWidgets, Qt outside ui
