"""The ``sakip-validate`` command line: a thin layer over :mod:`sakip_validate.api`."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import os
import re
import signal
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from . import __version__
from .domain.text import visible
from .findings import Lang
from .loading.limits import DEFAULT_LIMITS
from .policy import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_USAGE, FAIL_ON_CHOICES
from .writing import write_atomically

T = TypeVar("T")

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from .config import Config
    from .delivery import Destination
    from .engine.model import RulePack
    from .engine.packs import RulePackError
    from .outputs import OutputPlugin, RenderOptions
    from .policy import Policy
    from .result import FileReport, RunResult

lang_option = click.option(
    "--lang",
    type=click.Choice(["id", "en"]),
    default="id",
    show_default=True,
    envvar="SAKIP_VALIDATE_LANG",
    help="Bahasa pesan / message language.",
)
rules_option = click.option(
    "--rules",
    "rules_paths",
    multiple=True,
    type=click.Path(exists=True, path_type=Path),
    help="Tambahkan paket aturan (berkas .toml atau folder; boleh berulang) / "
    "add rule packs (a .toml file or a folder; repeatable).",
)


class OutputError(click.FileError):
    """An output file that could not be written (disk full, permission): exit 2, not 1."""

    exit_code = EXIT_USAGE


class _Terminated(Exception):
    """SIGTERM, turned into an exception so that cleanup (workers, temporary files) runs."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise _Terminated


class _Main(click.Group):
    """The command group, with the exit codes a CI script relies on.

    Ctrl-C exits 130 and SIGTERM 143 (as shells report them), never 1, which CI
    reads as "findings"; both first let running steps clean up.
    """

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        previous = None
        with contextlib.suppress(ValueError):  # not in the main thread: leave it
            previous = signal.signal(signal.SIGTERM, _on_sigterm)
        try:
            return super().main(*args, **kwargs)
        except click.exceptions.Exit as done:
            sys.exit(done.exit_code)
        except click.ClickException as error:
            error.show()
            sys.exit(error.exit_code)
        except BrokenPipeError:
            # The reader of stdout went away (`| head`): stop quietly, as a shell tool does.
            with contextlib.suppress(OSError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(128 + signal.SIGPIPE)
        except (click.exceptions.Abort, KeyboardInterrupt):
            click.echo("\nDihentikan / interrupted.", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except _Terminated:
            click.echo("Dihentikan (SIGTERM) / terminated.", err=True)
            sys.exit(128 + signal.SIGTERM)
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="sakip-validate")
def main() -> None:
    """Validator laporan kinerja (LKjIP/SAKIP) / LKjIP performance report validator.

    \b
    sakip-validate check laporan.toml        periksa laporan / check a report
    sakip-validate check data/ --format json mesin CI / for CI machines
    sakip-validate init                      buat laporan awal / write a starter report
    sakip-validate init --fragment t.toml    laporan sebagian / a partial report
    sakip-validate schema                    cetak JSON Schema / print the JSON Schema
    """


class _CheckCommand(click.Command):
    """Records the order in which click parsed the options, for :func:`pair_formats`."""

    def make_parser(self, ctx: click.Context) -> Any:
        parser = super().make_parser(ctx)
        parse = parser.parse_args

        def parse_in_order(args: list[str]) -> Any:
            opts, rest, order = parse(args=args)
            ctx.meta["option_order"] = [param.name for param in order]
            return opts, rest, order

        parser.parse_args = parse_in_order  # type: ignore[method-assign]
        return parser


def pair_formats(
    order: list[str | None], formats: tuple[str, ...], outputs: tuple[T, ...], default: str
) -> list[tuple[str, T | None]]:
    """Each ``--format`` with the ``-o`` that follows it, in the order click parsed them.

    ``order`` lists the parameter names as they occurred on the command line
    (one entry per occurrence); an ``-o`` before any ``--format`` belongs to the
    default format. ``[excel, -o a.xlsx, console]`` -> [(excel, a.xlsx), (console, None)].
    """
    pairs: list[list[Any]] = []
    next_format = iter(formats)
    next_output = iter(outputs)
    for name in order:
        if name == "output_formats":
            pairs.append([next(next_format), None])
        elif name == "outputs":
            target = next(next_output)
            if not pairs or pairs[-1][1] is not None:
                pairs.append([default if not pairs else pairs[-1][0], None])
            pairs[-1][1] = target
    return [(name, target) for name, target in pairs] or [(default, None)]


def default_format() -> str:
    """``github`` inside GitHub Actions (annotations), else ``console``."""
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "console"


@main.command(
    cls=_CheckCommand,
    epilog="\b\nKode keluar / exit codes:\n"
    "  0    tidak ada temuan setingkat --fail-on / no finding at --fail-on or above\n"
    "  1    ada temuan setingkat --fail-on / findings at --fail-on or above\n"
    "  2    salah pakai atau berkas tak terbaca / usage error or unreadable input\n"
    "  3    kesalahan internal (hasil mungkin tidak lengkap) / internal error\n"
    "  130  dihentikan dengan Ctrl-C / interrupted",
)
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "output_formats",
    multiple=True,
    metavar="NAME",
    help="Format keluaran, boleh berulang (lihat: sakip-validate formats); bawaan console, "
    "atau github di GitHub Actions / output format, repeatable (see: sakip-validate formats).",
)
@click.option(
    "-o",
    "--output",
    "outputs",
    multiple=True,
    type=click.Path(path_type=str),
    help="Berkas untuk --format sebelumnya, bukan stdout; FOLDER/ untuk kertas kerja per "
    "laporan (excel, reviu) / file for the preceding --format; FOLDER/ for one paper per report.",
)
@lang_option
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON_CHOICES),
    default="error",
    show_default=True,
    help="Keluar dengan kode 1 bila ada temuan setingkat ini atau lebih / "
    "exit 1 when a finding is at least this severe.",
)
@click.option(
    "--stdin-format",
    type=click.Choice(["toml", "json"]),
    help="Format data dari stdin bila PATH adalah '-' / format of stdin when PATH is '-'.",
)
@click.option(
    "--exclude",
    multiple=True,
    metavar="GLOB",
    help="Lewati berkas/folder yang cocok (boleh berulang) / skip matching files (repeatable).",
)
@click.option(
    "--color/--no-color",
    default=None,
    help="Paksa warna nyala/mati / force colours on or off.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Proses paralel untuk folder besar (0: satu per CPU) / worker processes "
    "for large folders (0: one per CPU).",
)
@click.option(
    "--timestamp/--no-timestamp",
    default=True,
    show_default=True,
    help="Catat tanggal penyusunan di keluaran (SOURCE_DATE_EPOCH bila diset); --no-timestamp "
    "agar keluaran sama persis / record the date of preparation (SOURCE_DATE_EPOCH when set); "
    "--no-timestamp for byte-identical outputs.",
)
@click.option(
    "--limit",
    "limits",
    multiple=True,
    metavar="NAME=VALUE",
    help="Ubah batas masukan, mis. file_bytes=50000000 (lihat docs/limits.md) / "
    "change an input limit (see docs/limits.md).",
)
@click.option(
    "--debug",
    is_flag=True,
    help="Tampilkan rincian kesalahan internal / show the tracebacks of internal errors.",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Berkas konfigurasi (bawaan: sakip.toml atau pyproject.toml terdekat) / "
    "configuration file (default: the nearest sakip.toml or pyproject.toml).",
)
@click.option(
    "--isolated",
    is_flag=True,
    help="Abaikan berkas konfigurasi / ignore configuration files.",
)
@click.option(
    "--select",
    "select_codes",
    multiple=True,
    metavar="KODE",
    help="Jalankan hanya aturan ini (kode atau awalan, dipisah koma) / run only these rules.",
)
@click.option(
    "--extend-select",
    "extend_codes",
    multiple=True,
    metavar="KODE",
    help="Tambahkan aturan pada pilihan / add rules to the selection.",
)
@click.option(
    "--ignore",
    "ignore_codes",
    multiple=True,
    metavar="KODE",
    help="Jangan jalankan aturan ini (kode atau awalan) / do not run these rules.",
)
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Hanya temuan yang tidak ada di baseline ini yang menggagalkan / only findings not in "
    "this baseline fail the run.",
)
@click.option(
    "--write-baseline",
    "write_baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Tulis temuan saat ini sebagai baseline, lalu keluar 0 / write the current findings "
    "as a baseline, then exit 0.",
)
@click.option(
    "--exit-zero",
    is_flag=True,
    help="Keluar 0 walaupun ada temuan (kesalahan pemakaian dan internal tetap 2/3) / "
    "exit 0 even with findings.",
)
@click.option(
    "--statistics",
    is_flag=True,
    help="Tampilkan jumlah temuan per aturan di stderr / print counts per rule on stderr.",
)
@click.option(
    "--previous",
    multiple=True,
    metavar="FILE_OR_DIR",
    type=click.Path(exists=True, path_type=Path),
    help="Laporan tahun sebelumnya sebagai pembanding antartahun (boleh berulang; lihat "
    "docs/antartahun.md) / earlier reports to compare across years (repeatable).",
)
@click.option(
    "--reviu",
    "reviu_values",
    multiple=True,
    metavar="KUNCI=NILAI",
    help="Keterangan reviu untuk kertas kerja dan catatan hasil reviu, mis. "
    "surat_tugas.nomor=700/12/2022, periode.mulai=2022-03-14 (boleh berulang; kunci seperti "
    "tabel [reviu] konfigurasi) / reviu particulars for the working papers, keys as in the "
    "configuration's [reviu] table (repeatable).",
)
@rules_option
@click.pass_context
def check(
    ctx: click.Context,
    paths: tuple[str, ...],
    output_formats: tuple[str, ...],
    outputs: tuple[str, ...],
    lang: Lang,
    fail_on: str,
    stdin_format: str | None,
    exclude: tuple[str, ...],
    color: bool | None,
    jobs: int,
    timestamp: bool,
    limits: tuple[str, ...],
    debug: bool,
    config_path: Path | None,
    isolated: bool,
    select_codes: tuple[str, ...],
    extend_codes: tuple[str, ...],
    ignore_codes: tuple[str, ...],
    baseline_path: Path | None,
    write_baseline: Path | None,
    exit_zero: bool,
    statistics: bool,
    previous: tuple[Path, ...],
    reviu_values: tuple[str, ...],
    rules_paths: tuple[Path, ...],
) -> None:
    """Periksa laporan (berkas .toml/.json atau folder) / check reports (files or folders)."""
    from .api import NothingToCheck, RunOptions, run
    from .delivery import Destination, Streamed, streamed
    from .engine.packs import RulePackError
    from .outputs import available, load_output

    plan = pair_formats(ctx.meta.get("option_order", []), output_formats, outputs, default_format())
    unknown = [name for name, _ in plan if name not in available()]
    if unknown:
        raise click.UsageError(
            f"format {', '.join(unknown)} tidak dikenal / unknown format; "
            f"tersedia / available: {', '.join(available())}"
        )
    plugins = [(load_output(name), Destination.parse(target)) for name, target in plan]
    for plugin, destination in plugins:
        if plugin.binary and destination.path is None:
            raise click.UsageError(
                f"format {plugin.name} menulis berkas: beri -o BERKAS / writes a file: give -o FILE"
            )
    if sum(destination.path is None for _, destination in plugins) > 1:
        raise click.UsageError(
            "hanya satu format boleh menulis ke stdout; beri -o untuk yang lain / "
            "only one format may write to stdout; give -o for the others"
        )
    if paths.count("-") > 1:
        raise click.UsageError("stdin ('-') hanya dapat dibaca sekali / stdin can be read once")
    if "-" in paths and stdin_format is None:
        raise click.UsageError(
            "membaca stdin ('-') perlu --stdin-format toml|json / "
            "reading stdin needs --stdin-format"
        )
    # No output may replace an input, nor an earlier report given with --previous.
    explicit = [Path(given) for given in paths if given != "-"] + list(previous)
    _check_destinations(plugins, explicit)
    input_limits = DEFAULT_LIMITS
    for assignment in limits:
        try:
            input_limits = input_limits.replace(assignment)
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--limit") from None

    config = _configuration(paths, config_path, isolated, lang)
    given = {name for name in ctx.params if _from_command_line(ctx, name)}
    if "lang" not in given:
        lang = config.lang  # type: ignore[assignment]
    _settle(config, given, ctx.params)
    _settle_reviu(config, reviu_values)
    _check_destinations(plugins, list(config.previous))  # earlier reports in the configuration
    policy = _policy(config, exit_zero=exit_zero, lang=lang)
    progress = _progress_bar(lang) if _show_progress() else None
    # Outputs that can (JSON) write each report as soon as it is settled, while the
    # workers check the next files; the others render after the run.
    plugins = streamed(plugins, lang, baseline=policy.baseline is not None)
    writing = [plugin for plugin, _ in plugins if isinstance(plugin, Streamed)]

    def settled(report: FileReport) -> None:
        for plugin in writing:
            plugin.add(report)

    options = RunOptions(
        exclude=config.exclude,
        rule_paths=config.rules,
        jobs=config.jobs,
        keep_data=any(plugin.needs_data for plugin, _ in plugins),
        timestamp=timestamp,
        stdin_format=stdin_format,  # type: ignore[arg-type]
        policy=policy,
        limits=input_limits,
        include=config.include,
        include_root=config.root,
        progress=progress.advance if progress is not None else None,
        previous=config.previous,
        on_settled=settled if writing else None,
    )
    stdin = sys.stdin.buffer if sys.stdin is not None else io.BytesIO()
    try:
        result = run(paths, options, stdin=stdin)
    except RulePackError as error:
        _report_pack_error(error, lang)
    except NothingToCheck as nothing:
        skipped = (
            f" ({nothing.skipped} berkas bukan laporan / files are not reports)"
            if nothing.skipped
            else ""
        )
        raise click.UsageError(
            "tidak ada laporan untuk diperiksa / no report to check: " + " ".join(paths) + skipped
        ) from None
    finally:
        if progress is not None:
            progress.close()
    if write_baseline is not None:
        _write_baseline(result, write_baseline, lang)
    # A folder's files are inputs too: no output may replace one of them.
    checked = [Path(r.label) for r in result.files if r.label != "<stdin>"]
    _check_destinations(plugins, checked)
    _check_single_files(plugins, result)
    inputs = explicit + list(config.previous) + checked
    render_options = _render_options(lang, color, config, result)
    broken = _deliver(plugins, result, render_options, inputs, lang, debug)
    if debug:
        for failure in result.failures:
            click.echo(f"--- {failure.file}: {failure.stage.get(lang)}", err=True)
            click.echo(failure.traceback, err=True, nl=False)
    if statistics:
        _print_statistics(result, lang)
    assert result.verdict is not None  # run() applies the policy
    sys.exit(EXIT_INTERNAL if broken else result.verdict.exit_code)


def _from_command_line(ctx: click.Context, name: str) -> bool:
    """Whether option ``name`` was given on the command line or in the environment."""
    source = ctx.get_parameter_source(name)
    return source in (
        click.core.ParameterSource.COMMANDLINE,
        click.core.ParameterSource.ENVIRONMENT,
    )


def _codes(values: tuple[str, ...]) -> tuple[str, ...]:
    """``--select ANG,CAP001 --select LKP`` -> ("ANG", "CAP001", "LKP"), upper-cased."""
    codes = tuple(code.strip().upper() for value in values for code in value.split(","))
    wrong = [code for code in codes if not re.fullmatch(r"ALL|[A-Z]+[0-9]*", code)]
    if wrong:
        raise click.BadParameter(
            f"bukan kode aturan / not a rule code: {', '.join(wrong)}", param_hint="--select"
        )
    return tuple(code for code in codes if code)


def _configuration(
    paths: tuple[str, ...], explicit: Path | None, isolated: bool, lang: Lang
) -> Config:
    """The run's configuration; an invalid one is listed and exits 2."""
    from .config import ConfigError, resolve

    try:
        config, others = resolve(paths, explicit, isolated)
    except ConfigError as error:
        intro = "Konfigurasi tidak sah:" if lang == "id" else "Invalid configuration:"
        click.echo(intro, err=True)
        for finding in error.findings:
            click.echo(f"  {finding.location.display()}  {finding.message.get(lang)}", err=True)
        sys.exit(EXIT_USAGE)
    for other in others:
        click.echo(
            f"sakip-validate: {other} tidak dipakai; konfigurasi yang berlaku: {config.path} / "
            f"not used; the configuration in force is {config.path} (check separately)",
            err=True,
        )
    return config


def _settle(config: Config, given: set[str], params: dict[str, Any]) -> None:
    """Let the command line's options override (or extend) the configuration's values."""
    if "fail_on" in given:
        config.set("fail_on", params["fail_on"], "--fail-on")
    if "jobs" in given:
        config.set("jobs", params["jobs"], "--jobs")
    if "exclude" in given:
        config.set("exclude", config.exclude + tuple(params["exclude"]), "--exclude")
    if "rules_paths" in given:
        config.set("rules", config.rules + tuple(params["rules_paths"]), "--rules")
    if "select_codes" in given:
        config.set("select", _codes(params["select_codes"]), "--select")
    if "extend_codes" in given:
        extended = config.extend_select + _codes(params["extend_codes"])
        config.set("extend_select", extended, "--extend-select")
    if "ignore_codes" in given:
        config.set("ignore", config.ignore + _codes(params["ignore_codes"]), "--ignore")
    if "baseline_path" in given:
        config.set("baseline", params["baseline_path"], "--baseline")
    if "previous" in given:
        config.set("previous", config.previous + tuple(params["previous"]), "--previous")


def _settle_reviu(config: Config, values: tuple[str, ...]) -> None:
    """Apply ``--reviu KEY=VALUE`` over the configuration's [reviu] table (exit 2 when wrong)."""
    if not values:
        return
    from .config import reviu_options

    try:
        overlay = reviu_options(values, config.reviu)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--reviu") from None
    config.set_reviu(overlay, "--reviu")


def _policy(config: Config, *, exit_zero: bool, lang: Lang) -> Policy:
    """The run's policy from the settled configuration; a bad baseline or scale exits 2."""
    from .domain.scale import scale_named, use_scale
    from .policy import Policy, parse_fail_on
    from .policy.baseline import Baseline, BaselineError

    baseline = None
    if config.baseline is not None:
        try:
            baseline = Baseline.read(config.baseline)
        except BaselineError as error:
            raise click.UsageError(f"--baseline: {error}") from None
    if config.skala:
        try:
            use_scale(scale_named(config.skala, config.root))
        except ValueError as error:
            raise click.UsageError(f"skala: {error}") from None
    return Policy(
        fail_on=parse_fail_on(config.fail_on),
        selection=config.selection(),
        overrides=config.overrides,
        waivers=config.waivers,
        root=config.root or Path.cwd(),
        baseline=baseline,
        exit_zero=exit_zero,
    )


class _ProgressBar:
    """A progress bar on stderr, shown only for a batch on a terminal."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self.bar: Any = None
        self.task: Any = None

    def advance(self, done: int, total: int) -> None:
        if self.bar is None:
            if total < _PROGRESS_FROM:
                return
            from rich.console import Console
            from rich.progress import Progress

            self.bar = Progress(console=Console(stderr=True), transient=True)
            self.bar.start()
            word = "memeriksa" if self.lang == "id" else "checking"
            self.task = self.bar.add_task(word, total=total)
        self.bar.update(self.task, completed=done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


_PROGRESS_FROM = 10  # files: below this a run is over before a bar would help


def _show_progress() -> bool:
    return sys.stderr is not None and sys.stderr.isatty() and not os.environ.get("CI")


def _progress_bar(lang: Lang) -> _ProgressBar:
    return _ProgressBar(lang)


def _write_baseline(result: RunResult, target: Path, lang: Lang) -> NoReturn:
    """Write the run's active findings as a baseline and exit (0, or 3 after an internal error)."""
    import json

    from .policy.baseline import Baseline

    active = (
        f
        for report in result.files
        for f in report.findings
        if f.suppression is None and not f.rule.startswith("POLICY")
    )
    baseline = Baseline.of(active, target)
    text = json.dumps(baseline.document(), ensure_ascii=False, indent=2) + "\n"
    _write_text(target, text)
    count = len(baseline.entries)
    if lang == "en":
        click.echo(f"{target}: baseline of {count} findings written.", err=True)
    else:
        click.echo(f"{target}: baseline {count} temuan ditulis.", err=True)
    internal = result.verdict is not None and result.verdict.exit_code == EXIT_INTERNAL
    sys.exit(EXIT_INTERNAL if internal else 0)


def _print_statistics(result: RunResult, lang: Lang) -> None:
    """Findings per rule, most frequent first, on stderr (like ruff --statistics)."""

    tally = result.tally()
    counted = tally.per_rule(None)
    kinds = {"waiver": ("dikecualikan", "waived"), "baseline": ("di baseline", "in the baseline")}
    aside = {kind: tally.per_rule(kind) for kind in kinds}
    titles = {
        f.rule: f.title for report in result.files for f in report.findings if f.title is not None
    }
    rules = set(counted).union(*aside.values())
    for rule in sorted(rules, key=lambda r: (-counted[r], r)):
        title = titles[rule].get(lang) if rule in titles else ""
        extra = "".join(
            f" (+{aside[kind][rule]} {words[0] if lang == 'id' else words[1]})"
            for kind, words in kinds.items()
            if aside[kind][rule]
        )
        click.echo(f"{counted[rule]:>6}  {rule:<10} {title}{extra}", err=True)


def _check_destinations(
    plugins: list[tuple[OutputPlugin, Destination]], inputs: list[Path]
) -> None:
    """Exit 2 (usage) for an output that cannot or must not be written."""
    from .delivery import DeliveryError, check_destinations
    from .writing import OutputTargetError

    try:
        check_destinations(plugins, inputs)
    except (OutputTargetError, DeliveryError) as error:
        raise click.UsageError(
            f"-o {error.target}: {error.message_id} / {error.message_en}"
        ) from None


def _check_single_files(plugins: list[tuple[OutputPlugin, Destination]], result: RunResult) -> None:
    """Exit 2 when one file was asked for the papers of several reports."""
    from .delivery import DeliveryError, check_single_files

    try:
        check_single_files(plugins, result)
    except DeliveryError as error:
        raise click.UsageError(
            f"-o {error.target}: {error.message_id} / {error.message_en}"
        ) from None


def _render_options(
    lang: Lang, color: bool | None, config: Config, result: RunResult
) -> RenderOptions:
    """What the outputs are told besides the result; the date of preparation is the run's.

    A run that records its time (the default; ``--no-timestamp`` does not) dates
    the working papers with the run's date (``SOURCE_DATE_EPOCH`` when set)
    unless the auditor gave another.
    """
    from .clock import today
    from .outputs import RenderOptions

    reviu = config.particulars()
    recorded = result.manifest is not None and result.manifest.generated_at is not None
    if recorded and not reviu.prepared_on:
        reviu = dataclasses.replace(reviu, prepared_on=today().isoformat())
    return RenderOptions(
        lang=lang,
        color=color,
        max_annotations=config.github_annotations,
        markdown_max_chars=config.markdown_max_chars,
        reviu=reviu,
    )


def _deliver(
    plugins: list[tuple[OutputPlugin, Destination]],
    result: RunResult,
    options: RenderOptions,
    inputs: list[Path],
    lang: Lang,
    debug: bool,
) -> int:
    """Write every output (and the index of each folder of papers); the number that failed.

    A file that cannot be written exits 2; a format that fails is reported and
    the others are still written. With nothing on standard output, a summary of
    the run and of where each output went goes to standard error.
    """
    from .delivery import Delivered, deliver, summary_lines, write_indexes

    broken = 0
    delivered: list[Delivered] = []
    for plugin, destination in plugins:
        try:
            delivered.append(deliver(plugin, destination, result, options, inputs, sys.stdout))
        except OSError as error:
            if destination.path is None:
                raise  # stdout itself failed (closed pipe, full disk): nothing to add
            raise OutputError(
                str(error.filename or destination.path), hint=error.strerror
            ) from None
        except Exception as error:  # a broken output must not take the others with it
            broken += 1
            _report_render_failure(plugin.name, error, lang, debug)
    indexes: list[Path] = []
    try:
        indexes = write_indexes(delivered, result, options, inputs)
    except OSError as error:
        raise OutputError(str(error.filename), hint=error.strerror) from None
    except Exception as error:
        broken += 1
        _report_render_failure("indeks", error, lang, debug)
    if all(destination.path is not None for _, destination in plugins):
        for line in summary_lines(result, delivered, indexes, lang):
            click.echo(visible(line), err=True)
    return broken


def _report_render_failure(name: str, error: Exception, lang: Lang, debug: bool) -> None:
    said = f"{type(error).__name__}: {error}"
    if lang == "en":
        click.echo(
            f"sakip-validate: the {name} output failed ({said}); the others were written.", err=True
        )
    else:
        click.echo(
            f"sakip-validate: keluaran {name} gagal dibuat ({said}); keluaran lain tetap ditulis.",
            err=True,
        )
    if debug:
        click.echo("".join(traceback.format_exception(error)), err=True, nl=False)


@main.command()
def formats() -> None:
    """Daftar format keluaran yang terpasang / list the installed output formats."""
    from .outputs import available, load_output

    for name in available():
        try:
            plugin = load_output(name)
        except Exception as error:  # a broken third-party plugin must not hide the others
            click.echo(f"{name:<10} (tidak dapat dimuat / cannot be loaded: {error})")
            continue
        kind = "berkas/file" if plugin.binary else "teks/text"
        click.echo(f"{name:<10} {kind:<12} {plugin.description}")


def _packs_or_exit(rules_paths: tuple[Path, ...], lang: Lang) -> list[RulePack]:
    """The built-in packs and those given; an invalid pack is listed and exits 2."""
    from .engine.packs import RulePackError, load_packs

    try:
        return load_packs(rules_paths)
    except RulePackError as error:
        _report_pack_error(error, lang)


def _report_pack_error(error: RulePackError, lang: Lang) -> NoReturn:
    """List an invalid pack's problems on stderr and exit 2."""
    intro = "Paket aturan tidak sah:" if lang == "id" else "Invalid rule pack:"
    click.echo(intro, err=True)
    for finding in error.findings:
        click.echo(f"  {finding.location.display()}  {finding.message.get(lang)}", err=True)
    sys.exit(EXIT_USAGE)


def _write_text(path: Path, text: str, inputs: Sequence[Path] = ()) -> None:
    """Write a text file atomically; a target that cannot be written, or that is
    one of the ``inputs``, exits 2."""
    from .writing import OutputTargetError, check_target

    try:
        check_target(path, inputs)
        write_atomically(path, lambda stream: stream.write(text), binary=False)
    except OutputTargetError as error:
        raise click.UsageError(f"{path}: {error.message_id} / {error.message_en}") from None
    except OSError as error:
        raise OutputError(str(path), hint=error.strerror) from None


@main.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Tulis ke berkas / write to a file.",
)
def schema(output: Path | None) -> None:
    """Cetak JSON Schema LKjIP / print the LKjIP JSON Schema."""
    from .resources import schema_text

    if output is None:
        click.echo(schema_text(), nl=False)
        return
    _write_text(output, schema_text())


@main.command("import")
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Berkas data yang ditulis, .toml atau .json / the data file to write (.toml or "
    ".json); tanpa -o: TOML ke layar / without -o: TOML to the screen.",
)
@click.option("--force", is_flag=True, help="Timpa berkas yang sudah ada / overwrite.")
@lang_option
def import_(source: Path, output: Path | None, force: bool, lang: Lang) -> None:
    """Ubah buku kerja atau laporan tercetak menjadi data / a workbook or a report into data.

    \b
    .xlsx: buku kerja templat terisi; komentar TOML menyebut sel asal setiap nilai /
      a filled template workbook; TOML comments name each value's cell.
    .docx, .pdf, .txt: laporan tercetak menjadi draf; yang tidak pasti ditandai
      "# PERIKSA" / a printed report into a draft; what is uncertain is marked.
    Kode keluar / exit codes: 0 ditulis / written; 1 ditulis, tetapi ada tempat yang
    perlu dipastikan (daftar di layar) / written, but some places need confirming
    (listed); 2 masukan tidak terbaca atau keluaran tidak dapat ditulis / the input
    cannot be read or the output cannot be written.
    """
    from .reading import DOCUMENT_SUFFIXES

    if output is not None and output.suffix.lower() not in (".toml", ".json"):
        raise click.UsageError(
            f"{output}: beri nama berakhiran .toml atau .json / name it .toml or .json"
        )
    ending = source.suffix.lower()
    if ending == ".xlsx":
        _import_workbook(source, output, force, lang)
    elif ending in DOCUMENT_SUFFIXES:
        _import_report(source, output, force, lang)
    else:
        raise click.UsageError(
            f"{source}: impor membaca .xlsx, .docx, .pdf atau .txt / "
            "import reads .xlsx, .docx, .pdf or .txt"
        )


def _import_report(source: Path, output: Path | None, force: bool, lang: Lang) -> None:
    """A printed report (.docx, .pdf, .txt) to a draft; its IMPORT findings on stderr."""
    from .documents import import_path
    from .documents.draft import to_json, to_toml
    from .domain.citation import cite

    imported = _read_input(lambda: import_path(source, str(source)), output, force, lang)
    as_json = output is not None and output.suffix.lower() == ".json"
    name = output.name if output is not None else source.with_suffix(".toml").name
    text = to_json(imported) if as_json else to_toml(imported, name)
    for finding in imported.findings:
        place = cite(finding, lang)
        click.echo(f"{finding.rule} {place}: {finding.message.get(lang)}", err=True)
    if output is None:
        click.echo(text, nl=False)
        return
    _write_text(output, text, [source])
    click.echo(
        f"{output} ditulis, {len(imported.findings)} tempat perlu diperiksa (# PERIKSA) / "
        f"written, {len(imported.findings)} places to confirm. "
        f"Lalu / then: sakip-validate check {output}",
        err=True,
    )
    if imported.findings:
        sys.exit(1)


@main.command()
@click.argument("path", default="lkjip.toml", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--force", is_flag=True, help="Timpa berkas yang sudah ada / overwrite.")
@click.option(
    "--fragment",
    "--sebagian",
    "fragment",
    is_flag=True,
    help="Laporan sebagian: hanya beberapa tabel, kepala singkat / a partial report: "
    "only some tables, a short header.",
)
def init(path: str, force: bool, fragment: bool) -> None:
    """Tulis laporan awal yang lolos skema / write a starter report that passes the schema.

    Beside the report goes the JSON Schema (``lkjip.schema.json``), and the
    report's first line points at it, so that taplo (Even Better TOML in VS Code)
    completes keys and explains each field.
    """
    from .resources import SCHEMA_FILE, schema_text
    from .starter import starter_text

    if path == "-":
        click.echo(starter_text(partial=fragment), nl=False)
        return
    target = Path(path)
    if target.name == SCHEMA_FILE:
        raise click.UsageError(
            f"{SCHEMA_FILE} adalah nama berkas skema; pilih nama lain untuk laporan / "
            "is the schema file's name; choose another name for the report"
        )
    if target.exists() and not force:
        raise click.UsageError(
            f"{path} sudah ada; pakai --force untuk menimpa / already exists; use --force"
        )
    _write_text(target, starter_text(partial=fragment, schema=f"./{SCHEMA_FILE}"))
    schema_path = target.parent / SCHEMA_FILE
    shipped = schema_text()
    if not schema_path.exists() or force:
        _write_text(schema_path, shipped)
    elif _read_or_none(schema_path) != shipped:
        # Another report's editor may rely on it: replace it only when asked.
        click.echo(
            f"{schema_path} sudah ada dan berbeda dari skema versi ini; dibiarkan. "
            f"Perbarui: sakip-validate schema -o {schema_path} / "
            f"already exists and differs from this version's schema; left as it is.",
            err=True,
        )
    click.echo(f"{path} ditulis / written. Periksa / check: sakip-validate check {path}", err=True)


@main.command()
@click.option(
    "-o",
    "--output",
    "output",
    default="lkjip.xlsx",
    show_default=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Buku kerja yang ditulis / the workbook to write.",
)
@click.option("--force", is_flag=True, help="Timpa berkas yang sudah ada / overwrite.")
def template(output: Path, force: bool) -> None:
    """Tulis templat Excel untuk diisi / write the Excel input template to fill in.

    \b
    Satu lembar per tabel laporan, dibuat dari skema data; isi lalu periksa:
    one sheet per printed table, made from the data schema; fill it, then check:
      sakip-validate check lkjip.xlsx
    """
    from .workbook.writer import write_workbook

    _refuse_existing(output, force)
    _write_binary(output, lambda stream: write_workbook(stream))
    click.echo(
        f"{output} ditulis / written. Isi, lalu periksa / fill it, then check: "
        f"sakip-validate check {output}",
        err=True,
    )


def _import_workbook(source: Path, output: Path | None, force: bool, lang: Lang) -> None:
    """A filled template workbook to TOML (source cells in comments) or JSON."""
    from .reading import read_path
    from .workbook.toml_out import to_json, to_toml

    suffix = output.suffix.lower() if output is not None else ".toml"
    document = _read_input(lambda: read_path(source, str(source)), output, force, lang)
    if suffix == ".toml":
        text = to_toml(document.data, document.cells or {}, source.name)
    else:
        text = to_json(document.data)
    if output is None:
        click.echo(text, nl=False)
    else:
        _write_text(output, text, [source])
    for finding in document.notes:
        click.echo(
            f"  {finding.location.display()}  {finding.rule}  {visible(finding.message.get(lang))}",
            err=True,
        )
    if output is not None:
        click.echo(f"{output} ditulis / written.", err=True)
    if document.notes:
        sys.exit(1)


def _read_input(read: Callable[[], T], output: Path | None, force: bool, lang: Lang) -> T:
    """What ``read`` reads, once ``output`` may be written; an unreadable input exits 2."""
    from .loading import LoadFailed

    if output is not None:
        _refuse_existing(output, force)
    try:
        return read()
    except LoadFailed as failed:
        _show_load_failure(failed, lang)
        sys.exit(EXIT_USAGE)


@main.command("export")
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Buku kerja .xlsx yang ditulis / the .xlsx workbook to write.",
)
@click.option("--force", is_flag=True, help="Timpa berkas yang sudah ada / overwrite.")
@lang_option
def export_workbook(source: Path, output: Path, force: bool, lang: Lang) -> None:
    """Tulis laporan TOML/JSON ke templat Excel / write a TOML/JSON report into the template.

    \b
    Kode keluar / exit codes: 0 ditulis / written; 2 laporan tidak terbaca, memuat nilai
    yang tidak punya tempat di templat, atau keluaran tidak dapat ditulis / the report
    cannot be read, holds values the template has no place for, or the output cannot be
    written.
    """
    from .loading import LoadFailed
    from .reading import read_path
    from .workbook.writer import ExportError, write_workbook

    if output.suffix.lower() != ".xlsx":
        raise click.UsageError(f"{output}: beri nama berakhiran .xlsx / name it .xlsx")
    if source.suffix.lower() not in (".toml", ".json"):
        raise click.UsageError(f"{source}: bukan .toml atau .json / not .toml or .json")
    _refuse_existing(output, force)
    try:
        document = read_path(source, str(source))
    except LoadFailed as failed:
        _show_load_failure(failed, lang)
        sys.exit(EXIT_USAGE)
    if not isinstance(document.data, dict):
        raise click.UsageError(f"{source}: bukan laporan / not a report")
    try:
        import io as _io

        buffer = _io.BytesIO()
        write_workbook(buffer, document.data)
    except ExportError as error:
        click.echo(
            f"{source}: nilai berikut tidak punya tempat di templat / these values have no "
            "place in the template (periksa dulu / check first: sakip-validate check):",
            err=True,
        )
        for pointer in error.pointers[:20]:
            click.echo(f"  {document.locate(pointer).display()}  {pointer}", err=True)
        sys.exit(EXIT_USAGE)
    _write_binary(output, lambda stream: stream.write(buffer.getvalue()), source)
    click.echo(f"{output} ditulis / written.", err=True)


def _refuse_existing(target: Path, force: bool) -> None:
    if target.exists() and not force:
        raise click.UsageError(
            f"{target} sudah ada; pakai --force untuk menimpa / already exists; use --force"
        )


def _show_load_failure(failed: Any, lang: Lang) -> None:
    for finding in failed.findings:
        click.echo(
            f"{finding.location.display()}  {finding.rule}  {visible(finding.message.get(lang))}",
            err=True,
        )
        if finding.hint is not None:
            click.echo(f"  {visible(finding.hint.get(lang))}", err=True)


def _write_binary(path: Path, write: Any, source: Path | None = None) -> None:
    """Write a binary file atomically; a target that cannot be written exits 2."""
    from .writing import OutputTargetError, check_target

    try:
        check_target(path, [source] if source is not None else [])
        write_atomically(path, write, binary=True)
    except OutputTargetError as error:
        raise click.UsageError(f"{path}: {error.message_id} / {error.message_en}") from None
    except OSError as error:
        raise OutputError(str(path), hint=error.strerror) from None


def _read_or_none(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


@main.command("rules")
@lang_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="text: satu baris per aturan / one line per rule; markdown: docs/rules.md.",
)
@rules_option
def list_rules(lang: Lang, output_format: str, rules_paths: tuple[Path, ...]) -> None:
    """Daftar aturan: id, tingkat, paket, judul / list rules: id, severity, pack, title."""
    import json

    from .ruledocs import markdown

    packs = _packs_or_exit(rules_paths, lang)
    if output_format == "markdown":
        click.echo(markdown(packs), nl=False)
        return
    rows = [(rule, pack) for pack in packs for rule in pack.rules]
    if output_format == "json":
        document = [
            {
                "id": rule.id,
                "severity": rule.severity.label,
                "pack": pack.id,
                "kind": rule.kind,
                "title": rule.title.get(lang),
                "legal_basis": rule.legal_basis,
                # the reports the rule is for, by header field (null: every report)
                "applies_to": None
                if rule.applies_to is None
                else {
                    name: list(values)
                    for name in ("jenis", "tingkat", "cakupan")
                    if (values := rule.applies_to.get(name)) is not None
                },
            }
            for rule, pack in rows
        ]
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
        return
    for rule, pack in rows:
        click.echo(f"{rule.id:<8} {rule.severity.label:<8} {pack.id:<20} {rule.title.get(lang)}")


@main.command()
@click.argument("rule_id")
@lang_option
@rules_option
def explain(rule_id: str, lang: Lang, rules_paths: tuple[Path, ...]) -> None:
    """Jelaskan satu aturan / explain one rule (e.g. CAP001, SCHEMA003)."""
    from .codes import ALL_CODES
    from .ruledocs import explain as explain_rule

    wanted = rule_id.strip().upper()
    packs = _packs_or_exit(rules_paths, lang)
    for pack in packs:
        for rule in pack.rules:
            if rule.id == wanted:
                click.echo(explain_rule(rule, lang), nl=False)
                return
    for code in ALL_CODES:
        if code.id == wanted:
            click.echo(f"{code.id}: {code.title.get(lang)} ({code.severity.label})")
            return
    raise click.UsageError(
        f"aturan {rule_id!r} tidak ada / no such rule; lihat / see: sakip-validate rules"
    )


@main.command("config")
@click.argument("path", default=".", type=click.Path(path_type=Path))
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Berkas konfigurasi / configuration file.",
)
@click.option("--isolated", is_flag=True, help="Abaikan konfigurasi / ignore configuration.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: satu baris per kunci / one line per key; json: untuk mesin / for machines.",
)
@lang_option
def show_config(
    path: Path, config_path: Path | None, isolated: bool, output_format: str, lang: Lang
) -> None:
    """Tampilkan konfigurasi yang berlaku dan asalnya / show the effective configuration."""
    import json

    config = _configuration((str(path),), config_path, isolated, lang)
    rows = config.effective()
    if output_format == "json":
        document = {
            "file": str(config.path) if config.path else None,
            "settings": [{"key": k, "value": v, "source": src} for k, v, src in rows],
        }
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
        return
    where = str(config.path) if config.path else ("(tidak ada)" if lang == "id" else "(none)")
    click.echo(f"# {'berkas konfigurasi' if lang == 'id' else 'configuration file'}: {where}")
    for key, value, source in rows:
        click.echo(f"{key} = {json.dumps(value, ensure_ascii=False)}  # {source}")
