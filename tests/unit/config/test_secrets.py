from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import keyring
import keyring.backend
import keyring.backends.fail
import keyring.errors
import pytest

from app.config.secrets import (
    CredentialSource,
    SecretStore,
    credentials_from_env,
)


class _MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 10  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.store:
            raise keyring.errors.PasswordDeleteError(username)
        del self.store[(service, username)]


@pytest.fixture
def use_keyring() -> Iterator[Any]:
    previous = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(previous)


def test_keyring_round_trip(use_keyring: Any) -> None:
    backend = _MemoryKeyring()
    use_keyring(backend)
    store = SecretStore()
    saved = store.save("me@example.com", "s3cret-pw")
    assert saved.source is CredentialSource.KEYRING
    assert "s3cret-pw" not in repr(saved)
    loaded = SecretStore().load("me@example.com")
    assert loaded is not None and loaded.password == "s3cret-pw"
    store.forget("me@example.com")
    assert backend.store == {}
    store.forget("me@example.com")  # twice is fine


def test_no_keyring_keeps_password_for_session(use_keyring: Any) -> None:
    use_keyring(keyring.backends.fail.Keyring())
    store = SecretStore()
    assert not store.keyring_available()
    saved = store.save("me@example.com", "s3cret-pw")
    assert saved.source is CredentialSource.SESSION
    assert store.keyring_problem and "session" in store.keyring_problem
    again = store.load("me@example.com")
    assert again is not None and again.password == "s3cret-pw"
    # a new process (new store) does not know it
    assert SecretStore().load("me@example.com") is None


def test_environment_credentials() -> None:
    env = {"VOIPMS_API_USERNAME": "a@b.c", "VOIPMS_API_PASSWORD": "pw"}
    creds = credentials_from_env(env)
    assert creds is not None and creds.source is CredentialSource.ENVIRONMENT
    assert not creds.stored_persistently
    assert credentials_from_env({"VOIPMS_API_USERNAME": "a@b.c"}) is None
