"""Coreference: later mentions that point back to the people and states already named.

After recognition (``kronik.actors.recognise``) a document has its named mentions and its role
mentions. This step adds and resolves, in text order:

1. parts of names already mentioned: "Ushakov", "Anwar", "Jarrar" after the full name (or, in
   a headline, before it), and a title's one-word name that is part of a fuller name;
2. role mentions without a name: "pemimpin Tiongkok tersebut", "Presiden Iran" take the person
   of that state and role named before; failing that the knowledge base's holder of the role on
   the article's date; failing that the person of that state and role named after;
3. pronouns: "ia", "dia", "beliau" take the nearest person named before;
4. plural references: "kedua pemimpin" the two most recent distinct people, "kedua negara" the
   two most recent distinct states, "mereka" what its sentence named just before it.

A resolved singular reference copies its antecedent's name, state, id, title and role; every
reference lists its antecedents in ``refers_to`` and says why in its reason.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from operator import attrgetter

from kronik.actors.kb import KnowledgeBase
from kronik.actors.recognise import (NAME_GAPS, Found, Grammar, GrammarError, PhraseTable,
                                     grammar, match_phrase, phrase_table)
from kronik.document import Entity
from kronik.resources import load_data
from kronik.tokens import Tokens, titlecase

# A name part shorter than this is too likely to be something else ("Li", "Al"); the knowledge
# base's aliases cover the short names of known people ("Xi").
MIN_NAME_PART = 3
# Direct speech: from an opening quotation mark to its closing one (or the end of the line),
# curly or straight.
_CURLY_QUOTED = r"“[^”\n]*”?"
_STRAIGHT_QUOTED = r"\"[^\"\n]*\"?"
QUOTED = re.compile(f"{_CURLY_QUOTED}|{_STRAIGHT_QUOTED}")
# The straight branch alone, for a text in ASCII (which holds no curly quotes): a pattern
# opening with one character is searched for that character, about three times faster than
# for the two that open QUOTED.
QUOTED_ASCII = re.compile(_STRAIGHT_QUOTED)
# References whose meaning depends on who speaks: left out inside direct speech.
SPEAKER_RELATIVE = frozenset({"singular", "collective"})
# A pronoun that opens its sentence continues the subject of a recent sentence ("<A> bertemu
# <B>. Dia mengatakan ..." is A): subjects stand within this many tokens of their sentence's
# start (a connective and a title), and are looked for this many sentences back.
SUBJECT_LEAD_TOKENS = 3
PRONOUN_SUBJECT_REACH = 2
# Tokens at most between two coordinated people ("A dan Pemimpin Tertinggi X B"): a title of
# a few words, not a clause.
COORDINATION_GAP_TOKENS = 8
# Mentions at most between them: the state names inside the second one's title.
COORDINATION_GAP_MENTIONS = 3
# The states of a list a plural pronoun may stand for ("AS, India, Jepang dan Australia"):
# mentions looked back over; a comma joins them besides the coordinators.
LIST_MENTIONS = 8
# Such a list is a subject where it begins within this many tokens of its sentence's start
# ("Para menteri luar negeri dari <A>, <B> dan <C> bertemu").
LIST_SUBJECT_LEAD_TOKENS = 6
# A place phrase before a state that closes it ("di Hotel X, Pulau Y, <state>"):
# at most this many capitalised tokens between the preposition and the state.
PLACE_PHRASE_TOKENS = 6
# Gaps that end a sentence: a place phrase does not run across them.
SENTENCE_MARKS = ".!?"
# A mention's start and end: sort keys read in C.
_START_OF, _END_OF = attrgetter("entity.start"), attrgetter("entity.end")
# Roles that "pemimpin" (leader) of a state may stand for, in the order tried.
LEADER_ROLES = ("head_of_state", "head_of_government")


@dataclass(frozen=True)
class ReferenceWords:
    """The words of ``lang/<language>/pronouns.yaml``: phrase -> what it refers to."""

    phrases: PhraseTable  # of what each phrase refers to
    not_subject_after: frozenset[str]
    location_prepositions: frozenset[str]
    coordinators: frozenset[str]
    pair_openers: frozenset[str]
    war_nouns: frozenset[str]


@cache
def reference_words(language: str = "id") -> ReferenceWords:
    """The words of ``lang/<language>/pronouns.yaml``, parsed once."""
    try:
        return _reference_words(load_data("pronouns", language))
    except (KeyError, TypeError, AttributeError) as error:
        raise GrammarError(f"lang/{language}/pronouns.yaml: missing or malformed {error}") \
            from None


def _reference_words(data: dict) -> ReferenceWords:
    phrases = phrase_table({p: kind for kind in ("singular", "plural_leaders", "plural_persons",
                                                 "plural_states", "collective")
                            for p in data[kind]})
    return ReferenceWords(phrases,
                          frozenset(data["not_subject_after"]),
                          frozenset(data["location_prepositions"]),
                          frozenset(data["coordinators"]),
                          frozenset(data["pair_openers"]),
                          frozenset(data["war_nouns"]))


class Coreference:
    """Resolves the references of one document against its mentions and a knowledge base."""

    def __init__(self, kb: KnowledgeBase, language: str = "id"):
        self.kb = kb
        self.grammar: Grammar = grammar(language)
        self.words = reference_words(language)

    def resolve(self, found: list[Found], tokens: Tokens, text: str, on: date | None,
                sentence_of: Callable[[int], int]) -> list[Found]:
        """The mentions with name parts and references added and role mentions resolved;
        role mentions and references that cannot be resolved are left out."""
        covered = [False] * len(tokens)
        for item in found:
            covered[item.first:item.last] = [True] * (item.last - item.first)
        found = found + self.name_parts(found, tokens, covered, text)
        found += self.references(tokens, covered, text)
        # By start, the longer first: two stable sorts with keys read in C, the second first.
        found.sort(key=_END_OF, reverse=True)
        found.sort(key=_START_OF)
        return _Resolver(self, found, tokens, on, sentence_of).run()

    # 1. Name parts

    def name_parts(self, found: list[Found], tokens: Tokens, covered: list[bool],
                   text: str) -> list[Found]:
        persons = [f for f in found if f.entity.kind == "person" and f.entity.name]
        parts_of = cache(self.parts_of)  # a name is named again and again: read it once
        parts: dict[str, list[Found]] = {}
        for person in persons:
            for part in parts_of(person.entity.name):
                parts.setdefault(part, []).append(person)
        for person in persons:
            self.complete_name(person, parts)
        added = []
        after = 0
        words, gaps = tokens.words, tokens.gaps
        for index in tokens.starting(parts, folded=False):
            if index < after or covered[index] or not titlecase(words[index]):
                continue
            candidates = parts[words[index]]
            last = index + 1
            while last < len(words) and not covered[last] and gaps[last - 1] in NAME_GAPS:
                shared = [c for c in parts.get(words[last], ()) if c in candidates]
                if not shared:
                    break
                candidates, last = shared, last + 1
            start, end = tokens.starts[index], tokens.ends[last - 1]
            antecedent, where = _nearest(candidates, start)
            entity = _copy(antecedent.entity, Entity(start, end, text[start:end]),
                           f"name part of {where} mention at {antecedent.entity.start}")
            added.append(Found(entity, index, last, "name", refers_to=[antecedent]))
            after = last
        return added

    def parts_of(self, name: str) -> set[str]:
        """The words of a name that can stand for it alone, and the name itself (a titled
        repeat of the full name is the same person)."""
        words = [w for w in name.replace("-", " ").split()
                 if len(w) >= MIN_NAME_PART and w[0].isupper()
                 and w.lower() not in self.grammar.particles]
        return set(words) | {name}

    def complete_name(self, person: Found, parts: dict[str, list[Found]]) -> None:
        """A title's one-word name ("ajudan Kremlin Ushakov") that is part of a fuller name
        mentioned elsewhere is that person."""
        entity = person.entity
        if person.source != "title":
            return
        fuller = [c for c in parts.get(entity.name, ()) if c is not person
                  and len(c.entity.name) > len(entity.name) and not c.home_default]
        same = [c for c in parts.get(entity.name, ()) if c is not person
                and c.entity.name == entity.name and not c.home_default]
        if not fuller and not (same and person.home_default):
            return
        antecedent, where = _nearest(fuller or same, entity.start)
        entity.name, entity.id = antecedent.entity.name, antecedent.entity.id
        if person.home_default or entity.country is None:
            entity.country = antecedent.entity.country
            person.home_default = antecedent.home_default
            entity.reason = person.basis
        entity.reason = (f"{entity.reason}; name part of {where} mention at "
                         f"{antecedent.entity.start}")
        person.refers_to = [antecedent]

    # 3, 4. Pronouns and plural references

    def references(self, tokens: Tokens, covered: list[bool], text: str) -> list[Found]:
        """Pronouns and plural references; in direct speech only the plural ones, since there
        "dia" and "mereka" are seen from the speaker, whom the text names only after it."""
        quoted = None  # the quotations' spans, read where a reference relative to a speaker is
        added = []
        after = 0
        for index in tokens.starting(self.words.phrases):
            hit = match_phrase(tokens, index, self.words.phrases)
            if index < after or hit is None or any(covered[index:hit[0]]):
                continue
            last, kind = hit
            start, end = tokens.starts[index], tokens.ends[last - 1]
            after = last
            if kind in SPEAKER_RELATIVE:
                if quoted is None:
                    quoted = _quotations(text)
                if any(a <= start < b for a, b in quoted):
                    continue
            entity = Entity(start, end, text[start:end], "group", role=kind)
            added.append(Found(entity, index, last, kind))
        return added


class _Resolver:
    """One pass in text order over a document's mentions, resolving references."""

    def __init__(self, coref: Coreference, found: list[Found], tokens: Tokens,
                 on: date | None, sentence_of: Callable[[int], int]):
        self.kb = coref.kb
        self.words = coref.words
        self.tokens = tokens
        self.found = found
        self.on = on
        self.sentence_of = sentence_of
        self.history: list[Found] = []
        self.people: list[Found] = []  # the named persons of the history, in text order
        # Where the named persons of ``found`` stand: a mention changes only when it is
        # resolved, so those after the one being resolved are still as listed here.
        self.named_at = [position for position, item in enumerate(found) if _named_person(item)]

    def run(self) -> list[Found]:
        kept = []
        for position, item in enumerate(self.found):
            if self.resolve(item, position):
                kept.append(item)
                self.history.append(item)
                if _named_person(item):
                    self.people.append(item)
        return kept

    def resolve(self, item: Found, position: int) -> bool:
        """Resolve one mention; False where it is a reference left unresolved (dropped)."""
        if item.source == "role":
            return self.role(item, position)
        if item.source == "singular":
            return self.pronoun(item)
        if item.source == "plural_leaders":
            leaders = self.distinct_persons(2, LEADER_ROLES)
            return self.plural(item, leaders if len(leaders) == 2 else self.distinct_persons(2))
        if item.source == "plural_persons":
            return self.plural(item, self.distinct_persons(2))
        if item.source == "plural_states":
            return self.plural(item, self.distinct_states(2))
        if item.source == "collective":
            return self.collective(item)
        return True

    # Role mentions

    def role(self, item: Found, position: int) -> bool:
        entity = item.entity
        if not item.unique:
            return item.office_of is not None  # an anonymous official of a known state
        roles = LEADER_ROLES if entity.role == "leader" else (entity.role,)

        def fits(other: Found) -> bool:
            o = other.entity
            return (o.kind == "person" and o.name is not None and other.part_of is None
                    and o.role in roles and (entity.country is None or o.country == entity.country))

        # The named persons of the history are the mentions before that ``fits`` may accept.
        before = next((f for f in reversed(self.people) if fits(f)), None)
        if before is not None:
            _copy(before.entity, entity, f"{entity.reason}: the {before.entity.role} of "
                  f"{before.entity.country} named before, at {before.entity.start}")
            item.refers_to = [before]
            return True
        if item.office_of is not None and self.on is not None and not item.anaphoric:
            for role in roles:
                match = self.kb.role_holder(item.office_of, role, self.on)
                if match is not None:
                    self.holder(item, match.person.name, match.person.qid, role)
                    return True
        later = self.named_at[bisect_right(self.named_at, position):]
        after = next((self.found[p] for p in later if fits(self.found[p])), None)
        if after is not None:
            _copy(after.entity, entity, f"{entity.reason}: the {after.entity.role} of "
                  f"{after.entity.country} named after, at {after.entity.start}")
            item.refers_to = [after]
            return True
        return item.office_of is not None

    def holder(self, item: Found, name: str, qid: str | None, role: str) -> None:
        entity = item.entity
        entity.name, entity.id, entity.role = name, qid, role
        entity.reason = (f"{entity.reason}: role holder {role} of {item.office_of} on "
                         f"{self.on.isoformat()}")
        same = [f for f in self.found if f.entity.kind == "person" and f.entity.name == name
                and f is not item and f.source != "role"]
        if same:
            item.refers_to = [_nearest(same, entity.start)[0]]

    # Pronouns and plurals

    def persons(self) -> list[Found]:
        return self.people[::-1]

    def pronoun(self, item: Found) -> bool:
        """A pronoun's person: the subject of its own sentence, else (for a pronoun opening
        its sentence) the subject of one of the PRONOUN_SUBJECT_REACH sentences before, else
        the nearest person. Only the people of those sentences are looked at, so the work
        per pronoun does not grow with the article."""
        if not self.people:
            return False
        sentence = self.sentence_of(item.entity.start)
        subjects, openers = [], []
        for person in reversed(self.people):
            distance = sentence - self.sentence_of(person.entity.start)
            if distance > PRONOUN_SUBJECT_REACH:
                break
            if distance == 0 and self.before(person) not in self.words.not_subject_after:
                subjects.append(person)
            if self.opens_sentence(person):
                openers.append(person)
        if subjects:
            antecedent, how = subjects[-1], "subject of its sentence"
        elif openers and self.opens_sentence(item):
            antecedent, how = openers[0], "subject of a sentence before"
        else:
            antecedent, how = self.people[-1], "nearest person before"
        _copy(antecedent.entity, item.entity, f"pronoun '{item.entity.text}': {how}, "
              f"at {antecedent.entity.start}")
        item.entity.kind = "person"
        item.refers_to = [antecedent]
        return True

    def opens_sentence(self, item: Found, lead_tokens: int = SUBJECT_LEAD_TOKENS) -> bool:
        """Whether a mention stands in subject position: its sentence starts at most
        ``lead_tokens`` tokens before it ("Kemudian, <name> ...")."""
        lead = max(item.first - lead_tokens, 0)
        return item.first <= lead_tokens or \
            self.sentence_of(self.tokens.starts[lead]) != self.sentence_of(item.entity.start)

    def before(self, item: Found) -> str:
        """The word before a mention, lower-cased ("" at the start of the text)."""
        return self.tokens.lowers[item.first - 1] if item.first > 0 else ""

    def located(self, item: Found) -> bool:
        """A state after "di" or "ke" names where something happens, not an actor; so does
        one closing a place phrase after them ("di Port Moresby PNG", "di Hotel X, Pulau Y,
        <state>"): capitalised words back to the preposition, in its sentence."""
        if item.entity.kind != "state":
            return False
        words, gaps = self.tokens.words, self.tokens.gaps
        index = item.first - 1
        while index >= max(0, item.first - PLACE_PHRASE_TOKENS) and words[index][0].isupper() \
                and not any(mark in gaps[index] for mark in SENTENCE_MARKS):
            index -= 1
        return index >= 0 and self.tokens.lowers[index] in self.words.location_prepositions

    def distinct_persons(self, count: int, roles: tuple[str, ...] | None = None) -> list[Found]:
        chosen: dict[str, Found] = {}
        for person in self.persons():
            if roles is not None and person.entity.role not in roles:
                continue
            chosen.setdefault(person.entity.name, person)
            if len(chosen) == count:
                break
        return list(chosen.values())

    def distinct_states(self, count: int) -> list[Found]:
        chosen: dict[str, Found] = {}
        for other in reversed(self.history):
            o = other.entity
            if o.country and o.kind in ("state", "person", "organization") \
                    and other.part_of is None and not self.located(other) \
                    and self.before(other) not in self.words.war_nouns:
                chosen.setdefault(o.country, other)
                if len(chosen) == count:
                    break
        return list(chosen.values())

    def plural(self, item: Found, antecedents: list[Found]) -> bool:
        if len(antecedents) < 2:
            return False
        item.refers_to = antecedents
        where = ", ".join(str(a.entity.start) for a in antecedents)
        states = item.source == "plural_states"
        names = " and ".join((a.entity.country if states else a.entity.name) or "?"
                             for a in antecedents)
        item.entity.reason = f"plural '{item.entity.text}': {names}, named before at {where}"
        return True

    def person_before(self, index: int) -> Found | None:
        """The person mentioned last before history item ``index``, past the state names of
        its title ("A dan Pemimpin <state> B"), looking back a few mentions only."""
        for other in reversed(self.history[max(0, index - COORDINATION_GAP_MENTIONS):index]):
            if _is_person(other):
                return other
        return None

    def coordinated_persons(self, before: Found | None, last: Found, sentence: int) -> list[Found]:
        """The two people of the sentence joined by "dan", ``before`` and ``last`` ("A dan
        Pemimpin X B ... mereka"), or [] where they are not such a pair."""
        if before is None or not _is_person(before) or not _is_person(last) \
                or before.entity.name == last.entity.name \
                or self.sentence_of(before.entity.start) != sentence \
                or self.sentence_of(last.entity.start) != sentence:
            return []
        return self.joined(before, last)

    def coordinated_states(self, index: int) -> list[Found]:
        """The states of the list that history item ``index`` closes ("A, B dan C bertemu ...
        Mereka juga ..."): it and the states before it in its sentence, each joined to the
        next by a comma or a coordinator, the last by a coordinator; [] where it closes no
        such list. Places ("di A dan B") are none."""
        last = self.history[index]
        if not self.actor_state(last):
            return []
        listed = [last]
        for before in reversed(self.history[max(0, index - LIST_MENTIONS):index]):
            if before.part_of is not None:  # "Amerika Serikat (AS)": the bracketed short form
                continue
            if not self.actor_state(before) or not self.joined(before, listed[0], commas=True) \
                    or self.sentence_of(before.entity.start) != self.sentence_of(last.entity.start):
                break
            listed.insert(0, before)
        countries = {f.entity.country for f in listed}
        if len(countries) < 2 or not self.joined(listed[-2], last):
            return []
        return list({f.entity.country: f for f in reversed(listed)}.values())[::-1]

    def states_they_stand_for(self, index: int, item: Found) -> list[Found]:
        """The states a plural pronoun stands for: a list of states (``coordinated_states``)
        that is the subject of the pronoun's sentence or of the sentence before, where the
        pronoun opens its own ("A dan B bertemu ... Mereka juga ..."), or a pair after
        "antara" in its sentence ("antara A dan B ketika mereka ..."). Lists elsewhere are
        too often names of other things (tournaments, teams) or people's origins."""
        listed = self.coordinated_states(index)
        if not listed:
            return []
        same_sentence = self.sentence_of(listed[0].entity.start) == self.sentence_of(item.entity.start)
        if self.before(listed[0]) in self.words.pair_openers and same_sentence:
            return listed
        if self.opens_sentence(listed[0], LIST_SUBJECT_LEAD_TOKENS) and (same_sentence or self.opens_sentence(item)):
            return listed
        return []

    def actor_state(self, item: Found) -> bool:
        """A state named as one that acts: not a place ("di X") nor in a war's name ("Perang X")."""
        return item.entity.kind == "state" and item.part_of is None and not self.located(item) \
            and self.before(item) not in self.words.war_nouns

    def joined(self, before: Found, last: Found, commas: bool = False) -> list[Found]:
        """[before, last] where a coordinator (or, with ``commas``, a comma) stands between
        them within a few tokens, else []."""
        between = self.tokens.lowers[before.last:last.first]
        if len(between) > COORDINATION_GAP_TOKENS:
            return []
        if self.words.coordinators.isdisjoint(between) and not (
                commas and "," in "".join(self.tokens.gaps[before.last - 1:last.first])):
            return []
        return [before, last]

    def collective(self, item: Found) -> bool:
        sentence = self.sentence_of(item.entity.start)
        for index in range(len(self.history) - 1, -1, -1):
            other = self.history[index]
            other_sentence = self.sentence_of(other.entity.start)
            if other_sentence < sentence - 1:
                break
            pair = self.coordinated_persons(self.person_before(index), other, sentence) \
                or self.states_they_stand_for(index, item)
            if other.source in ("plural_leaders", "plural_persons", "plural_states"):
                item.refers_to = list(other.refers_to)
            elif pair:
                item.refers_to = pair
            elif other_sentence == sentence and other.part_of is None \
                    and other.entity.kind in ("state", "organization") and not self.located(other):
                item.refers_to = [other]
            else:
                continue
            item.entity.reason = (f"plural pronoun '{item.entity.text}': the mention before it "
                                  f"at {other.entity.start}")
            return True
        return False


def _is_person(item: Found) -> bool:
    return item.entity.kind == "person" and item.entity.name is not None and item.part_of is None


def _quotations(text: str) -> list[tuple[int, int]]:
    """The spans of the text's direct speech (``QUOTED``)."""
    pattern = QUOTED_ASCII if text.isascii() else QUOTED
    return [match.span() for match in pattern.finditer(text)]


def _nearest(candidates: Sequence[Found], start: int) -> tuple[Found, str]:
    """The candidate mentioned last before ``start``, else the first after it."""
    before = [c for c in candidates if c.entity.start < start]
    if before:
        return max(before, key=lambda c: c.entity.start), "earlier"
    return min(candidates, key=lambda c: c.entity.start), "later"


def _copy(source: Entity, target: Entity, reason: str) -> Entity:
    """Give ``target`` the identity of ``source``: name, state, id, title and role."""
    target.kind = source.kind
    target.name, target.id = source.name, source.id
    target.country = source.country or target.country
    target.title = target.title or source.title
    target.role = source.role or target.role
    target.reason = reason
    return target


def _named_person(item: Found) -> bool:
    """A top-level mention of a person with a name: what pronouns and plurals refer to."""
    return item.entity.kind == "person" and item.entity.name is not None and item.part_of is None
