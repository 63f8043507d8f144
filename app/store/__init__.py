"""Local SQLite cache of the account: the only package that imports sqlite3.

``db.Database`` owns one connection on one worker thread; each module below
holds the schema's functions for one area (plain functions of the connection,
run through ``db.run``), and where a service wants an object to hold, an async
repository class over them. Only what the app uses stays here: a function or
repository with no caller but its own test is removed, not kept "for later".
Schema history lives in ``migrations.py``.
"""
