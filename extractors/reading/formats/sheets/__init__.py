"""Readers of spreadsheet workbooks (XLSX, XLS): cells, merged ranges, sheets."""
