"""The balance in the header: current balance, today's spend and calls, a refresh button.

Signals:
    refresh_requested(): the user asked for a fresh figure.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from app.domain.models.balance import Balance
from app.ui import dates, style
from app.ui.i18n import localized, translate
from app.ui.plain_text import plain_tooltip
from app.ui.widgets.strips import TintedStrip

if TYPE_CHECKING:
    # Named only: the calls rules are not needed for the header's first paint.
    from app.domain.calls import Forecast


def format_money(amount: Decimal) -> str:
    """``$1,234.56`` / ``1 234,56 $`` (``app.ui.dates.money``)."""
    return dates.money(amount)


def fetched_today(fetched_at: datetime, now: datetime | None = None) -> bool:
    """Whether the figure was fetched today (local time)."""
    return fetched_at.astimezone().date() == (now or datetime.now().astimezone()).date()


def fetched_text(fetched_at: datetime, now: datetime | None = None) -> str:
    """"updated 16:01" today, "updated Nov 25 16:01" for an older (cached) figure."""
    local = fetched_at.astimezone()
    clock = dates.clock(local)
    if fetched_today(fetched_at, now):
        return QCoreApplication.translate("BalanceWidget", "updated {time}").format(time=clock)
    return QCoreApplication.translate("BalanceWidget", "updated {day} {time}").format(
        day=dates.day_month(local.date()), time=clock
    )


def today_text(balance: Balance) -> str:
    parts: list[str] = []
    if balance.spent_today is not None:
        parts.append(translate("BalanceWidget", "{amount} spent today").format(
            amount=format_money(balance.spent_today)))
    if balance.calls_today is not None:
        calls = balance.calls_today
        parts.append(translate("BalanceWidget", "%n call(s) today", "", calls))
    return " · ".join(parts)


class BalanceWidget(QWidget):
    refresh_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel(translate("BalanceWidget", "Balance"), self)
        style.set_look(self.caption, style.MUTED)
        self.amount = QLabel("—", self)
        style.set_look(self.amount, style.AMOUNT)
        self.amount.setAccessibleName(translate("BalanceWidget", "Account balance"))
        self.detail = QLabel(translate("BalanceWidget", "Loading balance…"), self)
        style.set_look(self.detail, style.BALANCE_DETAIL)
        # On two lines when the window is narrow: on one, "about 202 days left · $0.12
        # spent today · 5 calls today · updated 14:29" (longer in French) made the
        # window at least ~1,100 px wide.
        self.detail.setWordWrap(True)
        self.warning = TintedStrip(self)
        self.warning.hide()
        self.refresh_button = QToolButton(self)
        self.refresh_button.setText(translate("BalanceWidget", "Refresh balance"))
        self.refresh_button.setToolTip(translate(
            "BalanceWidget",
            "Fetch the balance from VoIP.ms now",
        ))
        self.refresh_button.clicked.connect(self.refresh_requested)

        figures = QVBoxLayout()
        figures.setSpacing(0)
        figures.addWidget(self.caption)
        figures.addWidget(self.amount)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(figures)
        row.addSpacing(12)
        row.addWidget(self.detail, 1)  # takes the room left, so it wraps only if short
        row.addSpacing(12)
        row.addWidget(self.warning)
        row.addWidget(self.refresh_button)

    def comfortable_width(self) -> int:
        """Wide enough for the balance line on two lines, about (~40 characters each)."""
        return (self.minimumSizeHint().width()
                + self.detail.fontMetrics().averageCharWidth() * 40)

    def show_balance(
        self, balance: Balance, *, fetched_at: datetime | None, threshold: Decimal,
        forecast: Forecast | None = None, short: bool = False,
    ) -> None:
        self.amount.setText(format_money(balance.current))
        # A figure kept from an earlier day: its "today" was that day, so only the
        # balance and when it was fetched are shown until a fresh one arrives.
        same_day = fetched_at is None or fetched_today(fetched_at)
        detail = today_text(balance) if same_day else ""
        if forecast is not None and forecast.days_left is not None:
            days = localized(forecast.text())
            detail = f"{days} · {detail}" if detail else days
        if fetched_at is not None:
            stamp = fetched_text(fetched_at)
            detail = f"{detail} · {stamp}" if detail else stamp
        self.detail.setText(detail)
        self.detail.setToolTip("")
        low = threshold > 0 and balance.current < threshold
        self.warning.setVisible(low or short)
        if low:
            self.warning.setText(translate(
                "BalanceWidget",
                "Low balance: under {amount}",
            ).format(amount=format_money(threshold)))
        elif short and forecast is not None:
            self.warning.setText(translate(
                "BalanceWidget",
                "Low balance: {days}",
            ).format(days=localized(forecast.text())))

    def show_error(self, message: str, *, have_figure: bool) -> None:
        """Keep the last figure (if any) and say the refresh failed."""
        if not have_figure:
            self.amount.setText("—")
            self.detail.setText(translate("BalanceWidget", "Balance unavailable"))
        else:
            failed = translate("BalanceWidget", "could not update")
            self.detail.setText(self.detail.text().split(f" · {failed}")[0] + f" · {failed}")
        self.detail.setToolTip(plain_tooltip(localized(message)))

    def set_busy(self, busy: bool) -> None:
        self.refresh_button.setEnabled(not busy)
        if busy and self.amount.text() == "—":
            self.detail.setText(translate("BalanceWidget", "Loading balance…"))
