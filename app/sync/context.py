"""Everything a tab needs, created once at start-up by ``app/__main__`` wiring.

Owned by the shell (issue #3). Tabs receive it; services hang off it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from app.api.typed import Api
    from app.config.settings import Settings
    from app.store.db import Database
    from app.sync.lookups import LookupService


class NotifierLike(Protocol):
    """What tabs call for a desktop notification (``app/ui/notify.py: Notifier``)."""

    def notify(self, title: str, text: str) -> None: ...


class RecordingNotifier:
    """Default when no UI notifier is wired in (services used headless): just records."""

    def __init__(self) -> None:
        self.history: list[tuple[str, str]] = []

    def notify(self, title: str, text: str) -> None:
        self.history.append((title, text))


@dataclass
class AppContext:
    """What every tab and service of one signed-in account shares."""
    api: Api
    db: Database
    settings: Settings
    #: Root of cached media (voicemail audio, fax PDFs, MMS images): one subfolder each.
    media_dir: Path
    #: Services by name ("messages", "voicemail", ...), created by the tabs' modules.
    services: dict[str, Any] = field(default_factory=dict)
    #: Desktop notifications: ``ctx.notifier.notify("New voicemail", "From ...")``.
    notifier: NotifierLike = field(default_factory=RecordingNotifier)
    #: Cached lookup lists and routing targets (``app/sync/lookups.py``); set by the shell.
    lookups: LookupService | None = None

    def media_subdir(self, name: str) -> Path:
        path = self.media_dir / name
        path.mkdir(parents=True, exist_ok=True)
        return path
