"""Inputs made at test time: FIFOs, devices, links, huge and closed streams, hostile names,
interrupted and killed runs, poisoned batches. None hangs, none loses a file."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import sakip_validate.api as api_module
from sakip_validate.cli import main

ROOT = Path(__file__).resolve().parent.parent.parent
VALID = ROOT / "tests" / "data" / "valid.toml"
EXAMPLE = ROOT / "examples" / "jatinegara-2021.toml"
CHECK = [sys.executable, "-m", "sakip_validate", "check"]
QUICK = 20  # seconds: every case here answers at once; a hang fails instead of blocking CI


def cli(*args: str | Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "sakip_validate", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=QUICK,
        env=env,
        check=False,
        **kwargs,  # type: ignore[arg-type]
    )


def no_traceback(done: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in done.stdout + done.stderr, done.stderr


# -- things that are not files ---------------------------------------------------------


def test_a_fifo_named_like_a_report_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "laporan.toml"
    os.mkfifo(fifo)
    done = cli("check", fifo)
    no_traceback(done)
    assert done.returncode == 2
    assert "bukan berkas biasa" in done.stdout


def test_a_fifo_in_a_folder_and_under_rules(tmp_path: Path) -> None:
    folder = tmp_path / "laporan"
    folder.mkdir()
    (folder / "a.toml").write_bytes(VALID.read_bytes())
    os.mkfifo(folder / "b.toml")
    done = cli("check", folder, "--format", "json")
    no_traceback(done)
    files = {Path(f["file"]).name: f for f in json.loads(done.stdout)["files"]}
    assert files["a.toml"]["findings"] == 0 and not files["b.toml"]["readable"]
    assert done.returncode == 2
    rules = tmp_path / "aturan"
    rules.mkdir()
    os.mkfifo(rules / "pack.toml")
    done = cli("check", VALID, "--rules", rules)
    no_traceback(done)
    assert done.returncode == 2 and "Paket aturan tidak sah" in done.stderr


def test_devices_and_links_to_devices(tmp_path: Path) -> None:
    link = tmp_path / "nol.toml"
    link.symlink_to("/dev/zero")
    for target in (link, Path("/dev/zero")):
        done = cli("check", target)
        no_traceback(done)
        assert done.returncode == 2
    done = cli("check", "-", "--stdin-format", "json", stdin=open("/dev/zero", "rb"))  # noqa: SIM115
    no_traceback(done)
    assert done.returncode == 2
    assert "melebihi batas" in done.stdout


def test_a_file_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    big = tmp_path / "besar.toml"
    with big.open("wb") as handle:  # sparse: costs no disk
        handle.truncate(64 * 1024 * 1024)
    start = time.monotonic()
    done = cli("check", big)
    no_traceback(done)
    assert done.returncode == 2 and "melebihi batas" in done.stdout
    assert time.monotonic() - start < QUICK
    done = cli("check", big, "--limit", "file_bytes=100000000")
    assert done.returncode == 1  # read now: zero bytes are not TOML


def test_link_loops_and_repeated_links_check_each_file_once(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_bytes(VALID.read_bytes())
    (tmp_path / "ke-sini").symlink_to(".")
    (tmp_path / "ke-sini-lagi").symlink_to(".")
    (tmp_path / "salinan.toml").symlink_to("a.toml")
    done = cli("check", tmp_path, tmp_path / "a.toml", "--format", "json")
    no_traceback(done)
    assert done.returncode == 0
    assert json.loads(done.stdout)["summary"]["files"] == 1


def test_structures_built_at_test_time(tmp_path: Path) -> None:
    deep = tmp_path / "kunci.toml"
    deep.write_text("a" + ".a" * 100_000 + " = 1\n", encoding="utf-8")
    many = tmp_path / "banyak.json"
    many.write_text("[" + ",".join(["0"] * 600_000) + "]", encoding="utf-8")
    for path, code in ((deep, "LOAD007"), (many, "LOAD007")):
        done = cli("check", path)
        no_traceback(done)
        assert done.returncode == 1 and code in done.stdout


def test_closed_standard_input() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "sakip_validate", "check", "-", "--stdin-format", "toml"],
        capture_output=True,
        text=True,
        timeout=QUICK,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    no_traceback(done)
    assert done.returncode == 1  # an empty document: the schema says what is missing
    closed = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, runpy, sys; os.close(0); sys.stdin = None; "
            "sys.argv = ['sakip-validate', 'check', '-', '--stdin-format', 'json']; "
            "runpy.run_module('sakip_validate', run_name='__main__')",
        ],
        capture_output=True,
        text=True,
        timeout=QUICK,
        check=False,
    )
    no_traceback(closed)
    assert closed.returncode in (1, 2)


def test_hostile_file_names_reach_no_terminal(tmp_path: Path) -> None:
    name = tmp_path / "a\x1b]0;judul\x07b\nc.toml"
    name.write_bytes((ROOT / "tests" / "data" / "broken" / "wrong-type.toml").read_bytes())
    for fmt in ("console", "github", "markdown", "junit"):
        done = cli("check", name, "--format", fmt)
        no_traceback(done)
        assert "\x1b" not in done.stdout and "\x07" not in done.stdout, fmt
    console = cli("check", name).stdout
    assert "a\\x1b]0;judul\\x07b\\nc.toml:5:18" in console


# -- outputs are never lost ------------------------------------------------------------


def test_an_output_may_not_replace_an_input(tmp_path: Path) -> None:
    report = tmp_path / "laporan.toml"
    report.write_bytes(VALID.read_bytes())
    before = report.read_bytes()
    done = cli("check", report, "--format", "json", "-o", report)
    assert done.returncode == 2 and "berkas masukan" in done.stderr
    assert report.read_bytes() == before
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "x.toml").write_bytes(before)
    done = cli("check", folder, "--format", "json", "-o", folder / "x.toml")
    assert done.returncode == 2
    assert (folder / "x.toml").read_bytes() == before
    assert cli("check", report, "--format", "json", "-o", tmp_path).returncode == 2
    assert cli("check", report, "--format", "json", "-o", tmp_path / "no" / "x").returncode == 2


def test_killing_a_run_mid_write_leaves_the_previous_output(tmp_path: Path) -> None:
    folder = tmp_path / "arsip"
    folder.mkdir()
    text = EXAMPLE.read_bytes()
    for index in range(150):
        (folder / f"laporan-{index:03d}.toml").write_bytes(text)
    papers = tmp_path / "kkr"
    papers.mkdir()
    previous = b"the previous workbook"
    for name in ("laporan-000.xlsx", "laporan-149.xlsx", "indeks.xlsx"):
        (papers / name).write_bytes(previous)
    process = subprocess.Popen(
        [*CHECK, str(folder), "-j", "1", "--format", "excel", "-o", f"{papers}/"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not list(papers.glob(".*.xlsx.*.tmp")):  # a new workbook is being written
        assert process.poll() is None, "the run ended before it started writing"
        assert time.monotonic() < deadline
        time.sleep(0.01)
    process.kill()
    process.wait()
    # Every paper is the previous file or a complete new one, never half a workbook;
    # the last report's and the index (written last) are untouched.
    for paper in papers.glob("*.xlsx"):
        data = paper.read_bytes()
        assert data == previous or zipfile.ZipFile(io.BytesIO(data)).testzip() is None, paper
    assert (papers / "laporan-149.xlsx").read_bytes() == previous
    assert (papers / "indeks.xlsx").read_bytes() == previous


def test_ctrl_c_exits_130_and_writes_nothing_half(tmp_path: Path) -> None:
    folder = tmp_path / "arsip"
    folder.mkdir()
    for index in range(300):
        (folder / f"l-{index:03d}.toml").write_bytes(EXAMPLE.read_bytes())
    target = tmp_path / "hasil.json"
    process = subprocess.Popen(
        [*CHECK, str(folder), "-j", "2", "--format", "json", "-o", str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(2.0)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=QUICK)
    assert "Traceback" not in stdout + stderr, stderr
    assert process.returncode == 130
    assert not target.exists() or json.loads(target.read_text(encoding="utf-8"))


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text()
        found |= {int(part) for part in text.split()}
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_workers_do_not_outlive_a_killed_run(tmp_path: Path) -> None:
    folder = tmp_path / "arsip"
    folder.mkdir()
    for index in range(400):
        (folder / f"l-{index:03d}.toml").write_bytes(EXAMPLE.read_bytes())
    process = subprocess.Popen(
        [*CHECK, str(folder), "-j", "2", "--format", "json"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    workers: set[int] = set()
    while len(workers) < 2 and time.monotonic() < deadline:
        workers = _children(process.pid)
        time.sleep(0.05)
    assert len(workers) >= 2, "the run started no workers"
    process.kill()
    process.wait()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in workers), "a worker outlived its run"


# -- one poisoned file does not sink the batch -------------------------------------------


def test_a_crash_on_one_file_is_contained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("a.toml", "b-racun.toml", "c.toml"):
        (tmp_path / name).write_bytes(VALID.read_bytes())
    real = api_module._check_loaded

    def poisoned(document, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "racun" in document.label:
            raise RuntimeError("boom")
        return real(document, *args, **kwargs)

    monkeypatch.setattr(api_module, "_check_loaded", poisoned)
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--format", "json", "-j", "1"])
    assert result.exit_code == 3
    document = json.loads(result.output)
    by_file = {Path(f["file"]).name: f for f in document["files"]}
    assert by_file["a.toml"]["findings"] == 0 and by_file["c.toml"]["findings"] == 0
    [internal] = [f for f in document["findings"] if f["rule"] == "INTERNAL001"]
    assert internal["file"].endswith("b-racun.toml")
    assert "RuntimeError: boom" in internal["message"]
    debug = CliRunner().invoke(main, ["check", str(tmp_path), "--debug"])
    assert "Traceback" in debug.output and "boom" in debug.output


def test_a_dying_worker_costs_only_its_own_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Workers are forked from this process, so they inherit the poisoned check.
    for index in range(60):
        name = "racun.toml" if index == 45 else f"l-{index:02d}.toml"
        (tmp_path / name).write_bytes(VALID.read_bytes())
    real = api_module._check_loaded

    def dies(document, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "racun" in document.label:
            os._exit(9)
        return real(document, *args, **kwargs)

    monkeypatch.setattr(api_module, "_check_loaded", dies)
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--format", "json", "-j", "2"])
    assert result.exit_code == 3, result.output
    document = json.loads(result.output)
    lost = {f["file"] for f in document["findings"] if f["rule"] == "INTERNAL001"}
    assert any(name.endswith("racun.toml") for name in lost)
    assert len(lost) <= api_module.CHUNK  # only the chunk that held it
    assert len(document["files"]) == 60
    clean = [f for f in document["files"] if f["findings"] == 0]
    assert len(clean) >= 60 - api_module.CHUNK
