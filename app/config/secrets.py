"""The API password: OS keyring, or this session's memory, or the environment.

This is the only module that imports ``keyring``. The password is never written
to settings, cache, logs or crash reports. When the machine has no usable
keyring (a headless box, a locked-down desktop) the caller is told so and the
password is kept in memory for this session only.

Environment variables ``VOIPMS_API_USERNAME`` / ``VOIPMS_API_PASSWORD`` supply
credentials for automation; then nothing is stored anywhere.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import ModuleType

from app.domain.words import QT_TRANSLATE_NOOP, Text, Verbatim

log = logging.getLogger(__name__)

SERVICE = "Switchboard VoIP.ms API"
ENV_USERNAME = "VOIPMS_API_USERNAME"
ENV_PASSWORD = "VOIPMS_API_PASSWORD"

# Marked for the catalog (app/domain/words.py): the UI shows it translated.
NO_KEYRING_TEXT = QT_TRANSLATE_NOOP(
    "services",
    "This computer has no password keyring Switchboard can use, so the API password "
    "will be kept for this session only: you will be asked again next time.",
)


def _keyring() -> ModuleType:
    """Import keyring on first use: runs with environment credentials never need it,
    and its import (backend discovery) costs start-up time."""
    import keyring
    import keyring.backends.fail
    import keyring.errors

    return keyring


class CredentialSource(StrEnum):
    ENVIRONMENT = "environment"
    KEYRING = "keyring"
    SESSION = "session"


@dataclass(frozen=True, slots=True)
class Credentials:
    """An account's API username and password, and where they came from."""
    username: str
    password: str = field(repr=False)
    source: CredentialSource

    @property
    def stored_persistently(self) -> bool:
        return self.source is CredentialSource.KEYRING


def credentials_from_env(environ: Mapping[str, str] | None = None) -> Credentials | None:
    env = os.environ if environ is None else environ
    username = env.get(ENV_USERNAME, "").strip()
    password = env.get(ENV_PASSWORD, "")
    if username and password:
        return Credentials(username, password, CredentialSource.ENVIRONMENT)
    return None


class SecretStore:
    """Keyring first; a per-process memory fallback when no keyring works."""

    def __init__(self, service: str = SERVICE) -> None:
        self.service = service
        self._session: dict[str, str] = {}
        #: Why the keyring could not be used last time (``None`` while it works).
        self.keyring_problem: str | None = None

    def keyring_available(self) -> bool:
        keyring = _keyring()
        backend = keyring.get_keyring()
        # The "fail" backend is what keyring picks when it found nothing usable.
        if isinstance(backend, keyring.backends.fail.Keyring) or backend.priority <= 0:
            self.keyring_problem = NO_KEYRING_TEXT
            return False
        return True

    def load(self, username: str) -> Credentials | None:
        """The saved password of ``username``: this session's copy first, then the keyring."""
        if not username:
            return None
        if username in self._session:
            return Credentials(username, self._session[username], CredentialSource.SESSION)
        if not self.keyring_available():
            return None
        keyring = _keyring()
        try:
            password = keyring.get_password(self.service, username)
        except keyring.errors.KeyringError as exc:
            self._note_problem(exc)
            return None
        if not password:
            return None
        return Credentials(username, password, CredentialSource.KEYRING)

    def save(self, username: str, password: str) -> Credentials:
        """Store in the keyring; on failure keep it for this session and say so."""
        if self.keyring_available():
            keyring = _keyring()
            try:
                keyring.set_password(self.service, username, password)
            except keyring.errors.KeyringError as exc:
                self._note_problem(exc)
            else:
                self._session.pop(username, None)
                self.keyring_problem = None
                return Credentials(username, password, CredentialSource.KEYRING)
        self._session[username] = password
        return Credentials(username, password, CredentialSource.SESSION)

    def forget(self, username: str) -> None:
        """Sign out: drop the session copy and the keyring entry (if any)."""
        self._session.pop(username, None)
        if not username or not self.keyring_available():
            return
        keyring = _keyring()
        try:
            keyring.delete_password(self.service, username)
        except keyring.errors.PasswordDeleteError:
            pass  # nothing was stored: already signed out
        except keyring.errors.KeyringError as exc:
            self._note_problem(exc)

    def _note_problem(self, exc: Exception) -> None:
        # The exception text of a backend never contains the password itself.
        log.warning("Keyring unusable: %s: %s", type(exc).__name__, exc)
        self.keyring_problem = (
            NO_KEYRING_TEXT
            if isinstance(exc, _keyring().errors.NoKeyringError)
            else Text(QT_TRANSLATE_NOOP(
                "services",
                "The password keyring reported a problem ({problem}); the password will be "
                "kept for this session only.",
            ), problem=Verbatim(str(exc)))
        )
