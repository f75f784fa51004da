"""What a filter box may hold: states by code or by name, PLOVER types, with suggestions.

Analysts type "Norwegia", "Norway" or "nor" as readily as "NOR". A state is looked up by its
ISO alpha-3 code, its Indonesian or English name or a known alias (the knowledge base's
``data/countries.yaml``), case and accents aside. A value that names nothing is refused with
the closest names as suggestions, never answered with an empty table.
"""
from __future__ import annotations

import difflib
from collections.abc import Callable
from functools import cache

from kronik.actors.kb import KnowledgeBase, fold
from kronik.web.queries import plover

# How many suggestions an unknown value gets, and how close a name must be to be suggested:
# difflib's default ratio, 0.6, pairs misspellings ("Norwey", "Filipina") with the name meant;
# a stray guess beside them costs the reader less than no suggestion at all.
MAX_SUGGESTIONS = 5
SIMILARITY = 0.6


class UnknownValue(Exception):
    """A filter value that names nothing: answered with 400, a message and suggestions."""

    def __init__(self, field: str, value: str, what: str, suggestions: list[tuple[str, str]]):
        hint = f"; did you mean {', '.join(label for label, _ in suggestions)}?" if suggestions else ""
        super().__init__(f"{field}: '{value}' is not a known {what}{hint}")
        self.field = field
        self.suggestions = suggestions  # (label, value to use instead)


@cache
def country_names() -> dict[str, str]:
    """Folded name, alias or code -> ISO alpha-3 code of every state in the knowledge base."""
    names: dict[str, str] = {}
    for entry in KnowledgeBase.default().countries.values():
        for name in (entry.name, entry.name_en, *entry.names, *entry.exact):
            names.setdefault(fold(name).strip(), entry.code)
    return names


def country_label(code: str) -> str:
    """"Norwegia (NOR)": the Indonesian name with the code, or the code alone if unknown."""
    entry = KnowledgeBase.default().by_code(code)
    return f"{entry.name} ({code})" if entry else code


def country_code(value: str, field: str, known: Callable[[], list[str]] = list) -> str | None:
    """The ISO code a filter value stands for: a code (of the knowledge base, or among
    ``known()``, the states in the chronicle, asked only when needed) or a state's name;
    None for an empty value."""
    value = value.strip()
    if not value:
        return None
    code = value.upper()
    if code in KnowledgeBase.default().countries or (len(code) == 3 and code in known()):
        return code
    code = country_names().get(fold(value))
    if code:
        return code
    close = difflib.get_close_matches(fold(value), list(country_names()), MAX_SUGGESTIONS * 3,
                                      SIMILARITY)
    suggested = list(dict.fromkeys(country_names()[name] for name in close))[:MAX_SUGGESTIONS]
    raise UnknownValue(field, value, "state (a name or an ISO alpha-3 code)",
                       [(country_label(code), code) for code in suggested])


def event_type(value: str, field: str = "type") -> str | None:
    """A PLOVER event type, in any case; None for an empty value."""
    value = value.strip().upper()
    if not value:
        return None
    types = [t for quad in plover()["quads"].values() for t in quad["types"]]
    if value in types:
        return value
    close = difflib.get_close_matches(value, types, MAX_SUGGESTIONS, SIMILARITY)
    raise UnknownValue(field, value, "PLOVER event type", [(t, t) for t in close])
