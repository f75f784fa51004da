"""The sentence splitter keeps quotations, abbreviations, numbers and datelines whole."""
from __future__ import annotations

import re

import pytest

import kronik
from conftest import load_gold
from kronik.document import Span
from kronik.stages.sentences import (MAX_SENTENCE_CHARS, _word_before, abbreviations, split_line,
                                     split_sentences)


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


@pytest.mark.parametrize("text, expected", [
    ("Menteri tiba di Bandung. Ia disambut gubernur! Apa hasilnya? Belum jelas.",
     ["Menteri tiba di Bandung.", "Ia disambut gubernur!", "Apa hasilnya?", "Belum jelas."]),
    ("Rapat dipimpin Prof. Dr. Ir. Budi Santoso, S.H., M.Sc. di Jl. Merdeka No. 5. Rapat selesai.",
     ["Rapat dipimpin Prof. Dr. Ir. Budi Santoso, S.H., M.Sc. di Jl. Merdeka No. 5.", "Rapat selesai."]),
    ("Surat itu a.n. Kol. Agus dan Brigjen. Sutopo dikirim u.p. Sdr. Tono. Isinya rahasia.",
     ["Surat itu a.n. Kol. Agus dan Brigjen. Sutopo dikirim u.p. Sdr. Tono.", "Isinya rahasia."]),
    ("Presiden Joe R. Biden menyambut Tn. Ruri dan Ny. Sari. Mereka berbincang.",
     ["Presiden Joe R. Biden menyambut Tn. Ruri dan Ny. Sari.", "Mereka berbincang."]),
    ("Rapat berlangsung 1,5 jam sejak pukul 10.00 WIB dengan anggaran Rp3.897 triliun untuk 12.000 warga. Lalu bubar.",
     ["Rapat berlangsung 1,5 jam sejak pukul 10.00 WIB dengan anggaran Rp3.897 triliun untuk 12.000 warga.",
      "Lalu bubar."]),
    ("Mereka membawa beras, gula, minyak, dll. untuk warga. Bantuan tiba.",
     ["Mereka membawa beras, gula, minyak, dll. untuk warga.", "Bantuan tiba."]),
    ("Timnas menang vs. Ruritania. Pelatih senang.", ["Timnas menang vs. Ruritania.", "Pelatih senang."]),
    ("PADANG, KOMPAS.com - Gubernur meninjau banjir. Warga mengungsi.",
     ["PADANG, KOMPAS.com - Gubernur meninjau banjir.", "Warga mengungsi."]),
    ("1. Pertama, warga diungsikan. 2. Kedua, jalan ditutup.",
     ["1. Pertama, warga diungsikan.", "2. Kedua, jalan ditutup."]),
])
def test_sentences_and_what_does_not_end_them(text, expected):
    assert texts(text) == expected


def test_quoted_passage_stays_with_its_attribution():
    text = ("“Kami siap berunding. Kami menunggu jawaban mereka! Apakah mereka siap?” kata Menteri Contoh. "
            "Ia lalu pergi.")
    assert texts(text) == ["“Kami siap berunding. Kami menunggu jawaban mereka! Apakah mereka siap?” "
                           "kata Menteri Contoh.", "Ia lalu pergi."]


def test_straight_quotes_and_ellipsis_inside_a_quote():
    text = ('"Insiden semacam itu... membahayakan warga. Kami protes," tegas kementerian. '
            'Duta besar dipanggil.')
    assert texts(text) == ['"Insiden semacam itu... membahayakan warga. Kami protes," tegas kementerian.',
                           "Duta besar dipanggil."]


def test_a_quote_that_ends_a_sentence_is_split_after_the_closing_mark():
    text = 'Ia mengancam akan "menghancurkannya." Pejabat lain membantah. “Itu bohong.” Sidang ditunda.'
    assert texts(text) == ['Ia mengancam akan "menghancurkannya."', "Pejabat lain membantah.",
                           "“Itu bohong.”", "Sidang ditunda."]


def test_a_lost_quote_mark_does_not_swallow_the_paragraph():
    text = "Ia menyebutnya “langkah maju. Menteri setuju. Rapat ditutup."
    assert texts(text) == ["Ia menyebutnya “langkah maju.", "Menteri setuju.", "Rapat ditutup."]


def test_photo_credit_stays_with_its_sentence():
    assert texts("Menteri menyambut tamu di istana. (AP/Budi Foto)") == \
        ["Menteri menyambut tamu di istana. (AP/Budi Foto)"]


def test_newlines_end_sentences_and_number_paragraphs():
    text = "Judul Berita Contoh Hari Ini\n\nSubjudul tanpa titik\nKalimat satu. Kalimat dua.\nKalimat tiga"
    sentences = split_sentences(text, title="Judul Berita Contoh Hari Ini")
    assert [(s.text, s.paragraph, s.is_headline) for s in sentences] == [
        ("Judul Berita Contoh Hari Ini", 0, True),
        ("Subjudul tanpa titik", 1, False),
        ("Kalimat satu.", 2, False),
        ("Kalimat dua.", 2, False),
        ("Kalimat tiga", 3, False),
    ]
    for s in sentences:
        assert text[s.start:s.end] == s.text


def test_caption_sentences_are_marked():
    text = "Kalimat pembuka berita.\nFoto menteri di istana. Ia tersenyum. (Dok: Kemenlu)\nKalimat akhir."
    start = text.index("Foto")
    caption = Span(start, text.index("\nKalimat akhir"), text[start:text.index("\nKalimat akhir")])
    flags = [(s.text, s.is_caption) for s in split_sentences(text, [caption])]
    assert flags == [("Kalimat pembuka berita.", False), ("Foto menteri di istana.", True),
                     ("Ia tersenyum. (Dok: Kemenlu)", True), ("Kalimat akhir.", False)]


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def test_corpus_sentences_are_exact_and_keep_gold_quotes_whole(seeds_dir, dev_dir):
    for folder in (seeds_dir, dev_dir):
        for gold in load_gold(folder):
            doc = kronik.extract((folder / gold["doc"]).read_text(encoding="utf-8"), source=gold["doc"])
            assert doc.sentences
            for s in doc.sentences:
                assert doc.text[s.start:s.end] == s.text and "\n" not in s.text and s.text == s.text.strip()
            assert doc.sentences[0].is_headline == (doc.title is not None)
            sentences = [_norm(s.text) for s in doc.sentences]
            for quote in gold["quotes"]:
                assert any(_norm(quote["text"]) in s for s in sentences), (gold["doc"], quote["text"])


CLAUSE = "pejabat Negeri Contoh menyampaikan bahwa kerja sama kedua negara terus berjalan"


def _pieces(text: str) -> list[str]:
    sentences = split_sentences(text)
    assert all(text[s.start:s.end] == s.text for s in sentences)
    return [s.text for s in sentences]


def test_an_over_long_sentence_is_cut_after_a_clause_mark_within_the_limit():
    text = ", ".join([CLAUSE] * 200) + "."
    pieces = _pieces(text)
    assert len(pieces) > 1
    assert all(len(p) <= MAX_SENTENCE_CHARS for p in pieces)
    assert all(p.endswith(",") for p in pieces[:-1])
    assert " ".join(pieces) == text


def test_an_over_long_sentence_without_clause_marks_is_cut_at_a_space_or_the_limit():
    spaced = " ".join([CLAUSE] * 200)
    pieces = _pieces(spaced)
    assert all(len(p) <= MAX_SENTENCE_CHARS for p in pieces) and " ".join(pieces) == spaced
    unspaced = "x" * (2 * MAX_SENTENCE_CHARS + 5)
    assert [len(p) for p in _pieces(unspaced)] == [MAX_SENTENCE_CHARS, MAX_SENTENCE_CHARS, 5]


def test_sentences_within_the_limit_are_not_cut():
    text = ", ".join([CLAUSE] * 20) + ". " + "Kalimat kedua."
    assert len(text) < MAX_SENTENCE_CHARS
    assert _pieces(text) == [text[:-len(" Kalimat kedua.")], "Kalimat kedua."]


def test_many_quotations_on_one_line_are_paired_as_before():
    quote = "“Kami siap. Kami menunggu,” kata Ani."
    text = " ".join([quote, 'Ia pergi. "Kami pulang. Besok," ujar Budi.'] * 300)
    pieces = _pieces(text)
    assert pieces[:3] == [quote, "Ia pergi.", '"Kami pulang. Besok," ujar Budi.']
    assert len(pieces) == 900


def test_quotation_marks_pair_by_kind_curly_and_straight_apart():
    from kronik.stages.sentences import quotation_spans

    line = 'Ia berkata “Kami siap” lalu "pergi" (dan "pulang") x"y “satu “dua” tiga'
    curly = [i for i, ch in enumerate(line) if ch in "“”"]
    straight = [i for i, ch in enumerate(line) if ch == '"']
    # A straight mark after a letter ("x"y") opens nothing; a curly opening mark left open
    # gives way to the next one.
    assert quotation_spans(line) == sorted([(curly[0], curly[1]), (curly[3], curly[4]),
                                            (straight[0], straight[1]), (straight[2], straight[3])])
    assert quotation_spans('tanpa tanda kutip') == []


def test_sentence_ends_tried_at_stops_are_the_patterns_matches():
    from kronik.stages.sentences import _END, sentence_ends

    for line in ['Ia datang. Lalu pergi!! "Apa?" Tidak... Ya\u2026 Oke.\u201d Lalu (ya.) [x?] 1.5 kali.',
                 "", "Tanpa titik", "Akhir.", "...", "A.  B!?\tC", "a.\u00a0b \u2026\u2026 c"]:
        spans = [match.span() for match in sentence_ends(line)]
        assert spans == [match.span() for match in _END.finditer(line)], line


@pytest.mark.parametrize("line, word", [
    ("Ia tinggal di Jl.", "Jl"),
    ("Kata (Prof.", "Prof"),
    ("Ujar \u201cDr.", "Dr"),
    ("Ujar\tDr.", "Dr"),
    ("Pada tahun 2024.", "2024"),
    ("Tokoh J.R.R.", "J.R.R"),
    ("Ia pergi .", ""),
    ("x" + "a" * 50 + ".", "a" * 40),
])
def test_the_word_before_a_stop_ends_at_a_space_or_opener_within_reach(line, word):
    assert _word_before(line, len(line) - 1) == word


@pytest.mark.parametrize("line, spans", [
    ("Ia pergi. Kami pulang.", [(0, 9), (10, 22)]),
    ("Ia pergi.  Kami pulang. ", [(0, 9), (11, 23)]),
    ("Ia pergi.\tKami pulang.", [(0, 9), (10, 22)]),
    ("  Ia pergi.", [(2, 11)]),
    ("Ia pergi. \u201cKami pulang.\u201d Lalu", [(0, 9), (10, 24), (25, 29)]),
])
def test_sentences_of_a_line_are_trimmed_of_every_space(line, spans):
    assert split_line(line, abbreviations()) == spans
