"""The reader turns every input into articles or one clear error naming the file."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kronik.errors import InputError
from kronik.reader import (Article, InputWarning, Skipped, decode, html_to_text, iter_paths, read_articles,
                           read_file)

TEXT = "Menteri Luar Negeri Negeri Contoh “Ani Wirasena” tiba di Jakarta pada Senin – 3 Juni.\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"
ARTICLE_HTML = """<!DOCTYPE html><html><head><title>Menteri Contoh Tiba di Jakarta</title>
<meta property="article:published_time" content="2024-06-03T10:00:00+07:00"></head><body>
<nav><a href="/">Beranda</a> <a href="/politik">Politik</a></nav><article><h1>Menteri Contoh Tiba di Jakarta</h1>
<p>Menteri Luar Negeri Negeri Contoh Ani Wirasena tiba di Jakarta pada Senin untuk kunjungan resmi
selama tiga hari atas undangan pemerintah.</p>
<p>Ia dijadwalkan bertemu sejumlah pejabat untuk membahas kerja sama perdagangan dan pendidikan kedua
negara yang telah terjalin sejak lama.</p></article><footer>Hak cipta</footer></body></html>"""


def errors(items) -> list[str]:
    return [str(i) for i in items if isinstance(i, InputError)]


@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"),
    TEXT.encode("utf-8-sig"),
    TEXT.encode("utf-16"),
    TEXT.encode("utf-16-le"),
    TEXT.encode("utf-16-be"),
])
def test_unicode_encodings_are_decoded(data):
    assert decode(data, "a.txt") == TEXT


def test_windows_1252_is_decoded():
    assert decode(TEXT.encode("cp1252"), "a.txt") == TEXT


@pytest.mark.parametrize("data, reason", [
    (b"", "file is empty"),
    (b"  \n\t\n", "file is empty"),
    ("\n  \n".encode("utf-16"), "file is empty"),
    (PNG, r"binary file \(PNG image\)"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", r"binary file \(PDF document\)"),
    (bytes(range(256)) * 8, "binary file, not text"),
    (os.urandom(4096).replace(b"\x00", b"\x01").replace(b"\xff", b"\x01"), "binary file, not text"),
])
def test_empty_and_binary_data_are_refused(data, reason):
    with pytest.raises(InputError, match=f"^b.txt: {reason}"):
        decode(data, "b.txt")


def test_text_file_is_read(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode("cp1252"))
    assert list(read_file(path)) == [Article(source=str(path), text=TEXT)]


def test_oversized_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(InputError, match=r"big.txt: file is 50 MB, over the 20 MB limit"):
        list(read_file(path))


def test_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="pipe.txt: not a regular file but a named pipe"):
        list(read_file(fifo))
    assert errors(iter_paths([tmp_path])) == [f"{fifo}: not a regular file but a named pipe (FIFO)"]


def test_broken_link_is_reported_in_a_folder_and_when_named(tmp_path):
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "missing.txt")
    expected = [f"{link}: broken symbolic link (its target does not exist)"]
    assert errors(iter_paths([tmp_path])) == expected
    assert errors(iter_paths([link])) == expected


def test_missing_path_is_reported():
    assert errors(iter_paths(["/nonexistent/kronik/x.txt"])) == ["/nonexistent/kronik/x.txt: no such file or folder"]


@pytest.mark.parametrize("name", ["locked.txt", "locked.jsonl"])
def test_unreadable_file_is_reported(tmp_path, monkeypatch, name):
    path = tmp_path / name
    path.write_text(json.dumps({"text": TEXT}), encoding="utf-8")

    def denied(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", denied)
    with pytest.raises(InputError, match=f"{name}: permission denied"):
        list(read_file(path))


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_file_without_read_permission_is_reported(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text(TEXT, encoding="utf-8")
    path.chmod(0)
    try:
        assert errors(read_articles([tmp_path])) == [f"{path}: permission denied"]
    finally:
        path.chmod(0o644)


def test_folder_walk_is_sorted_and_skips_hidden_and_other_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ("b/2.txt", "1.html", "3.jsonl", ".hidden.txt", "notes.md", ".git/x.txt", "b/img.png"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert list(iter_paths([tmp_path])) == [tmp_path / "1.html", tmp_path / "3.jsonl", tmp_path / "b/2.txt"]


def test_html_article_is_extracted_with_title_then_date_first():
    text = html_to_text(ARTICLE_HTML, "a.html")
    lines = text.split("\n")
    assert lines[:2] == ["Menteri Contoh Tiba di Jakarta", "2024-06-03"]
    assert text.count("Menteri Contoh Tiba di Jakarta") == 1
    assert "Ani Wirasena tiba di Jakarta" in text
    assert "Beranda" not in text


def test_html_page_without_an_article_is_an_error(tmp_path):
    path = tmp_path / "menu.html"
    path.write_text("<html><head><title>Beranda</title></head><body><nav>Menu Login</nav></body></html>",
                    encoding="utf-8")
    with pytest.raises(InputError, match="menu.html: HTML page holds no article text"):
        list(read_file(path))


def test_jsonl_lines_become_articles_or_errors(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [json.dumps({"text": TEXT, "published": "2024-06-03", "source": "berita-1"}),
             "{not json",
             json.dumps({"judul": "tanpa teks"}),
             json.dumps({"text": "   "}),
             "",
             json.dumps({"text": TEXT, "url": "https://contoh.id/2024/06/03/berita"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_file(path))
    assert items[0] == Article(source="berita-1", text=TEXT, published="2024-06-03")
    assert errors(items) == [f"{path}:2: malformed JSON (Expecting property name enclosed in double quotes)",
                             f"{path}:3: line has no 'text' field",
                             f"{path}:4: 'text' is empty"]
    assert items[-1].source == "https://contoh.id/2024/06/03/berita"


def test_jsonl_of_other_records_in_a_folder_is_skipped_but_named_file_fails(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"doc": "a.txt", "events": []}) + "\n", encoding="utf-8")
    assert [type(i) for i in read_articles([tmp_path])] == [Skipped]
    assert errors(read_articles([path])) == [f"{path}:1: line has no 'text' field"]



def test_html_library_failing_to_import_is_one_error_per_page(tmp_path, monkeypatch):
    """A broken install (jusText without lxml_html_clean) fails each HTML page, not the batch."""
    import sys

    monkeypatch.setitem(sys.modules, "trafilatura", None)
    (tmp_path / "a.html").write_text(ARTICLE_HTML, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"text": ARTICLE_HTML}) + "\n", encoding="utf-8")
    items = list(read_articles([tmp_path]))
    assert [i.source for i in items if isinstance(i, Article)] == [str(tmp_path / "b.txt")]
    assert [e.split(": HTML")[0] for e in errors(items)] == [str(tmp_path / "a.html"), f"{tmp_path / 'c.jsonl'}:1"]
    assert all("HTML cannot be read: the HTML library failed to load (" in e for e in errors(items))


@pytest.mark.parametrize("separator", ["\u0085", "\u2028", "\u2029", "\r"])
def test_jsonl_is_split_at_newlines_only(tmp_path, separator):
    path = tmp_path / "batch.jsonl"
    texts = [TEXT + separator + "Paragraf berikutnya.", TEXT]
    path.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts),
                    encoding="utf-8")
    items = list(read_file(path))
    assert errors(items) == []
    assert [i.text for i in items] == texts


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_jsonl_is_read_in_blocks_with_lines_across_them(tmp_path, monkeypatch, encoding):
    """Lines longer than a block and characters split between blocks come out whole, and a
    bad line names its number wherever the blocks fall."""
    import kronik.reader

    monkeypatch.setattr(kronik.reader, "READ_BLOCK_BYTES", 7)
    path = tmp_path / "batch.jsonl"
    lines = [json.dumps({"text": TEXT}, ensure_ascii=False), "{rusak", "",
             json.dumps({"text": "Kedua “kutipan” 😀"}, ensure_ascii=False)]
    path.write_bytes("\n".join(lines).encode(encoding))
    items = list(read_file(path))
    assert [i.text for i in items if isinstance(i, Article)] == [TEXT, "Kedua “kutipan” 😀"]
    assert [e.split(" (")[0] for e in errors(items)] == [f"{path}:2: malformed JSON"]


def test_jsonl_with_one_byte_that_is_not_utf8_is_read_as_windows_1252_throughout(tmp_path, monkeypatch):
    """As a whole file is: the choice of encoding holds for every line, not per block."""
    import kronik.reader

    monkeypatch.setattr(kronik.reader, "READ_BLOCK_BYTES", 16)
    path = tmp_path / "batch.jsonl"
    path.write_bytes(json.dumps({"text": "café pagi"}, ensure_ascii=False).encode("utf-8") + b"\n"
                     + json.dumps({"text": "café sore"}, ensure_ascii=False).encode("cp1252") + b"\n")
    assert [i.text for i in read_file(path)] == ["cafÃ© pagi", "café sore"]


@pytest.mark.parametrize("data, reason", [
    (b"  \n\t\n", "file is empty"),
    ("\u3000\n \n".encode("utf-8"), "file is empty"),
    (PNG, "binary file (PNG image), not text"),
    (json.dumps({"text": "abc"}).encode("utf-16") + b"\x00\xd8", "UTF-16 file with invalid byte sequences"),
])
def test_jsonl_that_cannot_be_read_is_one_error_before_any_article(tmp_path, data, reason):
    path = tmp_path / "batch.jsonl"
    path.write_bytes(data)
    assert errors(read_articles([path])) == [f"{path}: {reason}"]


def test_jsonl_with_crlf_line_ends_is_read(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_bytes((json.dumps({"text": TEXT}) + "\r\n").encode("utf-8") * 2)
    assert [i.text for i in read_file(path)] == [TEXT, TEXT]


def test_bad_published_falls_back_to_the_text_with_a_warning(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps({"text": TEXT, "published": "2024-06-03"}) + "\n"
                    + json.dumps({"text": TEXT, "published": "kemarin sore"}) + "\n"
                    + json.dumps({"text": TEXT, "published": 20240603}) + "\n", encoding="utf-8")
    items = list(read_file(path))
    assert errors(items) == []
    warnings = [i for i in items if isinstance(i, InputWarning)]
    assert [(w.source, w.reason) for w in warnings] == [
        (f"{path}:2", "'published' \"kemarin sore\" is not an ISO 8601 date; the date is inferred from the text"),
        (f"{path}:3", "'published' 20240603 is not an ISO 8601 date; the date is inferred from the text")]
    assert [i.published for i in items if isinstance(i, Article)] == ["2024-06-03", None, None]


@pytest.mark.parametrize("line, reason", [
    ({"text": 123}, "'text' is a number, not a string"),
    ({"text": ["a"]}, "'text' is an array, not a string"),
    ({"text": None}, "'text' is null, not a string"),
    ([TEXT], "line is an array, not a JSON object"),
    (TEXT, "line is a string, not a JSON object"),
])
def test_jsonl_line_of_the_wrong_type_is_named(tmp_path, line, reason):
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    assert errors(read_file(path)) == [f"{path}:1: {reason}"]


def test_jsonl_in_a_folder_whose_lines_are_all_unusable_is_failed_not_skipped(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps({"text": 1}) + "\n" + json.dumps([2]) + "\n", encoding="utf-8")
    items = list(read_articles([tmp_path]))
    assert errors(items) == [f"{path}:1: 'text' is a number, not a string",
                             f"{path}:2: line is an array, not a JSON object"]


def test_jsonl_of_other_records_is_skipped_after_reading_all_its_lines(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(json.dumps({"doc": "a"}) + "\n" + json.dumps({"text": TEXT}) + "\n", encoding="utf-8")
    items = list(read_articles([tmp_path]))
    assert errors(items) == [f"{path}:1: line has no 'text' field"]
    assert [i.text for i in items if isinstance(i, Article)] == [TEXT]


def test_lone_surrogate_escapes_leave_writable_names(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text('{"text": "Presiden \\ud800 tiba.", "source": "a\\udc00b"}\n', encoding="utf-8")
    [article] = read_file(path)
    assert article.source == "a?b"
    article.source.encode("utf-8")


def test_named_path_that_cannot_be_examined_is_one_error_and_the_batch_goes_on(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text(TEXT, encoding="utf-8")
    too_long = tmp_path / ("x" * 300 + ".txt")
    items = list(read_articles([too_long, good]))
    assert errors(items) == [f"{too_long}: cannot read (File name too long)"]
    assert [i.source for i in items if isinstance(i, Article)] == [str(good)]
