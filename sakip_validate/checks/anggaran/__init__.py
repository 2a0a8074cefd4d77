"""Check kinds of the ``anggaran`` rule pack (rules ``ANG``): the budget tables.

``sums`` (the kode tree adds up, and which figure is wrong when it does not),
``ordering`` (realisasi ≤ anggaran), ``percentage`` (a printed % is part ÷ whole),
``equal`` (one budget, the same in two tables), ``efficiency`` (Tabel 3.6 against
the JUMLAH row), ``suspicious`` (amounts that betray a broken export) and
``absorption`` (capaian that is really budget absorption).
"""
