"""Watched folders: new or changed article files, recursively, handed to the writer once whole.

A file is read when it has stopped changing (``watchfiles`` groups the writes of a save; a
file whose size or time still moves is looked at again a moment later). Each stored file is
marked (path, size, time, SHA-256 of its bytes) in the transaction that stores its articles,
so that:

1. re-saving a file with the same bytes adds nothing (the digest matches the mark);
2. a restart, even after ``kill -9``, scans the folders and queues exactly the files whose
   articles were not committed (no mark, or a mark for other bytes);
3. an edited file is read again; its unchanged articles are "unchanged" and a corrected
   one replaces its earlier version, as ingest does.
"""
from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from kronik.errors import InputError
from kronik.live.service import Job, Writer
from kronik.reader import SUPPORTED_SUFFIXES, Article, Skipped, read_articles
from kronik.store import Chronicle
from kronik.store.writer import FileMark, mark_files

# A file modified less than this long ago may still be being written (an editor's save, a copy
# over the network); it is looked at again a moment later. watchfiles already waits QUIET_MS
# without changes, so this only catches a writer that paused; a file that changes size while
# read is caught by the size check.
SETTLE_SECONDS = 0.2
# watchfiles waits for this many milliseconds without new changes before reporting a group
# of them (its default is 50, which splits a slow save into several reports).
QUIET_MS = 300


def article_files(folders: Iterable[str | Path]) -> Iterator[Path]:
    """Every readable article file under the folders, recursively, in a stable order."""
    for folder in folders:
        root = Path(folder)
        candidates = [root] if root.is_file() else sorted(root.rglob("*"))
        for path in candidates:
            if path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES \
                    and not path.name.startswith("."):
                yield path


def stored_marks(chronicle: Chronicle) -> dict[str, tuple[int, int, str]]:
    """path -> (size, mtime_ns, digest) of every file already stored."""
    rows = chronicle.con.execute("SELECT path, size, mtime_ns, digest FROM file_marks").fetchall()
    return {path: (size, mtime, digest) for path, size, mtime, digest in rows}


class FolderFeeder:
    """Turns files into writer jobs: one job per changed file, its mark committed with it."""

    def __init__(self, writer: Writer):
        self.writer = writer
        reader = writer.reader()
        try:
            self.marks = stored_marks(reader)
        finally:
            reader.close()

    def offer(self, path: Path) -> bool:
        """Queue ``path`` if its bytes are not stored yet; False when it must be looked at again
        later (still being written)."""
        try:
            stat = path.stat()
        except FileNotFoundError:
            return True  # vanished before it could be read: nothing to do
        except OSError as exc:
            self.writer.fail(f"{path}: cannot read ({exc.strerror or exc})")
            return True
        key = str(path)
        known = self.marks.get(key)
        if known and known[:2] == (stat.st_size, stat.st_mtime_ns):
            return True
        if time.time() - stat.st_mtime < SETTLE_SECONDS:
            return False
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return True
        except OSError as exc:
            self.writer.fail(f"{path}: cannot read ({exc.strerror or exc})")
            return True
        if len(data) != stat.st_size:
            return False  # grew or shrank while read: still being written
        digest = hashlib.sha256(data).hexdigest()
        mark = FileMark(key, stat.st_size, stat.st_mtime_ns, digest)
        self.marks[key] = (mark.size, mark.mtime_ns, digest)
        job = Job(origin=key, bookkeeping=[lambda con, m=mark: mark_files(con, [m])])
        if not (known and known[2] == digest):
            self._read(path, job)
        self.writer.submit(job)
        return True

    @staticmethod
    def _read(path: Path, job: Job) -> None:
        for item in read_articles([path]):
            if isinstance(item, Article):
                job.articles.append(item)
            elif isinstance(item, InputError):
                job.failures.append(str(item))
            elif not isinstance(item, Skipped):
                job.failures.append(f"{path}: {item}")

    def scan(self, folders: Iterable[str | Path]) -> list[Path]:
        """Offer every file under the folders (what a restart may have missed); return those
        to look at again."""
        return [path for path in article_files(folders) if not self.offer(path)]


def watch_folders(folders: list[str], feeder: FolderFeeder, stop: threading.Event) -> None:
    """Offer changed files until ``stop`` is set: first every file (resume), then each change."""
    from watchfiles import Change, watch

    later = set(feeder.scan(folders))
    for changes in watch(*folders, stop_event=stop, step=QUIET_MS, rust_timeout=500,
                         yield_on_timeout=True, recursive=True, raise_interrupt=False):
        paths = {Path(p) for change, p in changes if change != Change.deleted} | later
        later = set()
        for path in sorted(paths):
            if path.is_dir():
                later |= set(feeder.scan([path]))
            elif path.suffix.lower() in SUPPORTED_SUFFIXES and not feeder.offer(path):
                later.add(path)
