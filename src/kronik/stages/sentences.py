"""Sentences: split the cleaned text into sentences with offsets and paragraph numbers.

Each line of the cleaned text is a paragraph, so a newline always ends a sentence (a heading
is never glued to the next sentence). Inside a line a sentence ends at . ! ? or an ellipsis
followed by a space and a capital, a digit or an opening quote, except:

- inside a quotation: a quoted passage stays one sentence with its attribution
  ("Kami siap. Kami menunggu," kata X.); a stop right before the closing quote may end the
  sentence after the quote when a new sentence follows;
- after an abbreviation from ``abbreviations.yaml`` ("Prof.", "No.", "a.n.", "Jl."), an
  initial ("Joe R. Biden") or a list number, and before a bracket that closes the line (a
  photo credit "(AP/Nama)" or a sign-off stays with its sentence); decimals and times ("1,5", "Rp3.897", "10.00")
  have no space after the stop and never end a sentence.

The title line gives headline sentences; sentences inside ``Document.captions`` are captions.

A sentence is at most ``MAX_SENTENCE_CHARS`` long: a longer one (a list run together, a text
whose full stops were lost) is cut at its last clause mark (; : ,) before the limit, else at
its last space, so that the work later stages do per sentence is bounded and the pipeline
stays linear in the length of the text. Everything here is linear too: quotations are looked
up by bisection, captions by one forward pass.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from kronik.document import Document, Sentence, Span
from kronik.pipeline import Stage
from kronik.resources import load_data

# A run of stops or an ellipsis, closing quotes or brackets, and a space. It is tried only where
# a stop stands (``sentence_ends``), so it needs no class of the stops to open with; two plain
# alternatives cost the engine less there than a class and two lookbehinds.
_END = re.compile(r"(?P<stop>…|[.!?]+)(?P<closers>['\"”’)\]]*)(?P<space>\s+)")
_STOPS = ".!?…"  # the characters an end opens with
# An abbreviation or initial is short: the word before a full stop is looked for this far back.
ABBREVIATION_REACH = 40
# The word before a stop is its run of characters other than spaces and openers, matched
# backwards: in the reversed text, from the stop.
_WORD_REVERSED = re.compile(r"[^\s(\[\"“‘']+")
_INITIAL = re.compile(r"[A-Z]")
_DOTTED = re.compile(r"(?:[^\W\d_]{1,3}\.)+[^\W\d_]{1,3}")
_LIST_MARKER = re.compile(r"[\dA-Za-z]{1,3}")
_OPENERS = "“\"‘'(["
_TRAILING_BRACKET = re.compile(r"\([^()]*\)\s*$")
_CURLY_MARK = re.compile("[“”]")
# The longest sentence later stages are given. Of the 67,127 sentences of the 3,201 unlabeled
# real articles 99.99% are under 1,905 characters and the longest is 3,289 (a run-on list);
# a 2,000-character sentence costs the later stages no more than a few ordinary ones
# (benchmarks/length.py), while a 100 KB one costs minutes.
MAX_SENTENCE_CHARS = 2000
# A cut inside an over-long sentence is looked for in its last part, so that no piece is short.
MIN_PIECE_SHARE = 0.5
# Where a clause ends: after ; : or , before a space, or before a spaced dash.
_CLAUSE_END = re.compile(r"(?<=[;:,])(?=\s)|(?=\s-\s)")
# A list number ("1.", "a.", "II.") is at most this many characters after the previous cut.
LIST_MARKER_REACH = 8


@dataclass(frozen=True)
class Abbreviations:
    never_final: frozenset[str]
    may_end: frozenset[str]
    # The length of the longest of either list: a longer word is none of them.
    longest: int


@cache
def abbreviations(language: str = "id") -> Abbreviations:
    """The abbreviation lists of ``language``, loaded once."""
    data = load_data("abbreviations", language)
    never_final = frozenset(a.lower() for a in data["never_final"])
    may_end = frozenset(a.lower() for a in data["may_end"])
    return Abbreviations(never_final, may_end, max(map(len, never_final | may_end), default=0))


def character_positions(text: str, characters: Iterable[str]) -> list[int]:
    """Where any of ``characters`` stands in ``text``, in order: found by ``str.find``, which
    skips to a character many times faster than a pattern of a class of them, which tests every
    character of the text against the class. A character is sought by ``in`` first, which costs
    a fraction of a call of ``find`` (whose arguments are parsed at every call): most texts lack
    most of the characters sought."""
    found = []
    for character in characters:
        if character not in text:
            continue
        at = text.find(character)
        while at >= 0:
            found.append(at)
            at = text.find(character, at + 1)
    found.sort()
    return found


def sentence_ends(line: str) -> Iterator[re.Match[str]]:
    """The matches of ``_END`` in ``line``, in order, as ``finditer`` gives them: tried only
    where a stop stands, since every match opens with one."""
    resume = 0
    for at in character_positions(line, _STOPS):
        if at >= resume:
            match = _END.match(line, at)
            if match:
                resume = match.end()
                yield match


def quotation_spans(line: str) -> list[tuple[int, int]]:
    """(open, close) positions of the quotations of a line, curly or straight.

    A straight quote opens after a space or bracket (or at the start) and closes after a
    non-space; a quote that never closes is ignored, so that a quote mark a scraper lost
    cannot swallow a paragraph. The two kinds pair independently: curly marks are read
    where the line holds any, straight ones by ``str.find`` (most lines hold only these)
    where ``in`` finds one (most lines hold no quotation).
    """
    spans: list[tuple[int, int]] = []
    if "“" in line or "”" in line:
        opened: int | None = None
        for mark in _CURLY_MARK.finditer(line):
            if mark.group() == "“":
                opened = mark.start()
            elif opened is not None:
                spans.append((opened, mark.start()))
                opened = None
    opened = None
    i = line.find('"') if '"' in line else -1
    while i >= 0:
        before = line[i - 1] if i else " "
        if opened is not None and not before.isspace():
            spans.append((opened, i))
            opened = None
        elif before.isspace() or before in "([":
            opened = i
        i = line.find('"', i + 1)
    return sorted(spans)


class _Quotations:
    """The quotations of a line, looked up by position in logarithmic time.

    Quotations of one kind (curly, straight) never overlap, so each kind is one sorted list
    in which a position lies in at most one span; of the two kinds the earlier-opened wins.
    """

    def __init__(self, line: str, spans: list[tuple[int, int]]):
        self.kinds: list[tuple[list[tuple[int, int]], list[int]]] = []
        if not spans:  # (most lines hold no quotation)
            return
        curly = [span for span in spans if line[span[0]] == "“"]
        straight = [span for span in spans if line[span[0]] != "“"]
        self.kinds = [(kind, [start for start, _ in kind]) for kind in (curly, straight) if kind]

    def around(self, position: int) -> tuple[int, int] | None:
        """The quotation that ``position`` lies strictly inside, if any (of one inside another,
        the one opened first)."""
        found = None
        for spans, starts in self.kinds:
            index = bisect_left(starts, position) - 1  # the last span opened before it
            if index >= 0:
                span = spans[index]
                if position < span[1] and (found is None or span < found):
                    found = span
        return found


def _word_before(line: str, stop: int) -> str:
    """The word right before the stop at ``stop``: the characters other than spaces and
    openers that end there, at most ``ABBREVIATION_REACH`` of them ("" where there are none).
    Most such words are letters or digits after a space, found by ``str.rpartition`` (which,
    unlike ``str.rfind`` with bounds, has no arguments to parse); any other is matched backwards."""
    reach = stop - ABBREVIATION_REACH if stop > ABBREVIATION_REACH else 0  # (faster than max)
    word = line[reach:stop].rpartition(" ")[2]
    if word.isalnum():  # no space or opener in it, a space or the reach before it
        return word
    match = _WORD_REVERSED.match(line[reach:stop][::-1])
    return line[stop - match.end():stop] if match else ""


def _is_abbreviation(line: str, stop: int, next_char: str, abbrevs: Abbreviations) -> bool:
    """Whether the full stop at ``stop`` closes an abbreviation or an initial, not a sentence.
    Where more letters than the longest abbreviation stand right before it (the last word of
    most sentences), the word is no abbreviation, no initial and no dotted one, whatever comes
    before those letters: it is not looked for."""
    longest = abbrevs.longest
    if stop > longest and line[stop - longest - 1:stop].isalpha():
        return False
    word = _word_before(line, stop)
    if not word:
        return False
    key = word.lower()
    if key in abbrevs.never_final or (len(word) == 1 and _INITIAL.fullmatch(word)):
        return True
    if key in abbrevs.may_end or ("." in word and _DOTTED.fullmatch(word)):
        return not (next_char.isupper() or next_char in _OPENERS)
    return False


def split_line(line: str, abbrevs: Abbreviations) -> list[tuple[int, int]]:
    """(start, end) of each sentence of one line, trimmed of spaces, none longer than
    ``MAX_SENTENCE_CHARS``. The quotations of the line are read only where a stop may end a
    sentence."""
    quotes: _Quotations | None = None
    cuts = [0]  # where each sentence ends (after its stop and closers), and 0
    starts = [0]  # where each sentence begins: 0, and past the spaces after each end
    length = len(line)
    for match in sentence_ends(line):
        after = match.end()
        if after >= length:
            continue
        next_char = line[after]
        if not (next_char.isupper() or next_char.isdigit() or next_char in _OPENERS):
            continue
        if next_char == "(" and _TRAILING_BRACKET.fullmatch(line, after):
            continue
        stop = match.start()
        if match["stop"] == "." and _is_abbreviation(line, stop, next_char, abbrevs):
            continue
        if stop - cuts[-1] <= LIST_MARKER_REACH and _LIST_MARKER.fullmatch(line[cuts[-1]:stop].strip()):
            continue
        if quotes is None:
            quotes = _Quotations(line, quotation_spans(line))
        if quotes.kinds:  # (most lines hold no quotation)
            quote = quotes.around(stop)
            if quote is not None and not (stop < quote[1] < match.end("closers")):
                continue
        cuts.append(match.end("closers"))
        starts.append(after)
    cuts.append(length)
    # A sentence between two ends is trimmed already: it opens past the spaces that the end
    # before it took and closes with a stop or a closer. The first and the last may open or
    # close with spaces.
    spans = _trimmed(line, 0, cuts[1])
    for start, end in zip(starts[1:-1], cuts[2:-1]):
        if end - start <= MAX_SENTENCE_CHARS:
            spans.append((start, end))
        else:
            spans.extend(_bounded(line, start, end))
    if len(starts) > 1:
        spans.extend(_trimmed(line, starts[-1], length))
    return spans


def _trimmed(line: str, start: int, end: int) -> list[tuple[int, int]]:
    """What ``_bounded`` gives: told without its loop where ``line[start:end]`` is short and
    opens and closes with no space."""
    if start < end and end - start <= MAX_SENTENCE_CHARS \
            and not (line[start].isspace() or line[end - 1].isspace()):
        return [(start, end)]
    return _bounded(line, start, end)


def _bounded(line: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence ``line[start:end]`` trimmed of spaces, in pieces of at most
    ``MAX_SENTENCE_CHARS``: each cut after the last clause mark in the second half of the
    allowed length, else at the last space there, else at the limit itself."""
    pieces = []
    while True:
        while start < end and line[start].isspace():
            start += 1
        last = end
        while last > start and line[last - 1].isspace():
            last -= 1
        if last <= start:
            return pieces
        if last - start <= MAX_SENTENCE_CHARS:
            pieces.append((start, last))
            return pieces
        limit = start + MAX_SENTENCE_CHARS
        floor = start + int(MAX_SENTENCE_CHARS * MIN_PIECE_SHARE)
        cut = _last_clause_end(line, floor, limit) or _last_space(line, floor, limit) or limit
        pieces.append((start, cut))
        start = cut


def _last_clause_end(line: str, floor: int, limit: int) -> int | None:
    """The position just after the last clause mark within ``line[floor:limit]``, or None."""
    ends = [match.end() for match in _CLAUSE_END.finditer(line, floor, limit)]
    return ends[-1] if ends else None


def _last_space(line: str, floor: int, limit: int) -> int | None:
    position = line.rfind(" ", floor, limit)
    return position if position > floor else None


def split_sentences(text: str, captions: list[Span] | None = None, title: str | None = None,
                    language: str = "id") -> list[Sentence]:
    """The sentences of a cleaned text; ``paragraph`` numbers its non-empty lines from 0."""
    abbrevs = abbreviations(language)
    sentences: list[Sentence] = []
    offset = 0
    paragraph = 0
    for line in text.split("\n"):
        if line.strip():
            headline = paragraph == 0 and title is not None and line.strip() == title
            for start, end in split_line(line, abbrevs):
                first, last = offset + start, offset + end
                sentences.append(Sentence(first, last, text[first:last], paragraph, False, headline))
            paragraph += 1
        offset += len(line) + 1
    if captions:
        _mark_captions(sentences, captions)
    return sentences


def _mark_captions(sentences: list[Sentence], captions: list[Span]) -> None:
    """Mark the sentences that lie inside a caption, in one forward pass over both (captions
    are disjoint, one per caption line; sentences come in order)."""
    ordered = sorted(captions, key=lambda c: c.start)
    next_caption = 0
    for sentence in sentences:
        while next_caption < len(ordered) and ordered[next_caption].end < sentence.end:
            next_caption += 1
        if next_caption < len(ordered) and ordered[next_caption].start <= sentence.start:
            sentence.is_caption = True


class Sentences(Stage):
    """text, captions, title -> sentences (offsets into text, paragraph, caption, headline)."""

    name = "sentences"
    requires = ("text", "captions", "title")
    provides = ("sentences",)

    def __call__(self, doc: Document) -> Document:
        doc.sentences = split_sentences(doc.text, doc.captions, doc.title, doc.language)
        return doc
