"""Recognising actors and places in text: knowledge-base names, institutions, place names and
the title grammar of Indonesian news.

Five passes over one tokenisation of the text, each building on the one before:

1. the knowledge base's scan (its names looked up at the tokens by their first word) finds
   states, capitals and seats used for their state, organisations and known people;
2. place names that contain a state ("Laut China Selatan", "Selat Taiwan") take that state
   mention in as a part, so it is never read as a party;
3. institutions ("Kementerian Luar Negeri China", "militer China", "pemerintah Iran");
4. titles: "Menteri Keuangan AS Scott Bessent", "Perdana Menteri (PM) Malaysia Anwar Ibrahim",
   "<name>, Direktur Advokasi ..." give a name, a title and a state for anyone, known or not;
   a title without a name ("Presiden Iran", "pemimpin AS itu") is a role mention that the
   coreference step (``kronik.actors.coref``) resolves;
5. the gazetteer (``kronik.actors.places``): cities, regions and venues in no other mention
   ("Melbourne", "Kabupaten Bintan", "Istana Bogor") become places with their state and
   coordinates, and place names of pass 2 without a state get one ("Kota Gaza").

The grammar's words live in ``lang/id/titles.yaml``; this module only connects them.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache, partial
from itertools import accumulate, compress
from operator import attrgetter, itemgetter
from typing import Any

from kronik.actors.kb import KnowledgeBase, SurfaceForm
from kronik.actors.places import Gazetteer, Place, gazetteer
from kronik.document import Entity
from kronik.errors import KronikError
from kronik.resources import load_data
from kronik.tokens import TOKEN, Lexicon, Tokens, titlecase

BRACKETED = re.compile(r"\([^)]*\)?")
SENTENCE_BREAKS = ".!?\n\"“”"
SENTENCE_ENDS = tuple(".!?\"“”'")
# A name's words are joined by a space or a hyphen ("Oana-Silvia"); titles' words by a space.
NAME_GAPS = frozenset({" ", "-"})
# An abbreviation in brackets after a title or a state ("Perdana Menteri (PM)", "Amerika
# Serikat (AS)") is skipped when it has at most this many words.
MAX_BRACKET_WORDS = 3
# A title or an institution may name its field in at most this many words ("Urusan Luar Negeri").
MAX_FIELD_WORDS = 4
# A line of at least HEADLINE_MIN_WORDS words, not ending as a sentence does, of which this share
# is capitalised is a headline in title case (a sentence that opens with a title and a name can
# be mostly capitals too, but it ends with a full stop; headlines capitalise nearly all words).
HEADLINE_MIN_WORDS = 3
HEADLINE_CAPITALISED = 0.7
# Resolved names kept per recogniser: the distinct (name, kind, date) triples of a large batch.
LOOKUP_CACHE = 65536
# Scraped text may glue a name to the word before or after it ("baruIran", "ASdari",
# "Rusiake"); names are looked for around such points, within this many tokens either side
# (a name of four words and the glued word).
GLUE_WINDOW_TOKENS = 3
# A capital right after a small letter ("baruIran"): the capital first, so that the engine
# skips in C to the few capitals instead of trying the pattern at every small letter.
CAMEL_GLUE = re.compile(r"[A-Z](?<=[a-z][A-Z])")
# A name glued to a function word after it has at least this many letters ("Rusia" + "ke"):
# shorter stretches are too often parts of ordinary names.
MIN_GLUED_NAME = 3
# Signs right after a state's short form that make it a currency ("US$", "S$", "A$").
CURRENCY_SIGNS = ("$",)
# A function word glued after a name that is itself glued to the word before ("diIsraelserta")
# has at least this many letters: shorter endings ("di", "ke") end names too ("Saudi").
MIN_SECOND_GLUE = 3
# Words whose glue points are remembered (the distinct words of a large batch of articles):
# past it the memory starts again, which costs only the time to read the words again.
GLUE_WORDS_CACHE = 200_000
# A word's first letter.
_FIRST = itemgetter(0)
_ENTITY_START, _ENTITY_END = attrgetter("entity.start"), attrgetter("entity.end")
# Preference among the entries one name can stand for ("Singapura": the state, not the capital).
KIND_ORDER = ("state", "capital", "seat", "organization", "group", "person", "place", "non_actor")
KIND_RANK = {kind: rank for rank, kind in enumerate(KIND_ORDER)}
# Mentions that stay in a longer place name as part of it ("PBB" in "Markas PBB"), where
# the place is a hand-written venue; any other shorter mention gives way to the longer name.
PARTS_OF_PLACES = frozenset({"organization", "group"})


# A phrase table (``phrase_table``): first word -> a tree of the following words.
PhraseTable = dict[str, dict]
# The key of a phrase's value in the node of its last word: no word is empty.
PHRASE_END = ""


class GrammarError(KronikError):
    """A language data file of the recogniser lacks a section; the message names the file."""


def match_phrase(tokens: Tokens, index: int, table: PhraseTable,
                 folded: bool = True) -> tuple[int, Any] | None:
    """The longest phrase of ``table`` (see ``phrase_table``) at token ``index``, its words
    joined by single spaces: (end token, value). The words are read one by one down the
    table's tree, so a word that goes on no phrase ends the reading."""
    words, gaps = (tokens.lowers if folded else tokens.words), tokens.gaps
    node = table.get(words[index])
    longest, position = None, index
    while node is not None:
        position += 1
        if PHRASE_END in node:
            longest = position, node[PHRASE_END]
        if position >= len(words) or gaps[position - 1] != " ":
            break
        node = node.get(words[position])
    return longest


def phrase_table(phrases: dict[str, Any], folded: bool = True) -> PhraseTable:
    """A table for match_phrase from phrase -> value."""
    return _phrase_tree(phrases.items(), folded)


def _phrase_tree(phrases: Iterable[tuple[str, Any]], folded: bool = True) -> PhraseTable:
    """The phrases' words as a tree (lower-cased where ``folded``), keyed at its root by their
    first words, the value of a phrase under PHRASE_END in the node of its last word. A
    phrase listed twice keeps its first value."""
    table: PhraseTable = {}
    for phrase, value in phrases:
        node = table
        for word in TOKEN.findall(phrase):
            node = node.setdefault(word.lower() if folded else word, {})
        node.setdefault(PHRASE_END, value)
    return table


@dataclass(eq=False)
class Found:
    """A mention under construction: its entity, its tokens ``[first, last)`` and its links.

    ``source`` says which pass made it (kb, place, institution, title, role, name, pronoun,
    plural); ``office_of`` the state (or organisation key) whose office a role mention names;
    ``part_of`` is the mention this one modifies (the state in "militer China", the
    state in a title, the state in a place name); ``refers_to`` the antecedents of a reference.
    A role mention is ``unique`` when its office has one holder at a time and ``anaphoric``
    when a demonstrative follows it ("pemimpin AS itu"); a titled person has ``home_default``
    when the state came from the home-state rule, and ``basis`` is the title pattern alone.
    """

    entity: Entity
    first: int
    last: int
    source: str
    part_of: Found | None = None
    refers_to: list[Found] = field(default_factory=list)
    unique: bool = False
    anaphoric: bool = False
    home_default: bool = False
    office_of: str | None = None
    basis: str = ""


@dataclass(frozen=True)
class TitleSpec:
    """How a title behaves (see titles.yaml): its role key, whether one person holds it at a
    time, whether it is a national government's office, whether field words may follow it,
    the one state it belongs to, if any, and whether it may name a posting ("Dubes Jepang untuk
    Indonesia": the holder serves there and acts for the title's state)."""

    role: str
    unique: bool
    government: bool
    domain: bool
    country: str | None
    posted: bool = False


@dataclass(frozen=True)
class Grammar:
    """The title, institution and place-name grammar of one language, from titles.yaml."""

    titles: PhraseTable  # of TitleSpec
    institutions: PhraseTable  # of (role, whether field words may follow)
    home_institutions: PhraseTable  # of None
    home_country: str
    home_before: frozenset[str]
    home_after: frozenset[str]
    former: frozenset[str]
    plural: frozenset[str]
    demonstratives: frozenset[str]
    function_words: frozenset[str]
    field_words: frozenset[str]
    affiliation_links: frozenset[str]
    field_joins: frozenset[str]
    apposition_after: frozenset[str]
    place_heads: PhraseTable  # of None
    place_head_breakers: frozenset[str]
    compass: frozenset[str]
    particles: frozenset[str]
    max_name_words: int
    name_stops: frozenset[str]
    honorifics: frozenset[str]
    speech_verbs: dict[str, tuple]  # verb -> (): a table for Tokens.starting
    posting_links: frozenset[str] = frozenset()
    ranks: frozenset[str] = frozenset()
    initials_markers: frozenset[str] = frozenset()


@cache
def grammar(language: str = "id") -> Grammar:
    """The grammar in ``lang/<language>/titles.yaml``, parsed once."""
    try:
        return _grammar(load_data("titles", language))
    except (KeyError, TypeError, AttributeError) as error:
        raise GrammarError(f"lang/{language}/titles.yaml: missing or malformed {error}") from None


def _grammar(data: dict[str, Any]) -> Grammar:
    titles = _phrase_tree((phrase, TitleSpec(
        role, bool(spec.get("unique")), bool(spec.get("government")), bool(spec.get("domain")),
        spec.get("country"), bool(spec.get("posted"))))
        for role, spec in data["titles"].items() for phrase in spec["words"])
    institutions = _phrase_tree((phrase, (role, bool(spec.get("domain"))))
                                for role, spec in data["institutions"].items()
                                for phrase in spec["words"])

    def lower(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in data[key])

    return Grammar(
        titles=titles,
        institutions=institutions,
        home_institutions=phrase_table(dict.fromkeys(data["home_institutions"]), folded=False),
        home_country=data["home_country"],
        home_before=frozenset(data["home_markers"]["before"]),
        home_after=frozenset(w.lower() for w in data["home_markers"]["after"]),
        former=lower("former_markers"), plural=lower("plural_markers"),
        demonstratives=lower("demonstratives"), function_words=lower("function_words"),
        field_words=lower("field_words"),
        affiliation_links=lower("affiliation_links"),
        field_joins=lower("field_joins"),
        apposition_after=lower("apposition_after"),
        place_heads=phrase_table(dict.fromkeys(data["place_heads"]), folded=False),
        place_head_breakers=lower("place_head_breakers"),
        compass=frozenset(data["compass_words"]), particles=lower("name_particles"),
        max_name_words=int(data["max_name_words"]),
        name_stops=frozenset(data["name_stop_words"]),
        honorifics=frozenset(data["honorifics"] + data["ranks"]),
        speech_verbs=dict.fromkeys(lower("speech_verbs"), ()),
        posting_links=lower("posting_links"), ranks=frozenset(data["ranks"]),
        initials_markers=lower("initials_markers"))


class Recogniser:
    """Finds the actor and place mentions of a text with one knowledge base and one grammar."""

    def __init__(self, kb: KnowledgeBase, language: str = "id"):
        self.kb = kb
        self.grammar = grammar(language)
        self.places = gazetteer(language)
        # The tables the passes look words up in (name -> table, keyed as folded or as
        # written), their first words found in one pass per text.
        tables = {"place_heads": (self.grammar.place_heads, False),
                  "institutions": (self.grammar.institutions, True),
                  "home_institutions": (self.grammar.home_institutions, False),
                  "titles": (self.grammar.titles, True),
                  "speech_verbs": (self.grammar.speech_verbs, True),
                  "places": (self.places.starts, True)}
        self.table_names = tuple(tables)
        self.lexicon = Lexicon([table for table, _ in tables.values()],
                               [folded for _, folded in tables.values()])
        self.glue = GlueWords(self.grammar.function_words)
        kb.build_scan_tables()
        # The same names recur in every article: resolve each (name, kind, date) once.
        self._resolved = lru_cache(maxsize=LOOKUP_CACHE)(partial(_resolve, kb))

    def lookup(self, surface: str, kind: str, on: date | None) -> Entity | None:
        """What a name the knowledge base found as an entry of ``kind`` stands for, at offsets
        0..len (cached: copy it out). Only a person's entry depends on the date (their role on
        that day), so the others are looked up once whatever the article's date."""
        return self._resolved(surface, kind, on if kind == "person" else None)

    def find(self, text: str, tokens: Tokens, on: date | None) -> list[Found]:
        """Every mention the five passes find, in text order (coreference comes after)."""
        scan = _Scan(self, text, tokens, on)
        scan.knowledge_base()
        scan.glued()
        scan.places()
        scan.institutions()
        scan.titles()
        scan.speakers()
        scan.gazetteer(self.places)
        # By start, the longer first where two start together: two stable sorts with keys
        # read in C, the second key first.
        found = sorted(scan.found, key=_ENTITY_END, reverse=True)
        found.sort(key=_ENTITY_START)
        return found


class _Scan:
    """The state of one text's recognition: tokens, what starts at each, what claims each."""

    def __init__(self, recogniser: Recogniser, text: str, tokens: Tokens, on: date | None):
        self.kb = recogniser.kb
        self.lookup = recogniser.lookup
        self.glue_points = recogniser.glue.points
        self.g = recogniser.grammar
        self.text = text
        self.tokens = tokens
        # The tokens' lists (``kronik.tokens.Tokens``), read by token index; the length of
        # one is the number of tokens (read in C, where ``len(tokens)`` runs Tokens.__len__).
        self.words, self.lowers, self.gaps = tokens.words, tokens.lowers, tokens.gaps
        self.offsets, self.ends = tokens.starts, tokens.ends
        self.on = on
        self.found: list[Found] = []
        self.starts: dict[int, Found] = {}          # token -> top-level mention starting there
        self.claimed: list[Found | None] = [None] * len(tokens)
        # Table name -> the tokens, in order, where one of its phrases may start.
        self.starting = dict(zip(recogniser.table_names, recogniser.lexicon.starting(tokens)))
        self.headlines: dict[int, bool] = {}       # line start -> whether in title case

    # Bookkeeping

    def add(self, found: Found) -> Found:
        """Keep a mention; it claims its tokens and, unless part of another, starts there."""
        self.found.append(found)
        if found.part_of is None:
            self.starts[found.first] = found
        self.claimed[found.first:found.last] = [found] * (found.last - found.first)
        return found

    def span(self, first: int, last: int) -> tuple[int, int, str]:
        start, end = self.offsets[first], self.ends[last - 1]
        return start, end, self.text[start:end]

    def candidates(self, table: str) -> Iterator[int]:
        """The tokens, in order, that may start a phrase of the named table and are unclaimed
        when reached (the phrase itself is checked by phrase_at)."""
        for index in self.starting[table]:
            if self.claimed[index] is None:
                yield index

    def phrase_at(self, index: int, table: dict[str, list], folded: bool = True
                  ) -> tuple[int, Any] | None:
        return match_phrase(self.tokens, index, table, folded)

    def skip_brackets(self, index: int) -> int:
        """After token ``index - 1``: skip "(PM)" or "( Menlu )"; return the next token."""
        if index == 0 or index >= len(self.words) or "(" not in self.gaps[index - 1]:
            return index
        for last in range(index, min(index + MAX_BRACKET_WORDS, len(self.words))):
            if ")" in self.gaps[last]:
                return last + 1
        return index

    # Pass 1: the knowledge base

    def knowledge_base(self) -> None:
        tokens, text, ends = self.tokens, self.text, self.ends
        for first, start, end, surface, forms in self.kb.names_in(text, tokens):
            last = bisect_left(ends, end, first)  # the name's last token, if one ends there
            if last == len(ends) or ends[last] != end or not forms:
                continue
            if not surface[0].isupper() and not any(f.case_sensitive for f in forms):
                continue  # names are capitalised in Indonesian: "dia", not a name
            if surface.isupper() and first > 0 and self.lowers[first - 1] in self.g.initials_markers:
                continue  # "berinisial AS (57)": a person's initials, not a state
            if text.startswith(CURRENCY_SIGNS, end):
                continue  # "US$ 12,6 miliar": a currency, not the state
            entity = self.lookup(surface, _preferred_kind(forms), self.on)
            if entity is not None:
                found = Found(_placed(entity, start, end), first, last + 1, "kb")
                self.abbreviation(found)
                self.add(found)

    def glued(self) -> None:
        """Known names glued by scraping to the word before or after them ("Rusiake",
        "IslamIran", "ASdari", "baruIran"). The words around each glue point are read again
        with a space put in at every glue point among them; a known name that starts or ends
        at one is kept, on the tokens it lies in."""
        points = self.glue_points(self.tokens)
        done = -1
        for point in points:
            index = bisect_right(self.offsets, point) - 1
            if index <= done or self.claimed[index] is not None:
                continue
            first, last = index, index + 1
            while first > 0 and index - first < GLUE_WINDOW_TOKENS and self.gaps[first - 1] == " ":
                first -= 1
            while last < len(self.words) and last - index <= GLUE_WINDOW_TOKENS \
                    and self.gaps[last - 1] == " ":
                last += 1
            self.glued_in(first, last, points)
            done = index

    def glued_in(self, first: int, last: int, points: list[int]) -> None:
        start, end = self.offsets[first], self.ends[last - 1]
        cuts = points[bisect_right(points, start):bisect_left(points, end)]
        if not any(self.may_name_at(cut, points) for cut in cuts):
            return  # most windows hold no known name starting or ending at a cut
        pieces = [self.text[a:b] for a, b in zip([start] + cuts, cuts + [end])]
        spaces = list(accumulate((len(piece) + 1 for piece in pieces[:-1]), initial=-1))[1:]

        def offset(position: int) -> int:  # from the spaced window back to the text
            return start + position - bisect_left(spaces, position)

        for mention in self.kb.scan(" ".join(pieces)):
            a, b = offset(mention.start), offset(mention.end)
            if (a not in cuts and b not in cuts) or not mention.forms or not mention.text[0].isupper():
                continue
            tokens = range(bisect_right(self.offsets, a) - 1, bisect_right(self.offsets, b - 1))
            if any(self.claimed[i] is not None for i in tokens):
                continue
            entity = self.lookup(mention.text, _preferred_kind(mention.forms), self.on)
            if entity is not None:
                entity = _placed(entity, a, b)
                entity.reason = f"{entity.reason}; glued to the word beside it"
                self.add(Found(entity, tokens.start, tokens.stop, "kb"))

    def may_name_at(self, cut: int, points: list[int]) -> bool:
        """Whether a known name may start or end at the glue point ``cut``: the knowledge base
        is asked about the two halves of its token on either side of it (each up to the
        token's edge or its next glue point, as the window that ``glued_in`` scans cuts it)."""
        index = bisect_right(self.offsets, cut) - 1
        at = bisect_left(points, cut)
        before = max(self.offsets[index], points[at - 1] if at else 0)
        after = min(self.ends[index], points[at + 1] if at + 1 < len(points) else len(self.text))
        return self.kb.may_name_at_cut(self.text[before:cut], self.text[cut:after])

    def abbreviation(self, found: Found) -> None:
        """"Amerika Serikat (AS)": the short form in brackets is part of the name before it."""
        if found.first == 0 or "(" not in self.gaps[found.first - 1] \
                or self.gaps[found.first - 1].strip() != "(" \
                or not self.gaps[found.last - 1].lstrip().startswith(")"):
            return
        before = self.claimed[found.first - 1]
        if before is not None and before.last == found.first and before.entity.kind == \
                found.entity.kind and before.entity.country == found.entity.country:
            found.part_of = before

    # Pass 2: place names

    def places(self) -> None:
        """Place names opened by a head word ("Laut China Selatan"), unless the word before
        makes the head part of a common noun ("Angkatan Laut AS" is the navy, not a sea)."""
        for index in self.candidates("place_heads"):
            if index > 0 and self.lowers[index - 1] in self.g.place_head_breakers:
                continue
            hit = self.phrase_at(index, self.g.place_heads, folded=False)
            if hit:
                self.place_at(index, hit[0])

    def place_at(self, first: int, after_head: int) -> None:
        """Head, then either one state (with a compass word) or capitalised words."""
        index, inner = after_head, []
        if index < len(self.words) and self.gaps[index - 1] == " ":
            found = self.starts.get(index)
            if found is not None and found.entity.kind == "state":
                inner.append(found)
                index = found.last
            else:
                while (index < len(self.words) and titlecase(self.words[index])
                       and self.claimed[index] is None and self.gaps[index - 1] == " "
                       and self.words[index] not in self.g.name_stops):
                    index += 1
            if (index > after_head and index < len(self.words)
                    and self.gaps[index - 1] == " "
                    and self.words[index] in self.g.compass):
                index += 1
        if index == after_head:
            return
        start, end, surface = self.span(first, index)
        place = Found(Entity(start, end, surface, "place", surface,
                             reason=f"place name '{self.words[first]} ...'"),
                      first, index, "place")
        for part in inner:
            part.part_of = place
            del self.starts[part.first]
        self.add(place)

    # Pass 3: institutions

    def institutions(self) -> None:
        for index in self.candidates("institutions"):
            hit = self.phrase_at(index, self.g.institutions)
            if hit:
                self.institution_at(index, hit[0], *hit[1])
        for index in self.candidates("home_institutions"):
            self.home_institution_at(index)

    def institution_at(self, first: int, after_head: int, role: str, domain: bool) -> None:
        """Head, field words, an abbreviation in brackets, then the state it belongs to:
        "Kementerian Luar Negeri (Kemlu) X" is one name, so the short form in brackets is
        not left to start a name of its own ("Kemlu) X"). A person after the brackets is
        named, not owning: "Sekretaris Kabinet (Seskab) <name>"."""
        index = self.field_words(after_head) if domain else after_head
        bracketed = self.skip_brackets(index)
        complement = self.complement_at(bracketed, allow_person=bracketed == index)
        if complement is None:
            return
        start, end, surface = self.span(first, complement.last)
        if surface.count("(") != surface.count(")"):
            return  # the head is a short form in another name's brackets: "(Kemlu) X"
        country = complement.entity.country
        head = self.span(first, after_head)[2]
        entity = Entity(start, end, surface, "organization", " ".join(surface.split()), country,
                        role=role, reason=f"institution '{head}' of {country} "
                        f"({complement.entity.reason})")
        found = Found(entity, first, complement.last, "institution")
        complement.part_of = found
        self.starts.pop(complement.first, None)
        self.add(found)

    def home_institution_at(self, index: int) -> Found | None:
        """"Sekretariat Presiden", "Kemlu": an institution of the home state without its name."""
        if index >= len(self.words):
            return None
        hit = self.phrase_at(index, self.g.home_institutions, folded=False)
        if hit is None or any(self.claimed[index:hit[0]]):
            return None
        start, end, surface = self.span(index, hit[0])
        return self.add(Found(Entity(start, end, surface, "organization", surface,
                                     self.g.home_country, role="government",
                                     reason=f"institution of the home state "
                                     f"{self.g.home_country}"), index, hit[0], "institution"))

    def field_words(self, index: int) -> int:
        """Skip up to MAX_FIELD_WORDS field words joined by spaces, or listed with commas and
        "dan" ("Biro Pers, Media, dan Informasi"); return the next token."""
        limit = min(index + MAX_FIELD_WORDS, len(self.words))
        while index < limit and index not in self.starts and self.claimed[index] is None:
            if not self.joined(index, commas=True):
                break
            if self.lowers[index] in self.g.field_words:
                index += 1
            elif self.lowers[index] in self.g.field_joins and index + 1 < limit \
                    and self.lowers[index + 1] in self.g.field_words:
                index += 2
            else:
                break
        return index

    def complement_at(self, index: int, allow_person: bool = False) -> Found | None:
        """The state, seat, organisation, institution or person that a title or an
        institution belongs to, starting at token ``index`` (joined by a space)."""
        if not self.joined(index):
            return None
        found = self.starts.get(index) or self.home_institution_at(index)
        if found is None or found.entity.kind == "place":
            return None
        if found.entity.kind == "person" and not allow_person:
            return None
        return found

    # Pass 4: titles

    def titles(self) -> None:
        for index in self.candidates("titles"):
            hit = self.phrase_at(index, self.g.titles)
            if hit:
                self.title_at(index, hit[0], hit[1])

    def title_at(self, first: int, after_title: int, spec: TitleSpec) -> None:
        before = self.lowers[first - 1] if first > 0 else ""
        if before in self.g.plural:
            return
        former = before in self.g.former
        index = self.skip_brackets(after_title)
        index = self.unit_name_end(self.field_words(index)) if spec.domain else index
        complement = self.complement_at(index, allow_person=True)
        if complement is None and not spec.unique and index < len(self.words) - 1 \
                and self.lowers[index] in self.g.affiliation_links:
            complement = self.complement_at(index + 1, allow_person=True)
        if complement is not None and complement.entity.kind == "person" and (
                self.holds_role(complement.entity, spec.role)
                or not self.names_follow(self.skip_brackets(complement.last))):
            # "Presiden Xi": the person is named, not the title's state; so is one who holds or
            # held the title's role ("menemui Presiden X, Y ...": the name after the comma
            # is another's)
            complement = None
        if complement is not None:
            title_end = self.home_state_after(complement)
        else:
            title_end = index + 1 if self.unknown_acronym(index) else index
        posting = self.posting_at(title_end) if spec.posted and complement is not None else None
        if posting is not None:
            title_end = posting.last
        title_first = first - 1 if former else first
        title_text = _title_text(self.span(title_first, title_end)[2])
        name_at = self.skip_brackets(title_end)
        honoured = self.skip_honorifics(name_at)
        named = self.starts.get(honoured)
        name_end = self.name_run(honoured)
        if named is not None and named.entity.kind == "person" and self.joined(name_at, True):
            person = None if _of_another_state(named, complement) else named
        elif name_end is not None and (self.names_follow(name_at) or (
                honoured > name_at and self.joined(name_at, True))) \
                and not self.in_headline(name_at) and not self.opens_institution(honoured):
            person = self.known_after(honoured, name_end) or self.unknown_person(honoured, name_end)
        else:
            person = self.apposition(first)
        if person is None:
            role = self.role_mention(title_first, title_end, title_text, spec, complement, former)
            self.posted_to(posting, role)
            return
        self.title_person(person, title_text, spec, complement, former)
        self.posted_to(posting, person)
        # The honorifics between the title and the name ("Mayor Jenderal") go with the title,
        # so that a rank that is a title too ("Jenderal") does not take the person again.
        honorifics = range(name_at, honoured) if person.first == honoured else range(0)
        for index in [*range(title_first, title_end), *honorifics]:
            if self.claimed[index] is None:
                self.claimed[index] = person

    def holds_role(self, person: Entity, role: str) -> bool:
        """Whether a known person holds ``role`` on the text's date or held it before."""
        if person.role == role:
            return True
        match = self.kb.person(person.name) if person.name else None
        return match is not None and any(held.role == role for held in match.person.roles)

    def unit_name_end(self, index: int) -> int:
        """"Komandan Markas Pusat <Unit> Iran Mayor Jenderal <name>": capitalised words between
        a title and a state that a military or police rank and a name follow name the unit the
        title heads, not the person; the title goes on to the state (its complement).
        Elsewhere ``index``."""
        end = self.name_run(index)
        state = self.starts.get(end) if end is not None else None
        if state is None or state.entity.kind != "state" or not self.joined(end) \
                or state.last >= len(self.words) or self.words[state.last] not in self.g.ranks \
                or not self.joined(state.last, commas=True):
            return index
        return end if self.names_follow(self.skip_honorifics(state.last)) else index

    def posting_at(self, index: int) -> Found | None:
        """The posting after an envoy's title and state ("Dubes Jepang untuk Indonesia",
        "Duta Besar Rusia untuk PBB"): a state or an organisation after a posting link."""
        if index + 1 >= len(self.words) or not self.joined(index) \
                or self.lowers[index] not in self.g.posting_links:
            return None
        found = self.starts.get(index + 1)
        if found is None or not self.joined(index + 1) \
                or found.entity.kind not in ("state", "organization"):
            return None
        return found

    def posted_to(self, posting: Found | None, holder: Found | None) -> None:
        """The posting is part of its holder's title, not a party of its own: the holder
        acts for the title's state."""
        if posting is not None and holder is not None:
            posting.part_of = holder
            self.starts.pop(posting.first, None)

    def home_state_after(self, complement: Found) -> int:
        """Where a title's complement ends: an institution followed by its state ("MPR RI",
        "Kemlu RI") takes the state in as a part."""
        index = complement.last
        state = self.starts.get(index)
        if complement.entity.kind != "organization" or state is None \
                or state.entity.kind != "state" or not self.joined(index):
            return index
        state.part_of = complement
        del self.starts[index]
        return state.last

    def unknown_acronym(self, index: int) -> bool:
        """An unclaimed acronym right after a title ("juru bicara CENTCOM, <name>"): an
        organisation the knowledge base does not know, part of the title."""
        if index >= len(self.words) or self.claimed[index] is not None or not self.joined(index):
            return False
        text = self.words[index]
        return len(text) >= 2 and text.isalpha() and text.isupper()

    def skip_honorifics(self, index: int) -> int:
        """Skip honorifics written before a name ("Dr M Hidayat", "Prof. Dr. ..."); return
        the token where the name may start."""
        while index < len(self.words) - 1 and self.words[index] in self.g.honorifics \
                and self.gaps[index] in (" ", ". ", "."):
            index += 1
        return index

    def opens_institution(self, index: int) -> bool:
        """Whether an institution's head word ("Biro", "Badan") stands at ``index``: the
        words after a title are then its office, not a name."""
        return index < len(self.words) and self.lowers[index] in self.g.institutions

    # Pass 5: unknown names before a verb of saying

    def speakers(self) -> None:
        """"<Given> <Family> menegaskan ...": a run of two or more name words, unclaimed,
        right before a verb of saying is a person the knowledge base does not know."""
        for verb in self.starting["speech_verbs"]:
            first = verb
            while first > 0 and verb - first < self.g.max_name_words \
                    and self.gaps[first - 1] in NAME_GAPS \
                    and self.claimed[first - 1] is None and self.name_word(first - 1):
                first -= 1
            if verb - first >= 2 and self.name_run(first) == verb and not self.in_headline(first) \
                    and not self.opens_institution(first) and not self.common_word(first):
                self.unknown_person(first, verb)

    def common_word(self, index: int) -> bool:
        """A capitalised word that the same text also writes in lower case ("Kemudian" at a
        sentence's start, "kemudian" elsewhere) is a common word, not a name."""
        return any(self.words[i].islower()
                   for i in self.tokens.positions.get(self.lowers[index], ()))

    def name_word(self, index: int) -> bool:
        """Whether token ``index`` is a capitalised word that can be part of a personal name
        (not "Senin", "Kedua")."""
        word, lower, g = self.words[index], self.lowers[index], self.g
        return (titlecase(word) and word not in g.name_stops
                and lower not in g.function_words and lower not in g.plural)

    def joined(self, index: int, commas: bool = False) -> bool:
        """Whether token ``index`` follows the one before it across a space (or a closing
        bracket, or with ``commas`` a comma)."""
        if index <= 0 or index >= len(self.words):
            return False
        gap = self.gaps[index - 1]
        if gap == " ":
            return True  # most gaps: nothing to strip
        gap = gap.replace(")", "").strip()
        return gap == "" or (commas and gap == ",")

    def in_headline(self, index: int) -> bool:
        """Whether token ``index`` is on a line in title case ("Menlu Jelaskan Kunjungan
        ..."), where every word is capitalised and so no run of capitals is a name."""
        start = self.text.rfind("\n", 0, self.offsets[index]) + 1
        if start not in self.headlines:
            end = self.text.find("\n", start)
            end = len(self.text) if end < 0 else end
            # A line ending as a sentence does is none, whatever its words: they are counted
            # only on the few lines that are not (most lines are paragraphs).
            self.headlines[start] = not self.text[start:end].rstrip().endswith(SENTENCE_ENDS) \
                and self.title_case(start, end)
        return self.headlines[start]

    def title_case(self, start: int, end: int) -> bool:
        """Whether the text from ``start`` to ``end`` has at least HEADLINE_MIN_WORDS words,
        HEADLINE_CAPITALISED of them capitalised."""
        line_words = self.words[bisect_left(self.offsets, start):bisect_left(self.offsets, end)]
        words = list(filter(str.isalpha, line_words))  # in C: lines can be long
        capitalised = sum(map(str.isupper, map(_FIRST, words)))
        return len(words) >= HEADLINE_MIN_WORDS and capitalised >= HEADLINE_CAPITALISED * len(words)

    def names_follow(self, index: int) -> bool:
        """Whether a name starts at token ``index`` (after a space or a comma)."""
        if not self.joined(index, commas=True):
            return False
        named = self.starts.get(index)
        return (named is not None and named.entity.kind == "person") or \
            self.name_run(index) is not None

    def name_run(self, index: int) -> int | None:
        """The end token of a personal name starting at ``index``, or None."""
        if index >= len(self.words) or self.claimed[index] is not None \
                or not self.name_word(index):
            return None
        last, words = index, 0
        while last < len(self.words) and self.claimed[last] is None and last not in self.starts:
            if self.name_word(last):
                words += 1
            elif self.lowers[last] not in self.g.particles:
                break
            last += 1
            if words == self.g.max_name_words or self.gaps[last - 1] not in NAME_GAPS:
                break
        while last > index and self.lowers[last - 1] in self.g.particles \
                and not titlecase(self.words[last - 1]):
            last -= 1
        return last if words else None

    def known_after(self, first: int, last: int) -> Found | None:
        """A known person whose name the knowledge base has only in part: "Oana-Silvia" before
        the known "Toiu" widens that mention to the whole name."""
        known = self.starts.get(last)
        if known is None or known.entity.kind != "person" or known.source != "kb" \
                or self.gaps[last - 1] not in NAME_GAPS:
            return None
        entity = known.entity
        entity.start = self.offsets[first]
        entity.text = self.text[entity.start:entity.end]
        entity.reason = f"{entity.reason}; given names '{self.span(first, last)[2]}' before it"
        del self.starts[known.first]
        known.first = first
        self.starts[first] = known
        for index in range(first, last):
            self.claimed[index] = known
        return known

    def unknown_person(self, first: int, last: int) -> Found:
        """A person named by a title pattern that the knowledge base's scan did not claim: the
        knowledge base is asked for the name as cut by the pattern ("Ferdinand Marcos Jr"
        before a full stop), and only a name it does not know is taken as written."""
        start, end, surface = self.span(first, last)
        known = self.lookup(surface, "person", self.on)
        if known is not None:
            return self.add(Found(_placed(known, start, end), first, last, "kb"))
        return self.add(Found(Entity(start, end, surface, "person", surface), first, last, "title"))

    def apposition(self, title_first: int) -> Found | None:
        """"<name>, <title> ...": the name before a comma, known or not."""
        if title_first == 0 or self.gaps[title_first - 1].strip() != ",":
            return None
        found = self.claimed[title_first - 1]
        if found is not None:
            return found if found.entity.kind == "person" and found.last == title_first else None
        first = title_first - 1
        while first > 0 and self.gaps[first - 1] in NAME_GAPS and \
                self.claimed[first - 1] is None and self.name_word(first - 1):
            first -= 1
        if not self.name_word(first) or title_first - first < 2 \
                or self.name_run(first) != title_first or not self.clause_start(first):
            return None
        return self.unknown_person(first, title_first)

    def clause_start(self, index: int) -> bool:
        """Whether token ``index`` starts a sentence or a quotation, or follows a word that
        introduces a speaker ("kata", "menurut"): where "<name>, <title>" is an apposition and
        not an item of a list."""
        if index == 0:
            return True
        gap = self.gaps[index - 1]
        return any(c in gap for c in SENTENCE_BREAKS) or \
            self.lowers[index - 1] in self.g.apposition_after

    def home_marked(self, first: int, last: int) -> bool:
        """"Pak Presiden", "Presiden kita": the home state's office holder."""
        before = self.words[first - 1] if first > 0 else ""
        after = self.lowers[last] if last < len(self.words) else ""
        return before in self.g.home_before or after in self.g.home_after

    def title_person(self, person: Found, title: str, spec: TitleSpec, complement: Found | None,
                     former: bool) -> None:
        """Give a named person the title's words, and a state where the KB has none."""
        entity = person.entity
        pattern = f"title pattern '{title}'" if title else "title pattern"
        if complement is not None:
            complement.part_of = person
            self.starts.pop(complement.first, None)
        if title:
            entity.title = title
        if person.source == "kb":
            entity.reason = f"{entity.reason}; {pattern}"
            if entity.country is None and complement is not None:
                entity.country = complement.entity.country
            if entity.role is None and not former:
                entity.role = spec.role  # the text's title where the KB knows no role that day
            return
        entity.role = None if former else spec.role
        country, why = self.title_country(spec, complement, former)
        entity.country = country
        entity.reason = f"{pattern}{why}"
        person.basis = pattern
        person.home_default = complement is None and not spec.country and country is not None

    def title_country(self, spec: TitleSpec, complement: Found | None, former: bool
                      ) -> tuple[str | None, str]:
        if complement is not None:
            return complement.entity.country, ""
        if spec.country:
            return spec.country, f"; a title of {spec.country} only"
        if spec.government and not former:
            return (self.g.home_country, f"; government title without a state in Indonesian "
                    f"news: home state {self.g.home_country}")
        return None, ""

    def role_mention(self, first: int, last: int, title: str, spec: TitleSpec,
                     complement: Found | None, former: bool) -> Found | None:
        """A title without a name: "Presiden Iran", "pemimpin AS itu", "ajudan Kremlin"."""
        if former or (complement is None and (not spec.unique or spec.role == "leader"
                                              or not self.words[first][0].isupper())):
            return None  # a bare lower-case title is generic: "bersama kepala negara yang hadir"
        anaphoric = last < len(self.words) and self.gaps[last - 1] == " " \
            and self.lowers[last] in self.g.demonstratives
        if anaphoric:
            last += 1
        start, end, surface = self.span(first, last)
        country = complement.entity.country if complement else spec.country
        how = "role mention" if spec.unique else "anonymous official"
        if complement is None and spec.government and self.home_marked(first, last):
            country, how = self.g.home_country, "role mention of the home state"
        entity = Entity(start, end, surface, "person", None, country, title=title, role=spec.role,
                        reason=f"{how} '{title}'")
        found = Found(entity, first, last, "role", unique=spec.unique, anaphoric=anaphoric,
                      office_of=country or (complement.entity.id if complement else None))
        if complement is not None:
            complement.part_of = found
            self.starts.pop(complement.first, None)
        return self.add(found)

    # Pass 5: the gazetteer

    def gazetteer(self, places: Gazetteer) -> None:
        """Places of the gazetteer, where no other mention reaches outside the place's name or
        covers all of it; a state for pass 2's place names. The longest name wins, as in
        spaCy's EntityRuler: a shorter mention inside the place's name is dropped ("Mexico" in
        "New Mexico", "Istana Kepresidenan", Indonesia's palace, in "Istana Kepresidenan
        Turki"), except an organisation, which stays part of a hand-written venue ("PBB" in
        "Markas PBB")."""
        for found in self.found:
            entity = found.entity
            if found.source == "place" and entity.country is None:
                hit = next((hit for i in range(found.first, found.last)
                            if places.may_start(self.tokens, i)
                            and (hit := places.at(self.text, self.tokens, i, True))
                            and hit.last == found.last), None)
                if hit is not None:
                    _locate(entity, hit.place, f"{entity.reason}; gazetteer")
        taken_until = 0
        # A place name opens with a capital (Gazetteer.at): most starting words have none, and
        # most of the others open no name at their token (Gazetteer.may_start, a look-up or
        # two instead of a call of Gazetteer.at).
        for index in _capitalised(self.tokens, self.starting["places"]):
            if index < taken_until or self.claimed_past(index, places.starts[self.lowers[index]]) \
                    or not places.may_start(self.tokens, index):
                continue
            cued = index > 0 and self.lowers[index - 1] in places.cues
            hit = places.at(self.text, self.tokens, index, cued)
            inner = self.inside(hit.first, hit.last) if hit is not None else None
            if inner is None:
                continue
            shorter = [found for found in inner if found.entity.kind not in PARTS_OF_PLACES]
            if inner != shorter and not hit.place.hand_written:
                continue
            start, end, surface = self.span(hit.first, hit.last)
            entity = Entity(start, end, surface, "place", hit.place.name, hit.place.country,
                            hit.place.id)
            _locate(entity, hit.place, "gazetteer")
            for found in shorter:  # "Mexico" in "New Mexico": the longer name wins
                self.drop(found)
            place = self.add(Found(entity, hit.first, hit.last, "gazetteer"))
            for part in inner:  # "PBB" in "Markas PBB": part of the venue's name
                if part not in shorter:
                    part.part_of = place
                    self.starts.pop(part.first, None)
            taken_until = hit.last

    def drop(self, found: Found) -> None:
        """Forget a mention and its parts (a longer name covering it won and claims its tokens)."""
        self.found = [f for f in self.found if f is not found and f.part_of is not found]
        if self.starts.get(found.first) is found:
            del self.starts[found.first]

    def claimed_past(self, index: int, words: int) -> bool:
        """Whether a mention claiming token ``index`` starts before it or reaches ``words``
        tokens from it: no name of at most ``words`` words starting there can then be taken
        (``inside``), so the gazetteer need not be asked for one."""
        found = self.claimed[index]
        return found is not None and (found.first < index or found.last - index >= words)

    def inside(self, first: int, last: int) -> list[Found] | None:
        """The mentions claiming tokens ``[first, last)``, or None where one reaches outside
        or covers them all (a name as long as the place's keeps its own reading: "Gedung
        Putih" stays the state, "Jakarta" the capital)."""
        inner: list[Found] = []
        for index in range(first, last):
            found = self.claimed[index]
            if found is None or found in inner:
                continue
            if found.first < first or found.last > last or found.last - found.first == last - first:
                return None
            inner.append(found)
        return inner


def _capitalised(tokens: Tokens, indices: list[int]) -> list[int]:
    """The tokens among ``indices`` whose first letter is a capital, picked in C (no bytecode
    per token: most of the tokens that may start a place name are lower-case words)."""
    firsts = map(_FIRST, map(tokens.words.__getitem__, indices))
    return list(compress(indices, map(str.isupper, firsts)))


def _preferred_kind(forms: tuple[SurfaceForm, ...]) -> str:
    """The kind of entry, among those a name stands for, that KIND_ORDER prefers (most names
    stand for one)."""
    if len(forms) == 1:
        return forms[0].kind
    return min(forms, key=lambda f: KIND_RANK.get(f.kind, len(KIND_ORDER))).kind


def _resolve(kb: KnowledgeBase, surface: str, kind: str, on: date | None) -> Entity | None:
    """The entity a name stands for, by the kind of entry the knowledge base matched."""
    end = len(surface)
    if kind == "state":
        match = kb.country(surface)
        if match:
            return Entity(0, end, surface, "state", match.country.name, match.code,
                          reason=f"KB {match.reason}")
    elif kind in ("capital", "seat"):
        match = kb.metonym(surface)
        if match:
            return Entity(0, end, surface, "state", _place_name(kb, surface), match.code,
                          role="metonym", reason=f"KB {match.reason}")
    elif kind in ("organization", "group"):
        match = kb.organization(surface)
        if match:
            return Entity(0, end, surface, match.organization.kind, match.organization.name,
                          id=match.organization.key, reason=f"KB {match.reason}")
    elif kind == "person":
        match = kb.person(surface, on=on)
        if match:
            return Entity(0, end, surface, "person", match.person.name, match.country,
                          match.person.qid, match.title, match.role.role if match.role else None,
                          f"KB {match.reason}")
    elif kind in ("place", "non_actor"):
        place = kb.place(surface)
        return Entity(0, end, surface, "place", place.place.name if place else surface,
                      place.code if place else None, reason="KB place name")
    return None


def _locate(entity: Entity, place: Place, how: str) -> None:
    """Give a place mention the state and coordinates of the place it names."""
    entity.country, entity.lat, entity.lon = place.country, place.lat, place.lon
    entity.reason = f"{how} {place.kind} '{place.name}' of {place.country or 'no state'}"


def _placed(entity: Entity, start: int, end: int) -> Entity:
    """A copy of a resolved (cached) entity at these offsets."""
    placed = Entity.__new__(Entity)  # a shallow copy, as copy.copy makes, without its detour:
    placed.__dict__ = entity.__dict__.copy()  # a copied dict, not one filled key by key
    placed.start, placed.end, placed.refers_to = start, end, []
    return placed


class GlueWords:
    """Where scraping glued two words into one token: a capital after a small letter
    ("baruIran"), and a function word right after a capitalised word of at least three
    letters or an acronym ("Rusiake", "Khameneisebagai", "ASdari").

    Both lie inside one token and need a capital, so whether a token may hold one depends on
    its word alone, and only a word that lower-casing changes may: the words that may are
    remembered across texts, and a text's distinct words with a capital (mostly seen in the
    texts before) are read only where new, instead of testing every token of every text. A
    word that may hold one is read at each of its tokens. (Two patterns run over the
    whole text instead cost twice as much once the memory is warm: the engine tests every
    character, about 60 instructions each.)"""

    def __init__(self, function_words: frozenset[str]):
        self.suffix = _suffix_glue(function_words)
        # The function words by their last letter: a word is compared with the few that end as
        # it does (``endswith`` over all of them costs a comparison each).
        self.endings: dict[str, tuple[str, ...]] = {}
        for word in sorted(function_words):
            self.endings[word[-1]] = self.endings.get(word[-1], ()) + (word,)
        self.seen: set[str] = set()
        self.glued: set[str] = set()

    def points(self, tokens: Tokens) -> list[int]:
        """The glue points of the tokens' text, in order, as offsets into it."""
        # The words with a capital: those that are not their own lower case, the keys of
        # ``positions`` (one set operation in C).
        words = set(tokens.words).difference(tokens.positions)
        # The memory is shared by the threads of one process (the web service's ingest): a
        # full memory is replaced, never cleared under another thread, and a word is glued
        # before it counts as seen.
        seen, glued = self.seen, self.glued
        new = words - seen
        if len(seen) + len(new) > GLUE_WORDS_CACHE:
            seen, glued, new = set(), set(), words
            self.seen, self.glued = seen, glued
        glued.update(filter(self.may_glue, new))
        seen |= new
        text, found = tokens.text, set()
        for word in words & glued:
            inner = [m.start() for m in CAMEL_GLUE.finditer(word)]  # the word's own camel points
            suffixed = self.ends_in_function_word(word)
            capital = "A" <= word[0] <= "Z"
            for index in tokens.positions[word.lower()]:
                if tokens.words[index] != word:
                    continue
                start, end = tokens.starts[index], tokens.ends[index]
                capitals = [start + offset for offset in inner]
                found.update(capitals)
                if suffixed:
                    starts = [start] if capital else []
                    for begin in starts + capitals:
                        # One character past the token, so that the closing \b sees what follows it.
                        match = self.suffix.match(text, begin, end + 1)
                        # a name glued on both sides ("diIsraelserta") starts at a camel point;
                        # there a short ending is more often the name's own ("dilaporkanSaudi")
                        if match and (begin == start or end - match.end(1) >= MIN_SECOND_GLUE):
                            found.add(match.end(1))
        return sorted(found)

    def may_glue(self, word: str) -> bool:
        """Whether a token of this word may hold a glue point (what ``points`` reads). A camel
        point needs a capital after the first letter, which most words lack (``islower``)."""
        return (not word[1:].islower() and CAMEL_GLUE.search(word) is not None) \
            or ("A" <= word[0] <= "Z" and self.ends_in_function_word(word))

    def ends_in_function_word(self, word: str) -> bool:
        """Whether ``word`` ends with one of the function words (or is one)."""
        return word.endswith(self.endings.get(word[-1], ()))


@cache
def _suffix_glue(function_words: frozenset[str]) -> re.Pattern[str]:
    words = "|".join(sorted(function_words, key=len, reverse=True))
    # matched from a token's start or a camel glue point inside it: no opening \b
    return re.compile(rf"([A-Z][^\W\d_]{{{MIN_GLUED_NAME - 1},}}?|[A-Z]{{2,}})(?:{words})\b")


def _of_another_state(person: Found, complement: Found | None) -> bool:
    """Whether a known person acts for another state than the one the title before them names:
    in "dengan Menlu X, <Y's minister> ..." the title is a role mention of its own."""
    if person.source != "kb" or complement is None or complement.entity.kind == "person":
        return False
    return None not in (person.entity.country, complement.entity.country) \
        and person.entity.country != complement.entity.country


def _title_text(words: str) -> str:
    """A title as written, without the abbreviation in brackets ("Perdana Menteri Malaysia")."""
    return " ".join(BRACKETED.sub(" ", words).split())


def _place_name(kb: KnowledgeBase, surface: str) -> str:
    place = kb.place(surface)
    return place.place.name if place else surface
