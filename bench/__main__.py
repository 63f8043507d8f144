"""``python -m bench [NAME ...]``: run benchmarks and print their figures.

Without a name the start-up benchmark runs (``bench/bench_startup.py``); a name
runs ``bench/bench_<name>.py``'s ``main()`` (e.g. ``python -m bench store``).
"""

from __future__ import annotations

import importlib
import sys


def run(names: list[str]) -> int:
    code = 0
    for name in names or ["startup"]:
        module = importlib.import_module(f"bench.bench_{name}")
        print(f"== bench_{name} ==", flush=True)
        result = module.main()
        code = code or (result if isinstance(result, int) else 0)
    return code


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
