"""The composition root: every service of one signed-in account, built once.

The shell (``app/ui/app.py``) makes one ``AppServices`` per session from the
account's API client, cache database, settings and media folder, and hands it
to the main window; each tab takes its own service from a typed attribute
(``services.voicemail``, ``services.fax``...). A service is built on first use
(its module is imported then), so the first paint pays only for the tab on
show. Nothing outside this module constructs a service for the running app;
tests may build one directly from its parts.

Services import no Qt; the UI hears them through ``app/ui/bridge.py``.
"""

from __future__ import annotations

from datetime import timedelta
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from app.api.typed import Api
    from app.config.settings import Settings
    from app.services.account.session import DatabaseSource
    from app.services.balance.service import BalanceService
    from app.services.calls.service import CallsService
    from app.services.connectivity.service import ConnectivityService
    from app.services.fax.send import FaxSender
    from app.services.fax.service import FaxService
    from app.services.lookups.service import LookupService
    from app.services.messages.changes import FirstScreen
    from app.services.messages.service import MessagesService
    from app.services.notifications import NotifyTarget
    from app.services.numbers.service import NumbersService
    from app.services.phones.service import PhonesService
    from app.services.sends import InFlightSends
    from app.services.voicemail.service import VoicemailService
    from app.store.db import Database
    from app.store.messages_repo import MessagesRepo


class NotifierLike(Protocol):
    """What services call for a desktop notification (``app/ui/notify.py: Notifier``).

    ``target``: what a click on the notification opens (``None``: the window).
    """

    def notify(self, title: str, text: str, target: NotifyTarget | None = None) -> None: ...


class RecordingNotifier:
    """Default when no UI notifier is wired in (services used headless): just records."""

    def __init__(self) -> None:
        self.history: list[tuple[str, str]] = []
        self.targets: list[NotifyTarget | None] = []

    def notify(self, title: str, text: str, target: NotifyTarget | None = None) -> None:
        self.history.append((title, text))
        self.targets.append(target)


class AppServices:
    """Every service of one account, as typed attributes built on first use."""

    def __init__(
        self,
        api: Api,
        db: Database,
        settings: Settings,
        media_dir: Path,
        notifier: NotifierLike | None = None,
    ) -> None:
        self.api = api
        self.db = db
        self.settings = settings
        #: Root of cached media (voicemail audio, fax PDFs, MMS images): one subfolder each.
        self.media_dir = media_dir
        #: Desktop notifications: ``notifier.notify("New voicemail", "From ...")``.
        self.notifier: NotifierLike = notifier if notifier is not None else RecordingNotifier()

    @classmethod
    def open(
        cls,
        api: Api,
        database_file: Path,
        settings: Settings,
        media_dir: Path,
        notifier: NotifierLike | None = None,
        *,
        early: DatabaseSource | None = None,
    ) -> AppServices:
        """The services of one account, on its cache database (opened, or taken from
        ``early`` when that opened the same file ahead of time)."""
        from app.services.account.session import open_database

        return cls(api, open_database(database_file, early), settings, media_dir, notifier)

    @property
    def recovery_notice(self) -> str | None:
        """What happened to the cache file at open (rebuilt, read-only...), for the user."""
        return self.db.recovery_notice

    def close(self) -> None:
        """Stop what the built services run and close the cache (end of a session)."""
        for service in self.built():
            stop = getattr(service, "stop", None)
            if callable(stop):
                stop()
        self.db.close()

    def media_subdir(self, name: str) -> Path:
        path = self.media_dir / name
        path.mkdir(parents=True, exist_ok=True)
        return path

    def built(self) -> list[object]:
        """The services built so far (for shutdown: only these have anything to stop)."""
        names = (
            "balance", "lookups", "voicemail", "messages", "fax", "numbers", "calls", "phones",
            "connectivity",
        )
        return [self.__dict__[name] for name in names if name in self.__dict__]

    @cached_property
    def connectivity(self) -> ConnectivityService:
        """The one "can't reach VoIP.ms" state, fed by the API client."""
        from app.services.account.session import attach_link
        from app.services.connectivity.service import ConnectivityService

        service = ConnectivityService(self.api.client)
        attach_link(self.api, service)
        return service

    @cached_property
    def balance(self) -> BalanceService:
        from app.services.balance.service import BalanceService

        return BalanceService(self.api, self.settings, self.db)

    @cached_property
    def lookups(self) -> LookupService:
        from app.services.lookups.service import LookupService

        return LookupService(
            self.api, self.db, ttl=timedelta(days=self.settings.lookup_ttl_days)
        )

    @cached_property
    def voicemail(self) -> VoicemailService:
        from app.services.voicemail.service import VoicemailService
        from app.store.voicemail import VoicemailRepo

        return VoicemailService(
            self.api,
            VoicemailRepo(self.db),
            self.media_subdir("voicemail"),
            notifier=self.notifier,
            check_seconds=self.settings.voicemail_check_seconds,
        )

    @cached_property
    def sends(self) -> InFlightSends:
        """Sends on the wire now (all features): the window waits for them to close."""
        from app.services.sends import InFlightSends

        return InFlightSends()

    @cached_property
    def messages_store(self) -> MessagesRepo:
        """The messages feature's repository (its service's store ports)."""
        from app.store.messages_repo import MessagesRepo

        return MessagesRepo(self.db)

    def messages_first_screen(self, limit: int) -> FirstScreen:
        """The Messages tab's first screenful, read synchronously before the first paint
        (without building the service: it loads asyncio and the sync modules)."""
        from app.services.messages.reads import first_screen

        return first_screen(self.messages_store, limit)

    @cached_property
    def messages(self) -> MessagesService:
        # The sync modules are not needed for the first paint of the Messages tab
        # (the list comes from the store) and cost ~10 ms: built on first use.
        from app.services.messages.service import MessagesService

        return MessagesService(
            self.api,
            self.messages_store,
            self.settings,
            self.media_subdir("mms"),
            notifier=self.notifier,
            api_url=self.api.client.base_url,
            in_flight=self.sends,
        )

    @cached_property
    def fax(self) -> FaxService:
        from app.services.fax.service import FaxService
        from app.store.fax import FaxRepo
        from app.store.sync_state import SyncState

        return FaxService(
            self.api,
            FaxRepo(self.db),
            SyncState(self.db),
            self.media_subdir("fax"),
            provider_tz=self.settings.provider_timezone,
            notifier=self.notifier,
            poll_seconds=self.settings.fax_poll_seconds,
        )

    @cached_property
    def fax_sender(self) -> FaxSender:
        """Sends composed faxes, journalled (issue #13.1) and awaited at close."""
        from app.services.fax.journal import FEATURE, FaxJournal
        from app.services.fax.send import FaxSender
        from app.store.send_journal import SendJournalRepo

        sends = self.sends
        journal = FaxJournal(SendJournalRepo(self.db), self.fax,
                             busy=lambda: sends.ids(FEATURE))
        return FaxSender(self.fax, journal=journal, in_flight=sends)

    @cached_property
    def numbers(self) -> NumbersService:
        # The real objects satisfy the service's ports as they are (no adapters).
        from app.services.numbers.presets import PresetStore
        from app.services.numbers.service import NumbersService
        from app.store.dids import DidRepo

        return NumbersService(
            self.api, DidRepo(self.db), self.lookups, PresetStore(self.settings)
        )

    @cached_property
    def calls(self) -> CallsService:
        from app.services.calls.service import CallsService
        from app.store.calls import CallRepo
        from app.store.sync_state import SyncState

        return CallsService(
            self.api,
            CallRepo(self.db),
            SyncState(self.db),
            self.media_subdir("recordings"),
            dids_api=self.api,
            provider_tz=self.settings.provider_timezone,
            notifier=self.notifier,
            poll_seconds=self.settings.calls_poll_seconds,
        )

    @cached_property
    def phones(self) -> PhonesService:
        from app.services.phones.service import PhonesService
        from app.store.dids import DidRepo
        from app.store.phones import PhoneRepo

        return PhonesService(
            self.api,
            PhoneRepo(self.db),
            DidRepo(self.db),
            self.lookups,
            notifier=self.notifier,
            poll_seconds=self.settings.phones_poll_seconds,
        )
