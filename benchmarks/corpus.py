"""A large synthetic benchmark corpus generated at run time from the development articles.

The development articles (``../shared/corpus``) are test input only: this module reads them and
builds new articles in memory or in a temporary folder, never in the repository. Each generated
article keeps the shape of a real one (a headline and date line, then paragraphs of sentences)
and differs from every other by

1. sentences shuffled within paragraphs, paragraphs reordered, dropped or borrowed from other
   articles, and single sentences borrowed from other articles;
2. person names swapped for other persons (a full name and its surname together);
3. country names swapped for other countries;
4. dates moved by a whole number of weeks, so that a weekday next to a date stays right.

Person and country names come from Kronik's knowledge base (``src/kronik/data``) and alias
files where they exist; persons fall back to names derived from the corpus itself.
"""
from __future__ import annotations

import hashlib
import json
import random
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path


from kronik.resources import load_data

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_FOLDERS = (CORPUS / "seeds", CORPUS / "dev")

# Lines at the top of an article kept in place: the headline and the date line, where the
# metadata stage looks for them.
HEADER_LINES = 2
# Paragraphs are dropped only from articles with at least this many (some are one paragraph).
MIN_PARAGRAPHS_TO_DROP = 4
# Mutation rates, chosen so that most articles differ from their base in several places while
# still reading as one story: a sentence borrowed in about one paragraph of three, paragraphs
# shuffled in half the articles.
BORROW_SENTENCE = 0.12
SHUFFLE_PARAGRAPH = 0.35
DROP_PARAGRAPH = 0.1
BORROW_PARAGRAPH = 0.25
# Dates move by up to this many weeks either way.
MAX_WEEKS_SHIFT = 160
# Attempts at a new article before giving up on distinctness (a tiny source corpus).
MAX_ATTEMPTS = 50

SENTENCE_END = re.compile(r"(?<=[.!?”\"])\s+(?=[“\"(A-Z0-9])")
# Where known names are looked up: runs of capitalised words, acronyms included ("AS").
CAPITALISED_WORDS = re.compile(r"\b[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*")
WORD_SPAN = re.compile(r"\S+")
# Where person names are guessed from the corpus: runs of capitalised words in lower case after
# the first letter, so that acronyms ("KTT APEC", "WIB") are not taken for names.
CAPITALISED_RUN = re.compile(r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)*(?: [A-Z][a-z]+(?:-[A-Z][a-z]+)*)*\b")


@dataclass(frozen=True)
class Source:
    """One development article, split into a header and paragraphs of sentences."""

    name: str
    header: tuple[str, ...]
    paragraphs: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Generated:
    """A generated article and the development article it was built on."""

    source: str
    text: str
    base: str


def read_sources(folders: Iterable[Path] = DEFAULT_FOLDERS) -> list[Source]:
    """The development articles under ``folders`` (``*.txt``), split for recombination."""
    sources = []
    for folder in folders:
        for path in sorted(Path(folder).glob("*.txt")):
            lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
            lines = [line for line in lines if line]
            body = tuple(tuple(SENTENCE_END.split(line)) for line in lines[HEADER_LINES:])
            sources.append(Source(path.name, tuple(lines[:HEADER_LINES]), body))
    if len(sources) < 2:
        raise SystemExit(f"need at least two development articles under {list(folders)}")
    return sources


@cache
def country_names() -> tuple[str, ...]:
    """Indonesian country names: the knowledge base's table plus its aliases (AS, Korsel)."""
    names = {row["name_id"] for row in load_data("countries", language=None)["countries"]}
    for forms in (_optional_data("actor_aliases", "id") or {}).get("countries", {}).values():
        names.update(forms.get("names", ()), forms.get("exact", ()))
    return tuple(sorted(n for n in names if " - " not in n and len(n) > 1))


def knowledge_base_persons() -> tuple[str, ...]:
    """Full names of the persons in the knowledge base (``data/persons.yaml``), if written."""
    rows = (_optional_data("persons", None) or {}).get("persons", [])
    names = {row["name"] for row in rows} | {a for row in rows for a in row.get("aliases", ())}
    return tuple(sorted(n for n in names if len(n.split()) >= 2))


def _optional_data(name: str, language: str | None) -> dict | None:
    try:
        return load_data(name, language=language)
    except FileNotFoundError:
        return None


def corpus_persons(sources: list[Source]) -> tuple[str, ...]:
    """Person-like names of the corpus: runs of two or three distinct capitalised words that
    never occur in lower case ("presiden" does, "Trump" does not) and name no country, whose
    first or last word also stands alone elsewhere ("Donald Trump" ... "Trump")."""
    text = "\n".join(" ".join(s for p in src.paragraphs for s in p) for src in sources)
    lower = set(re.findall(r"\b[a-z]+\b", text))
    countries = set(country_names())
    segments: list[tuple[str, ...]] = []
    for run in CAPITALISED_RUN.findall(text):
        segment: list[str] = []
        for word in [*run.split(), ""]:
            if word and word.lower() not in lower and word not in countries:
                segment.append(word)
            elif segment:
                segments.append(tuple(segment))
                segment = []
    alone = {s[0] for s in segments if len(s) == 1}
    return tuple(sorted({" ".join(s) for s in segments if 2 <= len(s) <= 3
                         and len(set(s)) == len(s) and (s[0] in alone or s[-1] in alone)
                         and " ".join(s) not in countries}))


def person_names(sources: list[Source]) -> tuple[str, ...]:
    """The knowledge base's persons, or the corpus's own where the base has none yet."""
    return knowledge_base_persons() or corpus_persons(sources)


class Generator:
    """Builds distinct articles from the development articles, reproducibly from a seed."""

    def __init__(self, sources: list[Source], seed: int = 0):
        self.sources = sources
        self.rng = random.Random(seed)
        self.persons = person_names(sources)
        self.countries = country_names()
        self.pool = [s for src in sources for p in src.paragraphs for s in p if len(s) > 40]
        self.dates = DateShifter()
        self.person_names = NameScanner(self.persons + tuple(_surnames(self.persons)))
        self.country_names = NameScanner(self.countries)

    def articles(self, count: int) -> Iterator[Generated]:
        """``count`` distinct articles, named ``gen-000001.txt`` and so on."""
        seen: set[str] = set()
        for number in range(1, count + 1):
            for _ in range(MAX_ATTEMPTS):
                base = self.rng.choice(self.sources)
                text = self.article(base)
                digest = hashlib.sha1(text.encode("utf-8")).hexdigest()
                if digest not in seen:
                    break
            else:
                raise SystemExit("the development corpus is too small for distinct articles")
            seen.add(digest)
            yield Generated(f"gen-{number:06d}.txt", text, base.name)

    def article(self, base: Source) -> str:
        """One new article on the pattern of ``base``: recombined, then names and dates swapped."""
        paragraphs = [" ".join(sentences) for sentences in self.recombine(base) if sentences]
        text = self.swap_countries(self.swap_persons("\n\n".join([*base.header, *paragraphs])))
        weeks = self.rng.randint(-MAX_WEEKS_SHIFT, MAX_WEEKS_SHIFT)
        return self.dates.shift(text, timedelta(weeks=weeks))

    def recombine(self, base: Source) -> list[list[str]]:
        """The paragraphs of ``base`` as lists of sentences, reordered, some dropped, some
        borrowed from other articles."""
        paragraphs = [list(p) for p in base.paragraphs
                      if len(base.paragraphs) < MIN_PARAGRAPHS_TO_DROP
                      or self.rng.random() > DROP_PARAGRAPH]
        if self.rng.random() < BORROW_PARAGRAPH:
            other = self.rng.choice(self.sources)
            if other.paragraphs:
                paragraphs.insert(self.rng.randrange(len(paragraphs) + 1),
                                  list(self.rng.choice(other.paragraphs)))
        if self.rng.random() < SHUFFLE_PARAGRAPH:
            self.rng.shuffle(paragraphs)
        for sentences in paragraphs:
            if len(sentences) > 1 and self.rng.random() < SHUFFLE_PARAGRAPH:
                self.rng.shuffle(sentences)
            for i in range(len(sentences)):
                if self.rng.random() < BORROW_SENTENCE:
                    sentences[i] = self.rng.choice(self.pool)
        return paragraphs

    def swap_persons(self, text: str) -> str:
        """Every person named gets another; a surname alone follows its full name."""
        found = {text[a:b] for a, b in self.person_names.spans(text)}
        mapping: dict[str, str] = {}
        for name in sorted(found, key=lambda n: (-len(n.split()), n)):
            other = self.rng.choice(self.persons)
            if len(name.split()) > 1:
                mapping[name] = other
                mapping.setdefault(name.split()[-1], other.split()[-1])
            else:
                mapping.setdefault(name, other.split()[-1])
        return self.person_names.replace(text, mapping.__getitem__)

    def swap_countries(self, text: str) -> str:
        """Every country named becomes another, the same one throughout the article."""
        mapping: dict[str, str] = {}
        return self.country_names.replace(
            text, lambda name: mapping.setdefault(name, self.rng.choice(self.countries)))


class NameScanner:
    """Finds known names in text: the longest known run of capitalised words at each place.

    A dictionary lookup per run of capitalised words; a regular expression alternating over
    thousands of names is a hundred times slower."""

    def __init__(self, names: Iterable[str]):
        self.names = set(names)
        self.longest = max((len(n.split()) for n in self.names), default=1)

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        for run in CAPITALISED_WORDS.finditer(text):
            words = list(WORD_SPAN.finditer(run.group(0)))
            i = 0
            while i < len(words):
                for n in range(min(self.longest, len(words) - i), 0, -1):
                    start, end = words[i].start(), words[i + n - 1].end()
                    if run.group(0)[start:end] in self.names:
                        yield run.start() + start, run.start() + end
                        i += n
                        break
                else:
                    i += 1

    def replace(self, text: str, choose) -> str:
        pieces, last = [], 0
        for start, end in self.spans(text):
            pieces += [text[last:start], choose(text[start:end])]
            last = end
        return "".join([*pieces, text[last:]])


class DateShifter:
    """Moves Indonesian dates ("27 Mei 2026", "27 Okt 2023", "(20/1/2025)") by a time delta."""

    def __init__(self):
        calendar = load_data("calendar")
        self.full = {int(n): words for n, words in calendar["months"].items()}
        self.short = {int(n): words for n, words in calendar["month_abbreviations"].items()}
        self.month_of = {word: n for table in (self.full, self.short)
                         for n, words in table.items() for word in words}
        names = "|".join(sorted(self.month_of, key=len, reverse=True))
        self.written = re.compile(rf"\b(\d{{1,2}}) ({names})\b\.? (\d{{4}})\b", re.IGNORECASE)
        self.numeric = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")

    def shift(self, text: str, delta: timedelta) -> str:
        text = self.written.sub(lambda m: self._written(m, delta), text)
        return self.numeric.sub(lambda m: self._numeric(m, delta), text)

    def _written(self, match: re.Match, delta: timedelta) -> str:
        word = match.group(2)
        month = self.month_of[word.lower()]
        try:
            moved = date(int(match.group(3)), month, int(match.group(1))) + delta
        except ValueError:
            return match.group(0)
        # Keep the article's style: a full month name stays full, an abbreviation short (a
        # month without one, "Mei", is written in full).
        written_full = word.lower() in self.full[month]
        name = (self.full if written_full else self.short).get(moved.month, self.full[moved.month])[0]
        return f"{moved.day} {name.capitalize() if word[0].isupper() else name} {moved.year}"

    def _numeric(self, match: re.Match, delta: timedelta) -> str:
        try:
            moved = date(int(match.group(3)), int(match.group(2)), int(match.group(1))) + delta
        except ValueError:
            return match.group(0)
        return f"{moved.day}/{moved.month}/{moved.year}"


def _surnames(names: Iterable[str]) -> set[str]:
    return {n.split()[-1] for n in names if len(n.split()[-1]) > 2}


def generate(count: int, seed: int = 0,
             folders: Iterable[Path] = DEFAULT_FOLDERS) -> list[Generated]:
    """``count`` distinct generated articles."""
    return list(Generator(read_sources(folders), seed).articles(count))


def write_jsonl(articles: Iterable[Generated], path: Path) -> Path:
    """The articles as a JSON Lines file Kronik reads (``source`` and ``text`` per line)."""
    with path.open("w", encoding="utf-8") as handle:
        for article in articles:
            handle.write(json.dumps({"source": article.source, "text": article.text},
                                    ensure_ascii=False) + "\n")
    return path
