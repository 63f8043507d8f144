"""Generate the sandbox's sample media once: ``python tools/make_sandbox_media.py``.

Writes into ``resources/sandbox/``:
- ``voicemail/vmNN.{wav,mp3,wav49.wav,gsm}``: real speech (espeak-ng) of the
  transcripts in ``app/sandbox/datagen_content.py``, 8 kHz mono like phone audio;
  mp3 via lame, GSM 6.10 in WAV ("wav49") and raw GSM via sox.
- ``media/*.jpg|png``: small pictures for MMS (drawn with Qt).
- ``fax/*.pdf``: multi-page business documents (Qt's QPdfWriter).

Needs espeak-ng, sox and lame on PATH and PySide6. Not part of the app: the
sandbox only reads the files this produces.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QMarginsF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import (  # noqa: E402
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from app.sandbox.datagen_content import VOICEMAILS  # noqa: E402
from app.sandbox.resources import FAX_PAGES, VOICEMAIL_CLIPS  # noqa: E402

OUT = ROOT / "resources" / "sandbox"
VOICES = ["en-us+f3", "en-us+m3", "en-us+f2", "en-us+m1", "en-us+f4", "en-us+m7"]


# --- voicemail ------------------------------------------------------------------------


def make_voicemail() -> None:
    folder = OUT / "voicemail"
    folder.mkdir(parents=True, exist_ok=True)
    for index, (clip, (_name, _number, _box, text)) in enumerate(
            zip(VOICEMAIL_CLIPS, VOICEMAILS, strict=True)):
        with tempfile.TemporaryDirectory() as tmp:
            raw = Path(tmp) / "raw.wav"
            subprocess.run(["espeak-ng", "-v", VOICES[index % len(VOICES)], "-s", "175",
                            "-w", str(raw), text], check=True)
            wav = folder / f"{clip}.wav"
            # Phone audio: 8 kHz mono 16-bit, a short pause at both ends.
            subprocess.run(["sox", str(raw), "-r", "8000", "-c", "1", "-b", "16", str(wav),
                            "pad", "0.2", "0.3"], check=True)
            subprocess.run(["lame", "--quiet", "-m", "m", "-b", "16", "--resample", "8",
                            str(wav), str(folder / f"{clip}.mp3")], check=True)
            subprocess.run(["sox", str(wav), "-t", "wav", "-e", "gsm-full-rate",
                            str(folder / f"{clip}.wav49.wav")], check=True)
            subprocess.run(["sox", str(wav), "-t", "gsm", str(folder / f"{clip}.gsm")],
                           check=True)


# --- MMS pictures ------------------------------------------------------------------------


def _picture(name: str, width: int, height: int, background: str, draw: object) -> None:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(background))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    draw(painter)  # type: ignore[operator]
    painter.end()
    path = OUT / "media" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(path), None, 72 if name.endswith(".jpg") else -1)


def _text(p: QPainter, rect: tuple[int, int, int, int], text: str, size: int,
          color: str = "#222", bold: bool = False) -> None:
    font = QFont("DejaVu Sans", size)
    font.setBold(bold)
    p.setFont(font)
    p.setPen(QColor(color))
    p.drawText(QRectF(*rect), int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), text)


def make_pictures() -> None:
    def storefront(p: QPainter) -> None:
        p.fillRect(0, 300, 640, 180, QColor("#8d8d8d"))
        p.fillRect(80, 90, 480, 230, QColor("#f4e3c3"))
        p.fillRect(80, 60, 480, 60, QColor("#7a3b1d"))
        _text(p, (80, 60, 480, 60), "MAPLE STREET BAKERY", 26, "#fff3d6", True)
        for x in (110, 370):
            p.fillRect(x, 150, 160, 110, QColor("#a9d6ef"))
        p.fillRect(290, 170, 60, 150, QColor("#5b2a14"))

    def cake(p: QPainter) -> None:
        p.setBrush(QColor("#5a3420"))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawRoundedRect(170, 200, 300, 160, 20, 20)
        p.setBrush(QColor("#f7d5e0"))
        p.drawRoundedRect(160, 180, 320, 50, 20, 20)
        for i in range(5):
            p.setBrush(QColor(["#e94f64", "#f4b942", "#6cc070"][i % 3]))
            p.drawEllipse(195 + i * 55, 150, 30, 30)
        _text(p, (120, 380, 400, 60), "Happy 40th Dana", 26, "#5a3420", True)

    def receipt(p: QPainter) -> None:
        p.fillRect(60, 20, 360, 560, QColor("#ffffff"))
        _text(p, (60, 30, 360, 40), "ORTEGA FARMS", 22, bold=True)
        lines = ["Eggs, large x 30 doz    $96.00", "Butter 10 kg            $84.50",
                 "Cream 35% x 12 L        $51.60", "", "TOTAL                  $232.10"]
        for i, line in enumerate(lines):
            _text(p, (70, 110 + i * 40, 340, 30), line, 13)

    def van(p: QPainter) -> None:
        p.fillRect(0, 330, 640, 150, QColor("#6f6f6f"))
        p.setBrush(QColor("#ffffff"))
        p.setPen(QPen(QColor("#333"), 3))
        p.drawRoundedRect(120, 170, 380, 160, 15, 15)
        p.drawRect(440, 220, 110, 110)
        p.setBrush(QColor("#222"))
        for x in (180, 470):
            p.drawEllipse(x, 300, 70, 70)
        _text(p, (140, 200, 300, 60), "Maple St Bakery\nDelivery", 18, "#7a3b1d", True)

    def menu(p: QPainter) -> None:
        p.fillRect(30, 30, 420, 540, QColor("#22302a"))
        _text(p, (30, 50, 420, 50), "FALL MENU", 30, "#f4e3c3", True)
        items = ["Pumpkin loaf  $9", "Apple cider donut  $2.50", "Maple pecan tart  $6",
                 "Cinnamon roll  $4", "Sourdough  $8"]
        for i, item in enumerate(items):
            _text(p, (40, 140 + i * 70, 400, 50), item, 18, "#ffffff")

    _picture("storefront.jpg", 640, 480, "#bfe1f5", storefront)
    _picture("cake_order.jpg", 640, 480, "#fdf6ec", cake)
    _picture("receipt.png", 480, 600, "#d9d4c7", receipt)
    _picture("delivery_van.jpg", 640, 480, "#cfe8f7", van)
    _picture("menu_board.png", 480, 600, "#8b5a2b", menu)


# --- fax PDFs ------------------------------------------------------------------------------

_DOCS = {
    "purchase_order.pdf": ("PURCHASE ORDER PO-7731", "Harbor Consulting LLC",
                           ["Croissants, mixed", "Muffins, blueberry", "Coffee cake, 9 in",
                            "Fruit platter, large", "Bagels with cream cheese"]),
    "invoice_2291.pdf": ("INVOICE NF-2291", "Northside Flour Co.",
                         ["Bread flour 20 kg", "Pastry flour 20 kg", "Rye flour 10 kg",
                          "Whole wheat 20 kg", "Delivery fee"]),
    "lease_agreement.pdf": ("COMMERCIAL LEASE AMENDMENT", "Elm Properties Inc.",
                            ["Premises: 412 Maple Street, Unit A", "Term: 36 months",
                             "Base rent: $3,450 per month", "Renewal option: 2 x 36 months",
                             "Signage: permitted on front facade"]),
    "delivery_schedule.pdf": ("WEEKLY DELIVERY SCHEDULE", "Maple Street Bakery",
                              ["Mon 7:00 DiNapoli's - 40 baguettes",
                               "Tue 7:30 Harbor Consulting - pastries",
                               "Wed 6:45 Lincoln School - cookies",
                               "Thu 7:00 DiNapoli's - 40 baguettes",
                               "Fri 8:00 Harbor Consulting - catering"]),
}


def make_faxes() -> None:
    folder = OUT / "fax"
    folder.mkdir(parents=True, exist_ok=True)
    for name, (title, sender, items) in _DOCS.items():
        writer = QPdfWriter(str(folder / name))
        writer.setResolution(100)  # fax-like resolution keeps files small
        letter = QPageSize(QPageSize.PageSizeId.Letter)
        writer.setPageLayout(QPageLayout(letter, QPageLayout.Orientation.Portrait,
                                         QMarginsF(15, 15, 15, 15)))
        writer.setTitle(title)
        painter = QPainter(writer)
        pages = FAX_PAGES[name]
        for page in range(pages):
            if page:
                writer.newPage()
            _fax_page(painter, title, sender, items, page + 1, pages)
        painter.end()


def _fax_page(p: QPainter, title: str, sender: str, items: list[str], page: int,
              pages: int) -> None:
    p.setPen(QColor("#000"))
    p.setFont(QFont("DejaVu Sans", 8))
    p.drawText(0, 12, f"FROM: {sender.upper()}    TO: MAPLE ST BAKERY 617-555-0133    "
                      f"PAGE {page}/{pages}")
    p.drawLine(0, 18, 760, 18)
    p.setFont(QFont("DejaVu Sans", 18, QFont.Weight.Bold))
    p.drawText(0, 70, title if page == 1 else f"{title} (continued)")
    p.setFont(QFont("DejaVu Sans", 11))
    p.drawText(0, 100, sender)
    y = 150
    for round_ in range(2 if page == 1 else 3):
        for i, item in enumerate(items):
            p.drawText(10, y, f"{round_ * len(items) + i + 1:>3}.  {item}")
            if "$" not in item and "Term" not in item:
                p.drawText(560, y, f"{(i + 3) * 7 + page}.00")
            y += 28
        y += 20
    p.drawRect(0, 130, 760, y - 130)
    if page == pages:
        p.drawText(0, y + 60, "Authorized signature: ______________________   Date: ________")
    p.setFont(QFont("DejaVu Sans", 8))
    p.drawText(0, 980, "This fax may contain confidential information. If received in error "
                       "please call 617-555-0100.")


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    make_voicemail()
    make_pictures()
    make_faxes()
    del app
    total = sum(f.stat().st_size for f in OUT.rglob("*") if f.is_file())
    print(f"Wrote {OUT} ({total / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
