"""Store benchmark: 100k synthetic messages in 2k threads (one of 5k messages).

Prints figures only (no assertions): fill time, FTS search median, opening the
5k-message thread, a thread-list page, RSS. Run:

    .venv/bin/python bench/bench_store.py [--messages 100000] [--threads 2000]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.domain.models.messages import Direction, Message, MessageKind
from app.store.db import Database
from app.store.messages import thread_messages, upsert_messages
from app.store.search import search_messages
from app.store.threads import list_threads, mark_thread_read
from bench.common import rss_mb

COMMON = [
    "the", "you", "your", "call", "back", "today", "tomorrow", "invoice", "order",
    "appointment", "thanks", "please", "delivery", "meeting", "payment", "confirm",
    "address", "office", "closed", "open", "price", "quote",
]
DIDS = ["5551110000", "5551110001", "5551110002"]


def _vocabulary(rng: random.Random, size: int = 3000) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = {"".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) for _ in range(size)}
    return COMMON + sorted(words)


def _messages(total: int, threads: int, big: int, seed: int = 1) -> Iterator[Message]:
    rng = random.Random(seed)
    vocab = _vocabulary(rng)
    weights = [1.0 / (rank + 1) for rank in range(len(vocab))]  # Zipf-like
    start = datetime(2023, 1, 1, tzinfo=UTC)
    span = 365 * 24 * 3600
    for i in range(total):
        thread = 0 if i < big else 1 + (i % (threads - 1))
        did = DIDS[thread % len(DIDS)]
        contact = f"555{2000000 + thread:07d}"
        words = rng.choices(vocab, weights, k=rng.randint(3, 25))
        yield Message(
            kind=MessageKind.SMS if i % 7 else MessageKind.MMS,
            id=i + 1,
            date=start + timedelta(seconds=rng.randrange(span)),
            direction=Direction(rng.randint(0, 1)),
            did=did,
            contact=contact,
            text=" ".join(words).capitalize() + ".",
        )


def _timed(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--threads", type=int, default=2_000)
    parser.add_argument("--big-thread", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        db = Database.open(path)
        batch: list[Message] = []
        t0 = time.perf_counter()
        for message in _messages(args.messages, args.threads, args.big_thread):
            batch.append(message)
            if len(batch) == 5000:
                db.run_sync(upsert_messages, batch, mark_read=True)
                batch = []
        if batch:
            db.run_sync(upsert_messages, batch, mark_read=True)
        fill_s = time.perf_counter() - t0
        # A re-poll of the last 5000 (all unchanged): the steady-state sync cost.
        again = list(_messages(args.messages, args.threads, args.big_thread))[-5000:]
        t1 = time.perf_counter()
        db.run_sync(upsert_messages, again)
        repoll_ms = (time.perf_counter() - t1) * 1000
        size_mb = path.stat().st_size / 1e6 + (
            path.with_name(path.name + "-wal").stat().st_size / 1e6
            if path.with_name(path.name + "-wal").exists() else 0
        )
        print(f"fill: {args.messages} messages / {args.threads} threads in {fill_s:.1f} s "
              f"({args.messages / fill_s:,.0f} msg/s), file {size_mb:.1f} MB")
        print(f"re-poll of 5000 unchanged messages: {repoll_ms:.0f} ms")

        big = ("5551110000", "5552000000")
        queries = ["invoice", "appointment tomorrow", "pay", "the", "zzzz", "call back tod"]
        for q in queries:
            times = _timed(partial(db.run_sync, search_messages, q, limit=50), args.repeat)
            print(f"FTS search {q!r:>24}: median {statistics.median(times):6.2f} ms")
        searches = [
            t for q in queries
            for t in _timed(partial(db.run_sync, search_messages, q, limit=50), args.repeat)
        ]
        print(f"FTS search, all queries: median {statistics.median(searches):.2f} ms")

        page = _timed(lambda: db.run_sync(thread_messages, *big, limit=50), args.repeat)
        print(f"open 5k-message thread (newest 50): median {statistics.median(page):.2f} ms")
        full = _timed(lambda: db.run_sync(thread_messages, *big, limit=10_000), 5)
        print(f"open 5k-message thread (all 5000): median {statistics.median(full):.2f} ms")
        first = db.run_sync(thread_messages, *big, limit=50)
        older = _timed(
            lambda: db.run_sync(thread_messages, *big, limit=50, before=first[0].cursor),
            args.repeat,
        )
        print(f"scroll up one page in it: median {statistics.median(older):.2f} ms")

        for label, kwargs in (
            ("first 100", {"limit": 100}),
            ("100 at offset 1900", {"limit": 100, "offset": 1900}),
            ("one DID, first 100", {"limit": 100, "did": DIDS[1]}),
        ):
            times = _timed(partial(db.run_sync, list_threads, **kwargs), args.repeat)
            print(f"thread list page ({label}): median {statistics.median(times):.2f} ms")

        mark = _timed(lambda: db.run_sync(mark_thread_read, *big), 3)
        print(f"mark 5k thread read: {statistics.median(mark):.2f} ms")

        async def via_run() -> list[float]:
            out = []
            for _ in range(args.repeat):
                t = time.perf_counter()
                await db.run(list_threads, limit=100)
                out.append((time.perf_counter() - t) * 1000)
            return out

        via = statistics.median(asyncio.run(via_run()))
        print(f"thread list via await db.run: median {via:.2f} ms")
        db.close()
        t2 = time.perf_counter()
        Database.open(path).close()
        print(f"re-open (quick_check + migrations check) and close: "
              f"{(time.perf_counter() - t2) * 1000:.0f} ms")
        current, peak = rss_mb()
        print(f"RSS: {current:.0f} MB now, {peak:.0f} MB peak")


if __name__ == "__main__":
    main()
