"""Check kinds of the ``distribusi`` rule pack (rules ``DIS``): distributions in the text.

A report often says how many of its units fall in each group ("dari 17 desa terdapat
1 desa maju, 11 desa berkembang, 5 desa tertinggal", sometimes with a percentage
each). The data model keeps them in ``narasi.distribusi`` (read by ``statements``).
``distribution`` checks one statement on its own (COUNT-PCT), with the arithmetic of
``shares``; ``agreement`` checks that statements of the same distribution agree with
each other (STATUS-XSEC).
"""
