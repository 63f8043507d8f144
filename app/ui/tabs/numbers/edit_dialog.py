"""Full edit of one DID: routing, failovers, POP, mailbox, dial time, CNAM, prefix, note.

The dialog only collects values (``edit()`` returns a ``DidEdit``); saving is
the service's job, so the tab can show the change at once and roll it back.
It is opened with ``open()`` (never ``exec()``: a nested event loop under
qasync would re-enter running coroutines); tests fill the fields and call
``accept()``.
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
    QVBoxLayout,
    QWidget,
)

from app.domain.did_edit import CALLERID_PREFIX_MAX, DIALTIME_RANGE, NOTE_MAX, DidEdit, validate
from app.domain.models.numbers import Did, Server
from app.domain.phone import format_number
from app.domain.routing import Route, RouteKind
from app.domain.routing_labels import TargetLists, target_text
from app.domain.sms_text import escape_rich_text
from app.ui.tabs.numbers.routing_editor import RoutingEditor


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
        self.setWindowTitle(f"Edit {title}")
        about = f" — {escape_rich_text(did.description)}" if did.description else ""  # outside text
        heading = QLabel(f"<b>{title}</b>{about}")
        heading.setTextFormat(Qt.TextFormat.RichText)

        self.routing = self._editor(lists, did.routing, "editRouting", allow_none=True)
        self.failover_busy = self._editor(lists, did.failover_busy, "editBusy")
        self.failover_unreachable = self._editor(
            lists, did.failover_unreachable, "editUnreachable"
        )
        self.failover_noanswer = self._editor(lists, did.failover_noanswer, "editNoAnswer")

        self.pop = QComboBox(self)
        self.pop.setObjectName("editPop")
        for server in servers_in_order(servers):
            suffix = " (recommended)" if server.recommended else ""
            self.pop.addItem(f"{server.name}{suffix}", server.pop)
        if self.pop.findData(did.pop) < 0:
            # Servers not loaded, or a POP the list no longer has: keep it as it is.
            self.pop.insertItem(0, f"POP {did.pop} (current)", did.pop)
        self.pop.setCurrentIndex(self.pop.findData(did.pop))

        self.voicemail = QComboBox(self)
        self.voicemail.setObjectName("editVoicemail")
        self.voicemail.addItem("No voicemail", "")
        for box in lists.get(RouteKind.VOICEMAIL, ()):
            self.voicemail.addItem(target_text(RouteKind.VOICEMAIL, box), box.value)
        if self.voicemail.findData(did.voicemail) < 0:
            self.voicemail.addItem(f"{did.voicemail} (not in list)", did.voicemail)
        self.voicemail.setCurrentIndex(self.voicemail.findData(did.voicemail))

        self.dialtime = QSpinBox(self)
        self.dialtime.setObjectName("editDialtime")
        self.dialtime.setRange(*DIALTIME_RANGE)
        self.dialtime.setSuffix(" s")
        self.dialtime.setValue(min(max(did.dialtime, DIALTIME_RANGE[0]), DIALTIME_RANGE[1]))

        self.cnam = QCheckBox("Look up caller names (CNAM)", self)
        self.cnam.setObjectName("editCnam")
        self.cnam.setChecked(did.cnam)

        self.callerid_prefix = QLineEdit(did.callerid_prefix, self)
        self.callerid_prefix.setObjectName("editPrefix")
        self.callerid_prefix.setMaxLength(CALLERID_PREFIX_MAX)
        self.callerid_prefix.setPlaceholderText("Shown before the caller's name, e.g. SALES")

        self.note = QLineEdit(did.note, self)
        self.note.setObjectName("editNote")
        self.note.setMaxLength(NOTE_MAX)

        self.problem = QLabel(self)
        self.problem.setObjectName("editProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Calls go to", self.routing)
        form.addRow("If busy", self.failover_busy)
        form.addRow("If unreachable", self.failover_unreachable)
        form.addRow("If no answer", self.failover_noanswer)
        form.addRow("POP (server)", self.pop)
        form.addRow("Voicemail box", self.voicemail)
        form.addRow("Ring for", self.dialtime)
        form.addRow("", self.cnam)
        form.addRow("Caller-ID prefix", self.callerid_prefix)
        form.addRow("Note", self.note)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def _editor(self, lists: TargetLists, route: Route, name: str, *,
                allow_none: bool = True) -> RoutingEditor:
        editor = RoutingEditor(self, allow_none=allow_none)
        editor.setObjectName(name)
        editor.set_lists(lists)
        editor.set_route(route)
        return editor

    def edit(self) -> DidEdit:
        """Every field's value; the service sends only what differs from the DID."""
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
        )

    def accept(self) -> None:
        """Refuse to close on an edit the provider would refuse anyway, and say why."""
        problems = validate(self.edit())
        if problems:
            self.problem.setText("\n".join(problems))
            self.problem.show()
            return
        super().accept()
