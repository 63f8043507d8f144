"""Seeded account data for the sandbox: deterministic for (seed, profile, now).

Everything is dated relative to the clock's start so a demo always looks
recent. ``profile="large"`` adds bulk history for benchmarks (datagen_large).
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from app.domain.timeutil import to_provider_wallclock
from app.sandbox import datagen_calls, datagen_static, resources
from app.sandbox.datagen_content import (
    CONTACTS,
    CUSTOMER_CONVERSATIONS,
    STAFF_CONVERSATIONS,
    SUPPLIER_CONVERSATIONS,
    VOICEMAILS,
)
from app.sandbox.state import FaxFolder, FaxMessage, SandboxClock, SandboxState, VoicemailMessage

ACCOUNT = "284561"
MAIN_DID, SALES_DID, IVR_DID, FAX_DID = "6175550100", "6175550111", "6175550122", "6175550133"
SMS_DIDS = (MAIN_DID, SALES_DID)
HISTORY_DAYS = 180
FIRST_MESSAGE_ID = 78081001
EASTERN = ZoneInfo("America/New_York")


def build_state(clock: SandboxClock, *, seed: int = 1, profile: str = "demo") -> SandboxState:
    rng = random.Random(seed)
    state = SandboxState(clock=clock)
    anchor = clock.start
    _account(state, anchor)
    _routing_targets(state)
    _dids(state)
    _phonebook(state)
    _messages(state, rng, anchor)
    _voicemails(state, rng, anchor)
    _faxes(state, rng, anchor)
    from app.sandbox.datagen_phones import add_phones

    add_phones(state, seed, profile)
    datagen_calls.add_calls(state, random.Random(seed + 18), anchor, profile)
    if profile == "large":
        from app.sandbox.datagen_large import add_bulk_history

        add_bulk_history(state, random.Random(seed + 1000), anchor)
    return state


def wall(moment: datetime) -> datetime:
    return to_provider_wallclock(moment).replace(microsecond=0)


# --- account and lookups ----------------------------------------------------------


def _account(state: SandboxState, anchor: datetime) -> None:
    state.servers = datagen_static.servers()
    state.lookups = {name: make() for name, make in datagen_static.LOOKUPS.items()}
    rows: list[dict[str, Any]] = []
    for months_back in range(6, -1, -1):
        month_start = (anchor.replace(day=1) - timedelta(days=31 * months_back)).replace(day=1)
        day = wall(month_start.replace(hour=5, minute=3, second=46))
        for did in (MAIN_DID, SALES_DID, IVR_DID):
            uid = f"{int(day.timestamp()) % 10**8}x{did[-4:]}"
            rows.append({"date": _fmt(day), "uniqueid": uid,
                         "type": f"DID{did}", "description": f"DID Monthly Fee: {did}",
                         "ammount": "-0.85"})
        rows.append({"date": _fmt(day + timedelta(minutes=1)),
                     "uniqueid": f"{int(day.timestamp()) % 10**8}f", "type": "FAX",
                     "description": f"Fax Monthly Fee: {FAX_DID}", "ammount": "-2.95"})
        if months_back % 2 == 0:
            rows.append({"date": _fmt(day + timedelta(days=3, hours=9)),
                         "uniqueid": f"{int(day.timestamp()) % 10**8}p", "type": "Payment",
                         "description": "Credit card deposit (Visa ending 4242)",
                         "ammount": "25.00"})
    state.transactions = rows
    state.balance = Decimal("47.318250")


def _routing_targets(state: SandboxState) -> None:
    state.sub_accounts = [
        _sub_account(99781, "frontdesk", "Front desk phone", "6175550100"),
        _sub_account(99782, "sales", "Sales desk", "6175550111"),
        _sub_account(99783, "kitchen", "Kitchen wall phone", "6175550100"),
    ]
    state.forwardings = [
        {"forwarding": "18635", "phone_number": "6175550188", "callerid_override": "",
         "description": "Owner mobile", "dtmf_digits": "", "pause": "0"},
        {"forwarding": "18641", "phone_number": "7815550175", "callerid_override": MAIN_DID,
         "description": "Manager mobile", "dtmf_digits": "", "pause": "1.5"},
    ]
    state.ivrs = [{"ivr": "4636", "name": "Main menu", "recording": "7567", "timeout": "5",
                   "language": "en", "voicemailsetup": "1",
                   "choices": "1=account:284561_frontdesk;2=grp:4768;3=vm:1002"}]
    state.ring_groups = [{"ring_group": "4768", "name": "Sales team",
                          "caller_announcement": "0", "music_on_hold": "default",
                          "language": "en", "members": "account:284561_sales,25,0;fwd:18641,10,1",
                          "voicemail": "1002"}]
    state.sip_uris = [{"sipuri": "6199", "uri": "fax@gateway.maplestreet.example:5060",
                       "description": "Fax gateway", "callerid_override": "",
                       "callerid_e164": "0"}]
    state.queues = [{"queue": "3008", "queue_name": "orders", "queue_number": "6",
                     "queue_language": "en", "queue_password": "", "callerid_prefix": "Q",
                     "join_announcement": "none", "priority_weight": "1",
                     "agent_announcement": "0", "report_hold_time_agent": "no",
                     "member_delay": "0", "music_on_hold": "default",
                     "maximum_wait_time": "120", "maximum_callers": "5",
                     "join_when_empty": "no", "leave_when_empty": "yes",
                     "ring_strategy": "ringall", "ring_inuse": "no",
                     "agent_ring_timeout": "15", "retry_timer": "5", "wrapup_time": "0",
                     "voice_announcement": "0", "frequency_announcement": "none",
                     "announce_position_frecuency": "none", "announce_round_seconds": "none",
                     "if_announce_position_enabled_report_estimated_hold_time": "no",
                     "thankyou_for_your_patience": "no",
                     "fail_over_routing_timeout": "vm:1002", "fail_over_routing_full": "vm:1002",
                     "fail_over_routing_join_empty": "vm:1002",
                     "fail_over_routing_leave_empty": "none:",
                     "fail_over_routing_join_unavail": "none:",
                     "fail_over_routing_leave_unavail": "none:"}]
    state.callbacks = [{"callback": "2359", "description": "Owner callback",
                        "number": "6175550188", "delay_before": "5", "response_timeout": "10",
                        "digit_timeout": "5", "callerid_number": MAIN_DID}]
    state.time_conditions = [{"timecondition": "1830", "name": "Opening hours",
                              "routing_match": "account:284561_frontdesk",
                              "routing_nomatch": "vm:1001", "starthour": "7;8",
                              "startminute": "0;0", "endhour": "18;14", "endminute": "0;0",
                              "weekdaystart": "mon;sat", "weekdayend": "fri;sun"}]
    state.disas = [{"disa": "2114", "name": "Owner outbound", "pin": "4821",
                    "digit_timeout": "10", "callerid_override": MAIN_DID}]
    state.recordings = [{"value": "7567", "description": "Main menu greeting"},
                        {"value": "7570", "description": "Closed for holidays"}]
    state.mailboxes = {
        "1001": _mailbox("1001", "Front desk", "frontdesk@maplestreetbakery.example"),
        "1002": _mailbox("1002", "Sales", "sales@maplestreetbakery.example"),
    }


def _sub_account(id_: int, name: str, description: str, callerid: str) -> dict[str, Any]:
    return {"id": str(id_), "account": f"{ACCOUNT}_{name}", "username": name,
            "description": description, "protocol": "1", "auth_type": "1",
            "password": "", "ip": "", "device_type": "2", "callerid_number": callerid,
            "canada_routing": "1", "lock_international": "1", "international_route": "0",
            "music_on_hold": "default", "language": "en", "allowed_codecs": "ulaw;g729",
            "dtmf_mode": "auto", "nat": "yes", "sip_traffic": "0", "max_expiry": "3600",
            "rtp_timeout": "60", "rtp_hold_timeout": "600", "ip_restriction": "",
            "enable_ip_restriction": "0", "pop_restriction": "", "enable_pop_restriction": "0",
            "send_bye": "1", "record_calls": "0", "internal_extension": str(id_ % 100),
            "internal_voicemail": "1001", "internal_dialtime": "30", "reseller_client": "0",
            "reseller_package": "0", "reseller_nextbilling": "0000-00-00",
            "transcribe": "0", "transcription_locale": "en-US", "transcription_email": "",
            "parking_lot": ""}


def _mailbox(box: str, name: str, email: str) -> dict[str, Any]:
    return {"mailbox": box, "name": name, "password": "4821", "skip_password": "0",
            "email": email, "attach_message": "yes", "delete_message": "no",
            "say_time": "yes", "timezone": "America/New_York", "say_callerid": "yes",
            "play_instructions": "u", "language": "en", "email_attachment_format": "wav49",
            "unavailable_message_recording": "0", "transcribe": "0",
            "transcription_locale": "en-US"}


def _dids(state: SandboxState) -> None:
    def did(number: str, description: str, routing: str, busy: str, unreachable: str,
            noanswer: str, voicemail: str, pop: str, note: str, sms: bool) -> dict[str, Any]:
        return {"did": number, "description": description, "routing": routing,
                "failover_busy": busy, "failover_unreachable": unreachable,
                "failover_noanswer": noanswer, "voicemail": voicemail, "pop": pop,
                "dialtime": "60", "cnam": "1", "e911": "0", "callerid_prefix": "",
                "note": note, "port_out_pin": "", "billing_type": "1",
                "next_billing": "0000-00-00", "order_date": "2024-03-12 10:14:22",
                "reseller_account": "", "reseller_next_billing": "0000-00-00",
                "reseller_monthly": "0.00000000", "reseller_minute": "0.00000000",
                "reseller_setup": "0.00000000", "sms_available": "1",
                "sms_enabled": "1" if sms else "0", "sms_email": "",
                "sms_email_enabled": "0", "sms_forward": "", "sms_forward_enabled": "0",
                "sms_url_callback": "", "sms_url_callback_enabled": "0",
                "sms_url_callback_retry": "0", "smpp_enabled": "0", "smpp_url": "",
                "smpp_user": "", "smpp_pass": "", "transcribe": "0",
                "transcription_locale": "en-US", "transcription_email": "",
                "record_calls": "0", "voicemail_threshold": "20" if sms else "0",
                "transcription_start_delay": "0", "sms_sip_account": "",
                "sms_sip_account_enabled": "0"}

    state.dids = {d["did"]: d for d in [
        did(MAIN_DID, "BOSTON, MA", f"account:{ACCOUNT}_frontdesk", "vm:1001", "fwd:18635",
            "vm:1001", "1001", "5", "Main line", True),
        did(SALES_DID, "BOSTON, MA", "grp:4768", "vm:1002", "fwd:18641", "vm:1002", "1002",
            "5", "Sales & catering", True),
        did(IVR_DID, "CAMBRIDGE, MA", "ivr:4636", "none:", "sys:noservice", "none:", "",
            "8", "Menu line (ads)", False),
        did(FAX_DID, "BOSTON, MA", "sip:fax@gateway.maplestreet.example:5060", "none:",
            "none:", "none:", "", "5", "Fax", False),
    ]}
    state.fax_numbers = [{"id": "3301", "did": FAX_DID, "description": "United States, MA, BOSTON",
                          "state": "MA", "city": "BOSTON", "country": "United States",
                          "email_enabled": "1", "email": "fax@maplestreetbakery.example",
                          "url_enabled": "0", "url": "", "retry": "0", "attach_file": "1",
                          "note": "Orders fax", "reseller_account": "",
                          "reseller_next_billing": "0000-00-00",
                          "reseller_monthly": "0.00000000", "reseller_minute": "0.00000000",
                          "reseller_setup": "0.00000000", "fax_to_sip_enabled": "0",
                          "fax_to_sip_enabled_account": ""}]


def _phonebook(state: SandboxState) -> None:
    groups = {"Customers": "3220", "Suppliers": "3221", "Staff": "3222"}
    rows = []
    for index, (name, number, group, note) in enumerate(CONTACTS):
        rows.append({"phonebook": str(32207 + index), "speed_dial": f"*75{index:02d}",
                     "name": name, "number": number, "callerid": "", "note": note,
                     "group": groups[group], "group_name": group})
    state.phonebook = rows
    state.phonebook_groups = [
        {"phonebook_group": gid, "name": gname,
         "members": ";".join(r["phonebook"] for r in rows if r["group_name"] == gname)}
        for gname, gid in groups.items()]


# --- messages ---------------------------------------------------------------------


def _messages(state: SandboxState, rng: random.Random, anchor: datetime) -> None:
    """Several hundred SMS/MMS in conversations over six months, a few today."""
    by_group: dict[str, list[tuple[str, str]]] = {}
    for name, number, group, _note in CONTACTS:
        by_group.setdefault(group, []).append((name, number))
    pools = [(CUSTOMER_CONVERSATIONS, "Customers", 6), (SUPPLIER_CONVERSATIONS, "Suppliers", 2),
             (STAFF_CONVERSATIONS, "Staff", 2)]
    weights = [w for _, _, w in pools]
    starts = sorted(anchor - timedelta(days=rng.uniform(0.5, HISTORY_DAYS)) for _ in range(110))
    # The last conversation ends shortly before "now" so today's window (provider
    # date) has rows, even just after midnight in New York.
    local_midnight = anchor.astimezone(EASTERN).replace(hour=0, minute=0, second=30)
    starts.append(max(anchor - timedelta(minutes=25), local_midnight.astimezone(UTC)))
    for start in starts:
        convs, group, _ = rng.choices(pools, weights)[0]
        contact_name, contact = rng.choice(by_group[group])
        did = SALES_DID if group == "Suppliers" or rng.random() < 0.25 else MAIN_DID
        local = start.astimezone(EASTERN)
        if start != starts[-1] and not 8 <= local.hour < 20:
            start = start.replace(hour=(start.hour + 12) % 24)  # move into business-ish hours
        _conversation(state, rng, rng.choice(convs), start, did, contact,
                      contact_name.split()[0], anchor)
    _dst_edge_messages(state, anchor)
    _live_examples(state, by_group, anchor)
    _renumber(state)


def _live_examples(
    state: SandboxState, by_group: dict[str, list[tuple[str, str]]], anchor: datetime
) -> None:
    """MMS that show how live accounts differ from the reference (API-NOTES.md).

    A group MMS (one row per leg: same DID, contact, date and text, other ids)
    and a picture whose link has expired. Accented MMS text, entity-encoded by
    the live service, is common in the conversations already.
    """
    _name, customer = by_group["Customers"][0]
    when = wall((anchor - timedelta(days=3)).replace(hour=19, minute=12, second=5))
    photo = state.new_media("jpg", "image/jpeg", resource="storefront.jpg")
    for leg in range(3):
        row = state.add_text("mms", date=when, type_=1, did=MAIN_DID, contact=customer,
                             message="Photos de la soirée – merci à toute l'équipe!",
                             media=[photo])
        row.extra_leg = leg > 0
    _name, supplier = by_group["Suppliers"][0]
    old = state.new_media("jpg", "image/jpeg", resource="delivery_van.jpg")
    state.media[old].expired = True
    state.add_text("mms", date=wall((anchor - timedelta(days=40)).replace(hour=10, minute=2)),
                   type_=1, did=SALES_DID, contact=supplier,
                   message="Delivery confirmation photo", media=[old])


def _renumber(state: SandboxState) -> None:
    """Ids grow with time, in two separate sequences that overlap on purpose.

    Clients must key messages on (kind, id): SMS 78081001 and MMS 78081001 are
    different messages (API-NOTES).
    """
    for rows in (state.sms, state.mms):
        rows.sort(key=lambda r: r.date)
        for index, row in enumerate(rows):
            row.id = FIRST_MESSAGE_ID + index
    for index, row in enumerate(state.mms):
        row.media_hidden_in_list = bool(row.media) and index % 3 == 2
        row.relative_links = index % 4 == 1
    state.next_sms_id = FIRST_MESSAGE_ID + len(state.sms)
    state.next_mms_id = FIRST_MESSAGE_ID + len(state.mms)


def _conversation(state: SandboxState, rng: random.Random, lines: list[tuple[object, ...]],
                  start: datetime, did: str, contact: str, first: str, anchor: datetime) -> None:
    moment = start
    for line in lines:
        direction, text = str(line[0]), str(line[1]).replace("{first}", first)
        images = [str(x) for x in line[2]] if len(line) > 2 else []  # type: ignore[attr-defined]
        if moment > anchor:
            break
        type_ = 1 if direction == "in" else 0
        if images:
            tokens = [state.new_media(i.rsplit(".", 1)[-1], _ctype(i), resource=i) for i in images]
            state.add_text("mms", date=wall(moment), type_=type_, did=did, contact=contact,
                           message=text, media=tokens)
        elif len(text.encode()) > 160:
            state.add_text("mms", date=wall(moment), type_=type_, did=did, contact=contact,
                           message=text)
        else:
            state.add_text("sms", date=wall(moment), type_=type_, did=did, contact=contact,
                           message=text)
        moment += timedelta(seconds=rng.randint(40, 900))


def _dst_edge_messages(state: SandboxState, anchor: datetime) -> None:
    """Messages inside the repeated 01:00-02:00 hour of the latest fall-back night.

    Two different instants print the same wall-clock time; clients must not
    treat them as duplicates or mis-order them.
    """
    for days_back in range(HISTORY_DAYS):
        day = (anchor - timedelta(days=days_back)).astimezone(EASTERN).date()
        before = datetime(day.year, day.month, day.day, 0, 30, tzinfo=EASTERN).utcoffset()
        after = datetime(day.year, day.month, day.day, 4, 0, tzinfo=EASTERN).utcoffset()
        if before is not None and after is not None and after < before:
            first = datetime(day.year, day.month, day.day, 5, 30, tzinfo=UTC)  # 01:30 EDT
            name, number = CONTACTS[5][0], CONTACTS[5][1]
            state.add_text("sms", date=wall(first), type_=1, did=MAIN_DID, contact=number,
                           message=f"Night shift: ovens preheating ({name.split()[0]})")
            state.add_text("sms", date=wall(first + timedelta(hours=1)), type_=1, did=MAIN_DID,
                           contact=number, message="Clocks went back, it's 1:30 again 🙃")
            return


def _ctype(name: str) -> str:
    return "image/png" if name.endswith(".png") else "image/jpeg"


# --- voicemail and fax -------------------------------------------------------------


def _voicemails(state: SandboxState, rng: random.Random, anchor: datetime) -> None:
    folders = ["INBOX"] * 8 + ["Old"] * 3 + ["Urgent"]
    for index, (name, number, mailbox, _text) in enumerate(VOICEMAILS):
        clip = resources.VOICEMAIL_CLIPS[index]
        folder = folders[index]
        when = anchor - timedelta(days=index * 2.3 + rng.uniform(0.05, 1.5))
        callerid = f'"{name}" <{number}>' if name else number
        state.voicemails.append(VoicemailMessage(
            mailbox, folder, state.next_message_num(mailbox, folder), wall(when), callerid,
            resources.clip_seconds(clip), urgent=folder == "Urgent" or index == 7,
            listened=folder == "Old" or index in (2, 5), clip=clip))


def _faxes(state: SandboxState, rng: random.Random, anchor: datetime) -> None:
    state.fax_folders = [FaxFolder(4101, "INBOX"), FaxFolder(4102, "SENT"),
                         FaxFolder(4103, "Invoices")]
    state.next_fax_folder_id = 4104
    state.next_fax_id = 880401
    # Each document comes from the business its letterhead names (the PDFs of
    # tools/make_sandbox_media.py), and the bakery's own delivery schedule goes out to
    # the customers it names: a fax from the city whose preview showed a caterer's
    # purchase order read like a mix-up.
    harbor = ("6175550187", "HARBOR CONSULTING")  # Marcus Chen orders for his office
    northside = ("8005550111", "NORTHSIDE FLOUR")
    elm = ("6175550155", "ELM PROPERTIES")  # the landlord
    dinapoli = ("6175550199", "DINAPOLIS")
    plan = [("INBOX", "purchase_order.pdf", harbor), ("Invoices", "invoice_2291.pdf", northside),
            ("INBOX", "lease_agreement.pdf", elm), ("SENT", "delivery_schedule.pdf", dinapoli),
            ("INBOX", "purchase_order.pdf", harbor), ("Invoices", "invoice_2291.pdf", northside),
            ("SENT", "delivery_schedule.pdf", harbor), ("INBOX", "purchase_order.pdf", harbor),
            ("INBOX", "invoice_2291.pdf", northside), ("SENT", "delivery_schedule.pdf", dinapoli)]
    for index, (folder, pdf, (number, station)) in enumerate(plan):
        when = anchor - timedelta(days=index * 5.5 + rng.uniform(0.1, 3.0))
        pages = resources.FAX_PAGES[pdf]
        sent = folder == "SENT"
        state.faxes.append(FaxMessage(
            state.next_fax_id, folder, wall(when), FAX_DID if sent else number,
            "MAPLE ST BAKERY" if sent else station, number if sent else FAX_DID,
            "OUTBOUND FAX" if sent else "INBOUND FAX", pages, 18 * pages + rng.randint(0, 20),
            "SUCCESS" if index != 6 else "FAILED", pdf))
        state.next_fax_id += 1


def _fmt(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")
