"""Check kinds of the ``konsistensi-target`` rule pack (rules ``TGT``).

Who owns which defect (each is reported once):

* a figure printed differently in two tables is ``cross_table``'s;
* a capaian cell whose target is 0 belongs to ``zero_target`` alone: a rule of
  ``cross_table_equal`` on capaian sets ``skip_zero_target`` so that the
  "N/A in Tabel 3.2, 0% in Tabel 3.3" difference is not reported a second time;
* ``movement`` judges how targets move over the years (``target_below_previous``,
  ``trajectory``); ``indicator_set`` which indicators a table lists; ``index_unit``
  the satuan of an indicator against its name.
"""
