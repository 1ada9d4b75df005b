"""Readers of documents whose tables hold a list (DOCX, PDF, and DOC/WPS/ET through LibreOffice)."""
