"""Speed of sakip-validate measured side by side with a schema-only check (check-jsonschema).

Usage (from the root of the checkout, after ``pip install -e '.[bench]'``)::

    python benchmarks/run.py            # the full run (about 10-15 minutes on 2 cores)
    python benchmarks/run.py --quick    # smaller sizes, for development (about 2 minutes)
    python benchmarks/run.py --write docs/performance.md

Every measured command is a new process over all its files, as a CI job runs it.
The anchor, ``check-jsonschema --schemafile schemas/lkjip.schema.json FILES``,
and our full check (schema and every rule pack, ``check -j 1 --format json``) run
alternately, several times, so that other work on the machine slows both alike;
each repetition gives a ratio, and the table shows their median and spread.
Nothing here is a test: no timing is asserted anywhere.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "schemas" / "lkjip.schema.json"
EXAMPLE = ROOT / "examples" / "jatinegara-2021.toml"
MAKE_CORPUS = Path(__file__).resolve().parent / "make_corpus.py"

SIZES = {
    # name: (files per format for the ratios, repetitions, files for --jobs, jobs
    # repetitions, files of the large run and of its quarter, rows of the large report)
    "full": (200, 5, 1000, 3, 10000, 20000),
    "quick": (60, 3, 200, 2, 1000, 4000),
}


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} is not installed: pip install -e '.[bench]'")
    return found


def _env(workdir: Path) -> dict[str, str]:
    # A warm bytecode cache, as an installed package has, written outside the sources.
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(workdir / "pycache")
    return env


def _tree_memory(pid: int) -> tuple[int, int]:
    """Resident and proportional bytes of ``pid`` and all its descendants now (0 once gone).

    Resident (RSS) counts a page shared by a forked worker and its parent in
    both; proportional (PSS) splits it between them, so its sum is the memory
    the tree really takes. The targets are judged on the larger, RSS.
    """
    rss = pss = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            for line in status.splitlines():
                if line.startswith("VmRSS:"):
                    rss += int(line.split()[1]) * 1024
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text()
            for line in rollup.splitlines():
                if line.startswith("Pss:"):
                    pss += int(line.split()[1]) * 1024
            for task in Path(f"/proc/{current}/task").iterdir():
                stack.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue
    return rss, pss


class Timed:
    """One run of a command: wall seconds, exit code, peak memory."""

    def __init__(
        self, seconds: float, code: int, maxrss: int, tree_peak: int, tree_pss: int = 0
    ) -> None:
        self.seconds = seconds
        self.code = code
        self.maxrss = maxrss  # largest single process of the tree (ru_maxrss via wait4)
        self.tree_peak = tree_peak  # largest RSS sum over the tree, sampled every 50 ms
        self.tree_pss = tree_pss  # largest PSS sum over the tree, sampled alike


def run(command: Sequence[str], env: dict[str, str], sample: bool = False) -> Timed:
    """Run ``command`` (output discarded) and time it; refuse exit codes other than 0/1."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=errors,
        )  # fmt: skip
        peak = [0, 0]
        done = threading.Event()

        def watch() -> None:
            while not done.wait(0.05):
                rss, pss = _tree_memory(process.pid)
                peak[0] = max(peak[0], rss)
                peak[1] = max(peak[1], pss)

        watcher = threading.Thread(target=watch, daemon=True) if sample else None
        if watcher is not None:
            watcher.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        done.set()
        if watcher is not None:
            watcher.join()
        code = os.waitstatus_to_exitcode(status)
        process.returncode = code
        if code not in (0, 1):
            errors.seek(0)
            detail = errors.read().decode("utf-8", "replace")[-2000:]
            raise RuntimeError(f"{' '.join(command)} exited with {code}:\n{detail}")
    return Timed(seconds, code, usage.ru_maxrss * 1024, peak[0], peak[1])


def _spread(values: list[float]) -> dict[str, Any]:
    return {
        "median": statistics.median(values),
        "min": min(values),
        "max": max(values),
        "samples": values,
    }


def make_corpus(folder: Path, files: int, env: dict[str, str], large: int = 0) -> None:
    """Typical reports (no broken file) by make_corpus.py, in a process of its own."""
    command = [sys.executable, str(MAKE_CORPUS), str(folder), "--files", str(files)]
    command += ["--broken", "0"]
    if large:
        command += ["--large-rows", str(large), "--large-format", "both"]
    subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def split_formats(folder: Path, into: Path) -> dict[str, list[Path]]:
    """Hard links of the corpus's TOML and JSON files in one folder per format."""
    found: dict[str, list[Path]] = {}
    for fmt in ("toml", "json"):
        target = into / fmt
        target.mkdir(parents=True, exist_ok=True)
        for path in sorted(folder.glob(f"[0-9]*.{fmt}")):
            link = target / path.name
            os.link(path, link)
            found.setdefault(fmt, []).append(link)
    return found


def ratios(
    ours: Sequence[str],
    anchor: Sequence[str],
    repeat: int,
    env: dict[str, str],
) -> dict[str, Any]:
    """Alternate the anchor and our command ``repeat`` times; ratio = anchor time / ours."""
    run(ours, env)  # warm-up: file cache and bytecode cache
    run(anchor, env)
    anchor_s, ours_s, ratio = [], [], []
    for index in range(repeat):
        # Alternate which goes first, so that a burst of other load hits both sides.
        pair = [(anchor, anchor_s), (ours, ours_s)]
        for command, into in pair if index % 2 == 0 else reversed(pair):
            into.append(run(command, env).seconds)
        ratio.append(anchor_s[-1] / ours_s[-1])
    return {"anchor_s": _spread(anchor_s), "ours_s": _spread(ours_s), "ratio": _spread(ratio)}


def cold(command: Sequence[str], repeat: int, env: dict[str, str]) -> dict[str, Any]:
    run(command, env)
    return _spread([run(command, env).seconds for _ in range(repeat)])


def stages(folder: str) -> dict[str, float]:
    """Milliseconds per file of each step, in this (fresh) process, over ``folder``'s files.

    Run as ``run.py --stages FOLDER`` in a process of its own. ``rules (cold caches)``
    empties the per-process caches (word slips, share runs) before every file, as if
    every report named different programs: the corpus variants share the example's
    names, which flatters the warm figure. ``positions of the findings`` is
    ``LoadedDocument.locate_all`` for the pointers of the file's findings (as
    ``run_rules`` asks for them, in one call); the rules' rows then run on documents
    already indexed, so they leave positions out as they did when that row was the full
    position index.
    """
    from sakip_validate.api import default_rules
    from sakip_validate.checks.distribusi import shares
    from sakip_validate.domain import names
    from sakip_validate.engine.runner import run_rules
    from sakip_validate.loading import load_path
    from sakip_validate.schema_check import check_schema

    paths = sorted(Path(folder).iterdir())
    rules = default_rules()
    run_rules(load_path(paths[0]), rules)  # imports, validators, packs
    timings: dict[str, float] = {}

    def timed(name: str, step: Any, items: list[Any]) -> list[Any]:
        start = time.perf_counter()
        out = [step(item) for item in items]
        timings[name] = (time.perf_counter() - start) / len(items) * 1000
        return out

    def cold_rules(document: Any) -> Any:
        for cache in (names._slip_cached, names._compare_cached, names._spelling_cached):
            cache.cache_clear()
        shares._RUNS.clear()
        return run_rules(document, rules)

    documents = timed("load", load_path, paths)
    timed("schema", check_schema, documents)
    # What a run spends on positions: one lookup of the values each file's findings point at.
    asked = [[(f.location.pointer, False) for f in run_rules(d, rules)] for d in documents]
    timed(
        "positions of the findings",
        lambda pair: pair[0].locate_all(pair[1]),
        list(zip(documents, asked, strict=True)),
    )
    for document in documents:
        document.positions  # noqa: B018 - indexed outside the rules' rows, as before
    timed("rules and findings (warm caches)", lambda d: run_rules(d, rules), documents)
    timed("rules and findings (cold caches)", cold_rules, documents)
    return timings


def measure(size: str, workdir: Path) -> dict[str, Any]:
    per_format, repeat, jobs_files, jobs_repeat, big, rows = SIZES[size]
    env = _env(workdir)
    ours = _tool("sakip-validate")
    anchor = _tool("check-jsonschema")
    out = workdir / "out.json"
    check = [ours, "check", "--format", "json", "-o", str(out), "--no-timestamp"]
    schema_only = [anchor, "--schemafile", str(SCHEMA)]
    results: dict[str, Any] = {"size": size, "load_before": os.getloadavg()}
    started = time.time()

    _say("corpus ...")
    make_corpus(workdir / "typical", 2 * per_format, env)
    formats = split_formats(workdir / "typical", workdir / "by-format")
    make_corpus(workdir / "jobs", jobs_files, env)
    make_corpus(workdir / "big", big, env)
    make_corpus(workdir / "quarter", big // 4, env)
    make_corpus(workdir / "large", 0, env, large=rows)

    for fmt in ("toml", "json"):
        _say(f"{fmt}: anchor and ours, {len(formats[fmt])} files, {repeat} times ...")
        files = [str(path) for path in formats[fmt]]
        results[fmt] = ratios(
            [*check, "-j", "1", str(workdir / "by-format" / fmt)],
            [*schema_only, *files],
            repeat,
            env,
        )
        results[fmt]["files"] = len(files)

    _say(f"--jobs 1 and --jobs 2 on {jobs_files} files ...")
    folder = str(workdir / "jobs")
    results["jobs"] = ratios(
        [*check, "-j", "2", folder], [*check, "-j", "1", folder], jobs_repeat, env
    )
    results["jobs"]["files"] = jobs_files

    _say("steps per file ...")
    results["stages"] = {}
    for fmt in ("toml", "json"):
        command = [sys.executable, str(Path(__file__).resolve()), "--stages"]
        done = subprocess.run(
            [*command, str(workdir / "by-format" / fmt)],
            cwd=ROOT, env=env, capture_output=True, text=True, check=True,
        )  # fmt: skip
        results["stages"][fmt] = json.loads(done.stdout)

    _say("cold runs ...")
    results["cold"] = {
        "python": cold([sys.executable, "-c", "pass"], 7, env),
        "version": cold([ours, "--version"], 7, env),
        "check_one": cold([*check, str(EXAMPLE)], 7, env),
        "anchor_one": cold([*schema_only, str(EXAMPLE)], 7, env),
    }

    _say("large report ...")
    results["large"] = {}
    for fmt in ("toml", "json"):
        path = workdir / "large" / f"large-{rows}.{fmt}"
        pair = ratios([*check, "-j", "1", str(path)], [*schema_only, str(path)], 2, env)
        pair["bytes"] = path.stat().st_size
        results["large"][fmt] = pair
    results["large"]["rows"] = rows

    _say(f"{big // 4} and {big} files with --jobs 2 ...")
    runs: dict[str, Any] = {}
    # The quarter runs before and after the big run, and the faster counts: one
    # burst of other work during a single short run would skew the growth ratio.
    for name, count in (("quarter", big // 4), ("big", big), ("quarter", big // 4)):
        timed = run([*check, "-j", "2", str(workdir / name)], env, sample=True)
        if name in runs and runs[name]["seconds"] <= timed.seconds:
            runs[name]["samples"].append(timed.seconds)
            continue
        runs[name] = {
            "files": count,
            "seconds": timed.seconds,
            "maxrss": timed.maxrss,
            "tree_peak": timed.tree_peak,
            "tree_pss": timed.tree_pss,
            "samples": [*runs.get(name, {}).get("samples", []), timed.seconds],
        }
    results["scale"] = runs
    results["load_after"] = os.getloadavg()
    results["minutes"] = (time.time() - started) / 60
    return results


# --------------------------------------------------------------------------- report


def _range(spread: dict[str, Any], unit: str = "", scale: float = 1.0, digits: int = 2) -> str:
    low, high = spread["min"] * scale, spread["max"] * scale
    return f"{low:.{digits}f}-{high:.{digits}f}{unit}"


def table(results: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """(measurement, value, spread, target and whether it is met) rows."""
    rows = []
    for fmt, want in (("toml", 5.0), ("json", 10.0)):
        r = results[fmt]
        files = r["files"]
        ours_fps = files / r["ours_s"]["median"]
        anchor_fps = files / r["anchor_s"]["median"]
        rows.append(
            (
                f"{fmt.upper()}: full check vs schema-only, {files} files, one process",
                f"{r['ratio']['median']:.2f}x ({ours_fps:.0f} vs {anchor_fps:.0f} files/s)",
                _range(r["ratio"], "x"),
                f">= {want:.0f}x: {'met' if r['ratio']['median'] >= want else 'NOT met'}",
            )
        )
    j = results["jobs"]
    rows.append(
        (
            f"--jobs 2 vs --jobs 1, {j['files']} files",
            f"{j['ratio']['median']:.2f}x ({j['ours_s']['median']:.1f} s vs "
            f"{j['anchor_s']['median']:.1f} s)",
            _range(j["ratio"], "x"),
            f">= 1.7x: {'met' if j['ratio']['median'] >= 1.7 else 'NOT met'}",
        )
    )
    c = results["cold"]
    for key, name, limit in (
        ("python", "cold: python -c pass", None),
        ("version", "cold: sakip-validate --version", 0.15),
        ("check_one", "cold: check one typical file (--format json)", 0.30),
        ("anchor_one", "cold: check-jsonschema on the same file", None),
    ):
        median = c[key]["median"]
        verdict = ""
        if limit is not None:
            verdict = f"<= {limit:.2f} s: {'met' if median <= limit else 'NOT met'}"
        rows.append((name, f"{median:.3f} s", _range(c[key], " s", digits=3), verdict))
    large = results["large"]
    for fmt in ("toml", "json"):
        r = large[fmt]
        rows.append(
            (
                f"large {fmt.upper()} ({large['rows']} budget rows, {r['bytes'] / 1e6:.1f} MB)",
                f"{r['ours_s']['median']:.2f} s; {r['ratio']['median']:.2f}x check-jsonschema",
                _range(r["ours_s"], " s"),
                "",
            )
        )
    s = results["scale"]
    quarter, big = s["quarter"], s["big"]
    growth = big["seconds"] / quarter["seconds"]
    per_file = big["seconds"] / big["files"]
    projected = per_file * 100_000 / 60
    rows.append(
        (
            f"{quarter['files']} files, --jobs 2",
            f"{quarter['seconds']:.1f} s ({quarter['files'] / quarter['seconds']:.0f} files/s)",
            "runs: " + ", ".join(f"{sample:.1f} s" for sample in quarter["samples"]),
            "faster of a run before and one after the big run",
        )
    )
    rows.append(
        (
            f"{big['files']} files, --jobs 2",
            f"{big['seconds']:.1f} s ({big['files'] / big['seconds']:.0f} files/s)",
            f"x{growth:.2f} for x4 the files",
            "",
        )
    )
    rows.append(
        (
            "100,000 files, --jobs 2 (projected, linear)",
            f"{projected:.1f} min",
            "",
            f"<= 5 min: {'met' if projected <= 5 else 'NOT met'}",
        )
    )
    mib = 2**20
    rows.append(
        (
            f"peak memory, {big['files']} files, --jobs 2",
            f"{big['tree_peak'] / mib:.0f} MiB all processes (RSS)",
            f"PSS {big.get('tree_pss', 0) / mib:.0f} MiB; "
            f"largest process {big['maxrss'] / mib:.0f} MiB",
            f"<= 200 MB: {'met' if big['tree_peak'] <= 200e6 else 'NOT met'}",
        )
    )
    return rows


def render(results: dict[str, Any]) -> str:
    rows = [("measurement", "median", "spread", "target"), *table(results)]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = ["| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) + " |"
             for row in rows]  # fmt: skip
    lines.insert(1, "| " + " | ".join("-" * w for w in widths) + " |")
    return "\n".join(lines)


def steps_table(results: dict[str, Any]) -> str:
    """Milliseconds per typical file of each step, per format."""
    found = results["stages"]
    names = list(found["toml"])
    lines = ["| step, ms per file | TOML | JSON |", "| --- | --- | --- |"]
    for name in names:
        lines.append(f"| {name} | {found['toml'][name]:.1f} | {found['json'][name]:.1f} |")
    return "\n".join(lines)


def header(results: dict[str, Any], command: str) -> str:
    commit = subprocess.run(
        ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    before, after = results["load_before"], results["load_after"]
    return (
        f"Measured {dt.date.today().isoformat()} at commit `{commit}`, Python "
        f"{platform.python_version()}, {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs; load average (1, 5, 15 min) before "
        f"{before[0]:.2f} {before[1]:.2f} {before[2]:.2f}, after "
        f"{after[0]:.2f} {after[1]:.2f} {after[2]:.2f}; the run took "
        f"{results['minutes']:.1f} minutes.\n\n```sh\n{command}\n```"
    )


def write_doc(path: Path, results: dict[str, Any], command: str) -> None:
    """Replace the table section of ``path`` (between the markers) with this run."""
    start, end = "<!-- benchmark:start -->", "<!-- benchmark:end -->"
    block = (
        f"{start}\n{header(results, command)}\n\n{render(results)}\n\n"
        f"Steps of the full check, one process, {results['toml']['files']} files per format "
        f"(`run.py --stages`):\n\n{steps_table(results)}\n{end}"
    )
    text = path.read_text(encoding="utf-8") if path.exists() else f"{start}\n{end}\n"
    before, _, rest = text.partition(start)
    _, _, after = rest.partition(end)
    path.write_text(before + block + after, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for development")
    parser.add_argument("--write", type=Path, help="put the table into this Markdown file")
    parser.add_argument("--save", type=Path, help="write the raw results as JSON")
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    parser.add_argument("--stages", help=argparse.SUPPRESS)  # internal: one measuring process
    args = parser.parse_args(argv)
    if args.stages:
        print(json.dumps(stages(args.stages)))
        return 0
    workdir = Path(tempfile.mkdtemp(prefix="sakip-bench-"))
    try:
        results = measure("quick" if args.quick else "full", workdir)
    finally:
        if args.keep:
            _say(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    command = "python benchmarks/run.py" + (" --quick" if args.quick else "")
    if args.write:
        command += f" --write {args.write}"
    print(header(results, command))
    print()
    print(render(results))
    print()
    print(steps_table(results))
    if args.save:
        args.save.write_text(json.dumps(results, indent=2), encoding="utf-8")
    if args.write:
        write_doc(args.write, results, command)
    return 0


if __name__ == "__main__":
    sys.exit(main())
