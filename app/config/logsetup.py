"""Logging to a rotating file under the data dir, with secrets redacted.

Two layers of defence keep the API password out of the log: every password the
app learns is registered with ``register_secret`` and replaced wherever it
appears, and anything shaped like ``api_password=...`` is masked even if it was
never registered (a URL or form body logged by a library).
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
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


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


def close_logging() -> None:
    root = logging.getLogger()
    for handler in list(root.handlers):
        if handler.get_name() in (_HANDLER_NAME, _HANDLER_NAME + "-err"):
            root.removeHandler(handler)
            handler.close()
