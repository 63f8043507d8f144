"""Full edit of one DID: routing, failovers, POP, mailbox, dial time, CNAM, prefix, note.

The dialog only collects values (``edit()`` returns a ``DidEdit``); saving is
the service's job, so the tab can show the change at once and roll it back.
It is opened with ``open()`` (never ``exec()``: a nested event loop under
qasync would re-enter running coroutines); tests fill the fields and call
``accept()``.

Words (#15.15): what a small-business owner needs is on top (where calls go,
the failovers, how long phones ring, the mailbox, a note); the server (POP),
caller-name lookup, caller-ID prefix and the technical call targets (SIP,
callback, DISA, line tests) are under "Advanced", each explained. "Ring for"
says in words when it is too short for anyone to answer and asks for a second
Save before keeping such a value. "Forward to a number" takes a typed number.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.did_edit import (
    CALLERID_PREFIX_MAX,
    DIALTIME_RANGE,
    NOTE_MAX,
    DidEdit,
    ring_time_warning,
    validate,
)
from app.domain.models.numbers import Did, Server
from app.domain.phone import format_number
from app.domain.routing import Route, RouteKind
from app.domain.routing_labels import TargetLists, target_text
from app.domain.words import Lines
from app.ui import style
from app.ui.i18n import localized, translate
from app.ui.tabs.numbers.routing_editor import RoutingEditor
from app.ui.tabs.numbers.words import ADVANCED_KINDS, ADVANCED_SYSTEM

_ROUTE_FIELDS = ("routing", "failover_busy", "failover_unreachable", "failover_noanswer")


def servers_in_order(servers: Sequence[Server]) -> list[Server]:
    """Recommended servers first, then by name: the choice most people want is on top."""
    return sorted(servers, key=lambda s: (not s.recommended, s.name.casefold()))


class DidEditDialog(QDialog):
    def __init__(
        self,
        did: Did,
        lists: TargetLists,
        servers: Sequence[Server],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("didEditDialog")
        self.did = did
        title = format_number(did.did)
        self.setWindowTitle(translate("DidEditDialog", "Edit {title}").format(title=title))
        # Plain text: the description comes from the provider.
        heading = QLabel(title + (f" — {did.description}" if did.description else ""), self)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self._short_ring_confirmed = False

        self.routing = self._editor(lists, did.routing, "editRouting", allow_none=True)
        self.failover_busy = self._editor(lists, did.failover_busy, "editBusy")
        self.failover_unreachable = self._editor(
            lists, did.failover_unreachable, "editUnreachable"
        )
        self.failover_noanswer = self._editor(lists, did.failover_noanswer, "editNoAnswer")

        self.pop = QComboBox(self)
        self.pop.setObjectName("editPop")
        for server in servers_in_order(servers):
            label = (translate("DidEditDialog", "{name} (recommended)").format(name=server.name)
                     if server.recommended else server.name)
            self.pop.addItem(label, server.pop)
        if self.pop.findData(did.pop) < 0:
            # Servers not loaded, or a POP the list no longer has: keep it as it is.
            self.pop.insertItem(0, translate(
                "DidEditDialog",
                "POP {pop} (current)",
            ).format(pop=did.pop), did.pop)
        self.pop.setCurrentIndex(self.pop.findData(did.pop))

        self.voicemail = QComboBox(self)
        self.voicemail.setObjectName("editVoicemail")
        self.voicemail.addItem(translate("DidEditDialog", "No voicemail"), "")
        for box in lists.get(RouteKind.VOICEMAIL, ()):
            self.voicemail.addItem(target_text(RouteKind.VOICEMAIL, box), box.value)
        if self.voicemail.findData(did.voicemail) < 0:
            self.voicemail.addItem(translate(
                "DidEditDialog",
                "{voicemail} (not in list)",
            ).format(voicemail=did.voicemail), did.voicemail)
        self.voicemail.setCurrentIndex(self.voicemail.findData(did.voicemail))

        self.dialtime = QSpinBox(self)
        self.dialtime.setObjectName("editDialtime")
        self.dialtime.setRange(*DIALTIME_RANGE)
        self.dialtime.setSuffix(" s")
        self.dialtime.setAccessibleName(translate("DidEditDialog", "Ring for, in seconds"))
        low, high = DIALTIME_RANGE
        self.dialtime.setToolTip(translate(
            "DidEditDialog",
            "How long your phones ring before “If no answer” takes over ({low} to {high} seconds)",
        ).format(low=low, high=high))
        self.dialtime.setValue(min(max(did.dialtime, DIALTIME_RANGE[0]), DIALTIME_RANGE[1]))
        self.ring_warning = QLabel(self)
        self.ring_warning.setWordWrap(True)
        self.ring_warning.setTextFormat(Qt.TextFormat.PlainText)
        style.set_look(self.ring_warning, style.ERROR)
        self.dialtime.valueChanged.connect(self._on_dialtime_value_changed)
        self._on_dialtime_value_changed(self.dialtime.value())

        self.cnam = QCheckBox(translate(
            "DidEditDialog",
            "Show callers' names (CNAM lookup)",
        ), self)
        self.cnam.setObjectName("editCnam")
        self.cnam.setToolTip(translate(
            "DidEditDialog",
            "Look up the name registered for the caller's number and show it on your phones "
            "(VoIP.ms may charge per lookup)",
        ))
        self.cnam.setChecked(did.cnam)

        self.callerid_prefix = QLineEdit(did.callerid_prefix, self)
        self.callerid_prefix.setObjectName("editPrefix")
        self.callerid_prefix.setMaxLength(CALLERID_PREFIX_MAX)
        self.callerid_prefix.setPlaceholderText(translate(
            "DidEditDialog",
            "Shown before the caller's name, e.g. SALES",
        ))
        self.callerid_prefix.setToolTip(translate(
            "DidEditDialog",
            "A word shown before the caller's name on your phones, so you know which number they "
            "called",
        ))
        self.pop.setToolTip(translate(
            "DidEditDialog",
            "The VoIP.ms server (point of presence) that handles this number's calls: the one "
            "nearest your phones sounds best",
        ))

        self.note = QLineEdit(did.note, self)
        self.note.setObjectName("editNote")
        self.note.setMaxLength(NOTE_MAX)

        self.note.setPlaceholderText(translate("DidEditDialog", "For you, e.g. Main line"))

        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        style.set_look(self.problem, style.ERROR)
        self.problem.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(translate("DidEditDialog", "Calls &go to"), self.routing)
        form.addRow(translate("DidEditDialog", "If no &answer"), self.failover_noanswer)
        form.addRow(translate("DidEditDialog", "If &busy"), self.failover_busy)
        form.addRow(translate("DidEditDialog", "If &unreachable"), self.failover_unreachable)
        form.addRow(translate("DidEditDialog", "&Ring for"), self.dialtime)
        form.addRow("", self.ring_warning)
        form.addRow(translate("DidEditDialog", "&Voicemail box"), self.voicemail)
        form.addRow(translate("DidEditDialog", "&Note"), self.note)
        self._label_tip(form, self.failover_unreachable,
                        translate("DidEditDialog",
                            "When the phone is offline or cannot be reached"))

        self.advanced_button = QToolButton(self)
        self.advanced_button.setObjectName("editAdvancedToggle")
        self.advanced_button.setText(translate("DidEditDialog", "Advanced"))
        self.advanced_button.setCheckable(True)
        self.advanced_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_button.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced_button.setAutoRaise(True)
        self.advanced_button.toggled.connect(self.show_advanced)
        self.advanced = QWidget(self)
        self.advanced.setObjectName("editAdvanced")
        advanced_form = QFormLayout(self.advanced)
        advanced_form.setContentsMargins(0, 0, 0, 0)
        advanced_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        advanced_form.addRow(translate("DidEditDialog", "Server (POP)"), self.pop)
        advanced_form.addRow("", self.cnam)
        advanced_form.addRow(translate("DidEditDialog", "Caller-ID prefix"), self.callerid_prefix)
        hint = QLabel(translate(
            "DidEditDialog",
            "Call targets for technical set-ups (SIP address, call back, DISA) and the line tests "
            "are now offered in the lists above.",
        ), self.advanced)
        hint.setWordWrap(True)
        style.set_look(hint, style.MUTED)
        advanced_form.addRow("", hint)
        self.advanced.hide()
        if self._uses_advanced(did):
            self.advanced_button.setChecked(True)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.advanced_button)
        layout.addWidget(self.advanced)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(600)

    def _editor(self, lists: TargetLists, route: Route, name: str, *,
                allow_none: bool = True) -> RoutingEditor:
        editor = RoutingEditor(self, allow_none=allow_none, allow_new_number=True,
                               advanced=False)
        editor.setObjectName(name)
        editor.set_lists(lists)
        editor.set_route(route)
        return editor

    @staticmethod
    def _label_tip(form: QFormLayout, field: QWidget, tip: str) -> None:
        label = form.labelForField(field)
        if label is not None:
            label.setToolTip(tip)

    @staticmethod
    def _uses_advanced(did: Did) -> bool:
        """Open "Advanced" at once when the number already uses something in it."""
        routes = (did.routing, did.failover_busy, did.failover_unreachable,
                  did.failover_noanswer)
        return any(r.kind in ADVANCED_KINDS
                   or (r.kind is RouteKind.SYSTEM and r.value in ADVANCED_SYSTEM)
                   for r in routes) or bool(did.callerid_prefix)

    def routing_editors(self) -> tuple[RoutingEditor, ...]:
        return (self.routing, self.failover_busy, self.failover_unreachable,
                self.failover_noanswer)

    def show_advanced(self, shown: bool) -> None:
        """Show or hide the "Advanced" section (and the advanced call targets)."""
        if self.advanced_button.isChecked() != shown:
            self.advanced_button.setChecked(shown)  # comes back here through toggled
            return
        self.advanced_button.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.advanced.setVisible(shown)
        for editor in self.routing_editors():
            editor.set_advanced(shown)
        self.adjustSize()

    def _on_dialtime_value_changed(self, seconds: int) -> None:
        warning = ring_time_warning(seconds)
        self.ring_warning.setText(warning)
        self.ring_warning.setVisible(bool(warning))
        self._short_ring_confirmed = False
        if hasattr(self, "buttons"):
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(translate(
                "DidEditDialog",
                "Save",
            ))

    def edit(self) -> DidEdit:
        """Every field's value; the service sends only what differs from the DID."""
        typed = tuple((name, editor.new_number())
                      for name, editor in zip(_ROUTE_FIELDS, self.routing_editors(), strict=True)
                      if editor.typing_number())
        return DidEdit(
            routing=self.routing.route(),
            failover_busy=self.failover_busy.route(),
            failover_unreachable=self.failover_unreachable.route(),
            failover_noanswer=self.failover_noanswer.route(),
            pop=str(self.pop.currentData()),
            voicemail=str(self.voicemail.currentData() or ""),
            dialtime=self.dialtime.value(),
            cnam=self.cnam.isChecked(),
            callerid_prefix=self.callerid_prefix.text().strip(),
            note=self.note.text().strip(),
            forward_to_new=typed,
        )

    def accept(self) -> None:
        """Refuse to close on an edit the provider would refuse anyway, and say why."""
        edit = self.edit()
        problems = validate(edit)
        if problems:
            self.problem.setText(localized(Lines(problems)))
            self.problem.show()
            return
        short = ring_time_warning(self.dialtime.value())
        if short and self.dialtime.value() != self.did.dialtime and not self._short_ring_confirmed:
            # Allowed, but never silently: a second Save keeps it.
            self._short_ring_confirmed = True
            self.problem.setText(translate(
                "DidEditDialog",
                "{short}\nPress “Save anyway” to keep it.",
            ).format(short=short))
            self.problem.show()
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(translate(
                "DidEditDialog",
                "Save anyway",
            ))
            self.dialtime.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()
