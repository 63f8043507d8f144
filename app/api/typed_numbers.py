"""Account, DIDs (numbers), servers, routing targets and lookup lists."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from app.api import parsing
from app.api.catalog import CATALOG
from app.api.errors import StatusError, TransportError
from app.api.typed_base import TypedBase, log
from app.domain.catalog_live import LIVE_EXTRAS
from app.domain.models.balance import Balance
from app.domain.models.numbers import Did, RoutingTarget, Server
from app.domain.routing import SYSTEM_TARGETS, Route, RouteKind, RoutingParseError
from app.domain.words import QT_TRANSLATE_NOOP


@dataclass(frozen=True, slots=True)
class _TargetSource:
    """Where the API lists one kind of routing target, and which keys name it."""
    method: str
    keys: tuple[str, ...]
    value_key: str
    label_keys: tuple[str, ...]


#: Where each routing-target kind's choices come from (setDIDInfo's notes).
TARGET_SOURCES: dict[RouteKind, _TargetSource] = {
    RouteKind.ACCOUNT: _TargetSource("getSubAccounts", ("accounts",), "account", ("description",)),
    RouteKind.FORWARD: _TargetSource(
        "getForwardings", ("forwardings",), "forwarding", ("description", "phone_number")
    ),
    RouteKind.VOICEMAIL: _TargetSource("getVoicemails", ("voicemails",), "mailbox", ("name",)),
    RouteKind.SIP: _TargetSource("getSIPURIs", ("sipuris",), "sipuri", ("description", "uri")),
    RouteKind.RING_GROUP: _TargetSource("getRingGroups", ("ring_groups",), "ring_group", ("name",)),
    RouteKind.IVR: _TargetSource("getIVRs", ("ivrs",), "ivr", ("name",)),
    RouteKind.RECORDING: _TargetSource("getRecordings", ("recordings",), "value", ("description",)),
    RouteKind.QUEUE: _TargetSource("getQueues", ("queues",), "queue", ("queue_name",)),
    RouteKind.CALLBACK: _TargetSource("getCallbacks", ("callbacks",), "callback", ("description",)),
    RouteKind.TIME_CONDITION: _TargetSource(
        "getTimeConditions", ("timecondition", "timeconditions"), "timecondition", ("name",)
    ),
    RouteKind.DISA: _TargetSource("getDISAs", ("disa", "disas"), "disa", ("name",)),
}

#: Lookup lists for the cache: name -> (method, keys of the rows).
LOOKUPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "servers": ("getServersInfo", ("servers",)),
    "timezones": ("getTimezones", ("timezones",)),
    "codecs": ("getAllowedCodecs", ("allowed_codecs", "codecs")),
    "languages": ("getLanguages", ("languages",)),
    "locales": ("getLocales", ("locales",)),
    "countries": ("getCountries", ("countries",)),
    "routes": ("getRoutes", ("routes",)),
}

# setDIDInfo parameters we take from the DID's raw row when the Did object has
# no field for them, so a full write never resets them (read-modify-write).
#: Fields of a DID read that ``Did`` does not model, written back as they were read:
#: the reference's optional setDIDInfo parameters and the live extras.
_PASSTHROUGH = (
    "record_calls",
    "port_out_pin",
    "transcribe",
    "transcription_locale",
    "transcription_email",
    *LIVE_EXTRAS["setDIDInfo"],
)


def _route(value: object, did: str) -> Route:
    try:
        return Route.parse(parsing.as_str(value))
    except RoutingParseError:
        log.info("DID %s has an unknown routing %r; shown as none", did, value)
        return Route(RouteKind.NONE)


class NumbersApi(TypedBase):
    async def get_ip(self) -> str:
        """The address VoIP.ms sees: the one to whitelist (works from any IP)."""
        data = await self._call("getIP")
        return parsing.as_str(data.get("ip"))

    async def get_balance(self) -> Balance:
        data = await self._call("getBalance", advanced=True)
        raw = data.get("balance")
        row: Mapping[str, Any] = raw if isinstance(raw, Mapping) else {"current_balance": raw}
        calls_today = parsing.as_str(row.get("calls_today"))
        calls_total = parsing.as_str(row.get("calls_total"))
        return Balance(
            current=parsing.as_decimal(row.get("current_balance")) or Decimal(0),
            spent_today=parsing.as_decimal(row.get("spent_today")),
            calls_today=parsing.as_int(calls_today) if calls_today else None,
            time_today=parsing.as_str(row.get("time_today")) or None,
            spent_total=parsing.as_decimal(row.get("spent_total")),
            calls_total=parsing.as_int(calls_total) if calls_total else None,
            time_total=parsing.as_str(row.get("time_total")) or None,
        )

    # --- DIDs -------------------------------------------------------------------------

    async def get_dids(self) -> list[Did]:
        data = await self._call("getDIDsInfo")
        return [self._did(row) for row in parsing.rows(data, "dids")]

    async def get_did(self, did: str) -> Did | None:
        """One DID fresh from the provider, ``None`` when it is not on the account."""
        try:
            data = await self._call("getDIDsInfo", did=parsing.number(did))
        except StatusError as exc:
            if exc.status in {"invalid_did", "no_did"}:
                return None
            raise
        wanted = parsing.number(did)
        for row in parsing.rows(data, "dids"):
            if parsing.number(row.get("did")) == wanted:
                return self._did(row)
        return None

    def _did(self, row: Mapping[str, Any]) -> Did:
        number = parsing.number(row.get("did"))
        voicemail = row.get("voicemail")
        return Did(
            did=number,
            description=parsing.as_str(row.get("description")),
            routing=_route(row.get("routing"), number),
            failover_busy=_route(row.get("failover_busy"), number),
            failover_unreachable=_route(row.get("failover_unreachable"), number),
            failover_noanswer=_route(row.get("failover_noanswer"), number),
            # "0" is "no mailbox" on live accounts (API-NOTES.md), not mailbox 0.
            voicemail="" if parsing.is_not_set(voicemail) or parsing.as_str(voicemail) == "0"
            else parsing.as_str(voicemail),
            pop=parsing.as_str(row.get("pop")),
            dialtime=parsing.as_int(row.get("dialtime"), 60),
            cnam=parsing.as_bool(row.get("cnam")),
            callerid_prefix=parsing.as_str(row.get("callerid_prefix")),
            note=parsing.unescape_text(parsing.as_str(row.get("note"))),
            billing_type=parsing.as_str(row.get("billing_type")),
            sms_enabled=parsing.as_bool(row.get("sms_enabled")),
            raw=dict(row),
        )

    async def set_did_routing(self, did: str, route: Route | str) -> None:
        routing = route.to_api() if isinstance(route, Route) else route
        await self._call("setDIDRouting", did=parsing.number(did), routing=routing)

    async def create_forwarding(self, phone_number: str, description: str = "") -> str:
        """A new forwarding to ``phone_number`` (``setForwarding`` without an id); its id."""
        params: dict[str, object] = {"phone_number": parsing.number(phone_number)}
        if description:
            params["description"] = description
        data = await self._call("setForwarding", **params)
        forwarding = parsing.as_str(data.get("forwarding"))
        if not forwarding:
            raise TransportError(QT_TRANSLATE_NOOP(
                "services",
                "VoIP.ms created the forwarding but did not say its id.",
            ),
                                 kind="body", method="setForwarding")
        return forwarding

    async def set_did_info(self, did: Did) -> None:
        """Write every field of ``did`` (setDIDInfo requires them all every time).

        Fields the ``Did`` dataclass does not model come from ``did.raw``
        unchanged, so an edit made on the portal is not undone.
        """
        allowed = CATALOG["setDIDInfo"].params
        params: dict[str, object] = {
            name: did.raw[name]
            for name in _PASSTHROUGH
            if name in allowed and not parsing.is_not_set(did.raw.get(name))
        }
        billing = did.billing_type or parsing.as_str(did.raw.get("billing_type"))
        params.update(
            did=did.did,
            routing=did.routing.to_api(),
            failover_busy=did.failover_busy.to_api(),
            failover_unreachable=did.failover_unreachable.to_api(),
            failover_noanswer=did.failover_noanswer.to_api(),
            voicemail=did.voicemail,
            pop=did.pop,
            dialtime=did.dialtime,
            cnam=did.cnam,
            callerid_prefix=did.callerid_prefix,
            note=did.note,
            # Never guessed: a wrong billing type costs money. Missing -> ParameterError.
            billing_type=billing or None,
        )
        await self._call("setDIDInfo", **params)

    async def set_did_pop(self, did: str, pop: str) -> None:
        await self._call("setDIDPOP", did=parsing.number(did), pop=pop)

    async def set_did_voicemail(self, did: str, mailbox: str) -> None:
        await self._call("setDIDVoicemail", did=parsing.number(did), voicemail=mailbox)

    # --- servers, routing targets, lookups ----------------------------------------------

    async def get_servers(self) -> list[Server]:
        data = await self._call("getServersInfo")
        return [
            Server(
                pop=parsing.as_str(row.get("server_pop")),
                name=parsing.as_str(row.get("server_name")),
                shortname=parsing.as_str(row.get("server_shortname")),
                hostname=parsing.as_str(row.get("server_hostname")),
                country=parsing.as_str(row.get("server_country")),
                recommended=parsing.as_bool(row.get("server_recommended")),
            )
            for row in parsing.rows(data, "servers")
        ]

    async def get_routing_targets(self, kind: RouteKind) -> list[RoutingTarget]:
        """The choices for ``kind:value`` routings (sub-accounts, forwardings...)."""
        if kind is RouteKind.SYSTEM:
            return [RoutingTarget(value, label) for value, label in SYSTEM_TARGETS.items()]
        if kind is RouteKind.NONE:
            return []
        source = TARGET_SOURCES[kind]
        data = await self._call(source.method)
        targets = []
        for row in parsing.rows(data, *source.keys):
            value = parsing.as_str(row.get(source.value_key))
            if not value:
                continue
            label = parsing.as_str(parsing.first_present(row, source.label_keys))
            phone = parsing.as_str(row.get("phone_number")) if kind is RouteKind.FORWARD else ""
            if phone and label != phone:
                # People know a forwarding by its number (numbers tab formats it):
                # "18635 - 6175550188 - Owner mobile".
                label = f"{phone} - {label}" if label else phone
            members: tuple[str, ...] = ()
            if kind is RouteKind.RING_GROUP:  # "account:100001;fwd:16006"
                members = tuple(m.strip() for m in parsing.as_str(row.get("members")).split(";")
                                if m.strip())
            targets.append(RoutingTarget(value, f"{value} - {label}" if label else value,
                                         members))
        return targets

    async def get_lookup(self, name: str) -> list[dict[str, Any]]:
        """Raw rows of a lookup list, as given (``getTimezones`` keeps non-IANA names)."""
        if name in LOOKUPS:
            method, keys = LOOKUPS[name]
        elif name in CATALOG:
            method, keys = name, CATALOG[name].list_keys
        else:
            raise KeyError(f"unknown lookup list {name!r}")
        data = await self._call(method)
        return parsing.rows(data, *keys)
