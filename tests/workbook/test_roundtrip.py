"""The reference example exported to the template and read back: same data, same findings."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from sakip_validate.api import check_file
from sakip_validate.reading import read_bytes, read_path
from sakip_validate.workbook.layout import layout
from sakip_validate.workbook.toml_out import to_json, to_toml
from sakip_validate.workbook.writer import ExportError, write_workbook

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def typed(value: object) -> object:
    """The value with every scalar's type and text, dict order aside: 79.70 is not 79.7."""
    if isinstance(value, dict):
        return sorted((k, typed(v)) for k, v in value.items())
    if isinstance(value, list):
        return [typed(v) for v in value]
    return (type(value).__name__, str(value))


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    source = EXAMPLES / "jatinegara-2021.toml"
    target = tmp_path_factory.mktemp("roundtrip") / "jatinegara-2021.xlsx"
    write_workbook(target, read_path(source).data)
    return source, target


def test_same_data(exported: tuple[Path, Path]) -> None:
    source, target = exported
    original = read_path(source).data
    back = read_path(target)
    assert back.data == original
    assert typed(back.data) == typed(original)  # same types and printed decimals, too
    assert back.notes == ()


def test_same_findings_located_by_cell(exported: tuple[Path, Path]) -> None:
    source, target = exported
    expected = check_file(source).findings
    found = check_file(target).findings
    assert expected
    assert {(f.rule, f.location.pointer) for f in found} == {
        (f.rule, f.location.pointer) for f in expected
    }
    for finding in found:
        assert finding.location.cell, finding
        assert finding.location.line is None
        assert finding.location.display().startswith(f"{target}:")


def test_corrected_example_stays_clean(tmp_path: Path) -> None:
    source = EXAMPLES / "jatinegara-2021-corrected.toml"
    target = tmp_path / "corrected.xlsx"
    write_workbook(target, read_path(source).data)
    assert read_path(target).data == read_path(source).data
    assert check_file(target).findings == []


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_import_gives_the_same_data(exported: tuple[Path, Path], fmt: str) -> None:
    source, target = exported
    document = read_path(target)
    text = (
        to_toml(document.data, document.cells or {}, target.name)
        if fmt == "toml"
        else (to_json(document.data))
    )
    again = read_bytes(text.encode(), f"x.{fmt}", fmt)  # type: ignore[arg-type]
    assert again.data == read_path(source).data
    assert typed(again.data) == typed(read_path(source).data)


def test_import_comments_name_the_source_cells(exported: tuple[Path, Path]) -> None:
    _, target = exported
    document = read_path(target)
    text = to_toml(document.data, document.cells or {}, target.name)
    assert "tahun_anggaran = 2021  # Identitas!B" in text
    assert "# Capaian!" in text and "# Anggaran!" in text


def test_template_is_deterministic() -> None:
    first, second = io.BytesIO(), io.BytesIO()
    write_workbook(first)
    write_workbook(second)
    assert first.getvalue() == second.getvalue()


def test_export_refuses_data_without_a_place() -> None:
    data = read_path(EXAMPLES / "jatinegara-2021.toml").data
    data = {**data, "bukan_kunci_skema": {"x": 1}}
    with pytest.raises(ExportError) as raised:
        write_workbook(io.BytesIO(), data)
    assert raised.value.pointers == ["/bukan_kunci_skema/x"]


def test_layout_follows_the_schema() -> None:
    """Every sheet name fits Excel, every heading is unique within its sheet."""
    shape = layout()
    names = [sheet.name for sheet in shape.sheets]
    assert len(set(names)) == len(names)
    assert all(len(name) <= 31 for name in names)
    for sheet in shape.sheets:
        labels = [f.label.casefold() for f in (*sheet.block, *sheet.columns)]
        assert len(set(labels)) == len(labels), sheet.name


def test_a_new_schema_field_appears_without_a_second_edit(monkeypatch: pytest.MonkeyPatch) -> None:
    import copy

    from sakip_validate.workbook import layout as layout_module

    schema = copy.deepcopy(layout_module.lkjip_schema())
    row = schema["properties"]["tabel"]["properties"]["capaian"]["properties"]["baris"]["items"]
    row["properties"]["catatan_auditor"] = {
        "type": "string",
        "description": "Catatan baru. (EN: A new note.)",
    }
    monkeypatch.setattr(layout_module, "lkjip_schema", lambda: schema)
    layout_module.layout.cache_clear()
    try:
        sheet = layout_module.layout().sheet("Capaian")
        column = next(c for c in sheet.columns if c.path == ("catatan_auditor",))
        assert column.label == "Catatan auditor"
        assert column.description.id == "Catatan baru."
    finally:
        layout_module.layout.cache_clear()
