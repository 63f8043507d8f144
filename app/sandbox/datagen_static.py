"""Lookup tables the account does not own: servers, time zones, codecs, ...

Shaped like the real lists, including their oddities: the time zone list
carries names the IANA database no longer knows (``US/Pacific-New``) and
pseudo-zones (``Factory``).
"""

from __future__ import annotations

from typing import Any

Row = dict[str, Any]

# (pop, name, shortname, hostname, ip, country, recommended)
_SERVERS = [
    (1, "Houston, TX", "Houston", "houston.voip.ms", "209.62.1.2", "USA", "Yes"),
    (3, "Dallas, TX", "Dallas", "dallas.voip.ms", "208.100.60.66", "USA", "Yes"),
    (4, "Los Angeles, CA", "Los Angeles", "losangeles.voip.ms", "162.212.177.66", "USA", "Yes"),
    (5, "New York, NY", "New York", "newyork.voip.ms", "208.100.60.8", "USA", "Yes"),
    (7, "Atlanta, GA", "Atlanta", "atlanta.voip.ms", "208.100.60.36", "USA", "Yes"),
    (8, "Chicago, IL", "Chicago", "chicago.voip.ms", "208.100.60.9", "USA", "Yes"),
    (9, "Seattle, WA", "Seattle", "seattle.voip.ms", "208.100.60.21", "USA", "No"),
    (10, "Tampa, FL", "Tampa", "tampa.voip.ms", "208.100.60.38", "USA", "No"),
    (11, "Denver, CO", "Denver", "denver.voip.ms", "208.100.60.23", "USA", "No"),
    (13, "Washington, DC", "Washington", "washington.voip.ms", "208.100.60.48", "USA", "Yes"),
    (14, "San Jose, CA", "San Jose", "sanjose.voip.ms", "208.100.60.31", "USA", "No"),
    (16, "Montreal, QC", "Montreal", "montreal.voip.ms", "208.100.60.58", "Canada", "Yes"),
    (17, "Toronto, ON", "Toronto", "toronto.voip.ms", "208.100.60.7", "Canada", "Yes"),
    (18, "Vancouver, BC", "Vancouver", "vancouver.voip.ms", "208.100.60.34", "Canada", "Yes"),
    (19, "Amsterdam, NL", "Amsterdam", "amsterdam.voip.ms", "208.100.60.61", "Netherlands", "No"),
    (21, "London, UK", "London", "london.voip.ms", "208.100.60.50", "United Kingdom", "Yes"),
    (22, "Paris, FR", "Paris", "paris.voip.ms", "208.100.60.55", "France", "No"),
    (29, "Toronto 2, ON", "Toronto 2", "toronto2.voip.ms", "208.100.60.60", "Canada", "No"),
    (33, "Montreal 2, QC", "Montreal 2", "montreal2.voip.ms", "208.100.60.63", "Canada", "No"),
]


def servers() -> list[Row]:
    return [{"server_name": n, "server_shortname": s, "server_hostname": h, "server_ip": ip,
             "server_country": c, "server_pop": str(pop), "server_recommended": r}
            for pop, n, s, h, ip, c, r in _SERVERS]


_TIMEZONES = [
    "Africa/Cairo", "Africa/Johannesburg", "America/Anchorage", "America/Argentina/Buenos_Aires",
    "America/Bogota", "America/Chicago", "America/Denver", "America/Edmonton", "America/Halifax",
    "America/Los_Angeles", "America/Mexico_City", "America/Montreal", "America/New_York",
    "America/Phoenix", "America/Regina", "America/St_Johns", "America/Toronto",
    "America/Vancouver", "America/Winnipeg", "Asia/Hong_Kong", "Asia/Kolkata", "Asia/Tokyo",
    "Atlantic/Azores", "Australia/Sydney", "Canada/Atlantic", "Canada/Central", "Canada/Eastern",
    "Canada/Mountain", "Canada/Newfoundland", "Canada/Pacific", "Europe/Berlin", "Europe/London",
    "Europe/Madrid", "Europe/Paris", "Factory", "GMT", "Pacific/Auckland", "Pacific/Honolulu",
    "US/Alaska", "US/Arizona", "US/Central", "US/East-Indiana", "US/Eastern", "US/Hawaii",
    "US/Mountain", "US/Pacific", "US/Pacific-New", "UTC",
]


def timezones() -> list[Row]:
    return [{"value": tz, "description": tz.replace("_", " ")} for tz in _TIMEZONES]


def _pairs(items: list[tuple[str, str]]) -> list[Row]:
    return [{"value": v, "description": d} for v, d in items]


LOOKUPS: dict[str, Any] = {
    "timezones": timezones,
    "allowed_codecs": lambda: _pairs([("ulaw", "G.711U"), ("alaw", "G.711A"), ("g729", "G.729a"),
                                      ("gsm", "GSM"), ("g722", "G.722"), ("opus", "Opus")]),
    "languages": lambda: _pairs([("en", "English"), ("fr", "French"), ("es", "Spanish")]),
    "locales": lambda: _pairs([("en-US", "English (United States)"),
                               ("en-CA", "English (Canada)"), ("fr-CA", "French (Canada)"),
                               ("es-US", "Spanish (United States)"),
                               ("ar-EG", "Arabic (Egypt), modern standard")]),
    "countries": lambda: _pairs([("CA", "Canada"), ("US", "United States"),
                                 ("MX", "Mexico"), ("GB", "United Kingdom"), ("FR", "France")]),
    "routes": lambda: _pairs([("1", "Value"), ("2", "Premium")]),
    "provinces": lambda: [{"province": p, "description": d} for p, d in [
        ("AB", "ALBERTA"), ("BC", "BRITISH COLUMBIA"), ("MB", "MANITOBA"),
        ("NB", "NEW BRUNSWICK"), ("NL", "NEWFOUNDLAND"), ("NS", "NOVA SCOTIA"),
        ("ON", "ONTARIO"), ("PE", "PRINCE EDWARD ISLAND"), ("QC", "QUEBEC"),
        ("SK", "SASKATCHEWAN")]],
    "states": lambda: [{"state": s, "description": d} for s, d in [
        ("AL", "ALABAMA"), ("AR", "ARKANSAS"), ("AZ", "ARIZONA"), ("CA", "CALIFORNIA"),
        ("CO", "COLORADO"), ("FL", "FLORIDA"), ("GA", "GEORGIA"), ("IL", "ILLINOIS"),
        ("MA", "MASSACHUSETTS"), ("NY", "NEW YORK"), ("TX", "TEXAS"), ("WA", "WASHINGTON")]],
    "music_on_hold": lambda: _pairs([("default", "Default Music"), ("jazz", "Jazz"),
                                     ("none", "No Music")]),
    "voicemail_setups": lambda: _pairs([("1", "Play Unavailable Message"),
                                        ("2", "Play Busy Message")]),
    "play_instructions": lambda: _pairs([("u", "Play Unavailable Message"),
                                         ("su", "Skip Unavailable Message")]),
    "voicemail_attachment_formats": lambda: _pairs([("wav49", "WAV (GSM) (Default)"),
                                                    ("wav", "WAV (Larger size)"),
                                                    ("mp3", "MP3")]),
    "ring_strategies": lambda: _pairs([("ringall", "Ring All"), ("linear", "Linear"),
                                       ("rrmemory", "Round Robin with Memory")]),
}
