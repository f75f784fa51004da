"""The benchmark's corpus generator builds many distinct, realistic articles from the
development articles: sentences recombined, persons, countries and dates swapped."""
from __future__ import annotations

import re
import sys
from datetime import timedelta

import pytest

from conftest import DEV, ROOT, SEEDS

sys.path.insert(0, str(ROOT / "benchmarks"))
import corpus  # noqa: E402  (benchmarks/ is not a package)

COUNT = 300


@pytest.fixture(scope="module")
def sources(seeds_dir, dev_dir):
    return corpus.read_sources((SEEDS, DEV))


@pytest.fixture(scope="module")
def generated(sources):
    return list(corpus.Generator(sources, seed=7).articles(COUNT))


def _sentences(text: str) -> set[str]:
    return {s for line in text.splitlines() for s in corpus.SENTENCE_END.split(line.strip()) if s}


def test_articles_are_distinct_and_named(generated):
    assert len(generated) == COUNT
    assert len({a.text for a in generated}) == COUNT
    assert len({a.source for a in generated}) == COUNT


def test_articles_read_like_news(generated, sources):
    lengths = [len(a.text.split()) for a in generated]
    shortest = min(sum(len(s.split()) for p in src.paragraphs for s in p) for src in sources)
    assert min(lengths) >= shortest // 2
    assert all(len(_sentences(a.text)) >= 5 for a in generated)
    assert {a.base for a in generated} == {s.name for s in sources}


def test_sentences_are_recombined_not_invented(sources):
    generator = corpus.Generator(sources, seed=11)
    every = {x for s in sources for p in s.paragraphs for x in p}
    changed = 0
    for base in sources * 20:
        paragraphs = generator.recombine(base)
        assert {x for p in paragraphs for x in p} <= every
        changed += paragraphs != [list(p) for p in base.paragraphs]
    assert changed > len(sources) * 20 * 0.5


def test_persons_and_countries_are_swapped(generated, sources):
    persons = corpus.person_names(sources)
    countries = set(corpus.country_names())
    name = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(persons, key=len, reverse=True)))
                      + r")\b")
    bases = {s.name: "\n".join([*s.header, *(" ".join(p) for p in s.paragraphs)])
             for s in sources}
    changed_persons = changed_countries = 0
    for article in generated:
        base = bases[article.base]
        if set(name.findall(article.text)) - set(name.findall(base)):
            changed_persons += 1
        words = set(re.findall(r"\b[A-Z][a-z]+\b", article.text)) & countries
        if words - set(re.findall(r"\b[A-Z][a-z]+\b", base)):
            changed_countries += 1
    assert changed_persons > COUNT * 0.5
    assert changed_countries > COUNT * 0.8


def test_dates_move_by_whole_weeks():
    shifter = corpus.DateShifter()
    text = "Jakarta, Rabu, 27 Mei 2026 01:01 WIB. Senin (20/1/2025) dan 30 Okt 2023, 11:06 WIB."
    moved = shifter.shift(text, timedelta(weeks=2))
    assert moved == "Jakarta, Rabu, 10 Juni 2026 01:01 WIB. Senin (3/2/2025) dan 13 Nov 2023, 11:06 WIB."


def test_generated_dates_differ_from_the_sources(generated, sources):
    date = re.compile(r"\b\d{1,2} [A-Z][a-z]+ \d{4}\b|\b\d{1,2}/\d{1,2}/\d{4}\b")
    by_name = {s.name: "\n".join([*s.header, *(" ".join(p) for p in s.paragraphs)])
               for s in sources}
    dated = [a for a in generated if date.search(by_name[a.base])]
    moved = [a for a in dated if set(date.findall(a.text)) - set(date.findall(by_name[a.base]))]
    assert len(dated) > COUNT / 2
    assert len(moved) > len(dated) * 0.9


def test_same_seed_same_corpus(sources):
    first = [a.text for a in corpus.Generator(sources, seed=3).articles(20)]
    assert first == [a.text for a in corpus.Generator(sources, seed=3).articles(20)]
    assert first != [a.text for a in corpus.Generator(sources, seed=4).articles(20)]
