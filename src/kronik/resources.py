"""Access to the language data files under ``kronik/lang/<language>/``.

Word lists, triggers, titles, aliases, months and noise patterns live in YAML files, not in
code, so that a second language is new data rather than a rewrite. Files are parsed once per
process and must be treated as read-only by callers.
"""
from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

DEFAULT_LANGUAGE = "id"


# libyaml's loader is several times faster on the large knowledge-base files; the pure-Python
# loader gives the same result where libyaml is missing.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_data(name: str, language: str | None = DEFAULT_LANGUAGE) -> Any:
    """Parse ``kronik/lang/<language>/<name>.yaml`` (or ``kronik/data/<name>.yaml`` when
    ``language`` is ``None``, for language-independent data such as the actor knowledge base)."""
    return _load(name, language)


@cache
def _load(name: str, language: str | None) -> Any:
    folder = resources.files("kronik") / ("data" if language is None else f"lang/{language}")
    with (folder / f"{name}.yaml").open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_LOADER)
