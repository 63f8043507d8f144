"""The Fax tab (issue #6): folders, messages, PDF preview, actions, send.

``create_tab`` is what the main window imports (see app/ui/tab_loader.py).
"""

from __future__ import annotations

from app.ui.tabs.fax.pyside_workaround import make_none_immortal

# PySide6 6.12 on Python 3.11 would abort the process after a few thousand Qt
# calls; see pyside_workaround.py. Importing this tab is early enough.
make_none_immortal()
