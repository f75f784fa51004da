"""The cache of parsed data files: the same data as parsing, a changed file never answered from
its old entry, and a broken or unwritable cache costing only the parse."""
from __future__ import annotations

from datetime import date

import pytest
import yaml

from kronik import resources

DOCUMENT = b"name: Contoh\nsince: 2024-10-20\nwords: [satu, dua]\nshare: 0.5\nnone: null\n"
EDITED = DOCUMENT.replace(b"Contoh", b"Lain")


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    """An empty cache folder of this test's own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "kronik" / "data"


def entries(folder) -> list[str]:
    return sorted(path.name for path in folder.glob("*.pickle"))


def test_a_second_load_reads_the_entry_the_first_left(cache, monkeypatch):
    first = resources._parsed(DOCUMENT, "id.example")
    assert first == {"name": "Contoh", "since": date(2024, 10, 20), "words": ["satu", "dua"],
                     "share": 0.5, "none": None}
    assert len(entries(cache)) == 1
    monkeypatch.setattr(yaml, "load", lambda *args, **kwargs: pytest.fail("parsed again"))
    assert resources._parsed(DOCUMENT, "id.example") == first


def test_an_edited_file_is_parsed_again_and_replaces_its_old_entry(cache):
    resources._parsed(DOCUMENT, "id.example")
    old = entries(cache)
    assert resources._parsed(EDITED, "id.example")["name"] == "Lain"
    assert len(entries(cache)) == 1 and entries(cache) != old


def test_a_broken_entry_is_parsed_again_and_rewritten(cache):
    resources._parsed(DOCUMENT, "id.example")
    (entry,) = cache.glob("*.pickle")
    entry.write_bytes(b"not a pickle")
    assert resources._parsed(DOCUMENT, "id.example")["name"] == "Contoh"
    assert resources._parsed(DOCUMENT, "id.example") == yaml.safe_load(DOCUMENT)


def test_an_unwritable_cache_only_costs_the_parse(tmp_path, monkeypatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))  # its folders cannot be made
    assert resources._parsed(DOCUMENT, "id.example")["words"] == ["satu", "dua"]
    assert not list(tmp_path.glob("**/*.pickle"))


def test_every_data_file_reads_back_from_the_cache_as_parsed(cache):
    """The language's and the knowledge base's files, through the cache, equal a plain parse."""
    folder = resources.resources.files("kronik")
    for path in [*(folder / "data").iterdir(), *(folder / "lang" / "id").iterdir()]:
        if path.name.endswith(".yaml"):
            content = path.read_bytes()
            label = f"test.{path.name}"
            parsed = yaml.load(content.decode("utf-8"), Loader=yaml.SafeLoader)
            assert resources._parsed(content, label) == parsed  # parsed and stored
            assert resources._parsed(content, label) == parsed  # read back
