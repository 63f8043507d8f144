"""Local SQLite cache of the account: the only package that imports sqlite3.

``db.Database`` owns one connection on one worker thread; each module below
holds the schema's functions for one area (plain functions of the connection)
plus an async repository class running them via ``db.run``. Schema history
lives in ``migrations.py``.
"""
