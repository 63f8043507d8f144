"""The one exception type the UI shows to the user as a message.

Anything raised that is *not* a ``UserFacingError`` is a bug: it goes to the log
and the crash dialog. Subclasses carry a sentence a small-business owner
understands in ``message`` (the ``str()`` of the exception).
"""

from __future__ import annotations


class UserFacingError(Exception):
    """An expected failure with a readable explanation (bad password, no funds...)."""

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        # Technical detail (status code, first bytes of a body) for the log and
        # a "Details" section; never contains secrets.
        self.detail = detail
