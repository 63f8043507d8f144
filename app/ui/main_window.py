"""The main window: header with the balance, one tab per area, a status bar, menus.

It opens from the cache (each tab's ``load_cached``) and refreshes in the
background. It knows nothing about accounts or start-up: ``app/ui/app.py``
creates it with a ready ``AppServices`` and listens for ``closed`` /
``sign_out_requested``.

Signals:
    initial_load_finished(object): ``dict[key, error or None]`` once every tab's
        first refresh ended (used by ``--snapshot``).
    sign_out_requested(): the user chose Sign out / switch account.
    settings_requested(): the user opened the settings.
    closed(): the window has closed (tabs shut down, settings saved).
    first_painted(): the window's first paint has been flushed (start-up is over).
    first_paint_drawn(): the window is drawing its first frame (for the start-up
        benchmark's clock; ``first_painted`` follows once it is on screen).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.domain.errors import UserFacingError
from app.domain.models.balance import Balance
from app.services.gc_pause import freeze_long_lived
from app.ui import crash, dates, feedback, style
from app.ui.async_slot import async_slot
from app.ui.bridge import QtEventListener
from app.ui.i18n import localized, translate
from app.ui.keyboard import Shortcuts
from app.ui.plain_text import plain_tooltip
from app.ui.tab_loader import TABS, build_tab
from app.ui.tabs.base import TabBase
from app.ui.widgets.balance import BalanceWidget, format_money
from app.ui.widgets.connectivity_bar import ConnectivityBar
from app.ui.widgets.status_bar import SyncStatusBar
from app.ui.widgets.strips import HeaderBar

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QProgressBar, QPushButton

    from app.services.balance.service import BalanceService
    from app.services.connectivity.changes import LinkStatus
    from app.services.connectivity.service import ConnectivityService
    from app.services.root import AppServices

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    initial_load_finished = Signal(object)
    sign_out_requested = Signal()
    settings_requested = Signal()
    closed = Signal()
    first_painted = Signal()
    first_paint_drawn = Signal()

    def __init__(
        self,
        ctx: AppServices,
        balance: BalanceService,
        *,
        account_label: str,
        remember_geometry: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.balance = balance
        self.setWindowTitle(translate(
            "MainWindow",
            "Switchboard — {account_label}",
        ).format(account_label=account_label))
        self.resize(1100, 720)
        self.tabs: dict[str, TabBase] = {}
        self.load_errors: dict[str, str | None] = {}
        self._tasks: set[asyncio.Future[None]] = set()
        self._closing = False
        from app.ui.close_guard import CloseGuard

        self._close_guard = CloseGuard(self, ctx.sends)
        self._painted = False
        self._first_paint_done = False
        self._warned_low = False
        self._started = False
        self._start_requested = False
        #: A refresh of everything is running (Refresh everything, the first load,
        #: the one after VoIP.ms answers again): another one would only queue behind.
        self._refreshing_all = False
        self._connectivity: ConnectivityService | None = None

        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self._build_header(account_label))
        # Hidden until VoIP.ms cannot be reached; bound to the service with the
        # first network work (``connectivity``), after the first paint.
        self.connectivity_bar = ConnectivityBar(central)
        column.addWidget(self.connectivity_bar)
        self.tab_widget = QTabWidget(central)
        self.tab_widget.setDocumentMode(True)
        column.addWidget(self.tab_widget, 1)
        self.setCentralWidget(central)
        self._build_status_bar()
        # The menu titles are in the first paint; their actions and shortcuts are
        # added right after it (``_on_first_paint_done``): QAction, QKeySequence and
        # its ~70 standard keys cost ~2 ms of the start and nothing shows them yet.
        self._account_menu = self.menuBar().addMenu(translate("MainWindow", "&Account"))
        # Before Help, the last menu by convention; its actions: app/ui/keyboard.py.
        go_menu = self.menuBar().addMenu(translate("Shortcuts", "&Go"))
        self._help_menu = self.menuBar().addMenu(translate("MainWindow", "&Help"))
        self._menus_built = False
        self._build_tabs()
        # Keyboard shortcuts (a "Go" menu): app/ui/keyboard.py.
        self.shortcuts = Shortcuts(self, go_menu)
        self._remember_geometry = remember_geometry
        if remember_geometry:
            self._restore_geometry()

        self._balance_events = QtEventListener(self)
        self._balance_events.listen(balance.changed, self._on_balance_changed)
        self._balance_events.listen(balance.failed, self._on_balance_failed)
        self.balance_widget.refresh_requested.connect(self._on_balance_refresh_requested)
        if balance.balance is not None:
            self._on_balance_changed(balance.balance)

    # --- construction ----------------------------------------------------------------

    def _build_header(self, account_label: str) -> QFrame:
        header = HeaderBar(self)
        row = QHBoxLayout(header)
        row.setContentsMargins(16, 8, 16, 8)
        self.header_names = QWidget(header)
        names = QVBoxLayout(self.header_names)
        names.setContentsMargins(0, 0, 32, 0)  # the gap before the balance goes with them
        names.setSpacing(0)
        title = QLabel(translate("MainWindow", "Switchboard"), self.header_names)
        style.set_look(title, style.TITLE)
        self.account_label = QLabel(account_label, self.header_names)
        self.account_label.setTextFormat(Qt.TextFormat.PlainText)  # typed by the user
        style.set_look(self.account_label, style.MUTED)
        names.addWidget(title)
        names.addWidget(self.account_label)
        row.addWidget(self.header_names)
        self.balance_widget = BalanceWidget(header)
        row.addWidget(self.balance_widget, 1)
        header.make_room(self.header_names, self.balance_widget.comfortable_width)
        return header

    def _build_status_bar(self) -> None:
        self.status = SyncStatusBar(self)
        self.setStatusBar(self.status)
        # Short names used all over this class (and by tests).
        self.sync_label = self.status.sync_label
        self.error_label = self.status.error_label
        #: What the sync label says when no tab has something to say (#15.14).
        self._summary_text = self.sync_label.text()
        self._tab_status_shown = False

    @property
    def busy_bar(self) -> QProgressBar:
        return self.status.busy_bar  # built on first use (SyncStatusBar)

    @property
    def cancel_button(self) -> QPushButton:
        return self.status.cancel_button

    def _build_menus(self) -> None:
        """The menus' actions and shortcuts (once, right after the first paint)."""
        if self._menus_built:
            return
        self._menus_built = True
        from PySide6.QtGui import QKeySequence

        menu = self._account_menu
        self.refresh_action = self._action(
            menu, translate("MainWindow", "&Refresh"), self._on_refresh_triggered
        )
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_all_action = self._action(
            menu, translate("MainWindow", "Refresh &everything"), self._on_refresh_all_triggered
        )
        self.refresh_all_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        menu.addSeparator()
        self.settings_action = self._action(
            menu, translate("MainWindow", "&Settings…"), self.settings_requested.emit
        )
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.sign_out_action = self._action(
            menu, translate("MainWindow", "Sign &out / switch account…"),
                self._on_sign_out_triggered
        )
        menu.addSeparator()
        quit_action = self._action(menu, translate("MainWindow", "&Quit"), self.close)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        help_menu = self._help_menu
        self._action(
            help_menu, translate("MainWindow", "&About Switchboard"), self._on_about_triggered
        )

    @property
    def menus_built(self) -> bool:
        """Whether the menus' actions exist yet (they are added after the first paint)."""
        return self._menus_built

    def _action(self, menu: QWidget, text: str, slot: Callable[[], object]) -> QAction:
        from PySide6.QtGui import QAction

        action = QAction(text, self)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_tabs(self) -> None:
        """Only the tab on show is built before the first paint; the rest right after.

        Each tab module pulls in its own heavy parts (QtMultimedia, QtPdf, ...):
        importing all four first would make the window appear noticeably later.
        """
        keys = [key for key, _ in TABS]
        for _, title in TABS:
            self.tab_widget.addTab(QWidget(self.tab_widget), translate("tabs", title))
        current = self.ctx.settings.last_tab if self.ctx.settings.last_tab in keys else keys[0]
        self._materialize(current)
        self.tab_widget.setCurrentIndex(keys.index(current))
        self.tab_widget.currentChanged.connect(self._on_tab_widget_current_changed)

    def _materialize(self, key: str) -> TabBase:
        """Build the tab ``key`` (once) in its place in the tab bar."""
        if key in self.tabs:
            return self.tabs[key]
        keys = [k for k, _ in TABS]
        index = keys.index(key)
        title = TABS[index][1]
        tab = build_tab(self.ctx, key, title, self.tab_widget)
        self.tabs[key] = tab
        stand_in = self.tab_widget.widget(index)
        blocked = self.tab_widget.blockSignals(True)  # the current index must not jump
        current = self.tab_widget.currentIndex()
        self.tab_widget.removeTab(index)
        self.tab_widget.insertTab(index, tab, tab.title or title)
        self.tab_widget.setCurrentIndex(current)
        self.tab_widget.blockSignals(blocked)
        if stand_in is not None:
            stand_in.deleteLater()
        tab.badge_changed.connect(lambda n, k=key: self.set_badge(k, n))
        tab.status_message.connect(self._on_tab_status_message)
        try:
            tab.load_cached()
        except Exception as exc:  # the cache failing is a bug, but show the window anyway
            crash.report_bug(exc)
        return tab

    def ensure_all_tabs(self) -> None:
        for key, _ in TABS:
            self._materialize(key)
        # Keep ``tabs`` in display order (snapshots and refresh-all walk it).
        self.tabs = {key: self.tabs[key] for key, _ in TABS}

    def _on_tab_widget_current_changed(self, index: int) -> None:
        if 0 <= index < len(TABS):
            self._materialize(TABS[index][0])
        # What the tab left said ("No audio output device...") is not about this one.
        if self._tab_status_shown:
            self._on_tab_status_message("")

    def _on_tab_status_message(self, text: str) -> None:
        """A tab's word in the status bar; empty: back to the sync summary (#15.14)."""
        self._tab_status_shown = bool(text)
        self.sync_label.setText(text or self._summary_text)

    def _restore_geometry(self) -> None:
        saved = self.ctx.settings.window_geometry
        if saved:
            self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii")))

    # --- tabs ------------------------------------------------------------------------

    def set_badge(self, key: str, count: int) -> None:
        tab = self.tabs[key]
        index = self.tab_widget.indexOf(tab)
        if index >= 0:
            title = tab.title
            self.tab_widget.setTabText(index, translate(
                "MainWindow",
                "{title} ({count})",
            ).format(title=title, count=count) if count > 0 else title)

    def show_tab(self, key: str) -> None:
        self.tab_widget.setCurrentWidget(self._materialize(key))

    async def open_conversation(self, did: str, contact: str) -> None:
        """Show the Messages tab on the conversation with ``contact`` (text back)."""
        self.show_tab("messages")
        opener = getattr(self.tabs.get("messages"), "open_conversation", None)
        if opener is not None:
            await opener(did, contact)

    async def open_voicemail(self, key: tuple[str, str, int]) -> None:
        """Show the Voicemail tab on one message (a call's "Voicemail" link)."""
        self.show_tab("voicemail")
        opener = getattr(self.tabs.get("voicemail"), "open_message", None)
        if opener is not None:
            await opener(key)

    async def open_mailbox_settings(self, mailbox: str) -> None:
        """Show the Phones tab's settings of ``mailbox`` (from the Voicemail tab)."""
        self.show_tab("phones")
        opener = getattr(self.tabs.get("phones"), "mailbox_settings", None)
        if opener is not None:
            await opener(mailbox)

    def current_key(self) -> str:
        widget = self.tab_widget.currentWidget()
        return next((k for k, t in self.tabs.items() if t is widget), "")

    def start(self) -> None:
        """Build the other tabs and refresh everything, once the window has painted."""
        self._start_requested = True
        if self._painted or not self.isVisible():
            self._begin()

    def _begin(self) -> None:
        if self._started:
            return
        self._started = True
        self._build_menus()  # a window that never painted (minimised) gets them here
        self.connectivity()  # before the first request: it must see the first failure
        self._spawn(self._build_rest_then_load())
        self.balance.start()

    def connectivity(self) -> ConnectivityService:
        """The app's connectivity state, bound to the bar on first use (not before the
        first paint: the window paints from the cache without it)."""
        if self._connectivity is None:
            service = self._connectivity = self.ctx.connectivity
            if self.balance.fetched_at is not None:
                service.note_contact(self.balance.fetched_at)
            self.connectivity_bar.bind(service)
            self._balance_events.listen(service.restored, self._on_connectivity_restored)
            self._balance_events.listen(service.changed, self._on_connectivity_changed)
        return self._connectivity

    async def _build_rest_then_load(self) -> None:
        # One tab per turn of the event loop, so the window that just painted
        # stays responsive while the others (and their QtMultimedia / QtPdf
        # imports, ~20 ms each) are built.
        for key, _ in TABS:
            if key not in self.tabs:
                self._materialize(key)
                await asyncio.sleep(0)
        self.ensure_all_tabs()  # display order
        freeze_long_lived()  # the tabs live as long as the window (gc_pause)
        await self._initial_load()

    def paintEvent(self, event: QPaintEvent) -> None:
        # ``paintEvent``, not ``event()``: an ``event()`` override hands every event
        # to Python, and converting the first one builds the Python types of ~50
        # event classes (~1 ms of the start).
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_paint_drawn.emit()
            # After this paint has been flushed, not inside it.
            QTimer.singleShot(0, self._on_first_paint_done)

    @property
    def painted(self) -> bool:
        """Whether the first paint has happened (``first_painted`` was emitted)."""
        return self._first_paint_done

    def _on_first_paint_done(self) -> None:
        self._first_paint_done = True
        self._build_menus()
        self.first_painted.emit()
        if self._start_requested and not self._closing:
            self._begin()

    async def _initial_load(self) -> None:
        self.sync_label.setText(translate("MainWindow", "Refreshing from VoIP.ms…"))
        self._refreshing_all = True
        try:
            balance_task = asyncio.ensure_future(self._refresh_balance())
            results = await asyncio.gather(*(self._refresh_tab(key) for key in self.tabs))
            await balance_task
        finally:
            self._refreshing_all = False
        self.load_errors = dict(zip(self.tabs, results, strict=True))
        self._show_sync_summary()
        # The lookup lists (time zones, codecs, POPs, routing targets...) are fetched
        # now, in the background, not when the settings page first opens: so they are
        # there offline. After the tabs' load, so they never compete with it.
        if not self._closing:
            self.ctx.lookups.polling.start()
        self.initial_load_finished.emit(dict(self.load_errors))

    async def _refresh_tab(self, key: str) -> str | None:
        """Refresh one tab; returns ``None`` or the readable reason it failed."""
        from app.ui.operations import is_offline

        tab = self.tabs[key]
        try:
            await tab.refresh()
        except UserFacingError as exc:
            log.info("Refreshing %s failed: %s (%s)", key, exc.message, exc.detail)
            self.load_errors[key] = localized(exc.message)
            if not is_offline(exc):  # offline: the one bar says it, not every tab
                # Say it now; the summary after the last tab may be a while away.
                self.show_error(f"{tab.title}: {localized(exc.message)}")
            return exc.message
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            crash.report_bug(exc)
            self.load_errors[key] = translate("MainWindow", "internal error ({name})").format(
                name=type(exc).__name__
            )
            return self.load_errors[key]
        self.load_errors[key] = None
        return None

    async def _refresh_balance(self) -> None:
        self.balance_widget.set_busy(True)
        try:
            # Never raises a refusal: ``failed`` updates the header and status bar.
            await self.balance.check_now()
        finally:
            self.balance_widget.set_busy(False)

    def _show_sync_summary(self) -> None:
        failed = {k: e for k, e in self.load_errors.items() if e}
        stamp = dates.clock(datetime.now())
        self._tab_status_shown = False
        if failed and not self.connectivity().online:
            # The bar under the header says it once; the tabs show their saved data.
            offline = localized(_offline_message())
            failed = {k: e for k, e in failed.items() if e != offline}
            if not failed:
                self._summary_text = translate("MainWindow", "Showing saved data")
                self.sync_label.setText(self._summary_text)
                self.show_error("")
                return
        if not failed:
            self._summary_text = translate("MainWindow", "Up to date · {stamp}").format(stamp=stamp)
            self.sync_label.setText(self._summary_text)
            self.show_error("")
            return
        self._summary_text = translate(
            "MainWindow", "Refreshed at {stamp} with problems").format(stamp=stamp)
        self.sync_label.setText(self._summary_text)
        titles = {key: self.tabs[key].title for key in failed}
        first_key, first_error = next(iter(failed.items()))
        more = translate("MainWindow", " (and %n more)", "", len(failed) - 1) if len(
            failed) > 1 else ""
        self.show_error(f"{titles[first_key]}: {first_error}{more}")
        self.error_label.setToolTip(
            plain_tooltip("\n".join(f"{titles[k]}: {e}" for k, e in failed.items())))

    def show_error(self, text: str) -> None:
        """The last error, in the status bar; empty text clears it."""
        self.status.show_error(text)

    # --- busy host (used by app.ui.operations.run_operation) ---------------------------

    def begin_busy(self, text: str, cancel: Callable[[], None] | None) -> object:
        return self.status.begin_busy(text, cancel)

    def update_busy(self, token: object, done: int, total: int, text: str) -> None:
        self.status.update_busy(token, done, total, text)

    def end_busy(self, token: object) -> None:
        self.status.end_busy(token)

    # --- slots -----------------------------------------------------------------------

    def _on_balance_changed(self, balance: Balance) -> None:
        self.balance_widget.show_balance(
            balance, fetched_at=self.balance.fetched_at, threshold=self.balance.threshold,
            forecast=self.balance.forecast, short=self.balance.is_short(),
        )
        low = self.balance.is_low() or self.balance.is_short()
        if self.balance.from_cache:
            # The figure kept from the last run: the warning strip shows, but the
            # notification waits for a fresh figure (the last run may have sent it).
            return
        if low and not self._warned_low:
            # Once per drop below the threshold, not on every timer refresh.
            forecast = self.balance.forecast
            reason = (
                translate("MainWindow", "under the {amount} warning level").format(
                    amount=format_money(self.balance.threshold))
                if self.balance.is_low() or forecast is None
                else translate("MainWindow", "{days} at the recent pace").format(
                    days=localized(forecast.text()))
            )
            self.ctx.notifier.notify(
                translate("MainWindow", "Low VoIP.ms balance"),
                translate(
                    "MainWindow",
                    "The balance is {amount}, {reason}.",
                ).format(amount=format_money(balance.current), reason=reason),
            )
        self._warned_low = low

    def _on_balance_failed(self, message: str) -> None:
        self.balance_widget.show_error(message, have_figure=self.balance.balance is not None)
        if message != _offline_message():  # offline: the bar says it
            self.show_error(translate("MainWindow", "Balance: {message}").format(
                message=localized(message)))

    @async_slot()
    async def _on_balance_refresh_requested(self) -> None:
        await self._refresh_balance()

    async def _reachable(self) -> bool:
        """Offline: try VoIP.ms once now (the user asked for fresh data); ``False`` when
        it still cannot be reached (the bar says so)."""
        connectivity = self.connectivity()
        return connectivity.online or await connectivity.check_now()

    def _on_connectivity_changed(self, status: LinkStatus) -> None:
        # Found offline by a poll or a tab's own Refresh: the status bar must not go
        # on saying "Up to date" under the "Can't reach VoIP.ms" bar.
        old = self._summary_text
        if not status.online and old.startswith(self._up_to_date_prefix()):
            self._summary_text = translate("MainWindow", "Showing saved data")
            self.status.replace_summary(old, self._summary_text)

    @staticmethod
    def _up_to_date_prefix() -> str:
        return translate("MainWindow", "Up to date · {stamp}").split("{stamp}")[0]

    def _on_connectivity_restored(self) -> None:
        # VoIP.ms answers again: what was shown while offline is brought up to date.
        if self._started and not self._closing and not self._refreshing_all:
            self._spawn(self._refresh_all())

    @async_slot()
    async def _on_refresh_triggered(self) -> None:
        if not await self._reachable():
            return
        key = self.current_key()
        self.sync_label.setText(translate(
            "MainWindow",
            "Refreshing {title}…",
        ).format(title=self.tabs[key].title))
        balance_task = asyncio.ensure_future(self._refresh_balance())
        await self._refresh_tab(key)
        await balance_task
        self._show_sync_summary()

    @async_slot()
    async def _on_refresh_all_triggered(self) -> None:
        await self._refresh_all()

    async def _refresh_all(self) -> None:
        if self._refreshing_all:
            return  # one is running: a second would only queue behind it
        self._refreshing_all = True
        try:
            if not await self._reachable():
                return
            self.sync_label.setText(translate("MainWindow", "Refreshing everything…"))
            balance_task = asyncio.ensure_future(self._refresh_balance())
            await asyncio.gather(*(self._refresh_tab(key) for key in self.tabs))
            await self.ctx.lookups.refresh_all(quiet=True)
            await balance_task
        finally:
            self._refreshing_all = False
        self._show_sync_summary()

    @async_slot()
    async def _on_sign_out_triggered(self) -> None:
        if await feedback.ask(
            self,
            translate(
                "MainWindow",
                "Sign out of this account? The saved password is removed from this computer; the "
                "cached messages and voicemail of the account stay until you sign in again.",
            ),
            yes_text=translate("MainWindow", "Sign out"),
            title=translate("MainWindow", "Sign out"),
        ):
            self.sign_out_requested.emit()

    def _on_about_triggered(self) -> None:
        from PySide6.QtWidgets import QMessageBox  # not needed before the first paint

        box = QMessageBox(self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowTitle(translate("MainWindow", "About Switchboard"))
        box.setText(translate(
            "MainWindow",
            "<b>Switchboard {version}</b>",
        ).format(version=__version__))
        box.setInformativeText(
            translate(
                "MainWindow",
                "Voicemail, messages, fax, numbers and balance of a VoIP.ms account in one "
                "window.\nNot affiliated with VoIP.ms.",
            )
        )
        feedback.keep_alive(box)
        box.open()

    # --- closing ---------------------------------------------------------------------

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)

    def _task_done(self, task: asyncio.Future[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            exc = task.exception()
            assert exc is not None
            crash.report_bug(exc)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing and self._close_guard.hold(event):
            return  # a send is on the wire: closes once it is answered (bounded)
        if not self._closing:
            self._closing = True
            self.ctx.settings.last_tab = self.current_key() or self.ctx.settings.last_tab
            if self._remember_geometry:
                self.ctx.settings.window_geometry = bytes(
                    self.saveGeometry().toBase64().data()
                ).decode("ascii")
            self.balance.stop()
            if self._connectivity is not None:
                self._connectivity.stop()
            for task in list(self._tasks):
                task.cancel()
            for key, tab in self.tabs.items():
                try:
                    tab.shutdown()
                except Exception:
                    log.exception("Shutting down tab %s failed", key)
            self.closed.emit()
        super().closeEvent(event)


def _offline_message() -> str:
    from app.services.connectivity.service import Unreachable

    return Unreachable.MESSAGE
