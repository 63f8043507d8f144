"""Where a desktop notification leads: the tab and item a click on it opens.

Services attach a ``NotifyTarget`` to what they announce through the
``NotifierLike`` port (``app/services/root.py``); the UI's notifier hands it
back when the notification is clicked and the window opens it
(``app/ui/notify_open.py``). Plain data: no Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class NotifyTarget:
    """``tab``: a tab key of ``app/ui/tab_loader.TABS`` ("" = just the window).

    ``item`` says what to select in it, per tab:
    voicemail ``(mailbox, folder, message_num)``, messages ``(did, contact)``,
    fax ``(folder, fax_id)``, calls ``(call_id,)``; ``()`` = the tab alone.
    """

    tab: str = ""
    item: tuple[str, ...] = ()


def voicemail_target(key: tuple[str, str, int] | None) -> NotifyTarget:
    """One voicemail (its key), or the tab for several."""
    if key is None:
        return NotifyTarget("voicemail")
    mailbox, folder, number = key
    return NotifyTarget("voicemail", (mailbox, folder, str(number)))


def conversation_target(did: str, contact: str) -> NotifyTarget:
    return NotifyTarget("messages", (did, contact))


def fax_target(folder: str, fax_id: int) -> NotifyTarget:
    return NotifyTarget("fax", (folder, str(fax_id)))


def call_target(call_id: str) -> NotifyTarget:
    return NotifyTarget("calls", (call_id,))
