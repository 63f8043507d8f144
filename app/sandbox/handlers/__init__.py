"""Method handlers; importing this package registers them in ``base.HANDLERS``."""

from app.sandbox.handlers import dids, fax, general, lookups, messages, phones, voicemail

__all__ = ["dids", "fax", "general", "lookups", "messages", "phones", "voicemail"]
