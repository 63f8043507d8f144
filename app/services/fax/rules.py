"""Fax rules without I/O: which faxes are inbound, how one is named, names and windows.

Kept apart from the service so the tab's first paint (the table model, the
folder list) can use them without importing the service's sync machinery.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, timedelta

# Re-exported: the fax service and tab import it from here.
from app.domain.email_address import valid_email as valid_email
from app.domain.errors import UserFacingError
from app.domain.models.fax import FaxFolder, FaxMessage
from app.domain.models.voicemail import phonebook_name
from app.domain.phone import format_number
from app.domain.words import QT_TRANSLATE_NOOP, Text

#: Folders every account has; they cannot be renamed or deleted.
SYSTEM_FOLDERS = ("INBOX", "SENT")
#: ``from``/``to`` may span at most 92 days (API-NOTES.md): 91 days between them.
MAX_WINDOW_DAYS = 91
_FOLDER_NAME = re.compile(r"^[A-Za-z0-9 _-]{1,40}$")


def is_inbound(fax: FaxMessage) -> bool:
    # The API has no direction field: Sent holds what we sent, and a sent fax
    # moved to another folder still says "OUTBOUND FAX".
    return fax.folder.upper() != "SENT" and not fax.description.upper().startswith("OUTBOUND")


def sender_name(fax: FaxMessage, names: Mapping[str, str] | None = None) -> str:
    """Who sent it: the phonebook's name for its caller id (as the other tabs name
    that caller), else the station id its machine gives ("NORTHSIDE FLOUR")."""
    return phonebook_name(names, fax.callerid) or fax.stationid.strip()


def fax_label(fax: FaxMessage) -> str:
    """How a fax is named in messages: "the fax from (617) 555-0142"."""
    if is_inbound(fax):
        who = format_number(fax.callerid) if fax.callerid else fax.stationid or "unknown sender"
        return f"the fax from {who}"
    return f"the fax to {format_number(fax.destination) or 'unknown number'}"


def plan_windows(today: date, days: int) -> list[tuple[date, date]]:
    """``[(from, to), ...]`` covering the last ``days`` days, newest first, <= 92 days each."""
    days = max(1, days)
    start = today - timedelta(days=days - 1)
    windows: list[tuple[date, date]] = []
    end = today
    while end >= start:
        begin = max(start, end - timedelta(days=MAX_WINDOW_DAYS))
        windows.append((begin, end))
        end = begin - timedelta(days=1)
    return windows


def check_folder_name(
    name: str, existing: Iterable[FaxFolder], *, renaming: FaxFolder | None = None
) -> str:
    """``name`` stripped, or a ``UserFacingError`` saying why it cannot name a folder."""
    name = name.strip()
    if not _FOLDER_NAME.match(name):
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "services",
                "A folder name has 1 to 40 letters, digits, spaces, dashes or underscores.",
            )
        )
    for folder in existing:
        if folder.name.lower() == name.lower() and folder != renaming:
            raise UserFacingError(Text(
                QT_TRANSLATE_NOOP(
                    "services",
                    "There is already a folder named “{name}”.",
                ),
                name=folder.name,
            ))
    return name


def is_system_folder(folder: FaxFolder) -> bool:
    return folder.name.upper() in SYSTEM_FOLDERS
