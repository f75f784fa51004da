"""Metadata: title, outlet, author, dateline and publication date of an article."""
from __future__ import annotations

from kronik.document import Document
from kronik.pipeline import Stage


class Metadata(Stage):
    name = "metadata"
    requires = ("text",)
    provides = ("title", "outlet", "author", "dateline", "published")

    def __call__(self, doc: Document) -> Document:
        return doc
