"""The tense of a time expression: its own direction word, else the nearest cue of its clause.

"Selasa lalu" and "November mendatang" say it themselves; "pada bulan April" after "akan
berkunjung" or "undangan" is future, after "telah" past. The clause is the stretch of the
sentence between the nearest breaks (commas, semicolons, colons) on each side; after the
expression only its next word counts, since modality comes before the verb it governs.
"""
from __future__ import annotations

from itertools import islice
from types import MappingProxyType

from kronik.time.find import WORD, Mention
from kronik.time.grammar import Lexicon, normal


def own_tense(mention: Mention, lex: Lexicon) -> str | None:
    """The tense the expression's own words give, if any."""
    direction = normal(mention.get("dir") or mention.get("word") or "")
    t = lex.time
    if mention.kind == "weekday":
        return _tense(t["weekday_directions"].get(direction))
    if mention.kind in ("month", "year", "day_month", "day_range", "weekday_date"):
        return _tense(t["month_directions"].get(direction))
    if mention.kind == "unit_deixis":
        return _sign(t["unit_deixis"][direction])
    if mention.kind == "offset":
        rule = t["offset_directions"][direction]
        return _sign(rule["sign"]) if rule["from"] in ("anchor", "recent") else None
    if mention.kind == "deictic_day":
        rule = t["deictic_days"][direction]
        return _sign(rule["days"]) if rule["from"] == "anchor" else None
    return None


# The tense each direction word points to ("tahun lalu" is a past year's month).
TENSE_OF_DIRECTION = MappingProxyType({"past": "past", "last_year": "past", "future": "future",
                                       "next_year": "future"})


def _tense(direction: str | None) -> str | None:
    return TENSE_OF_DIRECTION.get(direction or "")


def _sign(step: int) -> str | None:
    return "past" if step < 0 else "future" if step > 0 else None


def clause_tense(text: str, start: int, end: int, bounds: tuple[int, int], lex: Lexicon) -> str | None:
    """The tense of the cue word nearest to text[start:end] within its clause."""
    breaks = lex.time["clause_breaks"]
    left = text[bounds[0]:start]
    right = text[end:bounds[1]]
    left = left[max(map(left.rfind, breaks)) + 1:]  # from the last break before the expression
    stops = [at for at in map(right.find, breaks) if at >= 0]  # the first one after it
    if stops:
        right = right[:min(stops)]
    cues = lex.tense_cues
    if left.isascii():  # lower case keeps its length: the cues are found in one search
        before = list(lex.cue_word.finditer(left.lower()))[-1:]
        found = [(len(left) - m.end(), cues[m.group(0)]) for m in before]
    else:
        found = [(len(left) - m.end(), cues[m.group(0).lower()]) for m in WORD.finditer(left)
                 if m.group(0).lower() in cues]
    for match in islice(WORD.finditer(right), lex.time["cue_words_after"]):
        word = match.group(0).lower()
        if word in cues:
            found.append((match.start(), cues[word]))
    return min(found)[1] if found else None


def tense_of(mention: Mention, text: str, bounds: tuple[int, int], lex: Lexicon) -> str | None:
    """The expression's own tense, else its clause's."""
    return own_tense(mention, lex) or clause_tense(text, mention.start, mention.end, bounds, lex)
