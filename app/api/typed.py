"""Typed helpers over ``VoipMsClient``: domain dataclasses in, domain dataclasses out.

``Api(client, provider_tz="America/New_York")`` is what the sync layer uses.
Dates coming back are aware UTC (provider wall clock converted here); dates
going out are provider-calendar days ``YYYY-MM-DD``. Empty lists are plain
empty lists (the client already turned ``no_sms`` & co. into them).

The helpers live in one module per area and are mixed together here:

* ``typed_messages``: get_sms, get_mms, get_media_mms, send_sms, send_mms,
  delete_sms, delete_mms, get_phonebook
* ``typed_voicemail``: get_voicemails, get_voicemail_folders,
  get_voicemail_messages, get_voicemail_audio, mark_listened, mark_urgent,
  move_voicemail, delete_voicemail, send_voicemail_email
* ``typed_fax``: get_fax_folders, get_fax_messages, get_fax_pdf, move_fax,
  delete_fax, mail_fax_pdf, get_fax_numbers, send_fax, set_fax_folder,
  delete_fax_folder
* ``typed_numbers``: get_ip, get_balance, get_dids, get_did, set_did_routing,
  set_did_info, set_did_pop, set_did_voicemail, get_servers,
  get_routing_targets, get_lookup
* ``typed_calls``: get_cdr, get_call_recordings, get_call_recording_audio,
  delete_call_recording, set_phonebook, get_transactions
* ``typed_phones``: get_sub_accounts, get_registration, set_sub_account,
  get_mailbox_settings, set_voicemail
"""

from __future__ import annotations

from app.api.typed_calls import CallsApi
from app.api.typed_fax import FaxApi
from app.api.typed_messages import MessagesApi
from app.api.typed_numbers import LOOKUPS, TARGET_SOURCES, NumbersApi
from app.api.typed_phones import PhonesApi
from app.api.typed_voicemail import VoicemailApi

__all__ = ["LOOKUPS", "TARGET_SOURCES", "Api"]


class Api(MessagesApi, VoicemailApi, FaxApi, NumbersApi, CallsApi, PhonesApi):
    """Every typed VoIP.ms helper the app uses, on one shared client."""
