"""Readers of power lists in plain page text: ``page`` splits a page into its lists, ``header``
finds and segments their headers, ``flat`` reads the records below each one, ``spacing`` undoes
letter spacing first.

A large page is read in batches (``pagerows``): how one record is read depends on the whole
page (the next header bounds a list; the body's share of blank lines, its run of serials and its
records' leading numbers decide how every record is split; an item printed twice keeps its
fuller copy, wherever that comes), so a survey of the page finds and splits its lists, holding
its text and a few ints a line (``lines``), and keeps their rows in a temporary file for the
readings after it (docs/performance.md, "PDF page by page; page text in batches")."""
