"""The layers of docs/architecture.md, enforced: each module imports only from the layers below.

Every ``import`` and ``from ... import`` of the package and of the built-in
plugins is read from the source (type-checking imports included), resolved to a
``sakip_validate`` module, and checked against :data:`MAY_IMPORT`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "sakip_validate"
PLUGINS = ROOT / "plugins"

# Layer of a module: the first entry whose name is a prefix of the module's name.
LAYERS: tuple[tuple[str, str], ...] = (
    ("sakip_validate.findings", "base"),
    ("sakip_validate.codes", "base"),
    ("sakip_validate.resources", "base"),
    ("sakip_validate.failures", "base"),
    ("sakip_validate.papers", "base"),
    ("sakip_validate.clock", "base"),
    ("sakip_validate.writing", "base"),
    ("sakip_validate.loading", "loading"),
    ("sakip_validate.domain", "domain"),
    ("sakip_validate.workbook", "inputs"),
    ("sakip_validate.reading", "inputs"),
    ("sakip_validate.datafile", "inputs"),
    ("sakip_validate.documents", "inputs"),
    ("sakip_validate.catalog", "result"),
    ("sakip_validate.policy", "result"),
    ("sakip_validate.result", "result"),
    ("sakip_validate.tally", "result"),
    ("sakip_validate.store", "result"),
    ("sakip_validate.schema_check", "engine"),
    ("sakip_validate.integrity", "engine"),
    ("sakip_validate.engine", "engine"),
    ("sakip_validate.ruledocs", "engine"),
    ("sakip_validate.checks", "checks"),
    ("sakip_validate.discovery", "api"),
    ("sakip_validate.config", "api"),
    ("sakip_validate.api", "api"),
    ("sakip_validate.workers", "api"),
    ("sakip_validate.retention", "api"),
    ("sakip_validate.starter", "api"),
    ("sakip_validate.years", "api"),
    ("sakip_validate.outputs", "outputs"),
    ("sakip_validate.plugins", "plugins"),
    ("sakip_validate.delivery", "cli"),
    ("sakip_validate.cli", "cli"),
    ("sakip_validate.__main__", "cli"),
    ("sakip_validate", "base"),  # the package itself: only __version__
)

# What each layer may import (besides itself).
MAY_IMPORT: dict[str, set[str]] = {
    "base": set(),
    "loading": {"base"},
    "domain": {"base", "loading"},
    "inputs": {"base", "loading", "domain"},
    "result": {"base", "domain"},
    "engine": {"base", "loading", "domain", "result"},
    "checks": {"base", "loading", "domain", "engine"},
    "api": {"base", "loading", "domain", "inputs", "result", "engine"},
    "outputs": {"base", "result"},
    "plugins": {"base", "domain", "result", "outputs"},
    "cli": {"base", "loading", "domain", "inputs", "result", "engine", "api", "outputs"},
}


def layer_of(module: str) -> str:
    for prefix, layer in LAYERS:
        if module == prefix or module.startswith(prefix + "."):
            return layer
    raise AssertionError(f"{module} is in no layer of docs/architecture.md")


def _module_name(path: Path) -> str:
    if path.is_relative_to(PLUGINS):
        parts = ["sakip_validate", "plugins", *path.relative_to(PLUGINS).with_suffix("").parts]
    else:
        parts = ["sakip_validate", *path.relative_to(PACKAGE).with_suffix("").parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """The sakip_validate modules ``path`` imports."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            found.add(target)
            # "from . import codes" imports a module named by the alias
            found |= {f"{target}.{alias.name}" for alias in node.names}
    return {name for name in found if name.split(".")[0] == "sakip_validate"}


def _sources() -> list[Path]:
    return sorted([*PACKAGE.rglob("*.py"), *PLUGINS.rglob("*.py")])


def _known(name: str) -> bool:
    """Whether ``name`` is a module (or package) of the tree, not an attribute imported from one."""
    parts = name.split(".")
    if parts[:2] == ["sakip_validate", "plugins"]:
        path = PLUGINS.joinpath(*parts[2:])
    else:
        path = PACKAGE.joinpath(*parts[1:])
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


@pytest.mark.parametrize("path", _sources(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_module_imports_only_from_the_layers_below(path: Path) -> None:
    module = _module_name(path)
    layer = layer_of(module)
    allowed = MAY_IMPORT[layer] | {layer}
    wrong = sorted(
        name for name in _imports(path) if _known(name) and layer_of(name) not in allowed
    )
    assert not wrong, f"{module} ({layer}) imports {wrong}; see docs/architecture.md"


def test_no_plugin_imports_a_check_kind() -> None:
    for path in PLUGINS.rglob("*.py"):
        assert not any(
            name.startswith(("sakip_validate.checks", "sakip_validate.engine"))
            for name in _imports(path)
        ), path


def test_every_module_has_a_layer() -> None:
    for path in _sources():
        layer_of(_module_name(path))
