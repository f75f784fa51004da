"""Quotes: direct speech in quotation marks and the speaker the text names for it.

A quotation is a stretch between quotation marks of at least ``min_words`` words (shorter quoted
fragments are scare quotes) that carries an attribution: a reporting verb after it ("..., kata
Trump", "..., ujarnya", "..., demikian pernyataan X"), a verb of saying before it ("Xi mengatakan
kepada Trump bahwa "..."", "X menulis:"), "menurut X", or another quotation in the same sentence
that has one. A quotation that stands alone right after another one continues its speaker, one
that stands alone right after a sentence of saying ("X menilai ... . "..."") is that subject's,
and a paragraph that opens a quotation without closing it continues into the next paragraph when
that one opens with a quotation mark.

The speaker comes from the entities inside the attribution: a named person (their canonical
name), an unnamed official ("seorang pejabat senior AS", with the country the article's officials
act for when the description names none), an institution ("militer China"), a name the entity
stage does not know (written in capitals, in apposition after a title: "Kepala Dinas X,
Sartono,"), or for a pronoun ("ujarnya") the last person who was a sentence's subject or named
after a verb of saying since the last quotation, else the last speaker: the chain of speakers
decides who "ia" is, not the entity stage's guess. Every word list and pattern lives in
``lang/id/reporting.yaml`` (``titles.yaml`` gives the words that are no names).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import filterfalse, islice
from operator import attrgetter
from typing import Any

from kronik.document import Document, Entity, Party, Quote
from kronik.pipeline import Stage
from kronik.resources import load_data
from kronik.stages.sentences import character_positions
from kronik.time.grammar import alternation, grouped_alternation
from kronik.tokens import TOKEN as LETTERS_OR_DIGITS
from kronik.tokens import document_tokens

# The most distinct words whose verb test is remembered across documents: the same few
# thousand recur, but names, numbers and typos would grow the memory without end over a long
# live run; past it the memory starts afresh.
VERB_WORDS_CACHE = 65536
# A word of the text: start, end, text.
_Word = tuple[int, int, str]
_SPAN = attrgetter("start", "end")  # an entity's offsets
ACTOR_KINDS = frozenset({"person", "state", "organization", "group"})
# The characters that join two runs of word characters into one word ("AS-China", "Ma'ruf").
JOINERS = frozenset("-'\u2019.")
TOKEN = re.compile(r"\w+(?:[-'\u2019.]\w+)*|[^\w\s]")
WORD = re.compile(r"\w+")
# A stop before a space or the end, or a line break. The class comes first, so that the engine
# skips in C to those characters instead of trying an alternation at every character.
SENTENCE_END = re.compile(r"[.!?\n](?:(?<=\n)|(?=\s|$))")
# How far a speaker's phrase or an attribution clause may reach, in characters.
PHRASE_REACH = 160
CLAUSE_REACH = 240
PRONOUN = "pronoun"
# A word with two capitals or a dot inside is an acronym or a degree ("KPK", "SpPD", "SpRad",
# "Sp.OT"), not part of a person's name ("McDowell", "MacArthur" are).
ACRONYM = re.compile(r"^(?!Mc|Mac)\w*[A-Z]\w*[A-Z]|\w\.\w")
# A sentence's subject has at most this many words of title before it ("Ketua juru runding
# Kolombia"): titles in the real set run to four or five words.
SUBJECT_LEAD_WORDS = 6
# A sentence's subject is looked for before its first few verbs only: the first verb may sit in
# an opening adverbial clause ("Selain menyampaikan kritik, X juga menyampaikan ..."); later
# verbs belong to reported or subordinate clauses. Three covers both openings.
SUBJECT_VERBS = 3
# What stands between a speaker's description and a name in apposition: a comma, perhaps after
# an abbreviation in brackets ("Komisaris Perluasan Uni Eropa (UE), <name>").
APPOSITION_COMMA = re.compile(r"\s*(?:\([^()\n]{1,20}\)\s*)?,\s*")
# How far a speaker's description may run on past a stop word to a name in apposition, in
# characters: a university, an institute and a city ("pakar ... dan kajian strategis
# Universitas X (UX) Kota Y, <name>") take up to about a hundred.
DESCRIPTION_REACH = 120
# At most this many capitalised words after a short name make up its family name where it was
# first written in full ("Reza" -> "Reza Tirtawinata", "Jhon Franky Yanafia Ariandi").
FAMILY_WORDS = 3
WORD_RUN = re.compile(r"[\w'-]+")
FAMILY = re.compile(rf"(?:[ \t]+[A-Z][\w'-]*){{1,{FAMILY_WORDS}}}")
# A reduplicated noun is plural ("negara-negara"): a description with one names people of several
# states.
PLURAL = re.compile(r"\b(\w+)-\1\b", re.I)
# A capitalised word (and a comma) right before a name, or one right after it: the name was
# written in full ("Fakhrian Fawwazki", "Kepala Dinas X, Sartono"). A word before a name is
# looked for this many characters back (longer words are no names).
NAME_BEFORE = re.compile(r"\b[A-Z][\w'.-]*,?[ \t]+$")
NAME_AFTER = re.compile(r"[ \t]+[A-Z]")
NAME_REACH = 60
# An honorific closed by a stop is looked for this many characters back: longer words are no
# honorifics.
HONORIFIC_REACH = 12
# A reported clause between an attribution and its quotation ("X mengatakan bahwa negara itu
# hanya mau "..."): words without quotation marks or sentence ends, up to 150 characters (a
# clause of about twenty words; longer ones are rarely still the same speaker's frame).
CLAUSE = "(?:\\s+[^\"\u201c\u201d\u201e\u00ab\u00bb\\n.!?;]{1,150}?)?"


@dataclass(frozen=True)
class Grammar:
    """The compiled contents of ``reporting.yaml``."""

    min_words: int
    possessive_suffix: str  # "-nya": a capitalised word ending in it ("Hasilnya") is no name
    roles: dict[str, tuple[str, str]]  # mark (one character) -> (family, open|close|either)
    # The marks of ``roles`` that are ASCII: all that an ASCII text (most texts) can hold.
    ascii_marks: str
    after: re.Pattern[str]
    after_subject: re.Pattern[str]
    before: re.Pattern[str]
    # The words that open ``before``'s verbs and phrases, in lower case: a match of it in an
    # ASCII text holds a token that is one of them, or a colon.
    before_words: frozenset[str]
    verb: re.Pattern[str]
    active: re.Pattern[str]
    not_verbs: frozenset[str]
    stops: frozenset[str]
    place_stops: frozenset[str]
    pronouns: frozenset[str]
    relatives: frozenset[str]
    unnamed: re.Pattern[str]
    officials: frozenset[str]
    # The words that begin an official's name, as whole words in any case: where to look for
    # officials (a few words more may match it; each is tested against ``officials``).
    official_heads: re.Pattern[str]
    # Those words in lower case, where all are ASCII (else None): the token index finds them.
    official_head_words: frozenset[str] | None
    institution: re.Pattern[str]
    institution_kinds: dict[str, str]
    determiners: re.Pattern[str]
    anaphors: re.Pattern[str]
    after_verb_before: re.Pattern[str]
    attribution: re.Pattern[str]
    # The first words of ``attribution``'s words and phrases in lower case: a match of it in
    # an ASCII text holds a token that is one of them.
    attribution_words: frozenset[str]
    not_names: frozenset[str]
    # A written statement and the words that lead from it to whoever issued it ("pernyataan
    # bersama yang dikeluarkan oleh "), at a speaker phrase's start.
    statement: re.Pattern[str]
    # Honorifics and ranks written before a name, as written ("dr", "Prof", "Kolonel"): no part
    # of the name a speaker is given.
    honorifics: frozenset[str]
    # Those of at most ``HONORIFIC_REACH`` letters or digits, in lower case: the token index
    # finds them before a stop.
    honorific_keys: frozenset[str]
    openers: frozenset[str]
    saying: frozenset[str]
    adverbs: frozenset[str]
    # Whether a word is a verb (``verb`` and not ``not_verbs``), remembered across documents:
    # the same few thousand words are tested again and again (at most ``VERB_WORDS_CACHE``).
    verb_words: dict[str, bool]


@cache
def grammar(language: str = "id") -> Grammar:
    """Compile the reporting lexicon once per process."""
    data: dict[str, Any] = load_data("reporting", language)
    titles: dict[str, Any] = load_data("titles", language)
    marks = data["marks"]
    roles = {}
    for family in ("double", "single"):
        for role in ("open", "close", "either"):
            for mark in marks[f"{family}_{role}"]:
                roles[mark] = (family, role)
    # The lists searched for at every word (``before``, ``attribution``, ``after_verb_before``)
    # are grouped by first letter: they match what the plain alternation does, and fail faster.
    verbs_after = grouped_alternation(data["verbs_after"])
    verbs_before = grouped_alternation(data["verbs_before"])
    dets = alternation(data["determiners"])
    unnamed = data["unnamed_officials"] + data["unnamed_others"]
    officials = frozenset(w.lower() for w in data["unnamed_officials"])
    lead = r"[ \t,\u2013\u2014-]*"
    return Grammar(
        min_words=int(data["min_words"]),
        possessive_suffix=data["possessive_suffix"],
        roles=roles,
        ascii_marks="".join(filter(str.isascii, roles)),
        after=re.compile(lead + rf"(?:(?P<verb>{verbs_after})(?P<nya>{re.escape(data['possessive_suffix'])})?"
                         rf"|(?P<phrase>{alternation(data['phrases_after'] + data['statement_openers'])}))\b",
                         re.I),
        after_subject=re.compile(lead + r"(?P<np>[^\s,.;:!?]+(?:[ \t]+[^\s,.;:!?]+){0,5}?)[ \t]+"
                                 rf"(?P<verb>{verbs_before})\b", re.I),
        before=re.compile(
            rf"(?:\b(?P<verb>{verbs_before})(?:\s+(?:{alternation(data['addressee'])})\s+"
            r"[^,:;.!?\n]{1,80}?)?|\b(?P<menurut>" + alternation(data["phrases_before"]) +
            r")\s+(?P<np>[^,:;.!?\n]{1,80}?)|\b(?P<inverted>" + verbs_after +
            r")\s+(?P<np2>[^,:;.!?\n]{1,60}?)\s*,|\b(?P<own>" + alternation(data["pronoun_before"]) +
            rf")\b\s*,?{CLAUSE}|(?P<colon>):)\s*,?(?:\s*\b(?:" +
            alternation(data["complementizers"]) + rf")\b{CLAUSE})?\s*[,:]?\s*$", re.I),
        before_words=_first_words(data["verbs_before"] + data["phrases_before"] + data["verbs_after"]
                                  + data["pronoun_before"]),
        verb=re.compile(data["verb_pattern"]),
        active=re.compile(data["active_verb_pattern"]),
        not_verbs=frozenset(data["not_verbs"]),
        stops=frozenset(data["phrase_stops"]),
        place_stops=frozenset(data["place_stops"]),
        pronouns=_speaker_pronouns(data["speaker_pronouns"], load_data("pronouns", language)),
        relatives=frozenset(data["relatives"]),
        unnamed=re.compile(rf"^(?:(?:{dets})\s+)*(?P<noun>{alternation(unnamed)})\b"),
        officials=officials,
        official_heads=_heads(officials),
        official_head_words=_head_words(officials),
        institution=re.compile(rf"^(?:(?:{dets})\s+)*(?P<noun>"
                               rf"{alternation(list(data['institutions']))})\b"),
        institution_kinds={k.lower(): v for k, v in data["institutions"].items()},
        determiners=re.compile(rf"^(?:(?:{dets})\s+)+", re.I),
        anaphors=re.compile(rf"(?:\s+(?:{alternation(data['anaphors'])}))+$", re.I),
        attribution=re.compile(rf",\s*(?:{verbs_after})\b|\b(?:{alternation(data['phrases_before'])})\b",
                               re.I),
        attribution_words=_first_words(data["verbs_after"] + data["phrases_before"]),
        # "yang jelas, X menyebut ...": after a relative pronoun the word is an adjective, not a
        # verb of saying.
        after_verb_before=re.compile("".join(rf"(?<!{re.escape(word)} )" for word in data["relatives"])
                                     + rf"\b(?:{verbs_after}|{grouped_alternation(data['phrases_after'])})"
                                     r"\b[^,.;:!?\n]*,?[^,.;:!?\n]*$", re.I),
        not_names=frozenset(titles["name_stop_words"]) - frozenset(
            titles["honorifics"] + titles["ranks"] + titles["home_markers"]["before"]
            + data["name_honorifics"]),
        statement=re.compile(
            rf"\s*(?:(?:{alternation(data['statement_nouns'])})\b\s*)?"
            rf"(?:(?:{alternation(data['statement_modifiers'])})\b\s*)*"
            rf"(?:(?:{alternation(data['statement_links'])})\b\s*)?", re.I),
        honorifics=frozenset(titles["honorifics"] + titles["ranks"]),
        honorific_keys=frozenset(word.lower() for word in titles["honorifics"] + titles["ranks"]
                                 if len(word) <= HONORIFIC_REACH and LETTERS_OR_DIGITS.fullmatch(word)),
        saying=frozenset(w.lower() for w in data["verbs_before"] + titles["speech_verbs"]),
        openers=frozenset(data["pronoun_before"] + data["phrases_before"] + data["phrase_stops"]),
        adverbs=frozenset(data["subject_adverbs"]),
        verb_words={},
    )


def _first_words(phrases: list[str]) -> frozenset[str]:
    """The first words of ``phrases`` in lower case: where a pattern of them may match in an
    ASCII text, one of its tokens is one of these (``_Reader._lowers``)."""
    return frozenset(phrase.split()[0].lower() for phrase in phrases)


def _speaker_pronouns(entry: dict[str, list[str]], pronouns: dict[str, Any]) -> frozenset[str]:
    """The pronouns that stand for a speaker: the singular ones of ``pronouns.yaml`` with the
    exceptions and additions of ``reporting.yaml``."""
    return frozenset(pronouns["singular"]) - frozenset(entry["except"]) | frozenset(entry["plus"])


@dataclass(frozen=True)
class Span:
    """A quotation found between marks: ``open`` is the opening mark, ``close`` the closing
    mark (or the paragraph's end where the quotation is never closed)."""

    open: int
    close: int
    closed: bool = True


class Quotes(Stage):
    name = "quotes"
    requires = ("text", "sentences", "entities")
    provides = ("quotes",)

    def __call__(self, doc: Document) -> Document:
        g = grammar(doc.language)
        spans = find_spans(doc.text, g)
        # A text without quotation marks has no quotes: what the reader prepares (sentence
        # ends, actors) is not needed.
        doc.quotes = _Reader(doc, g, spans).quotes() if spans else []
        return doc


def _heads(names: Iterable[str]) -> re.Pattern[str]:
    """The first words of ``names`` as whole words in any case (only those that are one word
    of word characters: a word of the text can be no other)."""
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, _head_list(names)))})(?!\w)", re.IGNORECASE)


def _head_words(names: Iterable[str]) -> frozenset[str] | None:
    """The first words of ``names`` in lower case, or None where one is not ASCII."""
    heads = _head_list(names)
    return frozenset(head.lower() for head in heads) if all(map(str.isascii, heads)) else None


def _head_list(names: Iterable[str]) -> list[str]:
    return sorted(head for head in {name.split(" ", 1)[0] for name in names} if WORD.fullmatch(head))


def find_spans(text: str, g: Grammar) -> list[Span]:
    """Pair the quotation marks of ``text``: double marks first, then single marks outside them."""
    double, single = [], []
    for pos in character_positions(text, g.ascii_marks if text.isascii() else g.roles):
        family, role = g.roles[text[pos]]
        role = _role(text, pos, role, family)
        if role:
            (double if family == "double" else single).append((pos, role))
    spans = _pair(text, double, nesting=True)
    closed = [s for s in spans if s.closed]
    outside = [(pos, role) for pos, role in single if not _inside(closed, pos)]
    return sorted(spans + [s for s in _pair(text, outside, nesting=False) if s.closed],
                  key=lambda s: s.open)


def _sentence_ends(text: str) -> list[int]:
    """Where ``SENTENCE_END`` matches in ``text``: a line break, or a stop before a space or
    the end."""
    last = len(text) - 1
    return [at for at in character_positions(text, ".!?\n")
            if at == last or text[at + 1].isspace() or text[at] == "\n"]


def _role(text: str, pos: int, role: str, family: str) -> str | None:
    """What a mark does where it stands: open, close, either, or nothing (an apostrophe)."""
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    if family == "single" and before.isalnum() and after.isalnum():
        return None
    if role != "either":
        return role
    if before.isspace() or before in "([{/\u2013\u2014-":
        if after.isalnum() or after in "([{":
            return "open" if family == "double" or after.isalnum() else None
        return "either" if family == "double" else None
    if after.isalnum():
        return "either" if family == "double" else None
    return "close"


def _pair(text: str, marks: list[tuple[int, str]], *, nesting: bool) -> list[Span]:
    """Match opening and closing marks. A quotation left open at a paragraph's end continues when
    the next paragraph opens with a mark; otherwise it is kept, unclosed, up to the end of its first
    sentence (``_unclosed_end``) when no other mark stands there, and the quotations closed after
    it stand alone."""
    spans: list[Span] = []
    stack: list[int] = []
    inner: list[Span] = []  # quotations closed inside the outermost open one

    def give_up() -> None:
        end = _unclosed_end(text, stack[0])
        if all(end < pos for pos in stack[1:] + [s.open for s in inner]):
            spans.append(Span(stack[0], end, closed=False))
        spans.extend(inner)
        stack.clear()
        inner.clear()

    last = 0  # the last mark that belongs to the open quotation
    for pos, role in marks:
        if stack and text.find("\n", last, pos) >= 0:
            if len(stack) == 1 and role != "close" and _opens_paragraph(text, pos):
                last = pos
                continue
            give_up()
        last = pos
        if not stack:
            if role != "close":
                stack.append(pos)
        elif role == "open" and nesting:
            stack.append(pos)
        elif role == "open":
            stack[:] = [pos]
        else:
            start = stack.pop()
            if stack:
                inner.append(Span(start, pos))
            else:
                spans.append(Span(start, pos))
                inner.clear()
    if stack:
        give_up()
    return spans


def _opens_paragraph(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    return not text[line_start:pos].strip()


def _unclosed_end(text: str, pos: int) -> int:
    """Where a quotation never closed is taken to end: at the end of its first sentence, so that
    a missing mark costs one sentence rather than the rest of the article."""
    match = SENTENCE_END.search(text, pos + 1)
    end = len(text) if match is None else match.start() + (match.group() != "\n")
    while end > pos and text[end - 1].isspace():
        end -= 1
    return end


def _inside(spans: list[Span], pos: int) -> bool:
    return any(s.open < pos < s.close for s in spans)


class _Reader:
    """Finds the quotations of one document and resolves their speakers."""

    def __init__(self, doc: Document, g: Grammar, spans: list[Span] | None = None):
        """``spans``: the quotations of ``find_spans``, where the caller has them already."""
        self.doc, self.text, self.g = doc, doc.text, g
        self.tokens = document_tokens(doc)
        # Where the text holds no "_", a word of ``TOKEN`` is a run of tokens joined by single
        # ``JOINERS`` (see ``_token_words``); "_" is a word character to ``TOKEN`` but no token's.
        self._tokens_make_words = "_" not in self.text
        # The screens of the attribution patterns hold only in an ASCII text (``_may_attribute``).
        self._ascii = self.text.isascii()
        self.spans = find_spans(self.text, g) if spans is None else spans
        self.closed = [s for s in self.spans if s.closed]
        self._closed_opens = [s.open for s in self.closed]
        honorific_stops = self._honorific_stops()
        self.boundaries = sorted([end for end in self._unquoted(_sentence_ends(self.text))
                                  if end not in honorific_stops] + self._closing_ends())
        self._sentence_of = [self._next_boundary(s.close) if s.closed else None for s in self.spans]
        self.entities = sorted((e for e in doc.entities if e.kind in ACTOR_KINDS),
                               key=_SPAN)
        self._starts = [e.start for e in self.entities]
        self._longest = max((e.end - e.start for e in self.entities), default=0)
        self._officials: list[tuple[int, int]] | None = None
        self._written_words: frozenset[str] | None = None  # every "\\w" run, where one holds "_"
        self._things: tuple[list[tuple[int, int]], list[int], int] | None = None
        # The opening noun phrases of clause parts (``_part_subject``), by part and colon.
        self._parts: dict[tuple[int, int, bool], tuple[Party | str | None, bool, bool] | None] = {}
        self.last_speaker: Party | None = None
        # Where the text after the last speaker's quotation and the rest of its sentence begins:
        # the chain of speakers (``_pronoun``) is read from there.
        self.since_last = 0

    # -- the document ---------------------------------------------------------------------

    def quotes(self) -> list[Quote]:
        """Every attributed quotation of six or more words, in the order of the text."""
        found: list[Quote] = []
        own: dict[int, Party | None] = {}
        previous: tuple[Span, Party] | None = None
        for index, span in enumerate(self.spans):
            speaker = self._own(index, own)
            if speaker is None:
                speaker = self._from_sentence(index, own)
            if speaker is None and previous is not None and self._continues(previous[0], span):
                speaker = previous[1]
            if speaker is None:
                speaker = self._announced(span)
            if speaker is None:
                continue
            quote = self._quote(span, speaker)
            if quote is not None:
                found.append(quote)
            # A short quoted fragment is no quote, but its speaker is still the last one named.
            previous = (span, speaker)
            self.last_speaker = speaker
            self.since_last = self._next_boundary(span.close) + 1 if span.closed else span.close
        return found

    def _quote(self, span: Span, speaker: Party) -> Quote | None:
        start, end = span.open + 1, span.close
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and (self.text[end - 1].isspace() or self.text[end - 1] == ","):
            end -= 1
        if not self._holds_words(start, end, self.g.min_words):
            return None
        return Quote(start, end, self.text[start:end], speaker)

    def _holds_words(self, a: int, b: int, count: int) -> bool:
        """Whether ``[a, b)`` holds ``count`` words or more (those of ``_all_words``): at once
        where its first ``count`` tokens are joined by none of ``JOINERS`` (most quotations),
        else counted up to ``count`` only, since a long quotation's other words do not matter."""
        cut = self._token_range(a, b)
        if cut is not None and cut[1] - cut[0] >= count \
                and JOINERS.isdisjoint(self.tokens.gaps[cut[0]:cut[0] + count - 1]):
            return True
        return len(list(islice(self._all_words(a, b), count))) == count

    def _own(self, index: int, cache: dict[int, Party | None]) -> Party | None:
        """The speaker a quotation's own attribution names, after it or before it."""
        if index not in cache:
            span = self.spans[index]
            found = self._after(span) if span.closed else None
            cache[index] = found if found is not None else self._before(span)
        return cache[index]

    def _from_sentence(self, index: int, cache: dict[int, Party | None]) -> Party | None:
        """The speaker of another quotation of the same sentence ("X "..." untuk "...", kata Y")."""
        sentence = self._sentence_of[index]
        if sentence is None:
            return None
        nearest = sorted((i for i, other in enumerate(self._sentence_of)
                          if other == sentence and i != index), key=lambda i: abs(i - index))
        for other in nearest:
            speaker = self._own(other, cache)
            if speaker is not None:
                return speaker
        return None

    def _continues(self, previous: Span, span: Span) -> bool:
        """A quotation standing alone right after the sentence of the previous one continues it."""
        if not span.closed:
            return False
        gap = self.text[self._next_boundary(previous.close - 1) + 1:span.open]
        tail = self.text[span.close + 1:self._next_boundary(span.close - 1)]
        return not gap.strip() and not LETTERS_OR_DIGITS.search(tail)

    def _announced(self, span: Span) -> Party | None:
        """The speaker of a quotation that is a sentence of its own right after a sentence whose
        subject says or judges something ("Namun, analis itu menilai ... . "..."" ): that subject,
        or for a pronoun or a description that points back ("analis itu") whom it stands for."""
        start = self._previous_boundary(span.open)
        tail = self.text[span.close + 1:self._next_boundary(span.close - 1)]
        if not span.closed or start == 0 or self.text[start:span.open].strip() \
                or LETTERS_OR_DIGITS.search(tail):
            return None
        before = self._previous_boundary(start - 1)
        while 0 < before and not self.text[before:start].strip():  # blank lines between
            start, before = before, self._previous_boundary(before - 1)
        if self._quoted(before) or bisect_left(self._closed_opens, before) != bisect_left(
                self._closed_opens, start):
            return None
        verbs = self._first_verbs(before, start)
        for verb_start, _, verb in verbs:
            if verb.lower() not in self.g.saying:
                continue
            party = self._subject(before, verb_start, colon=False)
            if isinstance(party, Party) and _unnamed(party) and self._points_back(before, verb_start):
                party = PRONOUN
            return self._settle(party, span.open) if isinstance(party, (Party, str)) else None
        return None

    def _points_back(self, a: int, b: int) -> bool:
        """Whether the subject before a verb at ``b`` ends in an anaphor ("menteri itu (tetap)
        menilai"): a description of someone named before."""
        words = [w for _, _, w in self._words(a, b) if w.lower() not in self.g.adverbs]
        return bool(self.g.anaphors.search(" " + " ".join(words)))

    # -- attributions ---------------------------------------------------------------------

    def _after(self, span: Span) -> Party | None:
        """ "...," kata X / ujarnya / demikian pernyataan X / "...," X menambahkan."""
        start = span.close + 1
        limit = min(self._next_boundary(span.close) + 1, start + CLAUSE_REACH)
        match = self.g.after.match(self.text, start, limit)
        if match:
            if match.group("nya"):
                return self._pronoun(span.open)
            return self._phrase_party(match.end(), limit)
        match = self.g.after_subject.match(self.text, start, limit)
        if match and (match.group("np")[0].isupper() or match.group("np").lower() in self.g.pronouns):
            party = self._party(match.start("np"), match.end("np"))
            return self._settle(party, span.open)
        return None

    def _before(self, span: Span) -> Party | None:
        """X mengatakan (kepada Y) (bahwa) "..." / X menulis: "..." / Menurut X, "..." """
        clause = max(self._previous_boundary(span.open), span.open - CLAUSE_REACH)
        if not self._may_introduce(clause, span.open):
            return None  # most clauses: the pattern is not tried at each of their characters
        match = self.g.before.search(self.text, clause, span.open)
        if not match:
            return None
        if match.group("own"):
            return self._pronoun(span.open)
        if match.group("menurut"):
            party = self._party(*self._phrase(match.start("np"), match.end("np")))
        elif match.group("inverted"):
            party = self._phrase_party(match.start("np2"), match.end("np2"))
        else:
            end = match.start("verb") if match.group("verb") else match.start("colon")
            party = self._subject(clause, end, colon=match.group("colon") is not None)
        return self._settle(party, span.open)

    def _phrase_party(self, start: int, limit: int) -> Party | None:
        """The speaker named after a reporting verb, with a named apposition after a comma
        ("kata juru bicara NATO, Allison Hart", "kata Komisaris Uni Eropa, <name>"). A
        description that goes on past the words the phrase stops at ("kata pakar politik dan
        kajian strategis Universitas X, <name> kepada ...") reaches its apposition over words
        without a verb, up to ``DESCRIPTION_REACH`` characters. A statement is its issuer's
        ("demikian pernyataan bersama X", "tulis keterangan resmi X")."""
        a, b = self._phrase(self._past_statement(start, limit), limit)
        party = self._party(a, b)
        if not self._named_persons(a, b):
            named = self._apposition(b, limit)
            if named is None and isinstance(party, Party) and _unnamed(party):
                comma = self.text.find(",", b, min(limit, b + DESCRIPTION_REACH))
                if comma > b and not any(self._is_verb(w) for _, _, w in self._words(b, comma)):
                    named = self._apposition(comma, limit)
            party = named or party
        return self._settle(party, start)

    def _past_statement(self, start: int, limit: int) -> int:
        """Where the issuer of a statement named at ``start`` begins ("pernyataan resmi X",
        "bersama yang dikeluarkan oleh X" after "demikian pernyataan"), or ``start``."""
        match = self.g.statement.match(self.text, start, limit)
        return match.end() if match.group().strip() else start

    def _apposition(self, end: int, limit: int) -> Party | None:
        """A person named after a comma that follows a speaker's description (and its
        abbreviation in brackets): a recognised person, after at most capitalised words (a rank),
        or a run of capitalised words. One word is a name too ("kata Kepala Dinas X, Sartono,")
        unless it is a day, a month or a function word, or a place, state or time the text names."""
        comma = APPOSITION_COMMA.match(self.text, end, limit)
        if not comma:
            return None
        c, d = self._phrase(comma.end(), limit)
        after = TOKEN.search(self.text, d, limit)
        if after is not None and self._is_verb(after.group()) and self.g.active.match(after.group()):
            return None  # the subject of the next clause ("Menurut X, Y menjadi ...")
        named = self._named_persons(c, d)
        if named and all(w[:1].isupper() for w in self.text[c:named[0].start].split()):
            return self._person(named[-1])
        words = self.text[c:d].split()
        if not words or not all(w[:1].isupper() and w.replace("'", "").isalpha() for w in words):
            return None
        if len(words) >= 2 and not self._actors(c, d):
            return Party(" ".join(words), None, "person")
        if len(words) == 1 and words[0] not in self.g.not_names and not self._named_thing(c, d):
            return Party(words[0], None, "person")
        return None

    def _named_thing(self, a: int, b: int) -> bool:
        """Whether ``[a, b)`` overlaps an entity of any kind or a time expression."""
        if self._things is None:
            spans = sorted((x.start, x.end) for x in [*self.doc.entities, *self.doc.time_expressions])
            self._things = (spans, [start for start, _ in spans],
                            max((end - start for start, end in spans), default=0))
        spans, starts, longest = self._things
        return any(end > a for _, end in spans[bisect_left(starts, a - longest):bisect_left(starts, b)])

    def _settle(self, party: Party | str | None, pos: int) -> Party | None:
        return self._pronoun(pos) if party == PRONOUN else party

    def _pronoun(self, pos: int) -> Party | None:
        """Who a pronoun speaker stands for: the last person who was a sentence's subject, or
        was named as a speaker ("kata X"), since the last speaker's quotation; else the last
        speaker, else the last person named. Sentences are read from the last one back, and the
        first that names someone decides: each from one past the sentence end before it (or
        ``since_last``) to the next (or ``pos``). A stretch of white space names nobody: the
        space between a sentence's end and a quotation that opens the next one, or nothing
        between a boundary and one right after it (".\\n")."""
        ends = self.boundaries[bisect_left(self.boundaries, self.since_last):
                               bisect_left(self.boundaries, pos)]
        starts = [self.since_last] + [end + 1 for end in ends]
        for start, end in zip(reversed(starts), reversed(ends + [pos])):
            found = self._speakers_in(start, end) if self.text[start:end].strip() else None
            if found:
                return max(found, key=lambda item: item[0])[1]
        if self.last_speaker is not None:
            return self.last_speaker
        persons = [e for e in self._actors(0, pos) if e.kind == "person" and e.name]
        return self._person(persons[-1]) if persons else None

    def _speakers_in(self, start: int, end: int) -> list[tuple[int, Party]]:
        """The persons in the sentence ``[start, end)`` who opened it, were its subject or were
        named after a verb of saying, with where they stand. The subject is read before the
        sentence's first verbs, so that a name the recogniser does not know ("<title>, <Name>,
        menegaskan") or one after a mislabelled title counts too; a sentence with an attribution
        of its own ("Sebab, kata X, Y tidak ...") is X's words, not Y's. Pronoun mentions are
        left out: who "ia" is, is what this chain of speakers decides."""
        actors = self._actors(start, end)
        found = [(e.start, self._person(e)) for e in actors
                 if e.kind == "person" and e.name and e.start >= start
                 and e.text.lower() not in self.g.pronouns
                 and (self._opens_sentence(e) or self._named_as_speaker(e))]
        lowers = self._lowers(start, end)
        attributed = self._attributions(start, end, lowers)
        if attributed:
            return found + attributed
        subject = self._sentence_subject(start, end, self._named_among(actors), lowers)
        return found + [subject] if subject is not None else found

    def _sentence_subject(self, start: int, end: int, named: list[Entity],
                          lowers: list[str] | None) -> tuple[int, Party] | None:
        """The person a sentence is about, with where its verb stands: the subject before one of
        its first verbs. A person the entity stage knows may do anything; a name it does not know
        or an unnamed person must say something ("X menegaskan"), since people talked about
        ("X tidak menunjukkan identitas") are as often the subject as the next speaker. None
        where the subject is a pronoun (it points back), a description that refers back
        ("pejabat itu") or no person. ``named``: the named persons of the sentence; ``lowers``:
        its words (``_lowers``)."""
        if self._quoted(start):
            return None
        if not (named or _may_hold(lowers, self.g.saying)):
            return None  # no verb may take a subject (see below)
        verbs = self._first_verbs(start, end)
        # A verb that is not one of saying takes a subject only after a named person: past the
        # last verb that may take one, the sentence has none, and no subject is read there.
        takes = [verb.lower() in self.g.saying or (bool(named) and named[0].start < verb_start)
                 for verb_start, _, verb in verbs]
        while takes and not takes[-1]:
            takes.pop()
        for (verb_start, _, verb), may_take in zip(verbs, takes):
            party = self._subject(start, verb_start, colon=False)
            if party == PRONOUN:
                return None
            if not isinstance(party, Party) or party.kind != "person":
                continue
            if not may_take:
                return None
            if _unnamed(party) and self._points_back(start, verb_start):
                return None
            return verb_start, party
        return None

    def _subject(self, clause: int, end: int, *, colon: bool) -> Party | str | None:
        """The subject before a verb of saying: walk back over the comma-separated parts of the
        clause and take the noun phrase that opens the nearest part that has one. Adverbs between
        the subject and its verb ("X juga mengatakan") are not part of it. A part that opens with
        a lowercase word is a description in apposition ("<Name>, analis ..., menduga"): a name
        in an earlier part wins over it."""
        pos = end
        described: Party | str | None = None
        while pos > clause:
            comma = self.text.rfind(",", clause, pos)
            while comma >= 0 and self._quoted(comma):
                comma = self.text.rfind(",", clause, comma)
            part = max(comma + 1, clause)
            opening = self._part_subject(part, pos, colon)
            if opening is not None:
                party, whole, capitalised = opening
                # Past a description, only a part that is a name and nothing else is the
                # name it stands in apposition to ("Tepat sebelum X, seorang karyawan ...").
                apposed = described is None or whole
                if party == PRONOUN or (party is not None and not _unnamed(party) and apposed
                                        and (capitalised or part == clause)):
                    return party
                # "<name>, pakar ..., mengatakan": the description is in apposition to a
                # name before it; keep looking back for the name.
                described = described or party
            pos = part - 1
        return described

    def _part_subject(self, a: int, b: int, colon: bool) -> tuple[Party | str | None, bool, bool] | None:
        """The noun phrase that opens the part ``[a, b)`` of a clause (up to a verb or a stop
        word, without the adverbs before the verb) read as a speaker, whether it is the whole
        part and whether it is capitalised; None where the part opens with no noun (a relative
        word or a verb). Remembered for the document: the verbs of a sentence share the parts
        before them, and each verb's subject is looked for back over them."""
        key = (a, b, colon)
        if key not in self._parts:
            self._parts[key] = self._read_part(a, b, colon)
        return self._parts[key]

    def _read_part(self, a: int, b: int, colon: bool) -> tuple[Party | str | None, bool, bool] | None:
        tokens = self._words(a, b)
        if not tokens or tokens[0][2].lower() in self.g.relatives or self._is_verb(tokens[0][2]):
            return None
        cut = next((i for i, (_, _, w) in enumerate(tokens) if i and self._breaks(w, colon)),
                   len(tokens))
        while cut > 1 and tokens[cut - 1][2].lower() in self.g.adverbs:
            cut -= 1
        party = self._party(tokens[0][0], tokens[cut - 1][1], written=not colon, leading=True)
        return party, cut == len(tokens), tokens[0][2][0].isupper()

    # -- speakers -------------------------------------------------------------------------

    def _phrase(self, start: int, limit: int, *, description: bool = False) -> tuple[int, int]:
        """The speaker's phrase from ``start``: words up to a stop word, a verb or punctuation.
        Place words end a named speaker's phrase but not an unnamed one's description."""
        tokens = []
        for match in TOKEN.finditer(self.text, start, min(limit, start + PHRASE_REACH)):
            word = match.group()
            if word == "." and tokens and tokens[-1][2] in self.g.honorifics:
                continue  # "dr. Aru", "Prof. Budi"
            # Stop words are lowercase: a capitalised one belongs to a name ("Dan Shugar").
            if not word[0].isalnum() or self._is_verb(word) or word in self.g.stops:
                break
            tokens.append((match.start(), match.end(), word))
        if not tokens:
            return start, start
        if not description and not self.g.unnamed.match(self.text[tokens[0][0]:tokens[-1][1]].lower()):
            cut = next((i for i, t in enumerate(tokens) if i and t[2].lower() in self.g.place_stops),
                       len(tokens))
            tokens = tokens[:cut]
        return tokens[0][0], tokens[-1][1]

    def _party(self, a: int, b: int, *, written: bool = True,
               leading: bool = False) -> Party | str | None:
        """Resolve a speaker's phrase: a pronoun, a named person, an unnamed person described,
        an institution or state, or (``written``, with no entity to go by) a name written in
        capitals. A colon follows labels as often as speakers ("Baca Juga:"), so a subject before
        a colon needs an entity."""
        if b <= a:
            return None
        words = self.text[a:b]
        lower = words.lower()
        # A pronoun is resolved by the chain of speakers (``_pronoun``), not by the entity
        # stage's guess for it, which knows nothing of who spoke last.
        if lower.split()[0] in self.g.pronouns:
            return PRONOUN
        actors = self._actors(a, b)
        named = self._named_among(actors)
        if named:
            return self._person(named[-1])
        country = next((e.country for e in actors if e.country), None)
        description = self.g.unnamed.match(lower)
        if description:
            if PLURAL.search(words):
                # "para menteri negara-negara tersebut": people of several states, none of them.
                country = None
            elif country is None and description.group("noun") in self.g.officials:
                country = self._context_country(a)
            return Party(None, country, "person", self._title(a, b, actors))
        institution = self.g.institution.match(lower)
        if actors:
            first = a if institution else actors[0].start
            name = self.text[first:max(e.end for e in actors)]
            kind = (self.g.institution_kinds[institution.group("noun")] if institution
                    else actors[0].kind)
            only = actors[0] if len(actors) == 1 and name == actors[0].text else None
            return Party(name, country, kind, None, only.id if only else None)
        if institution:
            return Party(words, None, self.g.institution_kinds[institution.group("noun")])
        a = self._past_honorifics(a, b)
        words = self.text[a:b]
        if written and a < b and self._written_name(a, b, leading=leading):
            if all(ACRONYM.search(word) for word in words.split()):
                return Party(words, None, "organization")
            return Party(self._full_name(" ".join(words.split()), a), None, "person")
        return None

    def _past_honorifics(self, a: int, b: int) -> int:
        """Where a name written after honorifics or ranks begins ("dr. Aru", "dr Aru", "Prof Dr
        Budi"): they are no part of it, and a lowercase one ("dr") would bar it as a name."""
        for match in TOKEN.finditer(self.text, a, b):
            word = match.group()
            if word != "." and word not in self.g.honorifics:
                return match.start()
        return b

    def _written_name(self, a: int, b: int, *, leading: bool) -> bool:
        """Whether ``[a, b)`` reads as a name the recogniser did not know: capitalised words
        that do not open with a place or time the text has tagged. A ``leading`` phrase (a
        clause's subject, not a speaker after "kata") may also be a word that opens sentences
        ("Selain", "Menurutnya", "Lalu") or a common noun capitalised at the start: its first
        word must be neither such a word nor one the article writes in lowercase ("Pelaku"), and
        one word alone must have been introduced as a name (``_introduced``)."""
        words = self.text[a:b].split()
        first = WORD.match(self.text, a)
        if not words or first is None:
            return False
        if leading and (words[0] in self.g.not_names or words[0].lower() in self.g.openers
                        or self._written_lowercase(words[0])
                        or (len(words) == 1 and not self._introduced(words[0], b))):
            return False
        return (all(word[:1].isupper() and not word.endswith(self.g.possessive_suffix) for word in words)
                and not self._named_thing(first.start(), first.end()))

    def _full_name(self, name: str, pos: int) -> str:
        """A name written short ("Reza", "Jhon Franky") with the capitalised words that followed
        it where the text first wrote it before ``pos`` ("Muhammad Reza Tirtawinata" gives "Reza
        Tirtawinata"): the family name that later mentions leave out. Days, months and tagged
        places or times after it are not part of it, nor are common words a title capitalises
        ("Dani Peneliti ..."), nor degrees or upper-case words that end it ("SpPD", "PhD",
        "TRIBUNNEWS"; "MV" before a family name is an initial), nor is the headline, which
        capitalises every word ("Dedi Mulyadi Tantang ...")."""
        body = self.text.find("\n") + 1
        match = self._family_after(name, body, max(body, pos))
        if match is None:
            return name
        family: list[str] = []
        initials: list[str] = []  # upper-case words: initials before a family name ("MV")
        for word in WORD_RUN.finditer(self.text, match.start(), match.end()):
            if word.group() in self.g.not_names or self._written_lowercase(word.group()) \
                    or self._named_thing(word.start(), word.end()):
                break
            if ACRONYM.search(word.group()):
                if not word.group().isupper():
                    break  # a degree after the name ("SpPD", "PhD")
                initials.append(word.group())
                continue
            family += initials + [word.group()]
            initials = []
        return " ".join([name] + family)

    def _written_lowercase(self, word: str) -> bool:
        """Whether the article writes ``word`` in lowercase somewhere: a common word, never a
        name. The token index finds the places of the word in any case; where a word holds
        "_", tokens are not the text's "\\w" runs, and the set of those is read instead."""
        lower = word.lower()
        if "_" in self.text:
            if self._written_words is None:
                self._written_words = frozenset(WORD.findall(self.text))
            return lower in self._written_words
        tokens = self.tokens
        return any(tokens.words[i] == lower for i in tokens.positions.get(lower, ()))

    def _introduced(self, word: str, end: int) -> bool:
        """Whether a single capitalised word was written as a name before ``end``: inside a run
        of capitalised words ("Fakhrian Fawwazki") or after a description and a comma
        ("Kepala Dinas X, Sartono"). A word only ever seen opening sentences ("Polisi",
        "Senada") is not."""
        at = self.text.find(word, 0, end)
        while at >= 0:
            after = at + len(word)
            starts_word = at == 0 or not WORD.match(self.text, at - 1)
            ends_word = after == end or not WORD.match(self.text, after)
            if (ends_word and NAME_BEFORE.search(self.text, max(0, at - NAME_REACH), at)) \
                    or (starts_word and NAME_AFTER.match(self.text, after, end)):
                return True
            at = self.text.find(word, at + 1, end)
        return False

    def _title(self, a: int, b: int, actors: list[Entity]) -> str | None:
        """An unnamed speaker's title: the description without determiners, states or anaphors."""
        pieces, pos = [], a
        for e in actors:
            if e.kind != "person":
                pieces.append(self.text[pos:max(pos, e.start)])
                pos = max(pos, e.end)
        pieces.append(self.text[pos:b])
        title = " ".join(" ".join(pieces).split())
        title = self.g.anaphors.sub("", self.g.determiners.sub("", title)).strip()
        return title or None

    def _person(self, entity: Entity) -> Party:
        """A person's party; a bare surname the entity stage left unnamed takes the name of the
        person named before whose name ends with it."""
        if entity.name is None:
            last = entity.text.split()[-1].lower()
            earlier = [e for e in self._actors(0, entity.start) if e.kind == "person" and e.name
                       and last in e.name.lower().split()]
            if earlier:
                entity = earlier[-1]
        return Party(entity.name or entity.text, entity.country, "person", entity.title, entity.id)

    def _context_country(self, pos: int) -> str | None:
        """The country of the nearest unnamed officials described before ``pos`` ("para pejabat
        AS"); a title before a name ("Menteri Luar Negeri China Wang Yi") or a description with a
        name in apposition ("diplomat asal Ekuador, Vayas,") describes nobody unnamed."""
        if self._officials is None:
            self._officials = self._find_officials()
        for start, end in reversed(self._officials[:bisect_left(self._officials, (pos, pos))]):
            a, b = self._phrase(end, pos, description=True)
            if b <= a or self._quoted(start) or self._named_persons(start, b) \
                    or self._apposition(b, pos) is not None:
                continue
            country = next((e.country for e in self._actors(a, b) if e.country), None)
            if country:
                return country
        return None

    def _find_officials(self) -> list[tuple[int, int]]:
        """Where the text names unnamed officials (one or two words: "pejabat", "juru bicara")."""
        found = []
        for (start, end, word), following in self._official_heads():
            if following and f"{word} {following[2]}".lower() in self.g.officials:
                found.append((start, following[1]))
            elif word.lower() in self.g.officials:
                found.append((start, end))
        return found

    def _official_heads(self) -> Iterator[tuple[_Word, _Word | None]]:
        """The words that may begin an official's name (``Grammar.official_heads``), each with
        the word after it. They are looked up in the document's token index: an ASCII token
        matches a head in any case exactly when its lower case is one, any other token is
        tested against the pattern ("K", the Kelvin sign, matches "k"). The pattern reads the
        text itself where tokens are not its "\\w" runs (a word with "_") or a head is not ASCII."""
        if "_" in self.text or self.g.official_head_words is None:
            for word in self.g.official_heads.finditer(self.text):
                following = WORD.search(self.text, word.end())
                yield _word(word), _word(following) if following else None
            return
        tokens, heads = self.tokens, self.g.official_heads
        keys = tokens.positions.keys()
        candidates = (keys & self.g.official_head_words).union(filterfalse(str.isascii, keys))
        starts, ends, words = tokens.starts, tokens.ends, tokens.words
        for i in sorted(i for key in candidates for i in tokens.positions[key]):
            if heads.fullmatch(words[i]):
                following = (starts[i + 1], ends[i + 1], words[i + 1]) \
                    if i + 1 < len(words) else None
                yield (starts[i], ends[i], words[i]), following

    # -- text helpers ---------------------------------------------------------------------

    def _opens_sentence(self, entity: Entity) -> bool:
        """Whether an entity is a sentence's subject: only its title before it, that is words
        that are neither verbs nor relative words, without a comma ("Ketua juru runding
        Kolombia X bahkan menuduh ...")."""
        lead = self.text[self._previous_boundary(entity.start):entity.start]
        words = WORD.findall(lead)
        return "," not in lead and len(words) <= SUBJECT_LEAD_WORDS and not any(
            self._is_verb(w) or w.lower() in self.g.relatives for w in words)

    def _attributions(self, a: int, b: int, lowers: list[str] | None) -> list[tuple[int, Party]]:
        """The named speakers of attributions of indirect speech in ``[a, b)``, whose words are
        ``lowers`` (``_lowers``), with where they stand ("..., kata Komisaris Uni Eropa, <name>.",
        "Sebab, kata X, ...")."""
        found = []
        if not self._may_attribute(lowers):
            return found
        for match in self.g.attribution.finditer(self.text, a, b):
            if self._quoted(match.start()):
                continue
            limit = min(self._next_boundary(match.end()) + 1, match.end() + CLAUSE_REACH, b)
            party = self._phrase_party(match.end(), limit)
            if isinstance(party, Party) and party.name:
                found.append((match.start(), party))
        return found

    def _may_attribute(self, lowers: list[str] | None) -> bool:
        """Whether a range whose words are ``lowers`` (``_lowers``) may hold a match of
        ``attribution``: in an ASCII text (where the pattern ignores case as ``str.lower``
        does), only where one of them is one of ``attribution_words``."""
        return not self._ascii or _may_hold(lowers, self.g.attribution_words)

    def _may_introduce(self, a: int, b: int) -> bool:
        """Whether ``[a, b)`` may hold a match of ``before``: where it holds a colon, or in a
        text that is not ASCII (where the pattern ignores case beyond ``str.lower``); else only
        where one of its words is one of ``before_words``."""
        return self.text.find(":", a, b) >= 0 or not self._ascii \
            or _may_hold(self._lowers(a, b), self.g.before_words)

    def _lowers(self, a: int, b: int) -> list[str] | None:
        """The words of ``[a, b)`` in lower case, read off the tokens, or None where the
        tokens are not its words (``_token_range``). Read once per sentence for the tests of
        ``_may_hold``."""
        cut = self._token_range(a, b)
        return None if cut is None else self.tokens.lowers[cut[0]:cut[1]]

    def _named_as_speaker(self, entity: Entity) -> bool:
        """Whether a person is named right after a verb of saying ("..., kata <title> X")."""
        lead = self.text[max(self._previous_boundary(entity.start), entity.start - PHRASE_REACH):
                         entity.start]
        return bool(self.g.after_verb_before.search(lead))

    def _named_persons(self, a: int, b: int) -> list[Entity]:
        return self._named_among(self._actors(a, b))

    def _named_among(self, actors: list[Entity]) -> list[Entity]:
        return [e for e in actors if e.kind == "person" and self._is_named(e)]

    def _is_named(self, entity: Entity) -> bool:
        if entity.text.lower() in self.g.pronouns:
            return entity.name is not None
        return bool(entity.name) or (entity.text[:1].isupper()
                                     and not self.g.unnamed.match(entity.text.lower()))

    def _actors(self, a: int, b: int) -> list[Entity]:
        """Actor entities overlapping ``[a, b)`` outside quotations, in text order."""
        first = bisect_left(self._starts, a - self._longest)
        return [e for e in self.entities[first:bisect_left(self._starts, b)]
                if e.end > a and not self._quoted(e.start)]

    def _family_after(self, name: str, start: int, end: int) -> re.Match[str] | None:
        """The capitalised words right after the first ``name`` that begins at a word boundary
        in ``[start, end)``: what ``\\b<name>(FAMILY)`` finds, without a pattern per name."""
        at = self.text.find(name, start, end)
        while at >= 0:
            before = at > 0 and _is_word_char(self.text[at - 1])
            if before != _is_word_char(self.text[at]):  # "\\b"
                family = FAMILY.match(self.text, at + len(name), end)
                if family:
                    return family
            at = self.text.find(name, at + 1, end)
        return None

    def _first_verbs(self, a: int, b: int) -> list[tuple[int, int, str]]:
        """The first ``SUBJECT_VERBS`` verbs in ``[a, b)`` outside quotations."""
        verbs = []
        for word in self._verbs(a, b):
            if not self._quoted(word[0]):
                verbs.append(word)
                if len(verbs) == SUBJECT_VERBS:
                    break
        return verbs

    def _verbs(self, a: int, b: int) -> Iterator[_Word]:
        """The verbs among the words of ``[a, b)``. Read off the tokens, a verb is a token
        joined to neither neighbour in the range: a joined word holds a joiner, and no verb
        does."""
        cut = self._token_range(a, b)
        if cut is None:
            yield from (word for word in self._all_words(a, b) if self._is_verb(word[2]))
            return
        first, last = cut
        tokens, known = self.tokens, self.g.verb_words
        words, gaps = tokens.words, tokens.gaps
        for i in range(first, last):
            word = words[i]
            verb = known.get(word)  # ``_is_verb``, looked up here first: words are many
            if verb is None:
                verb = self._is_verb(word)
            if verb and not (i > first and gaps[i - 1] in JOINERS) \
                    and not (i + 1 < last and gaps[i] in JOINERS):
                yield tokens.starts[i], tokens.ends[i], word

    def _words(self, a: int, b: int) -> list[tuple[int, int, str]]:
        """The words of ``[a, b)`` outside quotations."""
        words = list(self._all_words(a, b))
        if self._quotation_overlaps(a, b):
            return [word for word in words if not self._quoted(word[0])]
        return words

    def _all_words(self, a: int, b: int) -> Iterator[_Word]:
        """The words of ``TOKEN`` in ``[a, b)`` that open with a letter or digit, in order:
        read off the document's tokens, or where these are not the words' parts (a text with
        "_", a token cut by ``a`` or ``b``) by the pattern."""
        cut = self._token_range(a, b)
        if cut is None:
            return (_word(m) for m in TOKEN.finditer(self.text, a, b) if m.group()[0].isalnum())
        return self._token_words(*cut)

    def _token_range(self, a: int, b: int) -> tuple[int, int] | None:
        """The tokens (first, last excluded) whose words are those of ``[a, b)``, or None
        where they are not (a text with "_", a token cut by ``a`` or ``b``)."""
        tokens = self.tokens
        first, last = bisect_left(tokens.starts, a), bisect_left(tokens.starts, b)
        if not self._tokens_make_words or (first and tokens.ends[first - 1] > a) \
                or (last and tokens.ends[last - 1] > b):
            return None
        return first, last

    def _token_words(self, first: int, last: int) -> Iterator[_Word]:
        """The words made of tokens ``first`` to ``last`` (excluded): each token, or a run of
        tokens each separated from the next by one of ``JOINERS`` ("AS-China"), as ``TOKEN``
        reads them in a text cut after the last one."""
        tokens, text = self.tokens, self.text
        ends, gaps = tokens.ends, tokens.gaps
        i = first
        while i < last:
            start, end, word = tokens.starts[i], ends[i], tokens.words[i]
            if gaps[i] in JOINERS and i + 1 < last:
                i += 1
                while gaps[i] in JOINERS and i + 1 < last:
                    i += 1
                end = ends[i]
                word = text[start:end]
            yield start, end, word
            i += 1

    def _quotation_overlaps(self, a: int, b: int) -> bool:
        """Whether a closed quotation that ``_quoted`` consults for a position in ``[a, b)``
        overlaps it (most ranges: none, and no word needs testing)."""
        first = max(0, bisect_right(self._closed_opens, a) - 1)
        last = bisect_right(self._closed_opens, b)
        return any(span.open < b and span.close > a for span in self.closed[first:last])

    def _is_verb(self, word: str) -> bool:
        known = self.g.verb_words.get(word)
        if known is None:
            if len(self.g.verb_words) >= VERB_WORDS_CACHE:
                self.g.verb_words.clear()
            known = self.g.verb_words[word] = (bool(self.g.verb.match(word))
                                               and word not in self.g.not_verbs)
        return known

    def _breaks(self, word: str, colon: bool) -> bool:
        """Whether a word ends a subject's noun phrase: a verb or a stop word, and in a clause
        that ends with a colon also a place word ("Trump menulis di Truth Social:")."""
        lower = word.lower()
        return (self._is_verb(word) or lower in self.g.stops
                or (colon and lower in self.g.place_stops))

    def _honorific_stops(self) -> set[int]:
        """The stops that close an abbreviated honorific before a name ("dr. Aru", "Prof.
        Budi"): they end no sentence. Found in the token index: a stop right after a token
        that is an honorific as written and a whole "\\w" run (no "_" before it), with a
        capitalised word after it."""
        found = set()
        tokens, text, honorifics = self.tokens, self.text, self.g.honorifics
        for key in filter(tokens.positions.__contains__, self.g.honorific_keys):
            for i in tokens.positions[key]:
                start, end, word = tokens.starts[i], tokens.ends[i], tokens.words[i]
                if tokens.gaps[i][:1] == "." and word in honorifics and text[start - 1:start] != "_" \
                        and NAME_AFTER.match(text, end + 1):
                    found.add(end)
        return found

    def _unquoted(self, positions: list[int]) -> list[int]:
        """The sorted ``positions`` that ``_quoted`` finds outside quotations: those inside the
        last closed quotation opened at or before them are left out, found by bisection per
        quotation rather than per position."""
        kept: list[int] = []
        done = 0  # the positions before this one are placed
        opens = self._closed_opens + [len(self.text) + 1]
        for span, next_open in zip(self.closed, opens[1:]):
            first = bisect_right(positions, span.open)
            last = bisect_left(positions, min(span.close, next_open))
            if first < last:
                kept += positions[done:first]
                done = last
        return kept + positions[done:] if done else positions

    def _closing_ends(self) -> list[int]:
        """Closing marks right after a sentence's end ('... itu."'): the sentence ends there."""
        return [s.close for s in self.closed if self.text[s.close - 1:s.close] in (".", "!", "?")]

    def _quoted(self, pos: int) -> bool:
        i = bisect_right(self._closed_opens, pos) - 1
        return i >= 0 and self.closed[i].open < pos < self.closed[i].close

    def _next_boundary(self, pos: int) -> int:
        i = bisect_right(self.boundaries, pos)
        return self.boundaries[i] if i < len(self.boundaries) else len(self.text)

    def _previous_boundary(self, pos: int) -> int:
        i = bisect_left(self.boundaries, pos) - 1
        return self.boundaries[i] + 1 if i >= 0 else 0


def _word(match: re.Match[str]) -> _Word:
    return match.start(), match.end(), match.group()


def _is_word_char(char: str) -> bool:
    """What a regular expression's "\\w" matches."""
    return char.isalnum() or char == "_"


def _may_hold(lowers: list[str] | None, words: frozenset[str]) -> bool:
    """Whether a range whose words are ``lowers`` (``_Reader._lowers``) may hold one of
    ``words`` (in lower case): where its words are known, only where one of them is, found by
    one set operation; where they are not, it may."""
    return lowers is None or not words.isdisjoint(lowers)


def _unnamed(party: Party | str) -> bool:
    """A described speaker without a name ("seorang pakar", "pejabat AS")."""
    return isinstance(party, Party) and party.kind == "person" and party.name is None
