"""Shared test fixtures: where the development corpus lives, and extracted corpora."""
from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
DEV = SHARED / "corpus" / "dev"
# Real articles of many outlets; read from its input.jsonl, which carries each page's date.
REAL = SHARED / "corpus" / "real"
SCORER = SHARED / "eval" / "score.py"


def load_gold(folder: Path) -> list[dict]:
    with (folder / "gold.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is not beside the checkout")
    return SEEDS


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    if not DEV.is_dir():
        pytest.skip("../shared/corpus/dev is not beside the checkout")
    return DEV


def extract_and_score(folder: Path, out_dir: Path, inputs: Path | None = None) -> dict:
    """Extract a folder of articles (or the ``inputs`` file inside it) through the real
    pipeline (with cross-document linking) and score the records against the folder's
    ``gold.jsonl`` with the shared scorer."""
    from kronik.batch import extract_paths
    from kronik.document import Document
    from kronik.identity import link_documents

    if not SCORER.exists() or not (folder / "gold.jsonl").exists():
        pytest.skip(f"{SCORER} or {folder / 'gold.jsonl'} is missing")
    docs = [d for d in extract_paths([inputs or folder]) if isinstance(d, Document)]
    link_documents(docs)
    predicted = out_dir / f"{folder.name}.jsonl"
    predicted.write_text("".join(json.dumps(d.to_dict(), ensure_ascii=False) + "\n" for d in docs),
                         encoding="utf-8")
    result = subprocess.run([sys.executable, str(SCORER), str(folder / "gold.jsonl"), str(predicted), "--json"],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def figure(scores: dict, key: str) -> float:
    """A scorer figure by dotted key ("events_strict.f1"); a missing figure counts as 0."""
    value = scores
    for part in key.split("."):
        value = value[part]
    return value if value is not None else 0.0


@contextmanager
def local_server(handler: type) -> Iterator[str]:
    """An HTTP server on a free loopback port serving ``handler`` in a thread, for as long as
    the block runs: its base address ("http://127.0.0.1:PORT")."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
