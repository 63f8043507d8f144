"""The UI's language: English (the source strings) or Canadian French (#17.5).

The language comes from the ``language`` setting: ``"en"`` / ``"fr"``, or
``"system"`` (the default), which follows the system locale (``LC_ALL``,
``LANG``, ``LANGUAGE`` through ``QLocale.system()``). ``install`` runs in
``create_qapplication`` before any widget exists; the choice holds for the
whole run (the settings dialog's choice applies at the next start).

English is the language of the source strings: nothing is loaded for it (no
translator, no file read), so an English start costs nothing. French loads
two ``QTranslator``s: our catalog and Qt's own ``qtbase_fr`` (standard
dialogs, context menus of line edits, ``QDialogButtonBox`` buttons).

The catalog: ``translations/switchboard_fr_CA.ts`` (Qt Linguist XML, in the
repo, the source of truth) is compiled to ``.qm`` by ``make translations``
(``pyside6-lrelease``; ``make demo``/``test`` run it). A checkout run without
make has no ``.qm``, or a stale one: then the catalog is compiled once into the
user's cache folder with the same tool (``_compiled_catalog``), so running from
a fresh clone is French too. A frozen bundle carries its ``.qm``.

Dates, times and money go through ``current()``'s ``QLocale`` (``app/ui/dates.py``,
``app/ui/widgets/balance.py``): English output is what it always was (24-hour
clock unless the system locale uses a 12-hour one), French is "hier 18:43",
"5 déc.", "47,32 $".
"""

from __future__ import annotations

import logging
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.domain.words import CONTEXT, DataSize, Lines, LowerFirst, Text, Verbatim

log = logging.getLogger(__name__)

#: Accepted values of the ``language`` setting (``app/config/settings.py`` has the same).
LANGUAGES = ("system", "en", "fr")

#: The catalog's base name: ``translations/<name>.ts`` -> ``<name>.qm``.
CATALOG = "switchboard_fr_CA"

#: The repository's translations folder (the ``.ts`` and, after ``make translations``, the ``.qm``).
SOURCE_DIR = Path(__file__).resolve().parents[2] / "translations"


@dataclass(frozen=True, slots=True)
class UiLanguage:
    """The language the UI speaks this run and how it writes dates and money."""

    code: str  # "en" | "fr"
    locale: QLocale
    #: A 12-hour clock ("6:43 PM"); French always uses 24 hours.
    hour12: bool = False

    @property
    def french(self) -> bool:
        return self.code == "fr"


ENGLISH = UiLanguage("en", QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
FRENCH = UiLanguage("fr", QLocale(QLocale.Language.French, QLocale.Country.Canada))

_current = ENGLISH
#: Translators installed by ``install`` (kept referenced: Qt does not own them).
_installed: list[QTranslator] = []


def current() -> UiLanguage:
    """The UI's language (English until ``install``/``use`` chose another)."""
    return _current


def system_language(system: QLocale | None = None) -> str:
    """``"fr"`` or ``"en"`` from the system locale's preferred UI languages.

    ``uiLanguages`` honours ``LANGUAGE`` (a priority list) before ``LC_ALL`` /
    ``LANG``; the first French or English entry decides. Anything else (German,
    ``C``) gets English, the source language.
    """
    locale = system if system is not None else QLocale.system()
    for name in locale.uiLanguages():
        lowered = name.lower()
        if lowered.startswith("fr"):
            return "fr"
        if lowered.startswith("en"):
            return "en"
    return "fr" if locale.language() == QLocale.Language.French else "en"


def resolve(setting: str, system: QLocale | None = None) -> str:
    """The language code a ``language`` setting means on this system."""
    if setting in ("en", "fr"):
        return setting
    return system_language(system)


def _system_hour12(system: QLocale | None = None) -> bool:
    """Whether the system locale writes times with AM/PM (en_US: yes; C, en_GB: no)."""
    locale = system if system is not None else QLocale.system()
    return "a" in locale.timeFormat(QLocale.FormatType.ShortFormat).lower().replace("'", "")


def use(code: str, *, hour12: bool = False) -> UiLanguage:
    """Make ``code`` the UI's language for formatting (no translator; tests, ``install``)."""
    global _current
    base = FRENCH if code == "fr" else ENGLISH
    _current = UiLanguage(base.code, base.locale, hour12 and code != "fr")
    # Qt's own number formatting (spin boxes) follows the default locale: French
    # for French; for English the system's when it is an English one (as before).
    system = QLocale.system()
    english_system = system.language() in (QLocale.Language.English, QLocale.Language.C)
    QLocale.setDefault(system if code == "en" and english_system else _current.locale)
    return _current


def install(app: QCoreApplication, setting: str, cache_dir: Path | None = None) -> UiLanguage:
    """Choose the language for this run and load its translations into ``app``.

    Called once, before any widget. English: no translator at all. French
    without a usable catalog (no ``.qm`` and no ``pyside6-lrelease``) stays
    English with one line in the log: a half-French window helps nobody.
    """
    code = resolve(setting)
    if code == "fr":
        catalog = catalog_file(cache_dir)
        if catalog is None:
            log.warning("No French catalog could be found or built; the UI stays English")
            code = "en"
        else:
            _load(app, catalog)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            _load(app, Path(qt_dir) / "qtbase_fr.qm", required=False)
    return use(code, hour12=_system_hour12())


def uninstall(app: QCoreApplication) -> None:
    """Remove what ``install`` loaded and go back to English (tests)."""
    while _installed:
        app.removeTranslator(_installed.pop())
    use("en")


def _load(app: QCoreApplication, path: Path, *, required: bool = True) -> None:
    translator = QTranslator(app)
    if translator.load(str(path)):
        app.installTranslator(translator)
        _installed.append(translator)
    elif required:
        log.warning("Could not load the translations in %s", path)
    else:
        log.info("Qt's own translations not found at %s", path)


def localized(text: str) -> str:
    """A sentence of the Qt-free layers (``app/domain/words.py``) in the UI's language.

    A ``Text`` has its template translated and its values filled in again (values
    that are themselves marked sentences are translated too); a plain string is
    looked up as it is in the ``services`` context, and left alone when the
    catalog does not know it (outside text: a server's message, a file name).
    English returns the text untouched, without a look-up.
    """
    if not _installed or isinstance(text, Verbatim):
        return str(text)
    if isinstance(text, Lines):
        return text.sep.join(localized(item) for item in text.items)
    if isinstance(text, DataSize):
        return current().locale.formattedDataSize(
            text.size, 1 if text.size >= 1_000_000 else 0, QLocale.DataSizeFormat.DataSizeSIFormat)
    if isinstance(text, LowerFirst):
        word = QCoreApplication.translate(CONTEXT, text.word)
        return word[:1].lower() + word[1:]
    if isinstance(text, Text):
        template = QCoreApplication.translate(CONTEXT, text.template)
        params = {k: localized(v) if isinstance(v, str) else v for k, v in text.params.items()}
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):  # a translation naming a wrong value
            log.warning("Translation of %r does not fit its values", text.template)
            return str(text)
    return QCoreApplication.translate(CONTEXT, text)


# --- the compiled catalog ----------------------------------------------------------------


def _source_catalog() -> Path:
    return SOURCE_DIR / f"{CATALOG}.ts"


def _fresh(qm: Path, ts: Path) -> bool:
    """``qm`` exists and is not older than ``ts`` (no ``ts``: a bundle; any ``qm`` does)."""
    try:
        built = qm.stat().st_mtime
    except OSError:
        return False
    try:
        return built >= ts.stat().st_mtime
    except OSError:
        return True


def catalog_file(cache_dir: Path | None) -> Path | None:
    """The compiled French catalog: bundled, built by make, or built now into ``cache_dir``."""
    ts = _source_catalog()
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = [Path(frozen) / "translations" / f"{CATALOG}.qm"] if frozen else []
    candidates.append(SOURCE_DIR / f"{CATALOG}.qm")
    if cache_dir is not None:
        candidates.append(cache_dir / "translations" / f"{CATALOG}.qm")
    for qm in candidates:
        if _fresh(qm, ts):
            return qm
    if cache_dir is None or not ts.exists():
        return None
    return compile_catalog(ts, cache_dir / "translations" / f"{CATALOG}.qm")


def lrelease_command() -> str | None:
    """``pyside6-lrelease`` of this interpreter's environment, else one on the PATH."""
    import shutil  # only when a catalog must be built: never for English

    beside = Path(sys.executable).with_name("pyside6-lrelease")
    if beside.exists():
        return str(beside)
    return shutil.which("pyside6-lrelease")


def compile_catalog(ts: Path, qm: Path) -> Path | None:
    """Compile ``ts`` into ``qm`` with ``pyside6-lrelease``; ``None`` when it cannot."""
    import subprocess  # only when a catalog must be built: never for English

    tool = lrelease_command()
    if tool is None:
        return None
    qm.parent.mkdir(parents=True, exist_ok=True)
    partial = qm.with_name(qm.name + f".{os.getpid()}.tmp")
    try:
        subprocess.run(
            [tool, "-silent", str(ts), "-qm", str(partial)],
            check=True,
            capture_output=True,
            timeout=60,
        )
        os.replace(partial, qm)  # a second instance never reads half a file
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("Compiling %s failed: %s", ts, exc)
        partial.unlink(missing_ok=True)
        return None
    log.info("Compiled the French catalog into %s", qm)
    return qm


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``QCoreApplication.translate`` under the name ``pyside6-lupdate`` reads.

    With a count (``n``, ``%n`` in the text) an English text is also given its
    plural: the sources write it ``"%n call(s)"`` / ``"%n fax(es)"`` /
    ``"%n entry(ies)"`` and English loads no catalog (Qt would show "1 call(s)");
    the French catalog has real plural forms (French: 0 and 1 are singular).
    """
    done = QCoreApplication.translate(context, text, disambiguation, n)
    if n < 0 or done != text.replace("%n", str(n)):
        return done
    return _ENGLISH_PLURAL.sub(lambda m: _english_plural(m, n), done)


#: ``call(s)``, ``fax(es)``, ``entry(ies)``: a word and its plural ending.
_ENGLISH_PLURAL = re.compile(r"(\w+?)(y?)\((s|es|ies)\)")


def _english_plural(match: re.Match[str], n: int) -> str:
    stem, y, ending = match.groups()
    if n == 1:
        return stem + y
    return stem + ending if ending == "ies" else stem + y + ending
