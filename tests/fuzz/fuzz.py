"""A longer fuzz run: mutate real reports many times and check that nothing escapes.

Each case takes one of the seed reports (the starter report and the reference
report, in TOML and JSON), applies a few random mutations (byte flips, inserted
and deleted spans, repeated lines, extreme numbers, deep nesting, control
characters), and runs the whole check: loading, limits, schema, integrity and
every rule, then the json and console outputs for one case in ten. A case fails
when an exception escapes or an INTERNAL001 finding appears. Run it with::

    python -m tests.fuzz.fuzz --cases 100000 --jobs 2 --seed 1

It prints the outcome counts and exits 1 when a case failed, with the failing
inputs written to ``--failures`` (default ``fuzz-failures/``) to reproduce them.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import time
import traceback
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SEEDS = [
    ROOT / "tests" / "data" / "valid.toml",
    ROOT / "tests" / "data" / "valid.json",
    ROOT / "examples" / "jatinegara-2021.toml",
    ROOT / "examples" / "jatinegara-2021.json",
]
EXTREMES = [
    b"0",
    b"-0.0",
    b"1e999999999",
    b"1e-999999999",
    b"9" * 5000,
    b"99.999999999999999999999999999999999999999999",
    b'"N/A"',
    b'"-"',
    b"nan",
    b"-inf",
    b"true",
    b"[]",
    b"{}",
    b'"\\u001b[31m"',
    b"2021-02-30",
    b"[" * 300 + b"]" * 300,
]
SPICE = [b"\x00", b"\x1b", b"\r", b"\n", b'"', b"'", b"[", b"{", b"=", b",", b".", b"\xff", b"\\"]


def _numbers() -> list[object]:
    from decimal import Decimal

    return [
        0,
        -1,
        1,
        100,
        2_147_483_647,
        10**15,
        Decimal("0.00"),
        Decimal("99.935"),
        Decimal("100.00"),
        Decimal("-5.5"),
        Decimal("1E+2"),
        "N/A",
        "-",
        "",
        None,
        True,
    ]


def mutate_data(raw: bytes, rng: random.Random) -> bytes:
    """The report's data with a few values changed, removed or repeated: text that parses."""
    import json
    from decimal import Decimal

    data = json.loads(raw, parse_float=Decimal)
    numbers = _numbers()
    for _ in range(rng.randint(1, 3)):
        # mostly the same kind of value (the schema passes and the rules run)
        action = 4 if rng.random() < 0.75 else rng.randrange(4)
        node: object = data
        path: list[object] = []
        while isinstance(node, dict | list) and node and (action == 4 or rng.random() < 0.85):
            key = rng.choice(list(node)) if isinstance(node, dict) else rng.randrange(len(node))
            path.append(node)
            path.append(key)
            node = node[key]  # type: ignore[index]
        if not path:
            continue
        parent, key = path[-2], path[-1]
        if action == 4 and isinstance(node, int) and not isinstance(node, bool):
            # the same kind of value, so that the schema passes and the rules run
            parent[key] = rng.choice([0, node + 1, node * 10, node // 10, rng.randrange(10**12)])  # type: ignore[index]
        elif action == 4 and isinstance(node, Decimal):
            delta = Decimal(rng.randrange(-500, 500)) / 100
            parent[key] = rng.choice(
                [node + delta, -node, node * 10, Decimal(0), node.quantize(Decimal(1))]
            )  # type: ignore[index]
        elif action == 0:
            parent[key] = rng.choice(numbers)  # type: ignore[index]
        elif action == 1 and isinstance(parent, dict):
            del parent[key]
        elif action == 2 and isinstance(parent, list):
            parent.insert(key, parent[key])  # type: ignore[arg-type,call-overload]
        elif isinstance(node, str):
            parent[key] = rng.choice([node.upper(), node + " ", node[:-1], "x" + node])  # type: ignore[index]
    text = json.dumps(data, default=lambda item: f"@@{item}@@", ensure_ascii=False)
    return text.replace('"@@', "").replace('@@"', "").encode("utf-8")


def mutate(raw: bytes, rng: random.Random) -> bytes:
    data = bytearray(raw)
    for _ in range(rng.randint(1, 4)):
        if not data:
            data.extend(rng.choice(SPICE))
            continue
        at = rng.randrange(len(data))
        action = rng.randrange(8)
        if action == 0:  # flip a byte
            data[at] = rng.randrange(256)
        elif action == 1:  # insert a special byte
            data[at:at] = rng.choice(SPICE)
        elif action == 2:  # delete a span
            del data[at : at + rng.randint(1, 40)]
        elif action == 3:  # repeat a line
            start = data.rfind(b"\n", 0, at) + 1
            end = data.find(b"\n", at)
            end = len(data) if end < 0 else end + 1
            data[start:start] = data[start:end]
        elif action == 4:  # replace a number with an extreme value
            digits = [i for i in range(len(data)) if 48 <= data[i] <= 57]
            if digits:
                start = rng.choice(digits)
                end = start
                while end < len(data) and chr(data[end]) in "0123456789._":
                    end += 1
                data[start:end] = rng.choice(EXTREMES)
        elif action == 5:  # swap two lines
            lines = bytes(data).split(b"\n")
            if len(lines) > 2:
                i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
                lines[i], lines[j] = lines[j], lines[i]
                data = bytearray(b"\n".join(lines))
        elif action == 6:  # truncate
            del data[at:]
        else:  # duplicate a span elsewhere
            span = bytes(data[at : at + rng.randint(1, 200)])
            where = rng.randrange(len(data) + 1)
            data[where:where] = span
    return bytes(data)


_STATE: dict[str, object] = {}


def _init() -> None:
    from sakip_validate.engine.packs import load_packs

    _STATE["rules"] = [rule for pack in load_packs() for rule in pack.rules]
    _STATE["seeds"] = [(path, path.read_bytes()) for path in SEEDS]


def _case(number: int, seed: int) -> tuple[str, bytes | None, str]:
    """(outcome, the input when it failed, the traceback or message when it failed)."""
    from sakip_validate.api import check_bytes, new_run
    from sakip_validate.outputs import RenderOptions, load_output

    rng = random.Random(seed * 1_000_003 + number)
    seeds: list[tuple[Path, bytes]] = _STATE["seeds"]  # type: ignore[assignment]
    path, raw = rng.choice(seeds)
    fmt = "toml" if path.suffix == ".toml" else "json"
    # values change and the text still parses, or bytes change and it mostly breaks
    data = mutate_data(raw, rng) if fmt == "json" and rng.random() < 0.6 else mutate(raw, rng)
    try:
        report = check_bytes(data, f"case-{number}.{fmt}", fmt, _STATE["rules"])  # type: ignore[arg-type]
        internal = [f for f in report.findings if f.rule == "INTERNAL001"]
        if internal:
            detail = "\n".join(f.traceback for f in report.failures) or internal[0].message.en
            return "internal", data, detail
        if number % 10 == 0:
            result = new_run()
            result.files.append(report)
            result.decide()
            for name in ("json", "console"):
                load_output(name).render(result, RenderOptions(), io.StringIO())  # type: ignore[arg-type]
        if report.unreadable or any(f.rule.startswith("LOAD") for f in report.findings):
            return "load", None, ""
        if not report.checked:
            return "schema", None, ""
        return "rules", None, ""
    except Exception:
        return "escaped", data, traceback.format_exc()


def _chunk(args: tuple[int, int, int]) -> tuple[Counter[str], list[tuple[int, bytes, str]]]:
    start, stop, seed = args
    counts: Counter[str] = Counter()
    failures = []
    for number in range(start, stop):
        outcome, data, detail = _case(number, seed)
        counts[outcome] += 1
        if data is not None:
            failures.append((number, data, detail))
    return counts, failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--failures", type=Path, default=Path("fuzz-failures"))
    options = parser.parse_args(argv)
    started = time.monotonic()
    step = 500
    chunks = [
        (i, min(i + step, options.cases), options.seed) for i in range(0, options.cases, step)
    ]
    totals: Counter[str] = Counter()
    failures: list[tuple[int, bytes, str]] = []
    with ProcessPoolExecutor(max_workers=options.jobs, initializer=_init) as pool:
        for counts, failed in pool.map(_chunk, chunks):
            totals += counts
            failures += failed
    elapsed = time.monotonic() - started
    rate = options.cases / elapsed
    print(f"{options.cases} cases in {elapsed:.0f} s ({rate:.0f}/s), seed {options.seed}")
    for outcome in ("load", "schema", "rules", "internal", "escaped"):
        print(f"  {outcome:<9} {totals[outcome]}")
    if failures:
        options.failures.mkdir(parents=True, exist_ok=True)
        for number, data, detail in failures[:50]:
            (options.failures / f"case-{number}.bin").write_bytes(data)
            (options.failures / f"case-{number}.txt").write_text(detail, encoding="utf-8")
        print(f"{len(failures)} failing cases; the first are in {options.failures}/")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
