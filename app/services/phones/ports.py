"""What the phones service needs from the api, the store and the other services.

``app.api.typed.Api``, ``app.store.phones.PhoneRepo``, ``app.store.dids.DidRepo``
and ``LookupService`` satisfy these structurally; tests may pass fakes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from app.domain.models.numbers import Did, RoutingTarget, Server
from app.domain.models.phones import MailboxSettings, Phone, Registration
from app.domain.models.voicemail import Mailbox
from app.domain.routing import RouteKind

if TYPE_CHECKING:
    from app.services.lookups.service import LookupResult


class PhonesApi(Protocol):
    async def get_sub_accounts(self, account: str | None = None) -> list[dict[str, Any]]: ...

    async def get_registration(self, account: str) -> Registration: ...

    async def set_sub_account(
        self, read: Mapping[str, Any], changes: Mapping[str, object]
    ) -> None: ...

    async def get_dids(self) -> list[Did]: ...

    async def get_voicemails(self) -> list[Mailbox]: ...

    async def get_mailbox_settings(self, mailbox: str) -> MailboxSettings | None: ...

    async def set_voicemail(
        self, read: Mapping[str, Any], changes: Mapping[str, object]
    ) -> None: ...


class PhoneStore(Protocol):
    async def load(self) -> list[Phone]: ...

    async def replace_all(self, phones: Sequence[Phone]) -> list[str]: ...

    async def put_registrations(self, found: Mapping[str, Registration]) -> list[Phone]: ...

    async def put_raw(self, account: str, raw: Mapping[str, Any]) -> list[Phone]: ...


class DidSource(Protocol):
    """The numbers as last stored by the Numbers tab (read only)."""

    async def load(self) -> list[Did]: ...


class Lookups(Protocol):
    async def get(self, name: str, *, refresh: bool = False) -> LookupResult: ...

    async def servers(self, *, refresh: bool = False) -> list[Server]: ...

    async def cached_servers(self) -> list[Server]: ...

    async def routing_targets(
        self, kind: RouteKind, *, refresh: bool = False
    ) -> list[RoutingTarget]: ...
