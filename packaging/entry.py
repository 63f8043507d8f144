"""The bundle's entry point: ``switchboard`` as ``python -m app`` would run it.

PyInstaller runs its script as ``__main__``; going through ``app.__main__``
keeps that module importable under its own name inside the bundle.
"""

import sys

from app.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
