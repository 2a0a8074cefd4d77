"""The particulars of a reviu that the auditor supplies, for the working papers.

The run decides the findings; these say who reviews, under which Surat Tugas,
when and over what period, so that the workbook (KKR) and the review note can be
filed as working papers. They come from the configuration's ``[reviu]`` table or
command-line options; every field is optional and an empty one is printed as a
blank line for the auditor to fill in by hand.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Person", "ReviewParticulars"]


@dataclass(frozen=True, slots=True)
class Person:
    """A member of the reviu team (or the preparer or reviewer of a paper)."""

    nama: str = ""
    nip: str = ""
    jabatan: str = ""


@dataclass(frozen=True, slots=True)
class ReviewParticulars:
    """Who reviews, under which assignment, when: printed on the KKR and the note.

    Dates are ISO dates (``2022-03-14``) or empty. ``prepared_on`` is the date of
    preparation: outputs print it when set; the command line sets it to the run's
    date (``SOURCE_DATE_EPOCH`` when set) unless asked not to.
    """

    apip: str = ""  # the reviewing unit, e.g. "Inspektorat Kabupaten Tegal"
    kkr_index: str = ""  # the working paper's number / index, e.g. "KKR-LKjIP/03"
    surat_tugas_number: str = ""
    surat_tugas_date: str = ""
    period_start: str = ""
    period_end: str = ""
    ketua_tim: Person = Person()
    anggota_tim: tuple[Person, ...] = ()
    pengendali_teknis: Person = Person()
    pengendali_mutu: Person = Person()
    prepared_by: Person = Person()
    prepared_on: str = ""
    reviewed_by: Person = Person()
    reviewed_on: str = ""
