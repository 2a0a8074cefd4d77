"""Golden files: compare an output with the file kept in tests/outputs/golden/.

Run the tests with UPDATE_GOLDEN=1 to rewrite the files after an intended
change; review the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "golden"


def assert_golden(name: str, actual: str | bytes) -> None:
    """Assert ``actual`` equals golden file ``name`` (text compared as UTF-8)."""
    path = GOLDEN / name
    data = actual.encode("utf-8") if isinstance(actual, str) else actual
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_bytes(data)
        return
    assert path.exists(), f"missing golden file {name}: run the tests with UPDATE_GOLDEN=1"
    expected = path.read_bytes()
    assert data == expected, f"{name} differs from its golden file (UPDATE_GOLDEN=1 rewrites it)"
