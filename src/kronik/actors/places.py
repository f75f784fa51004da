"""Places: cities, regions and venues resolved to the state they lie in, with coordinates.

Three sources, each a data file: ``data/places.tsv`` (generated from GeoNames by
``tools/generate_places.py``: cities of 15,000 people or more and the US states, each with the
lookup key that stands for it, ambiguous names already left out), ``data/places.yaml``
(regions and venues written by hand: "Bintan", "Istana Merdeka", "Markas PBB") and
``lang/<language>/places.yaml`` (exonyms: "Jenewa", "Mekkah"; stop words).

A name is looked up folded (case, diacritics); hand-written entries win over GeoNames.
``Gazetteer.at`` reads capitalised tokens only, so "batu" is a word and "Batu" a city; a small
city is taken only after a place word ("di", "ke", "kota"), since small towns share names with
people; names that are words or names even when capitalised are the language's stop words.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from kronik.actors.kb import fold
from kronik.errors import KronikError
from kronik.resources import load_data
from kronik.tokens import TOKEN, Tokens

# Without a preposition or place word before it, a city from GeoNames is taken for a place only
# from this population: smaller towns share names with people and words ("Marion", "Jackson"),
# while the world's big cities are rarely anything else (set by reading the unlabeled corpus).
UNCUED_MIN_POPULATION = 1_000_000
# Kinds written by hand: always taken, cue or not.
HAND_KINDS = frozenset({"region", "venue", "international"})
# Spellings whose place is remembered: the distinct capitalised stretches of a large batch
# that may be place names (the same few recur in every article).
NAMES_CACHE = 65536
TABLE = "places.tsv"


class PlaceDataError(KronikError):
    """A place data file is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class Place:
    """A place: its ``name``, the state it lies in (ISO alpha-3; None for an international
    venue such as UN headquarters), ``kind`` (city, region, venue, international), coordinates
    where known, population (cities) and the GeoNames id (``geonames:<n>``) where it has one."""

    name: str
    country: str | None
    kind: str
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    id: str | None = None

    @property
    def hand_written(self) -> bool:
        return self.kind in HAND_KINDS


@dataclass(frozen=True)
class PlaceHit:
    """A place name found in text: token positions ``[first, last)`` and what it names."""

    first: int
    last: int
    place: Place
    surface: str


def key(name: str) -> str:
    """The lookup form of a name: folded, single spaces, no full stop at the end."""
    return " ".join(fold(name).split()).rstrip(".")


class Gazetteer:
    """Place names to places: ``rows`` maps a lookup key to a row of the table (parsed when
    first asked for), ``hand`` adds (name, place) pairs that win over the table; ``cues`` are
    the lower-case words after which a small city is taken ("di", "ke", "kota")."""

    def __init__(self, rows: dict[str, str] | None = None,
                 hand: Iterable[tuple[str, Place]] = (), stop_words: Iterable[str] = (),
                 cues: Iterable[str] = ()):
        hand = list(hand)
        self.cues = frozenset(cues)
        self.rows = dict(rows or {})
        self.hand = {key(name): place for name, place in hand}
        for word in stop_words:
            self.rows.pop(key(word), None)
            self.hand.pop(key(word), None)
        # First word of each name, lower-cased as tokens are (folded, and as written for the
        # hand-written names: "élysée") -> the most words a name starting with it has, so that
        # a text's words that start no name are skipped in one set operation. The names' words
        # are sorted by their number, so that the longest name of a first word is written last
        # and kept: the table is built at every start, and this keeps its loop in C.
        names = [words for words in map(TOKEN.findall, [*self.rows, *self.hand, *(n.lower() for n, _ in hand)])
                 if words]
        names.sort(key=len)
        self.starts: dict[str, int] = {words[0]: len(words) for words in names}
        # The one-word names, and the first two words of the others joined by a space, as a
        # text in ASCII writes them lower-cased (folded there), so that ``may_start`` turns
        # away most words that open some name but none at their token ("Mei", "Kota").
        self.one_word = frozenset(words[0] for words in names if len(words) == 1)
        self.two_words = frozenset(f"{words[0]} {words[1]}" for words in names if len(words) > 1)
        self._places_of = lru_cache(maxsize=NAMES_CACHE)(self._place_of)

    def get(self, name: str) -> Place | None:
        """The place a name stands for, or None (unknown, ambiguous or a stop word)."""
        return self._places_of(name)

    def _place_of(self, name: str) -> Place | None:
        folded = key(name)
        place = self.hand.get(folded)
        if place is not None:
            return place
        row = self.rows.get(folded)
        return _parse(row) if row is not None else None

    def may_start(self, tokens: Tokens, index: int) -> bool:
        """Whether ``at`` may find a name at token ``index``: False only where the token's word
        is in ASCII and no name is that word alone or opens with it and the next word (in
        ASCII too; a word outside ASCII is not folded by lower-casing, so it is let through)."""
        lowers = tokens.lowers
        word = lowers[index]
        if word in self.one_word or not word.isascii():
            return True
        if index + 1 == len(lowers):
            return False
        after = lowers[index + 1]
        return not after.isascii() or f"{word} {after}" in self.two_words

    def at(self, text: str, tokens: Tokens, index: int, cued: bool) -> PlaceHit | None:
        """The longest place name starting at token ``index`` of the text's tokens whose first
        and last words are capitalised; a small city only where ``cued``, and a city of the
        table never when written in capitals only (an acronym)."""
        words, ends = tokens.words, tokens.ends
        if not words[index][0].isupper():
            return None
        start, most = tokens.starts[index], self.starts.get(tokens.lowers[index], 0)
        for last in range(min(len(words), index + most), index, -1):
            if not words[last - 1][0].isupper():
                continue
            surface = text[start:ends[last - 1]]
            place = self.get(surface)
            if place is None:
                continue
            if _in_domain_name(text, ends[last - 1]):
                return None  # "TRIBUN BALI.COM": an outlet's name, not the place
            if place.hand_written:
                return PlaceHit(index, last, place, surface)
            if surface.isupper() or not (cued or place.population >= UNCUED_MIN_POPULATION):
                return None  # "KONI", "OKU": acronyms, not the towns of their spelling
            return PlaceHit(index, last, place, surface)
        return None


def _in_domain_name(text: str, end: int) -> bool:
    """Whether a name ending at ``end`` goes on as a domain name ("BALI.COM", "Bali.tribunnews")."""
    return text[end:end + 1] == "." and text[end + 1:end + 2].isalpha()


@cache
def _parse(row: str) -> Place:
    """A place of the table from its row (``geonameid kind name country lat lon population``)."""
    geonameid, kind, name, country, lat, lon, population = row.split("\t")[:7]
    return Place(name, country, kind, float(lat) if lat else None, float(lon) if lon else None,
                 int(population or 0), f"geonames:{geonameid}")


# Loading the packaged data


@cache
def gazetteer(language: str = "id") -> Gazetteer:
    """The gazetteer of the packaged data with the language's exonyms and stop words, built once."""
    data = load_data("places", language)
    rows = _table()
    hand = list(_hand_places(load_data("places", language=None)))
    by_key = {key(name): place for name, place in hand}
    aliases = []
    for alias, (name, country) in data["aliases"].items():
        place = by_key.get(key(name))
        if place is None and key(name) in rows:
            place = _parse(rows[key(name)])
        if place is None or place.country != country:
            raise PlaceDataError(f"lang/{language}/places.yaml: alias '{alias}' names {name} "
                                 f"({country}), which no place data holds")
        aliases.append((alias, place))
    return Gazetteer(rows, hand + aliases, data["stop_words"], data["cue_words"])


def _table() -> dict[str, str]:
    """Lookup key -> row of ``data/places.tsv`` (the key is its last column)."""
    rows: dict[str, str] = {}
    with (resources.files("kronik") / "data" / TABLE).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if number <= 2:
                continue  # the generator's comment and the column names
            row, _, name = line.rstrip("\n").rpartition("\t")
            if not row or not name:
                raise PlaceDataError(f"data/{TABLE} line {number}: expected 8 columns")
            rows[name] = row
    return rows


def _hand_places(data: dict[str, Any]) -> Iterator[tuple[str, Place]]:
    """(name, place) for every name and variant of the regions and venues of ``data/places.yaml``."""
    for kind in ("regions", "venues", "international"):
        for row in data[kind]:
            try:
                place = Place(row["name"], row.get("country"), kind.rstrip("s"),
                              row.get("lat"), row.get("lon"))
            except (KeyError, TypeError) as error:
                raise PlaceDataError(f"data/places.yaml: bad entry under {kind}: {error}") from None
            for name in (row["name"], *row.get("variants", ())):
                yield name, place
