"""Anchored patterns: tried only where the words they begin with stand, with the matches of a scan."""
import re
import sys

import pytest

from kronik.events.anchors import Anchors, Unanchored, anchor, finditer, within
from kronik.tokens import tokenize

CUES = re.compile(r"(?<!\w)(?:di sela-sela|pertemuan (?:puncak|tingkat tinggi)|KTT)(?!\w)", re.IGNORECASE)
BREAKS = re.compile(r"[;:]|(?<!\w)(?:yang|bahwa)(?!\w)", re.IGNORECASE)


def test_the_first_words_and_signs_of_a_pattern_are_read_from_it():
    assert anchor(CUES.pattern).words == {"di", "pertemuan", "ktt"}
    assert anchor(BREAKS.pattern).words == {"yang", "bahwa"}
    assert anchor(BREAKS.pattern).signs == {";", ":"}


@pytest.mark.parametrize("pattern", [r"[A-Z]\w+ bertemu", r"\w+", r"bertemu", r"ber\w+(?!\w)", r"(?:x_y)(?!\w)"])
def test_a_pattern_whose_first_word_is_not_spelt_out_is_not_anchored(pattern):
    with pytest.raises(Unanchored):
        anchor(pattern)


@pytest.mark.parametrize("text", [
    "Kedua menteri bertemu di sela-sela KTT; yang lain menunggu: bahwa KTT_2 batal.",
    "DI SELA-SELA Pertemuan Puncak itu, ktt dan Ktt yang di-sela-sela",
    "İstanbul: KTT di kota ıtu, _yang x_ktt ktt_ yangbahwa",
    "Di Türkiye, Dİ SELA KTT, dı sela-sela ſela; Kşt KTT \u212atT yang",
])
def test_anchored_matches_are_those_of_a_scan(text):
    anchors = Anchors(text, tokenize(text))
    for pattern in (CUES, BREAKS):
        starts = anchors.starts(anchor(pattern.pattern))
        for start, end in ((0, None), (5, 40), (12, len(text))):
            expected = [m.span() for m in pattern.finditer(text, start, len(text) if end is None else end)]
            assert [m.span() for m in finditer(pattern, text, starts, start, end)] == expected


def test_only_four_characters_outside_ascii_match_an_ascii_letter_or_digit_ignoring_case():
    ascii_alnum = re.compile("[a-z0-9]", re.IGNORECASE)
    folding = [c for c in map(chr, range(128, sys.maxunicode + 1)) if ascii_alnum.fullmatch(c)]
    assert folding == ["\u0130", "\u0131", "\u017f", "\u212a"]  # "İ", "ı", "ſ", the Kelvin sign


def test_a_pattern_without_an_anchor_is_scanned():
    pattern = re.compile(r"[A-Z]\w+ (?:bertemu|berunding)")
    text = "Kemarin Rani bertemu Sari; Tono berunding."
    anchors = Anchors(text, tokenize(text))
    assert [m.group() for m in finditer(pattern, text, anchors.starts(None), 5)] == \
        ["Rani bertemu", "Tono berunding"]


def test_the_starts_within_spans_are_those_inside_one():
    assert within([2, 5, 9, 14, 20], [(0, 5), (9, 15)]) == [2, 9, 14]
    assert within([2, 5], []) == []
    assert within(None, [(0, 5)]) is None  # a pattern without an anchor is still scanned
