"""The view's per-report indexes give what a scan of its rows gives."""

from __future__ import annotations

from decimal import Decimal

from sakip_validate.domain.tables import table_name
from sakip_validate.domain.view import ReportView


def _view() -> ReportView:
    rows = [
        {"indikator": "IK1", "target": Decimal("80"), "realisasi": Decimal("81")},
        {"indikator": "IK2", "target": Decimal("70")},
        {"indikator": "IK1", "target": Decimal("85")},  # a repeated key: the first counts
    ]
    return ReportView(
        {
            "laporan": {"tahun_anggaran": 2021},
            "indikator": [{"id": "IK1", "nama": "Satu"}, {"id": "IK2", "nama": "Dua"}],
            "tabel": {"capaian": {"nomor": "3.2", "baris": rows}},
        }
    )


def test_first_row_is_the_first_row_of_the_key() -> None:
    view = _view()
    for key in [("IK1", 2021), ("IK2", 2021), ("IK3", 2021), ("IK1", 2020)]:
        scanned = next((row for row in view.rows("capaian") if row.key == key), None)
        assert view.first_row("capaian", key) is scanned
    assert view.first_row("capaian", ("IK1", 2021)).pointer == "/tabel/capaian/baris/0"


def test_first_row_of_an_unhashable_key_is_none() -> None:
    assert _view().first_row("capaian", (["not", "an", "id"], 2021)) is None


def test_indicator_rows_in_document_order() -> None:
    view = _view()
    assert [row.pointer for row in view.indicator_rows("capaian", "IK1")] == [
        "/tabel/capaian/baris/0",
        "/tabel/capaian/baris/2",
    ]
    assert view.indicator_rows("capaian", "IK9") == []
    assert view.indicator_rows("iku", "IK1") == []


def test_cached_labels_and_indicators_are_what_the_data_gives() -> None:
    view = _view()
    assert view.table_label("capaian") == table_name(view.data, "capaian")
    assert view.table_label("iku") == table_name(view.data, "iku")
    assert view.indicators is view.indicators
    assert list(view.indicators) == ["IK1", "IK2"]
