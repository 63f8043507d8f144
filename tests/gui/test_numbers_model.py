"""DidTableModel's incremental updates (no sandbox needed)."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.routing import Route, RouteKind
from app.ui.tabs.numbers.did_model import Column, DidTableModel
from tests.unit.services.test_numbers_edit import make_did


def test_set_dids_removes_inserts_and_updates_in_place(qtbot: QtBot, qtmodeltester: Any) -> None:
    model = DidTableModel()
    a, b, c = (make_did(n) for n in ("5550000001", "5550000002", "5550000003"))
    model.set_dids([a, b, c])
    qtmodeltester.check(model)
    removed: list[tuple[int, int]] = []
    inserted: list[tuple[int, int]] = []
    changed: list[int] = []
    model.rowsRemoved.connect(lambda _p, first, last: removed.append((first, last)))
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    model.dataChanged.connect(lambda top, _bottom, _roles=(): changed.append(top.row()))
    d = make_did("5550000004")
    c2 = dataclasses.replace(c, routing=Route(RouteKind.VOICEMAIL, "1001"))
    model.set_dids([a, c2, d])
    assert removed == [(1, 1)]
    assert inserted == [(2, 2)]
    assert changed == [1]  # only c changed; a untouched
    assert [model.row_of(n) for n in ("5550000001", "5550000003", "5550000004")] == [0, 1, 2]
    assert model.row_of("5550000002") == -1
    assert model.index(1, Column.ROUTING).data() == "Voicemail 1001"
    model.set_pending("5550000003", "routing to Voicemail 1001")
    tooltip = model.index(1, Column.ROUTING).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "Saving: routing to Voicemail 1001"
    assert model.index(1, 0).data(Qt.ItemDataRole.FontRole).italic()
    model.set_pending("5550000003", None)
    assert model.index(1, 0).data(Qt.ItemDataRole.FontRole) is None
    qtmodeltester.check(model)
