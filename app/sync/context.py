"""Everything a tab needs, created once at start-up by ``app/__main__`` wiring.

Owned by the shell (issue #3). Tabs receive it; services hang off it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.api.typed import Api
    from app.config.settings import Settings
    from app.store.db import Database


@dataclass
class AppContext:
    api: Api
    db: Database
    settings: Settings
    #: Root of cached media (voicemail audio, fax PDFs, MMS images): one subfolder each.
    media_dir: Path
    #: Services by name ("messages", "voicemail", ...), created by the tabs' modules.
    services: dict[str, Any] = field(default_factory=dict)

    def media_subdir(self, name: str) -> Path:
        path = self.media_dir / name
        path.mkdir(parents=True, exist_ok=True)
        return path
