"""The lock that `make` and CI install from covers every dependency pyproject.toml declares,
each at a version its bounds allow: a dependency added without `make lock` fails here rather
than installing whatever version is newest on the day."""
from __future__ import annotations

import re
import shutil
import subprocess
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


def _installs(target: str, venv: Path) -> list[str]:
    """The pip install commands `make TARGET` would run for a virtualenv at ``venv``."""
    result = subprocess.run(["make", "-n", f"VENV={venv}", target], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    return [line for line in result.stdout.splitlines() if "pip install" in line]


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_demo_installs_the_runtime_only_and_test_adds_the_extras_from_the_lock(tmp_path):
    venv = tmp_path / "venv"
    assert [line.split("pip install", 1)[1].split() for line in _installs("demo", venv)] == [
        ["--quiet", "-c", "requirements.lock", "-e", "."]]
    assert [line.split("pip install", 1)[1].split() for line in _installs("test", venv)] == [
        ["--quiet", "-c", "requirements.lock", "-e", "'.[test,bench]'"]]
    venv.mkdir()
    (venv / "bin").mkdir()
    (venv / "bin" / "python").touch()
    (venv / ".kronik-runtime").touch()
    assert len(_installs("test", venv)) == 1, "make test after make demo must add the extras"
    assert _installs("demo", venv) == []
