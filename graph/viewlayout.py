"""Computes node positions for a view ahead of time, so the browser draws at once without physics.

networkx's own force layouts need numpy (not a quanze dependency), so this is a small seeded
Fruchterman–Reingold in pure Python: networkx gives the components and the rings around the
focus; repulsion only acts between nodes in neighbouring grid cells, which keeps each iteration
linear in the number of nodes (2,000 nodes lay out in about a second). Same input, same output.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Iterable, Sequence

import networkx as nx

Point = tuple[float, float]

#: Pixels per unit of ideal edge length.
SCALE = 110.0


def _ring_start(
    graph: nx.Graph, nodes: list[str], focus: Sequence[str], rng: random.Random
) -> dict[str, list[float]]:
    """Start positions: rings around the focus by hop distance, else a random square."""
    roots = [f for f in focus if f in graph]
    pos: dict[str, list[float]] = {}
    if roots:
        dist = nx.multi_source_dijkstra_path_length(graph, roots, weight=None)
        rings: dict[int, list[str]] = defaultdict(list)
        for node in nodes:
            rings[dist.get(node, 0)].append(node)
        for d, ring in rings.items():
            radius = 1.5 * d * math.sqrt(len(ring))
            for i, node in enumerate(ring):
                angle = 2 * math.pi * i / len(ring) + rng.uniform(-0.1, 0.1)
                pos[node] = [radius * math.cos(angle), radius * math.sin(angle)]
        return pos
    side = 1.5 * math.sqrt(len(nodes))
    for node in nodes:
        pos[node] = [rng.uniform(0, side), rng.uniform(0, side)]
    return pos


def _relax(graph: nx.Graph, pos: dict[str, list[float]], iterations: int) -> None:
    """Fruchterman–Reingold with unit ideal length; repulsion cut off beyond two units."""
    nodes = list(pos)
    n = len(nodes)
    if n < 2:
        return
    edges = [(u, v) for u, v in graph.edges() if u != v]
    temperature = max(1.0, math.sqrt(n) / 3)
    cooling = temperature / (iterations + 1)
    cell = 2.0
    for _ in range(iterations):
        disp = {node: [0.0, 0.0] for node in nodes}
        grid: dict[tuple[int, int], list[str]] = defaultdict(list)
        for node in nodes:
            x, y = pos[node]
            grid[(int(x // cell), int(y // cell))].append(node)
        for (cx, cy), members in grid.items():
            near = [
                other
                for dx in (-1, 0, 1)
                for dy in (-1, 0, 1)
                for other in grid.get((cx + dx, cy + dy), ())
            ]
            for node in members:
                x, y = pos[node]
                d = disp[node]
                for other in near:
                    if other is node:
                        continue
                    ox_, oy = pos[other]
                    dx_, dy_ = x - ox_, y - oy
                    dist2 = dx_ * dx_ + dy_ * dy_
                    if dist2 >= cell * cell:
                        continue
                    if dist2 < 1e-9:
                        dx_, dy_, dist2 = 0.01, 0.0, 1e-4
                    # repulsive force k²/d along the unit vector: (dx, dy) / d²
                    d[0] += dx_ / dist2
                    d[1] += dy_ / dist2
        for u, v in edges:
            (ux, uy), (vx, vy) = pos[u], pos[v]
            dx_, dy_ = ux - vx, uy - vy
            dist = math.sqrt(dx_ * dx_ + dy_ * dy_) or 1e-3
            # attractive force d²/k along the unit vector: (dx, dy) * d
            fx, fy = dx_ * dist, dy_ * dist
            disp[u][0] -= fx
            disp[u][1] -= fy
            disp[v][0] += fx
            disp[v][1] += fy
        for node in nodes:
            dx_, dy_ = disp[node]
            length = math.sqrt(dx_ * dx_ + dy_ * dy_)
            if length > 0:
                step = min(length, temperature)
                pos[node][0] += dx_ / length * step
                pos[node][1] += dy_ / length * step
        temperature -= cooling


def _pack(parts: list[dict[str, list[float]]]) -> dict[str, Point]:
    """Place laid-out components side by side in rows, largest first."""
    out: dict[str, Point] = {}
    boxes = []
    for part in parts:
        xs = [p[0] for p in part.values()]
        ys = [p[1] for p in part.values()]
        boxes.append((min(xs), min(ys), max(xs) - min(xs) + 2, max(ys) - min(ys) + 2))
    row_width = max(max(b[2] for b in boxes), math.sqrt(sum(b[2] * b[3] for b in boxes)) * 1.2)
    x = y = row_height = 0.0
    for part, (left, top, width, height) in zip(parts, boxes, strict=True):
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (px, py) in part.items():
            out[node] = (px - left + x, py - top + y)
        x += width
        row_height = max(row_height, height)
    return out


def compute_layout(
    nodes: Iterable[str],
    edges: Iterable[tuple[str, str]],
    *,
    focus: Sequence[str] = (),
    seed: int = 20240601,
    iterations: int | None = None,
) -> dict[str, Point]:
    """Pixel positions for ``nodes``, centred on (0, 0); deterministic for the same input.

    >>> pos = compute_layout(["a", "b", "c"], [("a", "b"), ("b", "c")], focus=["b"])
    >>> sorted(pos) == ["a", "b", "c"], pos == compute_layout(["a", "b", "c"], [("a", "b"), ("b", "c")], focus=["b"])
    (True, True)
    """
    graph = nx.Graph()
    graph.add_nodes_from(sorted(set(nodes)))
    graph.add_edges_from(sorted((u, v) for u, v in edges if u in graph and v in graph))
    if graph.number_of_nodes() == 0:
        return {}
    rng = random.Random(seed)
    components = sorted(
        (sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0])
    )
    parts = []
    for members in components:
        sub = graph.subgraph(members)
        pos = _ring_start(sub, members, focus, rng)
        rounds = iterations if iterations is not None else (60 if len(members) > 500 else 120)
        _relax(sub, pos, rounds if len(members) > 1 else 0)
        parts.append(pos)
    placed = _pack(parts)
    cx = sum(p[0] for p in placed.values()) / len(placed)
    cy = sum(p[1] for p in placed.values()) / len(placed)
    return {
        node: (round((x - cx) * SCALE, 1), round((y - cy) * SCALE, 1))
        for node, (x, y) in sorted(placed.items())
    }
