"""Heading rows in a PDF table without ruling (一、行政许可（共12项）, a department's name with
its count, in a cell merged across the table), and the lines that head a table below them."""

from __future__ import annotations

import itertools

from extractors.reading.formats.documents.pdfwords import Column, Word
from extractors.reading.vocab import (
    is_section_heading,
    is_serial,
    names_section,
    section_department,
)


def section_lines(lines: list[list[Word]], columns: list[Column]) -> list[int]:
    """The lines of a table without ruling that are rows of a heading inside it (一、行政许可
    （共12项）, a department's name with its count), written in a cell merged across its
    columns: one piece of text on its line, naming a section, that begins in the first column
    (where a row's first cell is its serial) or, centred, stands over two columns or more in
    the shape of a heading (numbered, 一、…, or with its count, （共12项）): a row's own cell of
    one line stands in its column, and a type cell alone on its line names a type only."""
    if len(columns) < 2 or not lines:
        return []
    bounds = [(a[1] + b[0]) / 2 for a, b in itertools.pairwise(columns)]
    middle = (columns[0][0] + max(w["x1"] for line in lines for w in line)) / 2

    def heading(word: Word) -> bool:
        if word["x0"] < bounds[0]:
            return not is_serial(word["text"])
        across = any(word["x0"] < b < word["x1"] for b in bounds)
        # centred on the table, not set at the left of the column it stands in
        height = word["bottom"] - word["top"]
        centred = abs((word["x0"] + word["x1"]) / 2 - middle) <= height and all(
            abs(word["x0"] - x0) > 2 for x0, _, _ in columns
        )
        return (across or centred) and is_section_heading(word["text"])

    return [
        i
        for i, line in enumerate(lines)
        if len(line) == 1 and heading(line[0]) and heading_line(line)
    ]


def heading_line(line: list[Word]) -> bool:
    """True when ``line`` heads a table below it: it names a power type (二、行政处罚) or a
    department (县医疗保障局, 二、县医疗保障局（3项）)."""
    text = "".join(w["text"] for w in line)
    return bool(names_section(text) or is_section_heading(text) or section_department(text))
