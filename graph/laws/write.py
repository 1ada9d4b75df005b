"""One version of an instrument as N-Quads: the lines of its own graph (its catalogue facts and the
expressions of its divisions and provisions, with their text) and its lines of the shared graph
(the work, its work-level divisions and provisions, the version's identity), written with the
build's primitives so that a fact a citation also writes is the same line (docs/laws.md).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from hashlib import blake2b

from extractors.lawtext.model import Article, LawText, Problem
from graph.build import concepts
from graph.build.citations import step_label, write_subdivision
from graph.build.quads import DCTERMS, ELI, QZ, RDF, XSD, GraphLines, boolean, integer, quote
from graph.iri import Iris, Step, article_step, division_step, paragraph_step, point_step
from graph.laws.versions import Version


@dataclass(slots=True)
class Written:
    """A version's lines (N-Quads, UTF-8): its own graph's and the shared graph's, with what they
    hold, and their digest: the same text imported again has the same digest (its lines come in
    a fixed order)."""

    graph: str
    own: bytes = b""
    own_lines: int = 0
    shared: bytes = b""
    shared_lines: int = 0
    provisions: int = 0  # expressions of articles, paragraphs, items and points
    problems: list[Problem] = field(default_factory=list)

    @property
    def lines(self) -> int:
        """Its lines, in both graphs."""
        return self.own_lines + self.shared_lines

    @property
    def digest(self) -> str:
        """What the version's lines are, as a hex digest."""
        return blake2b(self.own + b"--shared--\n" + self.shared, digest_size=16).hexdigest()


def _date(value: str) -> str:
    return f"{quote(value)}^^<{XSD}date>"


class VersionWriter:
    """Writes one version: ``write()`` gives its lines."""

    def __init__(self, version: Version, iris: Iris) -> None:
        self.version = version
        self.iris = iris
        self.law_id = version.identity.law_id
        self.law = iris.law(self.law_id)
        self.node = iris.version(self.law_id, version.date)  # the version's expression
        self.own = GraphLines(iris.law_graph(self.law_id, version.date))
        self.shared = GraphLines(iris.shared_graph())
        self.ordinals: Counter[str] = Counter()  # parent (or "articles") → children so far
        self.seen: set[str] = set()  # provision expressions written
        self.parts = 0  # parts its files name without a number (民法典/合同编.md), so far
        self.written = Written(self.own.name)

    def write(self) -> Written:
        """The version's lines."""
        self.work()
        self.facts()
        for text in self.version.texts:
            self.text(text)
        own, shared = self.own.take(), self.shared.take()
        w = self.written
        w.own, w.own_lines, w.shared, w.shared_lines = (
            b"".join(own),
            len(own),
            b"".join(shared),
            len(shared),
        )
        return w

    def work(self) -> None:
        """The work and the version's identity, in the shared graph (as a build writes them)."""
        g, identity = self.shared, self.version.identity
        g.link(self.law, RDF.type, ELI.LegalResource)
        g.text(self.law, ELI.title, identity.title, "zh")
        g.add(self.law, QZ.inRegistry, boolean(identity.entry is not None))
        rank = self.version.rank
        if rank:
            concept = concepts.legal_rank(rank)
            if concept is None:
                g.text(self.law, QZ.rankText, rank)
            else:
                g.link(self.law, ELI.type_document, str(concept))
        g.link(self.node, RDF.type, ELI.LegalExpression)
        g.link(self.law, ELI.is_realized_by, self.node)
        g.link(self.node, ELI.realizes, self.law)
        if self.version.dated:
            g.add(self.node, ELI.version_date, _date(self.version.date))

    def facts(self) -> None:
        """The version's own facts: title, files, catalogue facts, history, last article."""
        g, v, node = self.own, self.version, self.node
        g.text(node, ELI.title, v.official_title, "zh")
        for source in v.sources:
            g.text(node, DCTERMS.source, source)
        if v.published:
            g.add(node, ELI.date_publication, _date(v.published))
        if v.valid_from:
            g.add(node, ELI.first_date_entry_in_force, _date(v.valid_from))
        if v.expired is not None:
            g.add(node, QZ.expired, boolean(v.expired))
        g.text(node, QZ.category, v.category)
        g.text(node, QZ.history, "\n".join(t.history_text for t in v.texts if t.history))
        g.add(node, QZ.lastArticle, integer(max(t.last_article for t in v.texts)))

    def text(self, text: LawText) -> None:
        """One file's divisions and articles."""
        divisions = self.divisions(text)
        for article in text.articles:
            if article.number is None:
                self.written.problems.append(
                    Problem(text.path, article.line, "misnumbered", f"{article.head}: not stored")
                )
                continue
            parent = (
                divisions.get(article.divisions[-1], self.node) if article.divisions else self.node
            )
            self.article(text, article, parent)

    def divisions(self, text: LawText) -> dict[int, str]:
        """The numbered divisions of a file, work-level and in this version; their expressions by
        their index in ``text.divisions`` (unnumbered headings have none)."""
        out: dict[int, str] = {}
        works: dict[int, str] = {}
        for d in text.divisions:
            number = d.number
            if d.kind == "part" and number is None:  # 民法典/合同编.md: numbered by its place
                self.parts += 1
                number = self.parts
            if d.kind == "heading" or number is None:
                continue
            parents = [i for i in d.parents if i in works]
            work_parent = works[parents[-1]] if parents else self.law
            step = division_step(d.kind, number)
            work = f"{work_parent}/{step.token}"
            write_subdivision(
                self.shared, work_parent, work, step.kind, step.number, step_label(step, True)
            )
            works[d.index] = work
            parent = out[parents[-1]] if parents else self.node
            expression = f"{self.node}/{work[len(self.law) + 1 :]}"
            self.expression(expression, work, parent)
            self.placed(expression, parent)
            self.own.text(expression, QZ.heading, d.heading)
            self.own.text(expression, ELI.title, d.title, "zh")
            out[d.index] = expression
        return out

    def expression(self, expression: str, work: str, parent: str) -> None:
        """The expression of a work-level node in this version, in ``parent``: typed, realizing
        the work-level node (``eli:is_realized_by`` is written for versions only: an import
        writes some 400,000 expressions, and each line is load time)."""
        g = self.own
        g.link(expression, RDF.type, ELI.LegalExpression)
        g.link(expression, ELI.realizes, work)
        g.link(expression, QZ.partOfExpression, parent)

    def placed(self, expression: str, parent: str) -> None:
        """An article's or division's place: its version and its ordinal among its siblings
        (an article's among all articles of the version)."""
        self.own.link(expression, QZ.inVersion, self.node)
        self.ordinals[parent] += 1
        self.own.add(expression, QZ.ordinal, integer(self.ordinals[parent]))

    def provision(self, up: tuple[str, str], step: Step, parent: str, text: str) -> tuple[str, str]:
        """A provision (article, paragraph, item, point) one ``step`` below the work-level node
        ``up`` (its IRI and label): work-level in the shared graph, its expression with its text
        in this version, in ``parent``. Its IRI and label, for the provisions under it."""
        work, label = f"{up[0]}/{step.token}", up[1] + step_label(step, True)
        write_subdivision(self.shared, up[0], work, step.kind, step.number, label)
        expression = self._expression(work)
        self.expression(expression, work, parent)
        self.own.text(expression, QZ.text, text)
        self.written.provisions += 1
        return work, label

    def article(self, text: LawText, article: Article, parent: str) -> None:
        """An article with its paragraphs, items and points. An article of one paragraph has no
        paragraph nodes: its items are the article's (``art_9/point_2``, as a citation of
        第九条第二项 names them); an article of several has ``art_9/para_1`` …"""
        assert article.number is not None
        step = article_step(article.number, article.suffix)
        art = f"{self.node}/{step.token}"
        if art in self.seen:
            self.written.problems.append(
                Problem(
                    text.path,
                    article.line,
                    "sequence",
                    f"a second {article.label} in this version: the first is kept",
                )
            )
            return
        self.seen.add(art)
        at = self.provision((self.law, ""), step, parent, article.text)
        self.placed(art, "articles")
        self.own.text(art, QZ.head, article.head)
        several = len(article.paragraphs) > 1
        for para in article.paragraphs:
            p_at = at
            if several:
                p_at = self.provision(at, paragraph_step(para.number), art, para.full_text)
            p_expr = self._expression(p_at[0])
            for item in para.items:
                i_at = self.provision(p_at, point_step(item.number), p_expr, item.full_text)
                i_expr = self._expression(i_at[0])
                for point in item.points:
                    self.provision(i_at, point_step(point.number), i_expr, point.text)

    def _expression(self, work: str) -> str:
        """The expression in this version of a work-level provision."""
        return f"{self.node}{work[len(self.law) :]}"


def write_version(version: Version, iris: Iris) -> Written:
    """The lines of one version (see the module's docstring)."""
    return VersionWriter(version, iris).write()
