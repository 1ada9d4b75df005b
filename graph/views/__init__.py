"""Interactive offline views: select part of the store (``data``, ``focus``), lay it out ahead
(``layout``), and render one self-contained page (``model``, ``page``); ``write`` ties them."""
