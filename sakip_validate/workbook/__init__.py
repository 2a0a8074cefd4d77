"""The input workbook: the template generated from the schema, reading a filled one, export.

``layout`` derives the sheets and columns from the JSON Schema; ``writer``
writes the template (or a report in its layout); ``reader`` reads a filled
workbook into the report data with the cell of every value; ``cells`` reads one
cell typed the Indonesian way; ``toml_out`` writes the data as TOML or JSON with
the source cells named.
"""
