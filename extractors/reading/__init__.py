"""Reading power lists: one file in any format and encoding → a PowerList of items and rejects.

``read`` dispatches on the detected format (``detect``) after decoding (``decode``); each format
module under ``formats`` turns content into a ``Grid`` of rows, which ``assemble`` maps onto the
fields of a power item through the header synonyms (``headers``) and the list vocabularies
(``vocab``); ``meta`` reads what the list says about itself and ``limits`` guards sizes. What was
read is counted, every row accounted for, by ``extractors.report``.
"""
