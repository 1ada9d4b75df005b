"""The grammar of a statute reference in a power list's cell, one module per part of the citation
spec (docs/citations.md), each reading the text as written (any width, any white space) and
returning character offsets into it; none decides which law a bare provision belongs to (the cell
pass does, :mod:`extractors.citing.cell`).

``anchors`` finds where references start; ``chains`` reads provision chains (第…条…款…项);
``titles`` titles in title marks, their inner notes, forms and rank tags; ``notes`` what follows a
title (versions, trial marks, aliases, points, annexes) and its provisions; ``docnums`` document
numbers; ``context`` segment starts, references back (本法, 同条例) and quoted text; ``unmarked``
titles written without marks. Their word lists come from ``data/grammar.json``
(:mod:`extractors.citing.words`).
"""
