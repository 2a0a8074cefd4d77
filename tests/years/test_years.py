"""Checks across years: pairing, the four YEAR codes, evidence files, workers, the example."""

from __future__ import annotations

import io
import pickle
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from sakip_validate import workers
from sakip_validate.api import RunOptions, check_file, run
from sakip_validate.domain.facts import normal_name
from sakip_validate.findings import Finding, Severity
from sakip_validate.result import FileReport, RunResult
from sakip_validate.years import printed_alike, units
from tests.conftest import DATA, EXAMPLES
from tests.years.reports import Report, line_of

RIGHT_2025 = ("80.00", "79.00", "98.75")
OWN_2026 = ("81.00", "80.50", "99.38")
NAME = "Persentase desa tertib administrasi"


def year_findings(result: RunResult) -> list[Finding]:
    return [f for f in result.findings if f.rule.startswith("YEAR")]


def compare(inputs: Sequence[Path], previous: Sequence[Path] = (), jobs: int = 1) -> RunResult:
    options = RunOptions(previous=tuple(previous), across_years=True, jobs=jobs)
    return run([str(p) for p in inputs], options)


# -- comparing printed figures ----------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "alike"),
    [
        ("50", "50.00", True),  # equal by value
        ("5.8", "5.83", True),  # 5,83 printed with one decimal is 5,8
        ("5.9", "5.86", True),
        ("5.8", "5.86", False),  # 5,86 rounds to 5,9
        ("5.83", "5.84", False),
        ("99.93", "99.938", False),  # only truncation gives 99,93: not the same printing
        ("100", "100.4", True),
        ("100", "100.5", False),
        ("N/A", "-", True),  # both say "not available"
        ("N/A", "0", False),
        ("N/A", "N/A", True),
    ],
)
def test_printed_alike_compares_at_the_printed_precision(a: str, b: str, alike: bool) -> None:
    from decimal import Decimal

    def value(text: str) -> object:
        return text if text in ("N/A", "-") else Decimal(text)

    assert printed_alike(value(a), value(b)) is alike
    assert printed_alike(value(b), value(a)) is alike


def test_names_match_whatever_their_case_spacing_and_punctuation() -> None:
    assert normal_name("KECAMATAN  Contoh.") == normal_name("Kecamatan contoh")
    assert normal_name("Kec. Jati-negara") == normal_name("kec jati negara")
    assert normal_name("Kecamatan Contoh") != normal_name("Kecamatan Contoh Baru")


# -- YEAR001: last year's figures in this year's Tabel 3.3 ------------------------------


def test_consistent_years_give_no_finding(tmp_path: Path) -> None:
    last = Report(2025).write(tmp_path)
    this = Report(2026, earlier={2025: RIGHT_2025}, end_target="84.00").write(tmp_path)
    assert year_findings(compare([this], [last])) == []
    assert year_findings(compare([last, this])) == []


def test_last_years_realisasi_must_be_quoted_as_printed(tmp_path: Path) -> None:
    last = Report(2025).write(tmp_path / "2025")
    this = Report(2026, earlier={2025: ("80.00", "79.50", "98.75")}).write(tmp_path / "2026")
    result = compare([this], [last])
    [finding] = year_findings(result)
    assert finding.rule == "YEAR001"
    assert finding.severity is Severity.ERROR
    assert finding.pack == "antartahun"
    where = finding.location
    assert where.file == str(this)
    assert where.pointer == "/tabel/perbandingan_tahun/baris/0/tahun/2025/realisasi"
    assert where.line == line_of(this, "tahun.2025 =")
    assert where.column is not None
    # the other report is cited as its reader finds it, never by its file and line
    assert finding.message.id == (
        'Realisasi "Indeks Kepuasan Masyarakat" tahun 2025 tertulis 79,50 di Tabel 3.3; '
        "laporan tahun 2025 mencetak 79,00 di Tabel 3.2, baris ke-1 (Indeks Kepuasan "
        "Masyarakat), kolom Realisasi."
    )
    assert finding.message.en == (
        'The 2025 realisasi of "Indeks Kepuasan Masyarakat" is printed as 79.50 in Tabel 3.3; '
        "the 2025 report printed 79.00 in Table 3.2, 1st row (Indeks Kepuasan Masyarakat), "
        "column Realisasi."
    )
    assert finding.place is not None and finding.place.column is not None
    assert finding.place.column.id == "Realisasi 2025" and finding.place.row == "ke-1"
    assert (finding.printed, finding.expected) == ("79.50", "79.00")
    assert finding.table is not None and finding.table.id == "Tabel 3.3"
    assert finding.table_key == "perbandingan_tahun"
    assert finding.row == "Indeks Kepuasan Masyarakat"
    assert finding.legal_basis and "53/2014" in finding.legal_basis
    # the line is kept for outputs that quote it
    [report] = result.reports
    assert "tahun.2025" in report.lines[where.line]


def test_target_and_capaian_of_last_year_are_compared_too(tmp_path: Path) -> None:
    last = Report(2025).write(tmp_path / "a")
    this = Report(2026, earlier={2025: ("80.50", "79.00", "98.13")}).write(tmp_path / "b")
    found = year_findings(compare([this], [last]))
    assert [f.location.pointer.rsplit("/", 1)[1] for f in found] == ["target", "capaian"]
    assert "tertulis 98,13% di Tabel 3.3" in found[1].message.id
    assert "mencetak 98,75% di Tabel 3.2" in found[1].message.id


@pytest.mark.parametrize(
    ("quoted", "count"),
    [
        (("80", "79.0", "98.8"), 0),  # fewer decimals, same figures
        (("80.00", "N/A", "98.75"), 1),  # N/A where last year printed a figure
        (("80.00", "79.00", "98.74"), 1),
    ],
)
def test_quoted_figures_agree_at_their_printed_precision(
    tmp_path: Path, quoted: tuple[str, str, str], count: int
) -> None:
    last = Report(2025).write(tmp_path / "a")
    target, realisasi, capaian = (f'"{q}"' if q == "N/A" else q for q in quoted)
    this = Report(2026, earlier={2025: (target, realisasi, capaian)}).write(tmp_path / "b")
    assert len(year_findings(compare([this], [last]))) == count


def test_earlier_years_are_compared_with_their_own_reports(tmp_path: Path) -> None:
    # The 2027 report quotes 2025 and 2026; each year is checked against its own report.
    r2025 = Report(2025).write(tmp_path / "a")
    r2026 = Report(2026).write(tmp_path / "b")
    wrong_2025 = ("80.00", "78.00", "97.50")
    r2027 = Report(2027, earlier={2025: wrong_2025, 2026: OWN_2026}).write(tmp_path / "c")
    found = year_findings(compare([r2027], [r2025, r2026]))
    assert [f.location.pointer.split("/tahun/")[1] for f in found] == [
        "2025/realisasi",
        "2025/capaian",
    ]
    assert all("laporan tahun 2025" in f.message.id for f in found)


# -- pairing ---------------------------------------------------------------------------


def test_reports_pair_by_unit_name_whatever_its_case_and_spacing(tmp_path: Path) -> None:
    last = Report(2025, unit="KECAMATAN   contoh.").write(tmp_path / "a")
    this = Report(2026, earlier={2025: ("80.00", "79.50", "98.75")}).write(tmp_path / "b")
    assert [f.rule for f in year_findings(compare([this], [last]))] == ["YEAR001"]


@pytest.mark.parametrize(
    "other",
    [
        {"unit": "Kecamatan Lain"},
        {"government": "Kabupaten Lain"},
    ],
)
def test_reports_of_different_units_are_not_paired(tmp_path: Path, other: dict[str, str]) -> None:
    last = Report(2025, **other).write(tmp_path / "a")  # type: ignore[arg-type]
    this = Report(2026, earlier={2025: ("80.00", "79.50", "98.75")}).write(tmp_path / "b")
    assert year_findings(compare([this], [last])) == []


def test_a_report_naming_no_government_pairs_only_when_unambiguous(tmp_path: Path) -> None:
    wrong = {2025: ("80.00", "79.50", "98.75")}
    last = Report(2025, government=None).write(tmp_path / "a")
    this = Report(2026, earlier=wrong).write(tmp_path / "b")
    assert len(year_findings(compare([this], [last]))) == 1
    # Two governments have a Kecamatan Contoh: the report naming none cannot be placed.
    other = Report(2025, government="Kabupaten Lain").write(tmp_path / "c")
    assert year_findings(compare([this], [last, other])) == []
    facts = [check_file(p, facts=True).facts for p in (last, this, other)]
    assert units([f for f in facts if f is not None]) == []


# -- YEAR002 / YEAR003: Renstra targets across one Renstra period -------------------------


def test_a_renstra_target_differing_from_last_years_report(tmp_path: Path) -> None:
    last = Report(2025).write(tmp_path / "a")
    targets = {**Report().targets, 2027: "82.50"}
    this = Report(2026, targets=targets).write(tmp_path / "b")
    [finding] = year_findings(compare([this], [last]))
    assert finding.rule == "YEAR002"
    assert finding.location.pointer == "/tabel/iku/baris/0/target/2027"
    assert finding.location.file == str(this)
    assert finding.message.id == (
        'Target Renstra "Indeks Kepuasan Masyarakat" untuk tahun 2027 tertulis 82,50 di '
        "Tabel 2.1; laporan tahun 2025 mencetak 82,00 di Tabel 2.1, baris ke-1 (Indeks "
        "Kepuasan Masyarakat), kolom Target 2027 (Renstra 2025–2029)."
    )


def test_the_odd_one_out_is_blamed(tmp_path: Path) -> None:
    odd = {**Report().targets, 2028: "85.00"}
    r2025 = Report(2025, targets=odd).write(tmp_path / "a")
    r2026 = Report(2026).write(tmp_path / "b")
    r2027 = Report(2027).write(tmp_path / "c")
    [finding] = year_findings(compare([r2025, r2026, r2027]))
    assert finding.location.file == str(r2025)
    assert finding.location.pointer == "/tabel/iku/baris/0/target/2028"
    assert "begitu pula 1 laporan lain" in finding.message.id
    assert "laporan tahun 2026 mencetak" in finding.message.id  # the nearest agreeing report
    # Given only as evidence, the odd report is not reported, and the others are right.
    assert year_findings(compare([r2026, r2027], [r2025])) == []


def test_with_no_majority_the_run_s_report_is_blamed(tmp_path: Path) -> None:
    # An evidence report later than the input: the input still gets the finding.
    r2025 = Report(2025, targets={**Report().targets, 2028: "85.00"}).write(tmp_path / "a")
    r2026 = Report(2026).write(tmp_path / "b")
    [finding] = year_findings(compare([r2025], [r2026]))
    assert finding.location.file == str(r2025)


def test_targets_of_different_renstra_periods_are_not_compared(tmp_path: Path) -> None:
    last = Report(2025, period=(2021, 2025)).write(tmp_path / "a")
    this = Report(2026, targets={**Report().targets, 2027: "90.00"}).write(tmp_path / "b")
    assert year_findings(compare([this], [last])) == []


def test_the_renstra_end_target_agrees_across_reports(tmp_path: Path) -> None:
    last = Report(2025, end_target="84.00").write(tmp_path / "a")
    same = Report(2026, end_target="84").write(tmp_path / "b")
    assert year_findings(compare([same], [last])) == []
    differs = Report(2026, end_target="85.00").write(tmp_path / "c")
    [finding] = year_findings(compare([differs], [last]))
    assert finding.rule == "YEAR003"
    assert finding.location.pointer == "/tabel/target_akhir_renstra/baris/0/target_akhir"
    assert finding.message.id.startswith(
        'Target akhir Renstra (2029) "Indeks Kepuasan Masyarakat" tertulis 85,00 di Tabel 3.4; '
    )


# -- YEAR004: an indicator does not silently disappear ---------------------------------------


def test_an_indicator_of_last_year_missing_this_year(tmp_path: Path) -> None:
    last = Report(2025, extra=[("TERTIB", NAME)]).write(tmp_path / "a")
    this = Report(2026).write(tmp_path / "b")
    result = compare([this], [last])
    [finding] = year_findings(result)
    assert finding.rule == "YEAR004"
    assert finding.severity is Severity.WARNING
    assert finding.location.file == str(this)
    assert finding.location.pointer == "/indikator"
    assert finding.location.line == line_of(this, "[[indikator]]")
    assert finding.message.id == (
        f'Indikator "{NAME}" dari laporan tahun 2025 tidak ada dalam laporan ini, tanpa catatan '
        "mengapa indikator itu dihapus."
    )
    assert finding.row == NAME


def test_a_partial_report_drops_no_indicator(tmp_path: Path) -> None:
    last = Report(2025, extra=[("TERTIB", NAME)]).write(tmp_path / "a")
    this = Report(2026).write(tmp_path / "b")
    text = this.read_text(encoding="utf-8")
    this.write_text(text.replace("[laporan]\n", '[laporan]\ncakupan = "sebagian"\n', 1), "utf-8")
    result = compare([this], [last])
    assert year_findings(result) == []
    (report,) = result.reports
    assert [(s.rule, s.reason.id) for s in report.skipped_rules if s.rule == "YEAR004"] == [
        ("YEAR004", "berkas ini hanya memuat sebagian laporan")
    ]


def test_an_indicator_renamed_in_case_or_id_only_is_still_there(tmp_path: Path) -> None:
    last = Report(2025, extra=[("TERTIB", NAME)]).write(tmp_path / "a")
    this = Report(2026, extra=[("TERTIB_ADM", NAME.upper() + ".")]).write(tmp_path / "b")
    assert year_findings(compare([this], [last])) == []


def test_a_dropped_indicator_is_not_a_finding_under_a_new_renstra(tmp_path: Path) -> None:
    last = Report(2025, period=(2021, 2025), extra=[("TERTIB", NAME)]).write(tmp_path / "a")
    this = Report(2026).write(tmp_path / "b")
    assert year_findings(compare([this], [last])) == []


def test_a_waiver_is_the_note_on_a_dropped_indicator(tmp_path: Path) -> None:
    last = Report(2025, extra=[("TERTIB", NAME)]).write(tmp_path / "a")
    this = Report(2026, waivers=["YEAR004"]).write(tmp_path / "b")
    result = compare([this], [last])
    [finding] = year_findings(result)
    assert finding.suppression is not None and finding.suppression.kind == "waiver"
    assert not [f for f in result.findings if f.rule.startswith("POLICY")]
    assert result.verdict is not None and result.verdict.exit_code == 0
    # Checked without comparing years, the note is neither used nor "unused".
    alone = run([str(this)])
    assert not [f for f in alone.findings if f.rule.startswith(("POLICY", "YEAR"))]


# -- evidence files, runs, workers -------------------------------------------------------


def test_files_of_previous_are_evidence_only(tmp_path: Path) -> None:
    # The 2025 report breaks a rule of its own; given with --previous it is not reported.
    last = Report(2025, own=("80.00", "79.00", "90.00")).write(tmp_path / "a")
    assert any(f.rule.startswith("CAP") for f in run([str(last)]).findings)
    this = Report(2026, earlier={2025: ("80.00", "79.00", "90.00")}).write(tmp_path / "b")
    result = compare([this], [last])
    assert [r.label for r in result.files] == [str(this)]
    assert all(f.location.file == str(this) for f in result.findings)


def test_a_file_both_input_and_previous_is_checked_once(tmp_path: Path) -> None:
    last = Report(2025).write(tmp_path)
    this = Report(2026, earlier={2025: ("80.00", "79.50", "98.75")}).write(tmp_path)
    result = compare([this, last], [tmp_path])
    assert [r.label for r in result.files] == [str(this), str(last)]
    assert len(year_findings(result)) == 1


def test_an_unusable_previous_file_is_listed_as_skipped(tmp_path: Path) -> None:
    this = Report(2026).write(tmp_path / "b")
    broken = tmp_path / "a" / "rusak.toml"
    broken.parent.mkdir()
    broken.write_text('versi_skema = "1.0"\n[laporan\n', encoding="utf-8")
    result = compare([this], [broken, tmp_path / "tidak-ada.toml"])
    assert result.skipped == [
        (str(broken), "previous"),
        (str(tmp_path / "tidak-ada.toml"), "previous"),
    ]
    assert [r.label for r in result.files] == [str(this)]


def test_without_the_option_nothing_is_compared_and_nothing_is_kept(tmp_path: Path) -> None:
    last = Report(2025).write(tmp_path)
    this = Report(2026, earlier={2025: ("80.00", "79.50", "98.75")}).write(tmp_path)
    result = run([str(last), str(this)])
    assert year_findings(result) == []
    assert all(report.facts is None for report in result.files)


def test_the_summary_is_small_and_picklable(tmp_path: Path) -> None:
    path = Report(2026, earlier={2025: RIGHT_2025}, end_target="84.00").write(tmp_path)
    facts = check_file(path, facts=True).facts
    assert facts is not None
    assert facts.unit == "Kecamatan Contoh" and facts.year == 2026
    assert facts.renstra == (2025, 2029) and facts.end_year == 2029
    assert pickle.loads(pickle.dumps(facts)) == facts
    assert len(pickle.dumps(facts)) < 4000
    assert check_file(path).facts is None


def test_workers_give_the_same_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # 8 units, inputs and evidence alike: enough files for a pool of 2 on both sides.
    inputs, previous = tmp_path / "2026", tmp_path / "2025"
    for n in range(8):
        unit = f"Kecamatan Contoh {n}"
        extra = [("TERTIB", NAME)] if n % 3 == 0 else []
        Report(2025, unit=unit, extra=extra).write(previous, f"k{n}.toml")
        quoted = ("80.00", f"79.{n}0", "98.75")
        Report(2026, unit=unit, earlier={2025: quoted}).write(inputs, f"k{n}.toml")

    def outcome(jobs: int) -> list[tuple[str, str, str]]:
        result = compare([inputs], [previous], jobs=jobs)
        assert len(result.files) == 8
        return [(f.rule, f.location.display(), f.message.id) for f in year_findings(result)]

    serial = outcome(1)
    assert len(serial) == 7 + 3  # every realisasi but 79,00; three dropped indicators
    pools: list[int] = []
    real = workers.check_in_workers

    def counted(*args: Any, **kwargs: Any) -> list[FileReport]:
        pools.append(len(args[0]))
        return real(*args, **kwargs)

    monkeypatch.setattr(workers, "check_in_workers", counted)
    assert outcome(2) == serial
    assert pools == [8, 8]  # the inputs, then the evidence, each in a pool


# -- the reference report ----------------------------------------------------------------

EXAMPLE = EXAMPLES / "jatinegara-2021.toml"
JATINEGARA_2020 = DATA / "years" / "jatinegara-2020.toml"


def test_the_example_against_a_2020_report_of_jatinegara() -> None:
    plain = run([str(EXAMPLE)])
    result = run([str(EXAMPLE)], RunOptions(previous=(JATINEGARA_2020,)))
    found = year_findings(result)
    # Nothing else changes: the reference pins hold without and with the comparison.
    others = [f for f in result.findings if not f.rule.startswith("YEAR")]
    assert others == plain.findings
    assert year_findings(plain) == []
    # The 2020 report prints DESA_TERTIB_ADM differently on purpose; all else agrees.
    assert [(f.rule, f.location.pointer) for f in found] == [
        ("YEAR001", "/tabel/perbandingan_tahun/baris/1/tahun/2020/realisasi"),
        ("YEAR001", "/tabel/perbandingan_tahun/baris/1/tahun/2020/capaian"),
    ]
    assert "tahun 2020 tertulis 35,00 di Tabel 3.3" in found[0].message.id
    assert "laporan tahun 2020 mencetak 41,18 di Tabel 3.2, baris" in found[0].message.id
    assert "jatinegara-2020.toml" not in found[0].message.id  # the report, not its data file
    assert found[0].place is not None and found[0].place.page == "40-47"  # the example's pages
    assert all(f.location.file == str(EXAMPLE) for f in found)


def test_the_2020_report_is_a_valid_report() -> None:
    report = check_file(JATINEGARA_2020)
    assert report.checked


def test_a_report_on_standard_input_is_compared_too(tmp_path: Path) -> None:
    last = Report(2025).write(tmp_path)
    text = Report(2026, earlier={2025: ("80.00", "79.50", "98.75")}).text()
    options = RunOptions(previous=(last,), stdin_format="toml")
    result = run(["-"], options, stdin=io.BytesIO(text.encode("utf-8")))
    assert [(f.rule, f.location.file) for f in year_findings(result)] == [("YEAR001", "<stdin>")]
