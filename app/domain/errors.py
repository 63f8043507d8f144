"""The one exception type the UI shows to the user as a message.

Anything raised that is *not* a ``UserFacingError`` is a bug: it goes to the log
and the crash dialog. Subclasses carry a sentence a small-business owner
understands in ``message`` (the ``str()`` of the exception).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from app.domain.words import Text


class UserFacingError(Exception):
    """An expected failure with a readable explanation (bad password, no funds...)."""

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        # Technical detail (status code, first bytes of a body) for the log and
        # a "Details" section; never contains secrets.
        self.detail = detail


@contextmanager
def explain_failure(template: str, **fields: object) -> Iterator[None]:
    """Re-raise a ``UserFacingError`` in the words of what the user was doing.

    ``template`` (a ``QT_TRANSLATE_NOOP`` string) names the action and takes the
    failure's own sentence as ``{message}``; ``fields`` fill its other names. The
    technical detail is kept, and the original is the new one's cause.
    """
    try:
        yield
    except UserFacingError as exc:
        raise UserFacingError(
            Text(template, **fields, message=exc.message), detail=exc.detail
        ) from exc
