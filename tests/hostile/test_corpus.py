"""The hostile corpus: every file, through the command line and every format, under limits.

Each file of ``tests/data/hostile/`` is checked in its own process with all nine
formats at once, under a time limit; the test pins its exit code and its rule
ids, and asserts that no traceback is printed and that the process stayed small.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from sakip_validate.outputs import BUILT_IN
from tests.data.hostile.make_corpus import CASES, HERE

CORPUS = HERE
TIME_LIMIT = 20.0  # seconds; every file takes well under one
MEMORY_LIMIT_KB = 300 * 1024  # peak resident memory of the checking process

# file -> (exit code, rule ids of its findings)
EXPECTED: dict[str, tuple[int, frozenset[str]]] = {
    "anggaran-400-digits.json": (1, frozenset({"LOAD006"})),
    "anggaran-400-digits.toml": (1, frozenset({"LOAD006"})),
    "anggaran-41-digits.toml": (1, frozenset({"LOAD006"})),
    "anggaran-5000-digits.json": (1, frozenset({"LOAD006"})),
    "anggaran-5000-digits.toml": (1, frozenset({"LOAD006"})),
    "anggaran-negative-huge.toml": (1, frozenset({"LOAD006"})),
    "anggaran-rupiah-exponent-huge.toml": (1, frozenset({"LOAD006"})),
    "array-nested-100-deep.toml": (1, frozenset({"LOAD007"})),
    "array-nested-10000-deep.toml": (1, frozenset({"LOAD003"})),
    "array-nested-100000-deep.json": (1, frozenset({"LOAD003"})),
    "baris-as-string.json": (1, frozenset({"SCHEMA001"})),
    "bidi-override-in-name.toml": (0, frozenset()),
    "binary-garbage.toml": (1, frozenset({"LOAD002"})),
    "bom-only.json": (1, frozenset({"LOAD003"})),
    "capaian-1e400.json": (1, frozenset({"LOAD006"})),
    "capaian-60-decimals.toml": (1, frozenset({"LOAD006"})),
    "capaian-exponent-5000-digits.json": (1, frozenset({"LOAD006"})),
    "capaian-exponent-5000-digits.toml": (1, frozenset({"LOAD006"})),
    "capaian-exponent-1e400.toml": (1, frozenset({"LOAD006"})),
    "capaian-exponent-huge.json": (1, frozenset({"LOAD006"})),
    "capaian-exponent-huge.toml": (1, frozenset({"LOAD006"})),
    "capaian-exponent-tiny.json": (1, frozenset({"LOAD006"})),
    "capaian-exponent-tiny.toml": (1, frozenset({"LOAD006"})),
    "capaian-inf.toml": (1, frozenset({"LOAD005"})),
    "capaian-infinity.json": (1, frozenset({"LOAD005"})),
    "capaian-nan.toml": (1, frozenset({"LOAD005"})),
    "capaian-negative-zero.toml": (1, frozenset({"CAP001", "KAT001"})),
    "comma-decimal.toml": (1, frozenset({"LOAD008"})),
    "comment-only.toml": (1, frozenset({"SCHEMA002"})),
    "crlf-and-lone-cr.toml": (0, frozenset()),
    "dangling-indicator-id.toml": (1, frozenset({"SCHEMA010"})),
    "date-literal-in-text-field.toml": (1, frozenset({"SCHEMA001"})),
    "dotted-key-10000-segments.toml": (1, frozenset({"LOAD007"})),
    "duplicate-indicator-id.toml": (1, frozenset({"SCHEMA011"})),
    "duplicate-key-deep.json": (1, frozenset({"LOAD004"})),
    "duplicate-table.toml": (1, frozenset({"LOAD003"})),
    "empty.json": (1, frozenset({"LOAD003"})),
    "empty.toml": (1, frozenset({"SCHEMA002"})),
    # a whole report without any table lacks the tables its format requires
    "every-table-empty.json": (1, frozenset({"LKP019", "LKP020", "LKP021"})),
    "formula-injection-names.toml": (0, frozenset()),
    "html-and-markdown-in-name.toml": (0, frozenset()),
    "indikator-as-table.toml": (1, frozenset({"SCHEMA001"})),
    "induk-cycle.toml": (1, frozenset({"SCHEMA012"})),
    "induk-names-itself.toml": (1, frozenset({"SCHEMA012"})),
    "inline-table-nested-5000-deep.toml": (1, frozenset({"LOAD003"})),
    "key-100kb-long.json": (1, frozenset({"SCHEMA003"})),
    "kode-10000-segments.toml": (1, frozenset({"SCHEMA007"})),
    "latin1-name.toml": (1, frozenset({"LOAD002"})),
    "lone-surrogate-key.json": (1, frozenset({"LOAD002"})),
    "lone-surrogate-value.json": (1, frozenset({"LOAD002"})),
    "minified-32kb-one-line.json": (1, frozenset({"SCHEMA001"})),
    "null-byte-in-name.json": (0, frozenset()),
    "object-nested-5000-deep.json": (1, frozenset({"LOAD003"})),
    "percent-sign-in-string.toml": (1, frozenset({"LOAD008"})),
    "pointer-characters-in-keys.json": (1, frozenset({"SCHEMA003"})),
    "root-array.toml": (1, frozenset({"SCHEMA002", "SCHEMA003"})),
    "root-null.json": (1, frozenset({"SCHEMA001"})),
    "root-number.json": (1, frozenset({"SCHEMA001"})),
    "root-string.json": (1, frozenset({"SCHEMA001"})),
    "sasaran-induk-unknown.toml": (1, frozenset({"SCHEMA010"})),
    "slip-in-array-nested-10000-deep.toml": (1, frozenset({"LOAD003", "LOAD008"})),
    "slips-5000.toml": (1, frozenset({"LOAD008"})),
    "string-1mb.toml": (0, frozenset()),
    "tab-and-cr-leading-names.toml": (0, frozenset()),
    "tabel-as-array.json": (1, frozenset({"SCHEMA001"})),
    "table-header-10000-segments.toml": (1, frozenset({"LOAD007"})),
    "tahun-anggaran-2025-point-0.toml": (1, frozenset({"SCHEMA001"})),
    "tahun-anggaran-true.toml": (1, frozenset({"SCHEMA001"})),
    "terminal-escapes-in-name.toml": (0, frozenset()),
    "thousands-dots.toml": (1, frozenset({"LOAD008"})),
    "truncated-mid-string.toml": (1, frozenset({"LOAD003"})),
    "unknown-keys-5000.json": (1, frozenset({"SCHEMA003"})),
    "utf16-le.json": (1, frozenset({"LOAD002"})),
    "utf32.json": (1, frozenset({"LOAD002"})),
    "versi-skema-99.toml": (1, frozenset({"SCHEMA008"})),
    "versi-skema-missing.toml": (1, frozenset({"SCHEMA002"})),
    "whitespace-only.toml": (1, frozenset({"SCHEMA002"})),
    "workflow-command-in-name.toml": (0, frozenset()),
    "xml-illegal-characters.toml": (0, frozenset()),
    "year-key-huge.toml": (1, frozenset({"SCHEMA005"})),
    "year-key-negative.toml": (1, frozenset({"SCHEMA005"})),
    "zero-width-in-id.toml": (1, frozenset({"SCHEMA005"})),
    "zip-named-json.json": (1, frozenset({"LOAD003"})),
}


@dataclass(frozen=True)
class Outcome:
    code: int
    rules: frozenset[str]
    stdout: str
    stderr: str
    seconds: float
    peak_kb: int
    outputs: dict[str, int]  # format -> bytes written
    findings: int


def _run_measured(path: Path, out: Path) -> Outcome:
    """``sakip-validate check PATH`` with every format: outcome, time and its own peak memory."""
    args = [sys.executable, "-m", "sakip_validate", "check", str(path)]
    for name in sorted(BUILT_IN):
        if name != "console":
            args += ["--format", name, "-o", str(out / f"out.{name}")]
    args += ["--format", "console"]
    env = {**os.environ, "NO_COLOR": "1"}
    start = time.monotonic()
    peak_file = out / "peak"
    measured = [sys.executable, str(Path(__file__).with_name("peak.py")), str(peak_file), *args]
    with (out / "stdout").open("wb") as so, (out / "stderr").open("wb") as se:
        process = subprocess.Popen(measured, stdout=so, stderr=se, env=env)
        try:
            process.wait(timeout=TIME_LIMIT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            raise AssertionError(f"{path.name}: still running after {TIME_LIMIT} s") from None
    peak = int(peak_file.read_text(encoding="ascii"))
    seconds = time.monotonic() - start
    rules: frozenset[str] = frozenset()
    findings: list[dict[str, str]] = []
    document = out / "out.json"
    if document.exists():
        findings = json.loads(document.read_text(encoding="utf-8"))["findings"]
        rules = frozenset(finding["rule"] for finding in findings)
    outputs = {
        name: (out / f"out.{name}").stat().st_size
        for name in BUILT_IN
        if (out / f"out.{name}").exists()
    }
    return Outcome(
        process.returncode,
        rules,
        (out / "stdout").read_text("utf-8", "replace"),
        (out / "stderr").read_text("utf-8", "replace"),
        seconds,
        peak,
        outputs,
        len(findings),
    )


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Outcome]:
    """Every corpus file checked once, two processes at a time."""
    names = sorted(EXPECTED)
    folders = {name: tmp_path_factory.mktemp(name.replace(".", "-")) for name in names}
    with ThreadPoolExecutor(max_workers=2) as pool:
        done = pool.map(lambda n: _run_measured(CORPUS / n, folders[n]), names)
        return dict(zip(names, done, strict=True))


def test_the_corpus_is_what_the_generator_writes(tmp_path: Path) -> None:
    committed = {path.name for path in CORPUS.iterdir() if path.name != "make_corpus.py"}
    committed.discard("__pycache__")
    assert committed == set(CASES) == set(EXPECTED)
    assert len(CASES) >= 60
    for name, make in CASES.items():
        assert (CORPUS / name).read_bytes() == make(), name


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_file_gets_its_pinned_findings_without_a_traceback(
    name: str, outcomes: dict[str, Outcome]
) -> None:
    outcome = outcomes[name]
    code, rules = EXPECTED[name]
    assert "Traceback" not in outcome.stdout + outcome.stderr, outcome.stderr
    assert (outcome.code, outcome.rules) == (code, rules), outcome.stdout[-2000:]
    assert outcome.peak_kb < MEMORY_LIMIT_KB, f"{outcome.peak_kb} KB"
    # every format was written, and none grows out of proportion to its input:
    # a few kilobytes per finding, a few times the file (a name is repeated)
    assert set(outcome.outputs) == set(BUILT_IN) - {"console"}
    budget = 6 * (CORPUS / name).stat().st_size + 2_000 * outcome.findings + 1_000_000
    assert max(outcome.outputs.values()) < budget, outcome.outputs
    assert len(outcome.stdout) < budget
    assert "\x1b" not in outcome.stdout and "\x1b" not in outcome.stderr
