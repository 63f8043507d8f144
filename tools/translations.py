"""The French catalog: regenerate it from the sources, or compile it (#17.5).

    python tools/translations.py update   # pyside6-lupdate app/**.py -> translations/*.ts
    python tools/translations.py build    # pyside6-lrelease *.ts -> *.qm (``make translations``)
    python tools/translations.py check    # fail on unfinished entries or stray notes (tests too)

The ``.ts`` (Qt Linguist XML) is the source of truth and lives in the repo; the
``.qm`` is built (``make translations``, run by ``make demo``/``make test``) or,
when missing, compiled at first use into the user's cache (``app/ui/i18n.py``).
``update`` keeps translations already made, drops strings no longer in the code
(``-no-obsolete``) and writes no source locations (merges stay quiet); new
strings arrive ``unfinished`` for a translator (Qt Linguist: ``pyside6-linguist``).

lupdate reads ``tr("...")``, ``translate("Context", "...")`` and, in the Qt-free
layers (services, domain, config), the ``QT_TRANSLATE_NOOP("services", "...")``
markers of ``app/domain/i18n.py``.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "translations" / "switchboard_fr_CA.ts"
QM = TS.with_suffix(".qm")


def _tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else name


def sources() -> list[str]:
    """Every module of the app that may hold a user-visible string (not the sandbox's data)."""
    app = ROOT / "app"
    return sorted(
        str(p.relative_to(ROOT))
        for p in app.rglob("*.py")
        if "__pycache__" not in p.parts and "sandbox" not in p.relative_to(app).parts
    )


#: An ``<extracomment>`` element and the line break before it, in lupdate's output.
_EXTRACOMMENT = re.compile(r"\n[ \t]*<extracomment>.*?</extracomment>", re.DOTALL)


def update(ts: Path = TS) -> None:
    ts.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none",
         "-target-language", "fr_CA", "-ts", str(ts)],
        cwd=ROOT,
        check=True,
    )
    # lupdate reads a Python comment starting "#:" before a string as a note for
    # the translator; in this code "#:" documents the attribute below it ("How long
    # the window waits...") and reached translators next to unrelated strings.
    text = ts.read_text(encoding="utf-8")
    ts.write_text(_EXTRACOMMENT.sub("", text), encoding="utf-8")


def stray_comments(ts: Path = TS) -> list[str]:
    """Entries carrying a translator note (none should: see ``update``)."""
    return [
        message.findtext("source", "")
        for message in ET.parse(ts).getroot().iter("message")
        if message.find("extracomment") is not None
    ]


def build(ts: Path = TS, qm: Path = QM) -> None:
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def unfinished(ts: Path = TS) -> list[str]:
    """Source texts whose translation is missing or marked unfinished."""
    missing: list[str] = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [] if translation is None else list(translation.iter("numerusform"))
            texts = [f.text for f in forms] if forms else [
                None if translation is None else translation.text
            ]
            kind = None if translation is None else translation.get("type")
            if kind in ("unfinished", "vanished", "obsolete") or not all(texts):
                missing.append(f"{name}: {message.findtext('source', '')}")
    return missing


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else ""
    if command == "update":
        update()
    elif command == "build":
        build()
    elif command == "check":
        missing = unfinished()
        for line in missing:
            print(f"unfinished: {line}")
        stray = stray_comments()
        for line in stray:
            print(f"translator note from an attribute comment: {line}")
        return 1 if missing or stray else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
