"""Cross-document identity: give mentions of the same real-world event one ``canonical_id``.

The rule lives here as pure functions over ``Event`` objects, so that ``kronik extract`` on a
folder (``link_documents``) and the chronicle store (which links each new document against
candidates it reads back from the database) decide identity the same way:

1. Two mentions in *different* documents are the same event when type, mode and status are
   equal, the parties agree (the same set of countries for symmetric types, the same
   actor -> recipient countries for directed ones) and their date intervals overlap or lie at
   most ``NEAR_DAYS`` apart.
2. A mention without a date joins a group only when everything else agrees and exactly one
   group qualifies (likewise a dated mention and undated groups).
3. Distinct events of one document never share a group.
4. A planned event and the occurred event that carries it out stay two groups, joined by a
   ``fulfils`` link (``Link``), never merged.

A group's ``canonical_id`` is derived with ``hashlib`` from the smallest member event id, so it
does not depend on the process or on Python's ``hash()``.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kronik.document import Document, Event
from kronik.events import coding

# Reports of one event may date it a day apart (local time against the outlet's time zone,
# "Friday night" against "Saturday"); two days apart is already another day's event.
NEAR_DAYS = 1
# A plan is carried out within its announced window, give or take a week of slippage.
PLAN_SLACK_DAYS = 7
CANONICAL_PREFIX = "c"


@dataclass(frozen=True)
class Mention:
    """An event and the key of the document it was read in (its group is ``event.canonical_id``)."""

    event: Event
    doc: str


@dataclass(frozen=True)
class Link:
    """``plan`` (an event id, status planned) is carried out by ``fact`` (status occurred)."""

    plan: str
    fact: str
    kind: str = "fulfils"


def canonical_id_for(event_id: str) -> str:
    """The stable canonical id of a group whose smallest member event id is ``event_id``."""
    return CANONICAL_PREFIX + hashlib.sha256(event_id.encode("utf-8")).hexdigest()[:16]


def countries(event: Event) -> list[str]:
    """Every country among the event's parties, in order of first appearance."""
    found: list[str] = []
    for party in [*event.participants, event.actor, event.recipient]:
        if party is not None and party.country and party.country not in found:
            found.append(party.country)
    return found


def is_symmetric(event: Event) -> bool:
    return coding.is_symmetric(event.type, event.mode)


def party_key(event: Event) -> tuple | None:
    """What the parties must agree on, or None when the parties are too vague to link."""
    if is_symmetric(event):
        found = frozenset(countries(event))
        return ("symmetric", found) if len(found) >= 2 else None
    actor = event.actor.country if event.actor else None
    recipient = event.recipient.country if event.recipient else None
    return ("directed", actor, recipient) if actor and recipient else None


def date_gap(a: Event, b: Event) -> int | None:
    """Days between the two date intervals (0 when they overlap); None when one is undated."""
    if a.date is None or b.date is None:
        return None
    if a.date.start <= b.date.end and b.date.start <= a.date.end:
        return 0
    return min(abs((a.date.start - b.date.end).days), abs((b.date.start - a.date.end).days))


def same_kind(a: Event, b: Event) -> bool:
    """Type, mode and parties agree (status and date aside)."""
    key = party_key(a)
    return a.type == b.type and a.mode == b.mode and key is not None and key == party_key(b)


def _width(event: Event) -> int:
    return (event.date.end - event.date.start).days if event.date else 10**6


def match_group(event: Event, doc: str, candidates: Iterable[Mention]) -> str | None:
    """The group (canonical id) ``event`` of document ``doc`` belongs to, or None for a new one.

    ``candidates`` are mentions already grouped (their ``canonical_id`` set), from any
    document; groups holding a mention of ``doc`` are excluded so that one document's distinct
    events stay distinct.
    """
    pool = list(candidates)
    blocked = {m.event.canonical_id for m in pool if m.doc == doc}
    dated: dict[str, tuple[int, int]] = {}
    undated: set[str] = set()
    for mention in pool:
        other = mention.event
        group = other.canonical_id
        if group is None or group in blocked or other.id == event.id:
            continue
        if other.status != event.status or not same_kind(event, other):
            continue
        gap = date_gap(event, other)
        if gap is None:
            undated.add(group)
        elif gap <= NEAR_DAYS:
            rank = (gap, _width(other))
            dated[group] = min(dated.get(group, rank), rank)
    if event.date is not None and dated:
        return min(dated, key=lambda g: (dated[g], g))
    loose = undated | set(dated)
    return next(iter(loose)) if len(loose) == 1 else None


def _counterparts(event: Event, doc: str, candidates: Iterable[Mention], own: str,
                  other: str) -> list[Event]:
    """When ``event`` has status ``own``: events of other documents with status ``other`` on
    the other side of a plan -> fact link (the plans a fact carries out, or a plan's facts)."""
    if event.status != own:
        return []
    found = [m.event for m in candidates if m.doc != doc and m.event.status == other
             and same_kind(event, m.event)]
    return _within_plan(event, found)


def _within_plan(event: Event, others: list[Event]) -> list[Event]:
    """Others whose dates fit the plan window; an undated side links only when it is alone."""
    dated = [o for o in others if (gap := date_gap(event, o)) is not None and gap <= PLAN_SLACK_DAYS]
    if dated:
        return _one_per_group(dated)
    undated = [o for o in others if date_gap(event, o) is None]
    groups = {o.canonical_id for o in undated}
    return _one_per_group(undated) if len(groups) == 1 else []


def _one_per_group(events: list[Event]) -> list[Event]:
    chosen: dict[str | None, Event] = {}
    for event in sorted(events, key=lambda e: e.id):
        chosen.setdefault(event.canonical_id, event)
    return list(chosen.values())


def plan_links(event: Event, doc: str, candidates: Sequence[Mention]) -> list[Link]:
    """``fulfils`` links between ``event`` and grouped mentions of other documents."""
    plans = _counterparts(event, doc, candidates, "occurred", "planned")
    facts = _counterparts(event, doc, candidates, "planned", "occurred")
    return [Link(plan.id, event.id) for plan in plans] + [Link(event.id, fact.id) for fact in facts]


def link_documents(docs: Sequence[Document]) -> list[Link]:
    """Set ``canonical_id`` on every event of ``docs``; events of one real event share it.

    Documents are taken in order; each event is matched against the events of earlier
    documents (and of its own, to keep them apart). Returns the plan -> fact links found.
    """
    by_kind: dict[tuple, list[Mention]] = {}
    links: list[Link] = []
    for number, doc in enumerate(docs):
        key = f"#{number}"
        for event in doc.events:
            event.canonical_id = None
            pool = by_kind.setdefault((event.type, event.mode), [])
            event.canonical_id = match_group(event, key, pool) or event.id
            links += plan_links(event, key, pool)
            pool.append(Mention(event, key))
    _finalise_groups(event for doc in docs for event in doc.events)
    return links


def _finalise_groups(events: Iterable[Event]) -> None:
    """Replace provisional group keys by the stable id of each group's smallest event id."""
    members: dict[str, list[Event]] = {}
    for event in events:
        members.setdefault(event.canonical_id or event.id, []).append(event)
    for group in members.values():
        stable = canonical_id_for(min(e.id for e in group))
        for event in group:
            event.canonical_id = stable
