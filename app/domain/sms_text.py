"""Text rules of outgoing messages: UTF-8 byte counts, splitting, validation (pure).

The provider counts an SMS in UTF-8 *bytes* (160 max, ``sms_toolong``), not in
characters: one emoji is 4 bytes. Long texts are either split into SMS parts
(cut on character boundaries, preferably at a space so words stay whole) or
sent as one MMS (2048 max).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.domain.words import QT_TRANSLATE_NOOP, Lines, Text

SMS_MAX_BYTES = 160
MMS_MAX_CHARS = 2048
MAX_ATTACHMENTS = 3
#: Each MMS attachment must stay under about 1.2 MB after base64 on a POST.
MAX_ATTACHMENT_BYTES = 1_200_000


class LongTextMode(StrEnum):
    """What to do with a text over 160 bytes; the user's choice is remembered in settings."""

    SPLIT = "split"
    MMS = "mms"


def utf8_len(text: str) -> int:
    return len(text.encode("utf-8"))


@dataclass(frozen=True, slots=True)
class Counter:
    """What the compose box shows under the text."""

    bytes: int
    parts: int
    over_sms: bool
    characters: int = 0

    def label(self, mode: LongTextMode) -> str:
        """What the compose box says under the text, in a customer's words.

        "Characters" is a small lie kept on purpose: a text holds 160 *bytes*, so an
        accent takes two and an emoji four; the count goes down by that much, as
        phones' own counters do, without asking anyone to know what a byte is.
        """
        # Texts with their values (app/domain/words.py): the UI translates them.
        if not self.over_sms:
            left = SMS_MAX_BYTES - self.bytes
            if left == 1:
                return QT_TRANSLATE_NOOP("services", "1 character left")
            return Text(QT_TRANSLATE_NOOP("services", "{count} characters left"), count=left)
        if mode is LongTextMode.MMS:
            return QT_TRANSLATE_NOOP("services", "Sent as one long message (MMS)")
        return Text(QT_TRANSLATE_NOOP("services", "Sent as {count} texts"), count=self.parts)

    def picture_label(self, pictures: int) -> str:
        """The counter when pictures are attached (always one picture message)."""
        left = MMS_MAX_CHARS - self.characters
        photos = (QT_TRANSLATE_NOOP("services", "Picture message with 1 picture") if pictures == 1
                  else Text(QT_TRANSLATE_NOOP("services", "Picture message with {count} pictures"),
                            count=pictures))
        chars = (QT_TRANSLATE_NOOP("services", "1 character left") if left == 1
                 else Text(QT_TRANSLATE_NOOP("services", "{count} characters left"), count=left))
        return Lines((photos, chars), " · ")


def count(text: str) -> Counter:
    size = utf8_len(text)
    parts = len(split_text(text, SMS_MAX_BYTES)) if size > SMS_MAX_BYTES else (1 if text else 0)
    return Counter(bytes=size, parts=parts, over_sms=size > SMS_MAX_BYTES, characters=len(text))


def split_text(text: str, max_bytes: int) -> list[str]:
    """Parts of at most ``max_bytes`` UTF-8 bytes, cut between characters.

    A cut goes after the last whitespace of a part when that keeps at least
    half the part filled, so words are not broken in the middle; otherwise it
    goes right at the byte limit (still between two characters). Joining the
    parts gives back the original text exactly.
    """
    if max_bytes < 4:
        raise ValueError("max_bytes must fit any character (4 bytes)")
    parts: list[str] = []
    rest = text
    while utf8_len(rest) > max_bytes:
        cut = _fit(rest, max_bytes)
        space = max(rest.rfind(" ", 0, cut), rest.rfind("\n", 0, cut))
        if space >= 0 and utf8_len(rest[: space + 1]) >= max_bytes // 2:
            cut = space + 1
        parts.append(rest[:cut])
        rest = rest[cut:]
    if rest or not parts:
        parts.append(rest)
    return parts


def _fit(text: str, max_bytes: int) -> int:
    """Number of leading characters of ``text`` whose encoding fits ``max_bytes``."""
    used = 0
    for index, char in enumerate(text):
        used += utf8_len(char)
        if used > max_bytes:
            return index
    return len(text)


def split_mms(text: str) -> list[str]:
    """MMS texts over 2048 characters go out as several MMS (rare; keeps nothing back)."""
    if len(text) <= MMS_MAX_CHARS:
        return [text]
    return [text[i : i + MMS_MAX_CHARS] for i in range(0, len(text), MMS_MAX_CHARS)]


def validate_text(text: str, *, has_media: bool) -> str | None:
    """A sentence explaining why ``text`` cannot be sent, or ``None`` when it can."""
    if not text.strip() and not has_media:
        return QT_TRANSLATE_NOOP("services", "Type a message or attach an image first.")
    # The provider rejects a message that is only "0" as empty.
    if text.strip() == "0" and not has_media:
        return QT_TRANSLATE_NOOP(
            "services", 'A message consisting only of "0" is rejected by VoIP.ms; add some words.')
    return None


def plan_parts(text: str, *, media_count: int, mode: LongTextMode) -> tuple[str, list[str]]:
    """``("sms"|"mms", parts)``: how a compose box's content goes out.

    Images always make it an MMS; a long text follows the user's mode.
    """
    if media_count > 0 or (mode is LongTextMode.MMS and utf8_len(text) > SMS_MAX_BYTES):
        return "mms", split_mms(text)
    return "sms", split_text(text, SMS_MAX_BYTES)


# --- search snippets -----------------------------------------------------------------
# The store wraps search matches in two control characters that cannot occur in an
# SMS; the UI turns them into tags. Pure text rules, so both layers share them here.

MARK_OPEN = "\x02"
MARK_CLOSE = "\x03"


def strip_marks(text: str) -> str:
    return text.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")


def escape_rich_text(text: str) -> str:
    """``html.escape(text, quote=False)``, for text between tags.

    Not ``html`` itself: importing it loads its table of 2,000 character entities,
    ~1 ms of the start when the Messages tab is on show.
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def snippet_html(text: str, open_tag: str = "<b>", close_tag: str = "</b>") -> str:
    """Escape the text for Qt rich text and turn the marks into tags."""
    escaped = escape_rich_text(text)
    return escaped.replace(MARK_OPEN, open_tag).replace(MARK_CLOSE, close_tag)
