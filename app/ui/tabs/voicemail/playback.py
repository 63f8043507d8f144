"""Playing a voicemail: fetch once, play, pause with Space, mark heard when sound starts.

A mixin of ``VoicemailTab`` (between it and ``MessageCommands``). The recording
comes from ``VoicemailService.audio_for`` (the disk cache, else one
``getVoicemailMessageFile``) through ``run_in_background``. The player widget's
QtMultimedia deadlock workaround is described in docs/CONTRACTS.md.
"""

from __future__ import annotations

import asyncio
from datetime import datetime

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QLabel

from app.domain.models.voicemail import VoicemailMessage
from app.domain.phone import format_number
from app.ui import feedback
from app.ui.async_slot import async_slot
from app.ui.i18n import translate
from app.ui.operations import run_in_background
from app.ui.tabs.voicemail.commands import MessageCommands
from app.ui.tabs.voicemail.message_model import format_length, format_received
from app.ui.widgets.player import AudioPlayer


class PlaybackCommands(MessageCommands):
    """Needs from the tab: ``player``, ``now_playing`` and ``selected_message``."""

    player: AudioPlayer
    now_playing: QLabel
    #: The message loaded in the player (as it was when loaded).
    _playing: VoicemailMessage | None = None
    _playback_task: asyncio.Future[None] | None = None

    @async_slot(QModelIndex)
    async def _on_table_activated(self, _index: QModelIndex) -> None:
        await self.play_selected()

    @async_slot()
    async def _on_play_triggered(self) -> None:
        await self.play_selected()

    def _on_space_activated(self) -> None:
        # Synchronous on purpose: pause must act on this key press, not on a
        # later turn of the event loop.
        message = self.selected_message()
        playing = self._playing
        same = message is not None and playing is not None and message.key == playing.key
        if same and self.player.source:
            self.player.toggle()
        elif message is not None:
            self._playback_task = asyncio.ensure_future(self.play(message))
        else:
            self.player.toggle()

    # --- playback ----------------------------------------------------------------------

    async def play_selected(self) -> None:
        message = self.selected_message()
        if message is not None:
            await self.play(message)

    async def play(self, message: VoicemailMessage) -> None:
        """Fetch (once) and play ``message``; it is marked heard when sound starts."""
        self._playing = message
        label = self.caller_label(message)
        self.now_playing.setText(translate(
            "PlaybackCommands",
            "Fetching the recording from {label}…",
        ).format(label=label))
        path = await run_in_background(
            self, self.service.audio_for(message), busy_text=translate(
                "PlaybackCommands",
                "Fetching voicemail…",
            )
        )
        if self._playing is None or self._playing.key != message.key:
            return  # the user picked another message meanwhile
        if path is None:
            self.now_playing.clear()
            return
        self.now_playing.setText(self._describe(message))
        self.player.load(path)

    def _describe(self, message: VoicemailMessage) -> str:
        number = format_number(message.caller_number)
        label = self.caller_label(message)
        who = label if number in ("", label) else f"{label} · {number}"
        when = format_received(message.date, None, _now())
        return f"{who} · {when} · {format_length(message.duration_seconds)}"

    @async_slot()
    async def _on_player_started(self) -> None:
        playing = self._playing
        # As stored now: it may have been marked heard since it was loaded.
        message = await self.service.message(playing.key) if playing else None
        if message is not None and not message.listened:
            await self.set_heard(message, True)

    def _on_player_failed(self, text: str) -> None:
        if self._playing is not None:
            # A damaged download must not stick: the next try fetches it again.
            self.service.forget_audio(self._playing)
        feedback.show_message(self, text, level=feedback.Level.WARNING)


def _now() -> datetime:
    return datetime.now().astimezone()
