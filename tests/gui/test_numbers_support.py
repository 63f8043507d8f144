"""Shared fixtures of the Numbers GUI tests (no tests here).

The other ``test_numbers_*`` files bind these fixtures to module names
(``tab = support.tab``) because tests/gui/conftest.py belongs to the shell.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.ui.tabs.numbers import create_tab
from app.ui.tabs.numbers.did_model import Column
from app.ui.tabs.numbers.view import NumbersTab

MAIN, SALES, IVR, FAX = "6175550100", "6175550111", "6175550122", "6175550133"


@pytest.fixture(autouse=True)
def collect_garbage_on_the_gui_thread() -> Iterator[None]:
    """Free the previous test's Qt objects here, on the GUI thread.

    A finished test leaves QObjects in reference cycles (qasync's timer object
    still holding the timers of cancelled ``call_later`` handles, e.g. httpx
    time-outs). Left to the cyclic GC, they may be freed on whichever thread
    happens to allocate next - the database worker or a sandbox thread - and
    Qt then warns "Timers cannot be stopped from another thread" or crashes.
    """
    gc.collect()
    yield
    gc.collect()


@pytest.fixture
def tab(app_context: Any, qtbot: QtBot, arun: Any) -> NumbersTab:
    """The Numbers tab, loaded from the sandbox."""
    widget = create_tab(app_context)
    assert isinstance(widget, NumbersTab)
    qtbot.addWidget(widget)
    widget.resize(1400, 700)
    widget.show()
    arun(widget.refresh())
    return widget


def cell(tab: NumbersTab, number: str, column: Column) -> str:
    row = tab.model.row_of(number)
    assert row >= 0, number
    return str(tab.model.index(row, column).data())
