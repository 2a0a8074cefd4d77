"""The page's style sheet and filter script: package data files beside this module.

They are read with :mod:`importlib.resources`, so they are found the same way in
a wheel, an editable install and a bare checkout, and inlined into the page. The
Content-Security-Policy lets exactly this script run (by its hash) and forbids
every fetch.
"""

from __future__ import annotations

import base64
import functools
import hashlib
from importlib.resources import files

STYLE_FILE = "style.css"
SCRIPT_FILE = "filter.js"
_PACKAGE = __name__.rpartition(".")[0]  # sakip_validate.plugins.html


@functools.cache
def asset(name: str) -> str:
    """The text of a shipped asset (``style.css``, ``filter.js``)."""
    return files(_PACKAGE).joinpath(name).read_text(encoding="utf-8")


def style() -> str:
    return asset(STYLE_FILE)


def script() -> str:
    return asset(SCRIPT_FILE)


@functools.cache
def content_security_policy() -> str:
    """No fetch of any kind; inline styles; only the shipped script, named by its hash."""
    digest = base64.b64encode(hashlib.sha256(script().encode("utf-8")).digest()).decode("ascii")
    return (
        "default-src 'none'; style-src 'unsafe-inline'; "
        f"script-src 'sha256-{digest}'; img-src data:; base-uri 'none'; form-action 'none'"
    )
