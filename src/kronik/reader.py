"""Reading articles from files and folders: plain text, HTML and JSON Lines.

Every input becomes either an ``Article`` or an ``InputError`` naming the file and the
problem, so that one bad file never costs the rest of a batch.
"""
from __future__ import annotations

import codecs
import json
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from kronik.errors import InputError

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

# An article is a few kilobytes; 20 MB of text is a dump or a mistake, not one article.
# JSON Lines files hold many articles and may be larger.
MAX_ARTICLE_BYTES = 20 * 1024 * 1024
MAX_JSONL_BYTES = 2 * 1024 * 1024 * 1024
# JSON Lines files are read and decoded this many bytes at a time: what is held of a file at
# once, whatever its size (a longer line is joined from its blocks).
READ_BLOCK_BYTES = 1024 * 1024
# The opening bytes that show a binary format or UTF-16 without a byte-order mark.
HEAD_BYTES = 4096
# The opening characters whose share of control characters tells binary data from text.
CONTROL_SAMPLE_CHARS = 20000
# Share of control characters above which a file is taken for binary.
BINARY_CONTROL_SHARE = 0.05
# Opening bytes of binary formats that are sometimes saved under a text name.
BINARY_SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": "PNG image", b"\xff\xd8\xff": "JPEG image", b"GIF8": "GIF image",
    b"%PDF-": "PDF document", b"PK\x03\x04": "ZIP archive or Office document",
    b"\x1f\x8b": "gzip archive", b"\x7fELF": "executable", b"RIFF": "RIFF media file",
}
NO_TEXT_FIELD = "line has no 'text' field"
JSON_TYPES = {dict: "an object", list: "an array", str: "a string", int: "a number",
              float: "a number", bool: "true or false", type(None): "null"}
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


@dataclass
class InputWarning(Skipped):
    """Part of an input that was passed over while the article itself is read (a malformed
    ``published`` value, after which the date is inferred from the text).

    It is yielded just before its article. It subclasses ``Skipped`` so that every consumer
    of the item stream shows it as a note without knowing of warnings; the CLI names it a
    warning.
    """


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Files named, and the supported files inside folders named, in a stable order.

    Inside a folder, hidden files and folders are passed over, and so are files of other
    kinds (.md, .csv); a supported name that is a broken link, a FIFO or a device, or a
    sub-folder that cannot be listed, is reported as an error rather than silently skipped.
    """
    for raw in paths:
        path = Path(raw)
        problem = _unusable_name(path)
        if problem:
            yield InputError(str(path), problem)
        elif path.is_dir():
            yield from _folder_files(path)
        else:
            yield path


def _unusable_name(path: Path) -> str | None:
    """Why a path named by the user cannot be opened at all (missing, a broken link, a name
    too long, a folder above it that may not be searched), or None."""
    try:
        path.stat()
    except FileNotFoundError:
        return "broken symbolic link (its target does not exist)" if path.is_symlink() else "no such file or folder"
    except PermissionError:
        return "permission denied"
    except (OSError, ValueError) as exc:
        return f"cannot read ({getattr(exc, 'strerror', None) or exc})"
    return None


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

    A JSON Lines file found inside a folder whose lines are all records without a ``text``
    field holds other records (annotations, exports), not articles: it is skipped rather
    than failed. Articles are yielded one by one as they are read, never collected per file.
    """
    paths = list(paths)
    named = {Path(p) for p in paths}
    for item in iter_paths(paths):
        if isinstance(item, InputError):
            yield item
        elif item in named or item.suffix.lower() not in JSONL_SUFFIXES:
            yield from _read_or_error(item)
        else:
            yield from _skip_other_records(item, _read_or_error(item))


def _read_or_error(path: Path) -> Iterator[Article | InputError | InputWarning]:
    try:
        yield from read_file(path)
    except InputError as error:
        yield error


def _skip_other_records(path: Path, items: Iterator[Article | InputError | InputWarning]
                        ) -> Iterator[Article | InputError | InputWarning | Skipped]:
    """``items`` as they come, or one ``Skipped`` if every one of them is a record without
    a 'text' field; only the leading run of such records is held back."""
    held: list[InputError] = []
    for item in items:
        if not isinstance(item, InputError) or item.reason != NO_TEXT_FIELD:
            yield from held
            held.clear()
            yield item
            yield from items
            return
        held.append(item)
    if held:
        yield Skipped(str(path), "JSON Lines file without a 'text' field: not articles")


def read_file(path: Path) -> Iterator[Article | InputError | InputWarning]:
    """The articles one file holds (one, or one per line of a JSON Lines file).

    A JSON Lines file is read a block at a time, so that memory stays bounded whatever its
    size; any other file is one article and is read whole.
    """
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _jsonl_articles(path)
        return
    text = decode(_read_bytes(path, MAX_ARTICLE_BYTES), str(path))
    if suffix in HTML_SUFFIXES or _looks_like_html(text):
        yield Article(source=str(path), text=html_to_text(text, str(path)))
        return
    yield Article(source=str(path), text=text)


def _read_bytes(path: Path, limit: int) -> bytes:
    """The bytes of a regular file no larger than ``limit``; never opens a FIFO or device."""
    with _open_bytes(path, limit) as handle:
        return _read(handle, path, -1)


def _open_bytes(path: Path, limit: int) -> BinaryIO:
    """A regular file no larger than ``limit``, opened to be read (whole or in blocks)."""
    _check_size(path, limit)
    try:
        return path.open("rb")
    except OSError as exc:
        raise _unreadable(path, exc) from None


def _check_size(path: Path, limit: int) -> None:
    """Refuse what is not a regular file (a FIFO, a device) or is larger than ``limit``."""
    problem = _not_a_file(path)
    if problem:
        raise InputError(str(path), problem)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise _unreadable(path, exc) from None
    if size > limit:
        raise InputError(str(path), f"file is {size / 2**20:.0f} MB, over the "
                                    f"{limit / 2**20:.0f} MB limit for one input")


def _read(handle: BinaryIO, path: Path, size: int) -> bytes:
    """``size`` bytes of an open file (all that is left for -1), or an error naming it."""
    try:
        return handle.read(size)
    except OSError as exc:
        raise _unreadable(path, exc) from None


def _unreadable(path: Path, exc: OSError) -> InputError:
    if isinstance(exc, PermissionError):
        return InputError(str(path), "permission denied")
    return InputError(str(path), f"cannot read ({exc.strerror or exc})")


def decode(data: bytes, source: str) -> str:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 (with a BOM, or plainly UTF-16
    by its zero bytes), else Windows-1252; binary data is refused with its kind named."""
    if not data.strip():
        raise InputError(source, "file is empty")
    encoding = _unicode_encoding(data[:HEAD_BYTES], source)
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise InputError(source, "UTF-16 file with invalid byte sequences") from None
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    _refuse_control_characters(text[:CONTROL_SAMPLE_CHARS], source)
    if not text.strip():
        raise InputError(source, "file is empty")
    return text


def _unicode_encoding(head: bytes, source: str) -> str | None:
    """The UTF-16 codec of a file that opens with ``head``, or None for UTF-8 or
    Windows-1252; a file whose opening bytes show a binary format is refused."""
    for signature, kind in BINARY_SIGNATURES.items():
        if head.startswith(signature):
            raise InputError(source, f"binary file ({kind}), not text")
    encoding = _utf16_encoding(head)
    if not encoding and b"\x00" in head:
        raise InputError(source, "binary file, not text")
    return encoding


def _refuse_control_characters(sample: str, source: str) -> None:
    """Binary data decoded as text shows many control characters: refuse it."""
    controls = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\r\t\f") or ch == "\ufffd")
    if controls > BINARY_CONTROL_SHARE * len(sample):
        raise InputError(source, "binary file, not text")


def _utf16_encoding(data: bytes) -> str | None:
    """'utf-16' for data with a UTF-16 byte-order mark, 'utf-16-le'/'-be' for BOM-less UTF-16
    text (every other byte zero, as ASCII letters are), else None."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    head = data[:HEAD_BYTES]
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
    """The article text of an HTML page (trafilatura), with its title and date when present.

    A broken installation (trafilatura or one of its libraries missing or failing to import)
    is reported as an error of this page, so that a batch goes on with its other inputs.
    """
    try:
        import trafilatura
    except Exception as exc:  # noqa: BLE001 - an environment failure is one bad input, not a crash
        raise InputError(source, f"HTML cannot be read: the HTML library failed to load "
                                 f"({type(exc).__name__}: {exc}); reinstall Kronik from its lock "
                                 f"file") from None
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


def _jsonl_text(path: Path) -> Iterator[str]:
    """The text of a JSON Lines file in blocks, decoded and refused exactly as ``decode``
    does a whole file, while only one block is held at a time.

    What ``decode`` decides from the whole file is found by a first pass over its bytes: a
    file all blank, and a file that is not valid UTF-8 anywhere (then it is all Windows-1252).
    A text that holds only Unicode spaces is known blank at its end: the caller refuses it.
    The file is read twice on purpose: one pass could not give the first article before it
    knows the codec of the last line (or hold a file of up to ``MAX_JSONL_BYTES`` to know it);
    the first pass costs about 3 ms of CPU per MB, against seconds per MB of extraction.
    """
    source = str(path)
    with _open_bytes(path, MAX_JSONL_BYTES) as handle:
        encoding = _unicode_encoding(_read(handle, path, HEAD_BYTES), source)
        handle.seek(0)
        codec = _whole_file_codec(handle, path, encoding)
        handle.seek(0)
        blocks = _decoded_blocks(handle, path, codec)
        opening = ""
        for block in blocks:
            opening += block
            if len(opening) >= CONTROL_SAMPLE_CHARS:
                break
        _refuse_control_characters(opening[:CONTROL_SAMPLE_CHARS], source)
        yield opening
        yield from blocks


def _whole_file_codec(handle: BinaryIO, path: Path, encoding: str | None) -> str:
    """The codec that decodes every byte of the file (``encoding``, else UTF-8, else
    Windows-1252), found by decoding it once block by block; a blank file is refused.

    A file that fails to decode is not blank (blank bytes are valid UTF-8, and UTF-16 is
    only chosen for a byte-order mark or zero bytes), so the pass may stop at a failure.
    """
    codec = encoding or "utf-8-sig"
    decoder = codecs.getincrementaldecoder(codec)()
    blank = True
    try:
        for block in iter(lambda: _read(handle, path, READ_BLOCK_BYTES), b""):
            blank = blank and not block.strip()
            decoder.decode(block)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        if encoding:
            raise InputError(str(path), "UTF-16 file with invalid byte sequences") from None
        return "cp1252"
    if blank:
        raise InputError(str(path), "file is empty")
    return codec


def _decoded_blocks(handle: BinaryIO, path: Path, codec: str) -> Iterator[str]:
    """The file's text, block by block (Windows-1252 never fails: unknown bytes become U+FFFD)."""
    decoder = codecs.getincrementaldecoder(codec)("replace" if codec == "cp1252" else "strict")
    for block in iter(lambda: _read(handle, path, READ_BLOCK_BYTES), b""):
        yield decoder.decode(block)
    yield decoder.decode(b"", final=True)


def _jsonl_lines(blocks: Iterable[str]) -> Iterator[tuple[int, str]]:
    """(number, line) of a JSON Lines text given in blocks, split at "\\n" only.

    ``str.splitlines`` would also split at U+0085, U+2028 and U+2029, which JSON allows
    unescaped inside strings; a trailing "\\r" is JSON whitespace and needs no care. A line
    that runs over several blocks is joined from its parts.
    """
    number = 0
    parts: list[str] = []
    for block in blocks:
        start = 0
        end = block.find("\n")
        while end >= 0:
            parts.append(block[start:end])
            number += 1
            yield number, "".join(parts)
            parts.clear()
            start = end + 1
            end = block.find("\n", start)
        if start < len(block):
            parts.append(block[start:])
    if parts:
        yield number + 1, "".join(parts)


def _jsonl_articles(path: Path) -> Iterator[Article | InputError | InputWarning]:
    """An article, or an error naming the line, for each line of a JSON Lines file."""
    source = str(path)
    blank = True
    for number, line in _jsonl_lines(_jsonl_text(path)):
        if not line.strip():
            continue
        blank = False
        yield from _jsonl_record(line, f"{source}:{number}")
    if blank:
        raise InputError(source, "file is empty")


def _jsonl_record(line: str, where: str) -> Iterator[Article | InputError | InputWarning]:
    """The article of one JSON Lines line (after a warning about it), or an error."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        yield InputError(where, f"malformed JSON ({exc.msg})")
        return
    problem = _record_problem(record)
    if problem:
        yield InputError(where, problem)
        return
    body = record["text"]
    if _looks_like_html(body):
        try:
            body = html_to_text(body, where)
        except InputError as error:
            yield error
            return
    published, warning = _published(record.get("published"), where)
    if warning:
        yield warning
    name = record.get("source") or record.get("id") or record.get("url") or where
    url = record.get("url")
    yield Article(source=_writable(str(name)), text=body, published=published,
                  url=_writable(url) if isinstance(url, str) else None)


def _record_problem(record: object) -> str | None:
    """Why a parsed JSON line is not an article record, or None."""
    if not isinstance(record, dict):
        return f"line is {JSON_TYPES.get(type(record), 'a value')}, not a JSON object"
    if "text" not in record:
        return NO_TEXT_FIELD
    text = record["text"]
    if not isinstance(text, str):
        return f"'text' is {JSON_TYPES.get(type(text), 'a value')}, not a string"
    if not text.strip():
        return "'text' is empty"
    return None


def _published(value: object, where: str) -> tuple[str | None, InputWarning | None]:
    """A record's ``published`` value when it is an ISO 8601 date or date-time; otherwise
    None (the date is then inferred from the text) and a warning naming the line."""
    if value is None or value == "":
        return None, None
    if isinstance(value, str):
        try:
            datetime.fromisoformat(value.strip())
            return value, None
        except ValueError:
            pass
    shown = json.dumps(value, ensure_ascii=False)[:60]
    return None, InputWarning(where, f"'published' {shown} is not an ISO 8601 date; "
                                     "the date is inferred from the text")


def _writable(value: str) -> str:
    """``value`` with any lone surrogate (from a ``\\ud800`` escape) replaced by "?", so
    that the records that name it can be written as UTF-8; the text itself is cleaned by
    the clean stage."""
    return value.encode("utf-8", "replace").decode("utf-8")
