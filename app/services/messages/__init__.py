"""The messages feature's Qt-free service.

``service.MessagesService`` (built by ``AppServices.messages``) is the one object
the Messages tab talks to; it is a ``reads.MessageReads`` (every read model) and
adds sync, polling, media and commands that return ``changes`` change sets.
``reads.first_screen`` is the small synchronous read the tab makes before the
first paint. ``sync``, ``sender``, ``media`` and ``export`` are its parts.

Nothing is imported here: the tab's first paint loads only ``reads``.
"""
