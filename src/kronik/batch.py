"""Extraction over many inputs: read, extract, link events across documents.

A failure in one article becomes an ``InputError`` for that article; the batch goes on.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import kronik
from kronik.document import Document
from kronik.errors import InputError, KronikError
from kronik.reader import Article, Skipped, read_articles


def extract_article(article: Article) -> Document | InputError:
    """One article through the default pipeline, or an error naming it."""
    try:
        return kronik.extract(article.text, published=article.published, source=article.source,
                              url=article.url)
    except KronikError as exc:
        return InputError(article.source, str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
        return InputError(article.source, f"extraction failed ({type(exc).__name__}: {exc})")


def extract_paths(paths: Iterable[str | Path]) -> Iterator[Document | InputError | Skipped]:
    """Every article under the given paths, extracted, in input order."""
    for item in read_articles(paths):
        yield item if isinstance(item, (InputError, Skipped)) else extract_article(item)
