"""Where the lexicon's triggers match a text: the words that may name an event, before any
reading of their sentence says whether they do."""
from __future__ import annotations

from dataclasses import dataclass

from kronik.events.anchors import Anchors
from kronik.events.lexicon import Lexicon, Trigger
from kronik.tokens import tokenize


@dataclass
class TriggerHit:
    """One match of a trigger's pattern, from ``start`` to ``end`` in the text."""

    trigger: Trigger
    start: int
    end: int


def find_triggers(text: str, lexicon: Lexicon, anchors: Anchors | None = None) -> list[TriggerHit]:
    """Every trigger match in the text, in text order, the longest first at each start, then
    in lexicon order. Only the triggers that may begin with a word are tried at that word
    (``anchors``: where the text's words stand, from its tokens)."""
    anchors = anchors or Anchors(text, tokenize(text))
    found: list[tuple[int, int, int, int]] = []  # (start, -length, rank, end)
    for start, ranks in lexicon.trigger_candidates(anchors):
        for rank in ranks:
            match = lexicon.triggers[rank].pattern.match(text, start)
            if match:
                found.append((start, start - match.end(), rank, match.end()))
    found.sort()
    return [TriggerHit(lexicon.triggers[rank], start, end) for start, _, rank, end in found]


def holds_talks(text: str, lexicon: Lexicon, anchors: Anchors) -> bool:
    """Whether a talks (CONSULT) trigger may match in the text: true wherever ``find_triggers``
    finds a talks hit. Only the talks triggers are tried, where the words they begin with stand,
    so that a document that can have an event through talks only (one naming a single state)
    is passed without looking for all its triggers."""
    if lexicon.talks_unindexed:
        return True
    return any(trigger.may_be_talks and trigger.pattern.match(text, start)
               for start, ranks in lexicon.trigger_candidates(anchors, talks_only=True)
               for trigger in map(lexicon.triggers.__getitem__, ranks))
