"""A chronicle survives ``kill -9`` in the middle of ``kronik ingest``: what was committed is
whole, nothing is half-written, and running the same ingest again finishes the job."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from test_store import article

from kronik.store import Chronicle

ARTICLES = 150
# Small batches, so that the ingest commits several before it is killed.
BATCH = 10
COUNTRIES = ["Prancis", "Brasil", "Jepang", "Kenya", "Chile", "Norwegia"]


def write_articles(folder: Path) -> None:
    """Invented articles: a dateline, a phone call between two states, filler sentences."""
    folder.mkdir()
    for i in range(ARTICLES):
        a, b = COUNTRIES[i % 6], COUNTRIES[(i + 1 + i // 6) % 6]
        if a == b:
            b = COUNTRIES[(i + 2) % 6]
        day = 1 + i % 27
        text = (f"Jakarta, Senin ({day}/3/2031) - Presiden {a} melakukan pembicaraan telepon "
                f"dengan Presiden {b} pada {day} Maret 2031.\n\n{article(1000 + i)}\n")
        (folder / f"{i:04d}.txt").write_text(text, encoding="utf-8")


def start_ingest(folder: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kronik", "ingest", str(folder), "--db", str(db),
                             "--json", "--batch", str(BATCH)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


# One batch of BATCH invented articles writes about 130 kB to the write-ahead log; a log past
# this size holds at least one whole committed batch, whatever point of the next commit it is at.
COMMITTED_LOG_BYTES = 200_000


def wait_for_commits(db: Path, proc: subprocess.Popen, min_bytes: int = COMMITTED_LOG_BYTES) -> None:
    """Wait until the write-ahead log shows committed documents (the store is locked meanwhile)."""
    wal = Path(f"{db}.wal")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if wal.exists() and wal.stat().st_size > min_bytes:
            return
        time.sleep(0.05)


def consistency_problems(db: Path) -> list[str]:
    """Orphans and half-written documents, as lines naming what is wrong."""
    checks = {
        "events without their document":
            "SELECT count(*) FROM events WHERE doc_id NOT IN (SELECT doc_id FROM documents)",
        "documents missing some events":
            "SELECT count(*) FROM documents d WHERE n_events <> "
            "(SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id)",
        "documents without all their bands":
            "SELECT count(*) FROM documents d WHERE (SELECT count(*) FROM doc_bands b "
            "WHERE b.doc_id = d.doc_id) <> 32",
        "events without a canonical row":
            "SELECT count(*) FROM events WHERE canonical_id NOT IN "
            "(SELECT canonical_id FROM canonical_events)",
        "canonical rows with wrong mention counts":
            "SELECT count(*) FROM canonical_events c WHERE mentions <> "
            "(SELECT count(*) FROM events e WHERE e.canonical_id = c.canonical_id)",
    }
    with Chronicle.open(db) as store:
        found = {name: store.con.execute(sql).fetchone()[0] for name, sql in checks.items()}
    return [f"{n} {name}" for name, n in found.items() if n]


def totals(db: Path) -> dict:
    with Chronicle.open(db, read_only=True) as store:
        stats = store.stats()
    return {k: stats[k] for k in ("documents", "events", "canonical_events", "entities", "quotes")}


def test_kill_during_ingest_leaves_whole_documents_and_a_rerun_finishes(tmp_path):
    folder = tmp_path / "articles"
    write_articles(folder)
    db = tmp_path / "k.duckdb"
    proc = start_ingest(folder, db)
    wait_for_commits(db, proc)
    assert proc.poll() is None, "ingest ended before it could be killed; add articles"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    assert consistency_problems(db) == []
    partial = totals(db)["documents"]
    assert 0 < partial < ARTICLES

    rerun = start_ingest(folder, db)
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err
    summary = json.loads(out)
    assert (summary["added"], summary["unchanged"]) == (ARTICLES - partial, partial)
    assert consistency_problems(db) == []

    clean = tmp_path / "clean.duckdb"
    start_ingest(folder, clean).communicate(timeout=600)
    assert totals(db) == totals(clean)
    assert totals(db)["documents"] == ARTICLES
