"""A screen never hides a match of its pattern, and turns away strings that hold none of
what every match needs."""
from __future__ import annotations

import re

import pytest

from kronik.screens import screen
from kronik.stages.clean import noise_rules

PATTERNS = [
    re.compile(r"\bKata kunci\b|^Judul foto\s*:"),
    re.compile(r"^\s*/?q>|</?(?:em|b)\b[^<>]{0,20}?/?>", re.IGNORECASE),
    re.compile(r"\bIKLAN\s+GULIR (?:KE BAWAH|LANJUT)\b|&amp;", re.IGNORECASE),
    re.compile(r"(?:ab)+c|x?y"),
    re.compile(r"(?>rapat|sidang)+ usai"),
    re.compile(r"^x>|<b\b[^<>]*>|berikut (?:ini )?(?:kabar|berita)\b[^:]{0,20}:\s*-\s.*", re.IGNORECASE),
    re.compile(r"(?<=[.!?])[ \t]+:[ \t]+[A-Z]|[xy]+z", re.IGNORECASE),
]
STRINGS = [
    "", "kata kunci", "Kata kunci rapat", "xKata kunci", "Judul foto : Menteri", " Judul foto:",
    "q>Menteri", "  /Q>Menteri", "a<EM class=x>b", "<b>", "iklan   gulir ke bawah", "IKLAN GULIR LANJUT",
    "İKLAN GULIR LANJUT", "\u212aata kunci", "a&amp;b", "ababc", "y", "tiba di Jakarta", "tiba <di",
    "rapat usai", "sidangrapat usai", "rapat selesai", "berikut ini kabar baru: - satu",
    "BERIKUT BERITA: - dua", "x>", "a <B class=y> b", "berikut ini hasilnya", "berikut kabar dari kota",
    "katanya. : Renn", "katanya.\t:  Renn", "pukul 09.00: Menteri", "xyz", "XZ", "x z",
]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_a_screen_passes_every_string_that_holds_a_match(pattern):
    for text in STRINGS:
        if pattern.search(text):
            assert screen(pattern).may_match(text), (pattern.pattern, text)


def test_a_screen_turns_away_strings_without_what_a_match_needs():
    assert not screen(PATTERNS[0]).may_match("Menteri tiba di Jakarta")
    assert not screen(PATTERNS[1]).may_match("Menteri tiba di Jakarta")
    assert not screen(PATTERNS[2]).may_match("Iklan itu tayang di Jakarta")
    # The longest literal screens: "daftar berikut" rather than ":", which many lines hold.
    listing = re.compile(r"(?:menurut \w+, )?daftar berikut:\s*-", re.IGNORECASE)
    assert not screen(listing).may_match("Ia berkata: kami siap.")
    assert screen(listing).may_match("Menurut dia, DAFTAR BERIKUT: - satu")


def test_a_set_of_characters_without_case_before_a_literal_is_joined_to_it():
    # "[ \t]+:" needs " :" or "\t:", not only ":" (which many lines hold); "[xy]+z" has case.
    glued = PATTERNS[6]
    assert not screen(glued).may_match("Rapat dimulai pukul 09.00: Menteri hadir.")
    assert screen(glued).may_match("Rapat dimulai, katanya. : Renn")


def test_a_non_ascii_string_is_passed_where_case_is_ignored():
    # The Kelvin sign matches "k" when case is ignored: such a string is left to the pattern.
    assert screen(re.compile("kunci", re.IGNORECASE)).may_match("\u212aunci")


def test_a_pattern_that_needs_nothing_passes_everything():
    assert screen(re.compile(r"\d+|[A-Z]|x?y")).may_match("tiba di Jakarta")
    assert not screen(PATTERNS[3]).may_match("tiba di Jakarta")  # "(ab)+c" needs "c", "x?y" "y"
    assert not screen(PATTERNS[4]).may_match("sidan usai")  # an atomic group's content is needed too


def test_the_noise_patterns_are_screened():
    rules = noise_rules("id")
    assert not rules.caption_lead_screen.passes_all
    assert all(not s.passes_all for fragments in rules.fragments for _, s in fragments.each)


def test_a_non_ascii_string_is_screened_on_its_lower_case():
    # Curly quotes and accents do not make a string pass: only the four characters that match
    # an ASCII letter ignoring case (or lower-case to one) leave it to the pattern.
    kunci = screen(re.compile("kunci", re.IGNORECASE))
    assert not kunci.may_match("“Menteri tiba di Jakarta”, kata Ségolène")
    assert kunci.may_match("“KUNCI” itu")
    assert kunci.may_match("\u0130ni bukan")  # the dotted capital I is passed, whatever it holds


def test_a_string_with_a_common_word_of_a_pattern_but_not_the_rest_is_turned_away():
    # Of alternatives, a clause of each is joined with a clause of the others: a line holding
    # "berikut" but no ":", "<" or ">" holds no match.
    listing = PATTERNS[5]
    assert not screen(listing).may_match("Hasilnya adalah berikut ini, kata dia.")
    assert screen(listing).may_match("berikut kabar lain: - satu")


@pytest.mark.parametrize("pattern", PATTERNS)
def test_a_screen_given_the_lower_case_of_a_string_says_what_it_says_without(pattern):
    for text in STRINGS:
        assert screen(pattern).may_match(text, text.lower()) == screen(pattern).may_match(text)


@pytest.mark.parametrize("line, kept", [
    ('Kedua menteri bertemu di Lima, katanya. : Renn soal Perundingan dengan Chili: Mereka Licik',
     'Kedua menteri bertemu di Lima, katanya.'),
    ('"Kami siap," ujar Kald." : Video Pilihan Hari Ini', '"Kami siap," ujar Kald."'),
    ('Rapat dimulai pukul 09.00: Menteri hadir lebih dulu.', 'Rapat dimulai pukul 09.00: Menteri hadir lebih dulu.'),
])
def test_a_related_headline_glued_behind_a_bare_colon_is_noise(line, kept):
    """A headline after a closed sentence and " : " is a teaser whose label the scraper lost;
    a colon inside a sentence is prose. The fragment's screen passes the line it removes."""
    rules = noise_rules("id")
    cleaned = line
    for fragments in rules.fragments:
        cleaned = fragments.sub(cleaned, fragments.each)
    assert cleaned.strip() == kept
