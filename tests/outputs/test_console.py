"""The console output under a policy: waived, baselined and new findings marked, the
baseline's comparison, the fixed findings and the skipped files counted."""

from __future__ import annotations

import dataclasses
import io
import re

from sakip_validate.outputs import RenderOptions, load_output
from sakip_validate.plugins.console import FIXED_SHOWN
from sakip_validate.plugins.summary import summary_sentence
from sakip_validate.policy import BaselineOutcome
from sakip_validate.policy.baseline import Entry
from sakip_validate.result import RunResult

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def render(result: RunResult, *, color: bool = False) -> str:
    stream = io.StringIO()
    load_output("console").render(result, RenderOptions(color=color), stream)  # type: ignore[arg-type]
    return ANSI.sub("", stream.getvalue())


def test_each_finding_is_marked_as_it_counts(policy_result: RunResult) -> None:
    lines = render(policy_result).splitlines()
    tags = {"waiver": "[dikecualikan]", "baseline": "[di baseline]"}
    for finding in policy_result.findings:
        head = f"  {finding.location.display()}  {finding.rule}  "
        (line,) = [line for line in lines if line.startswith(head)]
        if finding.suppression is not None:
            assert tags[finding.suppression.kind] in line
        elif finding.rule.startswith("POLICY"):
            assert not re.search(r"  \[[a-z ]+\]  ", line)  # the baseline does not judge it
        else:
            assert "  [baru]  " in line
    text = "\n".join(lines)
    for finding in policy_result.findings:
        if finding.suppression is not None and finding.suppression.kind == "waiver":
            note = next(line for line in lines if finding.suppression.reason in line)
            assert note.lstrip().startswith("✓ Dikecualikan: ")
            assert finding.suppression.approver in note and "berlaku sampai" in note
    assert text.count("✓ Sudah ada di baseline ") == sum(
        1 for f in policy_result.findings if f.suppression and f.suppression.kind == "baseline"
    )


def test_summary_baseline_fixed_and_skipped(policy_result: RunResult) -> None:
    lines = render(policy_result).splitlines()
    outcome = policy_result.baseline
    assert outcome is not None
    at = lines.index(summary_sentence(policy_result, "id"))
    assert lines[at + 1].startswith(f"Dibanding baseline {outcome.source}: {outcome.new} temuan")
    assert lines[at + 2] == f"{len(policy_result.skipped)} berkas dilewati: bukan laporan."
    assert lines[at + 3] == "Sudah diperbaiki sejak baseline:"
    assert len(lines) == at + 4 + len(outcome.fixed)
    assert "(2 dikecualikan, 2 di baseline)" in lines[at]


def test_a_long_fixed_list_is_cut_in_a_terminal(policy_result: RunResult) -> None:
    outcome = policy_result.baseline
    assert outcome is not None
    many = tuple(Entry("ANG003", f"f{n}.toml", "/a", "1") for n in range(FIXED_SHOWN + 7))
    result = dataclasses.replace(
        policy_result, baseline=BaselineOutcome(outcome.source, 0, 0, many)
    )
    lines = render(result).splitlines()
    assert sum(1 for line in lines if line.startswith("  tests/data/policy/f")) == FIXED_SHOWN
    assert lines[-1] == "  … dan 7 lainnya"


def test_a_run_without_policy_marks_has_no_tags(example_result: RunResult) -> None:
    text = render(example_result)
    assert "[baru]" not in text and "[dikecualikan]" not in text
    assert "Dibanding baseline" not in text and "dilewati" not in text
