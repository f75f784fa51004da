"""Event confidence: how strongly the article's own evidence supports an event, and why.

A score in [0, 1] built from what a reader would check: how many sentences report the event,
whether both sides are named in those sentences (rather than guessed from the sentence's
other states), whether it is reported in the article's own voice rather than only inside a
quotation, whether it stands in the body rather than only in a headline or caption, and whether
the text dates it. Every step that moves the score is written down, so that a user who filters
on the score can see what an event lacks.
"""
from __future__ import annotations

from kronik.document import Document
from kronik.events.merge import Cluster

# The score of an event reported once, in the body, with its sides unnamed and no date: a
# single sentence is as likely a passing mention as a report.
BASE = 0.5
# Each further sentence that reports the event adds this much, up to MAX_CORROBORATION: three
# sentences about one event make it the article's subject.
PER_EXTRA_MENTION = 0.1
MAX_CORROBORATION = 0.2
# Sides named in a reporting sentence (a party for each side), rather than taken from the
# states the sentence mentions elsewhere.
NAMED_SIDES = 0.2
# A date from the text: the event is anchored in time, not a habitual statement.
DATED = 0.1
# Only inside direct speech: a speaker's claim, not the outlet's report.
ONLY_QUOTED = -0.2
# Only in a headline or a caption: no body sentence reports it.
ONLY_HEADLINE_OR_CAPTION = -0.1


def event_confidence(doc: Document, cluster: Cluster) -> tuple[float, list[str]]:
    """The event's confidence and the reasons for it, in the order applied."""
    score, reasons = BASE, [f"base {BASE:.1f}"]

    def add(amount: float, why: str) -> None:
        nonlocal score
        score += amount
        reasons.append(f"{amount:+.1f} {why}")

    sentences = {frame.sentence for frame in cluster.frames}
    extra = min(PER_EXTRA_MENTION * (len(sentences) - 1), MAX_CORROBORATION)
    if extra > 0:
        add(extra, f"reported in {len(sentences)} sentences")
    if _sides_named(cluster):
        add(NAMED_SIDES, "both sides named where it is reported")
    if cluster.first is not None:
        add(DATED, "dated by the text")
    if all(frame.in_quote for frame in cluster.frames):
        add(ONLY_QUOTED, "only inside a quotation")
    if all(_headline_or_caption(doc, frame.sentence) for frame in cluster.frames):
        add(ONLY_HEADLINE_OR_CAPTION, "only in a headline or caption")
    return round(min(max(score, 0.0), 1.0), 2), reasons


def _sides_named(cluster: Cluster) -> bool:
    """Whether some sentence names a party for each side (for a symmetric event, two states)."""
    for frame in cluster.frames:
        countries = set(frame.actor_countries) | set(frame.recipient_countries)
        if frame.actor_countries and (frame.recipient_countries or cluster.symmetric) \
                and len(countries) >= 2:
            return True
    return False


def _headline_or_caption(doc: Document, index: int) -> bool:
    sentence = doc.sentences[index]
    return sentence.is_headline or sentence.is_caption
