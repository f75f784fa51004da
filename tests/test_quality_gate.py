"""Quality gate: extraction on the development articles must not fall below the pinned floors.

Each set is extracted through the real pipeline and scored by the shared scorer; the floors
live in ``quality_floors.json`` so that a change that lowers a figure fails here, visibly.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DEV, SCORER, SEEDS

from kronik.batch import extract_paths
from kronik.document import Document
from kronik.identity import link_documents

FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text(encoding="utf-8"))
SETS = {"seeds": SEEDS, "dev": DEV}


def scores_for(folder: Path, tmp: Path) -> dict:
    docs = [d for d in extract_paths([folder]) if isinstance(d, Document)]
    link_documents(docs)
    predicted = tmp / f"{folder.name}.jsonl"
    predicted.write_text("".join(json.dumps(d.to_dict(), ensure_ascii=False) + "\n" for d in docs),
                         encoding="utf-8")
    result = subprocess.run([sys.executable, str(SCORER), str(folder / "gold.jsonl"), str(predicted), "--json"],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def figure(scores: dict, key: str) -> float:
    value = scores
    for part in key.split("."):
        value = value[part]
    return value if value is not None else 0.0


@pytest.mark.parametrize("name", sorted(SETS))
def test_quality_floors_hold(name: str, tmp_path: Path):
    folder = SETS[name]
    if not (folder / "gold.jsonl").exists() or not SCORER.exists():
        pytest.skip(f"{folder} or the scorer is not beside the checkout")
    scores = scores_for(folder, tmp_path)
    below = {key: (figure(scores, key), floor) for key, floor in FLOORS[name].items()
             if figure(scores, key) < floor}
    assert not below, f"{name}: below the floor (figure, floor): {below}"
