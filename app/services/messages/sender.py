"""Sending SMS/MMS: draft first, never a blind retry, timeouts reconciled with history.

``sendSMS``/``sendMMS`` are not idempotent: a request that timed out may well
have gone out. So the sender

1. stores the draft (text) before anything goes on the wire;
2. sends part after part (a long text split into SMS, or one MMS with images);
3. on a clear refusal (a status such as ``sms_toolong`` or ``limit_reached``)
   keeps the draft with what is left unsent and the error;
4. on an ambiguous failure (timeout, connection lost, garbled answer) fetches
   the conversation's history for the day and looks for a sent row with the
   same DID, contact and text from the last few minutes: found means sent;
   not found keeps the draft with an explanation and sends nothing again;
5. on success stores the sent rows at once (the next poll upserts the same
   (kind, id) with the provider's date) and clears the draft.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from app.api.errors import TransportError
from app.domain.errors import UserFacingError
from app.domain.models.messages import Direction, Message, MessageKind
from app.domain.phone import format_number, is_valid_nanp, normalize
from app.domain.sms_text import (
    MAX_ATTACHMENT_BYTES,
    MAX_ATTACHMENTS,
    LongTextMode,
    plan_parts,
    validate_text,
)
from app.domain.timeutil import provider_date

if TYPE_CHECKING:
    from app.services.messages.changes import ThreadChange
    from app.services.messages.ports import MessagesApi, SendStore
    from app.services.messages.sync import MessageSync

log = logging.getLogger(__name__)

#: How far back a sent row may date to count as "the one that timed out".
RECONCILE_WINDOW = timedelta(minutes=5)


class SendFailed(UserFacingError):
    """Nothing (or not everything) went out; the draft keeps what is left."""

    def __init__(self, message: str, *, sent: Sequence[Message] = (), detail: str = "",
                 unsent_text: str = "") -> None:
        super().__init__(message, detail=detail)
        self.sent = list(sent)
        #: What the draft keeps (the parts that did not go out): the compose box shows it.
        self.unsent_text = unsent_text
        #: The conversation after the attempt (parts that did go out), filled in by
        #: ``MessagesService.send`` so the view applies it without re-reading.
        self.change: ThreadChange | None = None


@dataclass(slots=True)
class SendOutcome:
    """What became of one send: sent, and matched to the provider's copy."""
    sent: list[Message] = field(default_factory=list)
    #: Parts confirmed from the history after an ambiguous failure.
    reconciled: int = 0


class MessageSender:
    def __init__(
        self,
        api: MessagesApi,
        store: SendStore,
        sync: MessageSync,
        *,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        reconcile_delays: Sequence[float] = (0.0, 1.5, 4.0),
        sleep: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        self.api = api
        self.store = store
        self.sync = sync
        self.now = now
        # A slow provider may record the message a little after we gave up
        # waiting: look a few times before declaring it unsent.
        self.reconcile_delays = tuple(reconcile_delays)
        # ``None``: asyncio.sleep, looked up when used (tests pass their own).
        self._sleep = sleep

    async def send(
        self,
        did: str,
        contact: str,
        text: str,
        images: Sequence[bytes] = (),
        *,
        mode: LongTextMode = LongTextMode.SPLIT,
        attachment_paths: Sequence[str] = (),
    ) -> SendOutcome:
        """Send ``text`` (and ``images``, already downscaled) from ``did`` to ``contact``.

        ``attachment_paths`` are the files the images came from, remembered in
        the draft so a failed send can be retried with the same pictures.
        Raises ``SendFailed`` (a ``UserFacingError``) with the draft kept.
        """
        did, contact = normalize(did), normalize(contact)
        self._validate(did, contact, text, images)
        await self.store.save_draft(did, contact, text, "", attachment_paths)
        kind, parts = plan_parts(text, media_count=len(images), mode=mode)
        outcome = SendOutcome()
        for index, part in enumerate(parts):
            media = list(images) if index == 0 else []
            started = self.now()
            message: Message | None
            try:
                message = await self._send_one(kind, did, contact, part, media, started)
            except TransportError as exc:
                message = await self._reconcile(did, contact, part, started)
                if message is None:
                    await self._keep_draft(did, contact, parts[index:],
                                           _ambiguous_text(exc, outcome),
                                           attachment_paths if index == 0 else ())
                    raise SendFailed(_ambiguous_text(exc, outcome), sent=outcome.sent,
                                     detail=exc.detail,
                                     unsent_text="".join(parts[index:])) from exc
                outcome.reconciled += 1
            except UserFacingError as exc:
                error = _refused_text(exc.message, outcome, len(parts))
                await self._keep_draft(did, contact, parts[index:], error,
                                       attachment_paths if index == 0 else ())
                raise SendFailed(error, sent=outcome.sent, detail=exc.detail,
                                 unsent_text="".join(parts[index:])) from exc
            if message is not None:
                outcome.sent.append(message)
        await self.store.clear_draft(did, contact)
        return outcome

    # --- steps -------------------------------------------------------------------------

    def _validate(self, did: str, contact: str, text: str, images: Sequence[bytes]) -> None:
        if not did:
            raise UserFacingError("Choose which of your numbers sends the message.")
        if not is_valid_nanp(contact):
            raise UserFacingError(
                f"{format_number(contact) or 'The number'} is not a valid North American "
                "phone number (10 digits, e.g. (555) 123-4567)."
            )
        problem = validate_text(text, has_media=bool(images))
        if problem:
            raise UserFacingError(problem)
        if len(images) > MAX_ATTACHMENTS:
            raise UserFacingError(f"An MMS can carry at most {MAX_ATTACHMENTS} images.")
        for image in images:
            if len(image) > MAX_ATTACHMENT_BYTES:
                raise UserFacingError(
                    "An image is larger than VoIP.ms accepts (about 1.2 MB); attach a smaller one."
                )

    async def _send_one(
        self, kind: str, did: str, contact: str, text: str, media: list[bytes],
        started: datetime,
    ) -> Message:
        if kind == "mms":
            remote_id = await self.api.send_mms(did, contact, text, media)
            msg_kind = MessageKind.MMS
        else:
            remote_id = await self.api.send_sms(did, contact, text)
            msg_kind = MessageKind.SMS
        message = Message(msg_kind, int(remote_id), started, Direction.SENT, did, contact, text)
        await self.store.upsert([message], mark_read=True)
        return message

    async def _reconcile(
        self, did: str, contact: str, text: str, started: datetime
    ) -> Message | None:
        """After an ambiguous failure: did the provider record this text as sent?"""
        for delay in self.reconcile_delays:
            if delay:
                await (self._sleep or asyncio.sleep)(delay)
            try:
                day = provider_date(started, self.sync.zone)
                rows = await self.sync.fetch_recent(did, contact, day)
            except UserFacingError:
                log.warning("Could not fetch history to reconcile a timed-out send",
                            exc_info=True)
                continue
            since, until = started - RECONCILE_WINDOW, self.now() + RECONCILE_WINDOW
            # One transaction: the fetched rows are stored, then searched.
            match = await self.store.upsert_and_find_sent(rows, did, contact, text, since, until)
            if match is not None:
                log.info("Timed-out send found in history as %s %s", match.message.kind,
                         match.message.id)
                return match.message
        return None

    async def _keep_draft(
        self, did: str, contact: str, unsent_parts: Sequence[str], error: str,
        attachments: Sequence[str],
    ) -> None:
        # The draft keeps exactly what did not go out, so "Send" again never
        # duplicates a part that was delivered.
        await self.store.save_draft(did, contact, "".join(unsent_parts), error, attachments)


def _refused_text(reason: str, outcome: SendOutcome, total: int) -> str:
    if outcome.sent:
        return (f"{len(outcome.sent)} of {total} parts were sent; the rest was not: {reason} "
                "The unsent text is kept in the box.")
    return f"The message was not sent: {reason} Your text is kept in the box."


def _ambiguous_text(exc: TransportError, outcome: SendOutcome) -> str:
    prefix = f"{len(outcome.sent)} part(s) went out. " if outcome.sent else ""
    return (
        f"{prefix}VoIP.ms did not answer properly ({exc.message.rstrip('.')}) and the message "
        "does not appear in the history yet. It was not sent again, to avoid a duplicate: "
        "check the conversation in a minute before resending. Your text is kept in the box."
    )
