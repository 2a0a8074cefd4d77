"""Configuration: ``sakip.toml``, or ``[tool.sakip-validate]`` in ``pyproject.toml``.

Found by walking up from the inputs (the first path given) to the filesystem
root; ``--config FILE`` names one, ``--isolated`` ignores them. The file is
checked against ``schemas/config.schema.json``: an unknown key or a bad value is
an error naming the file, line and column (exit 2). Paths and globs in it are
relative to its folder. Every effective value remembers where it came from, so
that ``sakip-validate config`` can say.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .findings import Finding, Severity, TextLocation
from .loading import LoadedDocument, LoadFailed, load_path
from .loading.pointers import join_pointer
from .policy.selection import Override, RuleSelection
from .policy.waivers import Waiver

__all__ = [
    "CONFIG_FILE",
    "Config",
    "ConfigError",
    "find_config",
    "load_config",
]

CONFIG_FILE = "sakip.toml"
PYPROJECT = "pyproject.toml"
SECTION = ("tool", "sakip-validate")
CONFIG_SCHEMA = "config.schema.json"


class ConfigError(Exception):
    """A configuration file that cannot be used; ``findings`` say where and why."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__("\n".join(f.location.display() + " " + f.message.en for f in findings))
        self.findings = findings


@dataclass(slots=True)
class _Section(LoadedDocument):
    """A table of a file (``[tool.sakip-validate]``) read as a document of its own."""

    prefix: str = ""

    def locate(self, pointer: str, *, at_key: bool = False) -> TextLocation:
        return LoadedDocument.locate(self, self.prefix + pointer, at_key=at_key)


@dataclass(slots=True)
class Config:
    """The effective settings, and where each came from (``sources``: key -> place)."""

    path: Path | None = None  # the configuration file, None when there is none
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "error"
    lang: str = "id"
    skala: str | None = None
    rules: tuple[Path, ...] = ()
    jobs: int = 0
    baseline: Path | None = None
    previous: tuple[Path, ...] = ()
    github_annotations: int = 50
    markdown_max_chars: int = 60_000
    overrides: tuple[Override, ...] = ()
    waivers: tuple[Waiver, ...] = ()
    sources: dict[str, str] = field(default_factory=dict)

    @property
    def root(self) -> Path | None:
        """The folder the file's paths and globs are relative to."""
        return self.path.parent if self.path is not None else None

    def selection(self) -> RuleSelection:
        return RuleSelection(self.select, self.extend_select, self.ignore)

    def set(self, key: str, value: Any, source: str) -> None:
        """Set ``key`` (an attribute name) from ``source`` (a file place or a command-line flag)."""
        setattr(self, key, value)
        self.sources[key] = source

    def effective(self) -> list[tuple[str, Any, str]]:
        """(key as written in the file, value, where it came from) for every setting."""
        shown = []
        for key in (
            "include",
            "exclude",
            "select",
            "extend_select",
            "ignore",
            "fail_on",
            "lang",
            "skala",
            "rules",
            "jobs",
            "baseline",
            "previous",
            "github_annotations",
            "markdown_max_chars",
        ):
            value = getattr(self, key)
            if isinstance(value, tuple):
                value = [str(item) for item in value]
            elif isinstance(value, Path):
                value = str(value)
            shown.append((key.replace("_", "-"), value, self.sources.get(key, "bawaan / default")))
        for index, override in enumerate(self.overrides):
            shown.append((f"overrides[{index}]", list(override.files), override.source))
        for index, waiver in enumerate(self.waivers):
            what = f"{waiver.rule} → {waiver.expires}"
            shown.append((f"pengecualian[{index}]", what, waiver.location.display()))
        return shown


def find_config(start: Path) -> Path | None:
    """The nearest ``sakip.toml``, or ``pyproject.toml`` with ``[tool.sakip-validate]``, at or
    above ``start`` (a file's folder, or a folder)."""
    folder = start if start.is_dir() else start.parent
    folder = folder.resolve()
    for candidate in (folder, *folder.parents):
        own = candidate / CONFIG_FILE
        if own.is_file():
            return _shown(own)
        project = candidate / PYPROJECT
        if project.is_file() and _has_section(project):
            return _shown(project)
    return None


def _shown(path: Path) -> Path:
    """``path`` relative to the working folder when it is below it (as messages show it)."""
    try:
        return path.relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def _has_section(project: Path) -> bool:
    try:
        text = project.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return "[tool.sakip-validate" in text


def _place(document: LoadedDocument, pointer: str) -> str:
    return document.locate(pointer).display()


def load_config(path: Path) -> Config:
    """Read and check one configuration file; ConfigError lists every problem."""
    from .schema_check import check_schema

    try:
        document = load_path(path, str(path), "toml")
    except LoadFailed as failed:
        raise ConfigError(list(failed.findings)) from None
    section: Any = document.data
    prefix = ""
    if path.name == PYPROJECT:
        for key in SECTION:
            section = section.get(key) if isinstance(section, dict) else None
        prefix = "/" + "/".join(SECTION)
        if section is None:
            section = {}
    view = _Section(document.label, "toml", document.text, section, prefix=prefix)
    problems = check_schema(view, CONFIG_SCHEMA)
    if problems:
        raise ConfigError(problems)
    return _config(path, view, section)


def _config(path: Path, view: _Section, data: dict[str, Any]) -> Config:
    config = Config(path=path)
    folder = path.parent

    def relative(text: str) -> Path:
        candidate = Path(text)
        return candidate if candidate.is_absolute() else folder / candidate

    plain = {
        "include": ("include", tuple),
        "exclude": ("exclude", tuple),
        "select": ("select", tuple),
        "extend-select": ("extend_select", tuple),
        "ignore": ("ignore", tuple),
        "fail-on": ("fail_on", str),
        "lang": ("lang", str),
        "skala": ("skala", str),
        "jobs": ("jobs", int),
    }
    for key, (attribute, kind) in plain.items():
        if key in data:
            config.set(attribute, kind(data[key]), _place(view, f"/{key}"))
    if "rules" in data:
        rules = tuple(relative(item) for item in data["rules"])
        config.set("rules", rules, _place(view, "/rules"))
    if "previous" in data:
        previous = tuple(relative(item) for item in data["previous"])
        config.set("previous", previous, _place(view, "/previous"))
    if "baseline" in data:
        config.set("baseline", relative(data["baseline"]), _place(view, "/baseline"))
    output = data.get("output", {})
    if "github-annotations" in output:
        where = _place(view, "/output/github-annotations")
        config.set("github_annotations", output["github-annotations"], where)
    if "markdown-max-chars" in output:
        where = _place(view, "/output/markdown-max-chars")
        config.set("markdown_max_chars", output["markdown-max-chars"], where)
    config.overrides = tuple(
        _override(view, index, item) for index, item in enumerate(data.get("overrides", []))
    )
    config.waivers = tuple(
        _waiver(view, index, item) for index, item in enumerate(data.get("pengecualian", []))
    )
    return config


def _override(view: _Section, index: int, item: dict[str, Any]) -> Override:
    return Override(
        files=tuple(item["files"]),
        pointer=item.get("pointer", ""),
        selection=RuleSelection(
            tuple(item.get("select", ())),
            tuple(item.get("extend-select", ())),
            tuple(item.get("ignore", ())),
        ),
        severity=tuple(
            (code, Severity.parse(level)) for code, level in item.get("severity", {}).items()
        ),
        source=_place(view, f"/overrides/{index}"),
    )


def _waiver(view: _Section, index: int, item: dict[str, Any]) -> Waiver:
    approver = item["disetujui_oleh"]
    return Waiver(
        rule=item["aturan"],
        reason=item["alasan"],
        approver=approver["nama"],
        approver_nip=approver["nip"],
        approver_title=approver.get("jabatan", ""),
        expires=dt.date.fromisoformat(str(item["berlaku_sampai"])),
        location=view.locate(join_pointer("/pengecualian", index)),
        pointer=item.get("pointer", ""),
        files=tuple(item["berkas"]),
    )


def resolve(
    paths: Sequence[str], explicit: Path | None = None, isolated: bool = False
) -> tuple[Config, list[Path]]:
    """The configuration for a run over ``paths``, and any other configurations found.

    ``explicit`` (``--config``) wins; ``isolated`` gives the defaults. Otherwise
    the configuration nearest the first path applies to the whole run; other
    configurations nearer to other paths are returned so the caller can warn.
    """
    if isolated:
        return Config(), []
    if explicit is not None:
        return load_config(explicit), []
    starts = [Path(p) for p in paths if p != "-"] or [Path.cwd()]
    found = [find_config(start) for start in starts]
    first = found[0]
    others = sorted({f for f in found[1:] if f is not None and f != first})
    return (load_config(first) if first is not None else Config()), others


def included(relative: str, patterns: Iterable[str]) -> bool:
    """Whether a path relative to the configuration's folder matches the include globs."""
    from .policy.selection import matches_path

    return matches_path(relative, tuple(patterns))
