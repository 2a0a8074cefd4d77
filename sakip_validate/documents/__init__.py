"""Reading the published LKjIP (text, Word, PDF) into draft report data.

:func:`import_path` is the one entry point: it reads the file within the
limits (size, pages), turns it into a :class:`~.model.Document`, and builds
the draft (:func:`.importer.build_draft`). A file that cannot be read at all
raises :class:`~sakip_validate.loading.LoadFailed` with an ``IMPORT009`` finding
naming the file and the reason (``IMPORT010`` for a PDF without text: OCR is
needed); nothing escapes as a traceback.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ..codes import IMPORT_NO_TEXT, IMPORT_UNREADABLE, Code
from ..findings import Text, TextLocation
from ..loading import (
    DEFAULT_LIMITS,
    Limits,
    LoadedDocument,
    LoadFailed,
    read_file,
)
from ..loading.decoding import decode_utf8
from ..loading.problems import LoadProblem
from .importer import build_draft
from .model import Document
from .sources import Imported

__all__ = [
    "Imported",
    "import_bytes",
    "import_path",
    "load_document",
]


def _failed(label: str, code: Code, message: Text, hint: Text | None = None) -> LoadFailed:
    finding = code.finding(
        message,
        TextLocation(label),
        hint=hint,
    )
    return LoadFailed(finding, unreadable=True)


def _read(raw: bytes, label: str, suffix: str, limits: Limits) -> Document:
    if suffix == ".txt":
        try:
            text = decode_utf8(raw)
        except LoadProblem as problem:
            raise _failed(label, IMPORT_UNREADABLE, problem.message) from None
        from .text import read_text

        return read_text(text, label)
    if suffix == ".docx":
        if not zipfile.is_zipfile(io.BytesIO(raw)):
            raise _failed(
                label,
                IMPORT_UNREADABLE,
                Text(
                    f"{label} bukan dokumen Word (.docx): isinya bukan arsip Office Open XML.",
                    f"{label} is not a Word document (.docx): it is not an Office Open XML "
                    f"archive.",
                ),
                Text(
                    "Simpan ulang laporan dari Word sebagai .docx (bukan .doc lama), atau ekspor "
                    "ke PDF.",
                    "Save the report again from Word as .docx (not the old .doc), or export it "
                    "to PDF.",
                ),
            )
        from .word import read_docx

        try:
            return read_docx(raw, label, limits.pages)
        except ValueError as error:
            if "pages" in str(error):
                raise _too_many_pages(label, limits) from None
            raise _corrupt(label, "Word") from None
        except Exception:  # python-docx raises many kinds for a broken archive
            raise _corrupt(label, "Word") from None
    try:
        from .pdf import NoTextLayer, read_pdf
    except ImportError:
        raise _failed(
            label,
            IMPORT_UNREADABLE,
            Text(
                f"{label}: membaca PDF memerlukan pdfplumber, yang belum terpasang.",
                f"{label}: reading a PDF needs pdfplumber, which is not installed.",
            ),
            Text(
                "Pasang dengan: pip install 'sakip-validate[pdf]'.",
                "Install it with: pip install 'sakip-validate[pdf]'.",
            ),
        ) from None
    if not raw.startswith(b"%PDF"):
        raise _failed(
            label,
            IMPORT_UNREADABLE,
            Text(f"{label} bukan berkas PDF.", f"{label} is not a PDF file."),
        )
    try:
        return read_pdf(raw, label, limits.pages)
    except NoTextLayer:
        raise _failed(
            label,
            IMPORT_NO_TEXT,
            Text(
                f"{label} tidak memuat teks, hanya gambar halaman (hasil pindai): perlu OCR "
                "sebelum dapat diimpor.",
                f"{label} holds no text, only page images (a scan): it needs OCR before it "
                "can be imported.",
            ),
            Text(
                "Jalankan OCR (mis. ocrmypdf) pada PDF itu, atau minta berkas Word/PDF asli "
                "dari unit penyusun.",
                "Run OCR (e.g. ocrmypdf) on the PDF, or ask the unit for the original Word or PDF.",
            ),
        ) from None
    except ValueError as error:
        if "pages" in str(error):
            raise _too_many_pages(label, limits) from None
        raise _pdf_problem(label, error) from None
    except Exception as error:  # pdfminer raises many kinds for a broken or encrypted file
        raise _pdf_problem(label, error) from None


def _corrupt(label: str, kind: str) -> LoadFailed:
    return _failed(
        label,
        IMPORT_UNREADABLE,
        Text(
            f"{label} rusak: arsip dokumen {kind} tidak lengkap atau tidak sah.",
            f"{label} is damaged: the {kind} document archive is incomplete or invalid.",
        ),
        Text("Minta salinan berkas yang utuh.", "Ask for an intact copy of the file."),
    )


def _pdf_problem(label: str, error: Exception) -> LoadFailed:
    said = f"{type(error).__name__} {error!r}".lower()
    if "password" in said or "encrypt" in said:
        return _failed(
            label,
            IMPORT_UNREADABLE,
            Text(
                f"{label} terkunci dengan kata sandi (PDF terenkripsi); isinya tidak dapat dibaca.",
                f"{label} is locked with a password (an encrypted PDF); its content cannot be "
                f"read.",
            ),
            Text(
                "Minta PDF tanpa kata sandi dari unit penyusun, atau buka kuncinya lalu simpan "
                "ulang.",
                "Ask the unit for the PDF without a password, or unlock it and save it again.",
            ),
        )
    return _corrupt(label, "PDF")


def _too_many_pages(label: str, limits: Limits) -> LoadFailed:
    return _failed(
        label,
        IMPORT_UNREADABLE,
        Text(
            f"{label} lebih dari {limits.pages} halaman, melampaui batas impor; tidak dibaca.",
            f"{label} has more than {limits.pages} pages, over the import limit; it is not read.",
        ),
        Text(
            "Impor bagian laporannya saja (Bab II-IV), atau naikkan batas dengan --limit pages=N.",
            "Import only the report's chapters (Bab II-IV), or raise the limit with --limit "
            "pages=N.",
        ),
    )


def import_bytes(raw: bytes, label: str, suffix: str, limits: Limits = DEFAULT_LIMITS) -> Imported:
    """The draft of a report document already in memory (``suffix``: .txt, .docx or .pdf)."""
    document = _read(raw, label, suffix.lower(), limits)
    return build_draft(document)


def import_path(path: Path, label: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Imported:
    """Read the published report at ``path`` into a draft; LoadFailed when it cannot be read."""
    label = label if label is not None else str(path)
    raw = read_file(path, label, limits)
    return import_bytes(raw, label, path.suffix, limits)


def load_document(path: Path, label: str, limits: Limits = DEFAULT_LIMITS) -> LoadedDocument:
    """The draft of a published report as a loaded report: checked like any data file.

    Its text is the TOML draft (positions point there); the IMPORT findings ride
    along in ``import_findings`` and join the file's findings.
    """
    from .draft import to_toml

    imported = import_path(path, label, limits)
    text = to_toml(imported, path.with_suffix(".toml").name)
    document = LoadedDocument(label, "toml", text, imported.data)
    document.import_findings = list(imported.findings)
    return document
