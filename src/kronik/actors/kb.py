"""The actor knowledge base: states, capitals and seats of government, organisations, and
people with dated roles.

Everything it knows comes from data files (``kronik/data/*.yaml`` and
``kronik/lang/id/actor_aliases.yaml``); this module only indexes them. Lookups fold case and
diacritics, except for short forms that the data marks ``exact`` ("AS" is the United States,
"as" is an Indonesian word). Every answer carries a ``reason`` saying which name and which
dated role produced it, so that a reader can check a resolution.

Roles carry date ranges (``start`` and ``end`` both inclusive, ``end`` null while open): a
person resolves to the role active on the article's date, and ``role_holder`` answers "who was
President of the US on that day" for a title used without a name.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache, cached_property, lru_cache
from typing import Any

from kronik.errors import KronikError
from kronik.resources import load_data
from kronik.tokens import TOKEN, Tokens, tokenize

# Spellings of names whose entries are remembered (the distinct names of a large batch).
FORMS_CACHE = 65536
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212"
APOSTROPHES = "\u2018\u2019\u02bc\u0060\u00b4"


class KnowledgeBaseError(KronikError):
    """A data file of the knowledge base is malformed; the message names the file."""


@cache
def _fold_char(char: str) -> str:
    """One character lower-cased and without diacritics, always exactly one character."""
    if char in DASHES:
        return "-"
    if char in APOSTROPHES:
        return "'"
    if char.isspace():
        return " "
    base = unicodedata.normalize("NFD", char)[0]
    lower = base.lower()
    return lower if len(lower) == 1 else base


FOLDED_UP_TO = 0x3000
# A run of characters outside ASCII, captured, so that ``split`` gives the runs in ASCII and
# those outside it in turn.
_NON_ASCII_RUN = re.compile(r"([^\x00-\x7f]+)")
# A text with at most this many characters outside ASCII (curly quotes, a few accented names:
# most articles) has them put in one by one, each found by bytes.find; one with more is folded
# run by run (the regular expression that finds the runs reads every character, slowly).
MAX_PATCHED_CHARACTERS = 64


@cache
def _fold_table() -> dict[int, str]:
    """``str.translate`` table of the characters up to the CJK blocks that folding changes
    (Latin, Greek, Cyrillic, punctuation and spaces), built once; the scripts beyond it have no
    case or diacritics to fold."""
    table = {}
    for code in range(FOLDED_UP_TO):
        folded = _fold_char(chr(code))
        if folded != chr(code):
            table[code] = folded
    return table


@cache
def _ascii_fold_table() -> bytes:
    """``bytes.translate`` table of the same folding for ASCII, which folds to ASCII: it maps
    a text's bytes in C without a lookup per character."""
    table = _fold_table()
    folded = bytes(ord(table.get(code, chr(code))) for code in range(128))
    return folded + bytes(range(128, 256))


def fold(text: str) -> str:
    """Text lower-cased, without diacritics, with one kind of dash, apostrophe and space.

    The result has the same length as ``text``, so offsets found in it point into the
    original: the entity recogniser can scan ``fold(doc.text)`` and keep its offsets.

    Its ASCII is folded as bytes (``bytes.translate``, in C); a character outside it (a curly
    quote, an accented letter) is first encoded as one "?" and then put in folded
    (``str.translate`` maps such a text one character at a time through a dictionary, some
    fifteen times slower); a text with many such characters is folded run by run.
    """
    if text.isascii():
        return text.encode("ascii").translate(_ascii_fold_table()).decode("ascii")
    table = _fold_table()
    marked = text.encode("ascii", "replace")  # each character outside ASCII -> one "?"
    if marked.count(b"?") > MAX_PATCHED_CHARACTERS:
        return "".join([part.translate(table) for part in _NON_ASCII_RUN.split(text)])
    folded = marked.translate(_ascii_fold_table()).decode("ascii")
    pieces, done, at = [], 0, marked.find(b"?")
    while at >= 0:
        char = text[at]
        if char != "?":
            pieces += (folded[done:at], table.get(ord(char), char))
            done = at + 1
        at = marked.find(b"?", at + 1)
    pieces.append(folded[done:])
    return "".join(pieces)


def _day(value: date | datetime | str | None) -> date | None:
    if value is None or type(value) is date:
        return value
    if isinstance(value, datetime):
        return value.date()
    return date.fromisoformat(str(value))


@dataclass(frozen=True)
class CountryEntry:
    """A state: ISO alpha-3 ``code`` (the key used everywhere), alpha-2, Indonesian and English
    names, UN ``status`` (member, observer, other), and the extra surface forms news uses."""

    code: str
    alpha2: str
    name: str
    name_en: str
    status: str = "member"
    names: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlaceEntry:
    """A capital or a seat of government (``kind``); ``metonym`` says whether news uses it to
    mean the state's government ("Beijing menegaskan ...")."""

    name: str
    country: str
    kind: str = "capital"
    metonym: bool = True
    variants: tuple[str, ...] = ()


@dataclass(frozen=True)
class OrganizationEntry:
    """An international organisation or a non-state group (``kind`` organization or group)."""

    key: str
    name: str
    kind: str = "organization"
    name_en: str | None = None
    names: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()
    parent: str | None = None


@dataclass(frozen=True)
class Role:
    """A role held from ``start`` to ``end`` (inclusive; ``None`` while still held) for a
    ``country`` (ISO alpha-3) or an ``organization`` (key), with its Indonesian title."""

    role: str
    start: date
    end: date | None = None
    country: str | None = None
    organization: str | None = None
    title: str | None = None

    def active(self, on: date) -> bool:
        return self.start <= on and (self.end is None or on <= self.end)

    def describe(self) -> str:
        """``head_of_state of USA 2025-01-20..`` for reasons."""
        end = self.end.isoformat() if self.end else ""
        return f"{self.role} of {self.country or self.organization} {self.start.isoformat()}..{end}"


@dataclass(frozen=True)
class PersonEntry:
    """A person: canonical ``name``, Wikidata ``qid`` where known, ``aliases`` (matched ignoring
    case), ``exact`` short forms (matched as written), ``surname`` and dated ``roles``."""

    name: str
    roles: tuple[Role, ...] = ()
    qid: str | None = None
    aliases: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()
    surname: str | None = None

    @property
    def family_name(self) -> str:
        return self.surname or self.name.split()[-1]


@dataclass(frozen=True)
class CountryMatch:
    """A state found for a name; ``surface`` is the form looked up."""

    country: CountryEntry
    surface: str
    reason: str

    @property
    def code(self) -> str:
        return self.country.code


@dataclass(frozen=True)
class PlaceMatch:
    place: PlaceEntry
    surface: str
    reason: str

    @property
    def code(self) -> str:
        return self.place.country


@dataclass(frozen=True)
class OrganizationMatch:
    organization: OrganizationEntry
    surface: str
    reason: str


@dataclass(frozen=True)
class PersonMatch:
    """A person and the role that decides whom they act for on the date asked about.

    ``role`` is the role active on that date (``None`` when none is, or no date was given and
    the person holds none now); ``country`` is that role's state, else the state of the
    person's role nearest in time, so a former president still carries their country.
    """

    person: PersonEntry
    role: Role | None
    country: str | None
    surface: str
    reason: str

    @property
    def title(self) -> str | None:
        return self.role.title if self.role else None


@dataclass(frozen=True)
class SurfaceForm:
    """One name to look for in text: its ``text``, the ``kind`` of what it names (state;
    capital or seat used as a metonym; place, a capital that is not; organization, group,
    person; non_actor, a region whose name contains a state's), the ``key`` to resolve it
    with (alpha-3 code, organisation key or person name) and whether case must match."""

    text: str
    kind: str
    key: str | None
    case_sensitive: bool = False


@dataclass(frozen=True)
class Mention:
    """A stretch of text that names something in the knowledge base; ``forms`` lists every
    entry the words can stand for (Singapura: the state and its capital)."""

    start: int
    end: int
    text: str
    forms: tuple[SurfaceForm, ...]


@dataclass
class _Index:
    """Names to values: folded forms matched ignoring case, exact forms matched as written."""

    folded: dict[str, list[Any]] = field(default_factory=dict)
    exact: dict[str, list[Any]] = field(default_factory=dict)

    def add(self, form: str, value: Any, case_sensitive: bool = False) -> None:
        table, key = (self.exact, form) if case_sensitive else (self.folded, fold(form))
        values = table.setdefault(key, [])
        if value not in values:
            values.append(value)

    def get(self, form: str) -> list[Any]:
        form = " ".join(form.split())
        return self.exact.get(form, []) + [v for v in self.folded.get(fold(form), [])
                                           if v not in self.exact.get(form, [])]


class KnowledgeBase:
    """Indexes of states, places, organisations and people for lookup by name.

    Build it with ``KnowledgeBase.default()`` (the packaged data, parsed once per process) or
    directly from entries, as tests do with invented actors; ``extended`` adds entries to a
    copy. Instances are read-only after construction.
    """

    def __init__(self, countries: Iterable[CountryEntry] = (), places: Iterable[PlaceEntry] = (),
                 organizations: Iterable[OrganizationEntry] = (),
                 persons: Iterable[PersonEntry] = (), non_actors: Iterable[str] = (),
                 role_order: Iterable[str] = ()):
        self.countries = {c.code: c for c in countries}
        self.places = tuple(places)
        self.organizations = {o.key: o for o in organizations}
        self.persons = tuple(persons)
        self.non_actors = tuple(non_actors)
        self.role_order = tuple(role_order)
        # The same names recur in every article: the entries a stretch stands for are looked
        # up once per spelling.
        self._forms_at = lru_cache(maxsize=FORMS_CACHE)(self._forms_of)
        self._countries = _Index()
        for entry in self.countries.values():
            self._countries.add(entry.name, (entry.code, "name"))
            self._countries.add(entry.name_en, (entry.code, "English name"), case_sensitive=True)
            for name in entry.names:
                self._countries.add(name, (entry.code, "alias"))
            for name in entry.exact:
                self._countries.add(name, (entry.code, "exact form"), case_sensitive=True)
        self._places = _Index()
        for place in self.places:
            for name in (place.name, *place.variants):
                self._places.add(name, place)
        self._organizations = _Index()
        for org in self.organizations.values():
            for name in (org.name, *org.names):
                self._organizations.add(name, org.key)
            for name in ((org.name_en,) if org.name_en else ()) + org.exact:
                self._organizations.add(name, org.key, case_sensitive=True)
        self._persons = _Index()
        self._surnames = _Index()
        for person in self.persons:
            self._persons.add(person.name, (person, "name"))
            for alias in person.aliases:
                self._persons.add(alias, (person, "alias"))
            for alias in person.exact:
                self._persons.add(alias, (person, "alias"), case_sensitive=True)
            self._surnames.add(person.family_name, person)

    @classmethod
    def default(cls) -> KnowledgeBase:
        """The knowledge base of the packaged data files, built once per process."""
        return _default_knowledge_base()

    def extended(self, countries: Iterable[CountryEntry] = (), places: Iterable[PlaceEntry] = (),
                 organizations: Iterable[OrganizationEntry] = (),
                 persons: Iterable[PersonEntry] = ()) -> KnowledgeBase:
        """A new knowledge base with these entries added (a country or organisation with a
        known key replaces the old one)."""
        return KnowledgeBase({**self.countries, **{c.code: c for c in countries}}.values(),
                             self.places + tuple(places),
                             {**self.organizations, **{o.key: o for o in organizations}}.values(),
                             self.persons + tuple(persons), self.non_actors, self.role_order)

    # States, places and organisations

    def country(self, name: str) -> CountryMatch | None:
        """The state a name or short form stands for ("Tiongkok", "RRT", "AS"), or None.
        ISO codes are not names ("CAN", "PER" and "MAR" are words): use ``by_code``."""
        for code, how in self._countries.get(name):
            return CountryMatch(self.countries[code], name, f"{how} '{name}' of {code}")
        return None

    def by_code(self, code: str) -> CountryEntry | None:
        """The state with this ISO alpha-3 code (as roles and results carry it)."""
        return self.countries.get(code)

    def place(self, name: str) -> PlaceMatch | None:
        """The capital or seat of government with this name, whether or not news uses it as a
        metonym (for locations: "di Jakarta")."""
        places = self._places.get(name)
        if not places:
            return None
        place = places[0]
        return PlaceMatch(place, name, f"{place.kind} '{name}' of {place.country}")

    def metonym(self, name: str) -> CountryMatch | None:
        """The state a capital or seat stands for when news makes it speak or act ("Kremlin",
        "Gedung Putih", "Beijing"); None for capitals not used that way."""
        for place in self._places.get(name):
            if place.metonym and place.country in self.countries:
                return CountryMatch(self.countries[place.country], name,
                                    f"{place.kind} '{name}' of {place.country}")
        return None

    def organization(self, name: str) -> OrganizationMatch | None:
        """The international organisation or group with this name or short form."""
        for key in self._organizations.get(name):
            org = self.organizations[key]
            return OrganizationMatch(org, name, f"{org.kind} '{name}' ({key})")
        return None

    # People

    def person(self, name: str, on: date | datetime | None = None) -> PersonMatch | None:
        """The person a full name or alias stands for, with the role active on ``on``.

        Where several people share an alias, the one holding a role on that date wins, then
        the one listed first in the data. Without a date, today's roles decide.
        """
        matches = [self._match(person, name, on, f"{how} '{name}' of {person.name}")
                   for person, how in self._persons.get(name)]
        return _best(matches)

    def persons_by_surname(self, surname: str, on: date | datetime | None = None
                           ) -> list[PersonMatch]:
        """Everyone with this family name, those holding a role on ``on`` first, so that
        "Menlu Wang" can be resolved with the title's help."""
        matches = [self._match(person, surname, on, f"surname '{surname}' of {person.name}")
                   for person in self._surnames.get(surname)]
        return sorted(matches, key=lambda match: match.role is None)

    def role_holder(self, country: str, role: str, on: date | datetime) -> PersonMatch | None:
        """Who held ``role`` for a state (alpha-3) or organisation (key) on a day: the answer
        for "Presiden AS" without a name. On a handover day the newcomer wins."""
        day = _day(on)
        holders = [(held, person) for held, person in self._role_holders.get((role, country), ())
                   if held.active(day)]
        if not holders:
            return None
        held, person = max(holders, key=lambda pair: pair[0].start)
        return PersonMatch(person, held, held.country, person.name,
                           f"holder on {day.isoformat()} of {held.describe()}")

    def _match(self, person: PersonEntry, surface: str, on: date | datetime | None,
               found: str) -> PersonMatch:
        role = self._active_role(person, _day(on) or date.today())
        if role:
            return PersonMatch(person, role, role.country, surface, f"{found}; {role.describe()}")
        nearest = _nearest_role(person, _day(on) or date.today())
        country = nearest.country if nearest else None
        when = f"on {_day(on).isoformat()}" if on else "now"
        note = f"; no role {when}" + (f", nearest {nearest.describe()}" if nearest else "")
        return PersonMatch(person, None, country, surface, found + note)

    def _active_role(self, person: PersonEntry, on: date) -> Role | None:
        active = [role for role in person.roles if role.active(on)]
        if len(active) < 2:
            return active[0] if active else None
        rank = self._role_rank
        return min(active, key=lambda role: rank.get(role.role, len(rank)))

    @cached_property
    def _role_rank(self) -> dict[str, int]:
        """Role name -> its place in ``role_order`` (the first outranks the others)."""
        return {name: position for position, name in enumerate(self.role_order)}

    # Scanning text

    def all_surface_forms(self) -> Iterator[SurfaceForm]:
        """Every name the knowledge base knows, for building a multi-pattern matcher."""
        for entry in self.countries.values():
            yield SurfaceForm(entry.name, "state", entry.code)
            yield from (SurfaceForm(name, "state", entry.code) for name in entry.names)
            yield SurfaceForm(entry.name_en, "state", entry.code, case_sensitive=True)
            yield from (SurfaceForm(name, "state", entry.code, True) for name in entry.exact)
        for place in self.places:
            kind = place.kind if place.metonym else "place"
            yield from (SurfaceForm(name, kind, place.country)
                        for name in (place.name, *place.variants))
        for org in self.organizations.values():
            yield from (SurfaceForm(name, org.kind, org.key) for name in (org.name, *org.names))
            exact = ((org.name_en,) if org.name_en else ()) + org.exact
            yield from (SurfaceForm(name, org.kind, org.key, True) for name in exact)
        for person in self.persons:
            yield from (SurfaceForm(name, "person", person.name)
                        for name in (person.name, *person.aliases))
            yield from (SurfaceForm(name, "person", person.name, True) for name in person.exact)
        yield from (SurfaceForm(name, "non_actor", None) for name in self.non_actors)

    def build_scan_tables(self) -> None:
        """Build now the tables that ``scan`` and ``names_in`` read (each is built when first
        read otherwise), so that a stage built from this knowledge base pays for them when it
        is built, not in its first text."""
        _ = self._names_by_first_word, self._first_name_words, self._last_name_words
        _ = self._forms_by_text

    def scan(self, text: str, tokens: Tokens | None = None) -> list[Mention]:
        """Every known name in ``text`` in one pass: whole words only, the longest match where
        names overlap ("Korea Selatan", not "Korea"), leftmost first. ``tokens``: the text's
        tokens (``kronik.tokens``), if already cut.

        A whole-word name starts where a token does, so the names are looked up by their first
        word (folded) at the tokens that start with one, and compared with the folded text
        there; a name known only in exact forms ("AS", not "as") counts where the text holds
        one of them as written."""
        return [Mention(start, end, surface, forms)
                for _, start, end, surface, forms in self.names_in(text, tokens)]

    def may_name_at_cut(self, before: str, after: str) -> bool:
        """Whether a known name may end with the word ``before`` or open with the word
        ``after``, the two halves of a word cut in two where scraping glued words together
        ("Rusia" | "ke", "baru" | "Iran"): False only where both are in ASCII and neither is
        such a word, so that the recogniser need not scan the words around the cut (a name
        that starts or ends at the cut opens or closes with that half).

        In ASCII, folding is lower-casing, and each half is the run of letters that ``scan``
        reads on its side of the cut (the cut is a space in the text it scans): the test
        never turns away a name that ``scan`` would find there."""
        if not (before.isascii() and after.isascii()):
            return True
        return after.lower() in self._names_by_first_word \
            or before.lower() in self._last_name_words

    def names_in(self, text: str, tokens: Tokens | None = None
                 ) -> list[tuple[int, int, int, str, tuple[SurfaceForm, ...]]]:
        """The names ``scan`` finds, each as (its first token, start, end, text, forms): the
        recogniser reads them so, without a Mention object for each.

        The names starting at a token are tried longest first, and the first that fits is the
        only one kept there: the longest at each start is the one the leftmost-longest choice
        can take."""
        folded_text = fold(text)
        table = self._names_by_first_word
        if tokens is None and text.isascii():
            starts, first_words = _ascii_first_words(folded_text, table)
        else:
            tokens = tokenize(text) if tokens is None else tokens
            starts = tokens.starts
            first_words = _first_words(tokens, text, folded_text, self._first_name_words)
        length = len(text)
        hits: list[tuple[int, int, int]] = []
        for index, word in first_words:
            start = starts[index]
            for name, any_case, exact in table[word]:
                end = start + len(name)
                # A whole word: no letter or digit follows (tested inline, for every name tried).
                if folded_text.startswith(name, start) \
                        and (end == length or not text[end].isalnum()) \
                        and (any_case or text[start:end] in exact):
                    hits.append((start, end, index))
                    break
        hits.sort()
        names, taken_until = [], -1
        for start, end, index in hits:
            if start >= taken_until:
                surface = text[start:end]
                names.append((index, start, end, surface, self._forms_at(surface)))
                taken_until = end
        return names

    @cached_property
    def _role_holders(self) -> dict[tuple[str, str | None], list[tuple[Role, PersonEntry]]]:
        """(role, state or organisation) -> every (role held, person) of it, in the order of
        persons and their roles, so that ``role_holder`` reads only the holders of the office
        asked for (a role held for a state is filed under the state, one for an organisation
        under the organisation)."""
        holders: dict[tuple[str, str | None], list[tuple[Role, PersonEntry]]] = {}
        for person in self.persons:
            for held in person.roles:
                for holder in {held.country, held.organization}:
                    holders.setdefault((held.role, holder), []).append((held, person))
        return holders

    @cached_property
    def _names_by_first_word(self) -> dict[str, list[tuple[str, bool, frozenset[str]]]]:
        """First word of each folded name -> (folded name, whether a form matched ignoring case
        folds to it, the exact forms that fold to it) for every name starting with it.

        Every name opens with a letter or digit (checked here), so that it can only start
        where a token does."""
        any_case: dict[str, bool] = {}
        exact: dict[str, set[str]] = {}
        for form in self.all_surface_forms():
            name = fold(form.text)
            if TOKEN.match(name) is None:
                raise KnowledgeBaseError(f"the knowledge base's data: name '{form.text}' "
                                         f"({form.kind} {form.key}) does not open with a "
                                         "letter or digit")
            any_case[name] = any_case.get(name, False) or not form.case_sensitive
            if form.case_sensitive:
                exact.setdefault(name, set()).add(form.text)
        table: dict[str, list[tuple[str, bool, frozenset[str]]]] = {}
        for name, loose in any_case.items():
            entry = (name, loose, frozenset(exact.get(name, ())))
            table.setdefault(TOKEN.match(name).group(0), []).append(entry)
        for entries in table.values():
            entries.sort(key=lambda entry: -len(entry[0]))  # longest first (see names_in)
        return table

    @cached_property
    def _first_name_words(self) -> frozenset[str]:
        """The keys of ``_names_by_first_word`` as a set: intersected with a text's word index,
        it looks up each of the text's words by the hash the word already holds."""
        return frozenset(self._names_by_first_word)

    @cached_property
    def _last_name_words(self) -> frozenset[str]:
        """The last word (run of letters or digits) of each folded name, for
        ``may_name_at_cut``."""
        return frozenset(TOKEN.findall(name)[-1] for entries in self._names_by_first_word.values()
                         for name, _, _ in entries)

    @cached_property
    def _forms_by_text(self) -> _Index:
        index = _Index()
        for form in self.all_surface_forms():
            index.add(form.text, form, form.case_sensitive)
        return index

    def _forms_of(self, surface: str) -> tuple[SurfaceForm, ...]:
        """The entries a matched stretch stands for, one form per (kind, key)."""
        forms: dict[tuple[str, str | None], SurfaceForm] = {}
        for form in self._forms_by_text.get(surface):
            forms.setdefault((form.kind, form.key), form)
        return tuple(forms.values())


def _first_words(tokens: Tokens, text: str, folded_text: str, words: frozenset[str]
                 ) -> list[tuple[int, str]]:
    """(token, folded first word) of each token whose folded run of letters and digits is one
    of ``words``. A lower-cased word in ASCII is its own folded form (``fold`` lower-cases
    ASCII and maps every character whose lower case is ASCII to it); a word outside ASCII is
    read off the folded text, where it may also end earlier (a modifier letter apostrophe is a
    letter that folds to an apostrophe). A text in ASCII has no such word to look for."""
    positions, starts = tokens.positions, tokens.starts
    found = [(index, word) for word in words.intersection(positions)
             if word.isascii() for index in positions[word]]
    if text.isascii():
        return found
    for word in [word for word in positions if not word.isascii()]:
        for index in positions[word]:
            first = TOKEN.match(folded_text, starts[index])
            if first is not None and first.group(0) in words:
                found.append((index, first.group(0)))
    return found


def _ascii_first_words(folded_text: str, table: dict[str, Any]
                       ) -> tuple[list[int], list[tuple[int, str]]]:
    """The token starts of a text in ASCII, read off its folded form, and (token, first word)
    of each token that is a key of ``table``. Folding keeps ASCII letters and digits letters
    and digits, lower-cased, so the folded text's tokens are the text's own, lower-cased: a
    short text scanned once (``scan``) is read so without cutting it into ``Tokens``."""
    starts, found = [], []
    for index, match in enumerate(TOKEN.finditer(folded_text)):
        starts.append(match.start())
        if match.group() in table:
            found.append((index, match.group()))
    return starts, found


def _nearest_role(person: PersonEntry, on: date) -> Role | None:
    def distance(role: Role) -> int:
        if on < role.start:
            return (role.start - on).days
        return (on - role.end).days if role.end else 0
    return min(person.roles, key=distance, default=None)


def _best(matches: list[PersonMatch]) -> PersonMatch | None:
    """The first match holding a role, else the first match."""
    return next((m for m in matches if m.role), matches[0] if matches else None)


# Loading the packaged data


@cache
def _default_knowledge_base() -> KnowledgeBase:
    aliases = load_data("actor_aliases")
    countries = [_country(row, aliases["countries"]) for row in _rows("countries", "countries")]
    places = [_place(row) for row in _rows("capitals", "capitals")]
    places += [PlaceEntry(name, code, "seat", True) for name, code in aliases["seats"].items()]
    organizations = [_organization(row) for row in _rows("organizations", "organizations")]
    keys = {org.key for org in organizations}
    persons = [_person(row, keys) for row in _rows("persons", "persons")]
    return KnowledgeBase(countries, places, organizations, persons, aliases["non_actors"],
                         _rows("roles", "roles"))


def _rows(name: str, key: str) -> list[Any]:
    data = load_data(name, language=None)
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise KnowledgeBaseError(f"data/{name}.yaml: expected a list under '{key}'")
    return data[key]


def _country(row: dict[str, Any], aliases: dict[str, dict[str, list[str]]]) -> CountryEntry:
    extra = aliases.get(row["alpha3"], {})
    return CountryEntry(row["alpha3"], row["alpha2"], row["name_id"], row["name_en"],
                        row["status"], tuple(extra.get("names", ())),
                        tuple(extra.get("exact", ())))


def _place(row: dict[str, Any]) -> PlaceEntry:
    return PlaceEntry(row["name"], row["country"], row.get("kind", "capital"),
                      bool(row.get("metonym", False)),
                      tuple(row.get("variants", ())))


def _organization(row: dict[str, Any]) -> OrganizationEntry:
    return OrganizationEntry(row["key"], row["name"], row.get("kind", "organization"),
                             row.get("name_en"), tuple(row.get("names", ())),
                             tuple(row.get("exact", ())), row.get("parent"))


def _person(row: dict[str, Any], organizations: set[str]) -> PersonEntry:
    """A person row; each role is written ``[role, state or organisation, start, end, title]``
    (see the header of data/persons.yaml)."""
    try:
        roles = tuple(_role(item, organizations) for item in row.get("roles", ()))
    except (TypeError, ValueError) as error:
        raise KnowledgeBaseError(f"data/persons.yaml: bad role of {row.get('name')}: {error}")
    return PersonEntry(row["name"], roles, row.get("qid"), tuple(row.get("aliases", ())),
                       tuple(row.get("exact", ())), row.get("surname"))


def _role(item: list[Any], organizations: set[str]) -> Role:
    role, holder, start, end, title = item
    if holder in organizations:
        return Role(role, _day(start), _day(end), None, holder, title)
    return Role(role, _day(start), _day(end), holder, None, title)
