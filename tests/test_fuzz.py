"""Fuzzing the public API: ``kronik.extract`` returns a document or raises a ``KronikError``,
whatever the text and the date, and its record is JSON that encodes as UTF-8.

Three kinds of input: random Unicode (lone surrogates, controls and all), random sequences of
the words the time and event stages react to (so that date arithmetic is reached), and real
articles from ``../shared/corpus`` mutated at test time (cut, spliced, full stops turned into
commas, years set to the ends of the calendar). Dates range over the whole calendar,
0001-01-01 and 9999-12-31 included. Example counts keep the file under a minute.
"""
from __future__ import annotations

from datetime import date, datetime
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kronik
from kronik.errors import KronikError
from kronik.jsontext import dumps

from conftest import DEV, SEEDS

# Invented words and marks that the stages react to: weekdays, months, relative and
# anniversary words, reporting verbs, triggers, titles and honorifics, numbers at the ends of
# the calendar.
WORDS = ["Senin", "Jumat", "Minggu", "setelah", "sebelum", "sejak", "bertemu", "menyerang",
         "bertemu dengan", "mengunjungi", "kata", "ujar", "Presiden", "Menteri", "Negeri Contoh",
         "Jakarta", "tahun", "bulan", "pekan", "hari", "lalu", "depan", "kemarin", "besok",
         "akhir", "awal", "pertengahan", "peringatan", "keempat", "ke-100", "ofensif", "pada",
         "tanggal", "Jan", "Januari", "Februari", "29", "31", "Desember", "1", "0", "0001",
         "9999", "10000", "99999999999", "1945", "2024", "abad", "ke-21", "Terbit pada",
         "WIB", "pukul", "10.00", ".", ",", ";", "-", '"', "“", "”", "(", ")", "\n", "\n\n",
         "Rp3.000", "tahun 9999", "1 Jan 0001", "31 Desember 9999", "H.", "Dr.", "Prof.",
         "Gubernur", "Direktur", "Indonesia", "PBB", "Amerika Serikat", "disampaikan", "ia", "mereka"]
DAYS = st.one_of(st.none(), st.dates(), st.sampled_from([date.min, date.max]),
                 st.datetimes().map(datetime.isoformat), st.dates().map(date.isoformat),
                 st.sampled_from(["0001-01-01", "9999-12-31", "9999-12-31T23:59:59"]))
CALENDAR_ENDS = ["0001", "9999", "1", "31", "29"]
# Any code point, lone surrogates included, with the ones that broke readers before drawn often.
CHARACTERS = st.one_of(st.characters(exclude_categories=()),
                       st.sampled_from("\ud800\udfff\u2028\u2029\u0085\x00\ufeff\u200b.,;\n\"“”"))
# Sentences of a real article beyond this are not needed to reach every stage.
MAX_ARTICLE_CHARS = 6000


@cache
def corpus_texts() -> tuple[str, ...]:
    """The plain-text articles of the seeds and dev folders, read at test time."""
    files = sorted(SEEDS.glob("*.txt")) + sorted(DEV.glob("*.txt"))
    return tuple(path.read_text(encoding="utf-8")[:MAX_ARTICLE_CHARS] for path in files)


def check(text: str, published: object) -> None:
    """The contract under test: a document whose record is UTF-8 JSON, written as Kronik
    writes it (which refuses text that UTF-8 cannot hold), or a Kronik error."""
    try:
        doc = kronik.extract(text, published=published, source="fuzz.txt")
    except KronikError:
        return
    dumps(doc.to_dict()).encode("utf-8")


@settings(max_examples=150, deadline=None, database=None)
@given(text=st.text(CHARACTERS, max_size=400), published=DAYS)
def test_random_text(text, published):
    check(text, published)


@settings(max_examples=200, deadline=None, database=None)
@given(words=st.lists(st.sampled_from(WORDS), max_size=60), published=DAYS)
def test_time_and_event_words(words, published):
    check(" ".join(words), published)


@st.composite
def mutated_articles(draw) -> str:
    texts = corpus_texts()
    text = draw(st.sampled_from(texts))
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    mutation = draw(st.sampled_from(["cut", "splice", "commas", "years", "insert"]))
    if mutation == "cut":
        return text[start:end]
    if mutation == "splice":
        return text[:start] + draw(st.sampled_from(texts))[:end - start]
    if mutation == "commas":
        return text.replace(". ", ", ")
    if mutation == "years":
        ends = draw(st.lists(st.sampled_from(CALENDAR_ENDS), min_size=1, max_size=3))
        for number, value in enumerate(ends):
            text = text.replace(str(2020 + number), value)
        return text
    return text[:start] + draw(st.text(CHARACTERS, max_size=40)) + text[start:]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus is not beside the checkout")
@settings(max_examples=100, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=mutated_articles(), published=DAYS)
def test_mutated_real_articles(text, published):
    check(text, published)


@pytest.mark.parametrize("text, published", [
    ("peringatan keempat ofensif akhir bulan", "0001-01-01"),
    ("Terbit pada 1 Jan 0001\nPresiden Negeri Contoh bertemu menteri.", None),
    ("Senin setelah bertemu", "0001-01-01"),
    ("Senin setelah bertemu", "9999-12-31"),
    ("Presiden \ud800 bertemu Menteri Negeri Contoh di Jakarta.", None),
    ("Hal itu disampaikan Menteri H. Indonesia kepada wartawan.", None),  # title, honorific, a state
])
def test_examples_of_the_issue(text, published):
    check(text, published)
