"""getIP, getBalance, getTransactionHistory."""

from __future__ import annotations

from typing import Any

from app.sandbox.handlers.base import Call, date_window, handler, parse_day


@handler("getIP")
def get_ip(call: Call) -> dict[str, Any]:
    return {"ip": call.client_ip}


@handler("getBalance")
def get_balance(call: Call) -> dict[str, Any]:
    state = call.state
    balance: dict[str, Any] = {"current_balance": f"{state.balance:.6f}"}
    if call.flag("advanced"):
        today = state.clock.today()
        sends = state.sends_by_day.get(today, 0)
        balance.update({
            "spent_total": "214.73410", "calls_total": "2788", "time_total": "97:17:48",
            "spent_today": f"{0.0075 * sends + 0.1205:.4f}", "calls_today": 5 + sends,
            "time_today": "00:10:50",
        })
    return {"balance": balance}


@handler("getTransactionHistory")
def get_transaction_history(call: Call) -> dict[str, Any]:
    window = date_window(call, "date_from", "date_to", required=True)
    rows = [r for r in call.state.transactions
            if window[0] <= parse_day(r["date"]) <= window[1]]
    # No documented empty status for this one: an empty list, like the lookups.
    return {"transactions": sorted(rows, key=lambda r: r["date"], reverse=True)}

