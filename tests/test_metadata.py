"""The metadata stage reads title, outlet, author, dateline and the stated publication date."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone

import pytest

import kronik
from conftest import load_gold
from kronik.document import Document
from kronik.stages.clean import Clean
from kronik.stages.metadata import Metadata

BODY = ("Menteri Luar Negeri Negeri Contoh Ani Wirasena bertemu rekannya dari Ruritania "
        "pada Senin (3/6/2024) untuk membahas kerja sama perdagangan.")
TITLE = "Negeri Contoh dan Ruritania Sepakat Perluas Kerja Sama Dagang"
WIB = timezone(timedelta(hours=7))


def meta(text: str, source: str | None = None) -> Document:
    return Metadata()(Clean()(Document(raw_text=text, source=source)))


@pytest.mark.parametrize("line, expected", [
    ("Terbit pada 26 Nov 2025", date(2025, 11, 26)),
    ("Diterbitkan 30 Okt 2023, 11:06 WIB", datetime(2023, 10, 30, 11, 6, tzinfo=WIB)),
    ("Rabu, 27 Mei 2026 01:01 WIB", datetime(2026, 5, 27, 1, 1, tzinfo=WIB)),
    ("Kamis, 4 Januari 2024 pukul 08.15 WITA", datetime(2024, 1, 4, 8, 15, tzinfo=timezone(timedelta(hours=8)))),
    ("Jumat, 5 Januari 2024 19:30 WIT", datetime(2024, 1, 5, 19, 30, tzinfo=timezone(timedelta(hours=9)))),
    ("Sabtu, 28 Oktober 2023 | Oktober 28, 2023 WIB | 0 Views Last Updated 2023-10-29T08:03:27Z",
     date(2023, 10, 28)),
    ("Last Updated 2023-10-28T08:03:27Z", datetime(2023, 10, 28, 8, 3, tzinfo=timezone.utc)),
    ("12/03/2024, 14:20 WIB", datetime(2024, 3, 12, 14, 20, tzinfo=WIB)),
    ("Selasa, 12 Maret 2024 14:20", date(2024, 3, 12)),
    ("Selasa, 12 Mar 2024 | 14:20 WIB", datetime(2024, 3, 12, 14, 20, tzinfo=WIB)),
    ("Kompas.com - 12/03/2024, 14:20 WIB", datetime(2024, 3, 12, 14, 20, tzinfo=WIB)),
    ("Published on March 12, 2024", date(2024, 3, 12)),
    ("Diterbitkan pada hari Selasa, 12 Maret 2024", date(2024, 3, 12)),
])
def test_date_line_formats(line, expected):
    doc = meta(f"{TITLE}\n{line}\n\n{BODY}")
    assert doc.published == expected
    assert doc.published_inferred is False


def test_published_preferred_over_updated_and_updated_used_alone():
    both = meta(f"{TITLE}\noleh Rina Contoh diperbarui 30 Okt 2023, 11:06 WIB\n"
                f"Diterbitkan 29 Okt 2023, 09:15 WIB\n{BODY}")
    assert both.published == datetime(2023, 10, 29, 9, 15, tzinfo=WIB)
    same_line = meta(f"{TITLE}\nDiperbarui 30 Okt 2023 | Terbit 28 Okt 2023\n{BODY}")
    assert same_line.published == date(2023, 10, 28)
    updated = meta(f"{TITLE}\noleh Rina Contoh diperbarui 30 Okt 2023, 11:06 WIB\n{BODY}")
    assert updated.published == datetime(2023, 10, 30, 11, 6, tzinfo=WIB)


def test_a_stamp_with_the_time_of_the_same_day_is_preferred():
    doc = meta(f"{TITLE}\n2024-03-12\nSelasa, 12 Maret 2024 14:20 WIB\n{BODY}")
    assert doc.published == datetime(2024, 3, 12, 14, 20, tzinfo=WIB)
    other_day = meta(f"{TITLE}\n2024-03-11\nSelasa, 12 Maret 2024 14:20 WIB\n{BODY}")
    assert other_day.published == date(2024, 3, 11)


def test_body_dates_and_impossible_dates_are_not_publication_dates():
    assert meta(f"{TITLE}\n{BODY}\nPertemuan berikutnya dijadwalkan pada 12 Maret 2025.").published is None
    assert meta(f"{TITLE}\nTerbit pada 31 Februari 2024\n{BODY}").published is None
    label_after = "Rapat dijadwalkan 12 Maret 2025 di gedung yang dibuat Belanda"
    assert meta(f"{TITLE}\n{label_after}\n{BODY}").published is None


def test_caller_date_wins():
    doc = kronik.extract(f"{TITLE}\nTerbit pada 26 Nov 2025\n{BODY}", published="2025-11-20")
    assert doc.published == date(2025, 11, 20) and doc.published_given


def test_date_and_outlet_from_url_source():
    doc = meta(f"{TITLE}\n{BODY}", source="https://www.liputan6.com/global/read/5432/2023/10/30/judul")
    assert doc.published == date(2023, 10, 30)
    assert doc.outlet == "Liputan6.com"
    detik = meta(f"{TITLE}\n{BODY}", source="https://news.detik.com/internasional/d-1234567/judul-berita")
    assert detik.outlet == "detikNews" and detik.published is None
    assert meta(f"{TITLE}\n{BODY}", source="berita/2023/10/30/a.txt").published is None
    cnn = meta(f"{TITLE}\n{BODY}", source="https://www.cnnindonesia.com/internasional/20231030123456-106-1/judul")
    assert (cnn.published, cnn.outlet) == (date(2023, 10, 30), "CNN Indonesia")


@pytest.mark.parametrize("first, title", [
    (TITLE, TITLE),
    ("Drone Menghantam Gedung di Kota Contoh, Warga Panik!", "Drone Menghantam Gedung di Kota Contoh, Warga Panik!"),
    (BODY, None),
    ("Terbit pada 26 Nov 2025", None),
    ("JAKARTA, KOMPAS.com - Menteri Contoh tiba di Jakarta pada Senin", None),
    ("Menteri Contoh", None),
    ("oleh Rina Contoh", None),
])
def test_title_is_the_first_line_when_it_looks_like_a_headline(first, title):
    assert meta(f"{first}\n{BODY}").title == title


@pytest.mark.parametrize("line, place, outlet", [
    ("MOSKOW, KOMPAS.TV - Presiden Ruritania berbicara dengan mitranya.", "Moskow", "Kompas TV"),
    ("Liputan6.com, Washington - Presiden Ruritania berbicara dengan mitranya.", "Washington", "Liputan6.com"),
    ("Jakarta, Contohberita.Online -- Presiden Ruritania berbicara dengan mitranya.", "Jakarta", "Contohberita.Online"),
    ("Jakarta (ANTARA) - Presiden Ruritania berbicara dengan mitranya.", "Jakarta", "ANTARA"),
    ("NEW YORK, CNN Indonesia -- Presiden Ruritania berbicara dengan mitranya.", "New York", "CNN Indonesia"),
    ("TEMPO.CO, Jakarta - Presiden Ruritania berbicara dengan mitranya.", "Jakarta", "Tempo"),
    ("BANDUNG - Presiden Ruritania berbicara dengan mitranya.", "Bandung", None),
    ("MANILA, WARTA CONTOH - Presiden Ruritania berbicara dengan mitranya.", "Manila", "WARTA CONTOH"),
    ("JAKARTA, investor.id - Presiden Ruritania berbicara dengan mitranya.", "Jakarta", "Investor Daily"),
    ("Jakarta, kumparan - Presiden Ruritania berbicara dengan mitranya.", "Jakarta", "kumparan"),
    ("Selat Contoh - jalur pelayaran utama - tetap dibuka.", None, None),
    ("Presiden Joko Contoh - yang baru dilantik - tiba di Bali.", None, None),
])
def test_dateline_gives_place_and_outlet(line, place, outlet):
    doc = meta(f"{TITLE}\n{line}\n{BODY}")
    assert (doc.dateline, doc.outlet) == (place, outlet)
    assert line in doc.text  # the dateline stays in the text


@pytest.mark.parametrize("byline, author", [
    ("oleh Rina Contoh diperbarui 30 Okt 2023, 11:06 WIB", "Rina Contoh"),
    ("Penulis: Budi Santoso | Editor: Dewi Lestari", "Budi Santoso"),
    ("Reporter : Siti binti Ahmad", "Siti binti Ahmad"),
    ("Editor: Dewi Lestari", None),
    ("Oleh karena itu, pertemuan ditunda.", None),
])
def test_author_is_the_writer_from_the_byline(byline, author):
    assert meta(f"{TITLE}\n{byline}\n{BODY}").author == author


def test_author_and_date_from_a_footer():
    body = "\n".join(f"Paragraf {number}: {BODY}" for number in range(20))
    doc = meta(f"{TITLE}\n{body}\nPewarta: Agus Contoh\nEditor: Dewi Lestari\nDiterbitkan: 4 Juni 2024")
    assert (doc.author, doc.published) == ("Agus Contoh", date(2024, 6, 4))


EXPECTED = {
    "000_d0229d1f5293160a.txt": (None, None, None, "2025-11-26"),
    "001_f97292615f1b9a68.txt": (None, None, None, None),
    "002_9a1cae02f8ff1778.txt": (None, "Kompas TV", None, None),
    "003_86df517c7eb9afbc.txt": (True, "Liputan6.com", "Khairisa Ferida", "2023-10-30T11:06:00+07:00"),
    "004_4678e5728421bb87.txt": (True, "Ungkapfakta.Online", None, "2023-10-28"),
}


def test_seed_metadata(seeds_dir):
    for name, (titled, outlet, author, published) in EXPECTED.items():
        doc = meta((seeds_dir / name).read_text(encoding="utf-8"), source=name)
        record = doc.to_dict()
        assert (bool(doc.title) or None, record["outlet"], record["author"], record["published"]) == \
            (titled, outlet, author, published), name


def test_stated_dates_of_the_corpus_match_gold(seeds_dir, dev_dir):
    for folder in (seeds_dir, dev_dir):
        for gold in load_gold(folder):
            doc = meta((folder / gold["doc"]).read_text(encoding="utf-8"), source=gold["doc"])
            stated = doc.published.isoformat()[:10] if doc.published else None
            assert stated in (gold["published"], None), gold["doc"]
            if folder == dev_dir or gold["published"]:
                assert stated == gold["published"], gold["doc"]
            assert doc.title is None or "\n" not in doc.title


def test_scorer_gives_full_publication_accuracy(tmp_path, seeds_dir, dev_dir):
    from conftest import SCORER

    for folder in (seeds_dir, dev_dir):
        out = tmp_path / f"{folder.name}.jsonl"
        with out.open("w", encoding="utf-8") as handle:
            for path in sorted(folder.glob("*.txt")):
                doc = meta(path.read_text(encoding="utf-8"), source=path.name)
                handle.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
        result = subprocess.run([sys.executable, str(SCORER), str(folder / "gold.jsonl"), str(out), "--json"],
                                capture_output=True, text=True, check=True)
        assert json.loads(result.stdout)["published_accuracy"] == 1.0


def test_words_grouped_by_first_letter_match_what_the_plain_alternation_matches():
    """The header patterns group their word lists (``time.grammar.grouped_alternation``): the
    same matches as metadata's plain alternation, ignoring case as those patterns do."""
    from kronik.stages.metadata import _alternation
    from kronik.time.grammar import alternation, grouped_alternation

    words = ["Jan", "Januari", "Juni", "Juli", "Mei", "Maret", "agu", "Agustus", "Ags.", "1st"]
    plain = re.compile(rf"\b(?:{_alternation(words)})\.?\s+\d", re.IGNORECASE)
    grouped = re.compile(rf"\b(?:{grouped_alternation(words)})\.?\s+\d", re.IGNORECASE)
    for text in ["januari 5 dan JAN. 5", "Juli 2, Juni", "mei 1 maret  3", "AGUSTUS 9 agu 1 ags. 2",
                 "xjuni 5", "1st 2", "\u212a 1"]:
        assert [m.span() for m in plain.finditer(text)] == [m.span() for m in grouped.finditer(text)]
    assert grouped_alternation(words).count("(?:") == 5  # the whole, then j, m, a, 1
    assert grouped_alternation(["-x", "y"]) == alternation(["-x", "y"])
