"""Reading articles from files and folders: plain text, HTML and JSON Lines.

Every input becomes either an ``Article`` or an ``InputError`` naming the file and the
problem, so that one bad file never costs the rest of a batch.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kronik.errors import InputError

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

# An article is a few kilobytes; 20 MB of text is a dump or a mistake, not one article.
# JSON Lines files hold many articles and may be larger.
MAX_ARTICLE_BYTES = 20 * 1024 * 1024
MAX_JSONL_BYTES = 2 * 1024 * 1024 * 1024
# Share of control characters above which a file is taken for binary.
BINARY_CONTROL_SHARE = 0.05
NO_TEXT_FIELD = "line has no 'text' field"


@dataclass
class Article:
    """One article as read: its text (HTML already turned into text) and what the input said."""

    source: str
    text: str
    published: str | None = None
    url: str | None = None


@dataclass
class Skipped:
    """A file inside a folder that is not an article file (a JSON Lines file of other records)."""

    source: str
    reason: str


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Files named, and the supported files inside folders named, in a stable order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            try:
                children = sorted(p for p in path.rglob("*") if p.is_file())
            except OSError as exc:
                yield InputError(str(path), f"cannot list folder ({exc.strerror or exc})")
                continue
            for child in children:
                if child.suffix.lower() in SUPPORTED_SUFFIXES and not child.name.startswith("."):
                    yield child
        elif path.exists():
            yield path
        else:
            yield InputError(str(path), "no such file or folder")


def read_articles(paths: Iterable[str | Path]) -> Iterator[Article | InputError | Skipped]:
    """Every article in the given files and folders, or an error for each that cannot be read.

    A JSON Lines file found inside a folder whose lines have no ``text`` field at all holds
    other records (annotations, exports), not articles: it is skipped rather than failed.
    """
    named = {Path(p) for p in paths if not Path(p).is_dir()}
    for item in iter_paths(paths):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            items = list(read_file(item))
        except InputError as error:
            yield error
            continue
        if item not in named and item.suffix.lower() in JSONL_SUFFIXES and items and all(
                isinstance(i, InputError) and i.reason == NO_TEXT_FIELD for i in items):
            yield Skipped(str(item), "JSON Lines file without a 'text' field: not articles")
            continue
        yield from items


def read_file(path: Path) -> Iterator[Article | InputError]:
    """The articles one file holds (one, or one per line of a JSON Lines file)."""
    suffix = path.suffix.lower()
    limit = MAX_JSONL_BYTES if suffix in JSONL_SUFFIXES else MAX_ARTICLE_BYTES
    data = _read_bytes(path, limit)
    text = decode(data, str(path))
    if suffix in JSONL_SUFFIXES:
        yield from _jsonl_articles(text, str(path))
        return
    if suffix in HTML_SUFFIXES or _looks_like_html(text):
        yield Article(source=str(path), text=html_to_text(text, str(path)))
        return
    if not text.strip():
        raise InputError(str(path), "file is empty")
    yield Article(source=str(path), text=text)


def _read_bytes(path: Path, limit: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(str(path), f"file is {size / 1e6:.0f} MB, over the {limit / 1e6:.0f} MB limit for one input")
        return path.read_bytes()
    except PermissionError:
        raise InputError(str(path), "permission denied") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a folder, not a file") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read ({exc.strerror or exc})") from None


def decode(data: bytes, source: str) -> str:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252."""
    if not data.strip():
        raise InputError(source, "file is empty")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(source, "UTF-16 file with invalid byte sequences") from None
    if b"\x00" in data[:4096]:
        raise InputError(source, "binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > BINARY_CONTROL_SHARE * min(len(text), 20000):
        raise InputError(source, "binary file, not text")
    return text


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith("<!doctype html") or head.startswith("<html")


def html_to_text(html: str, source: str) -> str:
    """The article text of an HTML page (trafilatura), with its title and date when present."""
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                            favor_recall=True)
    body = getattr(extracted, "text", None) if extracted is not None else None
    if not body or not body.strip():
        raise InputError(source, "HTML page holds no article text")
    lines = []
    title = getattr(extracted, "title", None)
    if title and title.strip() not in body[:300]:
        lines.append(title.strip())
    stamp = getattr(extracted, "date", None)
    if stamp:
        lines.append(stamp)
    lines.append(body)
    return "\n".join(lines)


def _jsonl_articles(text: str, source: str) -> Iterator[Article | InputError]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"malformed JSON ({exc.msg})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield InputError(where, NO_TEXT_FIELD)
            continue
        if not record["text"].strip():
            yield InputError(where, "'text' is empty")
            continue
        body = record["text"]
        if _looks_like_html(body):
            try:
                body = html_to_text(body, where)
            except InputError as error:
                yield error
                continue
        name = record.get("source") or record.get("id") or record.get("url") or where
        published = record.get("published")
        yield Article(source=str(name), text=body,
                      published=str(published) if published else None, url=record.get("url"))
