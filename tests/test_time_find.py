"""Time expressions are looked for only where a pattern can open (find.OPENERS): that must find
every match a scan of the whole window finds, or the grammar and OPENERS have drifted apart."""
import json
from pathlib import Path

import pytest

from kronik.time import find
from kronik.time.grammar import patterns
from kronik.tokens import tokenize

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"

# Invented sentences that exercise every kind of pattern, and glued or odd spellings.
INVENTED = [
    "Menteri Arnor tiba pada hari Senin (12/3/2024) pukul 10.00 WIB, lalu pada Jum'at, 15 Maret.",
    "Pertemuan digelar 3-4 Mei 2023 dan (5-6/7) serta (30/6 - 2/7/2024), tanggal 7 Juni lalu.",
    "Gondor menyerang sehari sebelumnya; dalam tiga hari terakhir, lebih dari dua pekan lalu.",
    "Pada awal tahun 2022, kuartal ketiga tahun ini, pertengahan bulan depan, akhir 1990-an.",
    "Kemarin dan besok, Seninpukul 10.00, Kamis malam, Minggu depan, 2024-01-05 dan 5.6.2021.",
    "Sejak Januari 2020 hingga Desember, Mei 5, 2021, pd 12 Agustus, SENİN 5 Mei, ſenin.",
    "Rabu5 Mei, Senintanggal 7 Juni, Jumatwaktu setempat, Kamissekitar pukul 9.00, 123 Mei.",
    "Desa itu 10mei 2024an, padahal 12-13 Mei dan 1.2.2023 serta 2023-1-5 pada 20 Mei 123.",
    "Tanggal 5 s.d. 7 Juni, 8 s/d 9 JULI, 1 sampai dengan 3 Mei, 4 dan 5 Mei, 6 – 7 Agustus.",
    "Pukul 19:17 WIB, 15 orang, 2 HARI lalu dan 3 harı lalu, 6 MEİ 2024 serta 8 ſept 2024.",
    "Laporan terbit 5 Meipukul 9.00 dan 7 Mei10.00 waktu setempat, bukan 8 Mei.",
]


def _texts() -> list[str]:
    texts = list(INVENTED)
    for path in sorted(SEEDS.glob("*.txt"))[:40]:
        texts.append(path.read_text(encoding="utf-8"))
    return texts


@pytest.mark.parametrize("text", _texts())
def test_openers_find_every_match_of_the_windows(text):
    tokens = tokenize(text)
    words = find.time_words()
    layer = find._layer(text, tokens, words)
    spans = find._windows(text, layer.anchors)
    found = find._opened_matches(text, layer.openers, spans, words)
    for kind, pattern in patterns():
        needed = find.REQUIRES.get(kind, frozenset())
        everywhere = [m.span() for start, end, kinds in spans if needed <= kinds
                      for m in pattern.finditer(text, start, end)]
        opened = sorted(m.span() for *_, opened_kind, m in found if opened_kind == kind)
        assert opened == everywhere, kind


def test_invented_sentences_have_mentions_of_many_kinds():
    kinds = {m.kind for text in INVENTED for m in find.find_mentions(text)}
    assert {"weekday_numeric", "day_range", "offset", "year", "deictic_day", "month"} <= kinds


def test_numbers_open_the_kinds_of_their_width():
    words = find.time_words()
    assert {"iso_date", "year"} == set(words.classify("2026").opens)
    assert {"day_month", "numeric_date", "offset"} <= words.classify("12").opens
    assert "year" not in words.classify("12").opens
    assert words.classify("10mei").opens == frozenset()  # a number glued to a word opens nothing


def test_only_weekdays_open_where_a_word_runs_on():
    words = find.time_words()
    assert "weekday" in words.classify("senin10").opens  # "Senin10.00"
    assert words.classify("padahal").opens == frozenset()  # "pada" is always followed by a space
    assert words.classify("desa").opens == frozenset()  # nor is the month "des"
    found = words.classes(dict.fromkeys(["padahal", "pada", "2026", "seninpukul", "jumlah"]).keys(), True)
    assert found.keys() == {"pada", "2026", "seninpukul"}
    assert words.classes(dict.fromkeys(["ſenin", "desa"]).keys(), False).keys() == {"ſenin"}


def test_a_year_alone_is_found_as_by_a_lookbehind_scan():
    import re
    from kronik.time.grammar import YEAR
    scan = re.compile(rf"(?<![\w.,/-])({YEAR})(?![\w/]|[.,]\d)")
    for text in INVENTED + ["2024 1999.5 x2020 -2021 2022/ 2023-an 1800,1 2199_ (2100) 2200"]:
        expected = [m.span(1) for m in scan.finditer(text)]
        assert [m.span(1) for m in find.YEAR_ALONE.finditer(text)] == expected


def test_common_words_anchor_no_window():
    lean = find.lean_anchor_words()
    assert not {"yang", "ini", "itu", "akan", "lalu", "sama"} & lean.keys()
    assert {"hari", "tadi", "keesokan", "senin", "mei", "pekan", "awal"} <= lean.keys()
    assert {"yang", "ini", "lalu"} <= find.anchor_words().keys()


# Invented sentences whose calendar word the lean anchors do not show: joined to an apostrophe,
# glued to what follows it, or written with a letter that matches an ASCII one ignoring case.
HIDDEN = [
    "Ia berkata kepada kami, 'Hari ini kami pulang', lalu pergi.",
    "Utusan Arnor tiba Seninpukul 10.00 waktu setempat di kota itu.",
    "Rapat dibuka Jum'at10.00 dan ditutup pada sore yang sama.",
    "Laporan itu terbit 5 Meipukul 9.00 yang lalu di Gondor.",
    "Utusan Gondor datang SENİN lalu dan pulang ſenin depan.",
]


@pytest.mark.parametrize("text", INVENTED + HIDDEN + _texts()[len(INVENTED):])
def test_lean_anchors_find_what_every_anchor_word_finds(text, monkeypatch):
    found = [(m.start, m.end, m.kind) for m in find.find_mentions(text)]
    every_word = find._anchors
    monkeypatch.setattr(find, "_anchors", lambda *args, lean: None if lean else every_word(*args, lean=lean))
    assert found == [(m.start, m.end, m.kind) for m in find.find_mentions(text)]


def test_a_hidden_calendar_word_is_found():
    assert [m.text for m in find.find_mentions(HIDDEN[0])] == ["Hari ini"]
    assert find.time_words().glued.hides("seninpukul") and not find.time_words().glued.hides("desa")


def test_a_number_opens_only_the_kinds_the_next_word_goes_on():
    text = "Pukul 19:17 WIB, 15 orang, 3 hari lalu, 5 Mei dan 6 hingga 7 Juni."
    layer = find._layer(text, tokenize(text), find.time_words())

    def opening(kind):
        return [text[at:at + 2] for at, kinds in layer.openers if kind in kinds]

    assert opening("day_month") == ["5 ", "7 "]
    assert opening("day_range") == ["6 "]
    assert opening("offset") == ["3 "]


def test_a_preposition_or_bracket_opens_only_what_follows_it():
    text = "Utusan Arnor hadir pada rapat (lihat laman) lalu pulang pada Senin (5/6) dan pada 2024."
    layer = find._layer(text, tokenize(text), find.time_words())
    opened = {at for at, _ in layer.openers}
    assert text.index("pada rapat") not in opened and text.index("(lihat") not in opened

    def opening(kind):
        return [at for at, kinds in layer.openers if kind in kinds]

    assert opening("weekday") == [text.index("pada Senin"), text.index("Senin")]
    assert opening("year") == [text.index("pada 2024"), text.index("2024")]
    assert opening("numeric_paren") == [text.index("(5/6)")]
