"""The review note (Catatan Hasil Reviu): one content model, two renderers.

:mod:`.note` builds what the note says from the run result and the auditor's
particulars; :mod:`.markdown` writes it as Markdown that reads as plain text
(format ``reviu``), :mod:`.word` as a Word document (format ``reviu-docx``), so
the two never say different things.
"""

from __future__ import annotations

from .markdown import ReviewNoteOutput

__all__ = ["ReviewNoteOutput"]
