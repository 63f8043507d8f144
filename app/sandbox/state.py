"""The sandbox account's mutable state and the hooks tests use to change it.

Dates are kept as *naive provider wall-clock* datetimes (US Eastern with DST),
exactly what the API prints, so filters by ``from``/``to`` compare calendar
days the way the real service does. Rows that the API returns unchanged
(sub-accounts, IVRs, ...) are kept as API-shaped dicts.
"""

from __future__ import annotations

import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from app.domain.timeutil import to_provider_wallclock
from app.sandbox import resources

Row = dict[str, Any]


class SandboxClock:
    """The sandbox's notion of "now".

    With a fixed ``start`` (tests, benchmarks), time still advances with the
    real monotonic clock so that messages delivered later sort after the seeded
    ones; without one it is simply the current time.
    """

    def __init__(self, start: datetime | None = None) -> None:
        if start is not None and start.tzinfo is None:
            raise ValueError("SandboxServer(now=...) must be timezone-aware")
        self.fixed = start is not None
        self.start = (start or datetime.now(UTC)).astimezone(UTC)
        self._t0 = time.monotonic()

    def now_utc(self) -> datetime:
        if not self.fixed:
            return datetime.now(UTC)
        return self.start + timedelta(seconds=time.monotonic() - self._t0)

    def now_wall(self) -> datetime:
        """Provider wall clock, second precision (what the API prints)."""
        return to_provider_wallclock(self.now_utc()).replace(microsecond=0)

    def today(self) -> date:
        return self.now_wall().date()


@dataclass
class MediaItem:
    """A file served under ``/media/<token>.<ext>``."""

    token: str
    ext: str
    content_type: str
    resource: str | None = None  # shipped file under resources/sandbox/media
    data: bytes | None = None  # uploaded by sendMMS
    ready_at: float = 0.0  # monotonic time before which it 404s (fresh uploads)
    #: The link has expired: served as HTTP 200 "Not found" (quirk ``expired_media``).
    expired: bool = False


@dataclass
class TextMessage:
    """An SMS or MMS kept by the sandbox."""
    id: int
    kind: str  # "sms" | "mms"
    date: datetime  # naive provider wall clock
    type: int  # 1 = received, 0 = sent
    did: str
    contact: str
    message: str
    media: list[str] = field(default_factory=list)  # media tokens or external URLs
    # Some real getMMS rows come with empty media fields although the MMS has
    # images; getMediaMMS then has them (API-NOTES).
    media_hidden_in_list: bool = False
    relative_links: bool = False
    #: A further leg of a group MMS (same DID, contact, date, text; its own id):
    #: listed only while the quirk ``group_mms_legs`` is on.
    extra_leg: bool = False


@dataclass
class VoicemailMessage:
    """A voicemail kept by the sandbox."""
    mailbox: str
    folder: str
    message_num: int
    date: datetime
    callerid: str
    duration: int  # seconds
    urgent: bool
    listened: bool
    clip: str  # shipped clip base name (resources/sandbox/voicemail/<clip>.<ext>)


@dataclass
class FaxFolder:
    """A fax folder kept by the sandbox."""
    id: int
    name: str


@dataclass
class FaxMessage:
    """A fax kept by the sandbox."""
    id: int
    folder: str  # folder name (getFaxMessages filters by name)
    date: datetime
    callerid: str
    stationid: str
    destination: str
    description: str
    pages: int
    duration: int  # seconds
    status: str
    pdf: str | None = None  # shipped file name under resources/sandbox/fax
    data: bytes | None = None  # uploaded file (sendFaxMessage)


@dataclass
class SandboxCall:
    """One CDR kept by the sandbox (``when`` is UTC: getCDR shifts it by ``timezone``)."""
    uniqueid: str
    when: datetime  # aware UTC
    callerid: str  # '"Name" <number>' or a number
    destination: str
    description: str
    account: str
    disposition: str  # ANSWERED | NO ANSWER | BUSY | FAILED
    seconds: int
    rate: Decimal
    total: Decimal
    destination_type: str = "IN:USA"


@dataclass
class SandboxRecording:
    """A call recording kept by the sandbox (audio: a shipped voicemail clip)."""
    id: str
    account: str
    date: datetime  # naive provider wall clock
    destination: str
    incoming: bool
    seconds: int
    clip: str


#: How live accounts differ from the reference (API-NOTES.md), each reproduced by
#: the sandbox and on by default, as a live account behaves; a test switches one
#: off with ``state.live_quirks.discard(name)`` (``reset()`` turns all back on).
LIVE_QUIRKS = frozenset({
    "mms_entities",  # getMMS text HTML-entity-encoded (R&eacute;union)
    "no_mms",  # an empty getMMS answers no_mms, a status the reference does not list
    "group_mms_legs",  # a group MMS is one row per leg
    "expired_media",  # an expired media link answers HTTP 200 with "Not found"
})


@dataclass
class SandboxState:
    """Everything the fake account holds. Guarded by ``lock`` (one per server)."""

    clock: SandboxClock
    balance: Decimal = Decimal("47.318250")
    transactions: list[Row] = field(default_factory=list)
    lookups: dict[str, list[Row]] = field(default_factory=dict)
    servers: list[Row] = field(default_factory=list)
    dids: dict[str, Row] = field(default_factory=dict)
    sub_accounts: list[Row] = field(default_factory=list)
    forwardings: list[Row] = field(default_factory=list)
    ivrs: list[Row] = field(default_factory=list)
    ring_groups: list[Row] = field(default_factory=list)
    sip_uris: list[Row] = field(default_factory=list)
    queues: list[Row] = field(default_factory=list)
    callbacks: list[Row] = field(default_factory=list)
    time_conditions: list[Row] = field(default_factory=list)
    disas: list[Row] = field(default_factory=list)
    recordings: list[Row] = field(default_factory=list)
    phonebook: list[Row] = field(default_factory=list)
    phonebook_groups: list[Row] = field(default_factory=list)
    sms: list[TextMessage] = field(default_factory=list)
    mms: list[TextMessage] = field(default_factory=list)
    media: dict[str, MediaItem] = field(default_factory=dict)
    mailboxes: dict[str, Row] = field(default_factory=dict)
    voicemails: list[VoicemailMessage] = field(default_factory=list)
    fax_folders: list[FaxFolder] = field(default_factory=list)
    faxes: list[FaxMessage] = field(default_factory=list)
    fax_numbers: list[Row] = field(default_factory=list)
    next_sms_id: int = 1
    next_mms_id: int = 1
    next_fax_id: int = 1
    next_fax_folder_id: int = 1
    next_media_token: int = 1
    # Behaviour knobs tests may change (reset() restores them).
    daily_send_limit: int = 100
    sends_by_day: dict[date, int] = field(default_factory=dict)
    media_delay_seconds: float = 0.2
    ip_enabled: bool = True
    # Calls allowed per rolling minute before api_limit_exceeded (None: unlimited).
    rate_limit_per_minute: int | None = None
    recent_calls: list[float] = field(default_factory=list)
    api_enabled: bool = True
    live_quirks: set[str] = field(default_factory=lambda: set(LIVE_QUIRKS))
    emails_sent: list[Row] = field(default_factory=list)
    lock: threading.RLock = field(default_factory=threading.RLock)
    # Phones (datagen_phones, handlers/phones): the main account's number, where each
    # account registers (account -> getRegistrationStatus row), the phone that drops
    # off on a schedule, and a test hook: account -> registered, over the schedule.
    main_account: str = ""
    registrations: dict[str, Row] = field(default_factory=dict)
    flaky_account: str = ""
    flaky_period_seconds: float = 600.0
    registration_overrides: dict[str, bool] = field(default_factory=dict)
    #: Call history, sorted by ``when`` (getCDR bisects it); recordings of some calls.
    calls: list[SandboxCall] = field(default_factory=list)
    call_recordings: list[SandboxRecording] = field(default_factory=list)
    next_call_id: int = 1
    #: getCDR's index: UTC timestamps of ``calls`` (rebuilt when the list's length changes).
    call_keys: list[float] = field(default_factory=list)
    #: Test hook: method -> the JSON answer given as is once the call is authenticated
    #: (the reference's sample outputs, a wrong shape...). Empty: the handlers answer.
    canned_answers: dict[str, dict[str, Any]] = field(default_factory=dict)

    # --- id helpers ------------------------------------------------------------

    def new_media(self, ext: str, content_type: str, *, resource: str | None = None,
                  data: bytes | None = None, delay: float = 0.0) -> str:
        token = f"m{self.next_media_token:06d}x{(self.next_media_token * 7919) % 100000:05d}"
        self.next_media_token += 1
        self.media[token] = MediaItem(token, ext, content_type, resource, data,
                                      time.monotonic() + delay)
        return token

    def add_text(self, kind: str, *, date: datetime, type_: int, did: str, contact: str,
                 message: str, media: list[str] | None = None) -> TextMessage:
        if kind == "sms":
            row = TextMessage(self.next_sms_id, "sms", date, type_, did, contact, message)
            self.next_sms_id += 1
            self.sms.append(row)
        else:
            row = TextMessage(self.next_mms_id, "mms", date, type_, did, contact, message,
                              list(media or []))
            self.next_mms_id += 1
            self.mms.append(row)
        return row

    def next_message_num(self, mailbox: str, folder: str) -> int:
        nums = [v.message_num for v in self.voicemails
                if v.mailbox == mailbox and v.folder == folder]
        return max(nums, default=0) + 1

    # --- test hooks ------------------------------------------------------------

    def deliver_sms(self, did: str, contact: str, text: str) -> int:
        """An SMS arrives now from ``contact`` on ``did``; returns its id."""
        with self.lock:
            return self.add_text("sms", date=self.clock.now_wall(), type_=1, did=did,
                                 contact=contact, message=text).id

    def deliver_raw_mms(self, did: str, contact: str, text: str, links: list[str]) -> int:
        """An MMS whose media links are exactly ``links`` (hostile or malformed ones too)."""
        with self.lock:
            return self.add_text("mms", date=self.clock.now_wall(), type_=1, did=did,
                                 contact=contact, message=text, media=list(links)).id

    def deliver_mms(self, did: str, contact: str, text: str,
                    media_names: list[str] | tuple[str, ...] = (), *,
                    distinct: bool = False) -> int:
        """An MMS arrives now; ``media_names`` are files of resources/sandbox/media.

        ``distinct``: each picture's bytes are made unique (a trailer after the
        image data), as two photos taken by a phone never are the same file:
        the shipped pictures recur across the account's messages.
        """
        with self.lock:
            tokens = [self.new_media(name.rsplit(".", 1)[-1], _content_type(name),
                                     resource=None if distinct else name,
                                     data=_distinct(name) if distinct else None)
                      for name in media_names]
            return self.add_text("mms", date=self.clock.now_wall(), type_=1, did=did,
                                 contact=contact, message=text, media=tokens).id

    def deliver_voicemail(self, mailbox: str, caller: str, *, caller_name: str = "",
                          duration: int = 5, folder: str = "INBOX", urgent: bool = False,
                          clip: str | None = None) -> int:
        """A voicemail is left now; returns its ``message_num`` in ``folder``."""
        with self.lock:
            if mailbox not in self.mailboxes:
                raise KeyError(f"No mailbox {mailbox}")
            callerid = f'"{caller_name}" <{caller}>' if caller_name else caller
            num = self.next_message_num(mailbox, folder)
            self.voicemails.append(VoicemailMessage(
                mailbox, folder, num, self.clock.now_wall(), callerid, duration, urgent,
                False, clip or "vm01"))
            return num

    def deliver_fax(self, callerid: str, *, destination: str | None = None, pages: int = 2,
                    stationid: str = "", pdf: str | None = None, folder: str = "INBOX") -> int:
        """A fax is received now; returns its id."""
        with self.lock:
            if destination is None:
                destination = self.fax_numbers[0]["did"] if self.fax_numbers else ""
            fax = FaxMessage(self.next_fax_id, folder, self.clock.now_wall(), callerid,
                             stationid or callerid, destination, "INBOUND FAX", pages,
                             20 * pages, "SUCCESS", pdf or "purchase_order.pdf")
            self.next_fax_id += 1
            self.faxes.append(fax)
            return fax.id

    def deliver_call(self, caller: str, did: str, *, caller_name: str = "",
                     disposition: str = "NO ANSWER", seconds: int = 0,
                     account: str = "") -> str:
        """An inbound call ends now (missed by default); returns its uniqueid."""
        with self.lock:
            uid = str(self.next_call_id)
            self.next_call_id += 1
            callerid = f'"{caller_name}" <{caller}>' if caller_name else caller
            self.calls.append(SandboxCall(
                uid, self.clock.now_utc().replace(microsecond=0), callerid, did,
                "Inbound - Local Caller", account, disposition, seconds, Decimal(0),
                Decimal(0)))
            return uid

    # --- send accounting -------------------------------------------------------

    def count_send(self) -> bool:
        """Count one API send for today; False when the daily cap is reached."""
        today = self.clock.today()
        used = self.sends_by_day.get(today, 0)
        if used >= self.daily_send_limit:
            return False
        self.sends_by_day[today] = used + 1
        return True


_CONTENT_TYPES = {
    "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif",
    "pdf": "application/pdf", "mp3": "audio/mpeg", "wav": "audio/wav",
}


def _content_type(name: str) -> str:
    return _CONTENT_TYPES.get(name.rsplit(".", 1)[-1].lower(), "application/octet-stream")


def _distinct(resource: str) -> bytes:
    return resources.read("media", resource) + uuid.uuid4().bytes
