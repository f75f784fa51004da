"""Kronik: a chronicle of political events from Indonesian news articles.

    >>> import kronik
    >>> doc = kronik.extract(text, published="2025-11-26", source="article.txt")
    >>> doc.to_dict()["events"]
"""
from __future__ import annotations

from datetime import date, datetime
from functools import cache

from kronik.document import Document, Event, Party, Quote
from kronik.pipeline import Pipeline, default_pipeline

__all__ = ["Document", "Event", "Party", "Quote", "Pipeline", "extract", "pipeline"]
__version__ = "0.1.0"


@cache
def pipeline() -> Pipeline:
    """The default pipeline, built once per process (its stages hold only read-only data)."""
    return default_pipeline()


def extract(text: str, *, published: date | datetime | str | None = None,
            source: str | None = None, url: str | None = None) -> Document:
    """Extract one article: clean text, metadata, entities, time, quotes and events.

    ``published`` given by the caller always wins over what the text says; ``url``, where
    known, lends its date and outlet when the text states none.
    """
    return pipeline().run(text, published=published, source=source, url=url)
