"""The quotes stage on invented sentences, with the entities a recogniser would give injected by hand.

The people are fictional (a Peruvian foreign minister, a Bolivian president, a UN spokeswoman);
the states and institutions are real.
"""
from __future__ import annotations

import pytest

from kronik.document import Document, Entity, Party, Quote
from kronik.stages.quotes import Quotes

QUISPE = dict(kind="person", name="Ana Quispe", country="PER", title="Menteri Luar Negeri")
PAZ = dict(kind="person", name="Rodrigo Paz", country="BOL", title="Presiden")
VARGA = dict(kind="person", name="Lena Varga", country=None, title="juru bicara")
PERU = dict(kind="state", name="Peru", country="PER")
BOLIVIA = dict(kind="state", name="Bolivia", country="BOL")
USA = dict(kind="state", name="Amerika Serikat", country="USA")
KNOWN = {"Ana Quispe": QUISPE, "Quispe": QUISPE, "Rodrigo Paz": PAZ, "Lena Varga": VARGA,
         "Peru": PERU, "Bolivia": BOLIVIA, "AS": USA, "Gedung Putih": USA,
         "PBB": dict(kind="organization", name="Perserikatan Bangsa-Bangsa", country=None),
         "Reuters": dict(kind="organization", name="Reuters", country=None)}


def run(text: str, extra: dict | None = None) -> list[Quote]:
    """Run the stage on ``text`` with every known name in it (and ``extra``) tagged as an entity."""
    entities = []
    known = {**KNOWN, **(extra or {})}
    for surface, info in sorted(known.items(), key=lambda item: -len(item[0])):
        start = text.find(surface)
        while start >= 0:
            end = start + len(surface)
            if not any(e.start < end and start < e.end for e in entities):
                entities.append(Entity(start, end, surface, **info))
            start = text.find(surface, end)
    doc = Document(raw_text=text, text=text, entities=sorted(entities, key=lambda e: e.start))
    quotes = Quotes()(doc).quotes
    for quote in quotes:
        assert doc.text[quote.start:quote.end] == quote.text
    return quotes


def speakers(quotes: list[Quote]) -> list[str | None]:
    return [q.speaker.name if q.speaker else None for q in quotes]


def test_attribution_after_the_quote():
    text = "“Kami akan membuka kembali perundingan dagang bulan depan,” kata Menteri Luar Negeri Peru Ana Quispe."
    [quote] = run(text)
    assert quote.text == "Kami akan membuka kembali perundingan dagang bulan depan"
    assert quote.speaker == Party("Ana Quispe", "PER", "person", "Menteri Luar Negeri")


def test_surname_after_the_verb_and_an_addressee_who_is_not_the_speaker():
    text = "\"Perbatasan kita harus tetap terbuka untuk perdagangan,\" kata Quispe kepada Rodrigo Paz di Lima."
    assert speakers(run(text)) == ["Ana Quispe"]


def test_attribution_before_the_quote_with_addressee_and_bahwa():
    text = "Quispe juga mengatakan kepada Rodrigo Paz bahwa “hubungan kedua negara harus dibangun di atas saling percaya”."
    [quote] = run(text)
    assert quote.text == "hubungan kedua negara harus dibangun di atas saling percaya"
    assert quote.speaker.name == "Ana Quispe"


def test_colon_and_menurut_introduce_quotes():
    text = ("Rodrigo Paz menulis di media sosial: \"Kami tidak akan pernah menyerah pada tekanan dari luar.\"\n"
            "Menurut Quispe, \"perjanjian itu akan ditandatangani sebelum akhir tahun ini.\"")
    assert speakers(run(text)) == ["Rodrigo Paz", "Ana Quispe"]


def test_subject_of_an_earlier_clause_speaks_after_a_comma():
    text = ("Memanggil Rodrigo Paz sebagai \"sahabat\", Quispe menyampaikan pesan serupa, mengatakan, "
            "\"Kedua negara kita tetap menjadi penjaga perdamaian di kawasan.\"")
    assert speakers(run(text)) == ["Ana Quispe"]


def test_multi_sentence_quote_is_one_quote():
    text = "“Kami siap. Kami sudah lama menunggu. Perundingan harus dimulai sekarang,” ujar Quispe."
    [quote] = run(text)
    assert quote.text == "Kami siap. Kami sudah lama menunggu. Perundingan harus dimulai sekarang"


def test_quote_continues_into_a_paragraph_that_reopens_it():
    text = ("“Kami siap berunding kapan saja dengan siapa pun.\n"
            "“Tetapi kami tidak akan menyerahkan sejengkal pun wilayah kami,” kata Quispe.\n"
            "Rapat ditutup pada sore hari.")
    [quote] = run(text)
    assert quote.text.startswith("Kami siap berunding")
    assert quote.text.endswith("sejengkal pun wilayah kami")
    assert quote.speaker.name == "Ana Quispe"


def test_pronoun_speaker_is_the_last_speaker():
    text = ("“Kami akan membuka kembali perundingan dagang bulan depan,” kata Quispe.\n"
            "Perundingan terakhir dengan Bolivia gagal pada Maret.\n"
            "“Semua pihak harus datang dengan niat baik dan tanpa syarat,” ujarnya.")
    assert speakers(run(text)) == ["Ana Quispe", "Ana Quispe"]


def test_pronoun_speaker_is_a_new_sentence_subject():
    text = ("“Kami akan membuka kembali perundingan dagang bulan depan,” kata Quispe.\n"
            "Presiden Bolivia Rodrigo Paz menanggapi pernyataan itu pada Selasa.\n"
            "“Bolivia menyambut baik setiap tawaran yang jujur dari tetangga kami,” ujarnya.")
    assert speakers(run(text)) == ["Ana Quispe", "Rodrigo Paz"]


def test_unnamed_official_with_a_country():
    text = "“Kami sedang menyiapkan kunjungan presiden ke Lima bulan depan,” kata seorang pejabat senior AS."
    [quote] = run(text)
    assert quote.speaker == Party(None, "USA", "person", "pejabat senior")


@pytest.mark.parametrize("context, country", [
    ("Para pejabat Peru bertemu delegasi Bolivia selama dua hari.", "PER"),
    # An official named in apposition is no unnamed official to take the country of.
    ("Seorang diplomat asal Peru, Huaman, bertemu delegasi Bolivia selama dua hari.", None),
])
def test_unnamed_official_takes_the_country_of_the_officials_talked_about(context: str, country: str | None):
    text = (f"{context}\n"
            "“Kami sedang menyiapkan naskah perjanjian untuk ditandatangani kedua menteri,” kata salah satu "
            "pejabat senior pemerintah yang tidak ingin disebutkan namanya.")
    [quote] = run(text)
    assert quote.speaker == Party(None, country, "person", "pejabat senior pemerintah")


def test_anaphoric_source_is_the_official_described_before():
    text = ("Seorang diplomat senior di kedutaan Peru mengakui bahwa pembicaraan itu sulit.\n"
            "\"Tidak mudah mencari titik temu ketika semua pihak bertahan,\" kata sumber tersebut.")
    [quote] = run(text)
    assert (quote.speaker.name, quote.speaker.country, quote.speaker.title) == (None, "PER", "sumber")


def test_unnamed_official_without_any_country_stays_without_one():
    text = "\"Apakah Anda akan menerima tawaran damai yang diajukan pekan lalu?\" tanya reporter itu."
    [quote] = run(text)
    assert quote.speaker == Party(None, None, "person", "reporter")


def test_institutional_speakers():
    text = ("\"Kedua pihak sepakat melanjutkan pembicaraan tingkat tinggi secepatnya,\" ujar Gedung Putih "
            "dalam sebuah pernyataan, seperti dilansir Reuters.\n"
            "\"Sebuah kapal asing memasuki perairan kami tanpa izin pada malam hari,\" kata "
            "Kementerian Pertahanan Peru.\n"
            "\"Kapal itu telah diperingatkan dan kemudian diusir keluar dari perairan kami,\" tambahnya.\n"
            "\"Kami akan menanggapi setiap pelanggaran wilayah dengan tegas,\" demikian pernyataan militer Bolivia.")
    quotes = run(text)
    assert [(q.speaker.name, q.speaker.country) for q in quotes] == [
        ("Gedung Putih", "USA"), ("Kementerian Pertahanan Peru", "PER"),
        ("Kementerian Pertahanan Peru", "PER"), ("militer Bolivia", "BOL")]
    assert quotes[1].speaker.kind == "organization"


def test_named_apposition_after_a_described_speaker():
    text = "\"PBB akan terus mendukung perundingan damai antara kedua negara,\" kata juru bicara PBB, Lena Varga, via media sosial."
    assert speakers(run(text)) == ["Lena Varga"]


def test_scare_quotes_and_unattributed_titles_are_not_quotes():
    text = ("Quispe menyebut pertemuan itu “positif” dan 'sangat bersahabat'.\n"
            "Film berjudul \"Jalan Panjang Menuju Rumah yang Tak Pernah Usai\" diputar di Lima.")
    assert run(text) == []


def test_short_fragment_shares_the_attribution_of_its_sentence():
    text = ("Kapal itu \"berulang kali memasuki perairan kami tanpa izin resmi\" dan \"mengganggu nelayan\", "
            "kata militer Peru.")
    [quote] = run(text)
    assert quote.text == "berulang kali memasuki perairan kami tanpa izin resmi"
    assert quote.speaker.name == "militer Peru"


def test_quote_after_an_attributed_one_in_the_same_sentence():
    text = ("\"Kami menolak tuduhan itu,\" kata Quispe, seraya menambahkan bahwa pemerintahnya akan meminta "
            "\"penyelidikan yang adil dan terbuka oleh pihak ketiga\".")
    assert speakers(run(text)) == ["Ana Quispe"]


def test_standalone_quote_paragraph_continues_the_previous_speaker():
    text = ("\"Kami sedang menyiapkan pertemuan itu dengan sangat hati-hati,\" kata seorang pejabat Peru.\n\n"
            "\"Tentu saja, keputusan terakhir tetap berada di tangan presiden kami sendiri.\"\n\n"
            "Rapat berikutnya dijadwalkan bulan depan.")
    quotes = run(text)
    assert len(quotes) == 2
    assert quotes[1].speaker == quotes[0].speaker == Party(None, "PER", "person", "pejabat")


def test_unbalanced_quote_does_not_swallow_the_rest():
    text = ("“Kami akan datang ke Lima untuk berunding dengan semua pihak,” kata Quispe. "
            "Ia lalu berkata “rencana itu sudah kami siapkan sejak lama sekali. "
            "Cuaca di Lima cerah sepanjang hari dan penerbangan berjalan normal. "
            "“Bolivia menolak semua tuduhan yang dilontarkan pihak oposisi,” ujar Rodrigo Paz.")
    quotes = run(text)
    assert speakers(quotes) == ["Ana Quispe", "Ana Quispe", "Rodrigo Paz"]
    assert quotes[1].text == "rencana itu sudah kami siapkan sejak lama sekali."
    assert "Cuaca" not in " ".join(q.text for q in quotes)


def test_apostrophes_and_nested_single_quotes_do_not_break_quotes():
    text = ("Quispe mengutip Qur'an dan berkata: \"Kami akan tetap sabar menghadapi semua cobaan ini.\"\n"
            "\"Mengancam untuk 'menghancurkan' tetangga adalah logika tanpa hukum,\" kata Rodrigo Paz.\n"
            "'Kami tidak akan mundur dari perundingan ini,' kata Quispe.")
    quotes = run(text)
    assert speakers(quotes) == ["Ana Quispe", "Rodrigo Paz", "Ana Quispe"]
    assert quotes[1].text == "Mengancam untuk 'menghancurkan' tetangga adalah logika tanpa hukum"
    assert quotes[2].text == "Kami tidak akan mundur dari perundingan ini"


def test_speaker_without_entity_falls_back_to_the_name_written():
    text = "“Semua negara harus mematuhi hukum laut internasional tanpa kecuali,” kata Tomas Ferreyra."
    assert speakers(run(text)) == ["Tomas Ferreyra"]


def test_subject_and_pronoun_after_the_quote():
    text = ("“Perbatasan akan dibuka kembali untuk semua truk barang,” Quispe menambahkan.\n"
            "“Kami juga akan menambah petugas di setiap pos perbatasan,” kata dia.")
    assert speakers(run(text)) == ["Ana Quispe", "Ana Quispe"]


def test_a_colon_after_a_lowercase_phrase_names_no_speaker():
    text = "Berikut pernyataan lengkapnya: \"Semua pihak diminta menahan diri dan kembali ke meja perundingan.\""
    assert run(text) == []


def test_a_capitalised_label_before_a_colon_is_not_a_speaker():
    text = "Baca Juga: \"Lima dan La Paz Sepakat Membuka Kembali Jalur Perdagangan di Perbatasan\""
    assert run(text) == []


def test_quote_split_by_its_attribution_and_guillemets():
    text = ("\"Kami siap,\" kata Rodrigo Paz, \"untuk menjadi penengah antara kedua pihak yang bertikai.\"\n"
            "Dalam pernyataannya, Quispe menulis: «Peru tidak akan menerima ultimatum dari negara mana pun».")
    quotes = run(text)
    assert [q.text for q in quotes] == ["untuk menjadi penengah antara kedua pihak yang bertikai.",
                                        "Peru tidak akan menerima ultimatum dari negara mana pun"]
    assert speakers(quotes) == ["Rodrigo Paz", "Ana Quispe"]


def test_quotation_later_in_a_reported_clause():
    text = ("Ana Quispe mengatakan kepada wartawan bahwa Peru hanya akan membuka perbatasan "
            "“jika semua truk barang diperiksa di pos yang sama.”")
    assert speakers(run(text)) == ["Ana Quispe"]


def test_menurutnya_opens_a_clause_that_ends_in_a_quotation():
    text = ("“Kami akan membuka kembali perundingan dagang bulan depan,” kata Ana Quispe. "
            "Menurutnya, proses itu “diblokir oleh sejumlah kecil negara yang tidak mau sepakat.”")
    assert speakers(run(text)) == ["Ana Quispe", "Ana Quispe"]


def test_short_fragment_still_names_the_speaker_of_what_follows():
    text = ("“Itu keliru,” kata Rodrigo Paz. "
            "“Kami tidak akan menerima tuntutan itu dalam bentuk apa pun juga.”")
    assert speakers(run(text)) == ["Rodrigo Paz"]


def test_named_apposition_after_a_described_speaker():
    text = ("“Pasukan kami hanya membela diri dari serangan yang datang dari laut,” "
            "kata juru bicara Gedung Putih, Mayor Lena Varga, dalam pernyataan.")
    assert speakers(run(text)) == ["Lena Varga"]


def test_pronoun_after_indirect_speech_names_its_speaker():
    text = ("Perluasan itu prioritas, kata Komisaris Perdagangan Uni Eropa, Marta Kovacs. "
            "“Jika negara kandidat memenuhi target, kami juga harus memenuhi janji,” imbuhnya.")
    assert speakers(run(text)) == ["Marta Kovacs"]


def test_name_before_a_description_in_apposition_is_the_speaker():
    text = ("Lena Varga, pakar hubungan internasional dan mantan diplomat, mengatakan "
            "“tidak ada jalan keluar yang mudah bagi kedua negara itu.”")
    assert speakers(run(text)) == ["Lena Varga"]


# Speakers the entity stage does not know or gets wrong: the names below are tagged as nothing.

def test_pronoun_speaker_named_in_apposition_after_a_title_is_that_name():
    text = ("Direktur Jenderal Perdagangan Peru, Wiratmo, menyampaikan bahwa ekspor naik tahun ini.\n"
            "“Kami berharap angka itu terus naik sampai akhir tahun depan,” ujarnya.")
    assert speakers(run(text)) == ["Wiratmo"]


def test_pronoun_mention_tagged_with_someone_else_does_not_override_the_last_speaker():
    text = ("“Kami akan membuka kembali perundingan dagang bulan depan,” kata Quispe.\n"
            "Ia juga menyinggung hubungan dengan Bolivia.\n"
            "“Hubungan kedua negara harus dibangun di atas saling percaya,” ujarnya.")
    assert speakers(run(text, {"Ia": PAZ})) == ["Ana Quispe", "Ana Quispe"]


def test_unknown_subject_after_an_opening_clause_and_an_adverb():
    text = ("“Kami akan membuka kembali perundingan dagang bulan depan,” kata Quispe.\n"
            "Selain menyampaikan kritik terhadap Bolivia, Budi Hartono juga menyampaikan pesan.\n"
            "“Kepada rakyat kami: bersabarlah, perundingan ini akan berhasil,” tulisnya.")
    assert speakers(run(text)) == ["Ana Quispe", "Budi Hartono"]


def test_person_talked_about_is_not_the_next_speaker():
    text = ("“Kami belum tahu kewarganegaraan tahanan itu sampai hari ini,” kata Quispe.\n"
            "Jorge Hambara tidak menunjukkan dokumen apa pun saat ditangkap.\n"
            "“Kami masih menunggu jawaban dari pengadilan di negara itu,” jelasnya.")
    assert speakers(run(text)) == ["Ana Quispe", "Ana Quispe"]


def test_sentence_with_its_own_attribution_is_the_attributed_speakers():
    text = ("“Kami belum tahu kewarganegaraan tahanan itu sampai hari ini,” kata Quispe.\n"
            "Sebab, kata Rodrigo Paz, Jorge Hambara belum pernah berbicara dengan pengacaranya.\n"
            "“Kami masih menunggu jawaban dari pengadilan di negara itu,” jelasnya.")
    assert speakers(run(text)) == ["Ana Quispe", "Rodrigo Paz"]


def test_words_opening_a_sentence_are_no_speaker():
    text = ("“Kami akan membuka kembali perundingan dagang bulan depan,” kata Quispe.\n"
            "Menurutnya, perjanjian itu penting bagi kawasan. Terakhir, ia juga mengusulkan forum baru.\n"
            "“Forum itu harus terbuka bagi semua negara di kawasan ini,” ujarnya.")
    assert speakers(run(text)) == ["Ana Quispe", "Ana Quispe"]


def test_indirect_speech_speaker_after_an_abbreviation_in_brackets():
    text = ("Perdagangan bebas adalah prioritas, kata Komisaris Perdagangan Uni Andes (UA), Elena Rojas. "
            "“Jika negara kandidat memenuhi target, kami juga harus memenuhi janji,” imbuhnya.")
    assert speakers(run(text)) == ["Elena Rojas"]


def test_capitalised_function_word_inside_a_name_and_one_word_names_in_apposition():
    text = ("“Tanah longsor sepagi ini adalah keberuntungan yang luar biasa bagi kita,” "
            "kata pakar geologi Universitas Lima, Dan Moreno.\n"
            "“Kami akan memeriksa semua laporan yang masuk pada pekan ini,” ujar Kepala Dinas "
            "Perhubungan Lima, Sartino, kepada wartawan.\n"
            "“Kami akan memeriksa semua laporan yang masuk pada bulan ini,” kata juru bicara Kemlu, Senin.")
    quotes = run(text)
    assert speakers(quotes) == ["Dan Moreno", "Sartino", None]
    assert quotes[2].speaker.title == "juru bicara Kemlu"


def test_acronym_speaker_is_an_organisation():
    [quote] = run("“Kami akan memeriksa semua laporan yang masuk pada pekan ini,” kata BPKN.")
    assert (quote.speaker.name, quote.speaker.kind) == ("BPKN", "organization")


def test_long_description_reaches_its_name_in_apposition():
    text = ("“Kebijakan itu bisa menggeser jalur perdagangan di seluruh kawasan ini,” kata pakar "
            "ekonomi dan kajian strategis Universitas Cusco (UC) Lima, Rosa Huaman kepada wartawan.")
    assert speakers(run(text)) == ["Rosa Huaman"]


def test_clause_after_menurut_is_no_apposition_and_sentence_words_may_be_speakers_after_kata():
    text = ("“Kami akan membuka kembali perundingan dagang bulan depan,” kata Lalu kepada wartawan.\n"
            "Menurut Lalu, Komite Andes menjadi forum yang tepat untuk itu.\n"
            "“Forum itu harus terbuka bagi semua negara di kawasan ini,” ujarnya.")
    assert speakers(run(text)) == ["Lalu", "Lalu"]


def test_short_name_takes_the_family_name_it_was_first_written_with():
    text = ("Kerja Sama Andes Kian Erat\n"
            "Muhammad Reza Tirtawinata selaku direktur sebuah yayasan tani menyebut ekspor butuh waktu.\n"
            "“Kami tidak memiliki sertifikat yang dibutuhkan untuk mengekspor semuanya,” lanjut Reza.")
    assert speakers(run(text)) == ["Reza Tirtawinata"]


@pytest.mark.parametrize("text, expected", [
    # A lowercase or abbreviated honorific before a name the recogniser does not know.
    ("“Asupan garam harus dikurangi sejak usia muda sekali,” kata dr Lestari kepada wartawan.",
     ["Lestari"]),
    ("“Asupan garam harus dikurangi sejak usia muda sekali,” ujar dr. Lestari. Ia lalu pergi.",
     ["Lestari"]),
    ("“Asupan garam harus dikurangi sejak usia muda sekali,” tegas Prof. Dr. Hadi Wibowo.",
     ["Hadi Wibowo"]),
    # The stop of "dr." ends no sentence, so the pronoun finds the doctor named after it.
    ("Menurut dr. Lestari Anggraini, garam berbahaya. “Asupan garam harus dikurangi sejak usia "
     "muda sekali,” ujarnya.", ["Lestari Anggraini"]),
    # A degree after the name is no part of it; upper-case initials before the family name are.
    ("Garam dan Kesehatan\nAhli gizi dr Lestari Anggraini SpGK hadir.\n“Asupan garam harus dikurangi sejak usia muda "
     "sekali,” kata dr Lestari.", ["Lestari Anggraini"]),
    ("Garam dan Kesehatan\nKetua yayasan Hadi MR Wibowo hadir.\n“Asupan garam harus dikurangi sejak usia muda "
     "sekali,” kata Hadi.", ["Hadi MR Wibowo"]),
])
def test_honorifics_degrees_and_initials_around_a_written_name(text: str, expected: list[str]):
    assert speakers(run(text)) == expected


@pytest.mark.parametrize("attribution, expected", [
    ("demikian pernyataan bersama yang dikeluarkan oleh Ana Quispe dan Rodrigo Paz", ("Ana Quispe", "PER")),
    ("demikian pernyataan bersama Rodrigo Paz dan Ana Quispe", ("Rodrigo Paz", "BOL")),
    ("bunyi keterangan resmi Kementerian Luar Negeri Peru", ("Kementerian Luar Negeri Peru", "PER")),
    ("demikian bunyi pesan dari Gedung Putih", ("Gedung Putih", "USA")),
    ("tulis pernyataan resmi PBB di laman resminya", ("PBB", None)),
    # More verbs after a quotation, and described writers.
    ("tutup Quispe", ("Ana Quispe", "PER")),
    ("beber Quispe kepada wartawan", ("Ana Quispe", "PER")),
    ("tulis seorang warganet di media sosial", (None, None)),
])
def test_statements_verbs_and_writers_after_a_quotation(attribution: str, expected: tuple):
    """A statement after a verb of saying is its issuer's ("demikian pernyataan bersama X")."""
    text = f"“Kedua negara sepakat untuk memperluas kerja sama perdagangan,” {attribution}."
    [quote] = run(text)
    assert (quote.speaker.name, quote.speaker.country) == expected


def test_pronoun_after_a_new_verb_is_the_last_speaker():
    text = ("“Kedua negara sepakat untuk memperluas kerja sama perdagangan,” kata Quispe.\n"
            "“Kami berharap pasar kedua negara segera terbuka lebar,” harapnya.")
    assert speakers(run(text)) == ["Ana Quispe", "Ana Quispe"]


def test_a_quoted_article_of_law_has_no_speaker():
    assert run("“Setiap warga negara berhak atas pekerjaan yang layak,” bunyi pasal tersebut.") == []


def test_speakers_of_several_states_described_together_have_no_country():
    text = ("Peru dan Bolivia menyuarakan keprihatinan pada hari Selasa. Tanpa menyebut nama Lima, "
            "para menteri luar negeri negara-negara tersebut mengkritik “manuver berbahaya oleh kapal "
            "patroli di perairan bersama itu”.")
    [quote] = run(text, {"negara-negara tersebut": PERU})
    assert (quote.speaker.name, quote.speaker.country) == (None, None)


def test_adjective_after_yang_is_no_verb_of_saying():
    text = ("“Kami akan membuka kembali perundingan dagang bulan depan,” kata Quispe.\n"
            "Namun yang jelas, Quispe menyebut keputusan itu menunggu arahan Presiden Rodrigo Paz.\n"
            "“Semua pilihan masih kami bahas bersama kementerian terkait,” jelasnya.")
    assert speakers(run(text)) == ["Ana Quispe", "Ana Quispe"]


def test_quotation_standing_alone_after_a_sentence_of_saying_is_its_subjects():
    text = ("“Jika Bolivia bergerak lebih dulu, perundingan akan lebih mudah,” kata Rodrigo Paz.\n"
            "Ana Quispe menilai langkah tersebut akan rumit bagi Peru. "
            "“Peru bukan negara pesisir kecil; politik dalam negerinya membuat hal ini jauh lebih rumit.”\n"
            "Namun, menteri itu tetap menilai perundingan masih mungkin. "
            "“Jika Lima bergerak lebih dulu, pintu itu mungkin terbuka bagi semua pihak.”\n"
            "Harga kopi naik tajam pekan ini. “Semua pedagang di pasar itu mengeluhkan harga yang naik.”")
    assert speakers(run(text)) == ["Rodrigo Paz", "Ana Quispe", "Ana Quispe"]


def test_mengaku_introduces_a_quotation_in_its_clause():
    text = "Ana Quispe mengaku dirinya “gusar, karena kendati upaya yang besar, tidak ada hasil nyata.”"
    assert speakers(run(text)) == ["Ana Quispe"]


def test_words_read_off_the_tokens_are_the_patterns_words():
    """The words of a range, read off the document's tokens, are those the word pattern finds
    in the text cut to the range: joined runs ("AS-China", "Ma'ruf"), a range that opens after
    a joiner or cuts a word, and a text with "_" (whose tokens are not the words' parts)."""
    from kronik.stages.quotes import TOKEN, _Reader, grammar

    texts = ["Menlu AS-China Ma'ruf menyatakan 1.5 kali, ujar--nya x-y.z berkata - lagi.",
             "Juru_bicara mengatakan hal itu-itu saja.", "Ana Quispe: kata\u2019nya 3.-4 itu"]
    for text in texts:
        doc = Document(raw_text=text, text=text, entities=[])
        reader = _Reader(doc, grammar())
        for a in range(len(text) + 1):
            for b in range(a, len(text) + 1):
                expected = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, a, b)
                            if m.group()[0].isalnum()]
                assert list(reader._all_words(a, b)) == expected, (text, a, b)


def test_sentence_ends_found_by_character_are_the_patterns():
    from kronik.stages.quotes import SENTENCE_END, _sentence_ends

    for text in ["Ia datang. Lalu pergi!\nApa? Tidak...", "Rp3.897 naik 1.5 kali.\u00a0Ya.",
                 "Selesai.\n", "\n\nDua baris.\n\nTiga?", "", "Tanpa titik", "Akhir."]:
        assert _sentence_ends(text) == [m.start() for m in SENTENCE_END.finditer(text)], text


def test_first_verbs_and_attribution_screen_read_off_the_tokens_agree_with_the_patterns():
    """The first verbs of a range, read off the tokens, are the first words of the pattern that
    are verbs; a range where the attribution pattern, or the pattern of an attribution before a
    quotation, matches is never screened out."""
    from kronik.stages.quotes import SUBJECT_VERBS, TOKEN, _Reader, grammar

    g = grammar()
    texts = ["Menlu itu menyatakan-nya, lalu menegaskan dan berkata: di.sana menulis, kata Ana.",
             "Menurut pejabat_itu ia mengatakan, ujar dia, lalu menambahkan sesuatu.",
             "Ia tidak berkomentar, tutur-nya, Kata Ana menjelaskan.",
             "Menurutnya, Ana MENGATAKAN kepada wartawan bahwa ia pergi, kata dia, Katanya pula"]
    for text, reader, a, b in _every_range(texts):
        words = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, a, b)
                 if m.group()[0].isalnum() and reader._is_verb(m.group())]
        assert reader._first_verbs(a, b) == words[:SUBJECT_VERBS], (text, a, b)
        if g.attribution.search(text, a, b):
            assert reader._may_attribute(reader._lowers(a, b)), (text, a, b)
        if g.before.search(text, a, b):
            assert reader._may_introduce(a, b), (text, a, b)
    text = "Ia tidak datang ke rapat itu."
    reader = _Reader(Document(raw_text=text, text=text, entities=[]), g)
    assert not reader._may_attribute(reader._lowers(0, len(text)))
    assert not reader._may_introduce(0, len(text))


def test_reporting_words_grouped_by_first_letter_match_what_the_plain_alternation_matches():
    import re

    from kronik.resources import load_data
    from kronik.time.grammar import alternation, grouped_alternation

    data = load_data("reporting", "id")
    for words in (data["verbs_after"], data["verbs_before"], data["phrases_after"]):
        plain = re.compile(rf"\b(?:{alternation(words)})\b", re.IGNORECASE)
        grouped = re.compile(rf"\b(?:{grouped_alternation(words)})\b", re.IGNORECASE)
        text = ", ".join(words) + " " + " ".join(word.upper() + "nya" for word in words)
        text += " " + "  ".join(word.title() for word in words)
        assert [m.span() for m in plain.finditer(text)] == [m.span() for m in grouped.finditer(text)]


def test_a_range_holds_words_as_many_as_its_words_counted_one_by_one():
    """``_holds_words``, which reads the gaps between the first tokens, agrees with counting the
    words of the range (joined words such as "AS-China" and "Ma'ruf" count once)."""
    from itertools import islice

    texts = ["Menlu AS-China itu, kata Ma'ruf, sudah di.sana lalu pergi ke Jakarta-Bandung lagi.",
             "Satu dua tiga empat lima enam tujuh delapan.",
             "A-B-C-D-E-F-G-H itu satu dua"]
    for text, reader, a, b in _every_range(texts):
        for count in (1, 3, 6):
            counted = len(list(islice(reader._all_words(a, b), count))) == count
            assert reader._holds_words(a, b, count) == counted, (text, a, b, count)


def _every_range(texts: list[str]):
    """Each text with the stage's reader of it and every range ``a, b`` of it, for the tests
    that compare a screen with what it stands for exhaustively."""
    from kronik.stages.quotes import _Reader, grammar

    for text in texts:
        reader = _Reader(Document(raw_text=text, text=text, entities=[]), grammar())
        for a in range(len(text) + 1):
            for b in range(a, len(text) + 1):
                yield text, reader, a, b


def test_the_memory_of_verb_words_stays_bounded_across_documents_and_answers_the_same(monkeypatch):
    from kronik.stages import quotes as stage

    first = "“Kami akan membuka kembali perundingan dagang bulan depan,” kata Menteri Luar Negeri Peru Ana Quispe."
    second = "“Perbatasan kedua negara harus tetap terbuka untuk perdagangan,” ujar Presiden Bolivia Rodrigo Paz."
    expected = [speakers(run(first)), speakers(run(second))]
    memory = stage.grammar("id").verb_words
    assert len(memory) > 4
    monkeypatch.setattr(stage, "VERB_WORDS_CACHE", 4)
    memory.clear()
    assert [speakers(run(first)), speakers(run(second))] == expected == [["Ana Quispe"], ["Rodrigo Paz"]]
    assert 0 < len(memory) <= 4
