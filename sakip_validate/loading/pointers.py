"""RFC 6901 JSON pointers, and their display as dotted paths for people."""

from __future__ import annotations


def escape_token(key: str) -> str:
    """Escape one key for use in a JSON pointer."""
    return key.replace("~", "~0").replace("/", "~1")


def join_pointer(pointer: str, key: str | int) -> str:
    """Append a key or index to a pointer."""
    return f"{pointer}/{escape_token(str(key))}"


def pointer_from_path(path: object) -> str:
    """Build a pointer from a sequence of keys and indexes (as jsonschema gives them)."""
    return "".join(f"/{escape_token(str(part))}" for part in path)  # type: ignore[attr-defined]


def split_pointer(pointer: str) -> list[str]:
    """The unescaped tokens of a pointer ("" gives [])."""
    if not pointer:
        return []
    return [token.replace("~1", "/").replace("~0", "~") for token in pointer[1:].split("/")]


def dotted(pointer: str) -> str:
    """``/tabel/capaian/baris/2/target`` -> ``tabel.capaian.baris[2].target``."""
    text = ""
    for token in split_pointer(pointer):
        if token.isdigit():
            text += f"[{token}]"
        elif token.replace("_", "").isalnum():
            text += f".{token}" if text else token
        else:
            quoted = '"' + token.replace('"', '\\"') + '"'
            text += f".{quoted}" if text else quoted
    return text
