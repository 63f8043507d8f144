"""``switchboard --check``: every read the app makes, once, against the configured account.

Qt-free on purpose (it runs over SSH on a machine without a display): the
command line (``app/__main__.py``) calls ``cli.run_check`` before anything of
Qt is imported. ``reads.py`` lists the reads, ``shapes.py`` compares each raw
answer with the reference's sample output, ``runner.py`` runs them.
"""
