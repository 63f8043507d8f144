"""The balance feature's Qt-free service."""
