"""Generate ``app/domain/catalog.json`` from the VoIP.ms API reference (plain text).

Re-runnable: ``python tools/gen_catalog.py [reference.txt] [out.json]``. The
output is deterministic (sorted keys) so a re-run over the same reference gives
a byte-identical file and a changed reference gives a readable diff.

The reference has three parts this script reads:

* "FUNCTIONS LIST": ``name - description`` lines grouped under category
  headings, with ``- ...`` / ``* ...`` continuation lines.
* "FUNCTION STATUS AND ERROR CODE": ``code explanation`` lines after
  "Error Codes".
* One section per method: the method name alone on a line, ``Parameters``,
  parameter lines ``name => [Required] description`` (the spacing around
  ``=>`` varies: ``timezone=>`` and ``from    =>`` both occur), indented
  continuation lines, free text (routing examples, which may contain ``=>``
  mid-line), then ``Output``.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# The team's shared/ folder sits beside the checkout (also in CI's clones), or
# further up for a git worktree kept in a subfolder: the nearest ancestor's.
DEFAULT_REFERENCE = next(
    (found for parent in ROOT.parents
     if (found := parent / "shared" / "voipms-api-reference.txt").exists()),
    # A clone kept away from shared/ (a temporary folder) uses the copy in the repository.
    ROOT / "tests" / "data" / "voipms-api-reference.txt",
)
# In domain: the one catalog file both the api client and the sandbox load.
DEFAULT_OUTPUT = ROOT / "app" / "domain" / "catalog.json"

# Implicit on every call: never listed as method parameters.
IMPLICIT_PARAMS = ("api_username", "api_password", "method")

_INDEX_ENTRY = re.compile(r"^(?P<name>[a-z][A-Za-z0-9]*) - (?P<desc>.*)$")
_CATEGORY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ()/]*$")
_METHOD_NAME = re.compile(r"^[a-z][A-Za-z0-9]*$")
# A parameter line starts at column 0: ``name`` then optional spaces then ``=>``.
# Free-text lines ("routing ... in the following format => header") have spaces
# inside the text before ``=>`` and therefore do not match.
_PARAM_LINE = re.compile(r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*=>\s*(?P<desc>.*)$")
_REQUIRED = re.compile(r"^\[Required\]\s*", re.IGNORECASE)
_STATUS_LINE = re.compile(r"^(?P<code>[A-Za-z][A-Za-z0-9_]*)\s+(?P<text>.+)$")


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\ufffd", "'")).strip()


def parse_index(lines: list[str]) -> dict[str, dict[str, str]]:
    """FUNCTIONS LIST -> {name: {"description", "category"}}."""
    start = lines.index("FUNCTIONS LIST")
    end = lines.index("FUNCTION STATUS AND ERROR CODE")
    entries: dict[str, dict[str, str]] = {}
    category = ""
    current: str | None = None
    seen_categories_intro = False
    for raw in lines[start + 1 : end]:
        line = raw.rstrip()
        if not line.strip():
            current = None
            continue
        if line.startswith("The functions are separated"):
            seen_categories_intro = True
            continue
        if not seen_categories_intro:
            continue
        match = _INDEX_ENTRY.match(line)
        if match:
            current = match.group("name")
            entries[current] = {"description": _clean(match.group("desc")), "category": category}
            continue
        if current and line.lstrip()[:1] in {"-", "*"}:
            entries[current]["description"] += " " + _clean(line)
            continue
        if _CATEGORY.match(line):
            category = line.strip()
            current = None
    return entries


def parse_status_codes(lines: list[str]) -> dict[str, str]:
    """The "Error Codes" table -> {code: explanation}."""
    start = lines.index("Error Codes")
    codes: dict[str, str] = {}
    blank_run = 0
    for raw in lines[start + 1 :]:
        line = raw.strip()
        if not line:
            blank_run += 1
            if blank_run >= 2 and codes:
                break
            continue
        blank_run = 0
        if line.isupper():  # the next chapter heading
            break
        match = _STATUS_LINE.match(line)
        if match:
            codes[match.group("code")] = _clean(match.group("text"))
    return codes


# Parameters the reference describes without a name. getEmailToFax documents
# 'ID of the "Email to Fax" configuration' on a bare line; the sibling methods
# (setEmailToFax, delEmailToFax) call it ``id``.
_MANUAL_PARAMS: dict[str, dict[str, dict[str, Any]]] = {
    "getEmailToFax": {
        "id": {"required": False, "description": 'ID of the "Email to Fax" configuration'},
    },
}


def parse_sections(lines: list[str]) -> dict[str, dict[str, Any]]:
    """Method sections -> {name: {"params": {param: {"required", "description"}}, "note"}}."""
    methods: dict[str, dict[str, Any]] = {}
    first_section = lines.index("GENERAL FUNCTIONS")
    i = first_section
    while i < len(lines):
        if not _is_parameters_heading(lines[i]):
            i += 1
            continue
        note = lines[i].strip()[len("Parameters") :].strip()
        # The method name is the nearest non-blank line above "Parameters".
        j = i - 1
        while j > first_section and not lines[j].strip():
            j -= 1
        name = lines[j].strip()
        if not _METHOD_NAME.match(name):
            i += 1
            continue
        params: dict[str, dict[str, Any]] = {}
        last: str | None = None
        i += 1
        # A section ends at "Output"; setSIPURI has none, so the next method's
        # heading (a name followed by "Parameters") ends it as well.
        while i < len(lines) and lines[i].strip() != "Output" and not _starts_section(lines, i):
            line = lines[i].rstrip()
            match = _PARAM_LINE.match(line)
            if match and match.group("name") not in IMPLICIT_PARAMS:
                desc = match.group("desc")
                required = bool(_REQUIRED.match(desc))
                desc = _REQUIRED.sub("", desc)
                last = match.group("name")
                params[last] = {"required": required, "description": _clean(desc)}
            elif last and line[:1].isspace() and line.strip():
                # Indented continuation of the previous parameter's description.
                params[last]["description"] = _clean(params[last]["description"] + " " + line)
            else:
                last = None
            i += 1
        params.update(_MANUAL_PARAMS.get(name, {}))
        output_start = i
        while i < len(lines) and not _starts_section(lines, i) and not lines[i].isupper():
            i += 1
        methods[name] = {
            "params": params,
            "note": _clean(note),
            "output": parse_output(lines[output_start:i]),
        }
    return methods


_OUTPUT_KEY = re.compile(r"^    \[(?P<key>[A-Za-z_0-9]+)\]\s*=>\s*(?P<rest>.*)$")
_NESTED_KEY = re.compile(r"^\s+\[(?P<key>[^\]]+)\]\s*=>")


def parse_output(block: list[str]) -> dict[str, str]:
    """Top-level keys of the sample output -> "list" | "object" | "value".

    The client uses the "list" keys to turn an empty-list status (``no_sms``)
    into an empty list under the key a successful answer would have used.
    """
    keys: dict[str, str] = {}
    for n, line in enumerate(block):
        match = _OUTPUT_KEY.match(line)
        if not match or match.group("key") == "status":
            continue
        rest = match.group("rest").strip()
        kind = "value"
        if not rest or rest.lower().startswith("array"):
            kind = "object"
            for following in block[n + 1 :]:
                nested = _NESTED_KEY.match(following)
                if _OUTPUT_KEY.match(following):
                    break
                if nested:
                    kind = "list" if nested.group("key").strip("'\"").isdigit() else "object"
                    break
        keys.setdefault(match.group("key"), kind)
    return keys


def _is_parameters_heading(line: str) -> bool:
    return line.strip() == "Parameters" or line.startswith("Parameters ")


def _starts_section(lines: list[str], i: int) -> bool:
    if not _METHOD_NAME.match(lines[i].strip()):
        return False
    j = i + 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    return j < len(lines) and _is_parameters_heading(lines[j])


def build_catalog(reference: Path) -> dict[str, Any]:
    lines = reference.read_text(encoding="utf-8", errors="replace").splitlines()
    lines = [line.rstrip() for line in lines]
    index = parse_index(lines)
    sections = parse_sections(lines)
    methods: dict[str, Any] = {}
    for name in sorted(set(index) | set(sections)):
        entry = index.get(name, {})
        section = sections.get(name, {"params": {}, "note": ""})
        methods[name] = {
            "category": entry.get("category", ""),
            # A method documented in a section but missing from the index
            # (setMusicOnHold) still gets a sentence.
            "description": entry.get("description", "") or _fallback_description(name),
            "documented": name in sections,
            "params": section["params"],
            "output": section.get("output", {}),
            # "Only accepted through POST request" (addLNPFile).
            "post_only": "POST" in section["note"],
        }
    return {
        "source": reference.name,
        "implicit_params": list(IMPLICIT_PARAMS),
        "methods": methods,
        "status_codes": dict(sorted(parse_status_codes(lines).items())),
    }


def _fallback_description(name: str) -> str:
    words = re.sub(r"(?<!^)(?=[A-Z][a-z])", " ", name).split()
    verb = {"set": "Creates or updates", "get": "Retrieves", "del": "Deletes"}.get(words[0], "")
    return f"{verb} {' '.join(words[1:])}.".strip() if verb else ""


def main(argv: list[str]) -> int:
    reference = Path(argv[1]) if len(argv) > 1 else DEFAULT_REFERENCE
    output = Path(argv[2]) if len(argv) > 2 else DEFAULT_OUTPUT
    catalog = build_catalog(reference)
    output.write_text(json.dumps(catalog, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
    print(
        f"{len(catalog['methods'])} methods, {len(catalog['status_codes'])} status codes "
        f"-> {output}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
