"""Sentences: split the cleaned text into sentences with offsets and paragraph numbers."""
from __future__ import annotations

import re

from kronik.document import Document, Sentence
from kronik.pipeline import Stage


class Sentences(Stage):
    name = "sentences"
    requires = ("text",)
    provides = ("sentences",)

    def __call__(self, doc: Document) -> Document:
        doc.sentences = [Sentence(m.start(), m.end(), m.group(0))
                         for m in re.finditer(r"[^.!?\n]+[.!?]*", doc.text) if m.group(0).strip()]
        return doc
