"""The lock that `make` and CI install from covers every dependency pyproject.toml declares,
each at a version its bounds allow: a dependency added without `make lock` fails here rather
than installing whatever version is newest on the day."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
LOCKED_LINE = re.compile(r"^(?P<name>[A-Za-z0-9._-]+)==(?P<version>\S+)")


def declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project.get("optional-dependencies", {}).values()
    return [Requirement(line) for group in (project["dependencies"], *extras) for line in group]


def locked() -> dict[str, list[Version]]:
    versions: dict[str, list[Version]] = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        match = LOCKED_LINE.match(line)
        if match:
            versions.setdefault(canonicalize_name(match["name"]), []).append(Version(match["version"]))
    return versions


@pytest.mark.parametrize("requirement", declared(), ids=str)
def test_every_declared_dependency_is_locked_within_its_bounds(requirement):
    versions = locked().get(canonicalize_name(requirement.name))
    assert versions, f"{requirement.name} is not in requirements.lock: run make lock"
    assert all(requirement.specifier.contains(v, prereleases=True) for v in versions), (
        f"requirements.lock has {requirement.name} {versions}, outside {requirement}: run make lock")


def test_html_reading_is_locked_with_its_cleaner():
    assert {"trafilatura", "justext", "lxml", "lxml-html-clean"} <= set(locked())
