"""``skip_feature_source_scan``: PySide6 stops reading every imported module's source
(start-up time) and Qt keeps its plain (camelCase, no ``__feature__``) API."""

from __future__ import annotations

import subprocess
import sys
import textwrap

_PROBE = textwrap.dedent(
    """
    import sys
    if sys.argv[1] == "fixed":
        from app.ui.pyside_fix import skip_feature_source_scan
        skip_feature_source_scan()
    from PySide6.QtCore import QObject
    import shibokensupport.feature as feature
    import colorsys  # a module imported after Qt whose source never mentions PySide6
    obj = QObject()
    obj.setObjectName("probe")
    print(feature.pyside_feature_dict["colorsys"], obj.objectName())
    """
)


def _probe(mode: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, mode], capture_output=True, text=True, timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-500:]
    return result.stdout.split()


def test_modules_imported_after_qt_are_not_scanned_and_qt_api_is_unchanged() -> None:
    # Without the fix PySide reads colorsys's source and marks it "ignore" (-1).
    assert _probe("plain") == ["-1", "probe"]
    assert _probe("fixed") == ["0", "probe"]
