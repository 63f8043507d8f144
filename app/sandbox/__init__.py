"""Stateful VoIP.ms look-alike HTTP server for the demo, tests and benchmarks.

``SandboxServer(port=0, seed=1, profile="demo").start()`` then point the client
at ``server.url`` with ``server.username`` / ``server.password``.
"""

from app.sandbox.server import LoggedRequest, SandboxServer

__all__ = ["LoggedRequest", "SandboxServer"]
