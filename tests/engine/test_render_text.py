"""render_text and display_both show every value exactly as display does in each language."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from sakip_validate.engine.templates import (
    Localized,
    Percent,
    Rupiah,
    display,
    display_both,
    render,
    render_text,
)
from sakip_validate.findings import Text

VALUES: list[Any] = [
    None,
    "Laju IKM",
    2021,
    -12345678,
    10**30,
    True,
    False,
    Decimal("1234.5678"),
    Decimal("-0.00"),
    Decimal("1E+3"),
    Decimal("1e-7"),
    Decimal("12345678901234567890.12"),
    Rupiah(1834058000),
    Rupiah(-5, derived=True),
    Rupiah(0),
    Percent(Decimal("99.935"), 2),
    Percent(Decimal("5")),
    Percent(12345, 1),
    Text("Tabel 3.2", "Table 3.2"),
    Localized("sebab", "cause"),
    [Decimal("1.5"), "a", Rupiah(1000)],
    (1, Decimal("2.50")),
    {"a": 1},
]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_display_both_is_display_in_each_language(value: Any) -> None:
    assert display_both(value) == (display(value, "id"), display(value, "en"))


def test_render_text_is_render_in_each_language() -> None:
    values = {"printed": Rupiah(1500000), "expected": Percent(Decimal("99.5"), 2), "row": "A"}
    template_id = "{row}: {printed} bukan {expected}"
    template_en = "{row}: {expected} not {printed} ({table})"
    assert render_text(template_id, template_en, values) == Text(
        render(template_id, values, "id"), render(template_en, values, "en")
    )
