"""Readers of power lists in plain page text: ``page`` splits a page into its lists, ``header``
finds and segments their headers, ``flat`` reads the records below each one, ``spacing`` undoes
letter spacing first.

Page text is read whole, never in batches: how one record is read depends on the records after
it (the next header bounds a list; the body's share of blank lines, its run of serials and its
records' leading numbers decide how every record is split; an item printed twice keeps its
fuller copy, wherever that comes), so the text and every record's cells are held, some 1.9 KB an
item in all (docs/performance.md, "PDF page by page; page text read whole")."""
