"""Responsiveness benchmark (issue #16): the UI never freezes, data shows early.

Against the sandbox's "large" profile (100k messages over a year) with an 80 MB
fax and a 7900x7900 MMS picture added, in a child process (its work is not our
stall). Prints a human table and one ``FIGURE <name> <value> <unit>`` line per
figure (no assertions; the goals are issue #16's):

* ``sync_stall_loaded_ms``: the longest event-loop stall during the Messages
  tab's first sync of a year, while a CPU-bound process runs beside it; median
  of 3 runs (goal <= 16). The stall is how much later than due a 5 ms ticker
  ran (``StallMeter(excess_over_tick=True)``, as ``bench messages``);
* ``first_threads_visible_s``: a first-ever start of ``python -m app`` on the
  large account (empty cache, Messages tab on show): process start -> first
  conversations listed (the ``conversations listed`` timeline mark); median of 3
  (goal <= 2);
* ``fax_80mb_open_stall_ms``: selecting an 80 MB fax not yet downloaded, until
  its first page is shown: the longest stall (goal <= 16); a small fax is shown
  first, so QtPdf is loaded already;
* ``big_image_thumb_stall_ms``: a conversation holding a 7900x7900 picture
  opened, until its thumbnail is painted: the longest stall (goal <= 16);
* ``startup_ratio_py311`` / ``startup_ratio_py313``: ``bench startup``'s ratio
  (slowest tab's warm start to first paint / an empty PySide6 window; goal <=
  1.5), and ``rss_after_start_mb`` (its RSS at first paint, goal <= 100);
* ``idle_stall_loaded_ms``: the floor: an idle event loop's longest stall beside
  the same CPU hog for as long as each sync took (median); on a busy machine the
  scheduler alone exceeds 16 ms, so read the sync figure against this one;
* no goal yet: ``first_sync_peak_rss_mb`` (this process, during the first sync)
  and ``sms_mms_calls_year`` (getSMS/getMMS calls for a year; keep <= 10).

Figures measured while other programs run are noisy: compare runs of one moment.
Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench responsiveness``
(``BENCH_RUNS`` sets the start-up benchmark's runs per tab, default 5 here;
``BENCH_QUICK=1`` skips the two start-up measurements while iterating).
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import ROOT, StallMeter, read_banner, rss_mb

BIG_FAX_BYTES = 80 * 1024 * 1024
BIG_IMAGE_PX = 7900
#: The contact whose conversation holds the big picture (sandbox numbers are 418555xxxx).
PICTURE_CONTACT = "4185550199"
SYNC_RUNS = 3
FIRST_START_RUNS = 3


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    goal: str = ""
    what: str = ""


# --- the sandbox child ------------------------------------------------------------------


def big_pdf(size: int) -> bytes:
    """A valid one-page PDF of ``size`` bytes: the bulk is an unused stream of noise
    (incompressible, as a scanned fax is)."""
    text = b"BT /F1 36 Tf 72 700 Td (An 80 MB fax) Tj ET"
    objects = [
        b"<</Type /Catalog /Pages 2 0 R>>",
        b"<</Type /Pages /Kids [3 0 R] /Count 1>>",
        b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources <</Font <</F1 5 0 R>>>>>>",
        b"<</Length %d>>\nstream\n%s\nendstream" % (len(text), text),
        b"<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>",
    ]
    noise = os.urandom(max(size - 1000, 0))
    objects.append(b"<</Length %d>>\nstream\n%s\nendstream" % (len(noise), noise))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<</Size %d /Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def serve(picture: Path) -> int:
    """``--serve PICTURE``: the large sandbox plus the big fax and picture; prints the banner."""
    import threading

    from app.sandbox import SandboxServer
    from app.sandbox.state import FaxMessage

    server = SandboxServer(port=0, profile="large")
    server.start()
    state = server.state
    with state.lock:
        now = state.clock.now_wall()
        fax_id = state.next_fax_id
        state.next_fax_id += 1
        state.faxes.append(FaxMessage(
            fax_id, "INBOX", now, "6175550123", "SCANNER", state.fax_numbers[0]["did"],
            "INBOUND FAX", 1, 20, "SUCCESS", data=big_pdf(BIG_FAX_BYTES)))
        did = next(d for d, row in state.dids.items() if row.get("sms_enabled") == "1")
        token = state.new_media("jpg", "image/jpeg", data=picture.read_bytes())
        state.add_text("mms", date=now, type_=1, did=did, contact=PICTURE_CONTACT,
                       message="The new sign, full size", media=[token])
    print(f"  URL:      {server.url}")
    print(f"  Username: {server.username}")
    print(f"  Password: {server.password}")
    print(f"  Fax:      {fax_id}")
    print(f"  DID:      {did}", flush=True)
    threading.Event().wait()
    return 0


def make_picture(path: Path) -> None:
    """A 7900x7900 JPEG under the 5 MB media limit, made in a child (250 MB of pixels
    would count in this process's RSS)."""
    code = (
        "import sys\nfrom PySide6.QtGui import QImage, QColor, QPainter, QGuiApplication\n"
        "app = QGuiApplication([])\n"
        f"image = QImage({BIG_IMAGE_PX}, {BIG_IMAGE_PX}, QImage.Format.Format_RGB32)\n"
        "image.fill(QColor('skyblue'))\np = QPainter(image)\n"
        f"for i in range(0, {BIG_IMAGE_PX}, 400): p.drawLine(0, i, {BIG_IMAGE_PX}, i)\n"
        "p.end()\nassert image.save(sys.argv[1], 'JPEG', 80)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(path)], check=True, timeout=120,
                   env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def start_sandbox(picture: Path) -> tuple[subprocess.Popen[str], dict[str, str]]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.bench_responsiveness", "--serve", str(picture)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    return proc, read_banner(proc, ("URL", "Username", "Password", "Fax", "DID"))


# --- in-process measurements (Qt, qasync) -----------------------------------------------


def _context(box: dict[str, str], work: Path, *, backfill_days: int = 365) -> Any:
    from app.api.client import VoipMsClient
    from app.api.typed import Api
    from app.config.settings import Settings
    from app.services.root import AppServices
    from app.store.db import Database

    client = VoipMsClient(box["Username"], box["Password"], base_url=box["URL"],
                          min_interval=0, timeout=180)
    settings = Settings(path=None)
    settings.messages_backfill_days = backfill_days
    settings.messages_poll_seconds = 0
    return AppServices(api=Api(client), db=Database.open(work / "cache.sqlite3"),
                       settings=settings, media_dir=work / "media")


async def _close(ctx: Any, tab: Any) -> None:
    tab.shutdown()
    await ctx.api.client.aclose()
    ctx.db.close()


async def idle_stall(seconds: float) -> float:
    """The longest stall of an idle event loop beside a CPU hog: what the machine's
    load alone costs (the floor under the sync figure; other programs run too)."""
    hog = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    meter = StallMeter(excess_over_tick=True)
    try:
        await asyncio.sleep(0.2)
        meter.start()
        await asyncio.sleep(seconds)
        return meter.stop()
    finally:
        hog.kill()
        hog.wait()


async def measure_sync(
    box: dict[str, str], work: Path
) -> tuple[list[float], list[float], float, int]:
    """Stalls of SYNC_RUNS first syncs of a year beside a CPU hog, each followed by an
    idle loop for as long (the floor); peak RSS; calls."""
    from app.ui.tabs.messages.tab import MessagesTab

    stalls: list[float] = []
    floors: list[float] = []
    peak_mb = 0.0
    calls = 0
    for run in range(SYNC_RUNS):
        folder = work / f"sync-{run}"
        folder.mkdir()
        ctx = _context(box, folder)
        tab = MessagesTab(ctx)
        tab.resize(1100, 760)
        tab.show()
        tab.load_cached()
        hog = subprocess.Popen([sys.executable, "-c", "while True: pass"])
        meter = StallMeter(excess_over_tick=True)
        try:
            await asyncio.sleep(0.2)  # the hog is running
            meter.start()
            started = time.perf_counter()
            await tab.refresh()
            seconds = time.perf_counter() - started
            stalls.append(meter.stop())
        finally:
            hog.kill()
            hog.wait()
        assert tab._sync_task is not None
        report = tab._sync_task.result().report
        calls = report.calls
        if run == 0:
            peak_mb = rss_mb()[1]  # nothing bigger has run in this process yet
        await _close(ctx, tab)
        floors.append(await idle_stall(seconds))
        print(f"  sync {run + 1}: {report.inserted_count} messages, "
              f"{tab.conversations.rowCount()} conversations in {seconds:.1f} s, "
              f"longest stall {stalls[-1]:.1f} ms (idle loop as long: {floors[-1]:.1f} ms)",
              flush=True)
    return stalls, floors, peak_mb, calls


async def measure_fax(box: dict[str, str], work: Path) -> float:
    """The longest stall from selecting the 80 MB fax until its page is shown."""
    from app.ui.tabs.fax import create_tab
    from app.ui.tabs.fax.view import FaxTab

    folder = work / "fax"
    folder.mkdir()
    ctx = _context(box, folder)
    tab = create_tab(ctx)
    assert isinstance(tab, FaxTab)
    tab.resize(1100, 760)
    tab.show()
    await tab.refresh()
    fax_id = int(box["Fax"])
    # A small fax first: the first preview of a session loads QtPdf (~50 ms on the GUI
    # thread, app/ui/widgets/pdf_view.py), a cost of any fax, not of a big one.
    small = next(f for f in tab.model.faxes if f.id != fax_id)
    warm = time.perf_counter()
    tab.select_fax(small.id)
    while tab.preview.page_count() < 1 and time.perf_counter() - warm < 60:
        await asyncio.sleep(0.005)
    tab.preview.clear()
    await asyncio.sleep(0.1)
    pdf = tab.service.pdf_file(fax_id)
    meter = StallMeter(excess_over_tick=True)
    meter.start()
    started = time.perf_counter()
    tab.select_fax(fax_id)
    while (not pdf.exists() or tab.preview.page_count() < 1) and \
            time.perf_counter() - started < 300:
        await asyncio.sleep(0.005)
    await asyncio.sleep(0.2)  # the page renders
    shown = time.perf_counter() - started
    stall = meter.stop()
    size = pdf.stat().st_size / 1e6 if pdf.exists() else float("nan")
    print(f"  80 MB fax ({size:.0f} MB PDF): downloaded, decoded and shown in {shown:.1f} s, "
          f"longest stall {stall:.1f} ms", flush=True)
    await _close(ctx, tab)
    return stall


async def measure_picture(box: dict[str, str], work: Path) -> float:
    """The longest stall from opening the conversation with the big picture until
    its thumbnail is painted (the picture is downloaded beforehand)."""
    from app.domain.models.messages import MessageKind
    from app.ui.tabs.messages.tab import MessagesTab
    from app.ui.tabs.messages.thread_model import MEDIA_ROLE

    folder = work / "picture"
    folder.mkdir()
    ctx = _context(box, folder, backfill_days=1)  # today's messages: the picture's
    tab = MessagesTab(ctx)
    tab.resize(1100, 760)
    tab.show()
    await tab.refresh()
    while await tab.service.download_media():
        pass
    meter = StallMeter(excess_over_tick=True)
    meter.start()
    started = time.perf_counter()
    await tab.open_conversation(box["DID"], PICTURE_CONTACT)
    model = tab.pane.model
    delegate = tab.pane.delegate
    path = None
    while time.perf_counter() - started < 60:
        rows = (model.index(r) for r in range(model.rowCount()))
        mms = [i for i in rows if (s := model.stored_at(i.row())) is not None
               and s.message.kind is MessageKind.MMS]
        paths = (mms[-1].data(MEDIA_ROLE) or [None]) if mms else [None]
        path = paths[0]
        if path is not None and delegate.thumbnails.pixmap(path) is not None:
            break
        await asyncio.sleep(0.005)
    tab.pane.view.viewport().repaint()
    shown = time.perf_counter() - started
    stall = meter.stop()
    print(f"  7900x7900 picture: thumbnail painted {shown:.2f} s after opening, "
          f"longest stall {stall:.1f} ms", flush=True)
    await _close(ctx, tab)
    return stall


# --- child-process measurements ------------------------------------------------------------


def measure_first_start(box: dict[str, str], work: Path) -> list[float]:
    """Seconds from starting ``python -m app`` on an empty cache to the first conversations."""
    from bench.bench_startup import _env, _xdg_homes

    timings = []
    for run in range(FIRST_START_RUNS):
        homes = _xdg_homes(work / f"first-{run}")
        config = Path(homes["XDG_CONFIG_HOME"]) / "Switchboard"
        config.mkdir(parents=True)
        (config / "settings.json").write_text('{"last_tab": "messages"}', encoding="utf-8")
        env = _env({**homes, "VOIPMS_API_USERNAME": box["Username"],
                    "VOIPMS_API_PASSWORD": box["Password"],
                    "SWITCHBOARD_STARTUP_TIMELINE": "1"})
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "app", "--api-url", box["URL"]],
                                cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True)
        assert proc.stderr is not None
        seen = float("nan")
        for line in proc.stderr:
            parts = line.split()
            if parts[:2] == ["switchboard-timeline", "conversations"]:
                seen = float(parts[-1]) - started
                break
        proc.terminate()
        proc.wait(timeout=30)
        timings.append(seen)
        print(f"  first start {run + 1}: conversations listed after {seen:.2f} s", flush=True)
    return timings


def measure_startup(box: dict[str, str]) -> tuple[dict[str, float], float]:
    """``bench startup``'s ratio per interpreter, and its RSS at first paint (first one)."""
    from bench import bench_startup

    bench_startup.RUNS = int(os.environ.get("BENCH_RUNS", "5"))
    creds = {"VOIPMS_API_USERNAME": box["Username"], "VOIPMS_API_PASSWORD": box["Password"]}
    ratios: dict[str, float] = {}
    rss = float("nan")
    for python in bench_startup.interpreters():
        version = bench_startup._version(python)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            measured = bench_startup.measure(python, creds, box["URL"])
        ratio = measured.ratio
        key = "py" + "".join(version.split(".")[:2])
        ratios[key] = ratio
        if rss != rss:  # the first interpreter's (NaN != NaN)
            rss = measured.rss_mb
        print(f"  start-up on Python {version}: ratio {ratio:.2f}x", flush=True)
    return ratios, rss


# --- figures of the other parts of issue #16 ------------------------------------------------
#
# Offline detection and send feedback (#16.3) have benchmarks of their own, each a real
# window against its own sandbox; each runs in a child process (its own Qt application
# and event loop) and its FIGURE line is taken over here.


def figure_of_module(module: str, name: str) -> Callable[[dict[str, str]], float]:
    """A measure that runs ``python -m <module>`` and reads its ``FIGURE <name>`` line."""

    def measure(_box: dict[str, str]) -> float:
        done = subprocess.run(
            [sys.executable, "-m", module], cwd=ROOT, capture_output=True, text=True,
            timeout=600, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        for line in done.stdout.splitlines():
            parts = line.split()
            if len(parts) >= 3 and parts[:2] == ["FIGURE", name]:
                return float(parts[2])
        raise RuntimeError(f"{module} printed no FIGURE {name}: {done.stderr[-500:]}")

    return measure


OTHER_FIGURES: list[tuple[str, str, str, Callable[[dict[str, str]], float]]] = [
    ("offline_error_s", "s", "<= 5",
     figure_of_module("bench.responsiveness_offline", "offline_error_s")),
    ("send_timeout_feedback_s", "s", "<= 15",
     figure_of_module("bench.responsiveness_send", "send_timeout_feedback_s")),
]


# --- report ----------------------------------------------------------------------------


def report(figures: list[Figure]) -> None:
    print()
    print(f"{'figure':<28} {'value':>9} {'unit':<5} {'goal':<8} what")
    for f in figures:
        print(f"{f.name:<28} {f.value:>9.2f} {f.unit:<5} {f.goal:<8} {f.what}")
    print()
    for f in figures:
        print(f"FIGURE {f.name} {f.value:.2f} {f.unit}")


def main() -> int:
    if "--serve" in sys.argv:
        return serve(Path(sys.argv[sys.argv.index("--serve") + 1]))
    import qasync

    from app.ui.app import create_qapplication
    from app.ui.pyside_fix import skip_feature_source_scan

    app = create_qapplication()
    # As app/__main__.py does: PySide6 would read the source of every module imported
    # later (on the GUI thread), stalls that are not the app's.
    skip_feature_source_scan()
    work = Path(tempfile.mkdtemp(prefix="bench-responsiveness-"))
    picture = work / "big.jpg"
    make_picture(picture)
    print(f"picture {BIG_IMAGE_PX}x{BIG_IMAGE_PX}: {picture.stat().st_size / 1e6:.1f} MB; "
          "starting the large sandbox...", flush=True)
    proc, box = start_sandbox(picture)
    figures: list[Figure] = []
    try:
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        with loop:
            print("first sync of a year, beside a CPU-bound process:", flush=True)
            stalls, floors, peak, calls = loop.run_until_complete(measure_sync(box, work))
            fax = loop.run_until_complete(measure_fax(box, work))
            thumb = loop.run_until_complete(measure_picture(box, work))
            from app.api import offload

            offload.WORKER.shutdown()
        quick = bool(os.environ.get("BENCH_QUICK"))  # while iterating: no child starts
        first = [float("nan")] if quick else measure_first_start(box, work)
        ratios, rss = ({}, float("nan")) if quick else measure_startup(box)
        figures += [
            Figure("sync_stall_loaded_ms", statistics.median(stalls), "ms", "<= 16",
                   f"median of {len(stalls)}: " + ", ".join(f"{s:.0f}" for s in stalls)),
            Figure("idle_stall_loaded_ms", statistics.median(floors), "ms", "",
                   "the same load, idle loop: the machine's floor"),
            Figure("first_threads_visible_s", statistics.median(first), "s", "<= 2",
                   "first start, median of " + ", ".join(f"{s:.2f}" for s in first)),
            Figure("fax_80mb_open_stall_ms", fax, "ms", "<= 16", "select -> first page"),
            Figure("big_image_thumb_stall_ms", thumb, "ms", "<= 16",
                   "open conversation -> thumbnail painted"),
        ]
        for key, ratio in sorted(ratios.items()):
            figures.append(Figure(f"startup_ratio_{key}", ratio, "x", "<= 1.5",
                                  "bench startup, slowest tab"))
        figures += [
            Figure("rss_after_start_mb", rss, "MB", "<= 100", "bench startup, first paint"),
            Figure("first_sync_peak_rss_mb", peak, "MB", "", "this process, first sync"),
            Figure("sms_mms_calls_year", calls, "calls", "<= 10", "getSMS+getMMS, one year"),
        ]
        for name, unit, goal, measure in OTHER_FIGURES:
            figures.append(Figure(name, measure(box), unit, goal))
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
    report(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
