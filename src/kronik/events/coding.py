"""PLOVER coding conventions shared by the frame builder and the merge (contract, "Coding
conventions"): which event types are symmetric, which CONSULT modes order their sides, and
which types are conflict."""
from __future__ import annotations

from functools import cache

from kronik.resources import load_data

SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# Modes whose sides are ordered: visitor -> host, attendee -> host.
ORDERED_MODES = frozenset({"visit", "multilateral"})


def is_symmetric(event_type: str, mode: str | None) -> bool:
    """CONSULT, AGREE and COOPERATE are symmetric, except visits and summit attendance."""
    return event_type in SYMMETRIC_TYPES and mode not in ORDERED_MODES


def is_conflict(event_type: str) -> bool:
    """Whether the type is of a conflict quad class (verbal or material conflict,
    ``data/plover.yaml``): acts against a state, its people or its firms."""
    return event_type in _conflict_types()


@cache
def _conflict_types() -> frozenset[str]:
    quads = load_data("plover", language=None)["quads"]
    return frozenset(quads["verbal_conflict"]["types"]) | frozenset(quads["material_conflict"]["types"])
