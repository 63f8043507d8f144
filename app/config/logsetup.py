"""Logging to a rotating file under the data dir, with secrets redacted.

Two layers of defence keep the API password out of the log: every password the
app learns is registered with ``register_secret`` and replaced wherever it
appears, and anything shaped like ``api_password=...`` is masked even if it was
never registered (a URL or form body logged by a library).

The log holds no one's private words by default (issue #13.13): phone numbers
are masked to their last four digits in every record, and code that logs text
which quotes a message body or a contact's name passes it through ``private``
(logged as its length). ``SWITCHBOARD_LOG_PRIVATE_DATA=1`` in the environment
logs them in full, for debugging a problem with a user's consent.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import re
import sys
from pathlib import Path

REDACTED = "********"
#: Set to 1 to log message bodies, names and whole phone numbers (debugging only).
PRIVATE_DATA_ENV = "SWITCHBOARD_LOG_PRIVATE_DATA"
# A North American number as it appears in text: 6175550142, 16175550142,
# +1 617 555 0142, (617) 555-0142, 617.555.0142. Longer digit runs are left alone.
_PHONE_NUMBER = re.compile(
    r"(?<![\w+])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-]?)\d{3}[\s.-]?(\d{4})(?![\w])"
)
_log_private_data = False
_PASSWORD_FIELD = re.compile(
    r"""(api_password["']?\s*[=:]\s*["']?)([^&"'\s,}]+)""", re.IGNORECASE
)
_secrets: set[str] = set()
_HANDLER_NAME = "switchboard-file"


def register_secret(secret: str) -> None:
    """Mask ``secret`` in every log record from now on."""
    # Very short strings would mask innocent text everywhere; passwords are longer.
    if len(secret) >= 4:
        _secrets.add(secret)


def logs_private_data() -> bool:
    """Whether this run logs bodies, names and whole numbers (``PRIVATE_DATA_ENV``)."""
    return _log_private_data


def private(text: str) -> str:
    """``text`` (a message body, a name, a message quoting them) as the log shows it."""
    return text if _log_private_data else f"<{len(text)} characters>"


def mask_numbers(text: str) -> str:
    """Phone numbers in ``text`` cut to their last four digits (``…0142``)."""
    return _PHONE_NUMBER.sub(lambda m: "…" + m.group(1), text)


def redact(text: str) -> str:
    text = _PASSWORD_FIELD.sub(lambda m: m.group(1) + REDACTED, text)
    for secret in _secrets:
        if secret in text:
            text = text.replace(secret, REDACTED)
    return text


class RedactingFilter(logging.Filter):
    """Renders the message once, redacts it, and freezes it into the record."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not lose the record
            message = f"{record.msg!r} {record.args!r}"
        record.msg = self._clean(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self._clean(record.exc_text)
        return True

    @staticmethod
    def _clean(text: str) -> str:
        text = redact(text)
        return text if _log_private_data else mask_numbers(text)


class RotatingLogFile(logging.FileHandler):
    """A log file that is moved to ``<name>.1`` (``.2``, ...) once it reaches ``max_bytes``.

    What ``logging.handlers.RotatingFileHandler`` does; that module is not used
    because importing it (socket, pickle, queue, selectors) costs ~9 ms before the
    window's first paint, where the log file is opened.
    """

    def __init__(self, path: Path, *, max_bytes: int, backups: int) -> None:
        super().__init__(path, encoding="utf-8")
        self.max_bytes = max_bytes
        self.backups = backups

    def _open(self) -> io.TextIOWrapper:
        """The log file, readable by this user only (0600), appended to."""
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with contextlib.suppress(OSError):
            os.fchmod(fd, 0o600)  # a file an older version created readable by others
        return open(fd, "a", encoding=self.encoding, errors=self.errors)

    def emit(self, record: logging.LogRecord) -> None:
        # Called with the handler's lock held (``Handler.handle``).
        try:
            if self.stream is not None and self.stream.tell() >= self.max_bytes:
                self._roll_over()
        except OSError:
            self.handleError(record)
        super().emit(record)

    def _roll_over(self) -> None:
        if self.stream is not None:
            self.stream.close()
        current = Path(self.baseFilename)
        for number in range(self.backups - 1, 0, -1):
            older = current.with_name(f"{current.name}.{number}")
            if older.exists():
                os.replace(older, current.with_name(f"{current.name}.{number + 1}"))
        if self.backups > 0:
            os.replace(current, current.with_name(f"{current.name}.1"))
        else:
            current.unlink(missing_ok=True)
        self.stream = self._open()


def setup_logging(
    log_file: Path | None, *, level: int = logging.INFO, stderr: bool = False
) -> None:
    """Configure the root logger once; calling again replaces our file handler."""
    global _log_private_data
    _log_private_data = os.environ.get(PRIVATE_DATA_ENV, "") == "1"
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if handler.get_name() == _HANDLER_NAME or handler.get_name() == _HANDLER_NAME + "-err":
            root.removeHandler(handler)
            handler.close()
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    if log_file is not None:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        file_handler = RotatingLogFile(log_file, max_bytes=2_000_000, backups=3)
        file_handler.set_name(_HANDLER_NAME)
        file_handler.setFormatter(fmt)
        file_handler.addFilter(RedactingFilter())
        root.addHandler(file_handler)
    if stderr:
        err = logging.StreamHandler(sys.stderr)
        err.set_name(_HANDLER_NAME + "-err")
        err.setFormatter(fmt)
        err.addFilter(RedactingFilter())
        root.addHandler(err)
    # httpx logs every request URL at INFO; our client sends the password in the
    # body, but keep the library quiet anyway so the log stays readable.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    if _log_private_data:
        root.warning("%s=1: this log holds message bodies, names and whole numbers",
                     PRIVATE_DATA_ENV)


def close_logging() -> None:
    root = logging.getLogger()
    for handler in list(root.handlers):
        if handler.get_name() in (_HANDLER_NAME, _HANDLER_NAME + "-err"):
            root.removeHandler(handler)
            handler.close()
