"""The chronicle store: DuckDB tables of documents, events and their cross-document links."""
from kronik.store.chronicle import Chronicle, Filters, IngestReport, ingest_documents

__all__ = ["Chronicle", "Filters", "IngestReport", "ingest_documents"]
