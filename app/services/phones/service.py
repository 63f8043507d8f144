"""The phones service: sub-accounts, their registration, set-up, edits, mailbox settings.

State is the store (``PhoneStore``); every command returns a ``PhoneChanges``
and announces the same one on ``changed``. Registration is checked with one
``getRegistrationStatus`` per phone (the method requires an account); the
periodic check (``poll.py``) reads the list of phones from the store, so a
poll costs exactly one call per phone. Edits are read-modify-writes: the
account is read fresh, only what the user changed is changed, and every field
read goes back (``setSubAccount`` / ``setVoicemail`` wipe what they are not sent).

Events:
    changed(PhoneChanges): rows new or changed, accounts gone, offline count.
    registration_changed(tuple[Transition, ...]): phones that went offline or came back.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from app.api.errors import StatusError
from app.domain.errors import UserFacingError
from app.domain.models.numbers import Did, RoutingTarget, Server
from app.domain.models.phones import (
    MailboxEdit,
    MailboxSettings,
    Phone,
    PhoneEdit,
    PhoneSetup,
    Registration,
)
from app.domain.routing import RouteKind, main_account
from app.domain.words import QT_TRANSLATE_NOOP, Text, Verbatim
from app.services.events import Event
from app.services.phones.changes import (
    Choice,
    MailboxEditor,
    PhoneChanges,
    PhoneEditor,
    Transition,
)
from app.services.phones.poll import PhonesPolling

if TYPE_CHECKING:
    from app.services.phones.ports import DidSource, Lookups, PhonesApi, PhoneStore
    from app.services.root import NotifierLike

log = logging.getLogger(__name__)


class PhoneGone(UserFacingError):
    """The account is no longer on VoIP.ms (deleted on the portal)."""


def _s(value: object) -> str:
    return "" if value is None else str(value).strip()


def phone_from_row(row: Mapping[str, Any]) -> Phone:
    """A ``getSubAccounts`` row as a ``Phone`` (no registration, no numbers yet)."""
    return Phone(
        account=_s(row.get("account")),
        id=_s(row.get("id")),
        username=_s(row.get("username")),
        description=_s(row.get("description")),
        callerid_number=_s(row.get("callerid_number")),
        raw=dict(row),
    )


def numbers_by_account(dids: Sequence[Did]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for did in dids:
        if did.routing.kind is RouteKind.ACCOUNT and did.routing.value:
            out.setdefault(did.routing.value, []).append(did.did)
    return {account: tuple(numbers) for account, numbers in out.items()}


def group_numbers_by_account(
    dids: Sequence[Did], groups: Sequence[RoutingTarget]
) -> dict[str, tuple[tuple[str, str], ...]]:
    """``account -> ((number, group name), ...)``: my numbers routed to a ring group
    that has the account among its members (``account:284561_sales``)."""
    by_id = {group.value: group for group in groups}
    out: dict[str, list[tuple[str, str]]] = {}
    for did in dids:
        group = by_id.get(did.routing.value) if did.routing.kind is RouteKind.RING_GROUP else None
        if group is None:
            continue
        name = group.label.removeprefix(f"{group.value} - ")  # listed as "4768 - Sales team"
        for member in group.members:
            # "account:100001", or with its ring time and "press 1" setting:
            # "account:100001,25,0" (setRingGroup's members).
            kind, _, rest = member.partition(":")
            account = rest.split(",", 1)[0].strip()
            if kind == RouteKind.ACCOUNT.value and account:
                out.setdefault(account, []).append((did.did, name))
    return {account: tuple(numbers) for account, numbers in out.items()}


def offline_count(phones: Sequence[Phone]) -> int:
    return sum(1 for p in phones if p.registration is not None and not p.registration.registered)


def _choices(rows: Sequence[Mapping[str, Any]]) -> tuple[Choice, ...]:
    out = []
    for row in rows:
        value = _s(row.get("value"))
        if value:
            out.append(Choice(value, _s(row.get("description")) or value))
    return tuple(out)


def server_choices(servers: Sequence[Server]) -> tuple[Choice, ...]:
    """POPs, the recommended first, then by name."""
    ordered = sorted(servers, key=lambda s: (not s.recommended, s.name.lower()))
    return tuple(
        Choice(s.pop, Text(QT_TRANSLATE_NOOP("services", "{name} ({host}) - recommended"),
                           name=Verbatim(s.name), host=Verbatim(s.hostname))
               if s.recommended else Verbatim(f"{s.name} ({s.hostname})"))
        for s in ordered
    )


class PhonesService:
    """Every phone of the account and its registration (Qt-free)."""

    def __init__(
        self,
        api: PhonesApi,
        store: PhoneStore,
        dids: DidSource,
        lookups: Lookups,
        *,
        notifier: NotifierLike | None = None,
        poll_seconds: float = 0,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._api = api
        self._store = store
        self._dids = dids
        self._lookups = lookups
        self._clock = clock or (lambda: datetime.now(UTC))
        self._lock = asyncio.Lock()
        self.changed: Event[PhoneChanges] = Event("phones.changed")
        self.registration_changed: Event[tuple[Transition, ...]] = Event(
            "phones.registration_changed"
        )
        self.polling = PhonesPolling(self, notifier, interval_seconds=poll_seconds)

    # --- reads -----------------------------------------------------------------------

    async def overview(self) -> PhoneChanges:
        """Every stored phone with its last known registration (no network)."""
        phones = await self._store.load()
        servers = await self._lookups.cached_servers()
        return PhoneChanges(tuple(phones), (), offline_count(phones), tuple(servers))

    async def phones(self) -> list[Phone]:
        return await self._store.load()

    async def setup(self, account: str) -> PhoneSetup:
        """What to type into a phone: read fresh (the password is never cached)."""
        phones = await self._store.load()
        phone = next((p for p in phones if p.account == account), None)
        if phone is not None and phone.is_main:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "services",
                    "The main account's SIP password is your VoIP.ms portal password; Switchboard "
                    "does not know it. Set up a sub-account for each phone instead.",
                )
            )
        row = await self._fresh_row(account)
        servers = await self._lookups.servers()
        ordered = sorted(servers, key=lambda s: (not s.recommended, s.name.lower()))
        transport = ""
        if phone is not None and phone.registration is not None and phone.registration.first:
            transport = phone.registration.first.transport
        return PhoneSetup(
            account=account,
            username=_s(row.get("account")) or account,
            password=_s(row.get("password")),
            servers=tuple(
                (s.hostname, Text(QT_TRANSLATE_NOOP("services", "{name} (recommended)"),
                                  name=Verbatim(s.name)) if s.recommended else Verbatim(s.name))
                for s in ordered if s.hostname
            ),
            transport=transport,
            ip_auth=_s(row.get("auth_type")) == "2",
        )

    async def editor(self, account: str) -> PhoneEditor:
        """The account read fresh and the pick lists of the edit dialog."""
        row = await self._fresh_row(account)
        codecs = await self._lookups.get("codecs")
        languages = await self._lookups.get("languages")
        locales = await self._lookups.get("locales")
        servers = await self._lookups.servers()
        return PhoneEditor(
            phone=phone_from_row(row),
            codecs=_choices(codecs.rows),
            languages=_choices(languages.rows),
            locales=_choices(locales.rows),
            servers=server_choices(servers),
        )

    async def mailbox_editor(self, mailbox: str = "") -> MailboxEditor:
        """A mailbox's settings read fresh (``mailbox`` empty: the first one) and its lists."""
        boxes = await self._api.get_voicemails()
        if not boxes:
            raise UserFacingError(QT_TRANSLATE_NOOP(
                "services",
                "This account has no voicemail box.",
            ))
        wanted = mailbox if any(b.mailbox == mailbox for b in boxes) else boxes[0].mailbox
        settings = await self._api.get_mailbox_settings(wanted)
        if settings is None:
            raise UserFacingError(Text(
                QT_TRANSLATE_NOOP(
                    "services",
                    "Mailbox {wanted} is no longer on your VoIP.ms account.",
                ),
                wanted=wanted,
            ))
        timezones = _choices((await self._lookups.get("timezones")).rows)
        if settings.timezone and all(c.value != settings.timezone for c in timezones):
            # A legacy name the list no longer has stays selectable (and is kept as is).
            timezones = (Choice(settings.timezone, settings.timezone), *timezones)
        return MailboxEditor(
            settings=settings,
            mailboxes=tuple(Choice(b.mailbox, f"{b.mailbox} - {b.name}" if b.name else b.mailbox)
                            for b in boxes),
            timezones=timezones,
            languages=_choices((await self._lookups.get("languages")).rows),
            locales=_choices((await self._lookups.get("locales")).rows),
        )

    # --- commands ----------------------------------------------------------------------

    async def refresh(self) -> PhoneChanges:
        """Read the accounts, the numbers that ring them, and check every registration."""
        async with self._lock:
            rows = await self._api.get_sub_accounts()
            subs = [phone_from_row(r) for r in rows if _s(r.get("account"))]
            dids = await self._dids.load() or await self._api.get_dids()
            main = main_account((p.account for p in subs), (d.routing for d in dids))
            listed = ([Phone(main, "", main, "Main account", "", is_main=True)] if main else [])
            listed += subs
            numbers = numbers_by_account(dids)
            in_groups = group_numbers_by_account(dids, await self._ring_groups())
            listed = [replace(p, numbers=numbers.get(p.account, ()),
                              group_numbers=in_groups.get(p.account, ())) for p in listed]
            before = {p.account: p for p in await self._store.load()}
            removed = await self._store.replace_all(listed)
            changes = await self._check(listed, before, removed=tuple(removed))
        return changes

    async def _ring_groups(self) -> list[RoutingTarget]:
        """The ring groups with their members (the lookup cache's copy, fetched when
        missing or old); none when they cannot be had: "Rings for" then lists the
        numbers routed to a phone itself, as before."""
        try:
            return await self._lookups.routing_targets(RouteKind.RING_GROUP)
        except UserFacingError as exc:
            log.info("Ring groups not known: %s", exc.message)
            return []

    async def check_registrations(self) -> PhoneChanges:
        """One ``getRegistrationStatus`` per stored phone (the periodic check)."""
        if not await self._store.load():
            return await self.refresh()  # nothing known yet: list the phones first
        async with self._lock:
            phones = await self._store.load()
            return await self._check(phones, {p.account: p for p in phones})

    async def _check(
        self, phones: Sequence[Phone], before: Mapping[str, Phone], *, removed: tuple[str, ...] = ()
    ) -> PhoneChanges:
        now = self._clock()
        found: dict[str, Registration] = {}
        failure: UserFacingError | None = None
        for phone in phones:
            try:
                reg = await self._api.get_registration(phone.account)
            except UserFacingError as exc:
                failure = failure or exc
                continue
            found[phone.account] = replace(reg, checked_at=now)
        stored = await self._store.put_registrations(found)
        servers = await self._lookups.cached_servers()
        changes = PhoneChanges(tuple(stored), removed, offline_count(stored), tuple(servers))
        transitions = tuple(
            Transition(p.account, p.label, p.online)
            for p in stored
            if p.account in found
            and (old := before.get(p.account)) is not None
            and old.registration is not None
            and old.online != p.online
        )
        self.changed.emit(changes)
        if transitions:
            self.registration_changed.emit(transitions)
        if failure is not None and not found:
            raise failure
        return changes

    async def save_edit(self, account: str, edit: PhoneEdit) -> PhoneChanges:
        """Read the account fresh, change what ``edit`` changes, write every field back."""
        async with self._lock:
            row = await self._fresh_row(account)
            changes = edit.params()
            if changes:
                await self._api.set_sub_account(row, changes)
            stored = await self._store.put_raw(account, {**row, **changes})
            servers = await self._lookups.cached_servers()
            result = PhoneChanges(
                tuple(p for p in stored if p.account == account), (), offline_count(stored),
                tuple(servers),
            )
        self.changed.emit(result)
        return result

    async def save_mailbox(self, mailbox: str, edit: MailboxEdit) -> MailboxSettings:
        """Read the mailbox fresh, change what ``edit`` changes, write every field back."""
        async with self._lock:
            current = await self._api.get_mailbox_settings(mailbox)
            if current is None:
                raise UserFacingError(Text(
                    QT_TRANSLATE_NOOP(
                        "services",
                        "Mailbox {mailbox} is no longer on your VoIP.ms account.",
                    ),
                    mailbox=mailbox,
                ))
            changes = edit.params()
            if changes:
                await self._api.set_voicemail(current.raw, changes)
            fresh = await self._api.get_mailbox_settings(mailbox)
        return fresh or current

    def stop(self) -> None:
        self.polling.stop()

    # --- helpers -------------------------------------------------------------------------

    async def _fresh_row(self, account: str) -> dict[str, Any]:
        try:
            rows = await self._api.get_sub_accounts(account)
        except StatusError as exc:
            if exc.status not in ("invalid_account", "no_account", "no_subaccount"):
                raise
            rows = []
        for row in rows:
            if _s(row.get("account")) == account:
                return row
        raise PhoneGone(Text(
            QT_TRANSLATE_NOOP(
                "services",
                "The phone {account} is no longer on your VoIP.ms account.",
            ),
            account=account,
        ))
