"""Start-up of the PyInstaller bundle against the source run: ``python -m bench bundle``.

Needs ``make bundle`` first (``dist/switchboard/switchboard``). Both runs start
``--demo --exit-after-paint`` (the demo sandbox in the process, a fresh demo data
folder, the window painted, then closed) and are timed from process start to
the "first paint" line, after one unmeasured start each (the OS file cache warm
for both; the source run gets compiled bytecode, as an installed app has).
Prints figures only; figures measured while other work runs on the machine are
noisy, so compare the two of the same run. Also prints the bundle's size.
"""

from __future__ import annotations

import os
import statistics
import sys
from pathlib import Path

from bench.bench_startup import ROOT, Start, _env, time_to_paint

BUNDLE = ROOT / "dist" / "switchboard"
RUNS = int(os.environ.get("BENCH_RUNS", "7"))


def _size_mb(folder: Path) -> float:
    files = (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 1e6


def _starts(cmd: list[str]) -> list[Start]:
    env = _env()
    time_to_paint(cmd, env)  # unmeasured: caches warm, bytecode written
    return [time_to_paint(cmd, env) for _ in range(RUNS)]


def _line(label: str, starts: list[Start]) -> float:
    seconds = [s.seconds for s in starts]
    median = statistics.median(seconds)
    rss = statistics.median(s.rss_mb for s in starts)
    print(f"{label}: start -> first paint median {median * 1000:.0f} ms "
          f"(min {min(seconds) * 1000:.0f}, max {max(seconds) * 1000:.0f}; {len(seconds)} runs), "
          f"RSS {rss:.0f} MB")
    return median


def main() -> int:
    executable = BUNDLE / "switchboard"
    if not executable.is_file():
        print(f"no bundle at {executable}: run `make bundle` first")
        return 1
    args = ["--demo", "--exit-after-paint"]
    print(f"bundle {BUNDLE}: {_size_mb(BUNDLE):.0f} MB")
    bundle = _line("bundle", _starts([str(executable), *args]))
    source = _line(f"source (python {sys.version.split()[0]})",
                   _starts([sys.executable, "-m", "app", *args]))
    print(f"bundle / source: {bundle / source:.2f}x")
    return 0
