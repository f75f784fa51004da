"""Access to the language data files under ``kronik/lang/<language>/``.

Word lists, triggers, titles, aliases, months and noise patterns live in YAML files, not in
code, so that a second language is new data rather than a rewrite. Files are parsed once per
process and must be treated as read-only by callers.

Parsing is the larger part of loading: the pipeline's twenty files take about 0.15 s of YAML
construction at every start of ``kronik``, and reading the same data back from a pickle about
0.005 s. Each parsed file is therefore kept in the user's cache folder
(``$XDG_CACHE_HOME/kronik/data``, by default ``~/.cache/kronik/data``) under a name made from a
hash of the file's bytes, so that an edited file is never answered from an old entry. The
cache only saves time: an entry that cannot be read is parsed again, and a folder that cannot
be written is left alone. Entries are pickles, read only from the user's own cache folder.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
from contextlib import suppress
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

DEFAULT_LANGUAGE = "id"


# libyaml's loader is several times faster on the large knowledge-base files; the pure-Python
# loader gives the same result where libyaml is missing.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# What besides a file's bytes decides what parsing it gives, and so is hashed into the name of
# its cache entry: the YAML library and loader, and the Python that unpickles the entry.
_PARSER_VERSION = f"{yaml.__version__} {_LOADER.__name__} {sys.version_info[:2]}"


def load_data(name: str, language: str | None = DEFAULT_LANGUAGE) -> Any:
    """Parse ``kronik/lang/<language>/<name>.yaml`` (or ``kronik/data/<name>.yaml`` when
    ``language`` is ``None``, for language-independent data such as the actor knowledge base)."""
    return _load(name, language)


@cache
def _load(name: str, language: str | None) -> Any:
    folder = resources.files("kronik") / ("data" if language is None else f"lang/{language}")
    content = (folder / f"{name}.yaml").read_bytes()
    return _parsed(content, f"{language or 'data'}.{name}")


def _parsed(content: bytes, label: str) -> Any:
    """The YAML document ``content`` (UTF-8), from its cache entry where an earlier process
    left one, else parsed and left in the cache for the next process under ``label`` (the
    file's language and name) and the content's hash."""
    entry = _cache_entry(content, label)
    if entry is not None:
        try:
            return pickle.loads(entry.read_bytes())
        except Exception:  # missing, cut short or unreadable: any failure means parse instead
            pass
    data = yaml.load(content.decode("utf-8"), Loader=_LOADER)
    if entry is not None:
        _store(entry, label, data)
    return data


def cache_folder() -> Path | None:
    """The folder of parsed data files in the user's cache (XDG base directories), or None
    where there is no home folder to put it in."""
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no home folder known for this user
            return None
    return Path(base) / "kronik" / "data"


def _cache_entry(content: bytes, label: str) -> Path | None:
    folder = cache_folder()
    if folder is None:
        return None
    digest = hashlib.sha256(_PARSER_VERSION.encode() + b"\0" + content).hexdigest()
    return folder / f"{label}.{digest}.pickle"


def _store(entry: Path, label: str, data: Any) -> None:
    """Write ``data`` to the cache ``entry`` whole (a temporary file renamed over it, so that a
    concurrent reader sees all of it or nothing) and remove the other entries under ``label``
    (the file's earlier versions); where the cache cannot be written, do nothing."""
    partial = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(partial, entry)
        for old in entry.parent.glob(f"{label}.*.pickle"):
            if old != entry:
                old.unlink(missing_ok=True)
    except OSError:
        with suppress(OSError):  # a temporary file left behind, where one was made
            partial.unlink(missing_ok=True)
