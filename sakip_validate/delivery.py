"""Where a run's outputs go: standard output, one file, or one paper per report in a folder.

``-o FILE`` writes one file. ``-o FOLDER/`` (a name ending in ``/``, or a folder
that exists) is for the formats that give one paper per report
(:func:`sakip_validate.outputs.per_report`: the workbook, the review note): each
report gets its own paper in the folder, named after the report, and the folder
gets an index workbook (``indeks.xlsx``) listing the reports, their counts and
links to their papers. A single file cannot hold the papers of several reports:
asked for one, the run stops with exit 2 and says to give a folder.

Every file is written atomically (:mod:`sakip_validate.writing`). When no output
goes to standard output, :func:`summary_lines` says on standard error what was
checked, the findings by severity and where each output went.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import IO, Any, TextIO

from .domain.labels import Labels, severity_count
from .findings import Lang, Severity
from .outputs import IndexEntry, OutputPlugin, RenderOptions, load_output, per_report, suffix
from .result import FileReport, RunResult
from .writing import check_target, write_atomically

__all__ = [
    "INDEX_NAME",
    "Delivered",
    "DeliveryError",
    "Destination",
    "check_destinations",
    "check_single_files",
    "deliver",
    "paper_names",
    "summary_lines",
    "write_indexes",
]

INDEX_NAME = "indeks.xlsx"
NAME_MAX = 80  # characters of a paper's name before its ending
# Names Windows reserves for devices, whatever the ending (CON.xlsx is CON).
_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{n}" for n in range(1, 10)),
    *(f"lpt{n}" for n in range(1, 10)),
}

WORDS = Labels(
    {
        "folder_for_one_file": (
            "format {name} menulis satu berkas untuk seluruh pemeriksaan; beri nama berkas, "
            "bukan folder",
            "the {name} format writes one file for the whole run; give a file name, not a folder",
        ),
        "not_a_folder": (
            "ini bukan folder (nama yang diakhiri / berarti folder)",
            "this is not a folder (a name ending in / means a folder)",
        ),
        "no_parent": ("folder {folder} tidak ada", "the folder {folder} does not exist"),
        "no_permission": ("tidak ada izin menulis di sini", "no permission to write here"),
        "one_file_many_reports": (
            "{n} laporan diperiksa, tetapi ini satu berkas: kertas kerja {name} dibuat satu "
            "per laporan. Beri folder, misalnya -o {folder}/",
            "{n} reports were checked but this is a single file: the {name} papers are one "
            "per report. Give a folder, e.g. -o {folder}/",
        ),
        "checked": ("{n} berkas diperiksa: {tally}.", "{n} {noun} checked: {tally}."),
        "checked_clean": (
            "{n} berkas diperiksa: tidak ada temuan.",
            "{n} {noun} checked: no findings.",
        ),
        "papers": (
            "{count} berkas di {folder}",
            "{count} files in {folder}",
        ),
        "index": ("indeks: {path}", "index: {path}"),
        "and_more": ("dan {n} lainnya", "and {n} more"),
    }
)


class DeliveryError(Exception):
    """An output that cannot be delivered as asked; the message says why (id, en)."""

    def __init__(self, target: Path, message_id: str, message_en: str) -> None:
        super().__init__(f"{target}: {message_en}")
        self.target = target
        self.message_id = message_id
        self.message_en = message_en


@dataclass(frozen=True, slots=True)
class Destination:
    """Where one format goes: standard output (no path), a file, or a folder of papers."""

    path: Path | None = None
    folder: bool = False

    @classmethod
    def parse(cls, given: str | Path | None) -> Destination:
        """``-o`` as given: a trailing ``/`` or an existing folder means a folder."""
        if given is None:
            return cls()
        text = os.fspath(given)
        folder = text.endswith(("/", os.sep)) or Path(text).is_dir()
        return cls(Path(text), folder)


class Streamed:
    """An output that writes the run's reports as they are settled, then the document.

    A plugin offering ``writer(lang, baseline=...)`` (the JSON output) gets each
    report during the run (:meth:`add`, given to ``RunOptions.on_settled``), so
    that its work overlaps the workers'; rendering then finishes the writer. Every
    other attribute is the plugin's. An error while adding is kept and raised when
    the output is rendered, where a failing format is reported like any other.
    """

    def __init__(self, plugin: OutputPlugin, lang: Lang, *, baseline: bool) -> None:
        self.plugin = plugin
        self._writer = plugin.writer(lang, baseline=baseline)  # type: ignore[attr-defined]
        self._error: Exception | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.plugin, name)

    def add(self, report: FileReport) -> None:
        if self._error is not None:
            return
        try:
            self._writer.add(report)
        except Exception as error:  # reported with the format's name when it is rendered
            self._error = error
            self._writer.close()

    def render(self, result: RunResult, options: RenderOptions, stream: IO[Any]) -> None:
        if self._error is not None:
            raise self._error
        self._writer.finish(result, stream)


def streamed(
    deliveries: Sequence[tuple[OutputPlugin, Destination]], lang: Lang, *, baseline: bool
) -> list[tuple[OutputPlugin, Destination]]:
    """The deliveries; those that can write reports as they are settled are :class:`Streamed`.

    A folder of papers renders each report on its own and is left as it is.
    """
    return [
        (
            Streamed(plugin, lang, baseline=baseline)
            if callable(getattr(plugin, "writer", None)) and not destination.folder
            else plugin,
            destination,
        )
        for plugin, destination in deliveries
    ]


@dataclass(slots=True)
class Delivered:
    """What one format wrote: its files, the folder of per-report papers, the reports' papers."""

    name: str
    destination: Destination
    files: list[Path] = field(default_factory=list)
    # per-report papers: (report label, paper file) in the order of the reports
    papers: list[tuple[str, Path]] = field(default_factory=list)


def _word(key: str, lang: Lang, **values: Any) -> str:
    return WORDS.get(key, lang, **values)


def _error(where: Path, key: str, **values: Any) -> DeliveryError:
    return DeliveryError(where, _word(key, "id", **values), _word(key, "en", **values))


def check_destinations(
    deliveries: Sequence[tuple[OutputPlugin, Destination]], inputs: Sequence[Path]
) -> None:
    """Before the run: every file can be written, every folder is for a per-report format.

    Raises :class:`DeliveryError` or :class:`~sakip_validate.writing.OutputTargetError`.
    """
    for plugin, destination in deliveries:
        target = destination.path
        if target is None:
            continue
        if not destination.folder:
            check_target(target, inputs)
            continue
        if not per_report(plugin):
            raise _error(target, "folder_for_one_file", name=plugin.name)
        if target.exists() and not target.is_dir():
            raise _error(target, "not_a_folder")
        parent = target if target.is_dir() else target.resolve().parent
        if not parent.is_dir():
            raise _error(target, "no_parent", folder=parent)
        if not os.access(parent, os.W_OK | os.X_OK):
            raise _error(target, "no_permission")


def check_single_files(
    deliveries: Sequence[tuple[OutputPlugin, Destination]], result: RunResult
) -> None:
    """After the run: a per-report format given one file may hold one report only."""
    count = result.tally().reports
    if count < 2:
        return
    for plugin, destination in deliveries:
        target = destination.path
        if target is None or destination.folder or not per_report(plugin):
            continue
        folder = target.with_suffix("").as_posix() or "kertas-kerja"
        raise _error(
            target,
            "one_file_many_reports",
            n=count,
            name=plugin.name,
            folder=folder,
        )


# -- names ---------------------------------------------------------------------------


def _safe(text: str) -> str:
    """``text`` as a portable file name: letters, digits, ``-``, ``_`` and ``.`` only."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", ascii_text).strip("._-")
    cleaned = re.sub(r"_{2,}", "_", cleaned)[:NAME_MAX].rstrip("._-")
    if not cleaned or cleaned.lower() in _RESERVED or cleaned.lower() == "indeks":
        cleaned = f"laporan_{cleaned}" if cleaned else "laporan"
    return cleaned


def _levels(label: str) -> list[str]:
    """The names a report's paper may take, plainest first.

    ``a/b/laporan.toml``: ``laporan``, ``laporan-toml``, ``b-laporan-toml``,
    ``a-b-laporan-toml``.
    """
    parts = [part for part in re.split(r"[\\/]+", label) if part not in ("", ".", "..")] or [label]
    stem, dot, ending = parts[-1].rpartition(".")
    if not (dot and stem):
        stem, ending = parts[-1], ""
    names = [stem]
    last = f"{stem}-{ending}" if ending else stem
    names.append(last)
    for depth in range(2, len(parts) + 1):
        names.append("-".join([*parts[-depth:-1], last]))
    return [_safe(name) for name in names]


def paper_names(labels: Sequence[str]) -> list[str]:
    """A stable, safe and unique file name (without ending) for each report.

    A report's paper is named after its file (``jatinegara-2021``); reports whose
    names would collide are named with more of their path, as little as tells
    them apart: the file's ending (the .toml and .json of one report:
    ``jatinegara-2021-toml``), then its folders (``a/laporan.toml`` and
    ``b/laporan.toml``: ``a-laporan-toml``); a number is added as a last resort.
    Names are compared without letter case, as Windows and macOS folders do.
    """
    levels = [_levels(label) for label in labels]
    chosen = [0] * len(labels)
    while True:
        names = [level[min(at, len(level) - 1)] for level, at in zip(levels, chosen, strict=True)]
        counts: dict[str, int] = {}
        for name in names:
            counts[name.lower()] = counts.get(name.lower(), 0) + 1
        moved = False
        for index, name in enumerate(names):
            if counts[name.lower()] > 1 and chosen[index] < len(levels[index]) - 1:
                chosen[index] += 1
                moved = True
        if not moved:
            break
    taken: set[str] = set()
    unique = []
    for name in names:
        candidate, number = name, 1
        while candidate.lower() in taken:
            number += 1
            candidate = f"{name}-{number}"
        taken.add(candidate.lower())
        unique.append(candidate)
    return unique


# -- writing -------------------------------------------------------------------------


def _write(
    plugin: OutputPlugin,
    result: RunResult,
    options: RenderOptions,
    target: Path,
    inputs: Sequence[Path],
) -> None:
    check_target(target, inputs)
    render: Callable[[IO[Any]], object] = partial(plugin.render, result, options)
    write_atomically(target, render, binary=plugin.binary)


def deliver(
    plugin: OutputPlugin,
    destination: Destination,
    result: RunResult,
    options: RenderOptions,
    inputs: Sequence[Path],
    stdout: TextIO,
) -> Delivered:
    """Render one format to its destination; OSError and the plugin's errors pass through."""
    done = Delivered(plugin.name, destination)
    target = destination.path
    if target is None:
        plugin.render(result, options, stdout)
        return done
    if not destination.folder:
        _write(plugin, result, options, target, inputs)
        done.files.append(target)
        return done
    target.mkdir(exist_ok=True)
    reports = result.reports
    ending = suffix(plugin)
    for report, name in zip(reports, paper_names([r.label for r in reports]), strict=True):
        paper = target / f"{name}{ending}"
        _write(plugin, result.for_report(report), options, paper, inputs)
        done.files.append(paper)
        done.papers.append((report.label, paper))
    return done


def write_indexes(
    delivered: Sequence[Delivered],
    result: RunResult,
    options: RenderOptions,
    inputs: Sequence[Path],
) -> list[Path]:
    """One index workbook per folder of papers, linking each report to its papers there."""
    folders: dict[Path, dict[str, list[tuple[str, str]]]] = {}
    for done in delivered:
        folder = done.destination.path
        if not done.destination.folder or folder is None:
            continue
        links = folders.setdefault(folder, {})
        for label, paper in done.papers:
            links.setdefault(label, []).append((done.name, paper.name))
    if not folders:
        return []
    excel = load_output("excel")
    render_index = getattr(excel, "render_index", None)
    if render_index is None:  # pragma: no cover - the built-in workbook has one
        return []
    written = []
    for folder, links in folders.items():
        entries = [
            IndexEntry(result.for_report(report), tuple(links.get(report.label, ())))
            for report in result.reports
        ]
        target = folder / INDEX_NAME

        check_target(target, inputs)
        write_atomically(target, partial(render_index, result, entries, options), binary=True)
        written.append(target)
    return written


# -- the summary on standard error ---------------------------------------------------


def _tally(result: RunResult, lang: Lang) -> str:
    counts = result.counts()
    order = (Severity.ERROR, Severity.WARNING, Severity.INFO)
    return ", ".join(severity_count(s, counts[s], lang) for s in order)


def summary_lines(
    result: RunResult, delivered: Sequence[Delivered], indexes: Sequence[Path], lang: Lang
) -> list[str]:
    """What a run without output on standard output says on standard error.

    ``1 berkas diperiksa: 17 kesalahan, 24 peringatan, 5 informasi.``, then one
    line per format with where it went (a folder of papers: how many, the first
    few), then the index workbooks.
    """
    n = result.tally().reports
    noun = "file" if n == 1 else "files"
    if result.tally().findings:
        lines = [_word("checked", lang, n=n, noun=noun, tally=_tally(result, lang))]
    else:
        lines = [_word("checked_clean", lang, n=n, noun=noun)]
    for done in delivered:
        if done.destination.path is None:
            continue
        if not done.destination.folder:
            where = ", ".join(str(path) for path in done.files)
        else:
            shown = [path.name for path in done.files[:3]]
            rest = len(done.files) - len(shown)
            if rest:
                shown.append(_word("and_more", lang, n=rest))
            folder = done.destination.path
            where = _word("papers", lang, count=len(done.files), folder=folder)
            if shown:
                where += f" ({', '.join(shown)})"
        lines.append(f"  {done.name}: {where}")
    lines += [f"  {_word('index', lang, path=path)}" for path in indexes]
    return lines
