"""Configuration: ``sakip.toml``, or ``[tool.sakip-validate]`` in ``pyproject.toml``.

Found by walking up from the inputs (the first path given) to the filesystem
root; ``--config FILE`` names one, ``--isolated`` ignores them. The file is
checked against ``schemas/config.schema.json``: an unknown key or a bad value is
an error naming the file, line and column (exit 2). Paths and globs in it are
relative to its folder. Every effective value remembers where it came from, so
that ``sakip-validate config`` can say.

The ``[reviu]`` table holds the auditor's particulars for the working papers
(APIP, Surat Tugas, period, team); ``--reviu KEY=VALUE`` sets one on the command
line (:func:`reviu_options`), and :meth:`Config.particulars` gives them to the
outputs as a :class:`~.papers.ReviewParticulars`.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .findings import Finding, Severity, Text, TextLocation
from .loading import LoadedDocument, LoadFailed, load_path
from .loading.pointers import join_pointer
from .papers import Person, ReviewParticulars
from .policy.selection import Override, RuleSelection
from .policy.waivers import Waiver

__all__ = [
    "CONFIG_FILE",
    "Config",
    "ConfigError",
    "find_config",
    "load_config",
    "particulars_from",
    "reviu_options",
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

    def locate(
        self, pointer: str, *, at_key: bool = False, missing: str | None = None
    ) -> TextLocation:
        return LoadedDocument.locate(self, self.prefix + pointer, at_key=at_key, missing=missing)


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
    # The [reviu] table as written (with --reviu applied), keys as in the file.
    reviu: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)

    @property
    def root(self) -> Path | None:
        """The folder the file's paths and globs are relative to."""
        return self.path.parent if self.path is not None else None

    def selection(self) -> RuleSelection:
        return RuleSelection(self.select, self.extend_select, self.ignore)

    def particulars(self) -> ReviewParticulars:
        """The reviu particulars for the outputs (blank where nothing was given)."""
        return particulars_from(self.reviu)

    def set_reviu(self, overlay: dict[str, Any], source: str) -> None:
        """Apply ``--reviu`` values (a [reviu] table of their own) over the file's."""
        self.reviu = _merged(self.reviu, overlay)
        for key, _ in _leaves(overlay):
            self.sources[f"reviu.{key}"] = source

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
        for key, value in _leaves(self.reviu):
            name = f"reviu.{key}"
            shown.append((name, value, self.sources.get(name, "bawaan / default")))
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
    problem = _period_problem(data.get("reviu", {}))
    if problem is not None:
        raise ConfigError([_config_finding(view.locate("/reviu/periode/selesai"), problem)])
    return _settings(path, view, data)


def _settings(path: Path, view: _Section, data: dict[str, Any]) -> Config:
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
    if "reviu" in data:
        config.reviu = copy.deepcopy(data["reviu"])
        for key, _ in _leaves(config.reviu):
            config.sources[f"reviu.{key}"] = _place(view, "/reviu/" + key.replace(".", "/"))
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


# -- the reviu particulars ------------------------------------------------------------


def _person(table: Any) -> Person:
    table = table if isinstance(table, dict) else {}
    return Person(
        nama=str(table.get("nama", "")),
        nip=str(table.get("nip", "")),
        jabatan=str(table.get("jabatan", "")),
    )


def particulars_from(table: dict[str, Any]) -> ReviewParticulars:
    """The particulars a [reviu] table gives (a checked one: see config.schema.json)."""

    def text(*path: str) -> str:
        node: Any = table
        for key in path:
            node = node.get(key) if isinstance(node, dict) else None
        return "" if node is None or isinstance(node, dict | list) else str(node)

    return ReviewParticulars(
        apip=text("apip"),
        kkr_index=text("nomor_kkr"),
        surat_tugas_number=text("surat_tugas", "nomor"),
        surat_tugas_date=text("surat_tugas", "tanggal"),
        period_start=text("periode", "mulai"),
        period_end=text("periode", "selesai"),
        ketua_tim=_person(table.get("ketua_tim")),
        anggota_tim=tuple(_person(item) for item in table.get("anggota_tim", ())),
        pengendali_teknis=_person(table.get("pengendali_teknis")),
        pengendali_mutu=_person(table.get("pengendali_mutu")),
        prepared_by=_person(table.get("disusun_oleh")),
        prepared_on=text("disusun_oleh", "tanggal"),
        reviewed_by=_person(table.get("direviu_oleh")),
        reviewed_on=text("direviu_oleh", "tanggal"),
    )


def _leaves(table: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    """``(dotted key, value)`` of every value of ``table`` (a list is one value)."""
    for key, value in table.items():
        if isinstance(value, dict):
            yield from _leaves(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


def _merged(base: dict[str, Any], overlay: dict[str, Any]) -> dict[str, Any]:
    merged = copy.deepcopy(base)
    for key, value in overlay.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merged(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def _period_problem(table: Any) -> Text | None:
    """A reviu period that ends before it starts."""
    period = table.get("periode") if isinstance(table, dict) else None
    if not isinstance(period, dict):
        return None
    start, end = period.get("mulai"), period.get("selesai")
    if isinstance(start, str) and isinstance(end, str) and end < start:
        return Text(
            f"Periode reviu selesai ({end}) sebelum mulai ({start}).",
            f"The reviu period ends ({end}) before it starts ({start}).",
        )
    return None


def _config_finding(location: TextLocation, message: Text) -> Finding:
    from .codes import SCHEMA_RANGE

    return Finding(SCHEMA_RANGE.id, Severity.ERROR, message, location, pack="skema")


_KEY = re.compile(r"[a-z_]+(?:\.[a-z_0-9]+)*")


def reviu_options(assignments: Sequence[str], base: dict[str, Any]) -> dict[str, Any]:
    """``--reviu KEY=VALUE`` options as a [reviu] table, checked like the file's.

    KEY is a key of the [reviu] table, dotted as in TOML (``surat_tugas.nomor``);
    VALUE is text, or a TOML array or inline table when it starts with ``[`` or ``{``
    (``anggota_tim=[{nama="...", nip="..."}]``). A key given twice keeps its last
    value. ``base`` (the file's table) is only used to check the merged period.
    ValueError says, in both languages, what is wrong with which key.
    """
    from .loading.problems import LoadProblem
    from .loading.toml_reader import parse_toml
    from .schema_check import check_schema

    given: dict[str, str] = {}
    for assignment in assignments:
        key, sep, value = assignment.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or not _KEY.fullmatch(key):
            raise ValueError(
                f"{assignment!r}: tulis KUNCI=NILAI, misalnya surat_tugas.nomor=700/12/2022 / "
                "write KEY=VALUE, e.g. surat_tugas.nomor=700/12/2022"
            )
        given.pop(key, None)
        given[key] = value
    # A TOML document of its own, so that values read and are checked as the file's are;
    # a JSON string is a TOML basic string.
    lines = ["[reviu]"]
    for key, value in given.items():
        literal = value if value[:1] in "[{" else json.dumps(value, ensure_ascii=False)
        lines.append(f"{key} = {literal}")
    text = "\n".join(lines) + "\n"
    try:
        data = parse_toml(text)
    except LoadProblem as unreadable:
        said = f"{unreadable.message.id} / {unreadable.message.en}".replace("\n", " ")
        raise ValueError(said) from None
    document = _Section("--reviu", "toml", text, data)
    problems = check_schema(document, CONFIG_SCHEMA)
    if problems:
        # Each message names its key (reviu.surat_tugas.tanggal), as for the file.
        raise ValueError("; ".join(f"{f.message.id} / {f.message.en}" for f in problems))
    overlay: dict[str, Any] = data["reviu"]
    backwards = _period_problem(_merged(base, overlay))
    if backwards is not None:
        raise ValueError(f"{backwards.id} / {backwards.en}")
    return overlay
