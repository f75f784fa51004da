"""Time: find temporal expressions and resolve them to intervals against the publication date."""
from __future__ import annotations

from kronik.document import Document
from kronik.pipeline import Stage


class Time(Stage):
    name = "time"
    requires = ("text", "sentences", "published")
    provides = ("time_expressions", "published_inferred")

    def __call__(self, doc: Document) -> Document:
        return doc
