"""Metadata: title, outlet, author, dateline and publication date of an article.

Everything here is read from the article's header and byline lines, the dateline at the start
of the body ("MOSKOW, KOMPAS.TV - ...", "Liputan6.com, Washington - ...") and, when the source
is a URL, its host and path. The body text is never searched for a publication date: the time
stage infers one from clues where none is stated. A date the caller gave always wins.

Dates are parsed deterministically with the month, weekday and time-zone words of
``calendar.yaml``; the labels, outlets and name particles live in ``metadata.yaml``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import cache, lru_cache
from urllib.parse import urlsplit

from kronik.document import Document
from kronik.pipeline import Stage
from kronik.resources import load_data
from kronik.screens import Screen, screen
from kronik.stages.clean import FULL_STOP_END, more_words_than
from kronik.time.grammar import alternation, grouped_alternation, lexicon
from kronik.tokens import TOKEN

# How much a date's label counts when several are stated: published before unlabelled before
# updated ("diperbarui" is used only when nothing else is stated).
_RANK = {"published": 0, "stated": 1, "updated": 2}
_NAME_WORD = r"[A-Z][\w'’.-]*"
_DASH = r"\s+-{1,2}\s+"
# Every date pattern holds a year of four digits: a line without four digits in a row states
# no date (most short lines with a digit hold a year anyway; this turns away the others).
# Written out rather than as a repeat, so that the pattern opens with a class of characters and
# the engine skips in C to each digit (a pattern opening with a repeat is tried at every one).
_FOUR_DIGITS = re.compile(r"\d\d\d\d")
# What each date pattern of ``header_rules`` cannot match without: an ISO date its dashes, a
# numeric date its separators; the dates with a month name need no such character.
_DATE_MARKS = ("-", "", "", "/.-")
# How many header lines the stamps of a date line are kept for: a title is read both as a title
# and as a header line, and an outlet's byline and footer lines recur from article to article.
DATE_LINES_KEPT = 1024
_CAPITAL_START = re.compile(r"[\"“‘'(]?[A-Z0-9]")
_DATELINE = re.compile(rf"(?P<head>[^\s\-][^\n]{{0,60}}?){_DASH}\S")
_BRACKETED_OUTLET = re.compile(r"(?P<place>[^()]+?)\s*\((?P<outlet>[^()]+)\)")
_WEB_NAME = re.compile(r"[\w-]+(?:\.[A-Za-z]{2,})+")
_NAME_START = re.compile(r"[A-Z0-9]")
_URL_DATE = re.compile(r"/(?P<y>(?:19|20)\d\d)[/-]?(?P<m>[01]\d)[/-]?(?P<d>[0-3]\d)(?:[0-2]\d[0-5]\d[0-5]\d)?(?=[/_-]|$)")


@dataclass(frozen=True)
class Stamp:
    """A date found in a header line, with the kind of label in front of it."""

    value: date | datetime
    kind: str


@dataclass(frozen=True)
class HeaderRules:
    """The compiled patterns of one language for reading article headers."""

    language: str
    dates: tuple[re.Pattern[str], ...]
    # By date pattern, the characters it cannot match without one of ("" where none): each
    # pattern opens with ``\b``, so the engine tries it at every character, while ``in`` finds
    # a character in C; most date lines state no numeric date.
    date_marks: tuple[str, ...]
    months: dict[str, int]
    zones: dict[str, int]
    labels: re.Pattern[str]
    label_kinds: dict[str, str]
    # What a line must hold for ``labels`` to match in it: one of the label words. The pattern
    # opens with an anchor, so the engine would try its alternatives at every character; most
    # date lines hold no label.
    labels_screen: Screen
    author: re.Pattern[str]
    filler: re.Pattern[str]
    header_lines: int
    footer_lines: int
    max_header_words: int
    outlets: tuple[dict, ...]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def header_rules(language: str = "id") -> HeaderRules:
    """Patterns for date lines, bylines and labels, built once from the language's YAML."""
    calendar = load_data("calendar", language)
    meta = load_data("metadata", language)
    time_words = lexicon(language)
    months = {name.lower(): number for name, number in time_words.months.items()}
    zones = {name.upper(): int(hours) for name, hours in calendar["time_zones"].items()}
    month = f"(?P<month>{grouped_alternation(list(months))})\\.?"
    zone = f"(?P<zone>{_alternation(list(zones))}|UTC|GMT)"
    clock_word = alternation(time_words.time["clock_words"])  # "pukul", "jam"
    clock = rf"(?:\s*[,|-]?\s*{clock_word}?\s*(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)(?::[0-5]\d)?)?(?:\s*{zone}\b)?"
    dates = (
        re.compile(r"\b(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})"
                   r"(?::\d{2}(?:\.\d+)?)?(?P<offset>Z|[+-]\d{2}:?\d{2})?)?"),
        re.compile(rf"\b(?P<day>\d{{1,2}})\s+{month}\s+(?P<year>\d{{4}})\b{clock}", re.IGNORECASE),
        re.compile(rf"\b{month}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})\b{clock}", re.IGNORECASE),
        re.compile(rf"\b(?P<day>\d{{1,2}})[/.-](?P<mon>\d{{1,2}})[/.-](?P<year>\d{{4}})\b{clock}", re.IGNORECASE),
    )
    kinds = {**{w: "published" for w in meta["published_labels"]},
             **{w: "updated" for w in meta["updated_labels"]},
             **{w: "author" for w in meta["author_labels"]},
             **{w: "editor" for w in meta["editor_labels"]}}
    particles = _alternation(meta["name_particles"])
    name = rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|(?:{particles})(?=\s+[A-Z]))){{0,5}}"
    weekdays = list(time_words.weekdays)
    filler = grouped_alternation(list(kinds) + weekdays + meta["date_line_words"] + list(zones))
    labels = re.compile(rf"\b(?:{grouped_alternation(list(kinds))})\b", re.IGNORECASE)
    return HeaderRules(
        language=language, dates=dates, date_marks=_DATE_MARKS, months=months, zones=zones,
        labels=labels,
        label_kinds=kinds,
        labels_screen=screen(labels),
        author=re.compile(rf"^(?i:{_alternation(meta['author_labels'])})\s*:?\s+(?P<name>{name})"),
        filler=re.compile(rf"\b(?:{filler})\b", re.IGNORECASE),
        header_lines=int(meta["header_lines"]),
        footer_lines=int(meta["footer_lines"]),
        max_header_words=int(meta["max_header_line_words"]),
        outlets=tuple(meta["outlets"]),
    )


def _stamp_value(match: re.Match[str], rules: HeaderRules) -> date | datetime | None:
    """The date (or, with a time and a zone, the aware datetime) a date match stands for."""
    parts = match.groupdict()
    month = int(parts["mon"]) if parts.get("mon") else rules.months[parts["month"].lower()]
    try:
        day = date(int(parts["year"]), month, int(parts["day"]))
    except ValueError:
        return None
    tz = _timezone(parts.get("zone"), parts.get("offset"), rules)
    if parts.get("hour") is None or tz is None:
        return day
    return datetime(day.year, day.month, day.day, int(parts["hour"]), int(parts["minute"]), tzinfo=tz)


def _timezone(zone: str | None, offset: str | None, rules: HeaderRules) -> timezone | None:
    if offset:
        if offset == "Z":
            return timezone.utc
        sign = -1 if offset[0] == "-" else 1
        digits = offset[1:].replace(":", "")
        return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
    if zone:
        return _zone(rules.zones.get(zone.upper(), 0))
    return None


@cache
def _zone(hours: int) -> timezone:
    """The time zone ``hours`` ahead of UTC, built once (a date line names one of a few)."""
    return timezone(timedelta(hours=hours))


def find_stamps(line: str, rules: HeaderRules) -> list[Stamp]:
    """Dates stated in one line, each with the kind of the label right before it (only
    weekday names and date words between): published, updated, or else stated."""
    if not _FOUR_DIGITS.search(line):
        return []
    return _stamps(line, _date_matches(line, rules), rules)


def _date_matches(line: str, rules: HeaderRules) -> list[list[re.Match[str]]]:
    """Every match of each date pattern in ``line``, as ``finditer`` gives them: invalid and
    overlapping ones too, so that ``_without_dates`` can blank them as ``sub`` would. A pattern
    is tried only where the line holds one of its ``date_marks``."""
    return [list(pattern.finditer(line)) if not marks or any(map(line.__contains__, marks)) else []
            for pattern, marks in zip(rules.dates, rules.date_marks)]


def _stamps(line: str, matches: list[list[re.Match[str]]], rules: HeaderRules) -> list[Stamp]:
    """The stamps of ``find_stamps`` from the ``_date_matches`` of ``line``: the valid dates
    that overlap no date of an earlier pattern or earlier in the line, in order."""
    found: list[tuple[int, int, date | datetime]] = []
    for pattern_matches in matches:
        for match in pattern_matches:
            if any(s < match.end() and match.start() < e for s, e, _ in found):
                continue
            value = _stamp_value(match, rules)
            if value is not None:
                found.append((match.start(), match.end(), value))
    if not found:
        return []
    labels = [(m.end(), rules.label_kinds[m.group(0).lower()]) for m in rules.labels.finditer(line)] \
        if rules.labels_screen.may_match(line) else []
    stamps = []
    for start, _, value in sorted(found, key=lambda item: item[0]):
        before = [(end, kind) for end, kind in labels if end <= start]
        kind = "stated"
        if before and before[-1][1] in _RANK and _only_filler(line[before[-1][0]:start], rules):
            kind = before[-1][1]
        stamps.append(Stamp(value, kind))
    return stamps


def _only_filler(gap: str, rules: HeaderRules) -> bool:
    """Whether the words between a label and a date are only weekdays and date words."""
    return not TOKEN.search(rules.filler.sub(" ", gap))


def is_date_line(line: str, rules: HeaderRules) -> bool:
    """A header line that states a date: labelled, or nothing but dates and their furniture."""
    return not more_words_than(line, rules.max_header_words) and bool(_date_line_stamps(line, rules))


def _date_line_stamps(line: str, rules: HeaderRules) -> tuple[Stamp, ...]:
    """The stamps of a line short enough for a date line (``max_header_words``, which the
    caller has checked) if it is one: a labelled date, or dates with at most two words
    besides them and their filler; none for any other line. ``rules`` are those of their
    language (``header_rules``, the only rules built): the answers are kept by line and
    language, a ``HeaderRules`` holding dicts that cannot be a key."""
    return _kept_date_line_stamps(line, rules.language)


@lru_cache(maxsize=DATE_LINES_KEPT)
def _kept_date_line_stamps(line: str, language: str) -> tuple[Stamp, ...]:
    """``_date_line_stamps``, worked out once for each of the last ``DATE_LINES_KEPT`` lines."""
    rules = header_rules(language)
    if not _FOUR_DIGITS.search(line):
        return ()
    matches = _date_matches(line, rules)
    stamps = tuple(_stamps(line, matches, rules))
    if not stamps or any(stamp.kind != "stated" for stamp in stamps):
        return stamps
    words = TOKEN.findall(rules.filler.sub(" ", _without_dates(line, matches, rules)))
    return stamps if len(words) <= 2 else ()


def _without_dates(line: str, matches: list[list[re.Match[str]]], rules: HeaderRules) -> str:
    """``line`` with every date blanked to a space by each date pattern's ``sub`` in turn
    (invalid and overlapping dates too), given its ``_date_matches``. Until a pattern blanks
    something the line is unchanged, so the matches found in it are those ``sub`` would blank;
    after that each pattern is run on what is left, where four digits still stand (every date
    holds a year of four)."""
    rest = line
    blanked = False
    for pattern, found in zip(rules.dates, matches):
        if not blanked:
            if found:
                rest = " ".join(line[start:end] for start, end in _gaps(line, found))
                blanked = True
        elif _FOUR_DIGITS.search(rest):
            rest = pattern.sub(" ", rest)
    return rest


def _gaps(line: str, found: list[re.Match[str]]) -> list[tuple[int, int]]:
    """(start, end) of the stretches of ``line`` before, between and after the ``found``
    matches, which follow one another without overlap."""
    ends = [0] + [match.end() for match in found]
    starts = [match.start() for match in found] + [len(line)]
    return list(zip(ends, starts))


def _nonblank_lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def _footer(lines: list[str], rules: HeaderRules) -> list[str]:
    return lines[rules.header_lines:][-rules.footer_lines:]


def _short_lines(lines: list[str], rules: HeaderRules) -> list[str]:
    """The lines short enough for a date line or a byline (``max_header_words``), in order."""
    return [line for line in lines if not more_words_than(line, rules.max_header_words)]


def published_date(short: list[str], rules: HeaderRules) -> date | datetime | None:
    """The publication date that the header and footer lines ``_short_lines`` kept state: a
    published stamp before an unlabelled one before an updated one; the first of equals, or an
    equal that adds the time of that day."""
    stamps = [stamp for line in short for stamp in _date_line_stamps(line, rules)]
    if not stamps:
        return None
    best = min(enumerate(stamps), key=lambda item: (_RANK[item[1].kind], item[0]))[1]
    timed = (s.value for s in stamps if s.kind == best.kind and isinstance(s.value, datetime)
             and not isinstance(best.value, datetime) and s.value.date() == best.value)
    return next(timed, best.value)


def url_date(source: str | None) -> date | None:
    """A date written into the path of a URL source (/2023/10/30/, /20231030/, and
    /20231030123456-... where the time of day follows)."""
    if not source or "://" not in source:
        return None
    path = urlsplit(source).path
    for match in _URL_DATE.finditer(path):
        try:
            return date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            continue
    return None


def looks_like_title(line: str, rules: HeaderRules) -> bool:
    """A headline: a capitalised line of 3 to 25 words without a final stop that is not a
    date line, a byline or a dateline paragraph."""
    words = line.split()
    if not 3 <= len(words) <= rules.max_header_words or len(line) > 200:
        return False
    if FULL_STOP_END.search(line) or not _CAPITAL_START.match(line):
        return False
    return not (is_date_line(line, rules) or rules.author.match(line) or dateline_parts(line, rules))


def outlet_name(part: str, rules: HeaderRules) -> str | None:
    """The outlet a dateline part or URL names: a known outlet's name, else a web name as written."""
    key = part.strip().lower()
    for outlet in rules.outlets:
        if key in (alias.lower() for alias in outlet["aliases"]):
            return outlet["name"]
    if _WEB_NAME.fullmatch(part.strip()):
        return part.strip()
    return None


def url_outlet(source: str | None, rules: HeaderRules) -> str | None:
    """The known outlet whose domain hosts a URL source."""
    if not source or "://" not in source:
        return None
    parts = urlsplit(source)
    host = (parts.hostname or "").lower().removeprefix("www.")
    where = host + parts.path
    for outlet in rules.outlets:
        for domain in outlet.get("domains", []):
            if where == domain or where.startswith(domain + "/") or host.endswith("." + domain) \
                    or (host == domain and "/" not in domain):
                return outlet["name"]
    return None


def dateline_parts(line: str, rules: HeaderRules) -> tuple[str | None, str | None] | None:
    """(place, outlet) of a dateline opening the line, or None where the line has none.

    Forms: "PLACE, OUTLET - ", "OUTLET, Place - ", "Place (OUTLET) - ", "PLACE - ", "OUTLET - ".
    A part counts as an outlet when it is a known outlet or a web name, or when it is written in
    capitals after a place ("MANILA, WARTA KITA -"); a lone part without an outlet must be a place in capitals or a single capitalised word, so that a sentence with a
    dash ("Selat Hormuz - jalur ...") is not taken for a dateline.
    """
    if "-" not in line:  # (a dateline holds its dash; found in C, where most lines have none)
        return None
    match = _DATELINE.match(line)
    if not match:
        return None
    head = match["head"].strip()
    bracket = _BRACKETED_OUTLET.fullmatch(head)
    parts = [bracket["place"], bracket["outlet"]] if bracket else [p.strip() for p in head.split(",")]
    outlets = [outlet_name(p, rules) for p in parts]
    if not 1 <= len(parts) <= 2 or not all(o or _is_name(p) for p, o in zip(parts, outlets)):
        return None
    places = [p for p, o in zip(parts, outlets) if o is None]
    outlet = next((o for o in outlets if o), None)
    if len(places) == 2 and len(parts) == 2 and parts[1].isupper():
        return _place_name(parts[0]), parts[1]  # "PLACE, OUTLET -": an outlet not in the list
    if len(places) > 1:
        return None
    if outlet is None and not (places[0].isupper() or len(places[0].split()) == 1):
        return None
    return (_place_name(places[0]) if places else None), outlet


def _is_name(part: str) -> bool:
    words = part.split()
    return 1 <= len(words) <= 4 and all(_NAME_START.match(w) for w in words)


def _place_name(place: str) -> str:
    """MOSKOW -> Moskow, NEW YORK -> New York; mixed-case and short capitals (DC) stay."""
    return " ".join(w.capitalize() if w.isupper() and len(w) > 2 else w for w in place.split())


def _first_dateline(lines: list[str], rules: HeaderRules) -> tuple[str | None, str | None]:
    """(place, outlet) of the first dateline among the header lines."""
    for line in lines:
        parts = dateline_parts(line, rules)
        if parts:
            return parts
    return None, None


def _byline_author(short: list[str], rules: HeaderRules) -> str | None:
    """The writer named in the first byline ("oleh X", "Penulis: X", "Reporter: X") among the
    header and footer lines that ``_short_lines`` kept; an editor is never the author."""
    for line in short:
        match = rules.author.match(line)
        if match:
            return match["name"].rstrip(".-")
    return None


class Metadata(Stage):
    """text -> title, outlet, author, dateline, published (stated dates only)."""

    name = "metadata"
    requires = ("text",)
    provides = ("title", "outlet", "author", "dateline", "published")

    def __call__(self, doc: Document) -> Document:
        rules = header_rules(doc.language)
        nonblank = _nonblank_lines(doc.text)
        lines, last = nonblank[: rules.header_lines], _footer(nonblank, rules)
        doc.title = lines[0] if lines and looks_like_title(lines[0], rules) else None
        place, outlet = _first_dateline(lines, rules)
        doc.dateline = place
        doc.outlet = outlet or url_outlet(doc.url or doc.source, rules)
        short = _short_lines(lines + last, rules)  # where bylines and date lines may stand
        doc.author = _byline_author(short, rules)
        if not doc.published_given and doc.published is None:
            doc.published = published_date(short, rules) or url_date(doc.url or doc.source)
        return doc
