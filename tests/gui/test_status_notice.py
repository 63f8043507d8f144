"""A player's notice in the status bar does not go stale (issue #15.14): "No audio
output device" goes once a device is there (the player's own notice goes) and when
the user moves to another tab; the sync summary comes back."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from app.ui.widgets.player import NO_OUTPUT_NOTICE


def test_the_no_output_notice_leaves_the_status_bar_with_its_reason(
    main_window: Any, qtbot: QtBot
) -> None:
    main_window.ensure_all_tabs()
    summary = main_window.sync_label.text()
    voicemail = main_window.tabs["voicemail"]
    main_window.show_tab("voicemail")
    player = voicemail.player

    # No device: the player says so, and so does the status bar.
    player.show_notice(NO_OUTPUT_NOTICE)
    player.notice.emit(NO_OUTPUT_NOTICE)
    assert main_window.sync_label.text() == NO_OUTPUT_NOTICE
    # Headphones plugged in (the player drops its notice): the status bar follows.
    player.hide_notice()
    assert main_window.sync_label.text() == summary

    # Still no device, and the user goes to another tab: it is not about that tab.
    player.show_notice(NO_OUTPUT_NOTICE)
    player.notice.emit(NO_OUTPUT_NOTICE)
    main_window.show_tab("messages")
    assert main_window.sync_label.text() == summary
