"""The report store: what goes in comes back, in order, from memory or from disk."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sakip_validate.findings import Finding, Place, Severity, Suppression, Text, TextLocation
from sakip_validate.result import FileReport, SkippedRule
from sakip_validate.store import ReportStore
from sakip_validate.tally import Tally

texts = st.text(max_size=40)


@st.composite
def reports(draw: st.DrawFn) -> FileReport:
    label = draw(texts) or "a.toml"
    findings = [
        Finding(
            rule=draw(st.sampled_from(["CAP001", "ANG009", "INTERNAL001", "POLICY002"])),
            severity=draw(st.sampled_from(list(Severity))),
            message=Text(draw(texts), draw(texts)),
            location=TextLocation(label, draw(texts), draw(st.none() | st.integers(1, 99))),
            pack=draw(st.sampled_from(["capaian", "anggaran", ""])),
            place=draw(st.none() | st.builds(Place, table=st.builds(Text, texts, texts))),
            suppression=draw(
                st.none() | st.builds(Suppression, st.sampled_from(["waiver", "baseline"]), texts)
            ),
            operands=tuple(draw(st.lists(st.tuples(texts, texts), max_size=2))),
        )
        for _ in range(draw(st.integers(0, 5)))
    ]
    return FileReport(
        label,
        draw(st.sampled_from(["toml", "json", None])),
        findings,
        unreadable=draw(st.booleans()),
        lines={1: draw(texts)},
        role=draw(st.sampled_from(["report", "report", "config"])),
        skipped_rules=[SkippedRule("LKP001", Text(draw(texts), draw(texts)))],
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(reports(), max_size=12), st.sampled_from([1, 64, 1 << 20]))
def test_reports_come_back_equal_in_order_with_their_tally(
    given_reports: list[FileReport], spool_bytes: int
) -> None:
    # spool_bytes 1 and 64: every report goes through the temporary file on disk
    with ReportStore(spool_bytes) as store:
        store.extend(given_reports)
        assert len(store) == len(given_reports)
        assert list(store) == given_reports
        assert [store[i] for i in range(len(store))] == given_reports
        if given_reports:
            assert store[-1] == given_reports[-1]
            assert store[1:3] == given_reports[1:3]
        assert store.tally == Tally.of(given_reports)


def test_a_report_read_back_is_a_copy() -> None:
    report = FileReport("a.toml", "toml", [])
    with ReportStore() as store:
        store.append(report)
        store[0].findings.append(Finding("X1", Severity.ERROR, Text("", ""), TextLocation("a")))
        assert store[0] == report


def test_an_index_out_of_range_is_an_index_error() -> None:
    with ReportStore() as store:
        store.append(FileReport("a.toml", "toml"))
        with pytest.raises(IndexError):
            store[1]
        with pytest.raises(IndexError):
            store[-2]


def test_the_inputs_view_leaves_out_configuration_files() -> None:
    inputs = [FileReport(f"{i}.toml", "toml") for i in range(3)]
    config = FileReport("sakip.toml", "toml", role="config")
    with ReportStore(1) as store:
        store.extend([*inputs, config])
        view = store.inputs()
        assert len(view) == 3
        assert list(view) == inputs
        assert view[-1] == inputs[-1] and view[0:2] == inputs[0:2]
        with pytest.raises(IndexError):
            view[3]


@given(reports())
def test_findings_pickle_to_equal_values(report: FileReport) -> None:
    # The findings' compact pickling (constructor arguments) loses nothing.
    assert pickle.loads(pickle.dumps(report)) == report
    for finding in report.findings:
        assert pickle.loads(pickle.dumps(finding)) == finding
