"""Every command in the user guides (Bahasa Indonesia and English) runs as the guide says.

Each guide is read from top to bottom. Every line of a shell code block (``sh``, ``bat``,
``powershell``) is either a ``sakip-validate`` / ``python -m sakip_validate`` command, run
in-process with click's CliRunner in one temporary folder per guide (so a command can use the
files an earlier one wrote), or matches one rule of :data:`NOT_RUN`, which says why it cannot
run in a test. A line that is neither fails the test, and so does a rule that no line needs.
A ``text`` block right after a block holding one command is that command's expected output:
each of its lines must appear in the output.
"""

from __future__ import annotations

import re
import shlex
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from sakip_validate import __version__
from sakip_validate.cli import main

ROOT = Path(__file__).resolve().parent.parent
GUIDES = {"id": ROOT / "docs" / "panduan.md", "en": ROOT / "docs" / "guide.md"}
SHELLS = {"sh": "\\", "bat": "^", "powershell": "`"}  # each with its line continuation

# Lines that are not run here, each with the reason. Installing is what tests/packaging does
# (a wheel built and installed in a fresh virtual environment, the checkout run in place);
# pipx and PyPI downloads need the network, and the Windows lines need Windows.
NOT_RUN: dict[str, str] = {
    r"(python3|py) -m venv \.venv": "makes a virtual environment (tests/packaging does)",
    r"\. \.venv/bin/activate": "activates a virtual environment in the user's shell",
    r"\.venv\\Scripts\\activate": "Windows: activates a virtual environment",
    r"pip install (\.|-e '\.\[test\]')": "installs from the checkout (tests/packaging does)",
    r"(py|python3?) -m pip install --user pipx": "installs pipx from PyPI (network)",
    r"(py|python3?) -m pipx ensurepath": "changes the user's PATH",
    r"pipx (install|run) .*": "pipx fetches the dependencies from PyPI (network)",
    r"(py|python3?) -m pip wheel --no-deps -w dist \.": "builds the wheel (tests/packaging does)",
    r"(py|python3?) -m pip wheel \S+\.whl -w wheelhouse": "downloads the dependencies (network)",
    r"(py|python3?) -m pip install \S+\.whl": "installs the wheel (tests/packaging does)",
    r"(py|python3?) -m pip install --no-index --find-links wheelhouse sakip-validate": (
        "installs from the wheelhouse that the line before it downloads"
    ),
}

# Files the guides name without creating them, laid out before the first command.
PREPARED = {
    "examples": ROOT / "examples",  # the reference report, as in a checkout
    "aturan-daerah": ROOT / "tests" / "data" / "user_pack",  # a region's own rule pack
    "laporan": ROOT / "examples",  # a folder of reports for the CI chapter
}

# Exit codes each command may give: ``check`` reports findings with 1, the rest succeed.
EXIT_CODES = {"check": {0, 1}, "import": {0, 1}}  # import: 1 = written, places to confirm


@dataclass(frozen=True)
class Block:
    lang: str
    text: str
    line: int  # where the block starts in the guide


@dataclass(frozen=True)
class Command:
    guide: str
    line: int
    text: str  # as written in the guide (continuations joined)
    expected: str | None  # the text block that follows, if any
    windows: bool = False  # from a bat or powershell block: paths written with \\


def blocks(text: str) -> list[Block]:
    """The fenced code blocks of a Markdown text, in order (indented fences included)."""
    found = []
    pattern = re.compile(r"^( *)```(\w*)\n(.*?)^\1```$", re.DOTALL | re.MULTILINE)
    for match in pattern.finditer(text):
        indent = len(match.group(1))
        body = "\n".join(line[indent:] for line in match.group(3).splitlines())
        found.append(Block(match.group(2), body, text.count("\n", 0, match.start()) + 1))
    return found


def _logical_lines(block: Block) -> Iterator[tuple[int, str]]:
    """Lines with their continuations (sh ``\\``, cmd ``^``) joined, comments dropped."""
    pending, start = "", 0
    continuation = SHELLS[block.lang]
    for offset, raw in enumerate(block.text.splitlines()):
        if not pending:
            start = block.line + 1 + offset
        line = raw.rstrip()
        if line.endswith(continuation):
            pending += line[:-1] + " "
            continue
        line = re.sub(r"\s+#.*$", "", pending + line).strip()  # a comment after the command
        pending = ""
        if line and not line.startswith("#"):
            yield start, line


def _is_tool(line: str) -> bool:
    return line.startswith(("sakip-validate", "python -m sakip_validate", "py -m sakip_validate"))


def commands(guide: str) -> list[Command]:
    """The guide's tool commands in order; fails on a line neither run nor listed."""
    found: list[Command] = []
    text = GUIDES[guide].read_text(encoding="utf-8")
    all_blocks = blocks(text)
    for index, block in enumerate(all_blocks):
        if block.lang not in SHELLS:
            continue
        lines = list(_logical_lines(block))
        after = all_blocks[index + 1] if index + 1 < len(all_blocks) else None
        expected = (
            after.text if after is not None and after.lang == "text" and len(lines) == 1 else None
        )
        for number, line in lines:
            for part in (p.strip() for p in line.split(" && ")):
                if _is_tool(part):
                    windows = block.lang != "sh"
                    found.append(Command(guide, number, part, expected, windows))
                elif not any(re.fullmatch(rule, part) for rule in NOT_RUN):
                    where = f"{GUIDES[guide].name}:{number}"
                    pytest.fail(f"{where}: `{part}` is neither run nor listed in NOT_RUN")
    return found


def _argv(command: Command) -> list[str]:
    text = command.text.replace("\\", "/") if command.windows else command.text
    words = shlex.split(text, comments=True)
    # `python -m sakip_validate` and `py -m sakip_validate` are the same command line
    return words[3:] if words[0] in {"python", "py"} else words[1:]


def _run_guide(guide: str, folder: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    for name, source in PREPARED.items():
        shutil.copytree(source, folder / name)
    monkeypatch.chdir(folder)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("SAKIP_VALIDATE_LANG", raising=False)  # the guides say --lang en
    problems = []
    for command in commands(guide):
        argv = _argv(command)
        result = CliRunner().invoke(main, argv)
        output = result.output
        where = f"{GUIDES[guide].name}:{command.line}: {command.text}"
        allowed = EXIT_CODES.get(argv[0], {0})
        if result.exit_code not in allowed:
            problems.append(f"{where}: exit {result.exit_code}, not in {allowed}\n{output}")
        if "Traceback" in output or not (
            result.exception is None or isinstance(result.exception, SystemExit)
        ):
            problems.append(f"{where}: crashed: {result.exception!r}\n{output}")
        for line in (command.expected or "").splitlines():
            if line.strip() and line.strip() not in output:
                problems.append(f"{where}: output lacks the guide's line {line.strip()!r}")
    return problems


@pytest.mark.parametrize("guide", sorted(GUIDES))
def test_every_command_in_the_guide_runs_as_shown(
    guide: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert commands(guide), "the guide shows no command"
    problems = _run_guide(guide, tmp_path, monkeypatch)
    assert not problems, "\n\n".join(problems)


def test_every_rule_for_lines_not_run_is_needed() -> None:
    parts = []
    for path in GUIDES.values():
        for block in blocks(path.read_text(encoding="utf-8")):
            if block.lang in SHELLS:
                lines = [line for _, line in _logical_lines(block)]
                parts += [part.strip() for line in lines for part in line.split(" && ")]
    for rule, reason in NOT_RUN.items():
        assert any(re.fullmatch(rule, part) for part in parts), f"unused rule: {rule} ({reason})"


def test_the_guides_name_the_wheel_of_this_version() -> None:
    for path in GUIDES.values():
        for name in re.findall(r"sakip_validate-[\w.]+?-py3-none-any\.whl", path.read_text()):
            assert name == f"sakip_validate-{__version__}-py3-none-any.whl", (path.name, name)


def _structure(path: Path) -> tuple[int, list[str]]:
    text = path.read_text(encoding="utf-8")
    outside = re.sub(r"^( *)```.*?^\1```$", "", text, flags=re.DOTALL | re.MULTILINE)
    headings = re.findall(r"^## ", outside, re.MULTILINE)
    return len(headings), [block.lang for block in blocks(text)]


def test_the_two_guides_have_the_same_chapters_and_code_blocks() -> None:
    chapters_id, blocks_id = _structure(GUIDES["id"])
    chapters_en, blocks_en = _structure(GUIDES["en"])
    assert chapters_id == chapters_en
    assert blocks_id == blocks_en  # the same blocks, of the same kinds, in the same order


def test_the_guides_link_each_other_and_the_readme_links_both() -> None:
    assert "(guide.md)" in GUIDES["id"].read_text(encoding="utf-8")
    assert "(panduan.md)" in GUIDES["en"].read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/panduan.md" in readme and "docs/guide.md" in readme


def test_the_command_reader_knows_continuations_and_rejects_unknown_lines() -> None:
    block = Block("sh", "sakip-validate check a.toml \\\n  --format json  # komentar\n", 1)
    assert list(_logical_lines(block)) == [(2, "sakip-validate check a.toml    --format json")]
    assert _argv(Command("id", 1, "py -m sakip_validate check x\\y.toml", None, True)) == [
        "check",
        "x/y.toml",
    ]
    assert not any(re.fullmatch(rule, "rm -rf laporan") for rule in NOT_RUN)
