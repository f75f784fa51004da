"""Quotes: direct speech in quotation marks and the speaker the text names for it."""
from __future__ import annotations

from kronik.document import Document
from kronik.pipeline import Stage


class Quotes(Stage):
    name = "quotes"
    requires = ("text", "sentences", "entities")
    provides = ("quotes",)

    def __call__(self, doc: Document) -> Document:
        return doc
