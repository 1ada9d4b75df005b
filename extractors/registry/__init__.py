"""The law registry generated from an official catalogue (``quanze laws registry DIR``).

``catalogue`` reads the catalogue databases and finds each version's file, ``lawtext`` reads the
facts a file holds (its ``#`` title, its article heads), ``generate`` groups versions into
instruments, derives aliases by rule and writes the registry as data (``extractors/data/
catalogue.json``), which :mod:`extractors.citing.lawdb` merges with the hand entries.
"""
