"""The starter reports that ``sakip-validate init`` writes."""

from __future__ import annotations

from pathlib import Path

_TEMPLATES = Path(__file__).resolve().parent / "templates"


def schema_line(reference: str) -> str:
    """The first line that points taplo (Even Better TOML) at a JSON Schema."""
    return f"#:schema {reference}\n"


def starter_text(*, partial: bool = False, schema: str | None = None) -> str:
    """The commented starter report (passes the schema as it is).

    ``partial``: a starter for a file holding only some of a report's tables
    (``laporan.cakupan = "sebagian"``), which the rules check without asking for
    the chapters and tables it does not hold.
    ``schema``: a schema reference (a path relative to the report, e.g.
    ``./lkjip.schema.json``) put on the first line, where editors look for it.
    """
    name = "starter-sebagian.toml" if partial else "starter.toml"
    text = (_TEMPLATES / name).read_text(encoding="utf-8")
    return text if schema is None else schema_line(schema) + text
