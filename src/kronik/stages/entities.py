"""Entities and actors: states, capitals used as metonyms, organisations and people."""
from __future__ import annotations

from kronik.document import Document
from kronik.pipeline import Stage


class Entities(Stage):
    name = "entities"
    requires = ("text", "sentences")
    provides = ("entities",)

    def __call__(self, doc: Document) -> Document:
        return doc
