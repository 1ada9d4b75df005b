"""The graph a view shows: typed nodes and edges, their legend styles, and the cap on its size.

Node and edge kinds are closed sets; each kind has one style (colour, shape or dash) and a
bilingual label, so the legend, the filters and the drawing always agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

NodeKind = Literal["item", "authority", "list", "law", "provision", "clause"]
EdgeKind = Literal[
    "basis",
    "accountability_basis",
    "responsibility",
    "accountability",
    "remarks",
    "name",
    "exercised_by",
    "in_list",
    "part_of",
    "has_clause",
    "rests_on",
]

#: The item fields a citation can be found in, in legend order (keys of extractors.models).
CITATION_FIELDS: tuple[EdgeKind, ...] = (
    "basis",
    "accountability_basis",
    "responsibility",
    "accountability",
    "remarks",
    "name",
)


@dataclass(frozen=True, slots=True)
class NodeStyle:
    """How one kind of node is drawn and named in the legend."""

    label: str
    color: str
    shape: str  # a vis-network shape
    size: int


@dataclass(frozen=True, slots=True)
class EdgeStyle:
    """How one kind of edge is drawn and named in the legend; ``dashes`` is a vis dash pattern."""

    label: str
    color: str
    dashes: tuple[int, ...] = ()
    width: float = 1.5
    arrow: bool = True


NODE_STYLES: dict[NodeKind, NodeStyle] = {
    "item": NodeStyle("权力事项 power item", "#4e79a7", "dot", 12),
    "provision": NodeStyle("条款 provision", "#b07aa1", "triangle", 13),
    "law": NodeStyle("法律法规 law", "#e15759", "hexagon", 18),
    "authority": NodeStyle("实施主体 authority", "#f28e2b", "diamond", 15),
    "list": NodeStyle("清单·地区 list / region", "#59a14f", "square", 14),
    "clause": NodeStyle("责任事项·追责情形 clause", "#76b7b2", "triangleDown", 10),
}

EDGE_STYLES: dict[EdgeKind, EdgeStyle] = {
    "basis": EdgeStyle("设定依据 legal basis", "#2b6cb0", (), 2.2),
    "accountability_basis": EdgeStyle("追责依据 accountability basis", "#c53030", (8, 5), 2.2),
    "responsibility": EdgeStyle("责任事项 responsibility", "#2f855a", (2, 4), 1.6),
    "accountability": EdgeStyle("追责情形 accountability", "#b7791f", (2, 4), 1.6),
    "remarks": EdgeStyle("备注 remarks", "#718096", (2, 4), 1.4),
    "name": EdgeStyle("事项名称 item name", "#805ad5", (2, 4), 1.4),
    "exercised_by": EdgeStyle("实施主体 exercised by", "#d69e2e", (), 1.0, False),
    "in_list": EdgeStyle("所属清单 in list", "#a0aec0", (), 0.8, False),
    "part_of": EdgeStyle("所属条文 part of", "#c4a1c9", (), 1.0, False),
    "has_clause": EdgeStyle("事项条目 has clause", "#9ccfcb", (), 1.0, False),
    "rests_on": EdgeStyle("追责所依 rests on", "#e8a33d", (4, 3), 1.4),
}


@dataclass(frozen=True, slots=True)
class ViewNode:
    """One node: its IRI, kind, short label and the details its tooltip lists (plain text)."""

    id: str
    kind: NodeKind
    label: str
    details: tuple[tuple[str, str], ...] = ()
    focus: bool = False


@dataclass(slots=True)
class ViewEdge:
    """One edge; a citation edge gathers every text, as written, that cites the target."""

    source: str
    target: str
    kind: EdgeKind
    quotes: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str, str]:
        """What makes an edge unique: both ends and the kind."""
        return (self.source, self.target, self.kind)


@dataclass(slots=True)
class ViewGraph:
    """The nodes and edges a view shows, in insertion order, plus notes shown on the page."""

    title: str
    max_nodes: int
    nodes: dict[str, ViewNode] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], ViewEdge] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    truncated: bool = False

    def room_for(self, count: int) -> bool:
        """True if ``count`` more nodes fit under the cap; marks the view truncated if not."""
        if len(self.nodes) + count <= self.max_nodes:
            return True
        self.truncated = True
        return False

    def add_node(self, node: ViewNode) -> None:
        """Add ``node`` unless a node with its id is there (a focus node is never replaced)."""
        self.nodes.setdefault(node.id, node)

    def add_edge(self, source: str, target: str, kind: EdgeKind, quote: str | None = None) -> None:
        """Add an edge between two nodes already in the view (else nothing); gather ``quote``."""
        if source not in self.nodes or target not in self.nodes or source == target:
            return
        edge = self.edges.get((source, target, kind))
        if edge is None:
            edge = self.edges[(source, target, kind)] = ViewEdge(source, target, kind)
        if quote is not None and quote not in edge.quotes:
            edge.quotes.append(quote)

    def summary(self) -> str:
        """The one-line summary ``write_view`` returns: ``123 nodes, 456 edges``."""
        return f"{len(self.nodes)} nodes, {len(self.edges)} edges"
