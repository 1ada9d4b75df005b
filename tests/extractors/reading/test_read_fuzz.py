"""Every reader, fed valid lists of each format and hostile mutations of them, gives items or one
InputError naming the file: never another exception, never more than bounded CPU time and
memory (each file is read in a forked child under RLIMIT_CPU/RLIMIT_AS, see bounded.py).

Hypothesis draws the mutations, derandomized so CI runs the same examples every time: bytes cut,
flipped, NUL or invalid UTF-8 put in, line ends changed, the text re-encoded; for text formats
lone surrogates, deep nesting, huge spans; for XLSX/DOCX the XML inside the archive cut short,
flipped, given entity bombs, huge coordinates and spans.
"""

from __future__ import annotations

import re
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from io import BytesIO
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.reading.formats.documents import office
from tests.extractors.reading import documents, hostile
from tests.extractors.reading.bounded import BoundedReader, Outcome

CPU_SECONDS, MEMORY_BYTES = 10, 1 << 30

_POWERS = [
    documents.Power(
        "城乡医疗救助", "行政确认", "县医保局", "《社会救助暂行办法》第二十八条", ("受理", "审核")
    ),
    documents.Power("医疗保险稽核", "行政检查", "县医保局", "《社会保险法》第八十二条", ("检查",)),
]

#: Valid files to mutate: name -> bytes.
TEXT_SEEDS = {
    "list.md": hostile.markdown().encode(),
    "list.csv": hostile.delimited().encode(),
    "list.tsv": hostile.delimited("\t").encode(),
    "list.json": hostile.records().encode(),
    "list.jsonl": hostile.json_lines().encode(),
    "list.html": hostile.html().encode(),
    "list.txt": hostile.page().encode(),
}
ARCHIVE_SEEDS = {
    "list.xlsx": hostile.xlsx(),
    "list.docx": hostile.docx_file(),
    "merged.xlsx": documents.render(_POWERS, "xlsx", title=True),
    "merged.docx": documents.render(_POWERS, "docx", title=True),
}
OTHER_SEEDS = {
    "list.xls": documents.render(_POWERS, "xls", title=True),
    "list.pdf": documents.render(_POWERS, "pdf", title=True),
}

FUZZ = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def bounded() -> Iterator[BoundedReader]:
    with BoundedReader(CPU_SECONDS, MEMORY_BYTES) as reader:
        yield reader


def _check(bounded: BoundedReader, name: str, data: bytes, **options: str) -> Outcome:
    """Read ``data`` saved as ``name`` under the bounds; items or one line naming the file."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        outcome = bounded.read(path, **options)
    assert outcome.kind in ("items", "error"), f"{name}: {outcome.kind}: {outcome.message}"
    if outcome.kind == "error":
        assert outcome.message.startswith(str(path)), outcome.message
        assert "\n" not in outcome.message, outcome.message
    return outcome


# Byte-level mutations, for every format.


def _cut(data: bytes, at: float) -> bytes:
    return data[: int(len(data) * at)]


def _flip(data: bytes, at: float, mask: int) -> bytes:
    if not data:
        return data
    where = min(int(len(data) * at), len(data) - 1)
    return data[:where] + bytes([data[where] ^ mask]) + data[where + 1 :]


def _insert(data: bytes, at: float, what: bytes) -> bytes:
    where = int(len(data) * at)
    return data[:where] + what + data[where:]


_FRACTION = st.floats(0, 1)
_BYTES = st.one_of(
    st.tuples(st.just(_cut), _FRACTION),
    st.tuples(st.just(_flip), _FRACTION, st.integers(1, 255)),
    st.tuples(
        st.just(_insert),
        _FRACTION,
        st.sampled_from([b"\x00", b"\xff\xfe", b"\xc3", b"\xed\xa0\x80", b"\r", b"\x1a"]),
    ),
)


def _apply(data: bytes, mutations: list[tuple[Callable[..., bytes], object]]) -> bytes:
    for mutation, *arguments in mutations:
        data = mutation(data, *arguments)
    return data


# Text-level mutations, for the text formats.


def _line_ends(text: str, ends: str) -> str:
    if ends == "mixed":
        cycle = ["\r", "\r\n", "\n"]
        parts = text.split("\n")
        return "".join(p + cycle[n % 3] for n, p in enumerate(parts[:-1])) + parts[-1]
    return text.replace("\n", ends)


def _nest(text: str, depth: int) -> str:
    if text.lstrip().startswith("["):
        return "[" * depth + text + "]" * depth
    if "<table>" in text:
        return text.replace("<table>", "<div>" * depth + "<table>")
    return "| " * depth + text


def _surrogate(text: str, escape: str) -> str:
    return text.replace("城乡", escape, 1) if "{" in text else text.replace("城乡", "&#xd800;", 1)


def _spans(text: str, number: int) -> str:
    spans = f' colspan="{number}" rowspan="{number}"'
    return text.replace("<td>", f"<td{spans}>", 2).replace("| 1 |", f"| {number} |" * 50, 1)


_TEXT = st.one_of(
    st.tuples(st.just(_line_ends), st.sampled_from(["\r", "\r\n", "mixed"])),
    st.tuples(st.just(_nest), st.sampled_from([300, 3000, 100_000])),
    st.tuples(st.just(_surrogate), st.sampled_from(["\\ud800", "\\udfff", "\\ud83d"])),
    st.tuples(st.just(_spans), st.sampled_from([0, -1, 1000, 10**9, 10**30])),
)


@FUZZ
@given(
    name=st.sampled_from(sorted(TEXT_SEEDS)),
    text=st.lists(_TEXT, max_size=2),
    raw=st.lists(_BYTES, max_size=2),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]),
)
def test_text_formats(
    bounded: BoundedReader,
    name: str,
    text: list[tuple[Callable[..., str], object]],
    raw: list[tuple[Callable[..., bytes], object]],
    encoding: str,
) -> None:
    content = TEXT_SEEDS[name].decode()
    for mutation, *arguments in text:
        content = mutation(content, *arguments)
    _check(bounded, name, _apply(content.encode(encoding, "surrogatepass"), raw))


# XML-level mutations inside XLSX and DOCX archives.


def _xml_members(data: bytes) -> list[str]:
    with zipfile.ZipFile(BytesIO(data)) as archive:
        return sorted(n for n in archive.namelist() if n.endswith(".xml"))


def _root(xml: str) -> str:
    found = re.search(r"<([\w:]+)[\s>]", xml.split("?>", 1)[-1])
    return found.group(1) if found else "x"


def _bomb(xml: str, _: float) -> str:
    target = next((t for t in ("城乡医疗救助", "序号") if t in xml), None)
    return hostile.laughs(_root(xml), xml, target) if target else xml


def _huge_number(xml: str, at: float) -> str:
    numbers = list(re.finditer(r'="(\d+)"', xml))
    if not numbers:
        return xml
    match = numbers[min(int(len(numbers) * at), len(numbers) - 1)]
    return xml[: match.start(1)] + "99999999999" + xml[match.end(1) :]


def _far_reference(xml: str, at: float) -> str:
    refs = list(re.finditer(r'(?:r|ref)="([A-Z]+\d+)', xml))
    if not refs:
        return xml
    match = refs[min(int(len(refs) * at), len(refs) - 1)]
    return xml[: match.start(1)] + ("XFD1048576" if at < 0.5 else "ZZZZ9") + xml[match.end(1) :]


def _span(xml: str, at: float) -> str:
    return hostile.wide_span(xml, int(10 ** (1 + at * 8)))


def _cut_xml(xml: str, at: float) -> str:
    return xml[: int(len(xml) * at)]


def _nul(xml: str, at: float) -> str:
    where = int(len(xml) * at)
    return xml[:where] + "\x00" + xml[where:]


_XML = st.tuples(
    st.sampled_from([_bomb, _huge_number, _far_reference, _span, _cut_xml, _nul]), _FRACTION
)


@FUZZ
@given(
    name=st.sampled_from(sorted(ARCHIVE_SEEDS)),
    member=_FRACTION,
    xml=st.lists(_XML, min_size=1, max_size=2),
    raw=st.lists(_BYTES, max_size=1),
)
def test_archives(
    bounded: BoundedReader,
    name: str,
    member: float,
    xml: list[tuple[Callable[[str, float], str], float]],
    raw: list[tuple[Callable[..., bytes], object]],
) -> None:
    data = ARCHIVE_SEEDS[name]
    members = _xml_members(data)
    chosen = members[min(int(len(members) * member), len(members) - 1)]
    for mutation, at in xml:
        data = hostile.rewrite(data, chosen, lambda text, m=mutation, a=at: m(text, a))
    _check(bounded, name, _apply(data, raw))


@settings(FUZZ, max_examples=60)
@given(name=st.sampled_from(sorted(OTHER_SEEDS)), raw=st.lists(_BYTES, min_size=1, max_size=3))
def test_xls_and_pdf(
    bounded: BoundedReader, name: str, raw: list[tuple[Callable[..., bytes], object]]
) -> None:
    _check(bounded, name, _apply(OTHER_SEEDS[name], raw))


@pytest.mark.parametrize("name", sorted({**TEXT_SEEDS, **ARCHIVE_SEEDS, **OTHER_SEEDS}))
def test_the_seeds_read(bounded: BoundedReader, name: str) -> None:
    """The valid files the mutations start from are read (so the mutants reach the readers)."""
    seeds = {**TEXT_SEEDS, **ARCHIVE_SEEDS, **OTHER_SEEDS}
    outcome = _check(bounded, name, seeds[name])
    assert outcome.kind == "items" and outcome.items == 2, outcome


@pytest.fixture(scope="module")
def word_97(soffice: str) -> bytes:
    """A Word 97-2003 document of the list, written by LibreOffice (through its own format, as
    test_read_office does: LibreOffice 7.4 drops python-docx's tables going straight to DOC)."""
    odt = office.convert(hostile.docx_file(), "list.docx", "docx", "odt")
    return office.convert(odt, "list.odt", "odt", "doc")


@pytest.mark.parametrize(("name", "cut"), [("list.doc", 0.5), ("list.wps", 0.9), ("list.doc", 1.0)])
def test_old_word_files_through_libreoffice(
    bounded: BoundedReader, word_97: bytes, name: str, cut: float
) -> None:
    """A DOC/WPS cut short goes to LibreOffice and comes back as one line, or items; whole,
    it reads."""
    outcome = _check(bounded, name, _cut(word_97, cut))
    assert cut < 1 or (outcome.kind, outcome.items) == ("items", 2), outcome


@pytest.mark.parametrize("name", ["list.xls", "list.et"])
@pytest.mark.parametrize("cut", [0.3, 0.7])
def test_old_workbooks_cut_short(bounded: BoundedReader, name: str, cut: float) -> None:
    _check(bounded, name, _cut(OTHER_SEEDS["list.xls"], cut))
