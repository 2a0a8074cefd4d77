"""Built-in check kinds, one package per rule pack they serve.

``anggaran`` (rules ANG), ``capaian`` (CAP), ``kategori`` (KAT),
``konsistensi_target`` (TGT), ``distribusi`` (DIS), ``narasi`` (NAR) and
``kelengkapan`` (LKP); helpers the kinds share are in ``common``. Kinds are found by
name through :data:`sakip_validate.engine.kinds.BUILT_IN` and the
``sakip_validate.checks`` entry-point group.
"""
