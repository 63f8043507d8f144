"""``--snapshot`` pictures what a user works on (issue #15: the screenshots show a
conversation open, a fax shown and a routing edit): ``TabBase.showcase``."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from app.ui.tabs.numbers.edit_dialog import DidEditDialog


def test_showcase_opens_a_conversation_a_fax_and_a_routing_editor(
    main_window: Any, qtbot: QtBot, arun: Any
) -> None:
    for key in ("messages", "fax", "numbers"):
        main_window.show_tab(key)
        tab = main_window.tabs[key]
        arun(tab.refresh())

    messages = main_window.tabs["messages"]
    main_window.show_tab("messages")
    assert arun(messages.showcase()) == []
    assert messages._open is not None
    assert messages.pane.isVisible() and messages.pane.model.rowCount() > 0

    fax = main_window.tabs["fax"]
    main_window.show_tab("fax")
    assert arun(fax.showcase()) == []
    shown = fax.selected_fax()
    assert shown is not None and fax.preview.page_count() > 0

    numbers = main_window.tabs["numbers"]
    main_window.show_tab("numbers")
    pictures = arun(numbers.showcase())
    assert [name for name, _ in pictures] == ["numbers-edit"]
    dialog = pictures[0][1]
    assert isinstance(dialog, DidEditDialog) and dialog.isVisible()
    assert dialog.did.did == numbers.selected_dids()[0].did
    dialog.reject()
