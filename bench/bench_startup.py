"""Start-up benchmark: cold start to the first painted main window, and memory.

Run with ``make bench`` (or ``QT_QPA_PLATFORM=offscreen python -m bench``).
Prints figures only; nothing here is a test.

1. Starts the sandbox with the *large* account (100k messages, 500 voicemails,
   1k faxes) in this process.
2. Warms a data dir: one full ``--snapshot`` run loads every tab into the cache
   (its duration and the child's peak RSS are printed too).
3. Starts ``python -m app --exit-after-paint`` on that warm cache N times and
   times process start -> "first paint" line (the window is built from the cache
   before any network answer arrives), and reads the RSS the child reports.
   Both children get compiled bytecode (as an installed app has) after one
   unmeasured start each.
4. In the same run, times an empty PySide6 QMainWindow shown and closed the same
   way: the floor any PySide6 app pays. Target: Switchboard within 1.5x of it,
   RSS after start under 250 MB.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = int(os.environ.get("BENCH_RUNS", "5"))

EMPTY_WINDOW = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not getattr(self, "seen", False):
            self.seen = True
            with open("/proc/self/statm") as fh:
                rss = int(fh.read().split()[1]) * 4096 / 1e6
            print(f"first paint rss_mb={rss:.0f}", flush=True)
            QTimer.singleShot(0, window.close)
        return False

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1100, 720)
spy = FirstPaint()
window.installEventFilter(spy)
window.show()
app.exec()
"""


PYCACHE = tempfile.mkdtemp(prefix="switchboard-bench-pyc-")


def _env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = env.get("QT_QPA_PLATFORM", "offscreen")
    # An installed app has compiled bytecode; without it every start recompiles
    # ~200 modules (~200 ms). Keep the .pyc files out of the source tree.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = PYCACHE
    env.update(extra or {})
    return env


def time_to_paint(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from spawn to the "first paint" line, and the RSS it reports (MB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert proc.stdout is not None
    elapsed, rss = float("nan"), float("nan")
    for line in proc.stdout:
        if "first paint" in line:
            elapsed = time.perf_counter() - start
            match = re.search(r"rss_mb=(\d+)", line)
            rss = float(match.group(1)) if match else rss
            break
    proc.wait(timeout=120)
    return elapsed, rss


def main() -> int:
    from app.sandbox import SandboxServer

    t0 = time.perf_counter()
    server = SandboxServer(port=0, profile="large")
    server.start()
    print(f"sandbox (large profile) generated and started in {time.perf_counter() - t0:.1f} s")
    creds = {"VOIPMS_API_USERNAME": server.username, "VOIPMS_API_PASSWORD": server.password}
    try:
        with tempfile.TemporaryDirectory(prefix="switchboard-bench-") as tmp:
            data, shots = Path(tmp) / "data", Path(tmp) / "shots"
            app_cmd = [
                sys.executable,
                "-m",
                "app",
                "--api-url",
                server.url,
                "--data-dir",
                str(data),
            ]
            t0 = time.perf_counter()
            warm = subprocess.run(
                [*app_cmd, "--snapshot", str(shots), "--snapshot-timeout", "600"],
                cwd=ROOT,
                env=_env(creds),
                capture_output=True,
                text=True,
                timeout=900,
            )
            warm_s = time.perf_counter() - t0
            import resource

            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            print(
                f"first full load of the large account (cold cache, --snapshot): {warm_s:.1f} s, "
                f"exit {warm.returncode}, peak RSS {peak:.0f} MB"
            )
            for line in warm.stderr.strip().splitlines():
                print(f"  load problem: {line}")

            app_times, app_rss, base_times, base_rss = [], [], [], []
            # One unmeasured start each: compiles bytecode, warms the OS file cache.
            time_to_paint([*app_cmd, "--exit-after-paint"], _env(creds))
            time_to_paint([sys.executable, "-c", EMPTY_WINDOW], _env())
            for _ in range(RUNS):
                # Alternate the two so machine noise hits both alike.
                t, r = time_to_paint([*app_cmd, "--exit-after-paint"], _env(creds))
                app_times.append(t)
                app_rss.append(r)
                t, r = time_to_paint([sys.executable, "-c", EMPTY_WINDOW], _env())
                base_times.append(t)
                base_rss.append(r)
    finally:
        server.stop()

    app_med, base_med = statistics.median(app_times), statistics.median(base_times)
    print(f"runs: {RUNS} each, median (min-max)")
    print(
        f"Switchboard, warm cache of the large account, start -> first paint: "
        f"{app_med * 1000:.0f} ms ({min(app_times) * 1000:.0f}-{max(app_times) * 1000:.0f})"
    )
    print(
        f"empty PySide6 QMainWindow, start -> first paint:                     "
        f"{base_med * 1000:.0f} ms ({min(base_times) * 1000:.0f}-{max(base_times) * 1000:.0f})"
    )
    print(f"ratio: {app_med / base_med:.2f}x (target <= 1.5x)")
    print(
        f"RSS at first paint: Switchboard {statistics.median(app_rss):.0f} MB "
        f"(target < 250 MB), empty window {statistics.median(base_rss):.0f} MB"
    )
    return 0
