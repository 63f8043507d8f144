"""Start-up and shutdown of a session: credentials -> context -> main window -> cleanup.

``Shell.run()`` is the whole life of the application as one coroutine. It
returns the exit code; ``app/__main__`` runs it on the qasync loop and returns
when it ends, so nothing is awaited after the Qt application stopped.

Start-up time: only what the first paint of the main window needs is imported
at module level. The API client (httpx), the dialogs and the snapshot code are
imported where they are used, and the session's client is built on first use
(``open_api(..., deferred=True)``), i.e. after the window painted from the cache.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtWidgets
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from app import __version__
from app.config.logsetup import register_secret
from app.config.paths import AppPaths
from app.config.secrets import Credentials, CredentialSource, SecretStore, credentials_from_env
from app.config.settings import Settings
from app.domain.errors import UserFacingError
from app.domain.words import QT_TRANSLATE_NOOP
from app.services.account.session import (
    ConnectionCheck,
    ConnectionOptions,
    DatabaseSource,
    check_connection,
    close_api,
    open_api,
)
from app.services.balance.service import BalanceService
from app.services.gc_pause import resume_after_startup, thaw
from app.services.root import AppServices
from app.startup_timeline import mark
from app.ui import after_paint, feedback, i18n, style, switch_interval
from app.ui.desktop import TrayKeeper
from app.ui.desktop_files import DESKTOP_ID
from app.ui.main_window import MainWindow
from app.ui.notify import Notifier
from app.ui.notify_open import NotificationOpener
from app.ui.pyside_fix import make_singletons_immortal
from app.ui.tab_loader import TABS

if TYPE_CHECKING:
    from app.ui.widgets.offline_bar import OfflineBar

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LaunchOptions:
    """How this run was started (command line) beyond the saved settings."""
    api_url: str | None = None
    snapshot_dir: Path | None = None
    theme: str | None = None
    #: Credentials that override everything (``--demo``: the sandbox's).
    fixed_credentials: Credentials | None = None
    #: Spacing between API calls; the sandbox on loopback needs none.
    min_interval: float = 0.25
    #: Seconds ``--snapshot`` waits for the first load of every tab.
    snapshot_timeout: float = 120.0
    #: Close as soon as the main window painted once (bench).
    exit_after_paint: bool = False


def _rss_mb() -> float:
    """Resident memory of this process now (Linux), else the peak so far."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            pages = int(fh.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 1e6
    except (OSError, ValueError, IndexError):
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


#: Imported only after the first paint: nothing on screen before it needs them
#: (the first request does, or the single-instance server), and together they
#: cost ~45 ms of start-up. (platformdirs: ``app.config.paths`` reads the XDG
#: variables itself on Linux.)
AFTER_PAINT_MODULES = ("httpx", "phonenumbers", "app.api.client", "hashlib", "platformdirs")

#: ``PySide6.QtWidgets`` types whose Python class is built only after the first paint
#: (see ``_FirstPaint``): each costs start-up milliseconds in enum members.
AFTER_PAINT_TYPES = ("QStyle", "QProxyStyle", "QWizard", "QCalendarWidget")


class _FirstPaint:
    """Closes the window right after its first paint (start-up benchmark)."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        window.first_paint_drawn.connect(self.on_drawn)

    def on_drawn(self) -> None:
        mark("painted")
        # Whether the window painted inside the running asyncio loop, as it must
        # (app.__main__; tests/gui/test_startup_order.py checks it).
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            loop_state = "none"
        else:
            loop_state = "running"
        # Only the tab on show is meant to be imported before this paint (tab_loader).
        tabs = ",".join(key for key, _ in TABS if f"app.ui.tabs.{key}" in sys.modules)
        # The libraries that only the first request needs (tens of ms of imports).
        early = [name for name in AFTER_PAINT_MODULES if name in sys.modules]
        # Python types PySide6 builds with hundreds of enum members, not needed by
        # the first frame: QStyle (the sort arrows' header style, after the paint)
        # and QWizard, which stands for the walk over every QWidget subclass that a
        # first ``viewport()`` of Qt's own making costs (``record_table``).
        early += [
            f"type:{name}" for name in AFTER_PAINT_TYPES if name in vars(QtWidgets)
        ]
        # The window's parts that are built after the paint.
        if self._window.menus_built:
            early.append("menu-actions")
        if self._window.status.has_busy_widgets:
            early.append("busy-widgets")
        print(
            f"switchboard: first paint rss_mb={_rss_mb():.0f} loop={loop_state} "
            f"early={','.join(early) or 'none'} tabs={tabs}",
            flush=True,
        )
        QTimer.singleShot(0, self._window.close)


async def wait_for_first_paint(window: MainWindow, timeout: float = 1.0) -> None:
    """Return once ``window`` has painted once (at most ``timeout`` seconds).

    ``app.__main__`` runs the session only after this: the user sees the window
    from the cache before the network and the other tabs get their turn. The
    time-out covers a window that never paints (started minimised).
    """
    if window.painted:
        return
    painted = asyncio.get_running_loop().create_future()

    def on_painted() -> None:
        if not painted.done():
            painted.set_result(None)

    window.first_painted.connect(on_painted)
    try:
        await asyncio.wait({painted}, timeout=timeout)
    finally:
        window.first_painted.disconnect(on_painted)
        painted.cancel()


def create_qapplication(language: str = "en", cache_dir: Path | None = None) -> QApplication:
    """The process's QApplication; it never quits on its own (the shell ends the run).

    The one place the app applies ``make_singletons_immortal`` (a no-op where
    the PySide6 bug it works around cannot happen). ``language`` is the
    ``language`` setting; its translations are installed here, before any
    widget exists (``app.ui.i18n``: nothing is loaded for English).
    ``cache_dir`` is where a missing French catalog may be compiled.
    """
    make_singletons_immortal()
    switch_interval.apply()  # the GUI thread gets the GIL quickly (see the module)
    existing = QApplication.instance()
    qapp = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    qapp.setApplicationName("Switchboard")
    qapp.setApplicationVersion(__version__)
    # The window class launchers match to switchboard.desktop (with `python -m app`
    # it would be "__main__.py"); it must be set before a window is shown. The icon
    # follows the first paint (``apply_app_icon``: the SVG engine costs ~1.5 ms).
    qapp.setDesktopFileName(DESKTOP_ID)
    qapp.setQuitOnLastWindowClosed(False)
    i18n.install(qapp, language, cache_dir)
    return qapp


def _end_startup() -> None:
    """The window painted (or never will): what waited for it runs (``after_paint``).

    ``app.__main__`` turns the cyclic garbage collector off until the first paint;
    start-up's objects are frozen as it resumes (``gc_pause``)."""
    after_paint.release()
    resume_after_startup()


async def _finish_background_tasks(timeout: float = 5.0) -> None:
    """Cancel what the tabs left running, before the client and database close.

    A refresh still waiting on the network would otherwise wake up after the
    loop stopped ("no running event loop") or use a closed database.
    """
    current = asyncio.current_task()
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    # Cancelling can start new tasks (httpx/anyio tidy up their connection
    # attempts), so repeat until nothing is left or the time is up.
    while (left := deadline - loop.time()) > 0:
        pending = [t for t in asyncio.all_tasks() if t is not current and not t.done()]
        if not pending:
            break
        for task in pending:
            task.cancel()
        await asyncio.wait(pending, timeout=left)
    await asyncio.sleep(0)  # let done-callbacks of the cancelled tasks run


#: What a refresh or a change says while the window shows the cache offline.
OFFLINE_ACTION_TEXT = QT_TRANSLATE_NOOP(  # a marked sentence: feedback shows it translated
    "services",
    "You are offline: sign in (the bar at the top of the window) to refresh or make changes.",
)
NO_CREDENTIALS = (
    "switchboard: no VoIP.ms credentials (sign in once, or set "
    "VOIPMS_API_USERNAME and VOIPMS_API_PASSWORD)"
)


class _Password:
    """The session's API password, which may become known only after the paint.

    The deferred client asks for it when it is built (the first refresh); the
    shell has read the keyring by then (``Shell._complete_credentials``).
    """

    def __init__(self, value: str | None) -> None:
        self.value = value
        #: The user declined to sign in: the window shows the cache, read-only.
        self.offline = False

    def __call__(self) -> str:
        if self.value is None:
            if self.offline:  # a refresh or a change asked for while offline
                raise UserFacingError(OFFLINE_ACTION_TEXT)
            # A bug: something used the API before start().
            raise RuntimeError("the API was used before the password was read")
        return self.value


class _OpenSession:
    """A session whose window is shown; ``Shell._run_session`` carries it on.

    It is opened by ``Shell.open_window`` (synchronous, before ``run()``), so it
    records how the window closed in plain attributes and makes a future only
    when ``run()`` waits for it. Its ``credentials`` are ``None`` while the
    password is still in the keyring.
    """

    def __init__(
        self,
        username: str,
        credentials: Credentials | None,
        password: _Password,
        ctx: AppServices,
        notifier: Notifier,
        balance: BalanceService,
        window: MainWindow,
    ) -> None:
        self.username, self.credentials, self.password = username, credentials, password
        self.ctx, self.notifier = ctx, notifier
        self.balance, self.window = balance, window
        self.outcome = "quit"
        self.is_closed = False
        #: Shown from the cache without a password (``OfflineBar`` on top).
        self.offline_bar: OfflineBar | None = None
        self.sign_in_task: asyncio.Future[None] | None = None
        #: Closing hides the window instead, with "keep running in the tray" on.
        self.tray_keeper: TrayKeeper | None = None
        self._closed: asyncio.Future[str] | None = None

    def on_sign_out(self) -> None:
        self.outcome = "sign_out"
        self.window.close()

    def on_closed(self) -> None:
        self.is_closed = True
        if self._closed is not None and not self._closed.done():
            self._closed.set_result(self.outcome)

    async def wait_closed(self) -> str:
        if not self.is_closed:
            self._closed = asyncio.get_running_loop().create_future()
            await self._closed
        return self.outcome


class Shell:
    def __init__(
        self,
        paths: AppPaths,
        settings: Settings,
        options: LaunchOptions,
        secrets: SecretStore | None = None,
        *,
        early_db: DatabaseSource | None = None,
    ) -> None:
        self.paths = paths
        self.early_db = early_db
        self.settings = settings
        self.options = options
        self.secrets = secrets or SecretStore()
        self.window: MainWindow | None = None
        self._first_paint: _FirstPaint | None = None  # --exit-after-paint only
        self.credentials: Credentials | None = None
        self._opened: _OpenSession | None = None
        #: Credentials typed for a different account while a session was opening.
        self._switch_to: Credentials | None = None

    # --- credentials -----------------------------------------------------------------

    def connection_options(self) -> ConnectionOptions:
        return ConnectionOptions(
            # Empty: the client's default, the real VoIP.ms endpoint.
            base_url=self.options.api_url or self.settings.api_url or "",
            provider_tz=self.settings.provider_timezone,
            min_interval=self.options.min_interval,
        )

    def ready_credentials(self) -> Credentials | None:
        """Credentials known without the keyring: the demo's, or the environment's."""
        if self.options.fixed_credentials is not None:
            return self.options.fixed_credentials
        return credentials_from_env()

    def initial_credentials(self) -> Credentials | None:
        return self.ready_credentials() or self.secrets.load(self.settings.api_username)

    async def check(self, username: str, password: str) -> ConnectionCheck:
        api = open_api(username, password, self.connection_options())
        try:
            return await check_connection(api)
        finally:
            await close_api(api)

    async def ask_for_credentials(self, intro: str = "") -> Credentials | None:
        from app.ui.setup_dialog import SetupDialog

        dialog = SetupDialog(
            self.secrets, self.check, username=self.settings.api_username, intro=intro
        )
        try:
            return await dialog.run()
        finally:
            dialog.deleteLater()

    # --- the application's life ------------------------------------------------------

    def open_window(self) -> MainWindow | None:
        """Build and show the main window from the cache, without awaiting anything.

        ``app.__main__`` calls this on the qasync loop, waits for the first paint,
        and only then runs ``run()``, which carries on with this window (network,
        keyring, the other tabs). ``None`` (nothing shown) when the account is not
        known yet: ``run()`` asks.
        """
        credentials = self.ready_credentials()
        if credentials is not None:
            self._remember(credentials)
            self._opened = self._open_session(credentials.username, credentials)
        elif self.settings.api_username:
            # The account is known; its password is read from the keyring after the
            # paint (``run``): importing keyring and asking the OS for it took
            # ~220 ms here, all of it before the window could appear.
            self._opened = self._open_session(self.settings.api_username, None)
        else:
            return None
        return self._opened.window

    async def run(self) -> int:
        opened, self._opened = self._opened, None
        credentials = opened.credentials if opened is not None else self.initial_credentials()
        while True:
            if credentials is None and opened is None:
                if self.options.snapshot_dir is not None:
                    print(NO_CREDENTIALS, file=sys.stderr)
                    return 1
                _end_startup()
                credentials = await self.ask_for_credentials()
                if credentials is None:
                    return 0
            if opened is None:
                assert credentials is not None
                self._remember(credentials)
                opened = self._open_session(credentials.username, credentials)
            outcome, code = await self._run_session(opened)
            credentials, opened = opened.credentials, None
            thaw()  # the closed window's objects may be collected again (gc_pause)
            if outcome == "switch":  # another account was signed in instead
                credentials, self._switch_to = self._switch_to, None
                continue
            if outcome != "sign_out":
                return code
            if credentials is not None:
                self.sign_out(credentials)
            else:  # signed out while offline: no password to forget, the account still
                self.settings.api_username = ""
                self.settings.save()
            credentials = None

    def bring_to_front(self) -> None:
        """Show the window on top (another start on this data folder asked for it)."""
        window = self.window
        if window is None:
            return
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()

    def _remember(self, credentials: Credentials) -> None:
        self.credentials = credentials
        register_secret(credentials.password)
        # Only an account the user typed in is remembered; env/demo leave no trace.
        if credentials.source in (CredentialSource.KEYRING, CredentialSource.SESSION) and (
            self.options.fixed_credentials is None
        ):
            self.settings.api_username = credentials.username
            self.settings.save()

    def sign_out(self, credentials: Credentials) -> None:
        if credentials.source is not CredentialSource.ENVIRONMENT:
            self.secrets.forget(credentials.username)
        self.settings.api_username = ""
        self.settings.save()
        log.info("Signed out of %s", credentials.username)

    def _open_session(self, username: str, credentials: Credentials | None) -> _OpenSession:
        """Context and main window of a session, shown; no event loop needed.

        ``credentials`` may be ``None``: the password is then read after the paint.
        """
        account = self.paths.for_account(username)
        password = _Password(credentials.password if credentials is not None else None)
        # Deferred: httpx and the client only after the window painted from the cache.
        api = open_api(username, password, self.connection_options(), deferred=True)
        notifier = Notifier(self.settings)
        # The cache opened ahead by ``__main__`` when it guessed the account right.
        early, self.early_db = self.early_db, None
        ctx = AppServices.open(
            api, account.database_file, self.settings, account.media_dir, notifier, early=early
        )
        balance = ctx.balance
        balance.load_cached()  # shown in the header at the first paint
        # What the first frame does not show waits for it (_end_startup releases it).
        after_paint.hold()
        # Snapshots always have the default size, whatever the last session left.
        window = MainWindow(
            ctx,
            balance,
            account_label=username,
            remember_geometry=self.options.snapshot_dir is None,
        )
        self.window = window
        mark("window")
        opened = _OpenSession(username, credentials, password, ctx, notifier, balance, window)
        window.closed.connect(opened.on_closed)
        window.sign_out_requested.connect(opened.on_sign_out)
        window.first_painted.connect(_end_startup)
        QTimer.singleShot(5000, _end_startup)  # in case it never paints (started minimised)
        window.settings_requested.connect(
            lambda: self.open_settings(ctx, balance, window, opened.tray_keeper)
        )
        # A click on a notification opens its item; closing may keep the app in the tray.
        NotificationOpener(notifier, window)
        if self.options.snapshot_dir is None:
            keeper = TrayKeeper(window, notifier.tray, self.settings)
            window.first_painted.connect(keeper.update)  # the tray icon: not before the paint
            opened.tray_keeper = keeper
        if self.options.exit_after_paint:
            self._first_paint = _FirstPaint(window)
        window.show()
        if ctx.recovery_notice:
            feedback.show_message(window, ctx.recovery_notice, level=feedback.Level.WARNING)
        return opened

    async def _run_session(self, opened: _OpenSession) -> tuple[str, int]:
        """One signed-in session; returns ("quit" | "sign_out" | "switch", exit code)."""
        window, ctx, balance = opened.window, opened.ctx, opened.balance
        code = 0
        try:
            if opened.credentials is None:
                ended = await self._complete_credentials(opened)
                if ended is not None:
                    window.close()
                    return ended
            if self.options.snapshot_dir is not None:
                from app.ui.snapshot import take_snapshots

                code = await take_snapshots(
                    window, self.options.snapshot_dir, timeout=self.options.snapshot_timeout
                )
                window.close()
            elif not opened.is_closed and opened.offline_bar is None:
                log.info("Session of %s started", opened.username)
                window.start()
            result = await opened.wait_closed()
        finally:
            balance.stop()
            opened.notifier.close()
            await _finish_background_tasks()
            await close_api(ctx.api)
            ctx.close()
            self.settings.save()
            window.deleteLater()
            self.window = None
            await asyncio.sleep(0)  # back to Qt once: the window is deleted now
        return result, code

    async def _complete_credentials(self, opened: _OpenSession) -> tuple[str, int] | None:
        """Read the password of a session opened without it; ``None``: carry on.

        The keyring is asked on a worker thread (it may talk to the OS's secret
        service). Without a saved password the set-up dialog opens over the window;
        an answer for another account ends this session (``"switch"``).
        """
        found = await asyncio.to_thread(self.secrets.load, opened.username)
        if opened.is_closed:  # closed, or signed out, meanwhile
            opened.credentials = found  # a sign-out then forgets this password
            return opened.outcome, 0
        if found is None:
            if self.options.snapshot_dir is not None:
                print(NO_CREDENTIALS, file=sys.stderr)
                return "quit", 1
            _end_startup()
            found = await self.ask_for_credentials()
            if found is None:
                # The cache is on screen: keep it, read-only, until the user signs in.
                self._go_offline(opened)
                return None
            # The account folder is keyed the same way (``AppPaths.for_account``).
            if found.username.strip().lower() != opened.username.strip().lower():
                self._switch_to = found
                return "switch", 0
        self._remember(found)
        opened.credentials = found
        opened.password.value = found.password
        return None

    def _go_offline(self, opened: _OpenSession) -> None:
        """Keep the window (the cache) without a password, under ``OfflineBar``."""
        from app.ui.widgets.offline_bar import OfflineBar

        log.info("No password for %s: showing the cache offline", opened.username)
        opened.password.offline = True
        bar = OfflineBar(opened.window)
        opened.window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        opened.offline_bar = bar

        def sign_in() -> None:
            if opened.sign_in_task is None or opened.sign_in_task.done():
                opened.sign_in_task = asyncio.ensure_future(self._sign_in_offline(opened))

        bar.sign_in_requested.connect(sign_in)

    async def _sign_in_offline(self, opened: _OpenSession) -> None:
        """"Sign in…" on the offline bar: the set-up dialog, then the session starts."""
        found = await self.ask_for_credentials()
        if found is None or opened.is_closed:
            return  # still offline
        if found.username.strip().lower() != opened.username.strip().lower():
            self._switch_to = found  # another account: its own window
            opened.outcome = "switch"
            opened.window.close()
            return
        self._remember(found)
        opened.credentials = found
        opened.password.value = found.password
        opened.password.offline = False
        bar, opened.offline_bar = opened.offline_bar, None
        if bar is not None:
            opened.window.removeToolBar(bar)
            bar.deleteLater()
        log.info("Session of %s started (signed in from offline)", opened.username)
        opened.window.start()

    def open_settings(
        self,
        ctx: AppServices,
        balance: BalanceService,
        window: MainWindow,
        tray_keeper: TrayKeeper | None = None,
    ) -> None:
        from app.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, ctx.lookups, self.credentials, window)

        def _applied() -> None:
            app = QApplication.instance()
            if isinstance(app, QApplication):
                style.apply_theme(app, self.options.theme or self.settings.theme)
            ctx.lookups.set_ttl(timedelta(days=self.settings.lookup_ttl_days))
            balance.start()
            balance.announce()  # re-evaluate the low-balance warning
            if tray_keeper is not None:
                tray_keeper.update()  # "keep running in the tray" may have been turned on

        dialog.applied.connect(_applied)
        dialog.sign_out_requested.connect(window.sign_out_requested)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
