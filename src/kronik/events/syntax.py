"""The clause grammar that says which party of a sentence acts and which is acted on.

Indonesian news states who does what to whom in a few regular shapes, which this module reads
from the words around a party, with bounded work per party:

- a party's noun phrase is introduced by a preposition that may stand a few nouns before it
  ("terhadap bank-bank Iran", "dengan para pemimpin kawasan seperti A, B dan C"): the
  preposition gives its role (target, companion, place, agent, topic);
- a subject may be followed, before its verb, by adverbs, titles and names, a bracketed
  abbreviation, an apposition or relative clause set off by commas, or a reporting verb whose
  clause it carries ("X mengatakan pasukannya menyerang Z": X acts);
- a party right after a verb other than a reporting verb is that verb's object, never the
  subject of a later verb ("Israel yang menyerang Iran mengecam AS": Israel acts).

The words live in ``lang/<language>/syntax.yaml``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kronik.errors import KronikError
from kronik.resources import load_data

# Text set off inside a clause: a bracketed aside, or an apposition or relative clause between
# commas that opens with "yang" or a capitalised name or title ("X, Menteri Luar Negeri Y, ...").
ASIDE = re.compile(r"\([^()]*\)|,\s*(?:yang\b|[A-Z])[^,]*,")
# Punctuation that parts two words of different phrases.
PHRASE_BREAK = re.compile(r"[,;:.!?()\"“”]")


class SyntaxDataError(KronikError):
    """``lang/<language>/syntax.yaml`` lacks a section or has a malformed one."""


@dataclass(frozen=True)
class ClauseGrammar:
    """The word classes of ``lang/<language>/syntax.yaml``."""

    prepositions: frozenset[str]
    topic_prepositions: frozenset[str]
    list_openers: frozenset[str]
    reporting_verbs: frozenset[str]
    carried_subjects: frozenset[str]
    phrase_joiners: frozenset[str]


@cache
def clause_grammar(language: str = "id") -> ClauseGrammar:
    """The clause grammar of ``language``, parsed once."""
    try:
        data = load_data("syntax", language)
        return ClauseGrammar(*(frozenset(w.lower() for w in data[key]) for key in (
            "prepositions", "topic_prepositions", "list_openers", "reporting_verbs",
            "carried_subjects", "phrase_joiners")))
    except (KeyError, TypeError, AttributeError) as error:
        raise SyntaxDataError(f"lang/{language}/syntax.yaml: missing or malformed {error}") from None


def aside_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The asides (brackets, comma-set appositions and relative clauses) between two positions."""
    return [(start + m.start(), start + m.end()) for m in ASIDE.finditer(text[start:end])]


def inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= position < b for a, b in spans)
