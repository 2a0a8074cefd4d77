"""The compiled fast path (jsonschema-rs) decides exactly as the full validator does.

The fast path only lets a document the compiled validator accepts skip the full
jsonschema validator; everything else goes the slow way, which alone writes
findings. So the one thing that must never happen is the fast path accepting a
document the full validator rejects. These tests prove that on the generated
corpus, the hostile inputs, every data file of the tests, and values planted at
the edges of the schema's types and bounds; and that whole runs give the same
findings with the fast path on and off.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from benchmarks.make_corpus import write_corpus
from sakip_validate import api
from sakip_validate.loading import LoadedDocument, LoadFailed, load_path
from sakip_validate.loading.toml_reader import TypedText
from sakip_validate.schema_check import SLOW_ENV, check_schema, fast_validator, passes_fast
from sakip_validate.schema_check import validator as full_validator

pytest.importorskip("jsonschema_rs")

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "jatinegara-2021.toml"


def _slow_valid(data: Any) -> bool:
    return next(iter(full_validator().iter_errors(data)), None) is None


def _loaded(paths: list[Path]) -> Iterator[LoadedDocument]:
    for path in paths:
        try:
            yield load_path(path)
        except LoadFailed:
            continue  # no data: the schema step never sees it


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder / "plain", files=120, broken_fraction=0.3, seed=15)
    write_corpus(folder / "noisy", files=40, broken_fraction=0.0, seed=16, noise=0.3)
    return folder


def test_fast_path_is_in_use() -> None:
    assert fast_validator() is not None


def test_same_decision_on_the_generated_corpus(corpus: Path) -> None:
    documents = list(_loaded(sorted(corpus.rglob("*.toml")) + sorted(corpus.rglob("*.json"))))
    assert len(documents) > 100
    decisions = [(doc.label, passes_fast(doc.data), _slow_valid(doc.data)) for doc in documents]
    differing = [(label, fast, slow) for label, fast, slow in decisions if fast != slow]
    assert differing == []
    # Both kinds are there: the corpus is not all valid or all broken.
    assert {slow for _, _, slow in decisions} == {True, False}


def _data_files() -> list[Path]:
    found = [
        path
        for path in sorted((ROOT / "tests" / "data").rglob("*"))
        if path.suffix in (".toml", ".json") and path.is_file()
    ]
    found += sorted((ROOT / "examples").glob("*.toml")) + sorted((ROOT / "examples").glob("*.json"))
    return found


def test_fast_accepts_only_what_the_full_validator_accepts_on_every_data_file() -> None:
    documents = list(_loaded(_data_files()))
    assert any("hostile" in doc.label for doc in documents)
    wrong = [doc.label for doc in documents if passes_fast(doc.data) and not _slow_valid(doc.data)]
    assert wrong == []


def test_same_findings_on_every_data_file(monkeypatch: pytest.MonkeyPatch) -> None:
    documents = list(_loaded(_data_files()))
    fast = [check_schema(doc) for doc in documents]
    monkeypatch.setenv(SLOW_ENV, "1")
    slow = [check_schema(doc) for doc in documents]
    assert fast == slow


# Values at the edges: where the full validator's meaning (ints are integers,
# Decimals never are; rupiah ,00; TOML dates only where a date belongs) and the
# integer bounds could be misjudged by a float.
_EDGES: tuple[Any, ...] = (
    Decimal("100.00"),
    Decimal("2021.0"),
    Decimal("1834058000.00"),
    Decimal("1834058000.000"),
    Decimal("1834058000.5"),
    Decimal("-0.0000000000000000001"),
    Decimal("0.99999999999999999999"),
    Decimal("1990.0000000000000000001"),
    Decimal("-0.00"),
    Decimal("99999.00"),
    Decimal("1E+30"),
    2**60,
    -1,
    0,
    True,
    "2021-02-30",
    TypedText("2022-02-25"),
)


def _leaves(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _leaves(value, (*path, index))
    else:
        yield path, node


def _with(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    changed = copy.deepcopy(data)
    node = changed
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return changed


def test_fast_accepts_only_what_the_full_validator_accepts_at_the_edges() -> None:
    data = load_path(EXAMPLE).data
    leaves = [path for path, value in _leaves(data) if not isinstance(value, str)]
    dates = [path for path, value in _leaves(data) if path[-1] in ("tanggal", "berlaku_sampai")]
    texts = [path for path, value in _leaves(data) if isinstance(value, str)]
    places = leaves[::7] + dates + texts[::25]
    assert len(places) > 40
    wrong = []
    accepted = 0
    for path in places:
        for value in _EDGES:
            changed = _with(data, path, value)
            if passes_fast(changed):
                accepted += 1
                if not _slow_valid(changed):
                    wrong.append(("/".join(map(str, path)), value))
    assert wrong == []
    assert accepted > 0  # the edges are not all refused: the comparison means something


def _findings(result: Any) -> list[str]:
    return [
        json.dumps(
            [
                report.label,
                finding.rule,
                finding.location.pointer,
                finding.location.line,
                finding.location.column,
                finding.message.id,
                finding.message.en,
                finding.printed,
                finding.expected,
            ],
            default=str,
        )
        for report in result.files
        for finding in report.findings
    ]


def test_whole_runs_give_the_same_findings_fast_and_slow(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = [str(corpus / "plain"), str(ROOT / "tests" / "data" / "hostile")]
    options = api.RunOptions(include=("**/*.toml", "**/*.json"), include_root=Path("/"))
    fast = api.run(paths, options)
    monkeypatch.setenv(SLOW_ENV, "1")
    slow = api.run(paths, options)
    assert len(fast.files) > 100
    assert _findings(fast) == _findings(slow)
    assert [r.checked for r in fast.files] == [r.checked for r in slow.files]
