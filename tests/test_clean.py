"""The clean stage drops site noise, never article text, and marks photo captions."""
from __future__ import annotations

import hashlib
import random
import re

import ftfy
import pytest

from kronik.document import Document
from kronik.errors import InputError
from kronik.stages.clean import Clean, clean_text, fix_mojibake

LEAD = "Menteri Luar Negeri Negeri Contoh Ani Wirasena tiba di Jakarta pada Senin (3/6/2024)."
BODY = "Ia bertemu dengan rekannya untuk membahas kerja sama perdagangan kedua negara."
TAIL = "“Kami sepakat memperluas kerja sama,” kata Ani kepada wartawan."

NOISE_LINES = [
    "Baca Juga: Menteri Contoh Kunjungi Pabrik Baja di Cilegon",
    "Baca juga Presiden Contoh Resmikan Bendungan Baru",
    "BACA JUGA: Harga Beras Naik Lagi",
    "Iklan",
    "ADVERTISEMENT",
    "SCROLL TO CONTINUE WITH CONTENT",
    "Gabung ke Channel WhatsApp BeritaContoh untuk update berita terbaru dan terpercaya.",
    "Lanjutkan Membaca ↓",
    "Video Pilihan Hari Ini",
    "Video Terkini",
    "POPULER",
    "Berita Terkini Selengkapnya",
    "Baca berita dengan sedikit iklan, klik di sini",
    "Rekomendasi Cerita",
    "Notification",
    "Berita Terbaru Update",
    "×",
    "Loading",
    "Loading...",
    "Sumber : Kantor Berita Contoh",
    "Sumber: Reuters",
    "Pelaporan tambahan oleh Rina Contoh.",
    "Simak Video: Menteri Contoh Tinjau Banjir",
    "Artikel Pilihan",
]


@pytest.mark.parametrize("noise", NOISE_LINES)
def test_each_noise_line_is_dropped_and_article_text_kept(noise):
    text, _ = clean_text("\n".join([LEAD, noise, BODY, TAIL]))
    assert text == "\n".join([LEAD, BODY, TAIL])


def test_noise_inside_a_sentence_is_not_touched():
    line = "Sumber di kementerian itu mengatakan iklan politik dilarang selama masa tenang."
    text, _ = clean_text(f"{LEAD}\n{line}")
    assert line in text


@pytest.mark.parametrize("raw, expected", [
    ("p>Menteri itu tiba di Bandung.", "Menteri itu tiba di Bandung."),
    ("Menteri itu tiba di Bandung.</p>", "Menteri itu tiba di Bandung."),
    ("Menteri itu tiba<br> di Bandung.", "Menteri itu tiba di Bandung."),
    ("<p>Menteri itu <strong>tiba</strong> di Bandung.</p>", "Menteri itu tiba di Bandung."),
    ("Menteri itu tiba di <b>Ban</b>dung.", "Menteri itu tiba di Bandung."),
    ("Menteri itu&nbsp;tiba di Bandung.", "Menteri itu tiba di Bandung."),
    ("Menteri itu tiba. ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT Ia disambut.",
     "Menteri itu tiba. Ia disambut."),
])
def test_stray_markup_is_removed(raw, expected):
    text, _ = clean_text(f"{LEAD}\n{raw}")
    assert text.split("\n")[1] == expected


def test_unicode_is_normalised():
    raw = ("Menteri\u00a0itu\u2009tiba\u200b di Jakarta \u2013 kata pejabat.  \n"
           "Pertemuan Contoh\u2013Ruritania berlangsung 1\u20132 Juni.\n"
           "Ia berkata \u201ekami siap\u201d dan \u201ctetap\u201d tenang.\t \n"
           "Cafe\u0301 itu ditutup .")
    text, _ = clean_text(raw)
    assert text.split("\n") == [
        "Menteri itu tiba di Jakarta - kata pejabat.",
        "Pertemuan Contoh-Ruritania berlangsung 1-2 Juni.",
        "Ia berkata “kami siap” dan “tetap” tenang.",
        "Café itu ditutup.",
    ]


def test_an_ascii_text_loses_its_control_characters_and_keeps_the_rest():
    from kronik.stages.clean import normalize_characters

    plain = "Menteri tiba.\nIa berkata: \"kami siap\" (100%) ~ {ok} [ya] `a` \\ |b|"
    assert normalize_characters(plain) == plain
    assert normalize_characters("Menteri\ttiba.\r\nIa\x07 pergi\x7f.\r") == "Menteri tiba.\nIa pergi.\n"


def test_spaces_inside_brackets_and_before_stops_go_on_the_lines_that_hold_them():
    raw = "Menteri ( tiba ) di kota .\nIa berkata: siap.\nWarga [ senang ] sekali !"
    assert clean_text(raw)[0].split("\n") == ["Menteri (tiba) di kota.", "Ia berkata: siap.",
                                               "Warga [senang] sekali!"]


def test_blank_line_runs_collapse_and_edges_are_stripped():
    text, _ = clean_text(f"\n\n  {LEAD}\n\n\n\n\n{BODY}\r\n\r\n\r\n{TAIL}\n\n\n")
    assert text == f"{LEAD}\n\n{BODY}\n\n{TAIL}"


def test_repeated_line_and_repeated_tail_are_dropped():
    first = "Seorang pejabat mengatakan negara itu akan mengirim bantuan pangan ke Ruritania."
    raw = "\n".join([LEAD, first, "mengirim bantuan pangan ke Ruritania.", BODY, first, TAIL])
    text, _ = clean_text(raw)
    assert text == "\n".join([LEAD, first, BODY, TAIL])


def test_teaser_headlines_after_a_related_links_heading_are_dropped():
    raw = "\n".join([LEAD, "Baca Juga:", "Menteri Contoh Resmikan Jembatan Baru di Bandung", BODY,
                     TAIL, "", "POPULER", "", "Harga Cabai di Pasar Induk Naik Lagi",
                     "Ruritania Gelar Latihan Militer, Negara Tetangga Waspada?"])
    text, _ = clean_text(raw)
    assert text == "\n".join([LEAD, BODY, TAIL])


def test_teaser_list_ends_at_the_first_line_of_article_text():
    heading = "Dialog Harus Berlanjut"
    raw = "\n".join([LEAD, "Rekomendasi Cerita", "Kerja sama kedua negara masih berlangsung hingga kini",
                     heading, BODY])
    text, _ = clean_text(raw)
    assert text == "\n".join([LEAD, "Kerja sama kedua negara masih berlangsung hingga kini", heading, BODY])


def test_list_of_other_news_glued_to_a_paragraph_is_dropped_to_the_end_of_its_line():
    raw = ("Menteri Peru tiba di Lima pada Senin. Selain berita tersebut, berikut ini berita-berita "
           "internasional pilihan pembaca hari ini, Senin (2/6/2025): - Tegang, Chili Usir Kapal "
           "Perang Peru Militer Chili mengusir kapal itu. - Panas! Bolivia Serang Pangkalan Peru "
           "Bolivia menyerang.\nParagraf berikutnya tetap ada.")
    text, _ = clean_text(raw)
    assert text == "Menteri Peru tiba di Lima pada Senin.\nParagraf berikutnya tetap ada."


def test_list_of_data_after_berikut_is_article_text():
    raw = "Obligasi itu terbagi dua seri. Berikut rinciannya: - Seri A: 5 persen - Seri B: 6 persen"
    assert clean_text(raw)[0] == raw


def test_short_tail_of_previous_line_is_kept():
    first = "Presiden Contoh membuka pameran itu bersama Ruritania."
    text, _ = clean_text("\n".join([LEAD, first, "Ruritania."]))
    assert text.endswith("\nRuritania.")


def test_english_subheading_is_dropped_but_names_and_indonesian_headings_stay():
    raw = "\n".join([LEAD, "Talks on the trade deal", BODY, "Wirasena", "Dialog Harus Berlanjut",
                     "Menteri dan Duta Besar", TAIL])
    text, _ = clean_text(raw)
    assert "Talks on the trade deal" not in text
    assert text.split("\n") == [LEAD, BODY, "Wirasena", "Dialog Harus Berlanjut",
                                "Menteri dan Duta Besar", TAIL]


def test_captions_are_kept_and_marked():
    headline = "Menteri Contoh Bertemu Duta Besar"
    caption = "Menteri Contoh Ani Wirasena menyambut duta besar di Jakarta, Senin (3/6/2024). (AP/Budi Foto)"
    second = "Suasana rapat kabinet di istana. (Dok: Kemenlu Contoh)"
    raw = "\n".join(["Judul Berita Contoh tentang Kunjungan Menteri", "", headline, caption, "",
                     BODY, "", second, TAIL])
    text, captions = clean_text(raw)
    assert [c.text for c in captions] == [headline, caption, second]
    for span in captions:
        assert text[span.start:span.end] == span.text


def test_dates_and_sign_off_initials_in_brackets_are_not_captions():
    raw = "\n".join([LEAD, "Pertemuan itu digelar Jumat (27/10)", "Ia pulang ke Jakarta. (abc/def)"])
    _, captions = clean_text(raw)
    assert captions == []


def test_stage_sets_fingerprint_of_cleaned_text():
    doc = Clean()(Document(raw_text=f"Iklan\n{LEAD}\n{BODY}"))
    assert doc.text == f"{LEAD}\n{BODY}"
    assert doc.fingerprint == hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
    assert Clean()(Document(raw_text=f"{LEAD}\u00a0\n{BODY}\nIklan")).fingerprint == doc.fingerprint


def test_text_of_nothing_but_noise_is_an_input_error():
    with pytest.raises(InputError, match="berita.txt: no article text"):
        Clean()(Document(raw_text="Iklan\n×\nLoading", source="berita.txt"))


SUBJECTS = ["Menteri Contoh", "Presiden Ruritania", "Juru bicara kementerian", "Duta Besar Contoh",
            "Parlemen", "Kepala staf angkatan laut"]
VERBS = ["mengatakan", "menegaskan", "membantah", "mengumumkan", "menjelaskan", "menyambut"]
OBJECTS = ["kerja sama itu", "rencana kunjungan", "tuduhan tersebut", "hasil pertemuan",
           "kesepakatan dagang", "bantuan 12.000 ton beras"]
ENDINGS = [".", ".", ", kata dia.", " pada Senin (3/6).", "?", "!"]


def _article_line(rng: random.Random) -> str:
    words = [rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS)]
    line = " ".join(words) + rng.choice(ENDINGS)
    return f"“{line}”" if rng.random() < 0.2 else line


@pytest.mark.parametrize("seed", range(60))
def test_no_article_line_is_ever_lost(seed):
    """Property: article lines mixed with any noise lines come out complete and in order."""
    rng = random.Random(seed)
    article: list[str] = []
    while len(article) < rng.randint(3, 12):
        line = _article_line(rng)
        if line not in article and not any(a.endswith(line) for a in article):
            article.append(line)
    raw: list[str] = []
    for line in article:
        raw.extend(rng.sample(NOISE_LINES, rng.randint(0, 2)))
        raw.append(line)
        raw.extend([""] * rng.randint(0, 3))
    text, _ = clean_text("\n".join(raw))
    assert [line for line in text.split("\n") if line] == article


def test_corpus_texts_lose_their_noise(seeds_dir, dev_dir):
    for path in sorted(seeds_dir.glob("*.txt")) + sorted(dev_dir.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        text, _ = clean_text(raw)
        lines = text.split("\n")
        for noise in ("Baca Juga", "Iklan", "Loading", "POPULER", "Rekomendasi Cerita", "×",
                      "Gabung ke Channel", "Lanjutkan Membaca", "Pelaporan tambahan"):
            assert not any(line.startswith(noise) for line in lines), (path.name, noise)
        assert "p>" not in text and "\u00a0" not in text
        assert len(lines) == len(set(line for line in lines if line)) + lines.count("")
        # every word of a long line of the source is still there
        kept = set(re.findall(r"\w+", text))
        for line in raw.splitlines():
            if len(line.split()) > 12 and not line.startswith("Baca Juga"):
                assert set(re.findall(r"\w+", line.replace("p>", " "))) <= kept, path.name


def test_mojibake_is_repaired_before_control_characters_are_dropped():
    broken = "Presiden bertemu di Istana \u00c3\u0089lys\u00c3\u00a9e dan berkata \u00e2\u20ac\u0153halo\u00e2\u20ac\u009d."
    text, _ = clean_text(broken)
    assert text == "Presiden bertemu di Istana Élysée dan berkata \u201chalo\u201d."


@pytest.mark.parametrize("broken", [
    "Presiden tiba di Istana \u00c3\u0089lys\u00c3\u00a9e kemarin. " + "Ia bertemu menteri. " * 40
    + "Harga naik 5 m\u00c2\u00b3 dan voil\u00c3 le travail \u00e2\u20ac\u0153halo\u00e2\u20ac\u009d.",
    "\u00c3\u00a9t\u00c3\u00a9 " + "kata " * 30 + "caf\u00c3\u00a9 \u00c3 quele \u00c3 s \u00c3? \u00e2\u20ac\ufffd",
    "Kota \u00d0\u0153\u00d0\u00be\u00d1\u0081\u00d0\u00ba\u00d0\u00b2\u00d0\u00b0 dan \u00c3\u0089 \x1a " + "x" * 80,
    "\u00c3\u00a9 \u201csudah benar\u201d " + "teks " * 20 + "\u00c3\u00a9",
])
def test_mojibake_is_repaired_as_ftfy_repairs_the_whole_text(broken):
    assert fix_mojibake(broken) == ftfy.fix_encoding(broken)


def test_hard_wrapped_lines_are_joined_but_paragraphs_kept():
    raw = "Menteri itu mengatakan bahwa\nkerja sama kedua negara berlanjut.\nPresiden tiba kemarin."
    text, _ = clean_text(raw)
    assert text == ("Menteri itu mengatakan bahwa kerja sama kedua negara berlanjut.\n"
                    "Presiden tiba kemarin.")


def test_bulleted_headlines_after_a_closing_widget_heading_are_dropped():
    raw = ("Menteri itu tiba kemarin.\nTerkini Lainnya\n- Dunia Hari Ini: Banjir Besar Melanda Kota Contoh\n"
           "- Presiden Contoh Lantik Kepala Daerah Baru")
    assert clean_text(raw)[0] == "Menteri itu tiba kemarin."


def test_labelled_captions_are_marked():
    raw = ("Judul Berita Contoh\n\nkota Hak atas foto AFP\nImage caption Menteri Contoh tiba di bandara.\n"
           "Hak atas foto Reuters Image caption Presiden Contoh berpidato.\nMenteri itu tiba kemarin.")
    text, captions = clean_text(raw)
    assert [c.text for c in captions] == ["kota Hak atas foto AFP", "Image caption Menteri Contoh tiba di bandara.",
                                          "Hak atas foto Reuters Image caption Presiden Contoh berpidato."]


def test_a_credit_is_looked_for_only_where_a_bracket_closes_the_line():
    from kronik.stages.clean import caption_spans, noise_rules

    rules = noise_rules()
    assert rules.credit_closes_line
    text = "Menteri tiba kemarin.\nPresiden berpidato (AP/Nama Fotografer)  \nIa (AP/Nama Fotografer) pergi."
    assert [span.text for span in caption_spans(text, rules)] == ["Presiden berpidato (AP/Nama Fotografer)  "]
