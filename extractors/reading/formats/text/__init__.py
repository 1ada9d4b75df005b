"""Readers of power lists in plain page text: ``page`` splits a page into its lists, ``header``
finds and segments their headers, ``flat`` reads the records below each one, ``spacing`` undoes
letter spacing first."""
