"""A table of Indonesian time expressions in invented sentences, resolved by the time stage.

Each row: the sentence, the publication date it is resolved against, the expression the stage
must find (exactly that stretch of the sentence), the first and last day it must cover and,
where it says something, the precision. The anchor of most rows is Wednesday 13 March 2024
(a leap year); rows near the turn of a year use other anchors.
"""
from __future__ import annotations

from datetime import date

import pytest

from kronik.document import Document
from kronik.stages.timex import Time

A = "2024-03-13"

ROWS = [
    # Weekdays: the most recent on or before the anchor, unless the words point forward.
    ("Menteri itu tiba di Tokyo pada Senin.", A, "pada Senin", "2024-03-11", "2024-03-11", "day"),
    ("Kedua delegasi bertemu pada Selasa malam.", A, "pada Selasa malam", "2024-03-12", "2024-03-12", "day"),
    ("Rapat kabinet digelar hari Rabu.", A, "hari Rabu", "2024-03-13", "2024-03-13", "day"),
    ("Duta besar itu dipanggil Kamis lalu.", A, "Kamis lalu", "2024-03-07", "2024-03-07", "day"),
    ("Presiden akan berkunjung pada Jumat.", A, "pada Jumat", "2024-03-15", "2024-03-15", "day"),
    ("Kunjungan itu dijadwalkan Sabtu mendatang.", A, "Sabtu mendatang", "2024-03-16", "2024-03-16", "day"),
    ("Pertemuan berlangsung Sabtu pagi di Hanoi.", A, "Sabtu pagi", "2024-03-09", "2024-03-09", "day"),
    ("Ia berpidato pada hari Minggu di depan parlemen.", A, "pada hari Minggu", "2024-03-10", "2024-03-10", "day"),
    ("Senin ini kedua menteri menandatangani nota itu.", A, "Senin ini", "2024-03-11", "2024-03-11", "day"),
    ("Rapat lanjutan digelar Jumat depan.", A, "Jumat depan", "2024-03-15", "2024-03-15", "day"),
    # A weekday with a numeric date is that date.
    ("Kesepakatan itu diteken Jumat (8/3).", A, "Jumat (8/3)", "2024-03-08", "2024-03-08", "day"),
    ("Pejabat Kenya itu tiba Senin (26/2) di Nairobi.", A, "Senin (26/2)", "2024-02-26", "2024-02-26", "day"),
    ("Ia menelepon mitranya pada hari Senin (4/03).", A, "pada hari Senin (4/03)", "2024-03-04", "2024-03-04", "day"),
    ("Upacara dimulai Senin (11/3) pukul 10.00 WIB.", A, "Senin (11/3) pukul 10.00 WIB", "2024-03-11", "2024-03-11", "day"),
    ("Parlemen bersidang Jumat (8/3) waktu setempat.", A, "Jumat (8/3) waktu setempat", "2024-03-08", "2024-03-08", "day"),
    ("Menlu Chile bicara pada Rabu (31/12/2025) malam.", A, "pada Rabu (31/12/2025) malam", "2025-12-31", "2025-12-31", "day"),
    ("Ada pesan pada Minggu (10/3) dari Kairo.", A, "pada Minggu (10/3)", "2024-03-10", "2024-03-10", "day"),
    ("Ia mendarat di Lima pada Senin (30/12).", "2025-01-01", "pada Senin (30/12)", "2024-12-30", "2024-12-30", "day"),
    ("Pernyataan itu terbit Kamis (2/1).", "2025-01-03", "Kamis (2/1)", "2025-01-02", "2025-01-02", "day"),
    # Numeric dates, with or without a year.
    ("Perjanjian itu diteken (20/1/2023) di Riyadh.", A, "(20/1/2023)", "2023-01-20", "2023-01-20", "day"),
    ("Data per 14/11/2022 menunjukkan kenaikan.", A, "14/11/2022", "2022-11-14", "2022-11-14", "day"),
    ("Nota itu disampaikan kemarin (12/3).", A, "(12/3)", "2024-03-12", "2024-03-12", "day"),
    # Impossible dates repaired from their weekday.
    ("Kesepakatan diumumkan pada Jumat (15/13/2024).", A, "pada Jumat (15/13/2024)", "2024-03-15", "2024-03-15", "day"),
    ("Rapat itu digelar pada Kamis (31/2/2024).", A, "pada Kamis (31/2/2024)", "2024-02-29", "2024-02-29", "day"),
    ("Kunjungan berakhir Selasa (5/30).", A, "Selasa (5/30)", "2024-03-05", "2024-03-05", "day"),
    # Day, month and year.
    ("Batas pendaftaran jatuh pada tanggal 26 Mei.", A, "pada tanggal 26 Mei", "2024-05-26", "2024-05-26", "day"),
    ("Negara itu merdeka pada 17 Agustus 1945.", A, "pada 17 Agustus 1945", "1945-08-17", "1945-08-17", "day"),
    ("Pada 5 Jan 2021 ia mulai menjabat.", A, "Pada 5 Jan 2021", "2021-01-05", "2021-01-05", "day"),
    ("Pertemuan digelar pada 29 Februari 2024.", A, "pada 29 Februari 2024", "2024-02-29", "2024-02-29", "day"),
    ("Kapal itu telah berlayar pada 20 Desember.", A, "pada 20 Desember", "2023-12-20", "2023-12-20", "day"),
    ("Kapal itu akan berlayar pada 20 Februari.", A, "pada 20 Februari", "2025-02-20", "2025-02-20", "day"),
    ("Presiden akan tiba pada 20 Maret mendatang.", A, "pada 20 Maret mendatang", "2024-03-20", "2024-03-20", "day"),
    ("Ia dilantik 20 Januari lalu.", A, "20 Januari lalu", "2024-01-20", "2024-01-20", "day"),
    ("Menurut rilis (Selasa, 12/3/2024), perundingan buntu.", A, "Selasa, 12/3/2024", "2024-03-12", "2024-03-12", "day"),
    ("Pertemuan itu digelar pada Senin 11 Maret 2024.", A, "pada Senin 11 Maret 2024", "2024-03-11", "2024-03-11", "day"),
    ("Sabtu, 9 Maret 2024 ada sidang kabinet.", A, "Sabtu, 9 Maret 2024", "2024-03-09", "2024-03-09", "day"),
    # Ranges of days, within a month and across months and years.
    ("KTT itu berlangsung pada 15-17 Mei di Lima.", A, "pada 15-17 Mei", "2024-05-15", "2024-05-17", "range"),
    ("Latihan bersama digelar tanggal 28-29 Februari.", A, "tanggal 28-29 Februari", "2024-02-28", "2024-02-29", "range"),
    ("Pameran dibuka 15 hingga 17 Juni mendatang.", A, "15 hingga 17 Juni mendatang", "2024-06-15", "2024-06-17", "range"),
    ("Gencatan senjata berlaku 28 dan 29 Februari.", A, "28 dan 29 Februari", "2024-02-28", "2024-02-29", "range"),
    ("Kedua menteri bertemu Senin-Selasa (11-12/3) di Roma.", A, "Senin-Selasa (11-12/3)", "2024-03-11", "2024-03-12", "range"),
    ("Latihan gabungan digelar (29/2-1/3) di Natuna.", A, "(29/2-1/3)", "2024-02-29", "2024-03-01", "range"),
    ("Forum itu berlangsung 30 Maret hingga 2 April.", A, "30 Maret hingga 2 April", "2024-03-30", "2024-04-02", "range"),
    ("Gencatan senjata 28 Desember 2023 sampai 3 Januari 2024 dilanggar.", A,
     "28 Desember 2023 sampai 3 Januari 2024", "2023-12-28", "2024-01-03", "range"),
    ("Sidang digelar 30 Desember - 2 Januari 2025 di Quito.", A, "30 Desember - 2 Januari 2025",
     "2024-12-30", "2025-01-02", "range"),
    # Months alone: the tense chooses the year.
    ("Dia telah bertemu Perdana Menteri pada bulan Januari.", A, "pada bulan Januari", "2024-01-01", "2024-01-31", "month"),
    ("Perdana Menteri akan berkunjung pada bulan Januari.", A, "pada bulan Januari", "2025-01-01", "2025-01-31", "month"),
    ("Raja menerima undangan ke Roma pada Februari.", A, "pada Februari", "2025-02-01", "2025-02-28", "month"),
    ("KTT kawasan itu digelar pada April.", A, "pada April", "2024-04-01", "2024-04-30", "month"),
    ("Ia mengundurkan diri pada Oktober.", A, "pada Oktober", "2023-10-01", "2023-10-31", "month"),
    ("Pemilu parlemen digelar November 2023.", A, "November 2023", "2023-11-01", "2023-11-30", "month"),
    ("Kanselir datang November mendatang.", A, "November mendatang", "2024-11-01", "2024-11-30", "month"),
    ("Kedua negara berselisih Desember lalu.", A, "Desember lalu", "2023-12-01", "2023-12-31", "month"),
    ("Pemilu digelar bulan Mei ini.", A, "bulan Mei ini", "2024-05-01", "2024-05-31", "month"),
    ("Perundingan dilanjutkan Januari mendatang.", "2024-12-20", "Januari mendatang", "2025-01-01", "2025-01-31", "month"),
    # Years.
    ("Hubungan diplomatik dibuka pada tahun 1950.", A, "pada tahun 1950", "1950-01-01", "1950-12-31", "year"),
    ("Perang saudara pecah pada 2019 di sana.", A, "pada 2019", "2019-01-01", "2019-12-31", "year"),
    ("Perdagangan naik sejak 2015 menurut bank sentral.", A, "2015", "2015-01-01", "2015-12-31", "year"),
    ("Invasi dimulai pada tahun 2022 lalu.", A, "pada tahun 2022 lalu", "2022-01-01", "2022-12-31", "year"),
    ("Ia menjabat dari 2019 hingga 2021.", A, "2019", "2019-01-01", "2019-12-31", "year"),
    ("Pandemi melanda pada 2020-2022 di sana.", A, "pada 2020-2022", "2020-01-01", "2022-12-31", "range"),
    ("Musik tahun 1990-an kembali populer.", A, "tahun 1990-an", "1990-01-01", "1999-12-31", "range"),
    ("Defisit melebar sejak akhir 2023.", A, "akhir 2023", "2023-09-01", "2023-12-31", "part_of_year"),
    # Days named from the anchor.
    ("Menteri itu mengatakan kemarin bahwa ia mundur.", A, "kemarin", "2024-03-12", "2024-03-12", "day"),
    ("Pesawat itu tiba besok di Canberra.", A, "besok", "2024-03-14", "2024-03-14", "day"),
    ("Mereka bertemu lusa.", A, "lusa", "2024-03-15", "2024-03-15", "day"),
    ("Hari ini parlemen memilih ketua baru.", A, "Hari ini", "2024-03-13", "2024-03-13", "day"),
    ("Serangan itu terjadi kemarin lusa.", A, "kemarin lusa", "2024-03-11", "2024-03-11", "day"),
    # Weeks, months and years named from the anchor.
    ("Ia bertemu Presiden Peru pekan lalu.", A, "pekan lalu", "2024-03-04", "2024-03-10", "week"),
    ("Ia bertemu Presiden Peru minggu lalu.", A, "minggu lalu", "2024-03-04", "2024-03-10", "week"),
    ("Kedua tim bertemu pekan ini di Doha.", A, "pekan ini", "2024-03-11", "2024-03-17", "week"),
    ("Perundingan dibuka pekan depan.", A, "pekan depan", "2024-03-18", "2024-03-24", "week"),
    ("Ekspor gandum turun bulan lalu.", A, "bulan lalu", "2024-02-01", "2024-02-29", "month"),
    ("Kedua menteri bertemu bulan ini di Oslo.", A, "bulan ini", "2024-03-01", "2024-03-31", "month"),
    ("Kunjungan itu direncanakan bulan depan.", A, "bulan depan", "2024-04-01", "2024-04-30", "month"),
    ("Inflasi naik tahun lalu.", A, "tahun lalu", "2023-01-01", "2023-12-31", "year"),
    ("Pertemuan puncak digelar tahun ini di Lima.", A, "tahun ini", "2024-01-01", "2024-12-31", "year"),
    ("Pemilu digelar tahun depan.", A, "tahun depan", "2025-01-01", "2025-12-31", "year"),
    ("Harga minyak turun bulan lalu.", "2025-01-02", "bulan lalu", "2024-12-01", "2024-12-31", "month"),
    ("Dua kapal ditahan pekan lalu.", "2025-01-06", "pekan lalu", "2024-12-30", "2025-01-05", "week"),
    # Counted offsets.
    ("Mereka bertemu di Oslo tiga minggu lalu.", A, "tiga minggu lalu", "2024-02-19", "2024-02-25", "week"),
    ("Pabrik itu dibom empat tahun lalu.", A, "empat tahun lalu", "2020-01-01", "2020-12-31", "year"),
    ("Perang pecah lebih dari empat tahun lalu.", A, "lebih dari empat tahun lalu", "2019-03-13", "2020-03-12", "range"),
    ("Kota itu direbut hampir dua tahun lalu.", A, "hampir dua tahun lalu", "2022-03-14", "2023-03-13", "range"),
    ("Ia ditangkap beberapa hari lalu.", A, "beberapa hari lalu", "2024-03-06", "2024-03-11", "range"),
    ("Kedutaan itu dibuka setahun lalu.", A, "setahun lalu", "2023-01-01", "2023-12-31", "year"),
    ("Ia mundur dua bulan lalu.", A, "dua bulan lalu", "2024-01-01", "2024-01-31", "month"),
    ("Kapal itu tiba dua minggu lagi.", A, "dua minggu lagi", "2024-03-25", "2024-03-31", "week"),
    ("Badai diperkirakan tiba dalam dua hari ke depan.", A, "dalam dua hari ke depan", "2024-03-13", "2024-03-15", "range"),
    ("Inflasi turun dalam dua pekan terakhir.", A, "dalam dua pekan terakhir", "2024-02-28", "2024-03-13", "range"),
    ("Ia mundur beberapa minggu setelah pemilu.", A, "beberapa minggu setelah", "2024-01-23", "2024-02-28", "range"),
    # Counted from the previous expression of the text.
    ("Ia tiba di Seoul pada Senin (4/3) dan bertolak dua hari kemudian.", A, "dua hari kemudian",
     "2024-03-06", "2024-03-06", "day"),
    ("Ia tiba pada Jumat (8/3) dan menemui wartawan sehari sebelumnya.", A, "sehari sebelumnya",
     "2024-03-07", "2024-03-07", "day"),
    ("Gencatan senjata diumumkan pada 1 Maret dan dilanggar tiga hari setelahnya.", A,
     "tiga hari setelahnya", "2024-03-04", "2024-03-04", "day"),
    ("Pemilu digelar pada 10 Februari dan hasilnya keluar keesokan harinya.", A, "keesokan harinya",
     "2024-02-11", "2024-02-11", "day"),
    # Parts of months, years and weeks.
    ("Kedua menteri bertemu awal bulan ini di Roma.", A, "awal bulan ini", "2024-03-01", "2024-03-10", "range"),
    ("Sidang ditunda hingga pertengahan bulan.", A, "pertengahan bulan", "2024-03-11", "2024-03-20", "range"),
    ("Latihan militer digelar akhir bulan ini.", A, "akhir bulan ini", "2024-03-21", "2024-03-31", "range"),
    # "sejak" is a past cue: what goes on since then started before the news, up to the anchor.
    ("Ketegangan meningkat sejak awal tahun.", A, "awal tahun", "2024-01-01", "2024-03-13", "part_of_year"),
    ("Gencatan senjata berlaku sejak 10 Mei.", A, "10 Mei", "2023-05-10", "2023-05-10", "day"),
    # A month with "tahun lalu/depan/ini" is that month of the year before, after or of the anchor.
    ("Serangan terjadi pada Maret tahun lalu.", A, "pada Maret tahun lalu", "2023-03-01", "2023-03-31", "month"),
    ("Pemilu digelar pada April tahun depan.", A, "pada April tahun depan", "2025-04-01", "2025-04-30", "month"),
    ("Nota itu diteken pada 10 Oktober tahun lalu.", A, "pada 10 Oktober tahun lalu", "2023-10-10", "2023-10-10",
     "day"),
    # Untensed and far ahead (more than a quarter): the past one; near ahead: the coming one.
    ("Serangan 7 Oktober memicu perang.", "2024-05-27", "7 Oktober", "2023-10-07", "2023-10-07", "day"),
    ("Festival itu digelar 23 Juni di Bali.", "2024-05-27", "23 Juni", "2024-06-23", "2024-06-23", "day"),
    ("Bentrokan terjadi sejak pasukan itu tiba pada 10 Mei.", A, "pada 10 Mei", "2023-05-10", "2023-05-10", "day"),
    ("Kedua pemimpin bertemu akhir tahun lalu.", A, "akhir tahun lalu", "2023-09-01", "2023-12-31", "part_of_year"),
    ("Pemilu sela digelar pada akhir tahun ini.", A, "pada akhir tahun ini", "2024-09-01", "2024-12-31", "part_of_year"),
    ("Pasukan ditarik pada awal Oktober mendatang.", A, "pada awal Oktober mendatang", "2024-10-01", "2024-10-10", "range"),
    ("Ia ditahan pada pertengahan Juli 2022.", A, "pada pertengahan Juli 2022", "2022-07-11", "2022-07-20", "range"),
    ("Pasar dibuka akhir pekan ini.", A, "akhir pekan ini", "2024-03-16", "2024-03-17", "range"),
    ("Ia berlibur akhir pekan lalu.", A, "akhir pekan lalu", "2024-03-09", "2024-03-10", "range"),
    # Halves and quarters.
    ("Raja itu berkunjung pada paruh pertama 2025.", A, "pada paruh pertama 2025", "2025-01-01", "2025-06-30", "part_of_year"),
    ("Ekonomi pulih pada paruh kedua tahun ini.", A, "pada paruh kedua tahun ini", "2024-07-01", "2024-12-31", "part_of_year"),
    ("Ekspor naik pada semester pertama.", A, "pada semester pertama", "2024-01-01", "2024-06-30", "part_of_year"),
    ("Laba turun pada kuartal ketiga.", A, "pada kuartal ketiga", "2024-07-01", "2024-09-30", "part_of_year"),
    ("Impor gas turun pada kuartal III 2023.", A, "pada kuartal III 2023", "2023-07-01", "2023-09-30", "part_of_year"),
    ("Proyek itu dimulai triwulan pertama tahun depan.", A, "triwulan pertama tahun depan", "2025-01-01", "2025-03-31", "part_of_year"),
]


def _expression(sentence: str, anchor: str, text: str):
    doc = Document(raw_text=sentence, text=sentence, published=date.fromisoformat(anchor))
    found = Time()(doc).time_expressions
    matching = [e for e in found if e.text == text]
    assert matching, f"{text!r} not found in {sentence!r}; found {[e.text for e in found]}"
    expression = matching[0]
    assert sentence[expression.start:expression.end] == text
    return expression


def test_the_table_is_large_enough():
    assert len(ROWS) >= 70


@pytest.mark.parametrize("sentence, anchor, text, first, last, precision", ROWS,
                         ids=[row[2] for row in ROWS])
def test_expression_resolves(sentence, anchor, text, first, last, precision):
    expression = _expression(sentence, anchor, text)
    assert expression.error is None
    assert (expression.first, expression.last) == (date.fromisoformat(first), date.fromisoformat(last))
    assert expression.precision == precision
