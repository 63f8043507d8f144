"""``switchboard --check`` on a terminal: credentials, client, one printed line per read.

The password comes from where the app takes it (the environment's
``VOIPMS_API_*`` variables, else the keyring entry of the account in the
settings) and is never printed; the e-mail and the server address are, so the
user sees which account was checked. Stdout has exactly one line per method
(scriptable); the summary goes to stderr.
"""

from __future__ import annotations

import asyncio
import sys
from typing import TextIO

from app.api.client import VoipMsClient
from app.api.endpoint import DEFAULT_URL
from app.api.retry import RetryPolicy
from app.config.logsetup import register_secret
from app.config.secrets import Credentials, SecretStore, credentials_from_env
from app.config.settings import Settings
from app.services.check.reads import check_reads
from app.services.check.runner import CheckLine, RecordingApi, exit_code

NO_CREDENTIALS = (
    "switchboard --check: no VoIP.ms credentials (sign in once with the app, or set "
    "VOIPMS_API_USERNAME and VOIPMS_API_PASSWORD)"
)


def find_credentials(settings: Settings, fixed: Credentials | None = None) -> Credentials | None:
    """The demo's, the environment's, or the signed-in account's from the keyring."""
    if fixed is not None:
        return fixed
    return credentials_from_env() or SecretStore().load(settings.api_username)


def run_check(
    credentials: Credentials,
    *,
    base_url: str = "",
    provider_tz: str,
    min_interval: float = 0.25,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Run every read; print one line each; 0 when all were ok/empty, else 1."""
    out = out or sys.stdout
    err = err or sys.stderr
    register_secret(credentials.password)  # never in the log, whatever happens
    url = base_url or DEFAULT_URL
    print(f"Checking {credentials.username} at {url}", file=err, flush=True)
    lines = asyncio.run(_check(credentials, url, provider_tz, min_interval, out))
    failed = [line for line in lines if not line.verdict.passes]
    summary = (
        f"{len(lines)} reads: all answered as expected."
        if not failed
        else f"{len(lines)} reads: {len(failed)} with a problem "
        f"({', '.join(line.method for line in failed)})."
    )
    print(summary, file=err, flush=True)
    return exit_code(lines)


async def _check(
    credentials: Credentials, url: str, provider_tz: str, min_interval: float, out: TextIO
) -> list[CheckLine]:
    # One try per read: a self-check reports what the account answers, not what a
    # retry a few seconds later would have got.
    client = VoipMsClient(
        credentials.username,
        credentials.password,
        base_url=url,
        min_interval=min_interval,
        retry=RetryPolicy(max_attempts=1, rate_limit_attempts=1),
    )
    api = RecordingApi(client, provider_tz=provider_tz)
    lines: list[CheckLine] = []
    try:
        async for line in check_reads(api):
            lines.append(line)
            print(line.text(), file=out, flush=True)
    finally:
        await client.aclose()
    return lines
