"""Check kinds of the ``narasi`` rule pack (rules ``NAR``): the text against the tables.

``narasi.pernyataan`` holds single figures quoted from the text (a capaian, a pagu,
the number of indicators); ``statement`` compares each with the table that holds the
same figure (NARR-NUM). ``narasi.klaim`` holds general claims; ``claim`` tests them
against the tables (NARR-CLAIM).
"""
