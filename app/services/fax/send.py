"""Sending a fax: validation, the size check, one ``sendFaxMessage`` call, reconciliation.

``sendFaxMessage`` is not idempotent and is never retried automatically (the
client never retries sends). When the call fails the composed fax stays with
the caller (the compose dialog keeps it) and the error says whether it went out:

* a refusal (``StatusError``) means it was not sent: fix and send again;
* no answer (``TransportError``, a time-out) means we do not know: the Sent
  folder is synced and searched for a fax to that number sent in the last few
  minutes before telling the user to check it rather than resend blindly.

Size: the reference names ``exceeds_file_size`` ("The file exceeds the limite
size allowed") without a number. We refuse files over
``MAX_FAX_FILE_BYTES`` (10 MB, about 13.3 MB once base64-encoded in the POST)
before uploading, and map ``exceeds_file_size`` to the same advice.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.api.errors import StatusError, TransportError
from app.domain.errors import UserFacingError
from app.domain.models.sends import SendState
from app.domain.phone import format_number, is_valid_nanp, normalize
from app.domain.words import QT_TRANSLATE_NOOP, DataSize, Lines, Text, Verbatim
from app.services.fax.changes import FaxChanges
from app.services.fax.journal import FEATURE, FaxJournal, copies_in_sent
from app.services.fax.rules import valid_email
from app.services.fax.service import FaxService
from app.services.messages.journal import CANCELLED_TEXT
from app.services.sends import InFlightSends

log = logging.getLogger(__name__)

MAX_FAX_FILE_BYTES = 10_000_000
#: station_id is shown on the recipient's machine (T.30 TSI): 20 characters.
MAX_STATION_ID = 20
MAX_SENDER_NAME = 40
#: How far back the Sent folder is searched when the send timed out.
RECONCILE_WINDOW = timedelta(minutes=10)


@dataclass(frozen=True, slots=True)
class OutgoingFax:
    """A composed fax: everything ``sendFaxMessage`` takes, with the merged PDF."""

    to_number: str
    from_number: str
    sender_name: str
    station_id: str
    email_copy: str
    document: Path
    pages: int


class SendFailed(UserFacingError):
    """The fax was (probably) not sent; the composed fax is kept for another try."""


class SendUncertain(UserFacingError):
    """No answer while sending: it may have gone out. Check Sent before resending."""


def size_text(size: int) -> DataSize:
    """Decimal units, as file managers show them: the limit reads "10.0 MB" (and in the
    UI's language through ``i18n.localized``: "10,0 Mo")."""
    return DataSize(size)


def check_outgoing(fax: OutgoingFax, *, size: int | None = None) -> list[str]:
    """Every problem with ``fax`` as a sentence (empty when it can be sent)."""
    problems: list[str] = []
    if not normalize(fax.to_number):
        problems.append(QT_TRANSLATE_NOOP("services", "Enter the fax number to send to."))
    elif not is_valid_nanp(fax.to_number):
        problems.append(Text(QT_TRANSLATE_NOOP(
            "services",
            "“{number}” is not a valid US or Canadian fax number (10 digits, area code first).",
        ), number=Verbatim(fax.to_number.strip())))
    if not normalize(fax.from_number):
        problems.append(QT_TRANSLATE_NOOP("services", "Choose the fax number to send from."))
    if len(fax.sender_name.strip()) > MAX_SENDER_NAME:
        problems.append(Text(QT_TRANSLATE_NOOP(
            "services", "The sender name is longer than {count} characters."),
            count=MAX_SENDER_NAME))
    if len(fax.station_id.strip()) > MAX_STATION_ID:
        problems.append(Text(QT_TRANSLATE_NOOP(
            "services", "The station id is longer than {count} characters."),
            count=MAX_STATION_ID))
    if fax.email_copy.strip() and not valid_email(fax.email_copy):
        problems.append(Text(QT_TRANSLATE_NOOP(
            "services", "“{email}” is not a valid e-mail address."),
            email=Verbatim(fax.email_copy.strip())))
    if fax.pages <= 0:
        problems.append(QT_TRANSLATE_NOOP("services", "Attach at least one document to fax."))
    if size is not None and size > MAX_FAX_FILE_BYTES:
        problems.append(Text(QT_TRANSLATE_NOOP(
            "services",
            "The fax document is {size}; the most that can be sent is {limit}. "
            "Remove pages or attach smaller images.",
        ), size=size_text(size), limit=size_text(MAX_FAX_FILE_BYTES)))
    return problems


class FaxSender:
    """Sends composed faxes through the service's api and syncs the Sent folder after."""

    def __init__(
        self,
        service: FaxService,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        journal: FaxJournal | None = None,
        in_flight: InFlightSends | None = None,
    ) -> None:
        """``journal`` (the running app: ``AppServices.fax_sender``): every send is
        recorded before it goes out and reconciled after an interruption."""
        self.service = service
        self._clock = clock
        self.journal = journal
        self.in_flight = in_flight if in_flight is not None else InFlightSends()

    async def send(self, fax: OutgoingFax) -> FaxChanges:
        """Send ``fax``; raises SendFailed / SendUncertain with a clear sentence.

        Returns what the follow-up sync of the Sent folder changed in the store
        (empty when that sync failed: the fax went out all the same).
        """
        try:
            data = await asyncio.to_thread(fax.document.read_bytes)
        except OSError as exc:
            raise SendFailed(
                QT_TRANSLATE_NOOP(
                    "services",
                    "The composed fax document could not be read. Attach the files again.",
                ),
                detail=str(exc),
            ) from exc
        problems = check_outgoing(fax, size=len(data))
        if problems:
            raise SendFailed(Lines(problems, " "))
        if self.journal is None:
            return await self._send(fax, data, None)
        entry = await self.journal.begin(
            normalize(fax.to_number), normalize(fax.from_number),
            f"{fax.pages} page{'s' if fax.pages != 1 else ''}", str(fax.document),
            {"sender_name": fax.sender_name, "station_id": fax.station_id,
             "email_copy": fax.email_copy, "pages": str(fax.pages)})
        with self.in_flight.tracking((FEATURE, entry.id)):
            try:
                return await self._send(fax, data, entry.id)
            except asyncio.CancelledError:
                await asyncio.shield(self.journal.mark(entry.id, SendState.UNKNOWN,
                                                       CANCELLED_TEXT))
                raise

    async def _send(self, fax: OutgoingFax, data: bytes, entry_id: int | None) -> FaxChanges:
        started = self._clock()
        to = format_number(fax.to_number)
        try:
            await self.service.api.send_fax(
                normalize(fax.to_number),
                normalize(fax.from_number),
                data,
                from_name=fax.sender_name.strip(),
                station_id=fax.station_id.strip(),
                email_copy_to=fax.email_copy.strip(),
            )
        except TransportError as exc:
            found = await self._found_in_sent(fax, started, entry_id)
            if found is not None:
                log.info("Fax to %s timed out but is in the Sent folder", to)
                await self._mark(entry_id, SendState.SENT)
                return found
            await self._mark(entry_id, SendState.UNKNOWN, "No answer from VoIP.ms.")
            raise SendUncertain(
                Text(
                    QT_TRANSLATE_NOOP(
                        "services",
                        "VoIP.ms did not answer while sending the fax to {to}: it may have been "
                        "sent. Check the Sent folder in a few minutes before sending it again.",
                    ),
                    to=to,
                ),
                detail=exc.detail,
            ) from exc
        except StatusError as exc:
            advice = (
                Text(QT_TRANSLATE_NOOP("services", " The most that can be sent is {limit}."),
                     limit=size_text(MAX_FAX_FILE_BYTES))
                if exc.status == "exceeds_file_size"
                else ""
            )
            # Refused: the compose dialog keeps the fax; nothing left to show here.
            await self._mark(entry_id, SendState.FAILED, exc.message, closed=True)
            raise SendFailed(
                Text(
                    QT_TRANSLATE_NOOP(
                        "services",
                        "The fax to {to} was not sent: {message}{advice} Your fax is kept: you "
                        "can correct it and send it again.",
                    ),
                    to=to, message=exc.message, advice=advice,
                ),
                detail=exc.detail,
            ) from exc
        await self._mark(entry_id, SendState.SENT)
        # The outcome (status, pages) shows up in Sent with the next listing.
        try:
            return (await self.service.sync(days=2)).changes
        except UserFacingError as exc:
            log.info("Fax sent; refreshing the Sent folder failed: %s", exc.message)
            return FaxChanges()

    async def send_again(self, entry_id: int) -> FaxChanges:
        """Send a journalled fax that surely did not go out ("Not sent"), as a new send."""
        entry = await self.journal.entry(entry_id) if self.journal is not None else None
        if (entry is None or entry.state is not SendState.FAILED or entry.closed
                or not entry.attachments):
            raise UserFacingError(QT_TRANSLATE_NOOP(
                "services",
                "This fax is no longer waiting to be sent again.",
            ))
        extra = entry.extra
        fax = OutgoingFax(
            to_number=entry.contact, from_number=entry.did,
            sender_name=extra.get("sender_name", ""), station_id=extra.get("station_id", ""),
            email_copy=extra.get("email_copy", ""), document=Path(entry.attachments[0]),
            pages=int(extra.get("pages", "1") or 1),
        )
        changes = await self.send(fax)
        assert self.journal is not None
        await self.journal.mark(entry_id, SendState.FAILED, entry.error, closed=True)
        return changes

    async def _mark(self, entry_id: int | None, state: SendState, error: str = "", *,
                    closed: bool = False) -> None:
        if self.journal is not None and entry_id is not None:
            await self.journal.mark(entry_id, state, error, closed=closed)

    async def _found_in_sent(
        self, fax: OutgoingFax, started: datetime, entry_id: int | None
    ) -> FaxChanges | None:
        """The sync's changes when the fax is in Sent after all, else ``None``."""
        try:
            result = await self.service.sync(days=2)
        except UserFacingError:
            return None
        target = normalize(fax.to_number)
        since, until = started - RECONCILE_WINDOW, self._clock() + RECONCILE_WINDOW
        sent = await self.service.messages("SENT")
        if self.journal is not None and entry_id is not None:
            # Not a fax another journalled send to that number put in Sent.
            found = await self.journal.in_sent(entry_id, target, sent, since, until)
        else:
            found = copies_in_sent(sent, target, since) > 0
        return result.changes if found else None
