"""Status code -> a sentence a small-business owner understands.

The reference's table (``catalog.STATUS_CODES``) explains every code, tersely
and sometimes garbled ("This is not a valid TimezoneCDR and resellerCDR: ...").
The codes this app meets in daily use are rewritten by hand below; every other
code gets the reference's explanation, tidied (typos, run-together words,
capital letter, full stop). A code missing from the reference still yields a
sentence that names it, so nothing ever shows an empty message.
"""

from __future__ import annotations

import re

from app.domain.words import QT_TRANSLATE_NOOP

# Marked for the catalog (app/domain/words.py): the UI shows them translated; the
# reference's own explanations (below) stay as VoIP.ms wrote them.
_HAND_WRITTEN: dict[str, str] = {
    # Access
    "invalid_credentials": QT_TRANSLATE_NOOP(
        "services",
        "VoIP.ms did not accept the user name or API password. Check the e-mail address you log "
        "in with and the API password set under Main Menu > SOAP & REST/JSON API.",
    ),
    "missing_credentials": QT_TRANSLATE_NOOP(
        "services",
        "The VoIP.ms user name or API password is missing. Enter both in the settings.",
    ),
    "api_not_enabled": QT_TRANSLATE_NOOP(
        "services",
        "API access is not enabled for this VoIP.ms account. Enable it under Main Menu > SOAP & "
        "REST/JSON API on voip.ms.",
    ),
    "ip_not_enabled": QT_TRANSLATE_NOOP(
        "services",
        "VoIP.ms does not accept requests from this computer's internet address yet. Add the "
        "address shown in the settings to the allowed IP addresses under Main Menu > SOAP & "
        "REST/JSON API on voip.ms.",
    ),
    "api_limit_exceeded": QT_TRANSLATE_NOOP(
        "services",
        "VoIP.ms is limiting how many requests this account can make per minute. Switchboard will "
        "wait a minute and continue.",
    ),
    "method_maintenance": QT_TRANSLATE_NOOP(
        "services",
        "This VoIP.ms feature is under maintenance. Try again later.",
    ),
    "missing_method": QT_TRANSLATE_NOOP(
        "services",
        "VoIP.ms did not receive the request correctly. Check that the server address is exactly "
        "https://voip.ms/api/v1/rest.php.",
    ),
    "invalid_method": QT_TRANSLATE_NOOP(
        "services",
        "VoIP.ms does not offer this function (anymore). Switchboard may need an update.",
    ),
    "missing_params": QT_TRANSLATE_NOOP(
        "services",
        "Some required information was missing from the request to VoIP.ms.",
    ),
    "provider_outofservice": QT_TRANSLATE_NOOP(
        "services",
        "One of VoIP.ms's carriers is out of service. Try again later.",
    ),
    "unavailable_info": QT_TRANSLATE_NOOP(
        "services",
        "VoIP.ms cannot provide this information right now. Try again later.",
    ),
    "tls_error": QT_TRANSLATE_NOOP(
        "services",
        "A secure-connection error happened at VoIP.ms. Try again later.",
    ),
    "non_sufficient_funds": QT_TRANSLATE_NOOP(
        "services",
        "Your VoIP.ms balance is too low for this. Add funds to your account and try again.",
    ),
    # Messaging
    "limit_reached": QT_TRANSLATE_NOOP(
        "services",
        "You have reached VoIP.ms's daily limit of messages sent through the API (for fax, the "
        "daily limit for any method). Try again tomorrow or contact VoIP.ms to raise it.",
    ),
    "sms_toolong": QT_TRANSLATE_NOOP(
        "services",
        "The text message is too long: one SMS holds at most 160 bytes.",
    ),
    "message_empty": QT_TRANSLATE_NOOP(
        "services",
        "The message is empty. Type some text before sending.",
    ),
    "sms_failed": QT_TRANSLATE_NOOP(
        "services",
        "VoIP.ms could not send the text message. Try again in a moment.",
    ),
    "invalid_dst": QT_TRANSLATE_NOOP(
        "services",
        "The recipient's number is not a valid phone number.",
    ),
    "invalid_did": QT_TRANSLATE_NOOP(
        "services",
        "This is not one of your VoIP.ms phone numbers, or it is not a valid number.",
    ),
    "missing_did": QT_TRANSLATE_NOOP("services", "No phone number (DID) was given."),
    "invalid_sms": QT_TRANSLATE_NOOP(
        "services",
        "This text message does not exist (anymore) at VoIP.ms.",
    ),
    "invalid_contact": QT_TRANSLATE_NOOP(
        "services",
        "The contact's number is not a valid phone number.",
    ),
    "invalid_daterange": QT_TRANSLATE_NOOP(
        "services",
        "The date range is too long: VoIP.ms allows at most 92 days at a time.",
    ),
    "invalid_date": QT_TRANSLATE_NOOP(
        "services",
        "A date was not in the form year-month-day (for example 2024-03-30).",
    ),
    "invalid_date_from": QT_TRANSLATE_NOOP(
        "services",
        "The start date must come before the end date.",
    ),
    "exceeds_file_size": QT_TRANSLATE_NOOP("services", "The file is too large for VoIP.ms."),
    # Voicemail
    "invalid_mailbox": QT_TRANSLATE_NOOP(
        "services",
        "This voicemail box does not exist at VoIP.ms.",
    ),
    "missing_mailbox": QT_TRANSLATE_NOOP("services", "No voicemail box was given."),
    "invalid_folder": QT_TRANSLATE_NOOP("services", "This voicemail folder does not exist."),
    "invalid_destination_folder": QT_TRANSLATE_NOOP(
        "services",
        "The folder to move the message to does not exist.",
    ),
    "invalid_message_num": QT_TRANSLATE_NOOP(
        "services",
        "This voicemail message does not exist (anymore).",
    ),
    "message_not_found": QT_TRANSLATE_NOOP(
        "services",
        "This voicemail message was not found; it may have been deleted already.",
    ),
    "error_deleting_msg": QT_TRANSLATE_NOOP(
        "services",
        "VoIP.ms could not delete the voicemail message. Try again in a moment.",
    ),
    "error_moving_msg": QT_TRANSLATE_NOOP(
        "services",
        "VoIP.ms could not move the voicemail message. Try again in a moment.",
    ),
    "problem_sending_mail": QT_TRANSLATE_NOOP(
        "services",
        "VoIP.ms could not send the e-mail. Try again in a moment.",
    ),
    "invalid_email": QT_TRANSLATE_NOOP(
        "services",
        "This is not a valid e-mail address (or it is already in use).",
    ),
    # Fax
    "invalid_fax_id": QT_TRANSLATE_NOOP(
        "services",
        "This fax does not exist (anymore) at VoIP.ms.",
    ),
    "invalid_folder_id": QT_TRANSLATE_NOOP("services", "This fax folder does not exist."),
    "moving_fail": QT_TRANSLATE_NOOP(
        "services",
        "VoIP.ms could not move the fax. Try again in a moment.",
    ),
    "sent_fail": QT_TRANSLATE_NOOP(
        "services",
        "VoIP.ms could not send the fax. Try again in a moment.",
    ),
    "invalid_file": QT_TRANSLATE_NOOP(
        "services",
        "The file cannot be faxed. Use a PDF, TXT, JPG, GIF, PNG or TIF file.",
    ),
    "no_base64file": QT_TRANSLATE_NOOP(
        "services",
        "The file was not sent in the expected form (base64) to VoIP.ms.",
    ),
    "invalid_to_number": QT_TRANSLATE_NOOP("services", "The fax number to send to is not valid."),
    "invalid_from_number": QT_TRANSLATE_NOOP(
        "services",
        "The fax number to send from is not one of your fax numbers.",
    ),
    # Numbers
    "invalid_routing_header": QT_TRANSLATE_NOOP(
        "services",
        "This call routing choice is not valid.",
    ),
    "invalid_failover_header": QT_TRANSLATE_NOOP(
        "services",
        "This failover routing choice is not valid.",
    ),
    "invalid_serverpop": QT_TRANSLATE_NOOP(
        "services",
        "This VoIP.ms server (point of presence) does not exist.",
    ),
    "invalid_dialtime": QT_TRANSLATE_NOOP(
        "services",
        "The ring time (dial time-out) is not valid.",
    ),
    "invalid_cnam": QT_TRANSLATE_NOOP(
        "services",
        "The caller-name lookup (CNAM) setting must be on or off.",
    ),
    "invalid_billingtype": QT_TRANSLATE_NOOP(
        "services",
        "The billing type must be per minute (1) or flat rate (2).",
    ),
    "invalid_calleridprefix": QT_TRANSLATE_NOOP(
        "services",
        "The caller-ID prefix is too long: it must be under 20 characters.",
    ),
    "invalid_note": QT_TRANSLATE_NOOP(
        "services",
        "The note is too long: it must be under 50 characters.",
    ),
    "invalid_password": QT_TRANSLATE_NOOP(
        "services",
        "This password is not allowed. Voicemail PINs must be 4 digits; sub-account passwords "
        "need more than 6 characters with letters and numbers.",
    ),
    "invalid_timezone": QT_TRANSLATE_NOOP("services", "This time zone is not valid for VoIP.ms."),
    "invalid_digits": QT_TRANSLATE_NOOP("services", "The digits must be 3 numbers."),
    "invalid_country": QT_TRANSLATE_NOOP(
        "services",
        "The country is missing or not valid; use a two-letter code such as US or CA.",
    ),
}

# Typos and run-together words in the reference's table.
_FIXES: tuple[tuple[str, str], ...] = (
    ("lenght", "length"),
    ("Pasword", "Password"),
    ("BalanceManagemente", "Balance management"),
    ("Montly", "Monthly"),
    ("Imposible", "Impossible"),
    ("Theres", "There's"),
    ("This is no a", "This is not a"),
    ("This is not valid", "This is not a valid"),
    ("it size", "its size"),
    ("it wasn't send", "wasn't sent"),
    ("Week End was not provide", "Week End was not provided"),
    ("getListStatus", "getLNPListStatus"),
)


def polish(text: str) -> str:
    """Tidy one explanation of the reference into a sentence."""
    out = text.strip()
    for wrong, right in _FIXES:
        out = out.replace(wrong, right)
    # "Should be: yes/no" glued to the sentence: make it its own sentence.
    out = re.sub(r"\s+(Should be:|Allowed values:|Values:|Format is:)", r". \1", out)
    # Words glued by the reference's table extraction ("passwordVoicemail:").
    out = re.sub(r"(?<=[a-z])(?=[A-Z][a-z]+:)", ". ", out)
    out = re.sub(r"\s+-\s+", " ", out)
    out = out.strip(" '")
    if out.startswith('"'):  # '"error menu" is not a valid recording'
        out = "The " + out
    if out and out[0].islower():
        out = out[0].upper() + out[1:]
    if out and out[-1] not in ".!?)":
        out += "."
    return out


#: Where a status means something more precise for what was asked (issue #13.15).
#: A rate limit turns a call away unexecuted: reads are retried after the pause,
#: but a send or a change is not, and "will wait a minute and continue" was untrue.
_FOR_SENDS: dict[str, str] = {
    "api_limit_exceeded": (
        "VoIP.ms turned it away because this account made too many requests in the last "
        "minute, so nothing was sent. Send it again in a minute."
    ),
}
_FOR_TEXTS: dict[str, str] = {
    **_FOR_SENDS,
    # The reference's wording ("not a valid DID") hides the usual cause: the number is
    # the account's own, but SMS is not turned on for it (the sandbox answers so too).
    "invalid_did": (
        "VoIP.ms does not send texts from this number: SMS is not turned on for it (or it is "
        "not one of this account's numbers). Turn SMS on for it at voip.ms under DID Numbers "
        "> Manage DIDs, or send from another number."
    ),
}
_FOR_CHANGES: dict[str, str] = {
    "api_limit_exceeded": (
        "VoIP.ms turned it away because this account made too many requests in the last "
        "minute, so nothing was changed. Try again in a minute."
    ),
}
TEXT_METHODS = frozenset({"sendSMS", "sendMMS"})
SEND_METHODS = TEXT_METHODS | {"sendFaxMessage"}


def message_for(status: str, method: str = "") -> str:
    """The sentence shown to the user for a status code (any code, even unknown).

    ``method``: the call that got it, where that changes what the status means.
    """
    from app.api.catalog import STATUS_CODES  # late: catalog imports errors

    key = status.strip()
    if method in TEXT_METHODS and key in _FOR_TEXTS:
        return _FOR_TEXTS[key]
    if method in SEND_METHODS and key in _FOR_SENDS:
        return _FOR_SENDS[key]
    if method and not method.startswith("get") and key in _FOR_CHANGES:
        return _FOR_CHANGES[key]
    if key in _HAND_WRITTEN:
        return _HAND_WRITTEN[key]
    explanation = STATUS_CODES.get(key)
    if explanation is None:
        # The reference spells two codes with a capital (Invalid_threshold).
        lowered = {code.lower(): text for code, text in STATUS_CODES.items()}
        explanation = lowered.get(key.lower())
    if explanation:
        return polish(explanation)
    if not key:
        return "VoIP.ms answered with an unexpected status (no status)."
    # A code the reference does not list: show it as it came (support can look it
    # up) and the documented code it most resembles, which is usually the cause.
    import difflib

    close = difflib.get_close_matches(key.lower(), list(STATUS_CODES), n=1, cutoff=0.6)
    hint = f" The closest documented answer: \"{polish(STATUS_CODES[close[0]])}\"" if close else ""
    return f"VoIP.ms answered with a status Switchboard does not know ({key}).{hint}"


def hand_written_statuses() -> frozenset[str]:
    return frozenset(_HAND_WRITTEN)
