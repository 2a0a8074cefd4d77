"""Message templates with named placeholders, and how values look in each language."""

from __future__ import annotations

import functools
import string
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..domain.numbers import format_en, format_id
from ..findings import Lang, Text

# Every kind provides these; kinds declare any others they add.
COMMON_PLACEHOLDERS = frozenset(
    {"table", "row", "field", "printed", "expected", "indikator", "tahun", "kode"}
)


@dataclass(frozen=True, slots=True)
class Rupiah:
    """An amount of rupiah: Rp1.834.058.000 / Rp1,834,058,000.

    ``derived``: the report does not print it; it is the sum of a heading row's
    sub-rows, and a message says so ("Rp1.000 (jumlah rinciannya)").
    """

    amount: int
    derived: bool = False


@dataclass(frozen=True, slots=True)
class Percent:
    """A percentage, shown with the given decimals (None: as printed) and a % sign."""

    value: Decimal | int
    decimals: int | None = None


@dataclass(frozen=True, slots=True)
class Localized:
    """Text a kind computes in both languages (a reason, a cause, a date in words)."""

    id: str
    en: str


def display(value: Any, lang: Lang) -> str:
    """A template value as a person reads it in ``lang``."""
    if type(value) is str:  # names and labels, the most common values, show as they are
        return value
    if type(value) is Text or type(value) is Localized:  # table names, reasons
        return value.en if lang == "en" else value.id
    if type(value) is int:  # a year, a count (a bool is not of this exact type)
        return str(value)
    fmt = format_en if lang == "en" else format_id
    if value is None:
        return "(empty)" if lang == "en" else "(kosong)"
    if isinstance(value, _BILINGUAL):
        return value.en if lang == "en" else value.id
    if isinstance(value, Rupiah):
        shown = "Rp" + fmt(value.amount)
        if value.derived:
            shown += " (the sum of its sub-rows)" if lang == "en" else " (jumlah rinciannya)"
        return shown
    if isinstance(value, Percent):
        return fmt(value.value, value.decimals) + "%"
    if isinstance(value, Decimal):
        return fmt(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _SEQUENCES):
        return ", ".join(display(item, lang) for item in value)
    return str(value)


_BILINGUAL = (Localized, Text)
_SEQUENCES = (list, tuple)


def placeholders(template: str) -> list[str]:
    """The placeholder names of a template; raises ValueError for anything but plain names."""
    names = []
    for _, name, spec, conversion in string.Formatter().parse(template):
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            raise ValueError(f"placeholder {{{name}}} must be a plain name like {{printed}}")
        names.append(name)
    return names


def render(template: str, values: dict[str, Any], lang: Lang) -> str:
    """Fill a template (already checked by :func:`placeholders`)."""
    shown = {name: display(values.get(name), lang) for name in _names(template)}
    return template.format_map(shown)


def render_text(template_id: str, template_en: str, values: dict[str, Any]) -> Text:
    """A message in both languages: :func:`render` of each template, each value shown once
    for both (a figure is formatted once; the Indonesian form swaps its separators)."""
    shown_id: dict[str, str] = {}
    shown_en: dict[str, str] = {}
    for name in _pair_names(template_id, template_en):
        shown_id[name], shown_en[name] = display_both(values.get(name))
    return Text(template_id.format_map(shown_id), template_en.format_map(shown_en))


# The English form of a figure with its separators swapped is the Indonesian form.
_TO_ID = str.maketrans({",": ".", ".": ","})


def display_both(value: Any) -> tuple[str, str]:
    """``(display(value, "id"), display(value, "en"))``, sharing the work."""
    if type(value) is str:
        return value, value
    if type(value) is Text or type(value) is Localized:
        return value.id, value.en
    if type(value) is int:
        text = str(value)
        return text, text
    if value is None:
        return "(kosong)", "(empty)"
    if isinstance(value, _BILINGUAL):
        return value.id, value.en
    if isinstance(value, Rupiah):
        figure = format_en(value.amount)
        shown_id, shown_en = "Rp" + figure.translate(_TO_ID), "Rp" + figure
        if value.derived:
            return shown_id + " (jumlah rinciannya)", shown_en + " (the sum of its sub-rows)"
        return shown_id, shown_en
    if isinstance(value, Percent):
        figure = format_en(value.value, value.decimals)
        return figure.translate(_TO_ID) + "%", figure + "%"
    if isinstance(value, Decimal):
        figure = format_en(value)
        return figure.translate(_TO_ID), figure
    if isinstance(value, bool):
        text = "true" if value else "false"
        return text, text
    if isinstance(value, _SEQUENCES):
        pairs = [display_both(item) for item in value]
        return ", ".join(pair[0] for pair in pairs), ", ".join(pair[1] for pair in pairs)
    text = str(value)
    return text, text


# Templates are the rule packs' messages: a few hundred per process, parsed once each.
@functools.lru_cache(maxsize=4096)
def _names(template: str) -> tuple[str, ...]:
    """The placeholder names of a template, each once, in order of first use."""
    return tuple(dict.fromkeys(placeholders(template)))


@functools.lru_cache(maxsize=4096)
def _pair_names(template_id: str, template_en: str) -> tuple[str, ...]:
    """The placeholder names of two templates of one message, each once."""
    return tuple(dict.fromkeys(_names(template_id) + _names(template_en)))
