"""Property tests (hypothesis): whatever shape VoIP.ms sends, the parsing layer answers
with the documented type and never raises (issue #14.4). One odd value in one field
used to reach a tab raw or stop a refresh."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.api import parsing
from app.api.client import VoipMsClient
from app.api.message_rows import messages_from_answer
from app.api.typed import Api
from app.domain.models.messages import MessageKind

EASTERN = ZoneInfo("America/New_York")

# The same examples on every run (CI must not turn red by chance); the odd values
# that once broke a parser are listed in ODD_TEXT so they are always tried.
settings.register_profile("switchboard", derandomize=True, deadline=None)
settings.load_profile("switchboard")


@cache
def _api() -> Api:
    """One parser for every example: nothing is sent, the client only names its base URL."""
    return Api(VoipMsClient("me@example.com", "pw"))

# Everything json.loads can produce, plus the odd strings live accounts send.
ODD_TEXT = st.sampled_from([
    "", " ", "0", "1", "-1", "yes", "no", "null", "None", "0000-00-00", "0000-00-00 00:00:00",
    "2026-03-08 02:30:00", "2026-11-01 01:30:00", "1e309", "NaN", "12.50", "+15145550123",
    "(514) 555-0123", "647.948.4755", '"John Doe" <5551112222>', "R&eacute;union", "\\\"q\\\"",
    "\ud83d", "🎉", "http://[::1/x.jpg", "http://0:b/x.jpg", "/media/x.jpg",
])
JSON_SCALARS = (
    st.none() | st.booleans() | st.integers() | st.floats() | st.text() | ODD_TEXT
    | st.sampled_from([float("inf"), float("-inf"), float("nan"), "inf", "-Infinity", 10**30])
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=8) | ODD_TEXT, children, max_size=4),
    max_leaves=12,
)


@given(JSON_VALUES)
def test_scalar_parsers_answer_their_type(value: Any) -> None:
    text = parsing.as_str(value)
    assert isinstance(text, str)
    text.encode("utf-8")  # always storable
    assert isinstance(parsing.as_int(value), int)
    assert isinstance(parsing.as_bool(value), bool)
    assert isinstance(parsing.is_not_set(value), bool)
    amount = parsing.as_decimal(value)
    assert amount is None or (isinstance(amount, Decimal) and amount.is_finite())
    assert isinstance(parsing.as_list(value), list)
    assert isinstance(parsing.number(value), str)
    name, number = parsing.caller_id(value)
    assert isinstance(name, str) and isinstance(number, str)
    unescaped = parsing.unescape_text(value)
    assert isinstance(unescaped, str)
    unescaped.encode("utf-8")


@given(JSON_VALUES)
def test_dates_are_aware_utc_or_none(value: Any) -> None:
    moment = parsing.provider_datetime(value, EASTERN)
    assert moment is None or (isinstance(moment, datetime) and moment.tzinfo == UTC)


@given(JSON_VALUES)
def test_media_links_are_absolute_urls_or_dropped(value: Any) -> None:
    urls = parsing.media_urls(value, "https://voip.ms/api/v1/rest.php")
    assert all(isinstance(u, str) and "://" in u for u in urls)
    assert len(set(urls)) == len(urls)


@given(st.dictionaries(st.text(max_size=12) | ODD_TEXT, JSON_VALUES, max_size=4), JSON_VALUES)
def test_rows_of_any_shape_give_a_list_of_objects(data: dict[str, Any], extra: Any) -> None:
    data = {**data, "sms": extra}
    rows = parsing.rows(data, "sms")
    assert isinstance(rows, list) and all(isinstance(r, dict) for r in rows)


MESSAGE_ROW = st.fixed_dictionaries(
    {},
    optional={
        key: JSON_VALUES
        for key in ("id", "date", "type", "did", "contact", "message", "media",
                    "col_media1", "col_media2", "col_media3")
    },
)


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=150)
@given(st.lists(MESSAGE_ROW, max_size=5), st.sampled_from(list(MessageKind)))
def test_message_pages_of_any_shape_never_stop_a_sync(
    rows: list[dict[str, Any]], kind: MessageKind
) -> None:
    api = _api()
    messages = messages_from_answer(kind, api.provider_tz, api.client.base_url,
                                    {"status": "success", "sms": rows})
    for message in messages:
        assert message.id >= 0 and message.date.tzinfo is not None
        message.text.encode("utf-8")
        assert all(isinstance(url, str) for url in message.media)


DID_ROW = st.fixed_dictionaries(
    {"did": st.sampled_from(["6175550100", "+16175550100", 6175550100, "617.555.0100"])},
    optional={
        key: JSON_VALUES
        for key in ("description", "routing", "failover_busy", "failover_unreachable",
                    "failover_noanswer", "voicemail", "pop", "dialtime", "cnam",
                    "callerid_prefix", "note", "billing_type", "voicemail_threshold")
    },
)


@settings(max_examples=150)
@given(DID_ROW)
def test_did_rows_of_any_shape_parse(row: dict[str, Any]) -> None:
    did = _api()._did(row)
    assert did.did == "6175550100"
    assert isinstance(did.dialtime, int) and isinstance(did.cnam, bool)
    assert did.voicemail != "0"
