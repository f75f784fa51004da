"""Mechanisms of the time stage: offsets, false dates, tense, repair, errors, and inference of
a missing publication date. Sentences and articles are invented; the last tests read the
development corpus from ../shared as input only."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kronik
from kronik.document import Document, Sentence
from kronik.stages.timex import Time


def run(text: str, published: date | None = None, sentences: bool = False) -> Document:
    doc = Document(raw_text=text, text=text, published=published)
    if sentences:
        doc.sentences = [Sentence(0, len(text), text)]
    return Time()(doc)


def by_text(doc: Document) -> dict:
    return {e.text: e for e in doc.time_expressions}


ANCHOR = date(2024, 3, 13)  # a Wednesday


def test_offsets_point_at_the_expression_in_the_text():
    text = ("Menteri Luar Negeri Chile tiba di Jakarta pada Senin (11/3) pukul 09.00 WIB, "
            "dua hari setelah pemilu, dan akan kembali pada bulan Mei.")
    doc = run(text, ANCHOR)
    assert [e.text for e in doc.time_expressions] == [
        "pada Senin (11/3) pukul 09.00 WIB", "dua hari setelah", "pada bulan Mei"]
    for expression in doc.time_expressions:
        assert text[expression.start:expression.end] == expression.text


@pytest.mark.parametrize("text", [
    "Percakapan itu berlangsung satu jam 25 menit.",
    "Bantuan senilai 2,5 juta dolar dikirim ke sana.",
    "Nilai dagang mencapai USD240 miliar atau setara Rp3.897 triliun.",
    "Para pemimpin G20 membahas utang negara miskin.",
    "Kyiv meminta rudal Patriot PAC-3 tambahan.",
    "Salat Idul Adha 1447 Hijriah digelar di Wisma Duta.",
    "Sebanyak 2.000 orang mengungsi dan 2026 orang hilang.",
    "Menteri berusia 64 tahun itu menginap selama dua hari.",
    "Kedua negara telah bersahabat lebih dari 200 tahun.",
    "Skor akhir 3/4 membuat tim itu tersingkir.",
    "Ia minggu depannya tidak hadir karena sakit selama seminggu.",
    "Presiden April Sanchez tiba di Manila.",
    "Ia tinggal selama tiga hari lalu pulang ke Oslo.",
])
def test_amounts_durations_and_names_are_not_dates(text):
    assert run(text, ANCHOR).time_expressions == []


def test_minggu_is_a_week_unless_it_names_the_day():
    found = by_text(run("Ia tiba tiga minggu lalu, pergi minggu lalu dan kembali pada hari Minggu.", ANCHOR))
    assert found["tiga minggu lalu"].precision == "week"
    assert (found["minggu lalu"].first, found["minggu lalu"].last) == (date(2024, 3, 4), date(2024, 3, 10))
    assert found["pada hari Minggu"].first == date(2024, 3, 10)


def test_tense_comes_from_the_expression_then_from_its_clause():
    found = by_text(run("Ia bertemu Raja Selasa lalu. Presiden akan berkunjung pada Jumat. "
                        "Ia telah berkunjung pada Jumat.", ANCHOR))
    assert found["Selasa lalu"].tense == "past"
    future, past = [e for e in run("Presiden akan berkunjung pada Jumat. Ia telah berkunjung pada Jumat.",
                                   ANCHOR).time_expressions]
    assert (future.tense, future.first) == ("future", date(2024, 3, 15))
    assert (past.tense, past.first) == ("past", date(2024, 3, 8))


def test_a_tense_cue_counts_only_as_a_whole_word_and_right_after_the_expression():
    def tense(text: str) -> str | None:
        return run(text, ANCHOR).time_expressions[0].tense

    assert tense("Ia telah pergi pada Senin.") == "past"
    # joined to the word beside it, "telah" is part of another word, not a cue
    assert tense("Ia telah_x pergi pada Senin.") is None
    assert tense("Ia x_telah pergi pada Senin.") is None
    # the word right after the expression counts, unless a clause break comes first
    assert tense("Presiden pada Jumat akan berkunjung.") == "future"
    assert tense("Presiden pada Jumat, akan berkunjung.") is None


def test_a_tense_cue_of_more_than_one_word_is_refused_with_the_data_file_named(monkeypatch):
    from kronik.time import grammar

    real = grammar.load_data

    def with_a_two_word_cue(name: str, language: str):
        data = real(name, language)
        if name == "time":
            data = {**data, "tense_cues": {**data["tense_cues"], "past": ["baru saja"]}}
        return data

    monkeypatch.setattr(grammar, "load_data", with_a_two_word_cue)
    with pytest.raises(ValueError, match="time data: the tense cue 'baru saja' is not one word"):
        grammar.lexicon.__wrapped__("id")


def test_modality_after_the_verb_does_not_make_a_report_future():
    doc = run("Menteri itu pada Selasa (12/3) mengancam akan menutup perbatasan.", ANCHOR, sentences=True)
    assert doc.time_expressions[0].tense is None


def test_a_subordinate_clause_counts_from_the_sentence_date():
    doc = run("Pada Senin (11/3) ia bertemu wartawan dua hari setelah pemilu.", ANCHOR, sentences=True)
    after = by_text(doc)["dua hari setelah"]
    assert (after.first, after.last, after.precision) == (date(2024, 3, 9), date(2024, 3, 9), "day")


def test_an_impossible_date_without_a_weekday_is_an_error():
    found = by_text(run("Nota itu bertanggal 31/2/2024 dan pertemuan pada 29 Februari 2023.", ANCHOR))
    assert found["31/2/2024"].error == "invalid date 31/2/2024"
    assert found["pada 29 Februari 2023"].first is None
    assert found["pada 29 Februari 2023"].error


def test_a_weekday_that_contradicts_a_valid_date_keeps_the_date_and_warns():
    doc = run("Presiden tiba di Lima pada Kamis (13/3).", ANCHOR)
    assert doc.time_expressions[0].first == date(2024, 3, 13)
    assert doc.warnings == ["time: 'pada Kamis (13/3)' falls on Rabu, not Kamis; the date was kept"]


def test_an_impossible_date_is_repaired_from_its_weekday():
    doc = run("Kesepakatan diumumkan Jumat (27/20/2023).", date(2023, 10, 30))
    assert by_text(doc)["Jumat (27/20/2023)"].first == date(2023, 10, 27)
    assert doc.warnings == ["time: 'Jumat (27/20/2023)' is not a real date; read as 2023-10-27 "
                            "from its weekday"]


@pytest.mark.parametrize("text", ["(99/99/9999)", "Jumat (99/99/9999)", "Senin (0/0)",
                                  "pada 99 Mei 2024", "tanggal 31-2 Juni", "caturwulan keempat",
                                  "999 dekade lalu"])
def test_garbage_is_reported_not_raised(text):
    for published in (ANCHOR, None):
        doc = run(text, published)
        assert all(e.first is None and e.error for e in doc.time_expressions) or not doc.time_expressions


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789/()-., SeninJumatMeipadakemarinlusatahunbulanlalu", max_size=60))
def test_any_text_resolves_without_raising(text):
    for published in (ANCHOR, None):
        for expression in run(text, published).time_expressions:
            assert text[expression.start:expression.end] == expression.text
            assert (expression.first is None) == (expression.last is None)
            assert expression.first is None or expression.first <= expression.last


def test_publication_date_inferred_from_a_weekday_and_the_years_mentioned():
    text = ("Perdana Menteri Norwegia menelepon Presiden Chile pada hari Rabu (4/02). "
            "Keduanya ingin menjadikan 2026 tahun kerja sama. Mereka bertemu kemarin.")
    doc = run(text)
    assert (doc.published, doc.published_inferred) == (date(2026, 2, 4), True)
    assert by_text(doc)["kemarin"].first == date(2026, 2, 3)


def test_publication_date_inferred_from_the_latest_full_date():
    text = ("Presiden Ghana dilantik Senin (20/1/2025). Pada Selasa (21/1/2025) ia menelepon "
            "Presiden Mali, dan pada 2023 keduanya bertemu. Sehari sebelumnya ia berpidato.")
    doc = run(text)
    assert (doc.published, doc.published_inferred) == (date(2025, 1, 21), True)
    assert by_text(doc)["Sehari sebelumnya"].first == date(2025, 1, 20)


def test_planned_dates_do_not_set_the_publication_date():
    doc = run("Presiden Ghana bertemu Raja Maroko (12/3/2024). KTT akan digelar 20 Mei 2024.")
    assert doc.published == date(2024, 3, 12)


def test_no_clue_leaves_the_date_unknown_and_relative_expressions_unresolved():
    doc = run("Menteri itu tiba kemarin dan akan bertemu Presiden pada Jumat.")
    assert doc.published is None and doc.published_inferred is False
    assert [e.error for e in doc.time_expressions] == ["no anchor", "no anchor"]


def test_a_given_publication_date_is_kept():
    doc = run("Ia tiba Selasa (21/1/2025).", date(2025, 1, 25))
    assert (doc.published, doc.published_inferred) == (date(2025, 1, 25), False)


def _seed(folder, prefix: str) -> Document:
    """A corpus article through the time stage alone, with no publication date given."""
    text = next(folder.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    return run(text)


def test_seed_with_weekday_and_yearless_date_infers_its_day(seeds_dir):
    doc = _seed(seeds_dir, "001")
    assert (doc.published, doc.published_inferred) == (date(2026, 2, 4), True)
    found = by_text(doc)
    assert (found["pada November"].first, found["pada November"].last) == (date(2026, 11, 1), date(2026, 11, 30))
    assert (found["akhir tahun lalu"].first, found["akhir tahun lalu"].last) == (date(2025, 9, 1), date(2025, 12, 31))


def test_seed_with_full_dates_infers_the_latest(seeds_dir):
    doc = _seed(seeds_dir, "002")
    assert doc.published_inferred and abs((doc.published - date(2025, 1, 21)).days) <= 1


def _extracted(folder, prefix: str) -> Document:
    """A corpus article through the whole pipeline (its date line gives the anchor)."""
    path = next(folder.glob(f"{prefix}_*.txt"))
    return kronik.extract(path.read_text(encoding="utf-8"), source=path.name)


def test_corpus_dates_resolve_against_the_stated_publication_date(seeds_dir, dev_dir):
    repaired = by_text(_extracted(seeds_dir, "003"))["pada Jumat (27/20/2023)"]
    assert repaired.first == date(2023, 10, 27)
    beyond = by_text(_extracted(dev_dir, "023"))["lebih dari empat tahun lalu"]
    assert (beyond.first, beyond.last) == (date(2021, 5, 27), date(2022, 5, 26))


def test_a_count_after_something_told_before_runs_from_the_previous_time():
    text = ("Duta besar itu dipanggil pada Senin (11/3). "
            "Sehari setelah pemanggilan itu, kedua menteri berbicara melalui telepon.")
    doc = Document(raw_text=text, text=text, published=ANCHOR)
    middle = text.index("Sehari")
    doc.sentences = [Sentence(0, middle - 1, text[:middle - 1]), Sentence(middle, len(text), text[middle:])]
    after = by_text(Time()(doc))["Sehari setelah"]
    assert (after.first, after.last) == (date(2024, 3, 12), date(2024, 3, 12))


def test_the_stage_builds_its_grammar_when_built():
    from kronik.stages.timex import Time
    from kronik.time import find
    find._ranked.cache_clear()
    Time()
    assert find._ranked.cache_info().currsize == 1
