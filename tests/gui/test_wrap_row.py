"""A toolbar row that wraps (``app.ui.widgets.wrap_row``): its second group sits at
the right edge while both fit, and below the first, flush right, when they do not;
the row then needs only as much width as its wider group."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.ui.widgets.wrap_row import FlowRow, WrapRow


def _group(parent: QWidget, *texts: str) -> QWidget:
    group = QWidget(parent)
    row = QHBoxLayout(group)
    row.setContentsMargins(0, 0, 0, 0)
    for text in texts:
        row.addWidget(QPushButton(text, group))
    return group


def _row(qtbot: QtBot) -> tuple[QWidget, QWidget, QWidget]:
    page = QWidget()
    qtbot.addWidget(page)
    first = _group(page, "Send a fax…", "Show: last 90 days")
    second = _group(page, "Move to", "Delete", "E-mail…", "Save PDF…", "Print…")
    column = QVBoxLayout(page)
    column.addLayout(WrapRow(first, second))
    column.addStretch(1)
    return page, first, second


def test_both_groups_on_one_line_when_they_fit(qtbot: QtBot) -> None:
    page, first, second = _row(qtbot)
    needed = first.sizeHint().width() + second.sizeHint().width() + 60
    page.resize(needed, 200)
    page.show()
    qtbot.waitExposed(page)
    assert first.geometry().top() == second.geometry().top()
    assert first.geometry().left() < second.geometry().left()
    # The second group at the right edge, as a stretch before it used to put it.
    margins = page.layout().contentsMargins()
    assert second.geometry().right() == page.width() - margins.right() - 1


def test_a_narrow_row_puts_the_second_group_below_flush_right(qtbot: QtBot) -> None:
    page, first, second = _row(qtbot)
    page.show()
    qtbot.waitExposed(page)
    # Narrower than both groups side by side, wider than either.
    width = max(first.sizeHint().width(), second.sizeHint().width()) + 30
    page.resize(width, 200)
    qtbot.waitUntil(lambda: second.geometry().top() >= first.geometry().bottom())
    margins = page.layout().contentsMargins()
    assert second.geometry().right() == page.width() - margins.right() - 1
    assert not first.geometry().intersects(second.geometry())
    # The row asks only for its wider group, not for both.
    assert page.minimumSizeHint().width() < first.sizeHint().width() + second.sizeHint().width()


def test_a_hidden_group_leaves_no_gap(qtbot: QtBot) -> None:
    page, first, second = _row(qtbot)
    second.hide()
    page.resize(200, 200)
    page.show()
    qtbot.waitExposed(page)
    assert page.layout().itemAt(0).layout().heightForWidth(200) == first.sizeHint().height()


def _flow(qtbot: QtBot, count: int) -> tuple[QWidget, list[QPushButton]]:
    page = QWidget()
    qtbot.addWidget(page)
    buttons = [QPushButton(f"Action number {n}", page) for n in range(count)]
    column = QVBoxLayout(page)
    column.addLayout(FlowRow(*buttons))
    column.addStretch(1)
    return page, buttons


def test_a_flow_row_keeps_every_button_on_one_line_when_they_fit(qtbot: QtBot) -> None:
    page, buttons = _flow(qtbot, 4)
    page.resize(page.sizeHint().width() + 40, 200)
    page.show()
    qtbot.waitExposed(page)
    assert len({b.geometry().top() for b in buttons}) == 1
    lefts = [b.geometry().left() for b in buttons]
    assert lefts == sorted(lefts)


def test_a_narrow_flow_row_wraps_button_by_button_and_hides_none(qtbot: QtBot) -> None:
    page, buttons = _flow(qtbot, 5)
    page.show()
    qtbot.waitExposed(page)
    # Room for two buttons a line: three lines, every button whole and in the page.
    two = buttons[0].sizeHint().width() * 2 + 40
    page.resize(two, 300)
    qtbot.waitUntil(lambda: len({b.geometry().top() for b in buttons}) == 3)
    for button in buttons:
        assert button.isVisible()
        assert page.rect().contains(button.geometry())
        assert button.width() == button.sizeHint().width()
    boxes = [b.geometry() for b in buttons]
    assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    # The row asks for its widest button only, and for the height its lines take.
    assert page.minimumSizeHint().width() < two
    assert page.layout().heightForWidth(two) >= 3 * buttons[0].sizeHint().height()
