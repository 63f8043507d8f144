"""Numbers tab figures: table fill for a big account, and reroute round trips.

Run with ``QT_QPA_PLATFORM=offscreen python -m bench numbers``. Prints figures
only; nothing here is a test.

1. ``DidTableModel.set_dids`` with 2,000 DIDs (a large reseller account), then
   the same list again (a refresh where nothing changed: no row signals), then
   one optimistic row update - with every routing rendered in words.
2. Against the demo sandbox on 127.0.0.1: ``reroute`` of all 4 demo numbers
   (one setDIDRouting each) and a full edit (getDIDsInfo + setDIDInfo).
"""

from __future__ import annotations

import asyncio
import dataclasses
import statistics
import tempfile
import time
from pathlib import Path

from app.api.client import VoipMsClient
from app.api.typed import Api
from app.config.settings import Settings
from app.domain.did_edit import DidEdit
from app.domain.models.numbers import Did, RoutingTarget
from app.domain.routing import Route, RouteKind
from app.sandbox import SandboxServer
from app.services.lookups.service import LookupService
from app.services.numbers.changes import DidChangeSet
from app.services.numbers.presets import PresetStore
from app.services.numbers.service import NumbersService
from app.store.db import Database
from app.store.dids import DidRepo
from app.ui.app import create_qapplication
from app.ui.tabs.numbers.did_model import Column, DidTableModel

ROUTES = ["account:100001_a", "fwd:1", "vm:1001", "sip:1", "grp:1", "ivr:1", "queue:1",
          "cb:1", "tc:1", "disa:1", "recording:1", "sys:hangup", "none:"]


def _dids(count: int) -> list[Did]:
    out = []
    for i in range(count):
        out.append(Did(
            did=f"617{5550000 + i:07d}", description="BOSTON, MA",
            routing=Route.parse(ROUTES[i % len(ROUTES)]),
            failover_busy=Route.parse("vm:1001"), failover_unreachable=Route.parse("fwd:1"),
            failover_noanswer=Route.parse("none:"), voicemail="1001", pop="5", dialtime=60,
            cnam=True, callerid_prefix="", note=f"Line {i}", billing_type="1",
            sms_enabled=bool(i % 2)))
    return out


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def bench_model() -> None:
    lists = {RouteKind.FORWARD: [RoutingTarget("1", "1 - 6175550188 - Owner mobile")],
             RouteKind.VOICEMAIL: [RoutingTarget("1001", "1001 - Front desk")]}
    dids = _dids(2000)
    model = DidTableModel()
    model.set_lookups(lists, [])
    start = time.perf_counter()
    model.set_dids(dids)
    fill = time.perf_counter() - start
    start = time.perf_counter()
    model.set_dids(dids)
    same = time.perf_counter() - start
    start = time.perf_counter()
    for row in range(model.rowCount()):
        for column in Column:
            model.index(row, column).data()
    render = time.perf_counter() - start
    start = time.perf_counter()
    model.update_did(dataclasses.replace(dids[1000], routing=Route(RouteKind.VOICEMAIL, "1001")))
    one = time.perf_counter() - start
    # A refresh's change set reaches the tab twice (the event, and refresh()'s result).
    start = time.perf_counter()
    model.apply_changes(DidChangeSet(tuple(dids)))
    applied = time.perf_counter() - start
    print(f"table, 2000 DIDs: fill {_ms(fill)}, refresh unchanged {_ms(same)}, "
          f"render every cell {_ms(render)}, one optimistic row {_ms(one)}, "
          f"a refresh's change set applied again {_ms(applied)}")
    bench_fit(model)


def bench_fit(model: DidTableModel) -> None:
    """Fitting the columns to a 1100 px window (#15.15): runs after each change burst."""
    from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel
    from PySide6.QtWidgets import QWidget

    from app.ui.tabs.numbers.columns import ColumnFitter
    from app.ui.tabs.numbers.did_model import did_table

    window = QWidget()
    window.resize(1100, 700)
    proxy = QSortFilterProxyModel(window)
    proxy.setSourceModel(model)
    table = did_table(window, proxy)
    table.resize(1100, 600)
    fitter = ColumnFitter(table)
    window.show()
    QCoreApplication.processEvents()
    times = []
    for _ in range(5):
        start = time.perf_counter()
        fitter.fit()
        times.append(time.perf_counter() - start)
    start = time.perf_counter()
    table.resizeColumnsToContents()  # what the table did before (every row measured)
    qt_way = time.perf_counter() - start
    print(f"fit columns to 1100 px, 2000 DIDs: median {_ms(statistics.median(times))} "
          f"(Qt's resizeColumnsToContents: {_ms(qt_way)}); hidden: "
          f"{', '.join(c.name.lower() for c in fitter.hidden_columns()) or 'none'}")
    window.close()


async def bench_sandbox() -> None:
    server = SandboxServer(port=0, seed=1, profile="demo").start()
    with tempfile.TemporaryDirectory() as tmp:
        client = VoipMsClient(server.username, server.password, base_url=server.url,
                              min_interval=0)
        api = Api(client)
        db = Database.open(Path(tmp) / "c.db")
        service = NumbersService(api, DidRepo(db), LookupService(api, db),
                                 PresetStore(Settings()))
        start = time.perf_counter()
        await service.refresh_lookups()
        await service.refresh()
        print(f"first load (11 target lists + servers + DIDs): "
              f"{_ms(time.perf_counter() - start)}")
        numbers = [d.did for d in await service.dids()]
        reroutes, edits = [], []
        for i in range(5):
            target = Route(RouteKind.VOICEMAIL, "1001" if i % 2 == 0 else "1002")
            start = time.perf_counter()
            await service.reroute(numbers, target)
            reroutes.append(time.perf_counter() - start)
            start = time.perf_counter()
            await service.save_edit(numbers[0], DidEdit(note=f"Note {i}", dialtime=30 + i))
            edits.append(time.perf_counter() - start)
        print(f"bulk reroute of {len(numbers)} numbers: median {_ms(statistics.median(reroutes))}"
              f"; full edit (read + write): median {_ms(statistics.median(edits))}")
        await client.aclose()
        db.close()
    server.stop()


def main() -> int:
    app = create_qapplication()  # the app's one place for the PySide6 fix
    bench_model()
    asyncio.run(bench_sandbox())
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
