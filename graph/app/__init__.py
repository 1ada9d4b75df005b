"""The application layer: the ``quanze`` command, the pipeline it runs over files (read →
extract → build), and the guided demo."""
