"""The account feature's Qt-free service."""
