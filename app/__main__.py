"""Command line: ``switchboard`` / ``python -m app``.

Builds the QApplication and its qasync loop, shows the main window, runs
``Shell.run()`` on that loop to completion and returns its exit code. The Qt
application never quits by itself (last window closed); the shell's coroutine
decides when the run is over, then closes the client and database *before* the
loop stops (awaiting after ``app.quit()`` fails, see STACK.md).

Start-up order is chosen for the time to the first painted window: the account's
cache database is opened (and checked) on a thread *while* Qt and the UI modules
are imported, since SQLite does that work without holding the GIL. asyncio and
qasync are imported like any module, and the qasync loop is the current loop
before the window is built: whatever a widget or service schedules while the
window is built simply runs once the loop runs (no stand-ins, nothing held).
"""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app import __version__, compiled_cache
from app.startup_timeline import mark

# The standard modules only some paths need (argparse, tempfile, threading, ...)
# are imported in the functions that use them, after the compiled-code cache has
# started: their regular expressions then come from it too.
if TYPE_CHECKING:
    import argparse

    from app.compiled_cache import CompiledCache
    from app.config.paths import AppPaths
    from app.config.secrets import Credentials
    from app.config.settings import Settings
    from app.store.db import Database
    from app.ui.app import Shell
    from app.ui.single_instance import SingleInstance

log = logging.getLogger("app")


class EarlyDatabase:
    """The cache database of the account about to be shown, opened on a thread.

    ``Database.open`` runs ``PRAGMA quick_check`` (~40 ms on the large account);
    done here, it overlaps the UI imports instead of delaying the first paint.
    ``Shell`` takes it with ``take(path)``; anything left is closed by ``discard``.
    """

    def __init__(self, path: Path) -> None:
        import threading

        from app.store.db import Database  # imported here, not racing the thread

        self.path = path
        self._db: Database | None = None
        self._thread = threading.Thread(
            target=self._open, args=(Database,), name="sqlite-early-open", daemon=True
        )
        self._thread.start()

    def _open(self, database: type[Database]) -> None:
        try:
            self._db = database.open(self.path)
        except Exception:
            # The shell opens it again the normal way and handles what happens then.
            log.exception("Opening %s early failed", self.path)

    def take(self, path: Path) -> Database | None:
        """The database if it is the one at ``path``; ``None``: open it yourself."""
        self._thread.join()
        db, self._db = self._db, None
        if db is not None and path != self.path:
            db.close()
            return None
        return db

    def discard(self) -> None:
        self._thread.join()
        if self._db is not None:
            self._db.close()
            self._db = None


def _account_to_show(
    fixed: Credentials | None, settings: Settings, paths: AppPaths
) -> Path | None:
    """The database file of the account the shell will most likely open, if known."""
    from app.config.secrets import credentials_from_env

    if fixed is not None:
        username = fixed.username
    else:
        from_env = credentials_from_env()
        username = from_env.username if from_env is not None else settings.api_username
    return paths.for_account(username).database_file if username else None


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="switchboard",
        description="Voicemail, messages, fax, numbers and balance of a VoIP.ms account.",
    )
    parser.add_argument("--version", action="version", version=f"Switchboard {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="run against a built-in VoIP.ms look-alike with sample data "
        "(nothing touches a real account; a separate, temporary data folder is used)",
    )
    parser.add_argument(
        "--api-url", metavar="URL", help="use this VoIP.ms API endpoint (for testing)"
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=Path,
        help="keep all settings, cache and media under DIR instead of the user's folders",
    )
    parser.add_argument(
        "--snapshot",
        metavar="DIR",
        type=Path,
        help="load every tab, save DIR/<tab>.png for each, then exit "
        "(0 when every load succeeded, 1 otherwise)",
    )
    parser.add_argument(
        "--theme", choices=("system", "light", "dark"), help="colour scheme for this run"
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="check the account: run every read Switchboard uses once (nothing is "
        "changed), print one line per API method, exit 0 when all answered as expected",
    )
    # For the start-up benchmark and tests; not for users.
    parser.add_argument("--demo-profile", default="demo", help=argparse.SUPPRESS)
    parser.add_argument("--exit-after-paint", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--snapshot-timeout", type=float, default=120.0, help=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    mark("python")  # the interpreter, site and this module
    if getattr(sys, "frozen", False):
        # A bundled app starts the answer-decoding worker (app/api/offload.py,
        # "spawn") by running its own executable: this turns that run into the
        # worker instead of a second window. Unfrozen, nothing to do (no import).
        import multiprocessing

        multiprocessing.freeze_support()
    # Code Python would compile from source this start (PySide6's support package,
    # the methods @dataclass writes, regular expressions) comes from the cache
    # until the first paint (app.compiled_cache; off with SWITCHBOARD_NO_COMPILED_CACHE=1).
    # A packager's pre-filled copy beside the bytecode serves from here on; the
    # user's own file once the paths are known (below).
    prefilled = compiled_cache.beside_bytecode()
    compiled = compiled_cache.CompiledCache(read_only=[prefilled] if prefilled else [])
    compiled.start()
    try:
        return _run(argv, compiled)
    finally:
        compiled.stop()


def _run(argv: Sequence[str] | None, compiled: compiled_cache.CompiledCache) -> int:
    args = build_parser().parse_args(argv)
    # Before anything is created: without a display Qt would abort the process
    # (exit 134, an xcb message, a demo folder left behind).
    from app.ui.desktop_session import missing_display

    no_display = missing_display()
    if no_display is not None:
        print(f"switchboard: {no_display}", file=sys.stderr)
        return 1
    if args.demo and args.data_dir is None:
        import shutil
        import tempfile

        # The demo's data folder goes with the run, however the run ends.
        temp_dir = tempfile.mkdtemp(prefix="switchboard-demo-")
        try:
            return _run_in(args, compiled, Path(temp_dir))
        finally:
            shutil.rmtree(temp_dir, ignore_errors=True)
    return _run_in(args, compiled, args.data_dir)


def _run_in(
    args: argparse.Namespace, compiled: compiled_cache.CompiledCache, data_dir: Path | None
) -> int:
    # No cyclic garbage collection until the window has painted (the shell turns
    # it back on then): start-up allocates hundreds of thousands of long-lived
    # objects (modules, classes, Qt wrappers) and the collector would walk them
    # again and again for nothing (~20 ms of the start).
    gc.disable()
    # Qt-free configuration first; Qt and the UI once the database is opening.
    from app.config.paths import AppPaths

    snapshot = args.snapshot is not None
    sandbox = None
    paths = AppPaths.resolve(data_dir)
    # The user's cache folder: the only place the compiled code is written.
    compiled.add_location(paths.cache_dir / compiled_cache.CACHE_NAME)
    from app.config.logsetup import close_logging, setup_logging
    from app.config.secrets import Credentials, CredentialSource
    from app.config.settings import Settings

    try:
        paths.ensure()
        setup_logging(paths.log_file)
    except OSError as exc:
        # A read-only or unusable data folder: one clear sentence, not a traceback.
        where = exc.filename or paths.settings_file.parent
        return _cannot_start(
            f"Switchboard cannot write to its data folder ({where}): "
            f"{exc.strerror or exc}. Make the folder writable, free some disk space, or "
            "start Switchboard with --data-dir pointing to a folder you can write to."
        )
    if args.api_url:
        from app.api.endpoint import InsecureEndpoint, require_secure_url

        try:
            require_secure_url(args.api_url)
        except InsecureEndpoint as exc:
            return _cannot_start(exc.message)
    # Python's warnings (e.g. a library's coroutine left unawaited when a request
    # is cancelled) go to the log file, not onto the user's terminal.
    logging.captureWarnings(True)
    log.info("Switchboard %s starting (data in %s)", __version__, paths.settings_file.parent)

    fixed: Credentials | None = None
    api_url: str | None = args.api_url
    early_db: EarlyDatabase | None = None
    try:
        if args.demo:
            from app.sandbox import SandboxServer

            sandbox = SandboxServer(port=0, profile=args.demo_profile)
            sandbox.start()
            api_url = sandbox.url
            fixed = Credentials(sandbox.username, sandbox.password, CredentialSource.SESSION)
            log.info("Demo sandbox at %s", sandbox.url)
        loopback = bool(api_url and "://127.0.0.1" in api_url)

        settings = Settings.load(paths.settings_file)
        if args.check:  # Qt-free: usable over SSH, done before anything of the UI loads
            return _check(args, settings, fixed, api_url, loopback)
        database_file = _account_to_show(fixed, settings, paths)
        if database_file is not None:
            early_db = EarlyDatabase(database_file)

        mark("config")
        # Heavy imports only once we know the run needs Qt (``--help`` stays instant).
        from app.ui.pyside_fix import skip_feature_source_scan

        skip_feature_source_scan()  # before the UI modules are imported
        mark("qtcore")
        import asyncio

        import qasync

        from app.ui import crash, feedback, style
        from app.ui.app import LaunchOptions, Shell, create_qapplication
        from app.ui.qtlog import install_qt_message_handler

        mark("ui-modules")
        # Before the QApplication: what Qt says while it starts goes to the log too.
        install_qt_message_handler()
        qapp = create_qapplication(settings.language, paths.cache_dir)
        # The loop exists before anything that may schedule work on it (slots,
        # services): that work waits in the loop until it runs, right below.
        loop = qasync.QEventLoop(qapp)
        asyncio.set_event_loop(loop)
        loop.set_exception_handler(crash.asyncio_handler)
        crash.install(log_file=paths.log_file, headless=snapshot)
        if snapshot:
            # No dialog may block a snapshot run: messages go to the log only.
            feedback.set_sink(lambda message: None)

        style.apply_theme(qapp, args.theme or settings.theme)
        options = LaunchOptions(
            api_url=api_url,
            snapshot_dir=args.snapshot,
            theme=args.theme,
            fixed_credentials=fixed,
            min_interval=0.0 if loopback else 0.25,
            snapshot_timeout=args.snapshot_timeout,
            exit_after_paint=args.exit_after_paint,
        )
        shell = Shell(paths, settings, options, early_db=early_db)
        mark("qapplication")
        from app.ui.interrupt import InterruptHandler
        from app.ui.single_instance import SingleInstance

        # One instance per data folder: a second start brings the first to the front.
        instance = SingleInstance(paths.database_file.parent)
        if not instance.acquire():
            print(
                "switchboard: Switchboard is already running with this data folder; "
                "its window was brought to the front.",
                file=sys.stderr,
            )
            return 0
        # Ctrl+C / SIGTERM: close every window (one hidden in the tray too), which
        # ends the run the normal way.
        from app.ui.desktop import close_every_window

        interrupt = InterruptHandler(lambda: close_every_window(shell.window))
        try:
            with loop:
                code: int = loop.run_until_complete(_session(shell, compiled, instance))
        finally:
            interrupt.close()
            instance.release()
        log.info("Switchboard exiting with %d", code)
        return code
    finally:
        gc.enable()
        if early_db is not None:
            early_db.discard()
        if sandbox is not None:
            sandbox.stop()
        close_logging()
        # The log is closed; what the garbage collector finds while the process
        # exits (httpx/anyio connection attempts cancelled at shutdown: "coroutine
        # ... was never awaited") would otherwise be printed on stderr, which
        # --snapshot keeps for one line per failed tab.
        import warnings

        warnings.simplefilter("ignore")


def _check(
    args: argparse.Namespace,
    settings: Settings,
    fixed: Credentials | None,
    api_url: str | None,
    loopback: bool,
) -> int:
    from app.services.check.cli import NO_CREDENTIALS, find_credentials, run_check

    credentials = find_credentials(settings, fixed)
    if credentials is None:
        print(NO_CREDENTIALS, file=sys.stderr)
        return 1
    return run_check(
        credentials,
        base_url=api_url or settings.api_url,
        provider_tz=settings.provider_timezone,
        min_interval=0.0 if loopback else 0.25,
    )


def _cannot_start(message: str) -> int:
    """Say why the app cannot start: on the terminal, and in a dialog on a desktop."""
    import os

    print(f"switchboard: {message}", file=sys.stderr)
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    has_display = sys.platform != "linux" or bool(
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if has_display and platform not in ("offscreen", "minimal"):
        from app.ui.cannot_start import show_cannot_start

        show_cannot_start(message)
    return 1


async def _session(shell: Shell, compiled: CompiledCache, instance: SingleInstance) -> int:
    """The whole run on the qasync loop: the window painted from the cache first."""
    from app.ui.app import wait_for_first_paint

    window = shell.open_window()
    if window is not None:
        await wait_for_first_paint(window)
    from app.ui.desktop import apply_app_icon

    apply_app_icon()  # after the paint: see apply_app_icon
    # Start-up is over: what it compiled is kept for the next one.
    compiled.stop()
    compiled.save()
    mark("after-paint")
    # A later start on this data folder brings this window to the front.
    instance.listen(shell.bring_to_front)
    return await shell.run()


if __name__ == "__main__":
    sys.exit(main())
