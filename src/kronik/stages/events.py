"""Events: PLOVER-coded events with parties, date, status, location and evidence."""
from __future__ import annotations

from kronik.document import Document
from kronik.pipeline import Stage


class Events(Stage):
    name = "events"
    requires = ("text", "sentences", "entities", "time_expressions", "quotes")
    provides = ("events",)

    def __call__(self, doc: Document) -> Document:
        return doc
