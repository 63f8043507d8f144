"""The fax feature's Qt-free service."""
