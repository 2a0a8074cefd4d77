"""Text from a report made safe to show: no control character reaches a terminal or a layout.

File names and report texts are inputs. An ESC or OSC sequence in a file name
would drive the terminal that shows it; a newline would break the
one-line-per-finding layout that editors and CI parsers read; a bidirectional
override would make a line read differently from what it holds. Outputs that
write plain text show such characters escaped (``\\x1b``, ``\\n``, ``\\u202e``).
"""

from __future__ import annotations

import re

__all__ = ["cut_around", "visible"]

# C0 and C1 controls, DEL, and the bidirectional embedding, override and
# isolate characters (the "Trojan Source" ones); tab is shown as a space.
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every control or direction-changing character shown as an escape."""
    return _UNSAFE.sub(_escape, text.replace("\t", " "))


def cut_around(line: str, column: int, width: int = 120) -> tuple[str, int]:
    """A window of at most ``width`` characters of ``line`` around ``column`` (1-based).

    Returns the window (with ``…`` where it was cut) and the column of the same
    character in it, so that a caret can still point at it.
    """
    if len(line) <= width:
        return line, column
    half = width // 2
    start = max(0, min(column - 1 - half, len(line) - width))
    end = start + width
    window = line[start:end]
    shift = start
    if start > 0:
        window = "…" + window[1:]
    if end < len(line):
        window = window[:-1] + "…"
    return window, column - shift
