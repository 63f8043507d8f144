"""How the UI writes dates, times, durations and money, in the UI's language (#15.14, #17.5).

Every list writes a date the same way (Voicemail, Calls, Fax...): ``list_date``.
English keeps the words it always had ("Today 10:24", "Mar 2 10:24"), with a
12-hour clock when the system locale uses one ("Today 6:43 PM"); French writes
"aujourd'hui 10:24", "hier 18:43", "5 déc. 10:24" and "47,32 $"
(``app.ui.i18n.current()`` decides; Qt's ``QLocale`` knows the month names).
"""

from __future__ import annotations

from datetime import date, datetime, time, tzinfo
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate, QTime

from app.ui import i18n


def clock(moment: datetime | time) -> str:
    """The time of day: ``18:43``, or ``6:43 PM`` on a 12-hour system (English)."""
    lang = i18n.current()
    if not lang.hour12:
        return f"{moment.hour:02d}:{moment.minute:02d}"
    return lang.locale.toString(QTime(moment.hour, moment.minute), "h:mm AP")


def day_month(day: date) -> str:
    """``Mar 2`` / ``2 mars``: a day of this year."""
    lang = i18n.current()
    if lang.french:
        return lang.locale.toString(QDate(day.year, day.month, day.day), "d MMM")
    return f"{day:%b} {day.day}"


def day_month_year(day: date) -> str:
    """``Mar 2, 2025`` / ``2 mars 2025``."""
    if i18n.current().french:
        return f"{day_month(day)} {day.year}"
    return f"{day_month(day)}, {day.year}"


def list_day(day: date, today: date) -> str:
    """``Mar 2`` this year, ``Mar 2, 2025`` another: a day as the lists write it."""
    return day_month(day) if day.year == today.year else day_month_year(day)


def weekday(day: date, *, short: bool = False) -> str:
    """``Monday`` / ``lundi`` (``Mon`` / ``lun.`` when ``short``)."""
    lang = i18n.current()
    if lang.french:
        return lang.locale.toString(QDate(day.year, day.month, day.day), "ddd" if short else "dddd")
    return f"{day:%a}" if short else f"{day:%A}"


def long_date_time(moment: datetime) -> str:
    """A full date: ``Monday, March 02, 2026, 18:43:10`` / ``lundi 2 mars 2026, 18:43:10``."""
    lang = i18n.current()
    if lang.french:
        qdate = QDate(moment.year, moment.month, moment.day)
        return f"{lang.locale.toString(qdate, 'dddd d MMMM yyyy')}, {moment:%H:%M:%S}"
    return moment.strftime("%A, %B %d, %Y, %H:%M:%S")


def list_date(moment: datetime | None, now: datetime, tz: tzinfo | None = None) -> str:
    """In the user's zone: ``Today 10:24``, ``Yesterday 18:02``, ``Mar 2 10:24``,
    ``Mar 2, 2025 10:24`` for other years. ``tz=None`` is the computer's zone."""
    if moment is None:
        return QCoreApplication.translate("dates", "Unknown date")
    local = moment.astimezone(tz)
    today = now.astimezone(tz).date()
    at = clock(local)
    days = (today - local.date()).days
    if days == 0:
        return QCoreApplication.translate("dates", "Today {time}").format(time=at)
    if days == 1:
        return QCoreApplication.translate("dates", "Yesterday {time}").format(time=at)
    return f"{list_day(local.date(), today)} {at}"


def in_sentence(moment: datetime, now: datetime | None = None) -> str:
    """A moment inside a sentence ("Last checked {when}"): ``at 20:56`` today,
    ``on Dec 4 at 20:56`` another day (with the year for another year); French
    ``à 20:56``, ``le 4 déc. à 20:56``. In the computer's zone."""
    local = moment.astimezone()
    today = (now or datetime.now().astimezone()).astimezone().date()
    at = clock(local)
    if local.date() == today:
        return QCoreApplication.translate("dates", "at {time}").format(time=at)
    return QCoreApplication.translate("dates", "on {day} at {time}").format(
        day=list_day(local.date(), today), time=at)


def list_date_samples(*, other_years: bool = True) -> list[str]:
    """The longest texts of each form ``list_date`` writes, in the UI's language, to
    size a date column by (``max(..., key=metrics.horizontalAdvance)``): "Today"
    is "aujourd'hui" in French, longer than the "Yesterday" the Voicemail column
    was sized by, so today's messages, the ones that matter, were cut short."""
    at = clock(time(23, 59))  # "11:59 PM" on a 12-hour clock
    samples = [
        QCoreApplication.translate("dates", "Today {time}").format(time=at),
        QCoreApplication.translate("dates", "Yesterday {time}").format(time=at),
    ]
    for month in range(1, 13):  # the months' short names differ in length ("juill.")
        day = date(2026, month, 28)
        samples.append(f"{day_month(day)} {at}")
        if other_years:
            samples.append(f"{day_month_year(day)} {at}")
    return samples


def money(amount: Decimal | float, places: int = 2) -> str:
    """``$1,234.56`` / ``-$5.00``; French ``1 234,56 $`` (the locale's separators)."""
    lang = i18n.current()
    value = Decimal(amount)
    if lang.french:
        return lang.locale.toCurrencyString(float(value), "$", places)
    sign = "-" if value < 0 else ""
    return f"{sign}${abs(value):,.{places}f}"


def number(value: float, places: int = 0) -> str:
    """``1,234.5`` / ``1 234,5``: a figure in the UI's language."""
    lang = i18n.current()
    if lang.french:
        return lang.locale.toString(float(value), "f", places)
    return f"{value:,.{places}f}"


def long_day(day: date, *, with_year: bool = False) -> str:
    """A day header: ``Monday, March 2`` / ``lundi 2 mars``; with the year (other
    years): ``March 2, 2025`` / ``2 mars 2025``."""
    lang = i18n.current()
    if lang.french:
        qdate = QDate(day.year, day.month, day.day)
        return lang.locale.toString(qdate, "d MMMM yyyy" if with_year else "dddd d MMMM")
    return f"{day:%B} {day.day}, {day.year}" if with_year else f"{day:%A, %B} {day.day}"
