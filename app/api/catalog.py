"""Validation of calls against the VoIP.ms method catalog.

The catalog itself (``CATALOG``, ``STATUS_CODES``, ``MethodSpec``...) lives in
``app.domain.catalog``, the one copy both the client and the sandbox load; it
is re-exported here so the api layer keeps one place to ask.

``validate`` runs before anything goes on the wire: a misspelt or missing
parameter is a bug in our code (``ParameterError``), not something to send to
the provider and decode from a status code.
"""

from __future__ import annotations

from collections.abc import Mapping

from app.api.errors import ParameterError
from app.domain.catalog import (
    CATALOG,
    CATALOG_PATH,
    IMPLICIT_PARAMS,
    STATUS_CODES,
    MethodSpec,
    ParamSpec,
)

__all__ = [
    "CATALOG",
    "CATALOG_PATH",
    "IMPLICIT_PARAMS",
    "STATUS_CODES",
    "MethodSpec",
    "ParamSpec",
    "spec",
    "validate",
]


def spec(method: str) -> MethodSpec:
    try:
        return CATALOG[method]
    except KeyError:
        raise ParameterError(method, unknown_method=True) from None


def validate(method: str, params: Mapping[str, object]) -> MethodSpec:
    """Raise ``ParameterError`` naming every unknown or missing parameter.

    ``None`` counts as missing (the client drops ``None`` values before sending).
    """
    method_spec = spec(method)
    given = {name for name, value in params.items() if value is not None}
    # Credentials and the method name are added by the client; passing them is a bug too.
    unknown = sorted(given - set(method_spec.params))
    missing = sorted(method_spec.required - given)
    if unknown or missing:
        raise ParameterError(method, unknown=unknown, missing=missing)
    return method_spec
