"""The app's one connectivity state: online, or "can't reach VoIP.ms" (Qt-free)."""
