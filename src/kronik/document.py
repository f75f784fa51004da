"""The typed document record that flows through every pipeline stage.

Each stage reads some fields and fills others (see ``kronik.pipeline``). ``Document.to_dict``
writes the record in the shape fixed by the contract (shared/contract/README.md); fields the
contract does not name (dateline, captions, time expressions, warnings) are additions.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from kronik.tokens import Tokens

PartyKind = Literal["person", "state", "organization", "group"]
Precision = Literal["day", "week", "month", "part_of_year", "year", "range"]
Status = Literal["occurred", "planned"]


@dataclass
class Span:
    """A stretch of the cleaned text: offsets are character positions in ``Document.text``."""

    start: int
    end: int
    text: str


@dataclass
class Sentence(Span):
    """One sentence; ``paragraph`` counts paragraphs of the cleaned text from 0."""

    paragraph: int = 0
    is_caption: bool = False
    is_headline: bool = False


@dataclass
class Entity(Span):
    """A mention of an actor or place, resolved where possible.

    ``kind`` is person, state, organization, group or place; ``country`` the ISO alpha-3 code of
    the state the mention stands for (a person: the state they act for on the article's date);
    ``reason`` says how the resolution was made, so that a user can check it; a place carries
    its coordinates (``lat``, ``lon``) where the gazetteer has them.
    ``sentence`` is the index in ``Document.sentences`` of the sentence the mention is in;
    ``part_of`` the index in ``Document.entities`` of the mention this one only modifies (the
    state in "militer China", in "Menteri Keuangan AS <name>" or in "Laut China Selatan"), so
    it is not a party of its own; ``refers_to`` the indices of the mentions a reference was
    resolved from ("ia", "pemimpin AS itu", "Ushakov" after "Yuri Ushakov": one; "kedua
    pemimpin", "kedua negara": two), whose name and state a singular reference copies.
    """

    kind: str = "person"
    name: str | None = None
    country: str | None = None
    id: str | None = None
    title: str | None = None
    role: str | None = None
    reason: str | None = None
    sentence: int | None = None
    part_of: int | None = None
    refers_to: list[int] = field(default_factory=list)
    lat: float | None = None
    lon: float | None = None


@dataclass
class TimeExpression(Span):
    """A temporal expression resolved to an interval of days.

    ``precision`` says how well the text pins the date (a month alone is a whole month);
    ``tense`` is ``past`` or ``future`` where the words decide it; ``error`` reports a date
    that could not be repaired (such as day 27 of month 20 with no weekday to help).
    """

    first: date | None = None
    last: date | None = None
    precision: str | None = None
    tense: str | None = None
    error: str | None = None


@dataclass
class Party:
    """A side of an event or the speaker of a quote, as the contract defines it."""

    name: str | None
    country: str | None
    kind: str = "state"
    title: str | None = None
    id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "kind": self.kind,
                "title": self.title, "id": self.id}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Party | None:
        if not data:
            return None
        return cls(data.get("name"), data.get("country"), data.get("kind") or "state",
                   data.get("title"), data.get("id"))


@dataclass
class EventDate:
    """The interval in which an event happened or is planned, and the words that gave it."""

    start: date
    end: date
    text: str | None = None
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(),
                "text": self.text, "reason": self.reason}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> EventDate | None:
        if not data or not data.get("start"):
            return None
        start = date.fromisoformat(data["start"][:10])
        end = date.fromisoformat((data.get("end") or data["start"])[:10])
        return cls(start, end, data.get("text"), data.get("reason"))


@dataclass
class Location:
    """Where an event took place: the name as the text gives it, the state it lies in (None for
    an international venue such as UN headquarters) and coordinates where the gazetteer has them."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass
class Event:
    """One PLOVER-coded event with its parties, date, status, place and evidence sentence."""

    id: str
    type: str
    mode: str | None
    actor: Party | None
    recipient: Party | None
    participants: list[Party]
    date: EventDate | None
    status: str
    location: Location | None
    evidence: Span
    canonical_id: str | None = None
    trigger: str | None = None
    # How strongly the article's evidence supports the event, in [0, 1], and why
    # (kronik.events.confidence); None for events made elsewhere than the events stage.
    confidence: float | None = None
    confidence_reasons: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "canonical_id": self.canonical_id or self.id,
            "type": self.type,
            "mode": self.mode,
            "actor": self.actor.to_dict() if self.actor else None,
            "recipient": self.recipient.to_dict() if self.recipient else None,
            "participants": [p.to_dict() for p in self.participants],
            "date": self.date.to_dict() if self.date else None,
            "status": self.status,
            "location": _flat(self.location) if self.location else None,
            "evidence": _flat(self.evidence),
            "trigger": self.trigger,
            "confidence": self.confidence,
            "confidence_reasons": list(self.confidence_reasons),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        location = data.get("location")
        return cls(
            id=data["id"], type=data["type"], mode=data.get("mode"),
            actor=Party.from_dict(data.get("actor")),
            recipient=Party.from_dict(data.get("recipient")),
            participants=[Party.from_dict(p) for p in data.get("participants") or [] if p],
            date=EventDate.from_dict(data.get("date")), status=data.get("status") or "occurred",
            location=Location(**location) if location else None,
            evidence=Span(**data["evidence"]), canonical_id=data.get("canonical_id"),
            trigger=data.get("trigger"), confidence=data.get("confidence"),
            confidence_reasons=list(data.get("confidence_reasons") or []),
        )


@dataclass
class Quote(Span):
    """Direct speech and who said it (``speaker`` is None where the text names nobody)."""

    speaker: Party | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text,
                "speaker": self.speaker.to_dict() if self.speaker else None}


@dataclass
class Document:
    """An article and everything the pipeline has learnt about it.

    ``raw_text`` is what was read; ``text`` the cleaned text, which every offset points into.
    ``url`` is where the article was published, where the input says so (``source`` may be a
    file name or a caller's id).
    ``published`` is a ``datetime`` where the time of day is known, else a ``date``.
    ``tokens`` is the one tokenisation of ``text`` that the stages share, computed when first
    asked for (``kronik.tokens.document_tokens``); it is not part of the record.
    """

    raw_text: str
    source: str | None = None
    url: str | None = None
    text: str = ""
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    dateline: str | None = None
    published: date | datetime | None = None
    published_inferred: bool = False
    published_given: bool = False
    language: str = "id"
    captions: list[Span] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    time_expressions: list[TimeExpression] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    fingerprint: str | None = None
    warnings: list[str] = field(default_factory=list)
    tokens: Tokens | None = field(default=None, repr=False, compare=False)

    @property
    def anchor(self) -> date | None:
        """The day relative expressions are resolved against: the publication date."""
        if isinstance(self.published, datetime):
            return self.published.date()
        return self.published

    def to_dict(self) -> dict[str, Any]:
        """The contract's record, plus Kronik's additions."""
        return {
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "outlet": self.outlet,
            "author": self.author,
            "published": self.published.isoformat() if self.published else None,
            "published_inferred": self.published_inferred,
            "language": self.language,
            "text": self.text,
            "entities": [_entity_dict(e) for e in self.entities],
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "dateline": self.dateline,
            "captions": [_flat(c) for c in self.captions],
            "time_expressions": [_time_dict(t) for t in self.time_expressions],
            "fingerprint": self.fingerprint,
            "warnings": list(self.warnings),
        }


def _flat(item: Any) -> dict[str, Any]:
    """A dataclass whose fields hold no lists (a span, a location) as a dict: a shallow copy of
    its fields (``asdict`` deep-copies every value, which cost a quarter of the extraction time)."""
    return vars(item).copy()


def _entity_dict(entity: Entity) -> dict[str, Any]:
    """An entity as a dict; ``refers_to``, its one list, is copied."""
    data = vars(entity).copy()
    data["refers_to"] = list(entity.refers_to)
    return data


def _time_dict(expression: TimeExpression) -> dict[str, Any]:
    """A time expression as a dict, its days written as ISO dates: the last day, where it is the
    first (an expression of one day, most of them), is not written out again."""
    data = _flat(expression)
    first, last = expression.first, expression.last
    data["first"] = first.isoformat() if first else None
    data["last"] = data["first"] if last == first else last.isoformat() if last else None
    return data
