"""What the UI's language costs at start-up (#17.5): English vs French.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench language``.
Prints figures only. ``python -m app --demo --exit-after-paint`` is started
alternately with ``LC_ALL=C.UTF-8`` (English: no translator is loaded) and
``LC_ALL=fr_CA.UTF-8`` (French: our catalog and Qt's ``qtbase_fr``), and timed
to its first paint; the ``ui-modules -> qapplication`` phase (where
``create_qapplication`` installs the translations) is printed apart. The ``.qm``
is compiled once beforehand (``tools/translations.py build``), as ``make`` does.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

from bench.bench_startup import Start, _env, time_to_paint

ROOT = Path(__file__).resolve().parents[1]
RUNS = 7
LANGS = {"English": "C.UTF-8", "French": "fr_CA.UTF-8"}


def _phase(start: Start) -> float:
    return start.phases.get("qapplication", float("nan")) - start.phases.get(
        "ui-modules", float("nan")
    )


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from tools.translations import build

    build()
    cmd = [sys.executable, "-m", "app", "--demo", "--exit-after-paint"]
    starts: dict[str, list[Start]] = {name: [] for name in LANGS}
    for lc in LANGS.values():  # one unmeasured start each: bytecode, file cache
        time_to_paint(cmd, _env({"LC_ALL": lc}))
    for _ in range(RUNS):
        for name, lc in LANGS.items():  # alternated: a slow moment hits both alike
            starts[name].append(time_to_paint(cmd, _env({"LC_ALL": lc})))
    print(f"{RUNS} starts each, --demo, median (min-max); machine shared, figures are noisy")
    for name, runs in starts.items():
        total = [s.seconds * 1000 for s in runs]
        phase = [_phase(s) * 1000 for s in runs]
        print(
            f"  {name:<8} start -> first paint {statistics.median(total):6.0f} ms "
            f"({min(total):.0f}-{max(total):.0f}); create_qapplication phase "
            f"{statistics.median(phase):5.1f} ms ({min(phase):.1f}-{max(phase):.1f})"
        )
    return 0
