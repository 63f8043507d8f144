"""PySide6 6.12 on Python 3.11 drops a reference to None/True/False per binding call.

Without ``make_singletons_immortal`` the process aborts ("bool_dealloc") after a few
thousand signal emits; the app applies it when it creates the QApplication.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

_EMIT_MANY = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QCoreApplication, QObject, Signal
    from PySide6.QtWidgets import QWidget
    if sys.argv[1] == "fixed":
        from app.ui.pyside_fix import make_singletons_immortal
        make_singletons_immortal()
    app = QCoreApplication([])
    class Source(QObject):
        changed = Signal(bool)
    source = Source()
    source.changed.connect(lambda value: None)
    for _ in range(20000):
        source.changed.emit(True)
    print("survived")
    """
)


def _run(mode: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _EMIT_MANY, mode],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_many_signal_emits_survive_with_the_fix() -> None:
    result = _run("fixed")
    assert result.returncode == 0, result.stderr[-500:]
    assert "survived" in result.stdout

