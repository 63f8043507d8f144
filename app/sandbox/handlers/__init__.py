"""Method handlers; importing this package registers them in ``base.HANDLERS``."""

from app.sandbox.handlers import (
    calls,
    dids,
    fax,
    general,
    lookups,
    messages,
    phones,
    voicemail,
)

__all__ = ["calls", "dids", "fax", "general", "lookups", "messages", "phones", "voicemail"]
