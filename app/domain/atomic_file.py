"""Writing a file so that it appears whole or not at all.

A temporary file beside the target, renamed over it (``os.replace`` is atomic on
one file system): a crash, a full disk or a kill mid-write leaves the old file or
nothing, never half a voicemail, fax or export. It lives in ``domain`` because
that is the one package the API layer and the services may both import.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, data: bytes | str, *, prefix: str = ".part-") -> None:
    """Write ``data`` (``str``: UTF-8, newlines as given) to ``path``, creating its
    folder; the temporary file is removed if anything fails."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, partial = tempfile.mkstemp(dir=path.parent, prefix=prefix)
    try:
        if isinstance(data, str):
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as text_file:
                text_file.write(data)
        else:
            with os.fdopen(fd, "wb") as binary_file:
                binary_file.write(data)
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
