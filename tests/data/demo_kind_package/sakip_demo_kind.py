"""A demo check kind: indicator names longer than a limit."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from sakip_validate.domain.view import ReportView
from sakip_validate.engine.kinds import CheckKind, Hit


class LongName(CheckKind):
    """Flags indicator names longer than ``params.max`` characters."""

    name = "demo_long_name"
    placeholders: ClassVar[frozenset[str]] = frozenset({"limit"})
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "required": ["max"],
        "properties": {"max": {"type": "integer", "minimum": 1}},
        "additionalProperties": False,
    }

    def run(self, view: ReportView) -> Iterator[Hit]:
        for index, item in enumerate(view.data.get("indikator", [])):
            name = item.get("nama", "") if isinstance(item, dict) else ""
            if len(name) > self.params["max"]:
                yield Hit(
                    outcome="mismatch",
                    pointer=f"/indikator/{index}/nama",
                    table=None,
                    values={"row": name, "limit": self.params["max"]},
                    printed=name,
                )
