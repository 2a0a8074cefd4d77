"""The library API: check files, bytes or loaded documents from Python.

:func:`run` is what the command line does: load the rule packs, check every
input, apply the policy, and return the result with its verdict. The CLI is
parse -> :func:`run` -> render -> exit.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import BinaryIO

from . import clock
from .codes import YEAR
from .discovery import Seen, discover
from .domain.facts import ReportFacts, report_facts
from .engine.model import Rule, RulePack
from .engine.packs import catalog_of, load_packs
from .engine.runner import run_rules
from .failures import Failure, internal_finding
from .findings import Finding, Severity, Text, TextLocation
from .integrity import check_integrity
from .loading import (
    DEFAULT_LIMITS,
    Format,
    Limits,
    LoadedDocument,
    LoadFailed,
    number_findings,
    quoted_lines,
    read_stream,
)
from .policy import Policy, Settling
from .policy.waivers import Waiver, waivers_in_report
from .reading import read_bytes, read_path
from .result import FileReport, Manifest, RunResult, SkippedRule
from .retention import Settled
from .schema_check import check_schema
from .store import Packed, ReportStore, unpack

__all__ = [
    "NothingToCheck",
    "RunOptions",
    "check_bytes",
    "check_document",
    "check_file",
    "check_paths",
    "check_stream",
    "default_rules",
    "new_run",
    "run",
]

STDIN = "-"
STDIN_LABEL = "<stdin>"


class NothingToCheck(Exception):
    """The paths given hold no report file to check."""

    def __init__(self, paths: Sequence[str], skipped: int = 0) -> None:
        super().__init__(" ".join(paths))
        self.paths = tuple(paths)
        self.skipped = skipped  # files found but not reports


@dataclass(frozen=True, slots=True)
class RunOptions:
    """How to run a check; every field has the command line's default."""

    exclude: tuple[str, ...] = ()
    rule_paths: tuple[str | Path, ...] = ()
    jobs: int = 1  # worker processes; 0: one per CPU
    keep_data: bool = False  # keep each file's parsed report (outputs that draw tables)
    # record the generation time in the manifest (SOURCE_DATE_EPOCH when set); the
    # command line records it unless --no-timestamp, the API only when asked
    timestamp: bool = False
    stdin_format: Format | None = None  # the format of "-" (standard input)
    policy: Policy = field(default_factory=Policy)
    limits: Limits = DEFAULT_LIMITS
    # Which files found in a folder are reports: those matching ``include`` (globs
    # relative to ``include_root``); without globs, those that declare versi_skema.
    include: tuple[str, ...] = ()
    include_root: Path | None = None
    progress: Callable[[int, int], None] | None = None  # (files done, files in all)
    # Compare the reports across years (sakip_validate.years): the inputs with each
    # other and with the earlier reports in ``previous`` (files or folders), which
    # serve as evidence only. Giving ``previous`` implies ``across_years``.
    across_years: bool = False
    previous: tuple[Path, ...] = ()
    # A run of more files than this keeps its settled reports packed in a temporary
    # file rather than in memory (sakip_validate.store); outputs read them back.
    pack_above: int = 200
    # Told each input's report, in the run's order, as soon as the policy has settled
    # it: an output can write it while the workers check the next files.
    on_settled: Callable[[FileReport], None] | None = None


def default_rules(extra_packs: Iterable[str | Path] = ()) -> list[Rule]:
    """The built-in rules plus those of packs given as files or folders (loaded once)."""
    return [rule for pack in load_packs(extra_packs) for rule in pack.rules]


def _check_loaded(
    document: LoadedDocument,
    rules: Sequence[Rule] | None,
    limits: Limits = DEFAULT_LIMITS,
    failures: list[Failure] | None = None,
    skipped: list[SkippedRule] | None = None,
) -> tuple[list[Finding], bool]:
    """(findings, whether the rules ran) for a parsed document; the rules that do
    not apply to it go to ``skipped``."""
    # A number beyond the limits stops the file here: the schema step would
    # format it and the rules compute with it.
    findings = number_findings(document, limits)
    if not findings:
        findings = _with_notes(document, check_schema(document))
    if not findings:
        findings = check_integrity(document)
    # Rules assume the structure the schema promises; on a file that breaks it
    # they would only add cascades of findings. Fix the schema findings first.
    checked = not findings
    if checked:
        chosen = default_rules() if rules is None else rules
        findings.extend(run_rules(document, chosen, failures, skipped))
    # A report read from a published document: what the import could not be sure of.
    findings.extend(document.import_findings)
    findings.sort(key=Finding.sort_key)
    return findings, checked


def _with_notes(document: LoadedDocument, findings: list[Finding]) -> list[Finding]:
    """The reader's findings (a workbook's unreadable cells) with the schema's.

    A cell the reader could not read with certainty keeps the text as typed; the
    schema's finding about that same value would only repeat it.
    """
    if not document.notes:
        return findings
    asked = {f.location.pointer for f in document.notes if f.location.pointer}
    return [*document.notes, *(f for f in findings if f.location.pointer not in asked)]


def check_document(document: LoadedDocument, rules: Sequence[Rule] | None = None) -> list[Finding]:
    """Every finding for a parsed document: the schema's, then (if it passes) the rules'."""
    return _check_loaded(document, rules)[0]


_READING = Text("membaca berkas", "reading the file")
_CHECKING = Text("memeriksa berkas", "checking the file")


def _report(
    label: str,
    fmt: Format | None,
    load: Callable[[], LoadedDocument],
    rules: Sequence[Rule] | None,
    keep_data: bool,
    limits: Limits = DEFAULT_LIMITS,
    skip_undeclared: bool = False,
    facts: bool = False,
) -> FileReport:
    """One file's report; no exception escapes (it becomes an INTERNAL finding).

    ``skip_undeclared``: a file found in a folder that parses but declares no
    ``versi_skema`` (package.json, pyproject.toml, a schema file) is not a report:
    it comes back with the role ``skipped`` instead of a cascade of findings.
    ``facts``: keep the summary the checks across years compare (when the file
    passed the schema).
    """
    failures: list[Failure] = []
    try:
        document = load()
    except LoadFailed as failed:
        return FileReport(
            label, fmt, list(failed.findings), unreadable=failed.unreadable, lines=failed.lines
        )
    except Exception as error:
        finding, failure = internal_finding(TextLocation(label), _READING, error)
        return FileReport(label, fmt, [finding], failures=[failure])
    if skip_undeclared and not (isinstance(document.data, dict) and "versi_skema" in document.data):
        return FileReport(label, document.format, role="skipped")
    summary: ReportFacts | None = None
    skipped: list[SkippedRule] = []
    try:
        findings, checked = _check_loaded(document, rules, limits, failures, skipped)
        if facts and checked:
            summary = report_facts(document)
    except Exception as error:
        finding, failure = internal_finding(TextLocation(label), _CHECKING, error)
        return FileReport(label, document.format, [finding], failures=[failure])
    # The report's own waivers, read once its shape is known to be right.
    waivers = waivers_in_report(document.data, document.locate) if checked else ()
    # Only the source lines findings point at are kept, and the parsed data only
    # when an output asks for it: a CI run over thousands of files stays small.
    lines = quoted_lines(document.text, findings + [_at(w) for w in waivers])
    return FileReport(
        label,
        document.format,
        findings,
        checked=checked,
        lines=lines,
        data=document.data if keep_data else None,
        sha256=document.sha256,
        failures=failures,
        waivers=waivers,
        facts=summary,
        skipped_rules=skipped,
    )


def _at(waiver: Waiver) -> Finding:
    # Findings about a waiver (expired, unused) quote its line too.
    return Finding("", Severity.INFO, Text("", ""), waiver.location)


def check_file(
    path: Path,
    label: str | None = None,
    fmt: Format | None = None,
    rules: Sequence[Rule] | None = None,
    *,
    keep_data: bool = True,
    limits: Limits = DEFAULT_LIMITS,
    skip_undeclared: bool = False,
    facts: bool = False,
) -> FileReport:
    """Load and check one file (``keep_data``: keep the parsed report for outputs).

    ``skip_undeclared``, ``facts``: see :func:`_report`.
    """
    label = label if label is not None else str(path)
    return _report(
        label,
        fmt,
        lambda: read_path(path, label, fmt, limits),
        rules,
        keep_data,
        limits,
        skip_undeclared,
        facts,
    )


def check_bytes(
    raw: bytes,
    label: str,
    fmt: Format,
    rules: Sequence[Rule] | None = None,
    *,
    keep_data: bool = True,
    limits: Limits = DEFAULT_LIMITS,
) -> FileReport:
    """Check report content that is already in memory (for example, standard input)."""
    return _report(
        label, fmt, lambda: read_bytes(raw, label, fmt, limits), rules, keep_data, limits
    )


def check_stream(
    stream: BinaryIO,
    label: str,
    fmt: Format,
    rules: Sequence[Rule] | None = None,
    *,
    keep_data: bool = True,
    limits: Limits = DEFAULT_LIMITS,
    facts: bool = False,
) -> FileReport:
    """Check a report read from a stream (standard input), within the size limit."""
    return _report(
        label,
        fmt,
        lambda: read_bytes(read_stream(stream, label, limits), label, fmt, limits),
        rules,
        keep_data,
        limits,
        facts=facts,
    )


def new_run(
    packs: Sequence[RulePack] | None = None,
    *,
    timestamp: bool = False,
    policy: Policy | None = None,
) -> RunResult:
    """An empty result carrying the catalogue and manifest of the packs that will run."""
    from . import __version__
    from .resources import lkjip_schema

    packs = load_packs() if packs is None else packs
    generated_at = None
    if timestamp:
        generated_at = clock.now().isoformat()
    return RunResult(
        catalog=catalog_of(packs),
        manifest=Manifest(
            tool_version=__version__,
            schema_id=str(lkjip_schema().get("$id", "")),
            packs=tuple((pack.id, pack.version) for pack in packs),
            generated_at=generated_at,
        ),
        policy=policy or Policy(),
    )


# Files handed to a worker at a time: large enough that the round trips do not
# dominate, small enough that both workers stay busy to the end.
CHUNK = 16


Progress = Callable[[int, int], None]  # (files done, files in all)
Target = tuple[Path, str, bool]  # (path, label, skip it when it declares no versi_skema)


def _check_targets(
    targets: list[Target],
    rules: Sequence[Rule],
    *,
    keep_data: bool,
    jobs: int,
    limits: Limits = DEFAULT_LIMITS,
    progress: Progress | None = None,
    facts: bool = False,
    policy: Policy | None = None,
) -> Iterator[FileReport | Packed]:
    """The reports of ``targets``, in their order, as they are checked.

    ``policy``: worker processes, when there are any, settle each report by it
    and give it back packed (:class:`~sakip_validate.store.Packed`).
    """
    workers = (os.cpu_count() or 1) if jobs == 0 else jobs
    # A pool costs a process start per worker: worth it only for a real batch.
    if workers > 1 and len(targets) >= 4 * workers:
        from .workers import check_in_workers

        yield from check_in_workers(
            targets, rules, workers, CHUNK, keep_data, limits, progress, facts=facts, policy=policy
        )
        return
    with Settled() as settled:
        for done, (path, label, undeclared) in enumerate(targets, 1):
            yield check_file(
                path,
                label,
                rules=rules,
                keep_data=keep_data,
                limits=limits,
                skip_undeclared=undeclared,
                facts=facts,
            )
            settled.done()
            if progress is not None:
                progress(done, len(targets))


def _included(path: Path, patterns: tuple[str, ...], root: Path | None) -> bool:
    from .config import included

    base = (root or Path.cwd()).resolve()
    try:
        relative = path.resolve().relative_to(base).as_posix()
    except ValueError:
        relative = path.as_posix()
    return included(relative, patterns)


def check_paths(
    paths: Iterable[str],
    exclude: Iterable[str] = (),
    rules: Sequence[Rule] | None = None,
    *,
    keep_data: bool = False,
    jobs: int = 1,
) -> RunResult:
    """Check files and folders; folders contribute their .toml and .json files.

    ``keep_data`` keeps each file's parsed report for outputs that show it
    (excel, html, reviu); off by default, since a batch of thousands of files
    would hold them all in memory. ``jobs`` > 1 checks files in that many worker
    processes (0: one per CPU); the result keeps the files' order either way.
    The result carries the default policy's verdict.
    """
    if rules is None:
        result = new_run()
        rules = default_rules()
    else:
        result = RunResult()
    targets = [(target.path, target.label, False) for target in discover(paths, exclude)]
    result.files.extend(_plain(_check_targets(targets, rules, keep_data=keep_data, jobs=jobs)))
    result.policy = set_aside_year_waivers(result.policy, result.files)
    result.policy.apply(result)
    result.decide()
    return result


def run(
    paths: Sequence[str],
    options: RunOptions | None = None,
    *,
    stdin: BinaryIO | None = None,
) -> RunResult:
    """Check ``paths`` (files, folders, ``-`` for ``stdin``) and decide the run by the policy.

    Raises :class:`~sakip_validate.engine.packs.RulePackError` when a rule pack is
    invalid, :class:`NothingToCheck` when the paths hold no report, and
    ValueError when ``-`` is given without ``options.stdin_format``.
    """
    options = options or RunOptions()
    if STDIN in paths and options.stdin_format is None:
        raise ValueError("reading standard input ('-') needs a stdin_format")
    packs = load_packs(options.rule_paths)
    result = new_run(packs, timestamp=options.timestamp, policy=options.policy)
    rules = [rule for pack in packs for rule in pack.rules]
    across_years = options.across_years or bool(options.previous)
    seen = Seen()
    targets: list[Target | None] = []  # None: standard input, in its place
    for given in paths:
        if given == STDIN:
            targets.append(None)
            continue
        for target in discover([given], options.exclude, seen):
            if target.explicit:
                targets.append((target.path, target.label, False))
            elif options.include:
                if _included(target.path, options.include, options.include_root):
                    targets.append((target.path, target.label, False))
                else:
                    result.skipped.append((target.label, "include"))
            else:
                targets.append((target.path, target.label, True))
    files = [t for t in targets if t is not None]
    # A large run packs each report away once the policy has settled it: the
    # outputs read them back one at a time (sakip_validate.store). Without the
    # checks across years, which must see every report first, the worker
    # processes settle and pack the reports themselves.
    packed = len(targets) > options.pack_above
    if not across_years:
        result.policy = set_aside_year_waivers(result.policy)
    checked = _check_targets(
        files,
        rules,
        keep_data=options.keep_data,
        jobs=options.jobs,
        limits=options.limits,
        progress=options.progress,
        facts=across_years,
        policy=result.policy if packed and not across_years else None,
    )

    def arriving() -> Iterator[FileReport | Packed]:
        for place in targets:
            report: FileReport | Packed
            if place is not None:
                report = next(checked)
            else:
                assert options.stdin_format is not None  # checked above
                source = stdin if stdin is not None else sys.stdin.buffer
                report = check_stream(
                    source,
                    STDIN_LABEL,
                    options.stdin_format,
                    rules,
                    keep_data=options.keep_data,
                    limits=options.limits,
                    facts=across_years,
                )
            if report.role == "skipped":
                result.skipped.append((report.label, "versi_skema"))
            else:
                yield report

    store = ReportStore() if packed else None
    reports: list[FileReport] | ReportStore = store if store is not None else []
    result.files = reports
    settling = result.policy.settling()
    try:
        if across_years:
            evidence = partial(_previous_facts, options, seen, result)
            _settle_across_years(
                _plain(arriving()), reports, settling, packed, evidence, options.on_settled
            )
        else:
            _settle(arriving(), reports, settling, options.on_settled)
    except BaseException:
        if store is not None:
            store.close()
        raise
    if not reports:
        raise NothingToCheck(paths, skipped=len(result.skipped))
    settling.finish(result)
    result.decide()
    return result


def _settle(
    arriving: Iterable[FileReport | Packed],
    reports: list[FileReport] | ReportStore,
    settling: Settling,
    on_settled: Callable[[FileReport], None] | None = None,
) -> None:
    """Settle each report by the policy as it arrives (a worker may have done it) and keep it."""
    for item in arriving:
        if isinstance(item, Packed):
            assert isinstance(reports, ReportStore)  # workers settle only for a packed run
            settling.merge(item.outcome)
            reports.append_packed(item)
            if on_settled is not None:
                on_settled(unpack(item.blob))
        else:
            set_aside_year_waivers(settling.policy, [item])
            settling.file(item)
            reports.append(item)
            if on_settled is not None:
                on_settled(item)


def _settle_across_years(
    arriving: Iterable[FileReport],
    reports: list[FileReport] | ReportStore,
    settling: Settling,
    packed: bool,
    evidence: Callable[[], list[ReportFacts]],
    on_settled: Callable[[FileReport], None] | None = None,
) -> None:
    """Compare the reports across years, then settle each and keep it.

    The comparison needs every report's summary before any report is settled:
    the reports wait meanwhile (packed, in a large run).
    """
    from .years import add_found, year_findings

    held: list[FileReport] | ReportStore = ReportStore() if packed else []
    try:
        summaries: list[ReportFacts | None] = []
        for report in arriving:
            summaries.append(report.facts)
            held.append(report)
        if not held:
            return
        found_all = year_findings(summaries, evidence())
        for report, found in zip(held, found_all, strict=True):
            add_found(report, found)
            settling.file(report)
            reports.append(report)
            if on_settled is not None:
                on_settled(report)
    finally:
        if isinstance(held, ReportStore):
            held.close()


def _plain(items: Iterable[FileReport | Packed]) -> Iterator[FileReport]:
    """Reports checked without a policy to settle them by: never packed by a worker."""
    for item in items:
        assert isinstance(item, FileReport)
        yield item


def _previous_facts(options: RunOptions, seen: Seen, result: RunResult) -> list[ReportFacts]:
    """The summaries of the earlier reports in ``options.previous`` (not inputs of the run).

    They are loaded and fit to the schema, not checked by the rules: only their
    summaries are kept, as evidence. A file that gives none (unreadable, not
    fitting the schema) is listed in ``result.skipped`` as ``previous``; a file
    found in a folder that is no report (no versi_skema) is passed over, as for
    inputs. Files that are also inputs of the run are taken once, as inputs.
    """
    targets: list[Target] = [
        (target.path, target.label, not target.explicit)
        for given in options.previous
        for target in discover([str(given)], options.exclude, seen)
    ]
    reports = _plain(
        _check_targets(
            targets, (), keep_data=False, jobs=options.jobs, limits=options.limits, facts=True
        )
    )
    evidence = []
    for report in reports:
        if report.facts is not None:
            evidence.append(report.facts)
        elif report.role != "skipped":
            result.skipped.append((report.label, "previous"))
    return evidence


def set_aside_year_waivers(policy: Policy, reports: Iterable[FileReport] = ()) -> Policy:
    """Without the checks across years, their waivers can be neither used nor unused.

    A report notes a dropped indicator with a waiver for YEAR004; a run that does
    not compare years must not call that waiver unused (POLICY002). Returns the
    policy without the configuration's YEAR waivers; ``reports`` lose their own.
    """
    for report in reports:
        if any(w.rule.startswith(YEAR.prefix) for w in report.waivers):
            report.waivers = tuple(w for w in report.waivers if not w.rule.startswith(YEAR.prefix))
    if any(w.rule.startswith(YEAR.prefix) for w in policy.waivers):
        kept = tuple(w for w in policy.waivers if not w.rule.startswith(YEAR.prefix))
        return dataclasses.replace(policy, waivers=kept)
    return policy
