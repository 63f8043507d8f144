"""Bulk history for ``profile="large"``: ~100k messages in 2k threads over a
year, 500 voicemails and 1k faxes, reusing the shipped media.

Built for benchmarks (sync windows, paging, search), so it favours speed over
prose: lines are drawn from the demo conversations.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from app.sandbox import resources
from app.sandbox.datagen_content import (
    CUSTOMER_CONVERSATIONS,
    STAFF_CONVERSATIONS,
    SUPPLIER_CONVERSATIONS,
    VOICEMAILS,
)
from app.sandbox.state import FaxMessage, SandboxState, TextMessage, VoicemailMessage

MESSAGES = 100_000
THREADS = 2_000
VOICEMAIL_COUNT = 500
FAX_COUNT = 1_000
DAYS = 365


def add_bulk_history(state: SandboxState, rng: random.Random, anchor: datetime) -> None:
    from app.sandbox.datagen import FAX_DID, SMS_DIDS, wall

    lines = [str(line[1]).replace("{first}", "there")
             for pool in (CUSTOMER_CONVERSATIONS, SUPPLIER_CONVERSATIONS, STAFF_CONVERSATIONS)
             for conv in pool for line in conv]
    threads = [(rng.choice(SMS_DIDS), f"{rng.choice(('617', '857', '781', '339', '508'))}"
                f"555{rng.randint(0, 9999):04d}") for _ in range(THREADS)]
    images = [state.new_media(n.rsplit(".", 1)[-1],
                              "image/png" if n.endswith(".png") else "image/jpeg", resource=n)
              for n in resources.MMS_IMAGES]
    span = DAYS * 86400
    # Thread activity is skewed: a few busy customers, a long tail of one-offs.
    weights = [1.0 / (i + 1) ** 0.8 for i in range(THREADS)]
    picks = rng.choices(range(THREADS), weights, k=MESSAGES)
    sms, mms = state.sms, state.mms
    for thread_index in picks:
        did, contact = threads[thread_index]
        moment = wall(anchor - timedelta(seconds=rng.random() * span))
        text = rng.choice(lines)
        type_ = rng.random() < 0.55
        if rng.random() < 0.05:
            mms.append(TextMessage(0, "mms", moment, int(type_), did, contact, text,
                                   [rng.choice(images)]))
        else:
            sms.append(TextMessage(0, "sms", moment, int(type_), did, contact, text))
    for rows in (sms, mms):
        rows.sort(key=lambda r: r.date)
        for index, row in enumerate(rows, start=1):
            row.id = 70_000_000 + index
    state.next_sms_id = 70_000_001 + len(sms)
    state.next_mms_id = 70_000_001 + len(mms)

    for index in range(VOICEMAIL_COUNT):
        name, number, mailbox, _text = VOICEMAILS[index % len(VOICEMAILS)]
        clip = resources.VOICEMAIL_CLIPS[index % len(resources.VOICEMAIL_CLIPS)]
        folder = "INBOX" if index % 5 else "Old"
        state.voicemails.append(VoicemailMessage(
            mailbox, folder, state.next_message_num(mailbox, folder),
            wall(anchor - timedelta(seconds=rng.random() * span)),
            f'"{name}" <{number}>' if name else number, resources.clip_seconds(clip),
            urgent=index % 17 == 0, listened=index % 3 == 0, clip=clip))

    pdfs = list(resources.FAX_PDFS)
    for index in range(FAX_COUNT):
        pdf = pdfs[index % len(pdfs)]
        sent = index % 4 == 0
        other = f"800555{rng.randint(0, 9999):04d}"
        state.faxes.append(FaxMessage(
            state.next_fax_id, "SENT" if sent else "INBOX",
            wall(anchor - timedelta(seconds=rng.random() * span)),
            FAX_DID if sent else other, "BULK FAX", other if sent else FAX_DID,
            "OUTBOUND FAX" if sent else "INBOUND FAX", resources.FAX_PAGES[pdf],
            30 + index % 90, "SUCCESS", pdf))
        state.next_fax_id += 1
