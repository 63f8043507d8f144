"""Keyboard use of the main window (issue #15 point 9): a "Go" menu of shortcuts.

Everything a mouse user reaches has a key, and the menu lists them (a QAction's
shortcut is shown beside its text):

* Ctrl+Tab / Ctrl+PgDown and Ctrl+Shift+Tab / Ctrl+PgUp switch tabs from
  anywhere, tables included (window-wide actions, not QTabWidget's own keys,
  which only work while the tab bar has the focus); Alt+1 ... Alt+6 go straight
  to one;
* Ctrl+F focuses the shown tab's search box (``TabBase.search_box``), Esc in
  a search box clears it and Down goes into what it found (``search_results``);
* Ctrl+N starts a new conversation (Messages), Ctrl+Shift+N a new fax
  (``TabBase.start_new``).

Tab inside the record tables moves to the next widget instead of the next cell
(``record_table``), so the toolbar is a few presses away.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QMenu, QWidget

from app.ui import after_paint
from app.ui.i18n import translate
from app.ui.tab_loader import TABS

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QKeySequence

    from app.ui.main_window import MainWindow
    from app.ui.tabs.base import TabBase


class Shortcuts(QObject):
    """The "Go" menu of ``window`` and the Esc-clears-search filter.

    The menu's title is in the first paint (``menu``, made by the window); its
    actions are added right after it (``app.ui.after_paint``): ``QAction`` and
    ``QKeySequence`` bring ~80 enum members and nothing shows them before.
    """

    def __init__(self, window: MainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.menu = menu
        self._filtered: set[int] = set()
        after_paint.after_first_paint(self._build_actions)

    def _build_actions(self) -> None:
        from PySide6.QtGui import QKeySequence

        self.next_tab = self._action(
            translate(
                "Shortcuts",
                "&Next tab",
            ), self._on_next_tab, QKeySequence("Ctrl+Tab"), QKeySequence("Ctrl+PgDown")
        )
        self.previous_tab = self._action(
            translate("Shortcuts", "&Previous tab"), self._on_previous_tab,
            QKeySequence("Ctrl+Shift+Tab"), QKeySequence("Ctrl+PgUp"),
        )
        # Straight to a tab, as Alt+1... in a browser: Ctrl+1... are the Numbers
        # tab's presets.
        self.go_to_tab = [
            self._action(translate("tabs", title), functools.partial(self._go_to, key),
                         QKeySequence(f"Alt+{number}"))
            for number, (key, title) in enumerate(TABS, start=1)
        ]
        self.menu.addSeparator()
        self.find = self._action(translate(
            "Shortcuts",
            "&Find in this tab",
        ), self._on_find, QKeySequence.StandardKey.Find)
        self.menu.addSeparator()
        self.new_conversation = self._action(
            translate(
                "Shortcuts",
                "New &conversation…",
            ), lambda: self._start_new("messages"), QKeySequence("Ctrl+N")
        )
        self.new_fax = self._action(
            translate(
                "Shortcuts",
                "New &fax…",
            ), lambda: self._start_new("fax"), QKeySequence("Ctrl+Shift+N")
        )
        self.window.tab_widget.currentChanged.connect(self._on_current_tab_changed)
        self._on_current_tab_changed()

    def _action(
        self, text: str, slot: Callable[[], object], *keys: QKeySequence | QKeySequence.StandardKey
    ) -> QAction:
        from PySide6.QtGui import QAction, QKeySequence

        action = QAction(text, self.window)
        sequences: list[QKeySequence] = []
        for key in keys:
            if isinstance(key, QKeySequence):
                sequences.append(key)
            else:
                sequences.extend(QKeySequence.keyBindings(key))
        action.setShortcuts(sequences)
        # Window-wide: a focused table or text box must not swallow them.
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.menu.addAction(action)
        return action

    # --- what the keys do ------------------------------------------------------------

    def current_tab(self) -> TabBase | None:
        return self.window.tabs.get(self.window.current_key())

    def _step(self, step: int) -> None:
        tabs = self.window.tab_widget
        if tabs.count():
            tabs.setCurrentIndex((tabs.currentIndex() + step) % tabs.count())
            self._into_current_tab()

    def _go_to(self, key: str) -> None:
        self.window.show_tab(key)
        self._into_current_tab()

    def _into_current_tab(self) -> None:
        """Into the tab's list, where the arrows pick a row at once (the tab itself
        took no key: Down did nothing until Tab found a control). Nothing is
        selected for the user: selecting marks a missed call seen, a fax read."""
        tab = self.current_tab()
        view = tab.main_list() if tab is not None else None
        if view is not None and view.isVisible() and view.isEnabled():
            view.setFocus(Qt.FocusReason.TabFocusReason)
            selection = view.selectionModel()
            if selection is not None and not selection.hasSelection():
                # Qt made the first row current (unmarked in our styles): Down would
                # then pick the second. With none current, Down picks the first.
                selection.clearCurrentIndex()
            return
        current = self.window.tab_widget.currentWidget()
        if current is not None:
            current.setFocus(Qt.FocusReason.TabFocusReason)

    def _on_next_tab(self) -> None:
        self._step(+1)

    def _on_previous_tab(self) -> None:
        self._step(-1)

    def _on_find(self) -> None:
        tab = self.current_tab()
        box = tab.search_box() if tab is not None else None
        if box is None:
            return
        self._watch(box)
        box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        box.selectAll()

    def _start_new(self, key: str) -> None:
        self.window.show_tab(key)
        self.window.tabs[key].start_new()

    def _on_current_tab_changed(self, *_: object) -> None:
        tab = self.current_tab()
        box = tab.search_box() if tab is not None else None
        self.find.setEnabled(box is not None)
        if box is not None:
            self._watch(box)

    # --- Esc clears a search -----------------------------------------------------------

    def _watch(self, box: QLineEdit) -> None:
        if id(box) not in self._filtered:
            self._filtered.add(id(box))
            box.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not (
            isinstance(watched, QLineEdit)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            return super().eventFilter(watched, event)
        # An empty box lets Esc do what it does elsewhere (close a popup, a dialog).
        if event.key() == Qt.Key.Key_Escape and watched.text():
            watched.clear()
            return True
        # Down goes from the box into what it found, as in a browser's address bar.
        if event.key() == Qt.Key.Key_Down:
            tab = self.current_tab()
            found = tab.search_results() if tab is not None else None
            if found is not None and found.isVisible() and _enter(found):
                return True
        return super().eventFilter(watched, event)


def _enter(view: QAbstractItemView) -> bool:
    """Focus ``view`` on its current row, or its first one that can be picked (not
    a heading); ``False`` when it has none."""
    model = view.model()
    if model is None:
        return False
    current = view.currentIndex()
    if not current.isValid():
        rows = (model.index(row, 0) for row in range(model.rowCount()))
        current = next((i for i in rows if i.flags() & Qt.ItemFlag.ItemIsSelectable), current)
        if not current.isValid():
            return False
        view.setCurrentIndex(current)
    view.setFocus(Qt.FocusReason.OtherFocusReason)
    return True


def chain_tab_order(*widgets: QWidget) -> None:
    """Tab visits ``widgets`` in this order (the order they are seen on screen).

    Widgets that take no keyboard focus by default (a toolbar's buttons) are
    given Tab focus: a control only a mouse can reach is a control some users
    cannot reach at all.
    """
    for widget in widgets:
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)
