"""Output plugins: found through the ``sakip_validate.outputs`` entry-point group."""

from __future__ import annotations

import functools
import importlib.util
import sys
from dataclasses import dataclass, field
from importlib import import_module
from importlib.metadata import entry_points
from typing import BinaryIO, Protocol, TextIO

from .findings import Lang
from .papers import ReviewParticulars
from .resources import data_dir
from .result import RunResult

ENTRY_POINT_GROUP = "sakip_validate.outputs"
PLUGINS_PACKAGE = "sakip_validate.plugins"

# The built-in formats, found the same way from a wheel, an editable install or
# a bare checkout; other packages add theirs through the entry-point group (a
# built-in name cannot be taken over).
BUILT_IN = {
    "console": "sakip_validate.plugins.console:ConsoleOutput",
    "json": "sakip_validate.plugins.json_output:JsonOutput",
    "markdown": "sakip_validate.plugins.markdown:MarkdownOutput",
    "reviu": "sakip_validate.plugins.reviu:ReviewNoteOutput",
    "reviu-docx": "sakip_validate.plugins.reviu.word:ReviewNoteDocxOutput",
    "excel": "sakip_validate.plugins.excel:ExcelOutput",
    "sarif": "sakip_validate.plugins.sarif:SarifOutput",
    "junit": "sakip_validate.plugins.junit:JunitOutput",
    "github": "sakip_validate.plugins.github:GithubOutput",
    "html": "sakip_validate.plugins.html:HtmlOutput",
}


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """What every output may need besides the result."""

    lang: Lang = "id"
    color: bool | None = None  # None: decide from the stream and NO_COLOR
    # CI outputs: at most this many GitHub annotations (the rest summarised in a
    # line), and the longest Markdown report (a GitHub comment holds 65,536).
    max_annotations: int = 50
    markdown_max_chars: int = 60_000
    # The auditor's particulars for the working papers (workbook, review note).
    reviu: ReviewParticulars = field(default_factory=ReviewParticulars)


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One report of a folder of papers: its own result and its papers (format, file name)."""

    result: RunResult
    papers: tuple[tuple[str, str], ...] = ()


class OutputPlugin(Protocol):
    """An output format. It renders a result; it never computes findings.

    A text format (``binary = False``) writes str to a text stream (stdout or a
    UTF-8 file); a binary one (an .xlsx workbook) writes bytes and needs ``-o``.
    The same result must give byte-identical output: no timestamps unless
    ``result.manifest.generated_at`` is set, no dict-order or hash-order effects.

    Two optional attributes (read with :func:`per_report` and :func:`suffix`):
    ``per_report = True`` marks a format that gives one paper per report (the
    workbook, the review note): given ``-o FOLDER/``, the command line renders
    it once per report, into a file named after the report; ``suffix`` is the
    file name ending of those papers (``.xlsx``).

    An optional method, ``writer(lang, *, baseline)``, returns an object with
    ``add(report)`` and ``finish(result, stream)``: the command line then adds each
    report as soon as the policy has settled it, while the workers check the next
    files, and finishes the writer instead of calling ``render`` (the JSON output;
    see ``delivery.Streamed``). ``render`` must write what the writer writes.
    """

    name: str
    description: str
    binary: bool
    # True when the plugin reads FileReport.data; without it, a run over
    # thousands of files keeps no parsed data in memory.
    needs_data: bool

    def render(
        self, result: RunResult, options: RenderOptions, stream: TextIO | BinaryIO
    ) -> None: ...


# File name endings of the built-in formats, for papers written into a folder.
SUFFIXES = {
    "console": ".txt",
    "json": ".json",
    "markdown": ".md",
    "reviu": ".md",
    "reviu-docx": ".docx",
    "excel": ".xlsx",
    "sarif": ".sarif",
    "junit": ".xml",
    "github": ".txt",
    "html": ".html",
}


def per_report(plugin: OutputPlugin) -> bool:
    """Whether ``plugin`` gives one paper per report (``per_report = True``)."""
    return getattr(plugin, "per_report", False) is True


def suffix(plugin: OutputPlugin) -> str:
    """The file name ending of ``plugin``'s papers: its ``suffix``, else the built-in one."""
    declared = getattr(plugin, "suffix", None)
    if isinstance(declared, str) and declared.startswith(".") and len(declared) > 1:
        return declared
    return SUFFIXES.get(plugin.name, ".bin" if plugin.binary else ".txt")


@functools.cache
def available() -> dict[str, str]:
    """Installed output names and the object each one points to."""
    found = {entry.name: entry.value for entry in entry_points(group=ENTRY_POINT_GROUP)}
    found.update(BUILT_IN)
    return dict(sorted(found.items()))


def ensure_plugins_package() -> None:
    """Make ``sakip_validate.plugins`` importable from a bare checkout too.

    A wheel and an editable install map the top-level ``plugins/`` folder to
    ``sakip_validate.plugins`` (pyproject.toml); a checkout run with
    ``python -m sakip_validate`` has no such mapping, so the folder beside the
    package is registered as that package here, once.
    """
    if PLUGINS_PACKAGE in sys.modules or importlib.util.find_spec(PLUGINS_PACKAGE) is not None:
        return
    folder = data_dir("plugins")
    spec = importlib.util.spec_from_file_location(
        PLUGINS_PACKAGE, folder / "__init__.py", submodule_search_locations=[str(folder)]
    )
    if spec is None or spec.loader is None:  # pragma: no cover - the folder has __init__.py
        raise ModuleNotFoundError(PLUGINS_PACKAGE)
    module = importlib.util.module_from_spec(spec)
    sys.modules[PLUGINS_PACKAGE] = module
    spec.loader.exec_module(module)


def load_output(name: str) -> OutputPlugin:
    """Instantiate the output plugin called ``name``; KeyError when none is installed."""
    target = available()[name]
    module_name, _, attribute = target.partition(":")
    if module_name.startswith(PLUGINS_PACKAGE + "."):
        ensure_plugins_package()
    factory = getattr(import_module(module_name), attribute)
    instance: OutputPlugin = factory()
    return instance
