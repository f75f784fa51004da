"""Party mentions in a sentence and how they group: the raw material of event frames.

An entity that stands for a state (a state name, a capital used as metonym, a ministry, a
person acting for a state) is a party mention. Mentions joined by "dan", commas or a dash
form a group ("Xi dan Trump", "Rusia, Ukraina, dan AS"); the word before a group tells its
role in the clause ("dengan", "terhadap", "di").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from kronik.document import Document, Entity, Party, Span
from kronik.events.lexicon import Lexicon
from kronik.events.syntax import PHRASE_BREAK, WORD, ClauseGrammar

# How far before a mention its introducing word is looked for: past a title and a state name
# ("dengan Presiden Republik Islam Iran Masoud Pezeshkian") but not across the sentence.
PREPOSITION_REACH = 80
# Capitalised title and state words (and a bracketed abbreviation) at the end of a gap.
TITLE_WORDS = re.compile(r"(?:\b[A-Z][\w.-]*\s*|\(\s*[A-Z]+\s*\)\s*)+(?=$)")
# How many common nouns may stand between a party and the preposition that introduces its noun
# phrase ("ke situs militer X", "dengan para pemimpin kawasan X"); more would let a phrase of
# its own ("di tengah laporan pers X") pass for the preposition's.
NOUN_PHRASE_WORDS = 2
DASH = re.compile(r"^\s*[-/–]\s*$")
# A stretch's words and the text between them, split in one pass: the text before the first
# word, then each word followed by the text after it.
WORDS_AND_GAPS = re.compile(f"({WORD.pattern})")
# A bracketed abbreviation right after a name ("Amerika Serikat (AS) dan Iran"): part of it.
# Matched (``match``) where the name ends.
LEADING_ABBREVIATION = re.compile(r"\s*\(\s*[A-Z][\w.-]*\s*\)")
# Entity roles that mark a state's name inside a place name ("Laut China Selatan").
PLACE_NAME_ROLES = frozenset({"in_place_name", "place_name"})


@dataclass
class PartyMention:
    """An entity that stands for one or more parties (plural references expand)."""

    start: int
    end: int
    text: str
    parties: tuple[Party, ...]
    entity_kind: str
    first_person: bool = False


@dataclass
class Group:
    """Coordinated party mentions, with the word that introduces them."""

    mentions: list[PartyMention]
    prep: str | None = None
    consumed: bool = field(default=False)
    # The groups a coordinated phrase was joined from ("ke X serta pangkalan Y"), if any.
    members: list[Group] = field(default_factory=list)
    _parties: tuple[Party, ...] = field(init=False, repr=False, compare=False)
    _countries: tuple[str, ...] = field(init=False, repr=False, compare=False)
    # Where the first mention begins and the last ends: plain fields, since the rules bisect
    # a sentence's groups by them many times per trigger.
    start: int = field(init=False, repr=False, compare=False)
    end: int = field(init=False, repr=False, compare=False)

    def consume(self) -> None:
        """Mark the group (and those it was joined from) as taken by a frame."""
        self.consumed = True
        for member in self.members:
            member.consumed = True

    def __post_init__(self) -> None:
        # Read once: a group's mentions do not change after it is formed.
        self.start, self.end = self.mentions[0].start, self.mentions[-1].end
        seen: list[Party] = []
        for mention in self.mentions:
            for party in mention.parties:
                if party not in seen:
                    seen.append(party)
        self._parties = tuple(seen)
        self._countries = tuple(countries_of(seen))

    @property
    def parties(self) -> list[Party]:
        """The parties of the mentions, each once, in order (a new list: frames own theirs)."""
        return list(self._parties)

    @property
    def countries(self) -> list[str]:
        return list(self._countries)


def countries_of(parties: list[Party]) -> list[str]:
    """The states of some parties, each once, in order of first appearance."""
    found: list[str] = []
    for party in parties:
        if party.country and party.country not in found:
            found.append(party.country)
    return found


def party_of(entity: Entity) -> Party | None:
    """The party an entity stands for, or None when it acts for no state."""
    if not entity.country:
        return None
    kind = entity.kind if entity.kind in ("person", "state", "organization", "group") else "state"
    if kind == "person":
        return Party(entity.name or entity.text, entity.country, "person", entity.title, entity.id)
    return Party(entity.name or entity.text, entity.country, kind, None, entity.id)


def _antecedents(doc: Document, entity: Entity) -> list[Entity]:
    indices = getattr(entity, "refers_to", None) or []
    return [doc.entities[i] for i in indices if 0 <= i < len(doc.entities)]


def mention_of(doc: Document, entity: Entity, lexicon: Lexicon) -> PartyMention | None:
    """The party mention an entity makes, expanding plural references to their antecedents."""
    if entity.role in PLACE_NAME_ROLES or entity.kind == "place" or entity.part_of is not None:
        return None
    first_person = entity.text.lower() in lexicon.first_person
    antecedents = _antecedents(doc, entity)
    if len(antecedents) > 1:
        parties = tuple(p for p in (party_of(a) for a in antecedents) if p)
    else:
        party = party_of(entity)
        parties = (party,) if party else ()
    if not parties and not first_person:
        return None
    return PartyMention(entity.start, entity.end, entity.text, parties, entity.kind, first_person)


def sentence_mentions(doc: Document, sentence: Span, entities: list[Entity],
                      lexicon: Lexicon) -> list[PartyMention]:
    """Party mentions among a sentence's entities (in text order), nested ones dropped."""
    found: list[PartyMention] = []
    for entity in entities:
        if entity.start < sentence.start or entity.end > sentence.end:
            continue
        mention = mention_of(doc, entity, lexicon)
        if mention is None:
            continue
        if found and mention.start < found[-1].end:
            if mention.end - mention.start > found[-1].end - found[-1].start:
                found[-1] = mention
            continue
        found.append(mention)
    return found


def previous_word(text: str, position: int, floor: int, lexicon: Lexicon,
                  grammar: ClauseGrammar, person: bool = True) -> str | None:
    """The word that introduces the noun phrase ending at ``position``, not before ``floor``.

    Determiners and the capitalised title and state words before a name are skipped ("dengan
    Presiden China Xi Jinping"). Where the word before is a common noun, a preposition up to
    ``NOUN_PHRASE_WORDS`` nouns further back (through list openers like "seperti") introduces
    the phrase instead ("terhadap bank-bank Iran": "terhadap"); a place preposition only where
    no noun stands between ("di tengah laporan AS" does not put AS in a place). Only a
    person's name may stand after its title across a comma ("dengan Menlu X, <name>"), and a
    place in a list of places ("di Bandara X, Paris, Prancis"); a state after a comma begins a
    new phrase otherwise ("Selain perjanjian soal FIR, <A-B> menyepakati ...").

    The words within ``PREPOSITION_REACH`` and the text between them come from one split of
    that stretch, as strings: called for every group of a sentence with a trigger, the walk
    reads a few words only, and needs no word's offset.
    """
    start = max(floor, position - PREPOSITION_REACH)
    pieces = WORDS_AND_GAPS.split(text[start:position])
    # words[i] is pieces[2 * i + 1], after the text pieces[:2 * i + 1]; gaps[i]: the text after it
    words, gaps = pieces[1::2], pieces[2::2]
    crossed = False
    while words:
        last = words[-1]
        if not (last[:1].isupper() or last.lower() in lexicon.determiners) or (
                _begins_verb(last, lexicon)
                and _opens_stretch(text[floor:start] + "".join(pieces[:2 * len(words) - 1]))):
            break
        crossed = crossed or _parts_phrases(gaps[len(words) - 1])
        words.pop()
    if words and _parts_phrases(gaps[len(words) - 1]):
        crossed = True
    if crossed and not person and words and words[-1].lower() not in grammar.place_prepositions:
        return None
    if not words:
        return None
    lowered = [w.lower() for w in words]
    nearest = lowered[-1]
    nouns = 0
    index = last = len(words) - 1
    while index >= 0:
        surface, word = words[index], lowered[index]
        if index < last and _parts_phrases(gaps[index]) and not _list_opener_at(lowered, index + 1, grammar):
            break
        opening = _list_opener_at(lowered, index + 1, grammar, ending=True)
        if opening:  # "antara lain": the words of a list opener, read through
            index -= opening
            continue
        if word in grammar.owning_passives and index > 0 and lowered[index - 1] in grammar.relative_pronouns:
            index -= 2  # "ke wilayah yang dikuasai X": the relative belongs to the noun
            continue
        index -= 1
        if lexicon.clause_break.fullmatch(word):
            break
        if word in grammar.prepositions:
            return word if nouns == 0 or word not in lexicon.location_preps else nearest
        if word in grammar.list_openers or word in lexicon.determiners or surface[:1].isupper():
            continue
        nouns += 1
        if nouns > NOUN_PHRASE_WORDS or lexicon.verb.match(word) or word in lexicon.coordinators:
            break
    return nearest


def _parts_phrases(gap: str) -> bool:
    """Whether the text between two words holds punctuation that parts phrases; most such
    gaps are one space, told without a search."""
    return gap != " " and PHRASE_BREAK.search(gap) is not None


def _list_opener_at(lowered: list[str], end: int, grammar: ClauseGrammar, ending: bool = False) -> int:
    """How many words a list opener ("seperti", "antara lain") has that begins at word ``end``
    of the lower-cased words (or, with ``ending``, ends right before it); 0 where none does."""
    if not ending:
        if end < len(lowered) and lowered[end] in grammar.list_openers:
            return 1
        return next((len(p) for p in grammar.list_opener_phrases if tuple(lowered[end:end + len(p)]) == p), 0)
    if end == 0 or lowered[end - 1] not in _last_words(grammar.list_opener_phrases):
        return 0  # most words end no list opener: its phrases go untried
    return next((len(p) for p in grammar.list_opener_phrases
                 if len(p) <= end and tuple(lowered[end - len(p):end]) == p), 0)


@cache
def _last_words(phrases: frozenset[tuple[str, ...]]) -> frozenset[str]:
    """The last word of each phrase."""
    return frozenset(phrase[-1] for phrase in phrases if phrase)


def group_mentions(text: str, mentions: list[PartyMention], floor: int, lexicon: Lexicon,
                   grammar: ClauseGrammar, firms_as_state: bool = False) -> list[Group]:
    """Coordinated runs of mentions, each with the word that introduces it.

    Mentions separated by a comma alone form a list only when a conjunction closes it
    ("Rusia, Ukraina, dan AS"); otherwise the comma parts clauses ("Sebelum menerima X, Y ...").
    A state named as the origin of firms ("perusahaan AS") is left out, unless
    ``firms_as_state``: an act of conflict against a state's firms (a blacklist, a sanction)
    is aimed at that state, but a deal with them is no deal with the state.
    """
    runs: list[list[PartyMention]] = []
    for mention in mentions:
        if not firms_as_state and _of_business(text, mention, floor, lexicon, grammar):
            continue
        if runs and lexicon.joiner.match(_without_titles(text[runs[-1][-1].end:mention.start])):
            runs[-1].append(mention)
        else:
            runs.append([mention])
    groups: list[Group] = []
    for run in runs:
        for part in _split_unclosed_lists(text, run, lexicon):
            # A group's introducing word stands after the group before it.
            start = max(floor, groups[-1].end) if groups else floor
            person = part[0].entity_kind == "person"
            groups.append(Group(part, previous_word(text, part[0].start, start, lexicon, grammar, person)))
    return groups


def _begins_verb(word: str, lexicon: Lexicon) -> bool:
    """Whether a word begins a verb trigger ("Mengunjungi", a headline's "Bertemu"); most
    capitalised words begin none."""
    ranks = lexicon.first_words.get(word.lower())
    return bool(ranks) and any(lexicon.triggers[rank].form == "verb" for rank in ranks)


def _opens_stretch(before: str) -> bool:
    """Whether a word with only ``before`` before it in its stretch (the sentence, or the text
    after the party before) opens that stretch: a capitalised verb trigger there is a verb
    ("Mengunjungi X, ...", a headline's "Y Bertemu X"), not a title before a name."""
    return not before.strip(" \"'“‘")


def _of_business(text: str, mention: PartyMention, floor: int, lexicon: Lexicon,
                 grammar: ClauseGrammar) -> bool:
    """Whether a state mention completes a noun of companies or investors (``business_nouns``):
    "perusahaan AS", "BUMN China", "investor asal Jepang", "perusahaan teknologi Eropa dan AS"
    name firms of a state, not the state. Walking back from the mention, names, coordinators,
    origin nouns and up to ``NOUN_PHRASE_WORDS`` common nouns may stand before the business
    noun; a coordinator after a common noun ("perusahaan X dan pemerintah Y") or a verb or
    preposition ends the phrase, and a comma is crossed only inside a list of names that goes
    on after the mention or was closed by a coordinator ("perusahaan A, B, dan C")."""
    if mention.entity_kind == "person" or mention.first_person:
        return False
    window = max(floor, mention.start - PREPOSITION_REACH)
    if not _may_hold_a_business_noun(text[window:mention.start], grammar) \
            or not grammar.business_words.search(text, window, mention.start):
        return False  # most mentions: no business noun before them to walk back to
    listed = grammar.list_goes_on.match(text, mention.end) is not None
    end = mention.start
    nouns = 0
    for match in reversed(list(WORD.finditer(text, window, mention.start))):
        surface, gap = match.group(0), text[match.end():end]
        word = surface.lower()
        if PHRASE_BREAK.search(gap) and not (gap.strip() == "," and listed and surface[:1].isupper()):
            return False
        if word.split("-")[0] in grammar.business_nouns:
            return True
        if word in lexicon.coordinators:
            if nouns:
                return False
            listed = True
        elif not (surface[:1].isupper() or word in grammar.origin_nouns):
            nouns += 1
            if nouns > NOUN_PHRASE_WORDS or lexicon.verb.match(word) or word in grammar.prepositions:
                return False
        end = match.start()
    return False


def _may_hold_a_business_noun(stretch: str, grammar: ClauseGrammar) -> bool:
    """Whether ``stretch`` may hold a business noun in any case: told by substrings of the
    lower-cased stretch where it and the nouns are ASCII (most texts), some ten times faster
    than searching ``business_words``."""
    nouns = grammar.ascii_business_nouns
    if nouns is None or not stretch.isascii():
        return True
    lowered = stretch.lower()
    return any(noun in lowered for noun in nouns)


def _without_titles(gap: str) -> str:
    """The words between two mentions less the capitalised title and state words before the
    second name ("Erdogan dan Presiden Kenya Ruto"), and a bracketed abbreviation after
    either ("Amerika Serikat (AS) dan Iran").

    Both begin with a capital: a gap without one (most) is returned as it is, unsearched (the
    title pattern tries every position of the gap, some 500 instructions a character)."""
    if gap == gap.lower():
        return gap
    abbreviation = LEADING_ABBREVIATION.match(gap)
    return TITLE_WORDS.sub("", gap[abbreviation.end():] if abbreviation else gap)


def _split_unclosed_lists(text: str, run: list[PartyMention], lexicon: Lexicon) -> list[list[PartyMention]]:
    """A run of mentions is one list up to the join that closes it with a conjunction or a dash
    ("Rusia, Ukraina, dan AS"); a mention after that join by a comma alone begins a phrase of its
    own ("Pertemuan A dan B, Isu C Turut Dibahas"), as does each of a run no conjunction closes."""
    if len(run) == 1:  # most runs: no join to read
        return [[run[0]]]
    joins = [text[a.end:b.start] for a, b in zip(run, run[1:])]
    closing = [k for k, join in enumerate(joins) if lexicon.conjunction.search(join) or DASH.match(join)]
    if not closing:
        return [[mention] for mention in run]
    last = closing[-1] + 2
    return [run[:last]] + [[mention] for mention in run[last:]]


def struck_place(text: str, entities: list[Entity], start: int, end: int, lexicon: Lexicon,
                 grammar: ClauseGrammar) -> Group | None:
    """The named place of a state that an act against a territory reaches, between ``start``
    (the trigger's end) and ``end`` (its clause's end), as a group of one mention.

    Only the first named place counts, and only where the trigger's phrase leads to it: right
    after it past at most ``NOUN_PHRASE_WORDS`` nouns ("menghantam wilayah <Jalur Y>"), or
    through a place or target preposition ("serangan X di <Kota Y>", "atas <Jalur Y>"); a
    verb, another preposition ("dari <Y>": a source) or punctuation in between stops it.
    Capitalised words in between (the attacker's name: "serangan X di Y") are read through.
    """
    place = next((e for e in entities if start <= e.start < end and e.kind == "place"
                  and e.country and e.part_of is None), None)
    if place is None or PHRASE_BREAK.search(text, start, place.start):
        return None
    words = [m.group(0).lower() for m in WORD.finditer(text, start, place.start)
             if not m.group(0)[:1].isupper()]
    while words and words[-1] in lexicon.determiners:
        words.pop()
    nouns = 0
    for word in reversed(words):
        if word in grammar.struck_place_prepositions:
            break
        if word in grammar.prepositions or lexicon.verb.match(word) or word in lexicon.coordinators:
            return None
        nouns += 1
        if nouns > NOUN_PHRASE_WORDS:
            return None
    party = Party(place.name or place.text, place.country, "state", None, place.id)
    return Group([PartyMention(place.start, place.end, place.text, (party,), place.kind)])


def is_location(group: Group, lexicon: Lexicon) -> bool:
    return group.prep in lexicon.location_preps
