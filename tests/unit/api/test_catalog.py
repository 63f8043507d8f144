"""The generated catalog covers the whole reference and validates calls."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.api import catalog
from app.api.catalog import CATALOG, STATUS_CODES, validate
from app.api.errors import ParameterError

ROOT = Path(__file__).resolve().parents[3]
# shared/ sits beside the checkout (in CI's fresh clones too), or further up for a
# git worktree kept in a subfolder: the nearest ancestor that has it.
REFERENCE = next(
    (found for parent in ROOT.parents
     if (found := parent / "shared" / "voipms-api-reference.txt").exists()),
    # A clone kept away from shared/ (a temporary folder) uses the copy in the repository.
    ROOT / "tests" / "data" / "voipms-api-reference.txt",
)


def test_every_method_of_the_reference_is_in_the_catalog() -> None:
    assert len(CATALOG) >= 219
    for name in ("getSMS", "sendSMS", "setDIDInfo", "getIP", "setMusicOnHold", "e911Info"):
        assert name in CATALOG
    # Every method has a sentence describing it.
    assert all(spec.description for spec in CATALOG.values())


def test_parameter_and_required_counts() -> None:
    params = sum(len(spec.params) for spec in CATALOG.values())
    required = sum(len(spec.required) for spec in CATALOG.values())
    # The reference marks exactly 421 parameters "[Required]".
    assert required == 421
    assert params >= 900


def test_implicit_params_are_not_listed() -> None:
    for spec in CATALOG.values():
        assert not set(spec.params) & catalog.IMPLICIT_PARAMS, spec.name


def test_get_sms_params_including_loosely_documented_ones() -> None:
    spec = CATALOG["getSMS"]
    assert set(spec.params) == {
        "sms",
        "from",
        "to",
        "type",
        "did",
        "contact",
        "limit",
        "timezone",
        "all_messages",
    }
    assert spec.required == frozenset()
    assert "Default value: Today" in spec.params["from"].description
    assert spec.list_keys == ("sms",)


def test_send_sms_requires_did_dst_message() -> None:
    assert CATALOG["sendSMS"].required == {"did", "dst", "message"}


def test_set_did_info_required_fields() -> None:
    spec = CATALOG["setDIDInfo"]
    assert spec.required == {"did", "routing", "pop", "dialtime", "cnam", "billing_type"}
    assert {"failover_busy", "voicemail", "note", "callerid_prefix"} <= set(spec.params)
    # The free text after the parameters ("... format => header:record_id") is no parameter.
    assert all(re.fullmatch(r"[a-z_]+", name) for name in spec.params)


def test_section_without_output_does_not_swallow_the_next_one() -> None:
    # setSIPURI has no "Output" block; setSMS follows directly.
    assert "enable" not in CATALOG["setSIPURI"].params
    assert CATALOG["setSMS"].required == {"did", "enable"}


def test_required_if_is_not_required_and_post_only_note() -> None:
    spec = CATALOG["addLNPPort"]
    assert not spec.params["imei"].required
    assert CATALOG["addLNPFile"].post_only


def test_status_codes_table_is_complete() -> None:
    assert len(STATUS_CODES) == 459
    assert STATUS_CODES["no_sms"] == "There are no SMS messages"
    assert "weak_password" in STATUS_CODES and "account_with_dids" in STATUS_CODES


def test_validate_accepts_a_correct_call() -> None:
    assert validate("sendSMS", {"did": "1", "dst": "2", "message": "hi"}).name == "sendSMS"


def test_validate_names_missing_and_unknown_params() -> None:
    with pytest.raises(ParameterError) as info:
        validate("sendSMS", {"did": "1", "text": "hi", "dst": None})
    assert info.value.missing == ("dst", "message")
    assert info.value.unknown == ("text",)
    assert "dst" in str(info.value) and "text" in str(info.value)


def test_validate_rejects_unknown_method_and_explicit_credentials() -> None:
    with pytest.raises(ParameterError, match=r"unknown VoIP\.ms method"):
        validate("getSMSes", {})
    with pytest.raises(ParameterError, match="api_password"):
        validate("getIP", {"api_password": "x"})


@pytest.mark.skipif(not REFERENCE.exists(), reason="reference not available")
def test_generator_is_reproducible(tmp_path: Path) -> None:
    out = tmp_path / "catalog.json"
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "gen_catalog.py"), str(REFERENCE), str(out)],
        check=True,
        capture_output=True,
    )
    assert json.loads(out.read_text()) == json.loads(catalog.CATALOG_PATH.read_text())


def _load_generator() -> Any:
    spec = importlib.util.spec_from_file_location("gen_catalog", ROOT / "tools" / "gen_catalog.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SNIPPET = """\
GENERAL FUNCTIONS
intro text

getThing
Parameters

from    =>          Start Date (Example: '2014-03-30')
                    - Default value: Today
timezone=>          Adjust time (Numeric: -12 to 13)

all_messages=>          Filter, important
maybe   => [Required If kind = 2] only sometimes
Output

Array
(
    [status] => success
    [things] => Array
        (
            [0] => Array
                (
                    [id] => 1
                )
        )
)

setThing
Parameters Note: Only accepted through POST request
id      => [Required] The id
routing => [Required] Main routing
routing can receive values in the following format => header:record_id
    vm          Used for routing calls to a Voicemail
nextThing
Parameters
x => [Required] X
Output
"""


def test_generator_parses_loose_sections() -> None:
    gen = _load_generator()
    sections = gen.parse_sections(SNIPPET.splitlines())
    get_thing = sections["getThing"]["params"]
    assert list(get_thing) == ["from", "timezone", "all_messages", "maybe"]
    assert "Default value: Today" in get_thing["from"]["description"]
    assert not get_thing["maybe"]["required"]
    assert sections["getThing"]["output"] == {"things": "list"}
    set_thing = sections["setThing"]
    # No "Output" before the next method: the section still ends there.
    assert list(set_thing["params"]) == ["id", "routing"]
    assert "POST" in set_thing["note"]
    assert sections["nextThing"]["params"]["x"]["required"]


def test_generator_writes_the_one_catalog_both_sides_load() -> None:
    # The api client and the sandbox read the same file; the generator must
    # rewrite that file, not a stale copy somewhere else.
    from app.domain import catalog as domain_catalog

    assert _load_generator().DEFAULT_OUTPUT == domain_catalog.CATALOG_PATH == catalog.CATALOG_PATH
