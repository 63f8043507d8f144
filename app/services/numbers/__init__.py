"""The numbers feature's Qt-free service."""
