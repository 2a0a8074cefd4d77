"""Check kinds of the ``capaian`` rule pack (rules ``CAP``): capaian kinerja recomputed.

``formula``: every printed capaian agrees with its target and realisasi under the
indicator's polarity (domain-notes §2).
"""
