"""PLOVER coding conventions shared by the frame builder and the merge (contract, "Coding
conventions"): which event types are symmetric, and which CONSULT modes order their sides."""
from __future__ import annotations

SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# Modes whose sides are ordered: visitor -> host, attendee -> host.
ORDERED_MODES = frozenset({"visit", "multilateral"})


def is_symmetric(event_type: str, mode: str | None) -> bool:
    """CONSULT, AGREE and COOPERATE are symmetric, except visits and summit attendance."""
    return event_type in SYMMETRIC_TYPES and mode not in ORDERED_MODES
