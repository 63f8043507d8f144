"""Sentences the Qt-free layers say to the user, made translatable (#17.5).

Services, the API client and the domain rules must not import Qt, yet what they
say (a refused action, an unknown status, a route in words) reaches the screen
and must read in French too. They stay English here and are *marked*:

    raise UserFacingError(QT_TRANSLATE_NOOP("services", "Type a name for the contact."))
    raise UserFacingError(Text(QT_TRANSLATE_NOOP(
        "services", "“{email}” is not a valid e-mail address."), email=email))

``QT_TRANSLATE_NOOP`` returns its text unchanged; the name is what Qt's
``pyside6-lupdate`` looks for, so the sentence lands in the catalog
(``translations/switchboard_fr_CA.ts``, context ``services``). A ``Text`` is
the English sentence (a ``str``: logs, tests and English screens see nothing
new) that also remembers its template and values, so the UI can translate the
template and fill the values in afterwards (``app/ui/i18n.py: localized``):
French word order differs, so translating the finished sentence would not do.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

#: The one context of every sentence of the Qt-free layers.
CONTEXT = "services"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Mark ``text`` for the catalog; returns it unchanged."""
    return text


class Text(str):
    """An English sentence built from a marked template; keeps both for translation."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, /, **params: Any) -> Text:
        self = super().__new__(cls, template.format(**params) if params else template)
        self.template = template
        self.params = params
        return self

    def __reduce__(self) -> tuple[Any, ...]:  # pickling/copying keeps the template
        return (_rebuild, (self.template, self.params))


def _rebuild(template: str, params: dict[str, Any]) -> Text:
    return Text(template, **params)


class Verbatim(str):
    """Outside text inside a ``Text`` (a name, a number): shown as it is, never translated."""


class Lines(str):
    """Sentences shown together (one per line, or ``sep``), each translated on its own."""

    items: tuple[str, ...]
    sep: str

    def __new__(cls, items: Iterable[str], sep: str = "\n") -> Lines:
        listed = tuple(items)
        self = super().__new__(cls, sep.join(listed))
        self.items = listed
        self.sep = sep
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Lines, (self.items, self.sep))


class DataSize(str):
    """A file size inside a sentence: "10.0 MB" in English (decimal units, as file
    managers show them), the UI language's own form elsewhere ("10,0 Mo")."""

    size: int

    def __new__(cls, size: int) -> DataSize:
        english = f"{size / 1e6:.1f} MB" if size >= 1_000_000 else f"{max(1, size // 1000)} KB"
        self = super().__new__(cls, english)
        self.size = size
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (DataSize, (self.size,))


class LowerFirst(str):
    """A marked word used mid-sentence ("System: hang up"): translated, then its first
    letter lowercased. Its English value is already lowercased."""

    word: str

    def __new__(cls, word: str) -> LowerFirst:
        self = super().__new__(cls, word[:1].lower() + word[1:])
        self.word = word
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (LowerFirst, (self.word,))
