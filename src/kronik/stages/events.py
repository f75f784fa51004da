"""Events: PLOVER-coded events with parties, date, status, location and evidence.

Frames are read sentence by sentence (``kronik.events.frames``), dated by their governing
time expression (``kronik.events.dating``), merged per article (``kronik.events.merge``),
then dated from context where the sentence gave no date (talks that come out of it twice, the
same in every coded field, are joined), and written as ``Event`` records.
"""
from __future__ import annotations

import hashlib

from kronik.document import Document, Event, EventDate, Location, Party, Span
from kronik.events.anchors import Anchors
from kronik.events.confidence import event_confidence
from kronik.events.dating import Dating
from kronik.events.enemies import aim_at_enemies, share_occasion_sides
from kronik.events.frames import Frame, FrameBuilder, may_name_a_pair
from kronik.events.lexicon import lexicon
from kronik.events.location import locate_frames
from kronik.events.merge import Cluster, join_same_talks, may_be_told_as_retaliation, merge_frames
from kronik.pipeline import Stage
from kronik.tokens import document_tokens

# Characters of the document fingerprint used as the prefix of its event ids.
EVENT_ID_PREFIX_CHARS = 12


class Events(Stage):
    name = "events"
    requires = ("text", "sentences", "entities", "time_expressions", "quotes")
    provides = ("events",)

    def __call__(self, doc: Document) -> Document:
        words = lexicon(doc.language)
        anchors = Anchors(doc.text, document_tokens(doc))
        if not may_name_a_pair(doc, words, anchors):  # nearly half the articles: triggers are not looked for
            doc.events = []
            return doc
        builder = FrameBuilder(doc, words, anchors)
        frames = builder.frames() if builder.may_pair_states() else []
        if not any(_frame_may_pair_states(frame) for frame in frames):  # most articles: no event
            doc.events = []
            return doc
        aim_at_enemies(frames, doc, words)
        share_occasion_sides(frames)
        dating = Dating(builder.reading)
        dating.assign_own_dates(frames)
        locate_frames(doc, frames, anchors)
        talks = merge_frames([f for f in frames if f.type == "CONSULT"])
        dating.fill(talks)
        statements = [f for f in frames if f.type != "CONSULT"]
        dating.link_to_talks(statements, talks)
        others = merge_frames(statements, _retaliation_sentences(doc, dating, statements))
        dating.fill(others, lead=dating.lead(talks + others))
        clusters = sorted(join_same_talks(talks) + others, key=lambda c: min(f.trigger.start for f in c.frames))
        prefix = _id_prefix(doc)
        doc.events = [_event(doc, cluster, f"{prefix}-{n}") for n, cluster in enumerate(clusters, start=1)]
        return doc


def _frame_may_pair_states(frame: Frame) -> bool:
    """Whether a frame may come to pair two states, as every event does (``merge.split_pairs``):
    it names two, or it is talks with a side, to which the location may add a second state (the
    host its place names, the visitor its sentence names: ``kronik.events.location``). Nothing
    else gives a second state to a frame that names fewer than two: the enemies an act is aimed
    at, and the sides of the talks an agreement's sentence names, are those of frames that name
    two. A new rule that adds a state must be allowed for here and in ``FrameBuilder.may_pair_states``."""
    return len(frame.countries) >= 2 or (frame.type == "CONSULT" and bool(frame.actors or frame.recipients))


def _retaliation_sentences(doc: Document, dating: Dating, frames: list[Frame]) -> frozenset[int]:
    """The sentences of ``frames`` that tell an act as a retaliation (``Dating.tells_a_retaliation``):
    only those of frames that the merge may flag as told so, the only ones it asks about."""
    told = {frame.sentence for frame in frames if may_be_told_as_retaliation(frame)}
    return frozenset(index for index in told if dating.tells_a_retaliation(index))


def _id_prefix(doc: Document) -> str:
    basis = doc.fingerprint or hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
    return basis[:EVENT_ID_PREFIX_CHARS]


def _evidence_frame(doc: Document, cluster: Cluster) -> Frame:
    def rank(frame: Frame) -> tuple:
        sentence = doc.sentences[frame.sentence]
        return (sentence.is_caption or sentence.is_headline, frame.date is None,
                -len(frame.countries), frame.trigger.start)
    return min(cluster.frames, key=rank)


def _status(doc: Document, cluster: Cluster) -> str:
    anchor = doc.anchor
    if cluster.status == "occurred" and anchor and cluster.first and cluster.first > anchor:
        return "planned"
    return cluster.status


def _mode(cluster: Cluster) -> str | None:
    if cluster.type != "CONSULT":
        return None
    return "meeting" if cluster.mode == "talk" else cluster.mode


def _location(cluster: Cluster) -> Location | None:
    """The place of the event: the first its frames name themselves, outside captions first
    (a caption may show another occasion), else the occasion's. A mention of an act on several
    targets ("menyerang ... di Arab Saudi, Uni Emirat Arab, Bahrain") names the place of one of
    them: it is not the place of the pair with another target."""
    def rank(frame: Frame) -> tuple[bool, bool]:
        return "place from the occasion" in frame.flags, "caption" in frame.flags
    located = [frame for frame in cluster.frames if frame.place is not None
               and not _another_targets_place(cluster, frame)]
    return min(located, key=rank).place if located else None


def _another_targets_place(cluster: Cluster, frame: Frame) -> bool:
    """Whether the frame's place is the state of one of its targets that is not this event's."""
    country = frame.place.country if frame.place else None
    return country is not None and country in frame.recipient_countries and country not in cluster.countries


def _participants(cluster: Cluster) -> list[Party]:
    """The event's sides, each once: a person named with two titles in its mentions ("Presiden
    AS Donald Trump", "Presiden Trump") is one participant, with the title it is first given."""
    seen: list[Party] = []
    named: set[tuple[str | None, str | None, str]] = set()
    for party in cluster.actors + cluster.recipients:
        key = (party.name, party.country, party.kind)
        if key not in named:
            named.add(key)
            seen.append(party)
    return seen


def _event(doc: Document, cluster: Cluster, event_id: str) -> Event:
    frame = _evidence_frame(doc, cluster)
    confidence, reasons = event_confidence(doc, cluster)
    sentence = doc.sentences[frame.sentence]
    date = None
    if cluster.first is not None:
        date = EventDate(cluster.first, cluster.last, cluster.date_text, cluster.date_reason)
    return Event(
        id=event_id, type=cluster.type, mode=_mode(cluster),
        actor=cluster.actors[0] if cluster.actors else None,
        recipient=cluster.recipients[0] if cluster.recipients else None,
        participants=_participants(cluster), date=date, status=_status(doc, cluster),
        location=_location(cluster), evidence=Span(sentence.start, sentence.end, sentence.text),
        trigger=frame.trigger.text,
        confidence=confidence, confidence_reasons=reasons,
    )
