"""Document records as ``kronik extract`` writes them, made where the document is extracted.

A worker process that sends back the JSON line of a record, with only the events that
cross-document linking needs, spares the writing process the work that would otherwise make
it the bottleneck of a parallel run: unpickling whole documents (with their sentences,
entities and quotes), building their records and serialising them. Once every document is
linked, each event's canonical id is spliced into its line; the line is then what
serialising the linked document would have given.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kronik.document import Document, Event
from kronik.jsontext import dumps


@dataclass
class Record:
    """A document's record as one JSON line (without its newline), and its events.

    ``written`` is the canonical id each event has in ``line``; linking then sets the
    events' ``canonical_id``.
    """

    line: str
    events: list[Event]
    written: list[str] = field(default_factory=list)


def record_of(doc: Document) -> Record:
    """The record of an extracted document, serialised as ``kronik extract`` writes it."""
    line = dumps(doc.to_dict())
    return Record(line, doc.events, [event.canonical_id or event.id for event in doc.events])


def linked_line(line: str, events: list[Event], written: list[str]) -> str:
    """``line`` with the canonical id of each event as linking set it.

    Each event's record opens with its id and then its canonical id; JSON escapes every quote
    inside a string, so that opening cannot occur inside the text, and events are found in
    their order.
    """
    parts: list[str] = []
    start = 0
    for event, old in zip(events, written):
        opening = f'{{"id":{dumps(event.id)},"canonical_id":'
        old_json = dumps(old)
        at = line.index(opening + old_json, start) + len(opening)
        parts += [line[start:at], dumps(event.canonical_id or event.id)]
        start = at + len(old_json)
    parts.append(line[start:])
    return "".join(parts)

