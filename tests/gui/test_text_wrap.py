"""Bubbles wrap at word boundaries and break only words wider than the bubble (#15.5)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics

from app.ui.tabs.messages.text_wrap import line_texts, wrapped_layout


def test_words_are_not_broken_in_the_middle(qapp: object) -> None:
    font = QFont()
    text = "Merci beaucoup pour la commande, à demain matin 🎉"
    width = QFontMetrics(font).horizontalAdvance("Merci beaucou")  # "beaucoup" does not fit
    layout, size = wrapped_layout(text, font, width)
    lines = [line.strip() for line in line_texts(layout)]
    assert lines[0] == "Merci"
    assert "beaucoup" in lines[1]
    words = text.split()
    assert " ".join(lines).split() == words  # every line ends at a word's end
    assert size.width() <= width + 1


def test_a_word_wider_than_the_bubble_is_broken(qapp: object) -> None:
    font = QFont()
    link = "https://example.com/" + "x" * 200
    width = 150
    layout, size = wrapped_layout(link, font, width)
    assert layout.lineCount() > 1
    assert "".join(line_texts(layout)) == link  # nothing lost
    assert size.width() <= width + 1


def test_line_breaks_typed_by_the_sender_are_kept(qapp: object) -> None:
    layout, _size = wrapped_layout("Line one\nLine two", QFont(), 1000)
    assert layout.lineCount() == 2
