"""One version of an instrument as N-Quads: the lines of its own graph (its catalogue facts and the
expressions of its divisions and provisions, with their text) and its lines of the shared graph
(the work, its work-level divisions and provisions, the version's identity), written with the
build's primitives so that a fact a citation also writes is the same line (docs/laws.md).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from hashlib import blake2b

from extractors.lawtext.model import Article, LawText, Problem
from graph.build import concepts
from graph.build.citations import step_label, write_subdivision
from graph.build.quads import DCTERMS, ELI, QZ, RDF, XSD, GraphLines, boolean, integer, quote
from graph.iri import Iris, Locator, Step, provision_steps
from graph.laws.versions import Version

#: The IRI token of each kind of division (Akoma Ntoso; 分编 has none there: ``subpart``).
_TOKENS = {"part": "part", "subpart": "subpart", "chapter": "chp", "section": "sec"}


@dataclass(slots=True)
class Written:
    """A version's lines: its own graph's and the shared graph's, with what they hold."""

    graph: str
    own: list[bytes]
    shared: list[bytes]
    provisions: int = 0  # expressions of articles, paragraphs, items and points
    problems: list[Problem] = field(default_factory=list)

    @property
    def digest(self) -> str:
        """What the version's lines are, as a hex digest: the same text imported again has the
        same digest (its lines come in a fixed order)."""
        h = blake2b(digest_size=16)
        for line in self.own:
            h.update(line)
        h.update(b"--shared--\n")
        for line in self.shared:
            h.update(line)
        return h.hexdigest()


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
        self.written = Written(self.own.name, [], [])

    def write(self) -> Written:
        """The version's lines."""
        self.work()
        self.facts()
        for text in self.version.texts:
            self.text(text)
        self.written.own = self.own.take()
        self.written.shared = self.shared.take()
        return self.written

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
            token = f"{_TOKENS[d.kind]}_{number}"
            work = f"{work_parent}/{token}"
            step = Step(token, d.kind, str(number))  # type: ignore[arg-type]
            write_subdivision(
                self.shared, work_parent, work, d.kind, str(number), step_label(step, True)
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

    def provision(self, loc: Locator, parent: str, text: str) -> str:
        """A provision (article, paragraph, item, point): work-level in the shared graph, its
        expression with its text in this version."""
        steps = provision_steps(loc)
        work = self.iris.provision(self.law_id, loc)
        up = self.iris.provision(self.law_id, _up(loc)) if len(steps) > 1 else self.law
        label = "".join(step_label(step, True) for step in steps)
        write_subdivision(self.shared, up, work, steps[-1].kind, steps[-1].number, label)
        expression = f"{self.node}/{work[len(self.law) + 1 :]}"
        self.expression(expression, work, parent)
        self.own.text(expression, QZ.text, text)
        self.written.provisions += 1
        return expression

    def article(self, text: LawText, article: Article, parent: str) -> None:
        """An article with its paragraphs, items and points. An article of one paragraph has no
        paragraph nodes: its items are the article's (``art_9/point_2``, as a citation of
        第九条第二项 names them); an article of several has ``art_9/para_1`` …"""
        assert article.number is not None
        at = Locator(article=article.number, article_suffix=article.suffix)
        expression = f"{self.node}/{provision_steps(at)[0].token}"
        if expression in self.seen:
            self.written.problems.append(
                Problem(
                    text.path,
                    article.line,
                    "sequence",
                    f"a second {article.label} in this version: the first is kept",
                )
            )
            return
        self.seen.add(expression)
        art = self.provision(at, parent, article.text)
        self.placed(art, "articles")
        self.own.text(art, QZ.head, article.head)
        several = len(article.paragraphs) > 1
        for para in article.paragraphs:
            p_at, p_expr = at, art
            if several:
                p_at = replace(at, paragraph=para.number)
                p_expr = self.provision(p_at, art, para.full_text)
            for item in para.items:
                i_at = replace(p_at, item=item.number)
                i_expr = self.provision(i_at, p_expr, item.full_text)
                for point in item.points:
                    self.provision(replace(i_at, subitem=point.number), i_expr, point.text)


def _up(loc: Locator) -> Locator:
    """The locator one level up: a point's item, an item's paragraph (or article), a paragraph's
    article."""
    if loc.subitem is not None:
        return replace(loc, subitem=None)
    if loc.item is not None:
        return replace(loc, item=None)
    return replace(loc, paragraph=None)


def write_version(version: Version, iris: Iris) -> Written:
    """The lines of one version (see the module's docstring)."""
    return VersionWriter(version, iris).write()
