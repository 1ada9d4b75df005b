"""``quanze laws import DIR --store DIR``: every official text under DIR into the store.

Each version is one named graph (``graph.laws.write``); its digest is recorded in the law record
graph once its quads are in. A version whose lines have the digest recorded is left as it is, so a
second import of the same folder changes nothing; a version not recorded is added (a newer
version of a law adds a graph beside the older ones); a version whose lines changed (a corrected
file, a newer quanze) has its graph cleared and written again. What a version puts in the shared
graph is only ever added (the shared graph is never pruned, as in builds). The record is written
last: an import stopped part-way leaves versions unrecorded, which the next import writes again.
At the end the citations' links to the texts are recomputed (``graph.laws.links``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from extractors.citing.lawdb import load_registry
from extractors.errors import InputError, QuanzeError
from extractors.lawtext.model import LawText, Problem
from extractors.lawtext.parse import read_law_text
from extractors.registry.catalogue import Row, databases, read_rows
from graph.build import derived
from graph.build.quads import QZ
from graph.iri import Iris
from graph.laws.versions import by_path, group_versions
from graph.laws.write import Written, write_version
from graph.store import load

#: Files of a folder of texts that are not texts (its description).
NOT_TEXTS = frozenset({"SOURCE.md", "README.md"})
#: Problems counted in the report rather than listed one a line (a notice without 第N条 is no
#: fault).
COUNTED = frozenset({"no-articles"})


@dataclass(slots=True)
class ImportReport:
    """What an import read and did."""

    files: int = 0
    failed: int = 0
    left_out: int = 0  # catalogued as no instrument (其他, 案例)
    uncatalogued: int = 0  # named by no catalogue: imported with the file's own facts
    instruments: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    provisions: int = 0
    quads: int = 0
    links: int = 0
    problems: list[str] = field(default_factory=list)
    counted: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        """The report's last line."""
        versions = self.new + self.changed + self.unchanged
        parts = [
            f"{self.files} file(s)",
            f"{self.instruments} instrument(s)",
            f"{versions} version(s): {self.new} new, {self.changed} changed, "
            f"{self.unchanged} unchanged",
            f"{self.provisions} provision(s)",
            f"{self.quads} quad(s) loaded",
            f"{self.links} citation(s) linked to their text",
        ]
        if self.failed:
            parts.append(f"{self.failed} file(s) not read")
        if self.left_out:
            parts.append(f"{self.left_out} file(s) catalogued as no instrument, left out")
        if self.uncatalogued:
            parts.append(f"{self.uncatalogued} file(s) in no catalogue")
        for code, n in sorted(self.counted.items()):
            parts.append(f"{n} file(s) {code}")
        if self.problems:
            parts.append(f"{len(self.problems)} problem(s)")
        return "; ".join(parts)


def text_files(root: Path) -> list[Path]:
    """The text files under ``root`` (or ``root`` itself), in a fixed order."""
    if root.is_file():
        return [root]
    return sorted(p for p in root.rglob("*.md") if p.name not in NOT_TEXTS)


def catalogue_of(root: Path) -> Path | None:
    """The folder of the catalogue that covers ``root``: ``root`` itself or the nearest folder
    above it with one (importing ``lawtexts/社会法`` or one file reads ``lawtexts/db.sqlite3``),
    else None."""
    here = (root if root.is_dir() else root.parent).resolve()
    for folder in (here, *here.parents):
        if databases(folder):
            return folder
    return None


def read_texts(
    root: Path, report: ImportReport, on_problem: Callable[[str], None]
) -> Iterator[tuple[LawText, Row | None]]:
    """Each text under ``root`` with its catalogue row; a file that cannot be read is reported
    and the others go on."""
    folder = catalogue_of(root)
    catalogue_problems: list[str] = []
    left_out: list[Path] = []
    rows = by_path(read_rows(folder, catalogue_problems, left_out)) if folder else {}
    for problem in catalogue_problems:
        _problem(report, on_problem, problem)
    skipped = set(left_out)
    for path in text_files(root):
        if path.resolve() in skipped:
            report.left_out += 1
            continue
        report.files += 1
        try:
            text = read_law_text(path)
        except (QuanzeError, OSError) as exc:
            report.failed += 1
            message = str(exc) if isinstance(exc, InputError) else f"{path}: {exc}"
            _problem(report, on_problem, message)
            continue
        for p in text.problems:
            if p.code in COUNTED:
                report.counted[p.code] = report.counted.get(p.code, 0) + 1
            else:
                _problem(report, on_problem, str(p))
        row = rows.get(path.resolve())
        if row is None and rows:
            report.uncatalogued += 1
        yield text, row


def _problem(report: ImportReport, on_problem: Callable[[str], None], message: str) -> None:
    report.problems.append(message)
    on_problem(message)


def recorded(store: ox.Store, iris: Iris) -> dict[str, str]:
    """The digest recorded for each law-text graph."""
    graph = ox.NamedNode(iris.law_record_graph())
    digest = ox.NamedNode(QZ.contentDigest)
    return {
        quad.subject.value: quad.object.value
        for quad in store.quads_for_pattern(None, digest, None, graph)
        if isinstance(quad.subject, ox.NamedNode) and isinstance(quad.object, ox.Literal)
    }


def import_laws(
    root: Path,
    store: ox.Store,
    *,
    iris: Iris | None = None,
    on_problem: Callable[[str], None] = lambda _: None,
    link: bool = True,
) -> ImportReport:
    """Import every text under ``root`` (a folder in the layout of ``../shared/lawtexts``, or
    one file) into ``store``; see the module's docstring. Problems are told to ``on_problem`` as
    they are found (one line each) and kept in the report."""
    iris = iris or Iris()
    report = ImportReport()
    problems: list[Problem] = []
    texts = list(read_texts(root, report, on_problem))
    # files are named relative to their catalogue's folder (or to the folder imported), so a
    # version reads the same whether its topic folder or the whole tree was imported
    base = catalogue_of(root) or (root if root.is_dir() else root.parent)
    versions = group_versions(texts, load_registry(), base, problems)
    for p in problems:
        _problem(report, on_problem, str(p))
    report.instruments = len({v.identity.law_id for v in versions})
    known = recorded(store, iris)
    # Versions already recorded are written first, to tell unchanged ones by their digest (their
    # lines are dropped as soon as they are told); those that changed are cleared. The others
    # are written again as the store's loader reads them, so the lines of a whole import are
    # never held at once.
    settled: set[str] = set()
    stale: list[str] = []
    for version in versions:
        graph = iris.law_graph(version.identity.law_id, version.date)
        if graph not in known:
            continue
        written = write_version(version, iris)
        if written.digest == known[graph]:
            settled.add(graph)
            report.unchanged += 1
            report.provisions += written.provisions
            for p in written.problems:
                _problem(report, on_problem, str(p))
        else:
            stale.append(graph)
    if stale:
        store.update(" ;\n".join(f"CLEAR SILENT GRAPH <{g}>" for g in stale))
    digests: dict[str, str] = {}

    def fresh() -> Iterator[Written]:
        for version in versions:
            graph = iris.law_graph(version.identity.law_id, version.date)
            if graph in settled:
                continue
            written = write_version(version, iris)
            report.provisions += written.provisions
            for p in written.problems:
                _problem(report, on_problem, str(p))
            if graph in known:
                report.changed += 1
            else:
                report.new += 1
            report.quads += written.lines
            digests[graph] = written.digest
            yield written

    load.load(store, _documents(fresh()))
    _record(store, iris, digests, known)
    if digests or stale:  # the laws' titles and ranks the derived facts were made with
        derived.refresh(store, iris)
    if link:
        from graph.laws.links import refresh_links

        report.links = refresh_links(store, iris)
    return report


def _documents(written: Iterator[Written]) -> Iterator[load.Document]:
    """Each version's lines as one document for the store's loader: its own graph, then its
    shared lines (those two versions of a law share are handed over twice: the store keeps one
    copy, and telling them costs more than loading them)."""
    for w in written:
        yield load.Document(w.own, w.own_lines, w.shared, w.shared_lines)


def _record(store: ox.Store, iris: Iris, digests: dict[str, str], known: dict[str, str]) -> None:
    """The digests of the versions just loaded, in one update."""
    if not digests:
        return
    graph = iris.law_record_graph()
    digest = QZ.contentDigest
    removed = [f'<{g}> <{digest}> "{known[g]}" .' for g in digests if g in known]
    added = [f'<{g}> <{digest}> "{d}" .' for g, d in digests.items()]
    operations = []
    if removed:
        operations.append(f"DELETE DATA {{ GRAPH <{graph}> {{ {' '.join(removed)} }} }}")
    operations.append(f"INSERT DATA {{ GRAPH <{graph}> {{ {' '.join(added)} }} }}")
    store.update(" ;\n".join(operations))
