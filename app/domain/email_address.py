"""E-mail addresses the user types (fax copies, recordings, mailbox settings)."""

from __future__ import annotations

import re

# Deliberately loose: one @, no spaces, a dot in the domain. The provider has the
# final word (``invalid_email``); this only catches typing slips before a call.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def valid_email(text: str) -> bool:
    return bool(_EMAIL.match(text.strip()))
