"""The voicemail feature's Qt-free service."""
