"""Check kinds of the ``kelengkapan`` rule pack (rules ``LKP``): completeness and metadata.

PermenPAN-RB 53/2014 (Lampiran II) fixes the parts an LKjIP must have and the
analyses Bab III must hold; the reviu (Lampiran III) checks them first. ``sections``
(required parts and analyses), ``tables`` (the tables a whole report must hold),
``cells`` (required cells), ``measured`` (a target with its realisasi and capaian),
and the signature blocks
(read by ``blocks``): ``signatory`` (the same signatory everywhere), ``nip`` (a
well-formed NIP), ``deadline`` (signed in time).
"""
