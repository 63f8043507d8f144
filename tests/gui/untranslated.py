"""Finding English on a French screen (#17.5): what a widget tree shows, and which of it
is one of our own English strings left untranslated.

"Our own English" is known from the code, not guessed from the words: every string
literal of ``app/`` (outside the sandbox, whose demo data stays English) that reads
like words, and the fixed parts of f-strings and ``.format`` templates. A visible
text fails when it *is* such a literal, or *contains* such a fixed part of two
words or more, and is not a French translation from the catalog (a few words read
the same in both languages: "Total", "Notes", "Message"; the catalog says so).
Caller names, numbers and message bodies from the sandbox are not in the code, so
they never fail.
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app"
TS = ROOT / "translations" / "switchboard_fr_CA.ts"

#: Strings that are not words: keys, object names, style properties, formats.
_NOT_WORDS = re.compile(r"^[\W\d_]*$|^[a-z0-9_.\-:/%]+$|^[A-Za-z]+[_.][\w.]+$")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%\d|%s|%d")
_WORD = re.compile(r"[A-Za-z]{2,}")


def _docstrings(tree: ast.AST) -> set[int]:
    ids: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def _pieces(text: str) -> list[str]:
    return [p.strip(" .,:;·—-()") for p in _PLACEHOLDER.split(text)]


@dataclass
class CodeStrings:
    """The English strings of the app's code."""

    whole: set[str] = field(default_factory=set)
    #: Fixed parts of f-strings / templates, two words or more.
    fragments: set[str] = field(default_factory=set)

    @classmethod
    def scan(cls) -> CodeStrings:
        found = cls()
        for path in APP.rglob("*.py"):
            if "sandbox" in path.relative_to(APP).parts or "__pycache__" in path.parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            skip = _docstrings(tree)
            for node in ast.walk(tree):
                if isinstance(node, ast.JoinedStr):
                    for part in node.values:
                        if isinstance(part, ast.Constant) and isinstance(part.value, str):
                            skip.add(id(part))
                            found._fragment(part.value)
                elif (isinstance(node, ast.Constant) and isinstance(node.value, str)
                      and id(node) not in skip):
                    found._literal(node.value)
        return found

    def _literal(self, text: str) -> None:
        text = text.strip()
        if _NOT_WORDS.match(text) or not _WORD.search(text) or "\n" in text.strip():
            return
        if _PLACEHOLDER.search(text):
            for piece in _pieces(text):
                self._fragment(piece)
        else:
            self.whole.add(text)
            self._fragment(text)

    def without(self, data: set[str]) -> CodeStrings:
        """Without the fixed parts that are also the demo account's data ("Washington, DC")."""
        return CodeStrings(self.whole, {f for f in self.fragments if f not in data})

    def _fragment(self, text: str) -> None:
        for piece in _pieces(text):
            if len(_WORD.findall(piece)) >= 2 and not _NOT_WORDS.match(piece):
                self.fragments.add(piece)


def french_texts(ts: Path = TS) -> set[str]:
    """Every translation in the catalog, placeholders replaced by nothing (pieces too)."""
    out: set[str] = set()
    for translation in ET.parse(ts).getroot().iter("translation"):
        forms = [f.text or "" for f in translation.iter("numerusform")] or [
            translation.text or ""
        ]
        for form in forms:
            out.add(form.strip())
    return out


def clean(text: str) -> str:
    """What the user reads: mnemonics (``&Save``) and elision marks out, spaces trimmed."""
    return re.sub(r"&(?!&)", "", text).replace("&&", "&").strip()


@dataclass(frozen=True)
class Shown:
    where: str
    text: str
    #: A cell of a list or table: it may hold the account's own data.
    cell: bool = False


def sandbox_strings() -> set[str]:
    """The string literals of the sandbox: the demo account's data (names, notes,
    server names...). A list cell equal to one is the account's data, even when
    our code happens to use the same word ("Fax" as a number's note)."""
    out: set[str] = set()
    for path in (APP / "sandbox").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                out.add(node.value.strip())
    return out


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return int(model.columnCount(parent))
    except TypeError:  # a list model: one column (columnCount is private there)
        return 1


def _model_texts(view: QAbstractItemView, where: str, rows: int = 60) -> Iterator[Shown]:
    model: QAbstractItemModel | None = view.model()
    if model is None:
        return
    for orientation in (Qt.Orientation.Horizontal,):
        for section in range(_columns(model, QModelIndex())):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.headerData(section, orientation, role)
                if isinstance(value, str):
                    yield Shown(f"{where} header {section}", value)

    def walk(parent: QModelIndex, depth: int) -> Iterator[Shown]:
        for row in range(min(model.rowCount(parent), rows)):
            for column in range(_columns(model, parent)):
                index = model.index(row, column, parent)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                             Qt.ItemDataRole.AccessibleTextRole):
                    value = model.data(index, role)
                    if isinstance(value, str):
                        yield Shown(f"{where} row {row} col {column}", value, cell=True)
            if depth < 3:
                yield from walk(model.index(row, 0, parent), depth + 1)

    yield from walk(QModelIndex(), 0)


def _menu_texts(menu: QMenu, where: str) -> Iterator[Shown]:
    yield Shown(f"{where} menu", menu.title())
    for action in menu.actions():
        yield Shown(f"{where} menu action", action.text())
        yield Shown(f"{where} menu action tip", action.toolTip())
        sub = action.menu()
        if isinstance(sub, QMenu) and sub is not menu:
            yield from _menu_texts(sub, f"{where} > {action.text()}")


def shown_texts(root: QWidget) -> Iterator[Shown]:
    """Every text a user can read in ``root`` and its children (hidden ones too:
    they show at some point), with where it was found."""
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        where = f"{type(widget).__name__}({widget.objectName() or ''})"
        if widget.isWindow():
            yield Shown(f"{where} title", widget.windowTitle())
        yield Shown(f"{where} tooltip", widget.toolTip())
        yield Shown(f"{where} what's this", widget.whatsThis())
        yield Shown(f"{where} accessible name", widget.accessibleName())
        for action in widget.actions():
            yield Shown(f"{where} action", action.text())
            yield Shown(f"{where} action tip", action.toolTip())
            menu = action.menu()
            if isinstance(menu, QMenu):
                yield from _menu_texts(menu, where)
        if isinstance(widget, QLabel):
            yield Shown(where, widget.text())
        elif isinstance(widget, QAbstractButton):
            yield Shown(where, widget.text())
            menu = getattr(widget, "menu", lambda: None)()
            if isinstance(menu, QMenu):
                yield from _menu_texts(menu, where)
        elif isinstance(widget, QGroupBox):
            yield Shown(where, widget.title())
        elif isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            yield Shown(f"{where} placeholder", widget.placeholderText())
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                yield Shown(f"{where} tab", widget.tabText(i))
                yield Shown(f"{where} tab tip", widget.tabToolTip(i))
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield Shown(f"{where} item", widget.itemText(i))
            if widget.isEditable() and widget.lineEdit() is not None:
                yield Shown(f"{where} placeholder", widget.lineEdit().placeholderText())
        elif isinstance(widget, QMenu):
            yield from _menu_texts(widget, where)
        if isinstance(widget, QAbstractItemView) and not isinstance(widget, QComboBox):
            yield from _model_texts(widget, where)


def untranslated(texts: Iterator[Shown], code: CodeStrings, french: set[str],
                 data: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """The English strings of our code among ``texts``, as ``where: text`` lines.

    ``data``: the demo account's own strings, ignored in list and table cells."""
    found: list[str] = []
    seen: set[tuple[str, str]] = set()
    for shown in texts:
        text = clean(shown.text)
        if not text or text in french or (shown.cell and text in data):
            continue
        english = text in code.whole or text.rstrip("…").strip() in code.whole
        if not english:
            english = any(_contains(text, fragment) for fragment in code.fragments)
        key = (shown.where.split("(")[0], text)
        if english and key not in seen:
            seen.add(key)
            found.append(f"{shown.where}: {text!r}")
    return found


def _contains(text: str, fragment: str) -> bool:
    if fragment not in text:
        return False
    return re.search(rf"(?<![A-Za-z]){re.escape(fragment)}(?![A-Za-z])", text) is not None
