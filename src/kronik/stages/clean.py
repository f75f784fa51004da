"""Cleaning: normalise Unicode and drop the noise that news sites leave in scraped text."""
from __future__ import annotations

import unicodedata

from kronik.document import Document
from kronik.pipeline import Stage


class Clean(Stage):
    name = "clean"
    requires = ("raw_text",)
    provides = ("text", "captions")

    def __call__(self, doc: Document) -> Document:
        doc.text = unicodedata.normalize("NFC", doc.raw_text).replace("\u00a0", " ").strip()
        return doc
