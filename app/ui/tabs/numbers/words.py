"""Routing words in a small-business owner's terms (issue #15.15).

Shared by the "Route calls to" menu (loaded with the tab) and the routing editor
(loaded with the first dialog): the kinds as people say them, what each means,
and which are technical enough to wait under "Advanced".
"""

from __future__ import annotations

from app.domain.routing import RouteKind
from app.domain.words import QT_TRANSLATE_NOOP
from app.ui.i18n import translate

#: The kinds in an owner's words, and what each means (tooltips); marked for the
#: catalog and translated where shown (``kind_words``).
KIND_WORDS: dict[RouteKind, tuple[str, str]] = {
    RouteKind.ACCOUNT: (
        QT_TRANSLATE_NOOP("numbers.words", "A phone (sub-account)"),
        QT_TRANSLATE_NOOP(
            "numbers.words",
            "Ring one of your phones or apps (a sub-account of your VoIP.ms account)",
        ),
    ),
    RouteKind.FORWARD: (
        QT_TRANSLATE_NOOP("numbers.words", "Forward to a number"),
        QT_TRANSLATE_NOOP(
            "numbers.words",
            "Send the call on to another phone number, e.g. your cell phone",
        ),
    ),
    RouteKind.VOICEMAIL: (
        QT_TRANSLATE_NOOP("numbers.words", "Voicemail"),
        QT_TRANSLATE_NOOP("numbers.words", "Callers leave a message in a mailbox"),
    ),
    RouteKind.RING_GROUP: (
        QT_TRANSLATE_NOOP("numbers.words", "Several phones (ring group)"),
        QT_TRANSLATE_NOOP(
            "numbers.words",
            "Ring a group of phones together or one after the other",
        ),
    ),
    RouteKind.IVR: (
        QT_TRANSLATE_NOOP("numbers.words", "Phone menu (IVR)"),
        QT_TRANSLATE_NOOP("numbers.words", "“Press 1 for sales…”: callers choose with the keypad"),
    ),
    RouteKind.QUEUE: (
        QT_TRANSLATE_NOOP("numbers.words", "Waiting line (queue)"),
        QT_TRANSLATE_NOOP("numbers.words", "Callers wait in line with music until someone is free"),
    ),
    RouteKind.TIME_CONDITION: (
        QT_TRANSLATE_NOOP("numbers.words", "Opening hours (time condition)"),
        QT_TRANSLATE_NOOP("numbers.words", "Route by the time of day and day of the week"),
    ),
    RouteKind.RECORDING: (
        QT_TRANSLATE_NOOP("numbers.words", "Play a recording"),
        QT_TRANSLATE_NOOP("numbers.words", "Play a message you uploaded, then hang up"),
    ),
    RouteKind.SYSTEM: (
        QT_TRANSLATE_NOOP("numbers.words", "Hang up or a message"),
        QT_TRANSLATE_NOOP("numbers.words", "Hang up, a busy signal or a “not in service” message"),
    ),
    RouteKind.SIP: (
        QT_TRANSLATE_NOOP("numbers.words", "SIP address (advanced)"),
        QT_TRANSLATE_NOOP(
            "numbers.words",
            "Send the call to an internet phone address (SIP URI), e.g. a fax gateway",
        ),
    ),
    RouteKind.CALLBACK: (
        QT_TRANSLATE_NOOP("numbers.words", "Call back (advanced)"),
        QT_TRANSLATE_NOOP("numbers.words", "Hang up and call the caller back (a callback entry)"),
    ),
    RouteKind.DISA: (
        QT_TRANSLATE_NOOP("numbers.words", "Dial out through this number (DISA, advanced)"),
        QT_TRANSLATE_NOOP(
            "numbers.words",
            "Callers who know the password get a dial tone to call out through your account "
            "(Direct Inward System Access)",
        ),
    ),
    RouteKind.NONE: (
        QT_TRANSLATE_NOOP("numbers.words", "Nothing"),
        QT_TRANSLATE_NOOP("numbers.words", "Calls are not routed anywhere"),
    ),
}
ADVANCED_KINDS = frozenset((RouteKind.SIP, RouteKind.CALLBACK, RouteKind.DISA))
#: ``sys:`` options for testing a line, not for callers.
ADVANCED_SYSTEM = {"dtmf": QT_TRANSLATE_NOOP("numbers.words", "Keypad tone test (DTMF, advanced)"),
                   "echo": QT_TRANSLATE_NOOP("numbers.words",
                       "Sound quality test (echo, advanced)")}


def kind_words(kind: RouteKind) -> tuple[str, str] | None:
    """The kind's words and what it means, in the UI's language (``None``: not listed)."""
    words = KIND_WORDS.get(kind)
    if words is None:
        return None
    return translate("numbers.words", words[0]), translate("numbers.words", words[1])


def advanced_system_words(value: str) -> str:
    """A line test's words in the UI's language."""
    return translate("numbers.words", ADVANCED_SYSTEM[value])
