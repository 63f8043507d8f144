"""VoIP.ms REST API layer: catalog, errors, client, tolerant parsing, typed helpers.

Import what you need from the modules (``app.api.client.VoipMsClient``,
``app.api.typed.Api``, ``app.api.errors``); this package stays import-light so
``import app.api.errors`` does not pull httpx in.
"""
