"""One way to name things in two languages: a table of ``key -> (Bahasa Indonesia, English)``.

Every output and message keeps its own vocabulary, but all of them use this one
mechanism, so a word is looked up the same way everywhere and a missing key is
an error at import time of the test suite, not a silent English fallback.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..findings import Lang, Severity, Text

__all__ = ["Labels", "severity_count", "severity_word"]


class Labels:
    """A vocabulary: each key has a Bahasa Indonesia and an English text.

    Texts may hold ``{name}`` placeholders, filled by :meth:`get`'s keywords.
    """

    __slots__ = ("_texts",)

    def __init__(self, texts: Mapping[str, tuple[str, str]]) -> None:
        self._texts = {key: Text(pair[0], pair[1]) for key, pair in texts.items()}

    def __contains__(self, key: object) -> bool:
        return key in self._texts

    def keys(self) -> list[str]:
        return list(self._texts)

    def text(self, key: str) -> Text:
        """Both languages of ``key`` (KeyError when the vocabulary lacks it)."""
        return self._texts[key]

    def get(self, key: str, lang: Lang, **values: Any) -> str:
        """The text of ``key`` in ``lang``, placeholders filled."""
        text = self._texts[key].get(lang)
        return text.format(**values) if values else text

    def bind(self, lang: Lang) -> BoundLabels:
        """The vocabulary in one language, for code that renders in one language."""
        return BoundLabels(self, lang)


class BoundLabels:
    """:class:`Labels` fixed to one language: ``words("key", n=3)``."""

    __slots__ = ("labels", "lang")

    def __init__(self, labels: Labels, lang: Lang) -> None:
        self.labels = labels
        self.lang = lang

    def __call__(self, key: str, **values: Any) -> str:
        return self.labels.get(key, self.lang, **values)

    def __getitem__(self, key: str) -> str:
        return self.labels.get(key, self.lang)


SEVERITY_WORDS = Labels(
    {
        Severity.ERROR.label: ("kesalahan", "error"),
        Severity.WARNING.label: ("peringatan", "warning"),
        Severity.INFO.label: ("informasi", "info"),
    }
)


def severity_word(severity: Severity, lang: Lang) -> str:
    """The word for a severity in ``lang`` (one choice of words, used by every output)."""
    return SEVERITY_WORDS.get(severity.label, lang)


# English counts a plural; Indonesian does not ("3 kesalahan", "3 errors"); "info" stays.
_ENGLISH_PLURAL = {Severity.ERROR: "errors", Severity.WARNING: "warnings"}


def severity_count(severity: Severity, n: int, lang: Lang) -> str:
    """``17 kesalahan`` / ``17 errors``, ``1 error``: a count of findings of one severity."""
    word = severity_word(severity, lang)
    if lang == "en" and n != 1:
        word = _ENGLISH_PLURAL.get(severity, word)
    return f"{n} {word}"
