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
from functools import cache, cached_property

from kronik.errors import KronikError
from kronik.resources import load_data
from kronik.time.grammar import alternation

# Text set off inside a clause: a bracketed aside, or a phrase between commas.
ASIDE = re.compile(r"\([^()]*\)|,[^,]*,")
WORD = re.compile(r"\w+(?:[-'’]\w+)*")
# Punctuation that parts two words of different phrases.
PHRASE_BREAK = re.compile(r"[,;:.!?()\"“”]")


class SyntaxDataError(KronikError):
    """``lang/<language>/syntax.yaml`` lacks a section or has a malformed one."""


@dataclass(frozen=True)
class ClauseGrammar:
    """The word classes of ``lang/<language>/syntax.yaml``."""

    prepositions: frozenset[str]
    topic_prepositions: frozenset[str]
    non_subject_prepositions: frozenset[str]
    list_openers: frozenset[str]
    reporting_verbs: frozenset[str]
    carried_subjects: frozenset[str]
    phrase_joiners: frozenset[str]
    control_words: frozenset[str]
    reciprocal_verbs: frozenset[str]
    place_prepositions: frozenset[str]
    subordinators: frozenset[str]
    relational_nouns: frozenset[str]
    sequence_words: frozenset[str]
    owning_passives: frozenset[str]
    struck_place_prepositions: frozenset[str]
    fronting_subordinators: frozenset[str]
    origin_nouns: frozenset[str]
    aim_nouns: frozenset[str]
    aim_verbs: frozenset[str]
    sideline_words: frozenset[str]
    companion_verbs: frozenset[str]
    reported_objects: frozenset[str]
    passive_reporting_verbs: frozenset[str]
    partner_prepositions: frozenset[str]
    business_nouns: frozenset[str]
    topic_verbs: frozenset[str]
    between_prepositions: frozenset[str]
    agent_prepositions: frozenset[str]
    source_prepositions: frozenset[str]
    host_prepositions: frozenset[str]
    relative_pronouns: frozenset[str]
    complementizers: frozenset[str]
    transitive_prefixes: tuple[str, ...]
    passive_prefixes: tuple[str, ...]
    active_prefixes: tuple[str, ...]
    forecaster_words: frozenset[str]
    modal_words: frozenset[str]
    purpose_words: frozenset[str]
    demonstratives: frozenset[str]
    verb_prefixes: tuple[str, ...]
    verb_suffixes: tuple[str, ...]
    noun_prefixes: tuple[str, ...]
    noun_suffixes: tuple[str, ...]
    nasal_onsets: tuple[tuple[str, str], ...]
    causal_conjunctions: frozenset[str]
    judging_verbs: frozenset[str]
    doing_passives: frozenset[str]
    list_opener_phrases: frozenset[tuple[str, ...]]
    existentials: frozenset[str]
    quantifiers: frozenset[str]

    @cached_property
    def aside_opening(self) -> re.Pattern[str]:
        """How an aside opens (matched at its start): a bracket, or a comma before a relative
        pronoun (a relative clause) or a capitalised name or title (an apposition: "X, Menteri
        Luar Negeri Y, ...")."""
        return re.compile(rf"[(]|,\s*(?:{alternation(self.relative_pronouns)}\b|[A-Z])")

    @cached_property
    def relative_opening(self) -> re.Pattern[str]:
        """A relative pronoun and the word after it (group 1), where a relative clause opens
        (matched at a position): "yang dikuasai"."""
        return re.compile(rf"\W*{alternation(self.relative_pronouns)}\s+(\w+)", re.IGNORECASE)

    @cached_property
    def list_goes_on(self) -> re.Pattern[str]:
        """A comma or a phrase joiner (matched where a name ends): a list of names goes on."""
        return re.compile(rf"\s*(?:,|{alternation(self.phrase_joiners)}\b)")

    @cached_property
    def business_words(self) -> re.Pattern[str]:
        """A search for any of the business nouns as the start of a word, in any case (the walk
        of ``parties._of_business`` compares a word's part before a hyphen,
        "perusahaan-perusahaan")."""
        return re.compile(rf"(?<![^\W_]){alternation(self.business_nouns)}(?![^\W_])", re.IGNORECASE)

    @cached_property
    def ascii_business_nouns(self) -> tuple[str, ...] | None:
        """The business nouns (lower case) where all are ASCII, else None: in an ASCII text one
        of them can be found by a substring test of the lower-cased text, which a search of
        ``business_words`` then confirms (a letter outside ASCII may match an ASCII one ignoring
        case, "ſ" an "s")."""
        return tuple(self.business_nouns) if all(map(str.isascii, self.business_nouns)) else None


@cache
def clause_grammar(language: str = "id") -> ClauseGrammar:
    """The clause grammar of ``language``, parsed once."""
    try:
        data = load_data("syntax", language)
        return ClauseGrammar(*(frozenset(w.lower() for w in data[key]) for key in (
            "prepositions", "topic_prepositions", "non_subject_prepositions", "list_openers",
            "reporting_verbs", "carried_subjects", "phrase_joiners", "control_words",
            "reciprocal_verbs",
            "place_prepositions", "subordinators", "relational_nouns", "sequence_words",
            "owning_passives", "struck_place_prepositions", "fronting_subordinators",
            "origin_nouns", "aim_nouns", "aim_verbs", "sideline_words", "companion_verbs", "reported_objects",
            "passive_reporting_verbs", "partner_prepositions", "business_nouns",
            "topic_verbs", "between_prepositions", "agent_prepositions", "source_prepositions",
            "host_prepositions", "relative_pronouns", "complementizers")),
            *(tuple(w.lower() for w in data[key])
              for key in ("transitive_prefixes", "passive_prefixes", "active_prefixes")),
            _role_words(data["forecaster_roles"], language),
            frozenset(w.lower() for w in data["modal_words"]),
            frozenset(w.lower() for w in data["purpose_words"]),
            frozenset(w.lower() for w in data["demonstratives"]),
            *(tuple(w.lower() for w in data[key])
              for key in ("verb_prefixes", "verb_suffixes", "noun_prefixes", "noun_suffixes")),
            tuple((onset.lower(), letter.lower()) for onset, letter in data["nasal_onsets"]),
            frozenset(w.lower() for w in data["causal_conjunctions"]),
            frozenset(w.lower() for w in data["judging_verbs"]),
            frozenset(w.lower() for w in data["doing_passives"]),
            frozenset(tuple(p.lower().split()) for p in data["list_opener_phrases"]),
            frozenset(w.lower() for w in data["existentials"]),
            frozenset(w.lower() for w in data["quantifiers"]))
    except (KeyError, TypeError, AttributeError) as error:
        raise SyntaxDataError(f"lang/{language}/syntax.yaml: missing or malformed {error}") from None


def _role_words(roles: list[str], language: str) -> frozenset[str]:
    """The title words (``titles.yaml``) of the given roles, lower-cased."""
    titles = load_data("titles", language)["titles"]
    return frozenset(word.lower() for role in roles for word in titles[role]["words"])


# The shortest stem a root is read from: shorter stems of affix-like words ("pean") are none.
MIN_STEM_LETTERS = 3
VOWELS = frozenset("aeiou")


def word_roots(word: str, grammar: ClauseGrammar) -> frozenset[str]:
    """The roots a verb or an act noun may have: the word, and the word less its prefix and
    suffix (a verb's where it opens with a verb prefix, else a noun's), with the nasal onset
    left by a prefix read as the root's first letter too ("menyerang", "diserang",
    "serangan" and "penyerangan" all give "serang"). A verb and the noun of its act share a
    root, so a noun phrase can name an act a verb told before."""
    word = word.lower()
    is_verb = word.startswith(grammar.verb_prefixes)
    prefixes = grammar.verb_prefixes if is_verb else grammar.noun_prefixes
    suffixes = grammar.verb_suffixes if is_verb else grammar.noun_suffixes
    prefix = next((p for p in prefixes if word.startswith(p)), "")
    suffix = next((s for s in suffixes if word.endswith(s)), "")
    stem = word[len(prefix):len(word) - len(suffix)]
    roots = {word}
    if len(stem) >= MIN_STEM_LETTERS:
        roots.add(stem)
        onset = next((o for o in grammar.nasal_onsets if prefix and stem.startswith(o[0])), None)
        if onset is not None and stem[len(onset[0]):][:1] in VOWELS:
            roots.add(onset[1] + stem[len(onset[0]):])
    return frozenset(roots)


def aside_spans(text: str, start: int, end: int, verb: re.Pattern[str],
                grammar: ClauseGrammar) -> list[tuple[int, int]]:
    """The asides between two positions: brackets, and phrases between commas that are a
    relative clause, an apposition or a noun phrase without a verb ("X, sekutu lama Y, ...")."""
    found = []
    for match in ASIDE.finditer(text, start, end):
        if grammar.aside_opening.match(match.group(0)) or not any(
                verb.match(word.lower()) for word in WORD.findall(match.group(0))):
            found.append(match.span())
    return found


def inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= position < b for a, b in spans)
