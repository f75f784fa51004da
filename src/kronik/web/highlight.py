"""Highlighted article text built from escaped segments.

Articles carry stray HTML, so their text is never trusted as markup: the text is cut at every
span boundary, each piece is escaped, and only then wrapped in tags that Kronik writes itself.
Spans may overlap (an entity inside an evidence sentence inside a quote); every piece carries
the tags of all spans that cover it.
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Mark:
    """A stretch of text to highlight: ``kind`` becomes a CSS class, ``label`` a tooltip.

    ``tag`` is ``mark`` for the evidence of events (what a reader looks for first) and
    ``span`` for everything else; ``anchor`` gives the first piece an ``id`` to link to.
    """

    start: int
    end: int
    kind: str
    label: str = ""
    tag: str = "span"
    anchor: str | None = None


def highlight(text: str, marks: list[Mark]) -> Markup:
    """``text`` escaped, with every valid mark wrapped around the pieces it covers."""
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    anchored: set[str] = set()
    pieces: list[str] = []
    for left, right in zip(cuts, cuts[1:]):
        piece = str(escape(text[left:right]))
        covering = sorted((m for m in valid if m.start <= left and right <= m.end),
                          key=lambda m: (m.start, -m.end, m.kind))
        for mark in reversed(covering):
            piece = _open(mark, anchored) + piece + f"</{mark.tag}>"
        pieces.append(piece)
    return Markup("".join(pieces))


def excerpt(text: str, start: int, end: int, context: int = 160) -> tuple[str, int, int]:
    """A window of ``text`` around [start, end) cut at whitespace; offsets shifted into it."""
    left = max(0, start - context)
    right = min(len(text), end + context)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    return text[left:right], start - left, end - left


def _open(mark: Mark, anchored: set[str]) -> str:
    attrs = f' class="{escape(mark.kind)}"'
    if mark.label:
        attrs += f' title="{escape(mark.label)}"'
    if mark.anchor and mark.anchor not in anchored:
        anchored.add(mark.anchor)
        attrs += f' id="{escape(mark.anchor)}"'
    return f"<{mark.tag}{attrs}>"
