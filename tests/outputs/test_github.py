"""The github output: one workflow command per finding, escaped, golden; the CLI default in CI."""

from __future__ import annotations

import dataclasses
import io
import re

import pytest

from sakip_validate.findings import Finding, Severity, Text, TextLocation
from sakip_validate.outputs import RenderOptions, load_output
from sakip_validate.result import FileReport, RunResult

from .golden import assert_golden

HOSTILE_TEXT = (
    "x ::error::injected\n::warning file=a::b\r\n::set-output name=x::y\r"
    "::add-mask::z %0A %25 50% a,b:c\n\n"
)
HOSTILE_LABEL = "laporan, v2::error::\n::warning::x%0A.toml"
COMMAND = re.compile(
    r"^::(?P<command>error|warning|notice) (?P<properties>[^:]*)::(?P<message>.*)$", re.DOTALL
)


def render(result: RunResult, lang: str = "id") -> str:
    stream = io.StringIO()
    load_output("github").render(result, RenderOptions(lang=lang), stream)  # type: ignore[arg-type]
    return stream.getvalue()


def unescape(text: str) -> str:
    """What the Actions runner reads back (the reverse of the toolkit's escaping)."""
    for escaped, plain in [("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")]:
        text = text.replace(escaped, plain)
    return text


def parse(line: str) -> tuple[str, dict[str, str], str]:
    """A workflow command line as the runner splits it: command, properties, message."""
    match = COMMAND.match(line)
    assert match, line
    properties = dict(item.split("=", 1) for item in match["properties"].split(","))
    return (
        match["command"],
        {key: unescape(value) for key, value in properties.items()},
        unescape(match["message"]),
    )


def hostile_plus(result: RunResult) -> RunResult:
    """``result`` plus a file whose label and finding texts are hostile."""
    base = result.files[0].findings[0]
    finding = dataclasses.replace(
        base,
        message=Text(HOSTILE_TEXT, HOSTILE_TEXT),
        hint=Text(HOSTILE_TEXT, HOSTILE_TEXT),
        location=TextLocation(HOSTILE_LABEL, "/x", 3, 7),
    )
    extra = FileReport(HOSTILE_LABEL, "toml", [finding])
    return dataclasses.replace(result, files=[*result.files, extra])


@pytest.mark.parametrize("lang", ["id", "en"])
def test_github_matches_golden(example_result: RunResult, lang: str) -> None:
    assert_golden(f"github-example-{lang}.txt", render(example_result, lang))


def test_one_annotation_per_finding_then_a_summary(example_result: RunResult) -> None:
    lines = render(example_result).splitlines()
    assert len(example_result.findings) < RenderOptions().max_annotations
    # most severe first; in reading order within a severity
    findings = sorted(
        example_result.files[0].findings, key=lambda f: (-f.severity, Finding.sort_key(f))
    )
    assert len(lines) == len(findings) + 1
    counts = example_result.counts()
    assert lines[-1] == (
        f"2 berkas diperiksa: {counts[Severity.ERROR]} kesalahan, "
        f"{counts[Severity.WARNING]} peringatan, {counts[Severity.INFO]} informasi."
    )
    titles = {rule.id: rule.title.id for rule in example_result.catalog}
    commands = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    for line, finding in zip(lines[:-1], findings, strict=True):
        command, properties, message = parse(line)
        assert command == commands[finding.severity]
        assert properties == {
            "file": "examples/jatinegara-2021.toml",
            "line": str(finding.location.line),
            "col": str(finding.location.column),
            "title": f"{finding.rule} {titles[finding.rule]}",
        }
        assert finding.hint is not None
        assert message == f"{finding.message.id}\n↳ {finding.hint.id}"


def test_annotation_without_line_or_rule_metadata() -> None:
    finding = Finding(
        "LOAD001",
        Severity.ERROR,
        Text("Berkas tidak ada.", "File not found."),
        TextLocation("hilang.toml"),
        title=Text("Berkas tidak dapat dibaca", "File cannot be read"),
    )
    result = RunResult([FileReport("hilang.toml", None, [finding], unreadable=True)])
    assert render(result, "en").splitlines() == [
        "::error file=hilang.toml,title=LOAD001 File cannot be read::File not found.",
        "1 file checked: 1 error, 0 warnings, 0 info.",
    ]


def test_hostile_text_cannot_inject_a_command(hostile_result: RunResult) -> None:
    result = hostile_plus(hostile_result)
    text = render(result)
    lines = text.split("\n")
    assert lines[-1] == ""  # every line ends with \n, no stray \r
    assert "\r" not in text
    lines = lines[:-1]
    assert len(lines) == len(result.findings) + 1  # nothing injected
    for line in lines[:-1]:
        parse(line)
    assert not lines[-1].startswith("::")
    command, properties, message = parse(lines[-2])
    assert command == "error"
    assert properties["file"] == HOSTILE_LABEL
    assert properties["title"].startswith("CAP001 ")
    assert message == f"{HOSTILE_TEXT}\n↳ {HOSTILE_TEXT}"
    assert "::error::" in message  # kept as text, inside the one command
    # the hostile report's own names stay inside their annotation
    _, _, first = parse(lines[0])
    assert '<script>alert(1)</script> **tebal** `kode`\nbaris kedua & "kutip"' in first


def test_github_is_deterministic(example_result: RunResult) -> None:
    assert render(example_result) == render(example_result)


def many_findings(errors: int, warnings: int, infos: int) -> RunResult:
    """Two files whose findings interleave severities (infos first in reading order)."""
    findings = []
    line = 1
    for severity, n in (
        (Severity.INFO, infos),
        (Severity.WARNING, warnings),
        (Severity.ERROR, errors),
    ):
        for _ in range(n):
            findings.append(
                Finding(
                    f"TST{line:03d}",
                    severity,
                    Text(f"temuan {line}", f"finding {line}"),
                    TextLocation("a.toml" if line % 2 else "b.toml", "/x", line, 1),
                )
            )
            line += 1
    a = [f for f in findings if f.location.file == "a.toml"]
    b = [f for f in findings if f.location.file == "b.toml"]
    return RunResult([FileReport("a.toml", "toml", a), FileReport("b.toml", "toml", b)])


def test_annotations_are_capped_most_severe_first_with_a_note_of_the_rest() -> None:
    result = many_findings(errors=4, warnings=30, infos=30)
    stream = io.StringIO()
    load_output("github").render(result, RenderOptions(max_annotations=20), stream)
    lines = stream.getvalue().splitlines()
    commands = [parse(line) for line in lines if line.startswith("::")]
    note, annotations = commands[0], commands[1:]
    assert [c for c, _, _ in annotations] == ["error"] * 4 + ["warning"] * 16
    assert note[0] == "notice" and "file" not in note[1]
    left = len(result.findings) - 20
    assert note[2].startswith(f"{left} temuan tidak dianotasi (batas 20 anotasi")
    assert "14 peringatan, 30 informasi" in note[2]
    # within a severity: files in run order, then reading order
    errors = [p["file"] + ":" + p["line"] for _, p, _ in annotations[:4]]
    a_lines = sorted(
        int(f.location.line or 0) for f in result.files[0].findings if f.severity == Severity.ERROR
    )
    assert errors[: len(a_lines)] == [f"a.toml:{n}" for n in a_lines]
    assert not lines[-1].startswith("::")


def test_no_note_when_every_finding_fits() -> None:
    result = many_findings(errors=2, warnings=2, infos=2)
    text = render(result)
    assert "tidak dianotasi" not in text
    assert text.count("::") // 2 == len(result.findings)


def test_a_cap_of_zero_annotates_nothing_but_says_so() -> None:
    result = many_findings(errors=2, warnings=1, infos=0)
    stream = io.StringIO()
    load_output("github").render(result, RenderOptions(max_annotations=0), stream)
    lines = stream.getvalue().splitlines()
    assert [line.split(" ", 1)[0] for line in lines if line.startswith("::")] == ["::notice"]
    assert "2 kesalahan, 1 peringatan" in lines[0]


def test_waived_and_baselined_findings_are_not_annotated_but_counted(
    policy_result: RunResult,
) -> None:
    lines = render(policy_result).splitlines()
    annotated = [parse(line) for line in lines if line.startswith("::")]
    counted = [f for f in policy_result.findings if f.suppression is None]
    assert len(annotated) == len(counted)
    assert [c for c, _, _ in annotated] == sorted(
        ("error" if f.severity == Severity.ERROR else "warning" for f in counted),
        key=lambda c: c != "error",
    )
    waived = sum(
        1 for f in policy_result.findings if f.suppression and f.suppression.kind == "waiver"
    )
    baselined = sum(
        1 for f in policy_result.findings if f.suppression and f.suppression.kind == "baseline"
    )
    assert lines[-1] == (
        f"{waived + baselined} temuan tidak dianotasi karena tidak dihitung: "
        f"{waived} dikecualikan, {baselined} sudah ada di baseline."
    )
    outcome = policy_result.baseline
    assert outcome is not None
    assert any(line.startswith(f"Dibanding baseline {outcome.source}: ") for line in lines)
    assert f"{len(policy_result.skipped)} berkas dilewati: bukan laporan." in lines
    # A finding about the configuration's waivers is annotated on the configuration file.
    config = next(r for r in policy_result.files if r.role == "config")
    assert any(p["file"] == config.label for _, p, _ in annotated)
