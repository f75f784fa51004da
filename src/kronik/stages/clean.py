"""Cleaning: normalise Unicode and drop the noise that news sites leave in scraped text.

The cleaned text is what every later offset points into, so cleaning works line by line and
only ever drops whole lines of site furniture (related links, ad markers, widget headings,
credit lines, duplicated lines), stray markup, or a list of other news glued to the end of a
paragraph ("berikut ini berita-berita ...: - <headline> ..."); article text is never rewritten
beyond spacing and character normalisation. The noise patterns live in ``lang/<language>/noise.yaml``.

Character decisions (later stages rely on them):

- Unicode NFC; carriage returns become newlines; NBSP, thin and other odd spaces, tabs become
  a plain space; zero-width characters, soft hyphens and control characters are removed.
- Curly quotes “ ” ‘ ’ are kept as they are (their direction helps to pair quotations);
  low and reversed quotes („ ‟ ‚ ‛) become “ and ‘; straight quotes stay straight.
- En and em dashes, the minus sign and Unicode hyphens become "-" ("Xi–Putin" -> "Xi-Putin",
  "MOSKOW, KOMPAS.TV — " -> "MOSKOW, KOMPAS.TV - ").
- Runs of spaces become one space; a space before , . ; : ! ? and inside brackets is dropped
  (scrapers leave one where a link was); lines are stripped; blank-line runs become one.

Photo captions stay in the text; their spans go to ``Document.captions``.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import ftfy

from kronik.document import Document, Span
from kronik.errors import InputError
from kronik.pipeline import Stage
from kronik.regex_parts import At, Chars, Literal, Repeat, parse
from kronik.resources import load_data
from kronik.screens import Screen, screen

_REPLACEMENTS = {
    **{ch: " " for ch in "\t\v\f\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
       "\u2007\u2008\u2009\u200a\u202f\u205f\u3000"},
    **{ch: "" for ch in "\u200b\u200c\u200d\u2060\ufeff\u00ad"},
    **{ch: "-" for ch in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"},
    "\u201e": "\u201c", "\u201f": "\u201c", "\u201a": "\u2018", "\u201b": "\u2018",
    "\u2028": "\n", "\u2029": "\n", "\r\n": "\n", "\r": "\n",
}
# One pass over the text: the characters above, and control characters, which are dropped.
# The class comes first (a "\r" takes the "\n" after it along), so that the engine skips in C
# to the characters of the class instead of trying an alternation at every character.
_ODD_CLASS = "".join(k for k in _REPLACEMENTS if len(k) == 1) + "\x00-\x08\x0e-\x1f\x7f-\x9f"
_ODD_CHARACTERS = re.compile(f"[{_ODD_CLASS}](?:(?<=\r)\n)?")
# Python strings may hold surrogate code points, which no UTF-8 text can.
_SURROGATE = re.compile("[\ud800-\udfff]")
# What UTF-8 decoded as Windows-1252 leaves: a capital A with tilde or circumflex before a
# continuation byte, or "â€" before the second byte of a curly quote or dash.
_MOJIBAKE = re.compile("[\u00c2\u00c3][\u0080-\u00bf\u2018-\u203a\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]|\u00e2\u20ac")
# Characters that open every mojibake sequence (see _MOJIBAKE).
_MOJIBAKE_OPENERS = "\u00c2\u00c3\u00e2"
# ftfy reads the ASCII of a text only next to other characters: ASCII encodes and decodes to
# itself in every encoding it tries, and each of its patterns that takes ASCII in does so within
# seven characters of one that is not ASCII (the farthest, "Ã" before a space that is not
# followed by "quele", "quela", "quilo" or "s "). Its repairs of a text are those of the stretch
# from its first to its last character of another kind, with this much ASCII on either side;
# the margin is over four times the farthest reach, as a repair may turn a space or "?" beside a
# broken character into part of the character it restores.
FTFY_MARGIN = 32
# The characters ftfy reads the text for: those that are not ASCII, and the ASCII control
# character SUB ("\x1a"), which its sloppy encodings write for U+FFFD.
_FTFY_READS = re.compile("[^\x00-\x19\x1b-\x7f]")
# What makes normalising more than NFC: a surrogate, an opener of mojibake or a character of
# _ODD_CHARACTERS. Most texts hold none of them, and one search tells.
_SPECIAL_CHARACTERS = re.compile(f"[\ud800-\udfff{_MOJIBAKE_OPENERS}{_ODD_CLASS}]")
# The ASCII characters that are none of them (printable ones and the newline): an ASCII text
# of these alone (most texts) is told by deleting them from its bytes, many times faster than
# the search above, which tests every character against its class.
_PLAIN_ASCII = bytes(range(0x20, 0x7f)) + b"\n"
_SENTENCE_END = re.compile(r"[.!?:;\"\u201d\u2019)]$")
# Written as two spaces, not as a repeat of one, so that the engine skips in C to each pair of
# spaces instead of trying the pattern at every character (five times the instructions).
_SPACE_RUN = re.compile(r"  +")
# What ``_SPACE_BEFORE_PUNCT`` needs to find in a text before it can match: most texts have
# none of these pairs, and six substring tests cost far less than a pattern tried at every space.
# A pair is sought only where its mark stands (found by ``memchr``, where a search for the pair
# scans the text character by character): most texts hold no ";", "!" or "?".
_SPACE_BEFORE_PUNCT_PAIRS = tuple(" " + mark for mark in ",.;:!?")
# Each bracket with where the space of ``_SPACE_INSIDE_BRACKETS`` stands from it: ``str.find``
# (a ``memchr``) goes from bracket to bracket much faster than a search for the pair of
# characters, and a text holds few brackets.
_SPACE_INSIDE_BRACKETS_HINTS = (("(", 1), ("[", 1), (")", -1), ("]", -1))
_BULLET = re.compile(r"^[-\u2022*]\s+")
# Spaces after a word before punctuation; it opens with the space, so that the engine skips
# in C to the spaces instead of trying every character, and looks ahead for the punctuation
# before it looks back for the word, since most spaces follow a word and few precede a mark.
_SPACE_BEFORE_PUNCT = re.compile(r" (?= *[,.;:!?](?:\s|$))(?<=\w ) *")
_SPACE_INSIDE_BRACKETS = re.compile(r"(?<=[(\[]) +| +(?=[)\]])")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# A line ends with a stop when one stands before its closing quotes or brackets, if any.
_FINAL_STOPS = frozenset(".!?…:;,")
_FINAL_CLOSERS = "'\"”’)"
# A line that ends with a stop (. , ; :), closing quotes or brackets after it: a headline (a
# teaser here, the title in ``metadata``) never does.
FULL_STOP_END = re.compile(r"[.,;:]['\"”’)]*$")
# The parts that end a pattern every match of which ends with a ")" closing the line: ")\s*$".
_CLOSES_LINE = (Literal(")"), Repeat(0, None, (Chars(classes=("space",)),)), At("end"))


@dataclass(frozen=True)
class Fragments:
    """The fragment patterns of ``noise.yaml`` that share a replacement: ``pattern`` is their
    alternation, which one ``sub`` runs, and ``each`` the patterns one by one, each with its
    screen (what a string must hold for the pattern to match in it)."""

    pattern: re.Pattern[str]
    replacement: str
    each: tuple[tuple[re.Pattern[str], Screen], ...]

    def candidates(self, text: str, lowered: str) -> tuple[tuple[re.Pattern[str], Screen], ...]:
        """The patterns of ``each`` that may match in ``text`` (``lowered``: its lower case)."""
        return tuple((pattern, fragment_screen) for pattern, fragment_screen in self.each
                     if fragment_screen.may_match(text, lowered))

    def sub(self, line: str, candidates: tuple[tuple[re.Pattern[str], Screen], ...]) -> str:
        """``line`` with the fragments replaced, where ``candidates`` holds every pattern that
        may match in it. Where one screen passes the line, its pattern alone runs: the others
        match nowhere in the line, so it finds what the alternation would (and, unlike the
        alternation, may skip in C to what it begins with)."""
        found = [pattern for pattern, fragment_screen in candidates if fragment_screen.may_match(line)]
        if not found:
            return line
        return (found[0] if len(found) == 1 else self.pattern).sub(self.replacement, line)


@dataclass(frozen=True)
class NoiseRules:
    """The compiled noise patterns of one language (see ``noise.yaml``)."""

    lines: re.Pattern[str]
    fragments: tuple[Fragments, ...]
    caption_credit: re.Pattern[str]
    caption_lead: re.Pattern[str]
    caption_headline_max_words: int
    english_heading_max_words: int
    english_words: frozenset[str]
    indonesian_words: frozenset[str]
    repeated_tail_min_words: int
    teaser_heading: re.Pattern[str]
    teaser_max_words: int
    teaser_capital_share: float
    # What a line must hold for ``caption_lead`` to match in it: the pattern opens with an
    # anchor, so the engine would try it at every character.
    caption_lead_screen: Screen
    # Whether every match of ``caption_credit`` ends with a ")" that closes the line (the
    # pattern ends with "\)\s*$", outside any alternative): a line whose last character other
    # than a space is another then holds no credit, and is not searched for one.
    credit_closes_line: bool


@cache
def noise_rules(language: str = "id") -> NoiseRules:
    """The noise patterns of ``language``, compiled once."""
    data = load_data("noise", language)
    caption_lead = re.compile(data["caption_lead"])
    caption_credit = re.compile(data["caption_credit"])
    return NoiseRules(
        lines=re.compile("|".join(f"(?:{entry['pattern']})" for entry in data["lines"]), re.IGNORECASE),
        fragments=_fragment_patterns(data["fragments"]),
        caption_credit=caption_credit,
        caption_lead=caption_lead,
        caption_headline_max_words=int(data["caption_headline_max_words"]),
        english_heading_max_words=int(data["english_heading_max_words"]),
        english_words=frozenset(data["english_words"]),
        indonesian_words=frozenset(w.lower() for w in data["indonesian_words"]),
        repeated_tail_min_words=int(data["repeated_tail_min_words"]),
        teaser_heading=re.compile("|".join(f"(?:{entry['pattern']})" for entry in data["teaser_headings"]),
                                  re.IGNORECASE),
        teaser_max_words=int(data["teaser_max_words"]),
        teaser_capital_share=float(data["teaser_capital_share"]),
        caption_lead_screen=screen(caption_lead),
        credit_closes_line=parse(caption_credit.pattern, caption_credit.flags)[-3:] == _CLOSES_LINE,
    )


def _fragment_patterns(entries: list[dict]) -> tuple[Fragments, ...]:
    """One alternation per replacement: the fragments that share it."""
    by_replacement: dict[str, list[str]] = {}
    for entry in entries:
        by_replacement.setdefault(entry.get("replace", ""), []).append(entry["pattern"])
    groups = []
    for replacement, patterns in by_replacement.items():
        each = tuple(re.compile(pattern, re.IGNORECASE) for pattern in patterns)
        groups.append(Fragments(re.compile("|".join(f"(?:{pattern})" for pattern in patterns), re.IGNORECASE),
                                replacement, tuple((pattern, screen(pattern)) for pattern in each)))
    return tuple(groups)


def normalize_characters(text: str) -> str:
    """NFC text with one kind of space, newline and dash, and no invisible characters.

    UTF-8 read as Windows-1252 ("Istana ÃlysÃ©e", "â€œ") is repaired first with ftfy, before
    the control characters that such text carries are dropped; only text showing the marks of
    it is passed to ftfy, which costs time.

    A lone surrogate (a broken ``\\ud800`` escape in JSON) cannot be written as UTF-8: it
    becomes U+FFFD, the replacement character, before anything else reads the text.
    """
    if text.isascii() and not text.encode("ascii").translate(None, _PLAIN_ASCII):
        return text  # (NFC leaves ASCII as it is)
    if not _SPECIAL_CHARACTERS.search(text):
        return unicodedata.normalize("NFC", text)  # (NFC gives no character of the class)
    text = _SURROGATE.sub("\ufffd", text)
    if any(ch in text for ch in _MOJIBAKE_OPENERS) and _MOJIBAKE.search(text):
        text = fix_mojibake(text)
    text = unicodedata.normalize("NFC", text)
    return _ODD_CHARACTERS.sub(lambda m: _REPLACEMENTS.get(m.group(0), ""), text)


def fix_mojibake(text: str) -> str:
    """What ``ftfy.fix_encoding`` makes of ``text``, given only the stretch that holds the
    characters it reads, with ``FTFY_MARGIN`` characters on either side: its cost grows with the
    length of what it is given (its test for mojibake, a pattern of some forty alternatives, is
    tried at every character twice), and most broken texts are broken in one place."""
    first = _FTFY_READS.search(text)
    if first is None:
        return text  # (pure ASCII: ftfy leaves it as it is)
    last = len(text) - _FTFY_READS.search(text[::-1]).start()
    start, end = max(0, first.start() - FTFY_MARGIN), min(len(text), last + FTFY_MARGIN)
    return text[:start] + ftfy.fix_encoding(text[start:end]) + text[end:]


def tidy_lines(text: str, rules: NoiseRules) -> list[str]:
    """The lines of a text without stray markup, with single spaces and no space before
    punctuation, each stripped. The fragment patterns run on the lines that a screen of one
    of them passes, of those whose screens pass the whole text (lower-cased once for all the
    screens); the spacing patterns, none of which reaches past the end of a line, run on the
    lines that hold what they need, and only where the whole text does."""
    lowered = text.lower()
    for fragments in rules.fragments:
        candidates = fragments.candidates(text, lowered)
        if candidates:  # (the text is split into lines only here: splitting scans every character)
            text = "\n".join([fragments.sub(line, candidates) for line in text.split("\n")])
            lowered = text.lower()
    if "  " in text:
        text = _SPACE_RUN.sub(" ", text)
    if any(pair[1] in text and pair in text for pair in _SPACE_BEFORE_PUNCT_PAIRS):
        text = _SPACE_BEFORE_PUNCT.sub("", text)
    if _space_inside_brackets(text):
        text = _SPACE_INSIDE_BRACKETS.sub("", text)
    return [line.strip() for line in text.split("\n")]


def _space_inside_brackets(text: str) -> bool:
    """Whether ``text`` may hold a match of ``_SPACE_INSIDE_BRACKETS``: a space right after an
    opening bracket or right before a closing one."""
    for bracket, step in _SPACE_INSIDE_BRACKETS_HINTS:
        at = text.find(bracket)
        while at >= 0:
            if 0 <= at + step < len(text) and text[at + step] == " ":
                return True
            at = text.find(bracket, at + 1)
    return False


def is_noise_line(line: str, rules: NoiseRules) -> bool:
    """Whether the whole line is site furniture named in ``noise.yaml``."""
    return rules.lines.fullmatch(line) is not None


def is_english_heading(line: str, rules: NoiseRules) -> bool:
    """A short line without a final stop, with English function words and no Indonesian ones."""
    if more_words_than(line, rules.english_heading_max_words) or _ends_with_stop(line):
        return False
    words = _WORD.findall(line)
    if any(w.lower() in rules.indonesian_words for w in words):
        return False
    return any(w in rules.english_words for w in words)


def more_words_than(line: str, count: int) -> bool:
    """Whether ``line`` has more than ``count`` words: it is split no further than that (a
    paragraph is not cut into all its words to learn that it is not a short heading)."""
    return len(line.split(None, count)) > count


def _ends_with_stop(line: str) -> bool:
    """Whether a line ends with a stop (. ! ? … : ; ,), closing quotes or brackets after it."""
    return line.rstrip(_FINAL_CLOSERS)[-1:] in _FINAL_STOPS


def is_teaser(line: str, rules: NoiseRules) -> bool:
    """A headline of another article: title case, short, no full stop at the end; lists
    put a bullet before it ("- <headline>")."""
    line = _BULLET.sub("", line)
    if more_words_than(line, rules.teaser_max_words) or FULL_STOP_END.search(line):
        return False
    return _title_case(line, rules)


def is_repeat(line: str, earlier: set[str], previous: str | None, rules: NoiseRules) -> bool:
    """A line that repeats an earlier line, or the tail of the line just before it."""
    if line in earlier:
        return True
    return (previous is not None and line != previous and previous.endswith(line)
            and more_words_than(line, rules.repeated_tail_min_words - 1))


def keep_lines(lines: list[str], rules: NoiseRules) -> list[str]:
    """The lines of article text: noise, teaser lists, repeats and English subheadings dropped,
    blank lines kept."""
    kept: list[str] = []
    seen: set[str] = set()
    previous: str | None = None
    in_teasers = False
    for line in lines:
        if not line:
            kept.append(line)
            continue
        if rules.teaser_heading.fullmatch(line):
            in_teasers = True
            continue
        in_teasers = in_teasers and is_teaser(line, rules)
        if in_teasers or is_noise_line(line, rules) or is_repeat(line, seen, previous, rules):
            continue
        if previous is not None and is_english_heading(line, rules):
            continue
        kept.append(line)
        seen.add(line)
        previous = line
    return kept


def unwrap_lines(lines: list[str], rules: NoiseRules) -> list[str]:
    """Hard-wrapped paragraphs joined again: a line of running text (not a headline in title
    case) that does not end a sentence, followed by a line that goes on in lower case."""
    joined: list[str] = []
    for line in lines:
        previous = joined[-1] if joined else ""
        if line[:1].islower() and previous and not _SENTENCE_END.search(previous) \
                and not _title_case(previous, rules):
            joined[-1] = f"{previous} {line}"
        else:
            joined.append(line)
    return joined


def _title_case(line: str, rules: NoiseRules) -> bool:
    words = [w for w in _WORD.findall(line) if len(w) >= 3]
    return bool(words) and sum(w[0].isupper() for w in words) >= rules.teaser_capital_share * len(words)


def caption_spans(text: str, rules: NoiseRules) -> list[Span]:
    """Spans of photo captions: lines that open with a caption label, lines ending with a
    photo credit, and the photo headline standing right above such a line (short, no final
    stop, not the article's first line)."""
    spans: list[Span] = []
    offset = 0
    previous: Span | None = None
    # A line holds what the screen looks for only where the whole text does.
    leads = rules.caption_lead_screen.may_match(text)
    for line in text.split("\n"):
        here = Span(offset, offset + len(line), line) if line else None
        if here is not None and leads and rules.caption_lead_screen.may_match(line) \
                and rules.caption_lead.search(line):
            spans.append(here)
        elif here is not None and (not rules.credit_closes_line or line.rstrip().endswith(")")) \
                and rules.caption_credit.search(line):
            if (previous is not None and previous.start > 0 and not _ends_with_stop(previous.text)
                    and not more_words_than(previous.text, rules.caption_headline_max_words)
                    and not (spans and spans[-1].end == previous.end)):
                spans.append(previous)
            spans.append(here)
        previous = here
        offset += len(line) + 1
    return spans


def clean_text(raw: str, language: str = "id") -> tuple[str, list[Span]]:
    """The cleaned article text and the spans of its photo captions."""
    rules = noise_rules(language)
    lines = tidy_lines(normalize_characters(raw), rules)
    text = "\n".join(unwrap_lines(keep_lines(lines, rules), rules))
    if "\n\n\n" in text:
        text = re.sub(r"\n{3,}", "\n\n", text)
    text = text.strip()
    return text, caption_spans(text, rules)


class Clean(Stage):
    """raw_text -> text (cleaned), captions (spans of photo captions), fingerprint."""

    name = "clean"
    requires = ("raw_text",)
    provides = ("text", "captions", "fingerprint")

    def __call__(self, doc: Document) -> Document:
        doc.text, doc.captions = clean_text(doc.raw_text, doc.language)
        if not doc.text:
            raise InputError(doc.source or "text", "no article text left after removing site noise")
        doc.fingerprint = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
        return doc
