"""``explain_failure``: an API failure re-worded as the action the user took."""

from __future__ import annotations

import pytest

from app.domain.errors import UserFacingError, explain_failure
from app.domain.words import Text


def test_the_failure_is_told_in_the_words_of_the_action() -> None:
    cause = UserFacingError("VoIP.ms did not answer.", detail="HTTP 503")
    with pytest.raises(UserFacingError) as raised, explain_failure(
        "Could not delete {fax}: {message}", fax="the fax from Café Olé"
    ):
        raise cause
    error = raised.value
    assert error.message == "Could not delete the fax from Café Olé: VoIP.ms did not answer."
    assert isinstance(error.message, Text) and error.message.template.startswith("Could not")
    assert error.detail == "HTTP 503"
    assert error.__cause__ is cause


def test_success_and_bugs_pass_through() -> None:
    with explain_failure("Could not {what}: {message}", what="move"):
        pass
    with pytest.raises(KeyError), explain_failure("Could not: {message}"):
        raise KeyError("a bug stays a bug")
