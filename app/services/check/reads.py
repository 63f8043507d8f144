"""Every read the app makes, in the order a user would meet them, one line per method.

Reads that need an item (one voicemail's audio, one fax's PDF, one phone's
registration) take the first the list reads found; an account without any says
"empty". Writes are never called: only ``get*`` methods appear here (a test
checks it), with the same typed helpers (``app/api/typed*.py``) the tabs use, so
the app's own parsers read every answer.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from app.api.typed import LOOKUPS, TARGET_SOURCES
from app.domain.calls import utc_offset_hours
from app.domain.media_types import MediaKind, sniff
from app.domain.models.messages import MessageKind
from app.services.check.runner import CheckLine, Judge, RecordingApi, nothing_to_read

#: How far back the dated reads look (the app's windows are <= 92 days).
DAYS_BACK = 30


def is_pdf(data: bytes) -> str | None:
    """A fax document the viewer can open starts with ``%PDF``."""
    if data.lstrip()[:5].startswith(b"%PDF"):
        return None
    return f"the document is not a PDF (it starts {data[:12]!r})"


def is_sound(data: bytes) -> str | None:
    """A recording the player can play is a sound file by its bytes."""
    found = sniff(data)
    if found is not None and found.kind is MediaKind.AUDIO:
        return None
    return f"the recording is not a sound file (it starts {data[:12]!r})"


async def check_reads(api: RecordingApi) -> AsyncIterator[CheckLine]:
    """Yield one ``CheckLine`` per method, as each read finishes."""
    judge = Judge(api)
    today = datetime.now(ZoneInfo(api.provider_tz)).date()
    since = today - timedelta(days=DAYS_BACK)
    done: set[str] = set()

    def seen(line: CheckLine) -> CheckLine:
        done.add(line.method)
        return line

    line, _ = await judge.read("getIP", api.get_ip())
    yield seen(line)
    line, _ = await judge.read("getBalance", api.get_balance())
    yield seen(line)
    line, _ = await judge.read("getTransactionHistory", api.get_transactions(since, today))
    yield seen(line)
    line, _ = await judge.read("getDIDsInfo", api.get_dids())
    yield seen(line)

    # Messages
    line, _ = await judge.read("getSMS", api.get_sms(since, today))
    yield seen(line)
    line, mms = await judge.read("getMMS", api.get_mms(since, today))
    yield seen(line)
    first_mms = next((m for m in mms or () if m.kind is MessageKind.MMS), None)
    if first_mms is None:
        yield seen(nothing_to_read("getMediaMMS", "MMS"))
    else:
        line, _ = await judge.read("getMediaMMS", api.get_media_mms(first_mms.id))
        yield seen(line)
    line, _ = await judge.read("getPhonebook", api.get_phonebook())
    yield seen(line)

    # Voicemail
    line, boxes = await judge.read("getVoicemails", api.get_voicemails())
    yield seen(line)
    line, _ = await judge.read("getVoicemailFolders", api.get_voicemail_folders())
    yield seen(line)
    async for line in _voicemail_messages(judge, [b.mailbox for b in boxes or ()]):
        yield seen(line)

    # Fax
    line, _ = await judge.read("getFaxFolders", api.get_fax_folders())
    yield seen(line)
    line, faxes = await judge.read("getFaxMessages", api.get_fax_messages(since, today))
    yield seen(line)
    line, _ = await judge.read("getFaxNumbersInfo", api.get_fax_numbers())
    yield seen(line)
    if not faxes:
        yield seen(nothing_to_read("getFaxMessagePDF", "fax"))
    else:
        line, _ = await judge.read("getFaxMessagePDF", api.get_fax_pdf(faxes[0].id), is_pdf)
        yield seen(line)

    # Calls
    offset = utc_offset_hours(today, ZoneInfo(api.provider_tz))
    week = today - timedelta(days=7)
    line, _ = await judge.read("getCDR", api.get_cdr(week, today, offset=offset))
    yield seen(line)
    async for line in _recordings(judge, since, today):
        yield seen(line)

    # Phones
    line, accounts = await judge.read("getSubAccounts", api.get_sub_accounts())
    yield seen(line)
    account = next((str(a.get("account", "")) for a in accounts or () if a.get("account")), "")
    if not account:
        yield seen(nothing_to_read("getRegistrationStatus", "sub-account"))
    else:
        line, _ = await judge.read("getRegistrationStatus", api.get_registration(account))
        yield seen(line)

    # Lookup lists and routing targets (the settings page, the routing editor)
    for name, (method, _keys) in LOOKUPS.items():
        line, _ = await judge.read(method, api.get_lookup(name))
        yield seen(line)
    for kind, source in TARGET_SOURCES.items():
        if source.method not in done:  # getSubAccounts, getVoicemails: read above
            line, _ = await judge.read(source.method, api.get_routing_targets(kind))
            yield seen(line)


async def _voicemail_messages(judge: Judge, mailboxes: list[str]) -> AsyncIterator[CheckLine]:
    """One line for the messages of every mailbox, one for the first message's audio."""
    api = judge.api
    if not mailboxes:
        yield nothing_to_read("getVoicemailMessages", "mailbox")
        yield nothing_to_read("getVoicemailMessageFile", "voicemail")
        return
    total, first = 0, None
    for mailbox in mailboxes:
        line, messages = await judge.read(
            "getVoicemailMessages", api.get_voicemail_messages(mailbox)
        )
        if not line.verdict.passes:
            yield line
            yield nothing_to_read("getVoicemailMessageFile", "voicemail")
            return
        total += len(messages or ())
        first = first or next(iter(messages or ()), None)
    if total:
        rows = f"{total} row{'' if total == 1 else 's'}"
        yield CheckLine("getVoicemailMessages", line.verdict, rows)
    else:
        yield line
    if first is None:
        yield nothing_to_read("getVoicemailMessageFile", "voicemail")
        return
    line, _ = await judge.read(
        "getVoicemailMessageFile",
        api.get_voicemail_audio(first.mailbox, first.folder, first.message_num),
        is_sound,
    )
    yield line


async def _recordings(judge: Judge, since: date, today: date) -> AsyncIterator[CheckLine]:
    api = judge.api
    line, recordings = await judge.read(
        "getCallRecordings", api.get_call_recordings(since, today)
    )
    yield line
    if not recordings:
        yield nothing_to_read("getCallRecording", "call recording")
        return
    first = recordings[0]
    line, _ = await judge.read(
        "getCallRecording", api.get_call_recording_audio(first.account, first.id), is_sound
    )
    yield line
