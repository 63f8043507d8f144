"""The UI's language (#17.5): chosen from the setting or the system locale, French
loaded from the repo's catalog, English loading nothing; dates and money per language."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from app.config.settings import Settings
from app.ui import dates, i18n
from app.ui.widgets.balance import fetched_text

ROOT = Path(__file__).resolve().parents[2]
FR_CA = QLocale(QLocale.Language.French, QLocale.Country.Canada)
EN_US = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


@pytest.mark.parametrize(
    ("setting", "system", "expected"),
    [
        ("system", FR_CA, "fr"),
        ("system", EN_US, "en"),
        ("system", QLocale(QLocale.Language.German, QLocale.Country.Germany), "en"),
        ("system", QLocale.c(), "en"),
        ("en", FR_CA, "en"),
        ("fr", EN_US, "fr"),
    ],
)
def test_the_setting_overrides_the_system_locale(setting: str, system: QLocale,
                                                 expected: str) -> None:
    assert i18n.resolve(setting, system) == expected


def test_the_language_setting_accepts_only_known_values(tmp_path: Path) -> None:
    settings = Settings(path=None)
    settings.update_from({"language": "fr"})
    assert settings.language == "fr"
    settings.update_from({"language": "klingon"})
    assert settings.language == "fr"  # refused: kept as it was
    assert Settings().language == "system"


def test_english_installs_no_translator(qapp: Any) -> None:
    language = i18n.install(qapp, "en")
    assert not language.french
    assert i18n._installed == []
    assert QCoreApplication.translate("dates", "Today {time}") == "Today {time}"


def test_french_translates_our_words_and_qts(french_ui: Any) -> None:
    assert QCoreApplication.translate("dates", "Yesterday {time}") == "hier {time}"
    # Qt's own catalog: the buttons of standard dialogs.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"


def test_a_missing_catalog_is_compiled_into_the_cache(tmp_path: Path) -> None:
    catalog = i18n.catalog_file(tmp_path)
    assert catalog is not None and catalog.stat().st_size > 0
    assert catalog.is_relative_to(tmp_path) or catalog.parent == i18n.SOURCE_DIR


def test_a_fresh_clone_start_in_french_compiles_the_catalog(tmp_path: Path) -> None:
    """No ``.qm`` anywhere but the cache the app builds itself: the window is French."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from app.ui import i18n\n"
        "i18n.SOURCE_DIR = Path(sys.argv[1])\n"  # a checkout holding only the .ts
        "from app.ui.app import create_qapplication\n"
        "create_qapplication('system', Path(sys.argv[2]))\n"
        "from PySide6.QtCore import QCoreApplication as Q\n"
        "print(Q.translate('dates', 'Unknown date'))\n"
    )
    checkout = tmp_path / "translations"
    checkout.mkdir()
    ts = f"{i18n.CATALOG}.ts"
    (checkout / ts).write_bytes((i18n.SOURCE_DIR / ts).read_bytes())
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LANGUAGE")}
    env.update(LANG="fr_CA.UTF-8", QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code, str(checkout), str(tmp_path / "cache")],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "date inconnue"
    assert (tmp_path / "cache" / "translations" / f"{i18n.CATALOG}.qm").exists()
    assert not list(checkout.glob("*.qm"))


NOW = datetime(2026, 12, 5, 20, 0, tzinfo=UTC)


def test_english_dates_and_money_are_as_before() -> None:
    i18n.use("en")
    assert dates.list_date(NOW - timedelta(hours=1), NOW, UTC) == "Today 19:00"
    assert dates.list_date(NOW - timedelta(days=1, hours=1), NOW, UTC) == "Yesterday 19:00"
    assert dates.list_date(datetime(2026, 3, 2, 10, 24, tzinfo=UTC), NOW, UTC) == "Mar 2 10:24"
    assert dates.list_date(datetime(2025, 3, 2, 10, 24, tzinfo=UTC), NOW, UTC) == (
        "Mar 2, 2025 10:24"
    )
    assert dates.money(Decimal("1234.5")) == "$1,234.50"
    assert dates.money(Decimal("-5")) == "-$5.00"


def test_a_moment_in_a_sentence_says_at_and_on_in_each_language(french_ui: Any) -> None:
    """"Last checked {when}": "at 20:56" today, "on Dec 4 at 20:56" another day; the
    Phones tab wrote "Dec 5 20:56" for today and, in French, no "à" / "le"."""
    now = datetime(2026, 12, 5, 20, 56).astimezone()  # the computer's zone, as shown
    earlier, before = now - timedelta(minutes=30), datetime(2026, 12, 4, 9, 5).astimezone()
    assert dates.in_sentence(earlier, now) == "à 20:26"
    assert dates.in_sentence(before, now) == "le 4 déc. à 09:05"


def test_a_moment_in_an_english_sentence(english_ui: None) -> None:
    i18n.use("en")
    now = datetime(2026, 12, 5, 20, 56).astimezone()
    assert dates.in_sentence(now - timedelta(minutes=30), now) == "at 20:26"
    before = datetime(2026, 12, 4, 9, 5).astimezone()
    assert dates.in_sentence(before, now) == "on Dec 4 at 09:05"
    assert dates.in_sentence(before.replace(year=2025), now) == "on Dec 4, 2025 at 09:05"


def test_english_on_a_12_hour_system_says_am_pm() -> None:
    i18n.use("en", hour12=True)
    assert dates.list_date(NOW - timedelta(hours=1, minutes=17), NOW, UTC) == "Today 6:43 PM"
    i18n.use("en")


def test_french_dates_numbers_and_money(french_ui: Any) -> None:
    yesterday = datetime(2026, 12, 4, 18, 43, tzinfo=UTC)
    assert dates.list_date(yesterday, NOW, UTC) == "hier 18:43"
    assert dates.list_date(datetime(2026, 3, 5, 9, 5, tzinfo=UTC), NOW, UTC) == "5 mars 09:05"
    assert dates.list_date(datetime(2025, 12, 5, 9, 5, tzinfo=UTC), NOW, UTC) == (
        "5 déc. 2025 09:05"
    )
    assert dates.money(Decimal("47.32")) == "47,32\u00a0$"
    assert dates.money(Decimal("1234.5")) == "1\u00a0234,50\u00a0$"
    assert dates.money(Decimal("0.0042"), 4) == "0,0042\u00a0$"
    assert fetched_text(yesterday, NOW).startswith("mis à jour ")


def test_file_sizes_in_sentences_follow_the_language(french_ui: Any) -> None:
    from app.services.fax.send import MAX_FAX_FILE_BYTES, check_outgoing, size_text
    from app.ui.i18n import localized

    assert str(size_text(MAX_FAX_FILE_BYTES)) == "10.0 MB"  # the English value (logs, tests)
    assert localized(size_text(MAX_FAX_FILE_BYTES)) == "10,0 Mo"
    assert localized(size_text(5_000)) == "5 ko"
    assert "10.0 MB" not in " ".join(localized(p) for p in check_outgoing(
        _too_big_fax(), size=MAX_FAX_FILE_BYTES + 1))


def test_english_file_sizes_read_as_before() -> None:
    from app.services.fax.send import size_text
    from app.ui.i18n import localized

    assert localized(size_text(10_000_000)) == "10.0 MB"
    assert localized(size_text(5_000)) == "5 KB"


def _too_big_fax() -> Any:
    from pathlib import Path

    from app.services.fax.send import OutgoingFax

    return OutgoingFax(to_number="4185550124", from_number="6175550133", sender_name="",
                       station_id="", email_copy="", document=Path("fax.pdf"), pages=1)


def test_the_french_catalog_is_complete() -> None:
    """No entry left unfinished (what ``tools/translations.py check`` says too)."""
    sys.path.insert(0, str(ROOT))
    try:
        from tools.translations import TS, unfinished
    finally:
        sys.path.remove(str(ROOT))
    assert unfinished(TS) == []


def test_the_french_catalog_holds_every_string_of_the_code(tmp_path: Path) -> None:
    """Regenerating the catalog from the sources finds nothing new: every ``tr`` /
    ``translate`` / ``QT_TRANSLATE_NOOP`` string of the code has its French entry."""
    sys.path.insert(0, str(ROOT))
    try:
        from tools import translations
    finally:
        sys.path.remove(str(ROOT))
    fresh = tmp_path / "fresh.ts"
    fresh.write_bytes(translations.TS.read_bytes())
    translations.update(fresh)
    assert translations.unfinished(fresh) == []
    # No attribute comment ("#: How long ...") reaches translators as a note.
    assert translations.stray_comments(fresh) == []
    assert translations.stray_comments(translations.TS) == []


def test_english_counts_get_their_plural_without_a_catalog() -> None:
    from app.ui.i18n import translate

    assert translate("x", "%n call(s) today", "", 1) == "1 call today"
    assert translate("x", "%n call(s) today", "", 0) == "0 calls today"
    assert translate("x", "%n fax(es)", "", 3) == "3 faxes"
    assert translate("x", "%n entry(ies)", "", 1) == "1 entry"
    assert translate("x", "%n entry(ies)", "", 2) == "2 entries"


def test_french_counts_follow_french_plural_rules(french_ui: Any) -> None:
    from app.ui.i18n import translate

    # French: 0 and 1 are singular.
    assert translate("PhonesTab", "%n phone(s)", "", 0) == "0 téléphone"
    assert translate("PhonesTab", "%n phone(s)", "", 1) == "1 téléphone"
    assert translate("PhonesTab", "%n phone(s)", "", 4) == "4 téléphones"


def test_service_sentences_are_translated_with_their_values(french_ui: Any) -> None:
    """A ``Text`` keeps its template: French word order, values (outside text kept
    verbatim, marked words translated, ``LowerFirst`` lowercased) filled in after."""
    from app.domain.routing import Route
    from app.domain.routing_labels import describe
    from app.domain.words import QT_TRANSLATE_NOOP, Lines, Text, Verbatim
    from app.ui.i18n import localized

    refused = Text(QT_TRANSLATE_NOOP("services", "{number} was not changed: {message}"),
                   number="(617) 555-0100",
                   message=QT_TRANSLATE_NOOP("services",
                       "This number is no longer on your account."))
    assert str(refused) == (
        "(617) 555-0100 was not changed: This number is no longer on your account.")
    assert localized(refused) == (
        "Le (617) 555-0100 n’a pas été modifié\u00a0: Ce numéro n’est plus dans votre compte.")
    assert localized(describe(Route.parse("sys:hangup"))) == "Système\u00a0: raccrocher"
    # A caller named like a word of the catalog stays as the caller is named.
    assert localized(Verbatim("Urgent")) == "Urgent"
    assert localized(Text(QT_TRANSLATE_NOOP("services", "From {callers}"),
                          callers=Verbatim("Sales"))) == "De Sales"
    both = Lines([QT_TRANSLATE_NOOP("services", "Choose the fax number to send from."),
                  QT_TRANSLATE_NOOP("services", "Attach at least one document to fax.")], " ")
    assert localized(both) == ("Choisissez le numéro de télécopieur d’envoi. "
                               "Joignez au moins un document à télécopier.")
    # Outside text the catalog does not know is shown as it came.
    assert localized("Error 42 from the carrier") == "Error 42 from the carrier"


def test_english_shows_service_sentences_untouched() -> None:
    from app.domain.words import QT_TRANSLATE_NOOP, Text
    from app.ui.i18n import localized

    text = Text(QT_TRANSLATE_NOOP("services",
        "Mailbox {mailbox} is no longer on your VoIP.ms account."),
                mailbox="1001")
    assert localized(text) == "Mailbox 1001 is no longer on your VoIP.ms account."


def test_a_translation_naming_a_wrong_value_falls_back_to_english(
    french_ui: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A translator's typo in a placeholder must not crash the window: English instead."""
    from app.domain.words import Text
    from app.ui import i18n

    monkeypatch.setattr(i18n.QCoreApplication, "translate",
                        lambda *_args: "Boîte {boite} disparue")
    text = Text("Mailbox {mailbox} is gone", mailbox="1001")
    assert i18n.localized(text) == "Mailbox 1001 is gone"
