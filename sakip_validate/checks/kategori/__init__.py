"""Check kinds of the ``kategori`` rule pack (rules ``KAT``): kategori and the scale.

``category`` (the printed kategori is the band of the capaian), ``wellformed``
(a scale leaves no value without a band and gives none two), ``matches`` (the
printed Tabel 3.1 is the scale in force). The scales themselves are read by
:mod:`sakip_validate.domain.scale`.
"""
