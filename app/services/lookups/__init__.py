"""The lookups feature's Qt-free service."""
