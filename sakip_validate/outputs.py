"""Output plugins: found through the ``sakip_validate.outputs`` entry-point group."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import import_module
from importlib.metadata import entry_points
from typing import BinaryIO, Protocol, TextIO

from .findings import Lang
from .result import RunResult

ENTRY_POINT_GROUP = "sakip_validate.outputs"

# Used when the package metadata is absent (running from a bare checkout).
_BUILT_IN = {
    "console": "sakip_validate.plugins.console:ConsoleOutput",
    "json": "sakip_validate.plugins.json_output:JsonOutput",
}


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """What every output may need besides the result."""

    lang: Lang = "id"
    color: bool | None = None  # None: decide from the stream and NO_COLOR


class OutputPlugin(Protocol):
    """An output format. It renders a result; it never computes findings.

    A text format (``binary = False``) writes str to a text stream (stdout or a
    UTF-8 file); a binary one (an .xlsx workbook) writes bytes and needs ``-o``.
    The same result must give byte-identical output: no timestamps unless
    ``result.manifest.generated_at`` is set, no dict-order or hash-order effects.
    """

    name: str
    description: str
    binary: bool
    # True when the plugin reads FileReport.data; without it, a run over
    # thousands of files keeps no parsed data in memory.
    needs_data: bool

    def render(
        self, result: RunResult, options: RenderOptions, stream: TextIO | BinaryIO
    ) -> None: ...


@functools.cache
def available() -> dict[str, str]:
    """Installed output names and the object each one points to."""
    found = dict(_BUILT_IN)
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        found[entry.name] = entry.value
    return dict(sorted(found.items()))


def load_output(name: str) -> OutputPlugin:
    """Instantiate the output plugin called ``name``; KeyError when none is installed."""
    target = available()[name]
    module_name, _, attribute = target.partition(":")
    factory = getattr(import_module(module_name), attribute)
    return factory()
