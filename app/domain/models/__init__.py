"""Plain data the layers pass around. No I/O here.

Dates are aware UTC datetimes (converted from the provider's US Eastern wall
clock by the api layer). Phone numbers are normalised (see ``phone.normalize``).
``raw`` keeps the API's row for fields a later write must send back unchanged.

One module per area (``balance``, ``messages``, ``voicemail``, ``fax``,
``numbers``), imported one by one: a tab's start builds only its own classes.
"""
