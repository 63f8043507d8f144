"""The main window against the sandbox: tabs, badges, balance, status bar, sign out."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.sandbox import SandboxServer
from app.ui import tab_loader
from app.ui.tab_loader import TABS


def _start(qtbot: QtBot, window: Any) -> dict[str, str | None]:
    with qtbot.waitSignal(window.initial_load_finished, timeout=20_000) as blocker:
        window.start()
    results = blocker.args[0]
    assert isinstance(results, dict)
    return results


def test_window_shows_tabs_and_balance(qtbot: QtBot, main_window: Any) -> None:
    results = _start(qtbot, main_window)
    assert [main_window.tab_widget.tabText(i).split(" (")[0] for i in range(len(TABS))] == [
        title for _, title in TABS
    ]
    assert set(results) == {key for key, _ in TABS}
    assert main_window.balance_widget.amount.text() == "$47.32"
    detail = main_window.balance_widget.detail.text()
    assert "spent today" in detail and "5 calls today" in detail
    assert "days left" in detail  # the 30-day forecast (getTransactionHistory)
    assert not main_window.balance_widget.warning.isVisible()
    # Every tab is the real one from its own package (there are no placeholders).
    for key in results:
        assert type(main_window.tabs[key]).__module__.startswith(f"app.ui.tabs.{key}"), key
    failed = [k for k, e in results.items() if e]
    if failed:
        assert main_window.error_label.isVisible()
    else:
        assert main_window.sync_label.text().startswith("Up to date")


def test_only_the_shown_tab_is_built_before_start(qtbot: QtBot, main_window: Any) -> None:
    assert list(main_window.tabs) == [main_window.ctx.settings.last_tab]
    main_window.show_tab("numbers")
    assert main_window.current_key() == "numbers"
    assert set(main_window.tabs) == {main_window.ctx.settings.last_tab, "numbers"}
    main_window.ensure_all_tabs()
    assert list(main_window.tabs) == [key for key, _ in TABS]
    assert main_window.current_key() == "numbers"


def test_a_tab_that_fails_to_import_or_build_is_a_bug_not_a_placeholder(
    main_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The exception reaches the caller (and so the crash handler); no tab stands in.
    def broken_import() -> Any:
        raise ImportError("No module named 'app.ui.tabs.numbers.broken'")

    def broken_factory() -> Any:
        def create_tab(ctx: Any, parent: Any) -> Any:
            raise RuntimeError("tab constructor bug")

        return create_tab

    monkeypatch.setitem(tab_loader._FACTORIES, "numbers", broken_import)
    with pytest.raises(ImportError, match="broken"):
        main_window.show_tab("numbers")
    monkeypatch.setitem(tab_loader._FACTORIES, "numbers", broken_factory)
    with pytest.raises(RuntimeError, match="tab constructor bug"):
        main_window.show_tab("numbers")
    assert "numbers" not in main_window.tabs


def test_every_tab_is_imported_by_a_static_import_statement() -> None:
    # What PyInstaller follows: ``from app.ui.tabs.<key> import create_tab`` in
    # tab_loader, one per tab, and a factory for each tab of the bar.
    import ast
    from pathlib import Path

    tree = ast.parse(Path(tab_loader.__file__).read_text(encoding="utf-8"))
    imported = {
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and [a.name for a in node.names] == ["create_tab"]
    }
    assert imported == {f"app.ui.tabs.{key}" for key, _ in TABS}
    assert set(tab_loader._FACTORIES) == {key for key, _ in TABS}


def test_badges_follow_the_tabs(qtbot: QtBot, main_window: Any) -> None:
    main_window.ensure_all_tabs()
    tab = main_window.tabs["messages"]
    tab.badge_changed.emit(3)
    index = main_window.tab_widget.indexOf(tab)
    assert main_window.tab_widget.tabText(index) == f"{tab.title} (3)"
    tab.badge_changed.emit(0)
    assert main_window.tab_widget.tabText(index) == tab.title


def test_balance_refresh_and_low_warning(
    qtbot: QtBot, main_window: Any, sandbox: SandboxServer
) -> None:
    _start(qtbot, main_window)
    sandbox.state.balance = Decimal("3.104")
    qtbot.mouseClick(main_window.balance_widget.refresh_button, _left())
    qtbot.waitUntil(lambda: main_window.balance_widget.amount.text() == "$3.10", timeout=10_000)
    assert main_window.balance_widget.warning.isVisible()
    assert "$5.00" in main_window.balance_widget.warning.text()
    assert main_window.ctx.notifier.history == [
        ("Low VoIP.ms balance", "The balance is $3.10, under the $5.00 warning level.")
    ]
    # Turning the warning off (threshold 0) hides it on the next figure. The button
    # is enabled again once the first refresh has finished (it also saves the figure).
    main_window.ctx.settings.low_balance_warning = 0.0
    qtbot.waitUntil(main_window.balance_widget.refresh_button.isEnabled, timeout=5_000)
    qtbot.mouseClick(main_window.balance_widget.refresh_button, _left())
    qtbot.waitUntil(lambda: not main_window.balance_widget.warning.isVisible(), timeout=10_000)


def test_a_narrow_window_gives_the_balance_line_the_room_of_the_names(
    qtbot: QtBot, main_window: Any
) -> None:
    """At the narrowest the window goes, the balance line beside the app's name and
    the account had ~70 px: eight lines, a header taller than the list under it.
    The name and the account (in the title bar too) step aside for it."""
    _start(qtbot, main_window)
    detail = main_window.balance_widget.detail
    qtbot.waitUntil(lambda: "days left" in detail.text(), timeout=10_000)
    main_window.resize(1200, 700)
    qtbot.waitUntil(lambda: main_window.width() >= 1100)
    qtbot.waitUntil(main_window.header_names.isVisible)
    main_window.resize(main_window.minimumSizeHint().width(), 500)
    qtbot.waitUntil(lambda: not main_window.header_names.isVisible())
    line = detail.fontMetrics().lineSpacing()
    qtbot.waitUntil(lambda: detail.height() <= 3 * line, timeout=5_000)
    assert detail.width() >= main_window.balance_widget.comfortable_width() - \
        main_window.balance_widget.minimumSizeHint().width() - 40
    assert main_window.account_label.text() in main_window.windowTitle()
    main_window.resize(1200, 700)
    qtbot.waitUntil(main_window.header_names.isVisible)


def test_balance_failure_keeps_figure_and_reports_in_status_bar(
    qtbot: QtBot, main_window: Any, sandbox: SandboxServer, user_messages: Any
) -> None:
    _start(qtbot, main_window)
    sandbox.state.api_enabled = False  # a status error: not retried, so the test stays fast
    qtbot.mouseClick(main_window.balance_widget.refresh_button, _left())
    qtbot.waitUntil(lambda: main_window.error_label.text().startswith("Balance:"), timeout=15_000)
    assert main_window.balance_widget.amount.text() == "$47.32"
    assert "could not update" in main_window.balance_widget.detail.text()
    # Enabled again once the failed fetch has unwound (a moment after ``failed``).
    qtbot.waitUntil(main_window.balance_widget.refresh_button.isEnabled, timeout=5_000)
    assert user_messages.texts == []  # a background failure is no dialog


def test_sign_out_asks_then_signals(qtbot: QtBot, main_window: Any, user_messages: Any) -> None:
    user_messages.answer = False
    main_window.sign_out_action.trigger()
    qtbot.waitUntil(lambda: len(user_messages) == 1)
    user_messages.answer = True
    with qtbot.waitSignal(main_window.sign_out_requested, timeout=5_000):
        main_window.sign_out_action.trigger()
    assert len(user_messages) == 2 and "Sign out" in user_messages[0].text


def test_closing_saves_last_tab(qtbot: QtBot, main_window: Any) -> None:
    main_window.show_tab("fax")
    with qtbot.waitSignal(main_window.closed, timeout=5_000):
        main_window.close()
    assert main_window.ctx.settings.last_tab == "fax"
    assert main_window.ctx.settings.window_geometry


def _left() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_money_and_today_texts() -> None:
    from app.domain.models.balance import Balance
    from app.ui.widgets.balance import format_money, today_text

    assert format_money(Decimal("1234.5")) == "$1,234.50"
    assert format_money(Decimal("-0.456")) == "-$0.46"
    today = today_text(Balance(Decimal(1), Decimal("0.1205"), 1))
    assert today == "$0.12 spent today · 1 call today"
    assert today_text(Balance(Decimal(1))) == ""


def test_last_balance_is_kept_and_shown_at_once_next_time(
    qtbot: QtBot, app_context: Any, sandbox: SandboxServer, arun: Any
) -> None:
    from app.services.balance.service import BalanceService
    from app.ui.main_window import MainWindow

    first = BalanceService(app_context.api, app_context.settings, app_context.db)
    arun(first.refresh())
    first.stop()
    # The next run starts offline, with a warning level above the kept figure.
    sandbox.state.api_enabled = False
    app_context.settings.low_balance_warning = 100.0
    again = BalanceService(app_context.api, app_context.settings, app_context.db)
    again.load_cached()
    assert again.from_cache and again.balance == first.balance
    assert again.fetched_at == first.fetched_at
    window = MainWindow(app_context, again, account_label="owner@example.com")
    qtbot.addWidget(window)
    window.show()
    try:
        # Before any network answer: the kept figure, when it was fetched, the warning.
        assert window.balance_widget.amount.text() == "$47.32"
        assert window.balance_widget.detail.text().endswith(
            f"updated {first.fetched_at.astimezone():%H:%M}"  # type: ignore[union-attr]
        )
        assert window.balance_widget.warning.isVisible()
        assert app_context.notifier.history == []  # no notification for an old figure
        with qtbot.waitSignal(again.failed, timeout=15_000):
            window.balance_widget.refresh_button.click()
        assert window.balance_widget.amount.text() == "$47.32"
        assert "could not update" in window.balance_widget.detail.text()
    finally:
        again.stop()
        window.close()
