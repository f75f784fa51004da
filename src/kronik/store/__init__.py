"""The chronicle store: DuckDB tables of documents, events and their cross-document links.

The command line registers the store's commands on every start, ``kronik extract`` included,
and needs from here only the defaults and choices of their options, which are defined in this
module. The chronicle itself (``Chronicle``, ``Filters``, ``IngestReport``,
``ingest_documents``) is imported from ``kronik.store.chronicle`` on first use: with it come
DuckDB, NumPy and PyArrow, about a fifth of a second of start-up that only a command opening a
chronicle needs.
"""
from __future__ import annotations

from enum import Enum
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kronik.store.chronicle import Chronicle, Filters, IngestReport, ingest_documents

__all__ = ["Chronicle", "Filters", "IngestReport", "ingest_documents",
           "DEFAULT_PATH", "BATCH_DOCUMENTS", "BATCH_SECONDS", "ExportFormat"]

DEFAULT_PATH = "kronik.duckdb"
# A batch is written in one transaction when it holds this many documents or has waited this
# long for more. 500 documents make the per-transaction cost (a few set operations over the
# whole store, the commit) small against the inserts: storing the unlabeled corpus costs 2.6 ms
# of CPU per article in batches of 500 and 3.7 ms in batches of 100. Ten seconds bound what a
# kill -9 makes a rerun redo when extraction is slow (a loaded machine, long articles).
BATCH_DOCUMENTS = 500
BATCH_SECONDS = 10.0
# The names that ``__getattr__`` takes from ``kronik.store.chronicle`` when first asked for.
_CHRONICLE_NAMES = frozenset({"Chronicle", "Filters", "IngestReport", "ingest_documents"})


class ExportFormat(str, Enum):
    """What ``kronik export`` writes (``kronik.store.export``)."""

    csv = "csv"
    parquet = "parquet"
    jsonl = "jsonl"
    polecat = "polecat"
    documents = "documents"


def __getattr__(name: str) -> Any:
    """The chronicle's classes and functions, imported when first used (module ``__getattr__``,
    PEP 562)."""
    if name in _CHRONICLE_NAMES:
        return getattr(import_module("kronik.store.chronicle"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
