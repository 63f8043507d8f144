"""Sending SMS/MMS: journalled first, never a blind retry, reconciled with history.

``sendSMS``/``sendMMS`` are not idempotent: a request that timed out may well
have gone out. So the sender

1. records the send in the journal (``sending``: text, part plan, pictures)
   and clears the draft in the same transaction, before anything goes on the
   wire: after a crash or ``kill -9`` the text is a journal entry to check, not
   a draft that Send would send a second time (issue #13.1);
2. sends part after part (a long text split into SMS, or one MMS with images),
   journalling each confirmed part;
3. on a clear refusal (a status such as ``sms_toolong`` or ``limit_reached``)
   marks it ``failed`` and puts what is left unsent back in the draft, with
   the error;
4. on an ambiguous failure (timeout, connection lost, garbled answer) marks it
   ``unknown``, fetches the conversation's history for the day and looks for a
   sent row with the same DID, contact and text from the last few minutes:
   found means sent; not found means ``failed`` (the rest goes back to the
   draft, with an explanation); the history unreachable leaves it ``unknown``
   (shown as such, checked again later, never resent by itself);
5. when cancelled (the user's Cancel, the window closing after its wait) marks
   it ``unknown``; ``check`` reconciles it later like an interrupted one;
6. on success stores the sent rows at once (the next poll upserts the same
   (kind, id) with the provider's date) and marks it ``sent``.
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
from app.domain.models.sends import MESSAGE_KINDS, JournalEntry, SendKind, SendState
from app.domain.phone import format_number, is_valid_nanp, normalize
from app.domain.sms_text import (
    MAX_ATTACHMENT_BYTES,
    MAX_ATTACHMENTS,
    LongTextMode,
    plan_parts,
    validate_text,
)
from app.domain.timeutil import provider_date
from app.domain.words import QT_TRANSLATE_NOOP, Text, Verbatim
from app.services.events import Event
from app.services.messages.journal import (
    CANCELLED_TEXT,
    INTERRUPTED_TEXT,
    NOT_SENT_TEXT,
    OFFLINE_TEXT,
)
from app.services.sends import InFlightSends

if TYPE_CHECKING:
    from app.services.messages.changes import ThreadChange
    from app.services.messages.ports import MessagesApi, SendStore
    from app.services.messages.sync import MessageSync

log = logging.getLogger(__name__)

#: How far back a sent row may date to count as "the one that timed out".
RECONCILE_WINDOW = timedelta(minutes=5)
#: How long after an interrupted send the provider's copy may be dated (a slow
#: provider records it late; the local clock may be a little off).
RECONCILE_AFTER = timedelta(minutes=15)
FEATURE = "messages"


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
        #: The text stays in the journal (not confirmed, not refused): the compose
        #: box must not offer it for another Send.
        self.kept_in_journal = False


@dataclass(slots=True)
class SendOutcome:
    """What became of one send: sent, and matched to the provider's copy."""
    sent: list[Message] = field(default_factory=list)
    #: Parts confirmed from the history after an ambiguous failure.
    reconciled: int = 0


@dataclass(slots=True)
class Checked:
    """What reconciling one journal entry found."""
    entry: JournalEntry
    #: Parts found in the history (stored now).
    found: list[Message] = field(default_factory=list)


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
        in_flight: InFlightSends | None = None,
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
        self.in_flight = in_flight if in_flight is not None else InFlightSends()
        #: A journal entry changed state (created, confirmed, refused, unknown...).
        self.journal_changed: Event[JournalEntry] = Event("messages.journal_changed")
        # One reconciliation at a time: two would store and match the same rows.
        self._check_lock = asyncio.Lock()

    async def send(
        self,
        did: str,
        contact: str,
        text: str,
        images: Sequence[bytes] = (),
        *,
        mode: LongTextMode = LongTextMode.SPLIT,
        attachment_paths: Sequence[str] = (),
        replaces: int | None = None,
    ) -> SendOutcome:
        """Send ``text`` (and ``images``, already downscaled) from ``did`` to ``contact``.

        ``attachment_paths`` are the files the images came from, remembered in
        the journal (and the draft) so a failed send can be sent again with the
        same pictures. ``replaces``: the failed journal entry this one sends
        again (closed once this one is journalled).
        Raises ``SendFailed`` (a ``UserFacingError``); a cancelled send raises
        ``CancelledError`` once it is journalled as unknown.
        """
        did, contact = normalize(did), normalize(contact)
        self._validate(did, contact, text, images)
        kind, parts = plan_parts(text, media_count=len(images), mode=mode)
        entry = await self.store.journal_begin(SendKind(kind), did, contact, text, parts,
                                               attachment_paths)
        self.journal_changed.emit(entry)
        if replaces is not None:
            await self._update(replaces, closed=True)
        with self.in_flight.tracking((FEATURE, entry.id)):
            try:
                return await self._send_parts(entry, kind, images)
            except asyncio.CancelledError:
                # Never assumed unsent: the request may have reached the provider.
                await asyncio.shield(self._update(entry.id, state=SendState.UNKNOWN,
                                                  error=CANCELLED_TEXT))
                raise

    async def _send_parts(
        self, entry: JournalEntry, kind: str, images: Sequence[bytes]
    ) -> SendOutcome:
        did, contact, parts = entry.did, entry.contact, entry.parts
        outcome = SendOutcome()
        for index, part in enumerate(parts):
            media = list(images) if index == 0 else []
            started = self.now()
            message: Message | None
            try:
                message = await self._send_one(kind, did, contact, part, media, started)
            except TransportError as exc:
                await self._update(entry.id, state=SendState.UNKNOWN, error=INTERRUPTED_TEXT)
                message, checked = await self._reconcile(entry, index, started,
                                                         self.reconcile_delays)
                if message is None and not checked:
                    # Nobody can tell whether it went out: it stays in the journal,
                    # shown as not confirmed, and is never offered for Send again.
                    await self._update(entry.id, done_parts=index, error=OFFLINE_TEXT)
                    error = SendFailed(_offline_text(exc, outcome), sent=outcome.sent,
                                       detail=exc.detail)
                    error.kept_in_journal = True
                    raise error from exc
                if message is None:
                    await self._fail(entry, index, _ambiguous_text(exc, outcome))
                    raise SendFailed(_ambiguous_text(exc, outcome), sent=outcome.sent,
                                     detail=exc.detail,
                                     unsent_text="".join(parts[index:])) from exc
                outcome.reconciled += 1
            except UserFacingError as exc:
                error_text = _refused_text(exc.message, outcome, len(parts))
                await self._fail(entry, index, error_text)
                raise SendFailed(error_text, sent=outcome.sent, detail=exc.detail,
                                 unsent_text="".join(parts[index:])) from exc
            outcome.sent.append(message)
            await self._update(entry.id, done_parts=index + 1, quiet=index + 1 < len(parts))
        await self._update(entry.id, state=SendState.SENT, error="")
        return outcome

    # --- the journal -------------------------------------------------------------------

    async def _update(self, entry_id: int, *, quiet: bool = False,
                      state: SendState | None = None, done_parts: int | None = None,
                      error: str | None = None, closed: bool | None = None) -> None:
        entry = await self.store.journal_update(entry_id, state=state, done_parts=done_parts,
                                                error=error, closed=closed)
        if entry is not None and not quiet:
            self.journal_changed.emit(entry)

    async def _fail(self, entry: JournalEntry, index: int, error: str) -> None:
        """Refused, or surely not sent: what is left goes back to the compose box.

        The draft keeps exactly what did not go out, so "Send" again never
        duplicates a part that was delivered; the journal entry is closed (its
        text is in the box, not shown twice).
        """
        attachments = entry.attachments if index == 0 else ()
        await self.store.save_draft(entry.did, entry.contact, "".join(entry.parts[index:]),
                                    error, attachments)
        await self._update(entry.id, state=SendState.FAILED, done_parts=index, error=error,
                           closed=True)

    async def recover(self) -> list[JournalEntry]:
        """At start: sends left ``sending`` by a previous run (a crash, a kill) become
        ``unknown``; returns every entry still to reconcile."""
        return await self.store.journal_orphans_to_unknown(
            MESSAGE_KINDS, keep=self.in_flight.ids(FEATURE), error=INTERRUPTED_TEXT)

    async def check(self, *, delays: Sequence[float] = (0.0,)) -> list[Checked]:
        """Reconcile every open entry no task is sending with the history.

        Found (every part) -> ``sent`` (the rows are stored); not found ->
        ``failed`` ("Not sent", offered for "Send again"); the history
        unreachable -> stays ``unknown`` with that said. Nothing is ever resent.
        """
        async with self._check_lock:
            busy = set(self.in_flight.ids(FEATURE))
            entries = [e for e in await self.store.journal_open(MESSAGE_KINDS)
                       if e.id not in busy]
            return [await self._check_one(entry, delays) for entry in entries]

    async def _check_one(self, entry: JournalEntry, delays: Sequence[float]) -> Checked:
        result = Checked(entry)
        done = entry.done_parts
        for index in range(entry.done_parts, len(entry.parts)):
            message, checked = await self._reconcile(
                entry, index, entry.created,
                delays if index == entry.done_parts else (0.0,),
                until=entry.created + RECONCILE_AFTER)
            if not checked:
                await self._update(entry.id, done_parts=done, error=OFFLINE_TEXT)
                result.entry = await self.store.journal_entry(entry.id) or entry
                return result
            if message is None:
                break
            result.found.append(message)
            done = index + 1
        if done == len(entry.parts):
            log.info("Interrupted send %d found in the history: sent", entry.id)
            await self._update(entry.id, state=SendState.SENT, done_parts=done, error="")
        else:
            log.info("Interrupted send %d not in the history: not sent", entry.id)
            prefix = f"{done} of {len(entry.parts)} parts went out. " if done else ""
            await self._update(entry.id, state=SendState.FAILED, done_parts=done,
                               error=prefix + NOT_SENT_TEXT)
        result.entry = await self.store.journal_entry(entry.id) or entry
        return result

    async def close_entry(self, entry_id: int) -> JournalEntry | None:
        """The user dismissed a failed send (or sends it again): no longer shown."""
        entry = await self.store.journal_entry(entry_id)
        if entry is None or entry.state is not SendState.FAILED:
            return None
        await self._update(entry_id, closed=True)
        return await self.store.journal_entry(entry_id)

    # --- steps -------------------------------------------------------------------------

    def _validate(self, did: str, contact: str, text: str, images: Sequence[bytes]) -> None:
        if not did:
            raise UserFacingError(QT_TRANSLATE_NOOP(
                "services",
                "Choose which of your numbers sends the message.",
            ))
        if not is_valid_nanp(contact):
            raise UserFacingError(
                Text(
                    QT_TRANSLATE_NOOP(
                        "services",
                        "{value} is not a valid North American phone number (10 digits, e.g. "
                        "(555) 123-4567).",
                    ),
                    value=Verbatim(format_number(contact))
                    or QT_TRANSLATE_NOOP("services", "The number"),
                )
            )
        problem = validate_text(text, has_media=bool(images))
        if problem:
            raise UserFacingError(problem)
        if len(images) > MAX_ATTACHMENTS:
            raise UserFacingError(Text(
                QT_TRANSLATE_NOOP(
                    "services",
                    "An MMS can carry at most {MAX_ATTACHMENTS} images.",
                ),
                MAX_ATTACHMENTS=MAX_ATTACHMENTS,
            ))
        for image in images:
            if len(image) > MAX_ATTACHMENT_BYTES:
                raise UserFacingError(
                    QT_TRANSLATE_NOOP(
                        "services",
                        "An image is larger than VoIP.ms accepts (about 1.2 MB); attach a smaller "
                        "one.",
                    )
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
        self, entry: JournalEntry, index: int, started: datetime,
        delays: Sequence[float], *, until: datetime | None = None,
    ) -> tuple[Message | None, bool]:
        """Did the provider record part ``index`` of ``entry`` as sent? (the message,
        and whether the history could be read at all: ``(None, False)`` means nobody
        knows). A sent copy of the same text that another journalled send (or an
        earlier part of this one) put out is not this part's."""
        did, contact, text = entry.did, entry.contact, entry.parts[index]
        already = entry.parts[:index].count(text)
        checked = False
        for delay in delays:
            if delay:
                await (self._sleep or asyncio.sleep)(delay)
            try:
                day = provider_date(started, self.sync.zone)
                rows = await self.sync.fetch_recent(did, contact, day)
            except UserFacingError:
                log.warning("Could not fetch history to reconcile a send", exc_info=True)
                continue
            checked = True
            since = started - RECONCILE_WINDOW
            latest = until if until is not None else self.now() + RECONCILE_WINDOW
            # One transaction: the fetched rows are stored, then searched.
            match = await self.store.upsert_and_find_sent(
                rows, did, contact, text, since, latest, entry_id=entry.id, already=already)
            if match is not None:
                log.info("Unconfirmed send found in history as %s %s", match.message.kind,
                         match.message.id)
                return match.message, True
        return None, checked


def _refused_text(reason: str, outcome: SendOutcome, total: int) -> str:
    if outcome.sent:
        return (f"{len(outcome.sent)} of {total} parts were sent; the rest was not: {reason} "
                "The unsent text is kept in the box.")
    return f"The message was not sent: {reason} Your text is kept in the box."


def _offline_text(exc: TransportError, outcome: SendOutcome) -> str:
    prefix = f"{len(outcome.sent)} part(s) went out. " if outcome.sent else ""
    return (
        f"{prefix}VoIP.ms did not answer ({exc.message.rstrip('.')}) and the history could "
        "not be checked, so nobody knows yet whether the message went out. It will not be "
        "sent again by itself: it is shown as not confirmed and checked again when VoIP.ms "
        "answers."
    )


def _ambiguous_text(exc: TransportError, outcome: SendOutcome) -> str:
    prefix = f"{len(outcome.sent)} part(s) went out. " if outcome.sent else ""
    return (
        f"{prefix}VoIP.ms did not answer properly ({exc.message.rstrip('.')}) and the message "
        "does not appear in the history yet. It was not sent again, to avoid a duplicate: "
        "check the conversation in a minute before resending. Your text is kept in the box."
    )
