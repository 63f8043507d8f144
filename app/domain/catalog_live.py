"""Parameters live VoIP.ms accepts that the reference forgets ("live extras").

``catalog.json`` is generated from the reference; these are added beside it by
hand, each with where it was seen. A read-modify-write sends them back when the
read returned them, so an edit in Switchboard never resets a setting the user
made on the portal (``setDIDInfo`` clears every optional field it is not sent:
API-NOTES.md "Routing").

Sources (public clients written against the live API, see API-NOTES.md):
* a typed PHP client of the v1 REST API: its ``setDIDInfo`` sends
  ``voicemail_threshold``, ``transcription_start_delay``, ``sms_sip_account`` and
  ``sms_sip_account_enabled``;
* a Terraform provider's DID resource and a typed Rust client read
  ``voicemail_threshold`` from ``getDIDsInfo`` and write it back.
"""

from __future__ import annotations

#: method -> {parameter: where it was seen}
LIVE_EXTRAS: dict[str, dict[str, str]] = {
    "setDIDInfo": {
        "voicemail_threshold": "PHP client setDIDInfo; Terraform DID resource; Rust client",
        "transcription_start_delay": "PHP client setDIDInfo",
        "sms_sip_account": "PHP client setDIDInfo",
        "sms_sip_account_enabled": "PHP client setDIDInfo",
    },
    "setSubAccount": {
        # getSubAccounts returns these and createSubAccount takes them; the
        # reference's setSubAccount forgets them. As a one-field write wipes what
        # it is not sent, a read-modify-write sends them back (unverified live).
        "transcribe": "getSubAccounts output; createSubAccount parameter",
        "transcription_locale": "getSubAccounts output; createSubAccount parameter",
        "transcription_email": "getSubAccounts output; createSubAccount parameter",
        "transcription_start_delay": "PHP client setSubAccount",
        "enable_internal_cnam": "PHP client setSubAccount",
        "internal_cnam": "PHP client setSubAccount",
        "call_pickup_behavior": "PHP client setSubAccount",
        "dialing_mode": "PHP client setSubAccount",
        "tf_carrier": "PHP client setSubAccount",
    },
}
