"""Read-only lists: servers, time zones, codecs ... and the routing targets."""

from __future__ import annotations

from typing import Any

from app.sandbox.handlers.base import Call, Reply, handler, pick

# method -> (optional id parameter, key in the static lookups, invalid status)
_STATIC = {
    "getTimezones": ("timezone", "timezones", "invalid_timezone"),
    "getAllowedCodecs": ("codec", "allowed_codecs", "invalid_codec"),
    "getLanguages": ("language", "languages", "invalid_language"),
    "getLocales": ("locale", "locales", "invalid_transcription_locale"),
    "getCountries": ("country", "countries", "invalid_country"),
    "getRoutes": ("route", "routes", "invalid_route"),
    "getMusicOnHold": ("music_on_hold", "music_on_hold", "invalid_musiconhold"),
    "getVoicemailSetups": ("voicemailsetup", "voicemail_setups", "invalid_voicemailsetup"),
    "getPlayInstructions": ("playinstructions", "play_instructions", "invalid_playinstructions"),
    "getVoicemailAttachmentFormats": ("email_attachment_format", "voicemail_attachment_formats",
                                      "invalid_email_attachment_format"),
    "getRingStrategies": ("strategy", "ring_strategies", "invalid_strategy"),
}

_OUTPUT_KEY = {"getVoicemailAttachmentFormats": "email_attachment_formats",
               "getVoicemailSetups": "voicemailsetups", "getPlayInstructions": "playinstructions",
               "getRingStrategies": "strategies", "getMusicOnHold": "music_on_hold"}


def _static(call: Call) -> dict[str, Any]:
    param, key, invalid = _STATIC[call.method]
    rows = pick(call.state.lookups[key], "value", call.get(param), invalid)
    return {_OUTPUT_KEY.get(call.method, key): rows}


for _name in _STATIC:
    handler(_name)(_static)


@handler("getProvinces")
def get_provinces(call: Call) -> dict[str, Any]:
    return {"provinces": call.state.lookups["provinces"]}


@handler("getStates")
def get_states(call: Call) -> dict[str, Any]:
    return {"states": call.state.lookups["states"]}


@handler("getServersInfo")
def get_servers_info(call: Call) -> dict[str, Any]:
    return {"servers": pick(call.state.servers, "server_pop", call.get("server_pop"),
                            "invalid_serverpop")}


# method -> (state attribute, optional id parameter, row id key, output key, empty, invalid)
_TARGETS = {
    "getForwardings": ("forwardings", "forwarding", "forwarding", "forwardings",
                       "no_forwarding", "invalid_forwarding"),
    "getIVRs": ("ivrs", "ivr", "ivr", "ivrs", "no_ivr", "invalid_ivr"),
    "getRingGroups": ("ring_groups", "ring_group", "ring_group", "ring_groups",
                      "no_ringgroup", "invalid_ringgroup"),
    "getSIPURIs": ("sip_uris", "sipuri", "sipuri", "sipuris", "no_sipuri", "invalid_sipuri"),
    "getQueues": ("queues", "queue", "queue", "queues", "no_queue", "invalid_queue"),
    "getCallbacks": ("callbacks", "callback", "callback", "callbacks", "no_callback",
                     "invalid_callback"),
    "getTimeConditions": ("time_conditions", "timecondition", "timecondition", "timecondition",
                          "no_timecondition", "invalid_timecondition"),
    "getDISAs": ("disas", "disa", "disa", "disa", "no_disa", "invalid_disa"),
    "getRecordings": ("recordings", "recording", "value", "recordings", "no_recording",
                      "invalid_recording"),
    "getPhonebookGroups": ("phonebook_groups", "group", "phonebook_group", "phonebooks",
                           "no_phonebook", "invalid_phonebook"),
}


def _targets(call: Call) -> dict[str, Any]:
    attr, param, id_key, out_key, empty, invalid = _TARGETS[call.method]
    rows = pick(list(getattr(call.state, attr)), id_key, call.get(param), invalid)
    if not rows:
        raise Reply(empty)
    return {out_key: rows}


for _name in _TARGETS:
    handler(_name)(_targets)


@handler("getSubAccounts")
def get_sub_accounts(call: Call) -> dict[str, Any]:
    rows = pick(call.state.sub_accounts, "account", call.get("account"), "invalid_account")
    if not rows:
        raise Reply("no_account")
    return {"accounts": rows}


@handler("getPhonebook")
def get_phonebook(call: Call) -> dict[str, Any]:
    rows = pick(call.state.phonebook, "phonebook", call.get("phonebook"), "invalid_phonebook")
    name = call.get("name").lower()
    if name:
        rows = [r for r in rows if name in r["name"].lower()]
    if call.has("group"):
        rows = [r for r in rows if r["group"] == call.get("group")]
    if call.has("group_name"):
        rows = [r for r in rows if r["group_name"].lower() == call.get("group_name").lower()]
    if not rows:
        raise Reply("no_phonebook")
    return {"phonebooks": rows}
