"""Switchboard: one window for a small business's VoIP.ms account."""

__version__ = "0.1.0"
USER_AGENT = f"Switchboard/{__version__}"
