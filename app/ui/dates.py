"""How every list writes a date: the same words in Voicemail, Calls and Fax (#15.14)."""

from __future__ import annotations

from datetime import datetime, tzinfo


def list_date(moment: datetime | None, now: datetime, tz: tzinfo | None = None) -> str:
    """In the user's zone: ``Today 10:24``, ``Yesterday 18:02``, ``Mar 2 10:24``,
    ``Mar 2, 2025 10:24`` for other years. ``tz=None`` is the computer's zone."""
    if moment is None:
        return "Unknown date"
    local = moment.astimezone(tz)
    today = now.astimezone(tz).date()
    clock = local.strftime("%H:%M")
    days = (today - local.date()).days
    if days == 0:
        return f"Today {clock}"
    if days == 1:
        return f"Yesterday {clock}"
    day = f"{local:%b} {local.day}"
    if local.year == today.year:
        return f"{day} {clock}"
    return f"{day}, {local.year} {clock}"
