"""Routing words in a small-business owner's terms (issue #15.15).

Shared by the "Route calls to" menu (loaded with the tab) and the routing editor
(loaded with the first dialog): the kinds as people say them, what each means,
and which are technical enough to wait under "Advanced".
"""

from __future__ import annotations

from app.domain.routing import RouteKind

#: The kinds in an owner's words, and what each means (tooltips).
KIND_WORDS: dict[RouteKind, tuple[str, str]] = {
    RouteKind.ACCOUNT: ("A phone (sub-account)",
                        "Ring one of your phones or apps (a sub-account of your VoIP.ms account)"),
    RouteKind.FORWARD: ("Forward to a number", "Send the call on to another phone number, "
                        "e.g. your cell phone"),
    RouteKind.VOICEMAIL: ("Voicemail", "Callers leave a message in a mailbox"),
    RouteKind.RING_GROUP: ("Several phones (ring group)",
                           "Ring a group of phones together or one after the other"),
    RouteKind.IVR: ("Phone menu (IVR)", "“Press 1 for sales…”: callers choose with the keypad"),
    RouteKind.QUEUE: ("Waiting line (queue)",
                      "Callers wait in line with music until someone is free"),
    RouteKind.TIME_CONDITION: ("Opening hours (time condition)",
                               "Route by the time of day and day of the week"),
    RouteKind.RECORDING: ("Play a recording", "Play a message you uploaded, then hang up"),
    RouteKind.SYSTEM: ("Hang up or a message", "Hang up, a busy signal or a "
                       "“not in service” message"),
    RouteKind.SIP: ("SIP address (advanced)",
                    "Send the call to an internet phone address (SIP URI), e.g. a fax gateway"),
    RouteKind.CALLBACK: ("Call back (advanced)",
                         "Hang up and call the caller back (a callback entry)"),
    RouteKind.DISA: ("Dial out through this number (DISA, advanced)",
                     "Callers who know the password get a dial tone to call out "
                     "through your account (Direct Inward System Access)"),
    RouteKind.NONE: ("Nothing", "Calls are not routed anywhere"),
}
ADVANCED_KINDS = frozenset((RouteKind.SIP, RouteKind.CALLBACK, RouteKind.DISA))
#: ``sys:`` options for testing a line, not for callers.
ADVANCED_SYSTEM = {"dtmf": "Keypad tone test (DTMF, advanced)",
                   "echo": "Sound quality test (echo, advanced)"}
