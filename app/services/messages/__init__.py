"""The messages feature's Qt-free service."""
