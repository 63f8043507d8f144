"""Sandbox phones: sub-account passwords, where each phone registers, the flaky one.

The kitchen's wall phone drops off and comes back on a schedule of the sandbox
clock (``handlers/phones.py: is_registered``): offline for the first 30 % of
every ``flaky_period_seconds`` after the clock's start, so a demo opens with one
phone offline and a poll sees it come back a few minutes later.
"""

from __future__ import annotations

import random

from app.sandbox.state import SandboxState

#: account suffix -> (POP, public IP, transport, user agent's port)
_WHERE = {
    "": ("5", "203.0.113.24", "UDP", "5060"),
    "frontdesk": ("5", "203.0.113.24", "UDP", "49213"),
    "sales": ("13", "203.0.113.24", "TLS", "51876"),
    "kitchen": ("5", "198.51.100.77", "UDP", "5062"),
}
_WORDS = ("Maple", "Rye", "Crumb", "Proof", "Oven", "Flour", "Knead", "Loaf")


#: ``profile="large"``: a business with several shops, each with a few phones.
LARGE_SITES = ("downtown", "harbor", "airport", "mall", "campus", "northend", "southend",
               "westgate", "eastside")
LARGE_STATIONS = ("register", "backroom", "office", "drive")


def add_phones(state: SandboxState, seed: int, profile: str = "demo") -> None:
    rng = random.Random(seed * 7919 + 18)
    if profile == "large":
        _add_large_sites(state, rng)
    main = state.sub_accounts[0]["account"].partition("_")[0] if state.sub_accounts else ""
    state.main_account = main
    for row in state.sub_accounts:
        word = rng.choice(_WORDS)
        row["password"] = f"{word}{rng.randrange(10, 99)}!{rng.choice(_WORDS).lower()}"
    by_pop = {s["server_pop"]: s for s in state.servers}
    for suffix, (pop, ip, transport, port) in _WHERE.items():
        account = f"{main}_{suffix}" if suffix else main
        server = by_pop.get(pop, state.servers[0] if state.servers else {})
        state.registrations[account] = {
            "server_name": server.get("server_name", ""),
            "server_shortname": server.get("server_shortname", ""),
            "server_hostname": server.get("server_hostname", ""),
            "server_ip": server.get("server_ip", ""),
            "server_country": server.get("server_country", ""),
            "server_pop": pop,
            "register_ip": ip,
            "register_port": port,
            "register_protocol": "SIP",
            "register_transport": transport,
        }
    state.flaky_account = f"{main}_kitchen" if main else ""
    if profile == "large":
        # Most of the shops' phones are registered; one in five is unplugged.
        for index, row in enumerate(state.sub_accounts[len(_WHERE) - 1:]):
            if index % 5 == 4:
                continue
            server = state.servers[index % len(state.servers)] if state.servers else {}
            state.registrations[row["account"]] = {
                **state.registrations.get(main, {}),
                "server_pop": server.get("server_pop", "5"),
                "server_hostname": server.get("server_hostname", ""),
                "register_ip": f"198.51.100.{10 + index}",
                "register_port": str(5060 + index),
                "register_transport": ("UDP", "TCP", "TLS")[index % 3],
            }


def _add_large_sites(state: SandboxState, rng: random.Random) -> None:
    from app.sandbox.datagen import _sub_account

    next_id = 99800
    for site in LARGE_SITES:
        for station in LARGE_STATIONS:
            description = f"{site.title()} {station}"
            callerid = f"617555{rng.randrange(1000, 9999):04d}"
            state.sub_accounts.append(
                _sub_account(next_id, f"{site}{station}", description, callerid))
            next_id += 1
