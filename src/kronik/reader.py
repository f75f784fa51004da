"""Reading articles from files and folders: plain text, HTML and JSON Lines.

Every input becomes either an ``Article`` or an ``InputError`` naming the file and the
problem, so that one bad file never costs the rest of a batch.
"""
from __future__ import annotations

import json
import os
import stat
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
# Opening bytes of binary formats that are sometimes saved under a text name.
BINARY_SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": "PNG image", b"\xff\xd8\xff": "JPEG image", b"GIF8": "GIF image",
    b"%PDF-": "PDF document", b"PK\x03\x04": "ZIP archive or Office document",
    b"\x1f\x8b": "gzip archive", b"\x7fELF": "executable", b"RIFF": "RIFF media file",
}
NO_TEXT_FIELD = "line has no 'text' field"
# What trafilatura finds on a page without an article is a menu or a login prompt: a few
# words. Fewer words than this is no article.
MIN_HTML_ARTICLE_WORDS = 15


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
    """Files named, and the supported files inside folders named, in a stable order.

    Inside a folder, hidden files and folders are passed over, and so are files of other
    kinds (.md, .csv); a supported name that is a broken link, a FIFO or a device, or a
    sub-folder that cannot be listed, is reported as an error rather than silently skipped.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _folder_files(path)
        elif path.exists():
            yield path
        elif path.is_symlink():
            yield InputError(str(path), "broken symbolic link (its target does not exist)")
        else:
            yield InputError(str(path), "no such file or folder")


def _folder_files(folder: Path) -> Iterator[Path | InputError]:
    problems: list[InputError] = []

    def unlistable(exc: OSError) -> None:
        problems.append(InputError(exc.filename or str(folder),
                                   f"cannot list folder ({exc.strerror or exc})"))

    found: list[Path] = []
    for root, dirs, files in os.walk(folder, onerror=unlistable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(root) / name for name in files
                     if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED_SUFFIXES)
    yield from problems
    for child in sorted(found):
        problem = _not_a_file(child)
        yield InputError(str(child), problem) if problem else child


def _not_a_file(path: Path) -> str | None:
    """Why ``path`` cannot be read as a file (a broken link, a FIFO, a device), or None."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "broken symbolic link (its target does not exist)" if path.is_symlink() else "file vanished"
    except OSError as exc:
        return f"cannot read ({exc.strerror or exc})"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    kind = "named pipe (FIFO)" if stat.S_ISFIFO(mode) else "socket or device"
    return f"not a regular file but a {kind}"


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
    yield Article(source=str(path), text=text)


def _read_bytes(path: Path, limit: int) -> bytes:
    """The bytes of a regular file no larger than ``limit``; never opens a FIFO or device."""
    problem = _not_a_file(path)
    if problem:
        raise InputError(str(path), problem)
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(str(path), f"file is {size / 2**20:.0f} MB, over the "
                                        f"{limit / 2**20:.0f} MB limit for one input")
        return path.read_bytes()
    except PermissionError:
        raise InputError(str(path), "permission denied") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read ({exc.strerror or exc})") from None


def decode(data: bytes, source: str) -> str:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 (with a BOM, or plainly UTF-16
    by its zero bytes), else Windows-1252; binary data is refused with its kind named."""
    if not data.strip():
        raise InputError(source, "file is empty")
    for signature, kind in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise InputError(source, f"binary file ({kind}), not text")
    encoding = _utf16_encoding(data)
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise InputError(source, "UTF-16 file with invalid byte sequences") from None
    elif b"\x00" in data[:4096]:
        raise InputError(source, "binary file, not text")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    sample = text[:20000]
    controls = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\r\t\f") or ch == "\ufffd")
    if controls > BINARY_CONTROL_SHARE * len(sample):
        raise InputError(source, "binary file, not text")
    if not text.strip():
        raise InputError(source, "file is empty")
    return text


def _utf16_encoding(data: bytes) -> str | None:
    """'utf-16' for data with a UTF-16 byte-order mark, 'utf-16-le'/'-be' for BOM-less UTF-16
    text (every other byte zero, as ASCII letters are), else None."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    head = data[:4096]
    pairs = len(head) // 2
    if pairs < 8:
        return None
    odd_zeros = head[1::2].count(0)
    even_zeros = head[0::2].count(0)
    if odd_zeros > 0.7 * pairs and even_zeros < 0.05 * pairs:
        return "utf-16-le"
    if even_zeros > 0.7 * pairs and odd_zeros < 0.05 * pairs:
        return "utf-16-be"
    return None


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith("<!doctype html") or head.startswith("<html")


def html_to_text(html: str, source: str) -> str:
    """The article text of an HTML page (trafilatura), with its title and date when present."""
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                                favor_recall=True)
    except Exception as exc:  # noqa: BLE001 - a broken page is one bad input, not a crash
        raise InputError(source, f"HTML page could not be parsed ({type(exc).__name__})") from None
    body = getattr(extracted, "text", None) if extracted is not None else None
    words = len(body.split()) if body else 0
    if words < MIN_HTML_ARTICLE_WORDS:
        raise InputError(source, f"HTML page holds no article text (only {words} word(s) besides menus)")
    title = (getattr(extracted, "title", None) or "").strip()
    first, _, rest = body.lstrip().partition("\n")
    if title and first.strip() == title:
        body = rest
    elif title in body[:300]:
        title = ""
    stamp = getattr(extracted, "date", None)
    # The headline first, then the page's date stamp, then the article: the metadata stage
    # reads a title from the first line and dates from the header lines.
    return "\n".join(line for line in (title, stamp, body) if line)


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
