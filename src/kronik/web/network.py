"""A drawing of the network page's graph, laid out on the server as plain SVG coordinates.

States sit on a circle, the busiest at the top and the rest clockwise by weight, so the
drawing is the same on every load and needs no JavaScript; each node links to the same page
focused on that state. Edge width grows with the number of events, and the edge's colour
says whether cooperation or conflict dominates.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from kronik.web import models
from kronik.web.queries import plover

SIZE = 640
RADIUS = 250
# Widths in pixels of the thinnest and the thickest edge, and node radii likewise.
EDGE_WIDTH = (1.0, 12.0)
NODE_RADIUS = (7.0, 22.0)


@dataclass
class PlacedNode:
    id: str
    events: int
    x: float
    y: float
    r: float
    label_x: float
    label_y: float
    anchor: str


@dataclass
class PlacedEdge:
    source: str
    target: str
    events: int
    cooperation: int
    conflict: int
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    colour: str


@dataclass
class Drawing:
    size: int
    nodes: list[PlacedNode]
    edges: list[PlacedEdge]


def layout(page: models.NetworkPage) -> Drawing:
    """Positions, sizes and colours for the page's nodes and edges."""
    centre = SIZE / 2
    ordered = sorted(page.nodes, key=lambda n: (-n.events, n.id))
    heaviest = max((n.events for n in ordered), default=1)
    nodes: dict[str, PlacedNode] = {}
    for index, node in enumerate(ordered):
        angle = -math.pi / 2 + 2 * math.pi * index / max(1, len(ordered))
        x, y = centre + RADIUS * math.cos(angle), centre + RADIUS * math.sin(angle)
        label_gap = RADIUS + 34
        nodes[node.id] = PlacedNode(
            id=node.id, events=node.events, x=round(x, 1), y=round(y, 1),
            r=round(_scale(node.events, heaviest, NODE_RADIUS), 1),
            label_x=round(centre + label_gap * math.cos(angle), 1),
            label_y=round(centre + label_gap * math.sin(angle) + 4, 1),
            anchor="middle" if abs(math.cos(angle)) < 0.3 else "start" if math.cos(angle) > 0 else "end")
    busiest = max((e.events for e in page.edges), default=1)
    quads = plover()["quads"]
    edges = []
    for edge in page.edges:
        a, b = nodes[edge.source], nodes[edge.target]
        colour = (quads["material_conflict"]["colour"] if edge.conflict > edge.cooperation
                  else quads["verbal_cooperation"]["colour"] if edge.cooperation > edge.conflict
                  else "#8a8f98")
        edges.append(PlacedEdge(edge.source, edge.target, edge.events, edge.cooperation,
                                edge.conflict, a.x, a.y, b.x, b.y,
                                round(_scale(edge.events, busiest, EDGE_WIDTH), 1), colour))
    return Drawing(SIZE, list(nodes.values()), edges)


def _scale(value: int, largest: int, bounds: tuple[float, float]) -> float:
    """Square-root scale, so that one very busy pair does not flatten all the others."""
    low, high = bounds
    return low + (high - low) * math.sqrt(value / max(1, largest))
