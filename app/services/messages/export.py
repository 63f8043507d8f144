"""Export of one conversation to CSV or plain text (pure formatting + an atomic write).

Dates are written in the user's local time zone (what the conversation view
shows) with the offset, so a spreadsheet sorts them and a reader is not
confused by UTC.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import tzinfo

from app.domain.models.messages import Direction, Message
from app.domain.phone import format_number
from app.domain.spreadsheet import safe_cell

CSV_HEADER = ("date", "direction", "our_number", "contact", "kind", "text", "media")


def to_csv(messages: Sequence[Message], *, tz: tzinfo | None = None) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for m in sorted(messages, key=lambda m: (m.date, m.id)):
        # Text from senders (and links) is neutralised: a spreadsheet must not run it.
        writer.writerow(
            (
                m.date.astimezone(tz).isoformat(timespec="seconds"),
                "sent" if m.direction is Direction.SENT else "received",
                m.did,
                m.contact,
                m.kind.value,
                safe_cell(m.text),
                safe_cell(" ".join(m.media)),
            )
        )
    return buffer.getvalue()


def to_text(messages: Sequence[Message], *, contact_label: str, tz: tzinfo | None = None) -> str:
    """A readable transcript: one header, then ``[date time] Who: text`` lines by day."""
    ordered = sorted(messages, key=lambda m: (m.date, m.id))
    lines = [f"Conversation with {contact_label}"]
    if ordered:
        lines.append(f"Our number: {format_number(ordered[0].did)}")
    current_day = ""
    for m in ordered:
        local = m.date.astimezone(tz)
        day = local.strftime("%A %d %B %Y")
        if day != current_day:
            lines.extend(["", f"--- {day} ---"])
            current_day = day
        who = "Me" if m.direction is Direction.SENT else contact_label
        text = m.text.replace("\n", "\n    ")
        attachments = f" [{len(m.media)} attachment(s)]" if m.media else ""
        lines.append(f"[{local.strftime('%H:%M')}] {who}: {text}{attachments}")
    return "\n".join(lines) + "\n"


