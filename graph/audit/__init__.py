"""The audit of every citation against the official law texts (``quanze audit``): findings of
the six kinds of issue #22, their formats and the HTML report."""
