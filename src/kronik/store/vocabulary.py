"""The words a user queries the chronicle with: states by code or name, PLOVER types, modes
and statuses. Each resolver returns the stored value or raises ``UnknownValueError`` with the
closest known values, so that a typo is an error with suggestions rather than an empty table.

States come from the actor knowledge base (``kronik.actors.kb``): the ISO alpha-3 code, the
Indonesian and English names of ``data/countries.yaml`` and the surface forms of
``lang/id/actor_aliases.yaml``, all matched ignoring case and diacritics.

    >>> country_code("Amerika Serikat"), country_code("united states"), country_code("idn")
    ('USA', 'USA', 'IDN')
    >>> country_label("USA")
    'Amerika Serikat (USA)'
"""
from __future__ import annotations

import difflib
from collections.abc import Iterable
from functools import cache

from kronik.actors.kb import KnowledgeBase, fold
from kronik.errors import KronikError
from kronik.resources import load_data

STATUSES = ("occurred", "planned")
# difflib's ratio above which a known value is offered as a suggestion: 0.6 (difflib's own
# default) offers "Indonesia" for "Indonsia" and "CONSULT" for "CONSLT" but nothing for "XXX".
SUGGESTION_CUTOFF = 0.6
# Only suggestions nearly as close as the closest are offered: within 0.1 of its ratio,
# "Indonsia" gets Indonesia (0.94) and not India (0.77).
SUGGESTION_MARGIN = 0.1
MAX_SUGGESTIONS = 3


def closest(value: str, known: Iterable[str]) -> list[str]:
    """The known values closest to ``value`` (difflib's ratio), best first; possibly none."""
    scored = sorted(((difflib.SequenceMatcher(None, value, k).ratio(), k) for k in known),
                    key=lambda pair: -pair[0])
    if not scored or scored[0][0] < SUGGESTION_CUTOFF:
        return []
    return [k for ratio, k in scored if ratio >= max(SUGGESTION_CUTOFF, scored[0][0] - SUGGESTION_MARGIN)]


class UnknownValueError(KronikError):
    """A query names a state, type, mode or status that Kronik does not know; ``suggestions``
    holds the closest known values (possibly none)."""

    def __init__(self, what: str, value: str, suggestions: list[str], known: str):
        hint = f"did you mean {' or '.join(suggestions)}?" if suggestions else known
        super().__init__(f"unknown {what} '{value}'; {hint}")
        self.what = what
        self.value = value
        self.suggestions = suggestions


@cache
def _country_forms() -> dict[str, str]:
    """Folded code, name or surface form -> ISO alpha-3 code of every state in the knowledge
    base; codes first, so that no state's short form hides another state's code."""
    entries = KnowledgeBase.default().countries.values()
    forms = {fold(entry.code): entry.code for entry in entries}
    for entry in entries:
        for form in (entry.name, entry.name_en, *entry.names, *entry.exact):
            forms.setdefault(fold(form), entry.code)
    return forms


def country_code(name_or_code: str) -> str:
    """The ISO alpha-3 code of a state given by code ("idn"), Indonesian or English name
    ("Amerika Serikat", "United States") or a short form of the knowledge base ("AS", "RRT")."""
    key = fold(" ".join(name_or_code.split()))
    code = _country_forms().get(key)
    if code:
        return code
    close = closest(key, _country_forms())
    labels = list(dict.fromkeys(country_label(_country_forms()[form]) for form in close))
    raise UnknownValueError("country", name_or_code, labels[:MAX_SUGGESTIONS],
                            "give an ISO alpha-3 code or a name, e.g. IDN or Indonesia")


def country_name(code: str | None) -> str | None:
    """The Indonesian name of the state with this ISO alpha-3 code, or None if unknown."""
    entry = KnowledgeBase.default().by_code(code) if code else None
    return entry.name if entry else None


def country_label(code: str | None) -> str:
    """'Amerika Serikat (USA)': the state's name with its code; the code alone if unknown."""
    if not code:
        return ""
    name = country_name(code)
    return f"{name} ({code})" if name else code


@cache
def event_types() -> tuple[str, ...]:
    """The PLOVER event types Kronik codes, in the codebook's order (``data/plover.yaml``)."""
    return tuple(load_data("plover", language=None)["types"])


@cache
def event_modes() -> tuple[str, ...]:
    """The modes Kronik gives events (``data/plover.yaml``)."""
    types = load_data("plover", language=None)["types"]
    return tuple(dict.fromkeys(m for spec in types.values() for m in spec.get("modes") or {}))


def _one_of(what: str, value: str, known: tuple[str, ...], normal: str) -> str:
    if normal in known:
        return normal
    close = closest(normal, known)[:MAX_SUGGESTIONS]
    raise UnknownValueError(what, value, close, f"one of {', '.join(known)}")


def event_type(value: str) -> str:
    """A PLOVER event type, upper-cased ("consult" -> "CONSULT")."""
    return _one_of("event type", value, event_types(), value.strip().upper())


def event_mode(value: str) -> str:
    """A mode Kronik gives events ("Phone" -> "phone")."""
    return _one_of("mode", value, event_modes(), value.strip().lower())


def event_status(value: str) -> str:
    """An event status: occurred or planned."""
    return _one_of("status", value, STATUSES, value.strip().lower())
