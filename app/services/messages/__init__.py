"""The messages feature's Qt-free service.

The shape every feature follows (issue #12):

* ``service.MessagesService`` (built by ``AppServices.messages``): the one object
  the Messages tab talks to; typed ``Event`` s, async reads, commands that return
  change sets;
* ``ports``: what it needs from the api and the store (``Protocol`` s), implemented
  by ``app.store.messages_repo.MessagesRepo`` (passed in by the composition root);
* ``changes``: the read models and change sets it returns and announces;
* ``poll``: its periodic check on a ``Poller`` and the new-message notifications;
* its parts: ``reads`` (every read model, and ``first_screen``, the small
  synchronous read the tab makes before the first paint through
  ``AppServices.messages_first_screen``), ``sync``, ``sender``, ``media``, ``export``.

Nothing is imported here: the tab's first paint loads only ``reads``.
"""
