"""The starter reports that ``sakip-validate init`` writes."""

from __future__ import annotations

from pathlib import Path

_TEMPLATES = Path(__file__).resolve().parent / "templates"


def starter_text(*, partial: bool = False) -> str:
    """The commented starter report (passes the schema as it is).

    ``partial``: a starter for a file holding only some of a report's tables
    (``laporan.cakupan = "sebagian"``), which the rules check without asking for
    the chapters and tables it does not hold.
    """
    name = "starter-sebagian.toml" if partial else "starter.toml"
    return (_TEMPLATES / name).read_text(encoding="utf-8")
