"""Local parallel extraction (--jobs): the same records in the same order as one process."""
from __future__ import annotations

import json
import pickle
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kronik.cli import app
from kronik.errors import InputError
from kronik.scale import processes

ARTICLE = ("Menteri Luar Negeri Peru bertemu Menteri Luar Negeri Chile di Lima pada Senin "
           "(2/3/2026) untuk membahas perdagangan nomor {n}.")


def write_batch(folder: Path, count: int) -> Path:
    path = folder / "batch.jsonl"
    lines = [json.dumps({"source": f"a{n:03d}", "text": ARTICLE.format(n=n),
                         "published": "2026-03-04"}) for n in range(count)]
    lines.insert(5, "{not json")  # a bad line keeps its place among the results
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_parallel_output_is_identical_and_in_input_order(tmp_path, monkeypatch):
    monkeypatch.setattr(processes, "SERIAL_ARTICLES", 4)
    monkeypatch.setattr(processes, "CHUNK_ARTICLES", 5)
    batch = write_batch(tmp_path, 40)
    serial = list(processes.extract_paths_parallel([batch], jobs=1))
    parallel = list(processes.extract_paths_parallel([batch], jobs=2))
    assert [type(i).__name__ for i in parallel] == [type(i).__name__ for i in serial]
    docs = [i for i in parallel if not isinstance(i, InputError)]
    assert [d.source for d in docs] == [f"a{n:03d}" for n in range(40)]
    assert [d.to_dict() for d in docs] == [i.to_dict() for i in serial if not isinstance(i, InputError)]
    assert any(e.type == "CONSULT" for e in docs[-1].events)


def test_cli_jobs_writes_the_same_file(tmp_path, monkeypatch):
    monkeypatch.setattr(processes, "SERIAL_ARTICLES", 4)
    monkeypatch.setattr(processes, "CHUNK_ARTICLES", 3)
    batch = write_batch(tmp_path, 12)
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        result = CliRunner().invoke(app, ["extract", str(batch), "-o", str(out), "--jobs", jobs])
        assert result.exit_code == 1  # the bad line is reported and counted
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1] and outputs[0].count("\n") == 12


def test_input_errors_cross_process_boundaries():
    error = pickle.loads(pickle.dumps(InputError("x.jsonl:3", "malformed JSON")))
    assert (error.source, error.reason, str(error)) == ("x.jsonl:3", "malformed JSON",
                                                        "x.jsonl:3: malformed JSON")


def test_streamed_records_are_linked_across_documents(tmp_path):
    """Records are spooled as they are extracted and written once linked: two articles about
    the same talks share a canonical id, in both output formats."""
    batch = tmp_path / "two.jsonl"
    text = ("Menteri Luar Negeri Peru bertemu Menteri Luar Negeri Chile di Lima pada Senin "
            "(2/3/2026) untuk membahas perdagangan.")
    batch.write_text(json.dumps({"source": "a", "text": text, "published": "2026-03-04"}) + "\n" +
                     json.dumps({"source": "b", "text": "Kabar dari Lima. " + text,
                                 "published": "2026-03-04"}) + "\n", encoding="utf-8")
    lines = tmp_path / "out.jsonl"
    array = tmp_path / "out.json"
    assert CliRunner().invoke(app, ["extract", str(batch), "-o", str(lines)]).exit_code == 0
    assert CliRunner().invoke(app, ["extract", str(batch), "-o", str(array), "--format", "json"]).exit_code == 0
    records = [json.loads(line) for line in lines.read_text(encoding="utf-8").splitlines()]
    assert json.loads(array.read_text(encoding="utf-8")) == records
    first, second = (r["events"][0] for r in records)
    assert first["id"] != second["id"] and first["canonical_id"] == second["canonical_id"]


def test_record_lines_take_the_canonical_ids_linking_sets(tmp_path):
    """A record serialised before linking, with each event's canonical id spliced in after, is
    what serialising the linked document gives; text that looks like a record's keys (escaped
    in JSON) is left alone."""
    from kronik import extract
    from kronik.jsontext import dumps
    from kronik.scale.records import linked_line, record_of

    text = ('Menteri Luar Negeri Peru bertemu Menteri Luar Negeri Chile di Lima pada Senin '
            '(2/3/2026). Ia menulis {"id":"x","canonical_id":"y"} di papan. Menteri Luar '
            'Negeri Peru juga bertemu Menteri Luar Negeri Bolivia di Lima pada Selasa (3/3/2026).')
    doc = extract(text, published="2026-03-04", source="a")
    record = record_of(doc)
    assert len(doc.events) >= 2
    for number, event in enumerate(doc.events):
        event.canonical_id = f"kelompok-{number}"
    assert linked_line(record.line, record.events, record.written) == dumps(doc.to_dict())


def test_ingest_with_jobs_stores_what_one_process_stores(tmp_path, monkeypatch):
    from kronik.store.chronicle import Chronicle

    monkeypatch.setattr(processes, "SERIAL_ARTICLES", 4)
    monkeypatch.setattr(processes, "CHUNK_ARTICLES", 5)
    batch = write_batch(tmp_path, 20)
    stored = []
    for jobs in ("1", "2"):
        db = tmp_path / f"k{jobs}.duckdb"
        result = CliRunner().invoke(app, ["ingest", str(batch), "--db", str(db), "--jobs", jobs, "--json"])
        assert result.exit_code == 1  # the bad line is reported and counted
        with Chronicle.open(db, read_only=True) as chronicle:
            stored.append(chronicle.timeline(limit=100))
    assert stored[0] == stored[1] and stored[0]


def _children(pid: int) -> list[int]:
    """The child processes of ``pid`` (Linux: /proc/PID/task/PID/children)."""
    return [int(child) for child in
            Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def _running(pid: int) -> bool:
    """Whether ``pid`` is a live process (a zombie waiting to be reaped is not)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc (Linux)")
def test_workers_end_when_extract_is_killed_outright(tmp_path):
    batch = write_batch(tmp_path, 3000)
    proc = subprocess.Popen([sys.executable, "-m", "kronik", "extract", str(batch), "--jobs", "2",
                             "-o", str(tmp_path / "out.jsonl")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    workers: list[int] = []
    while time.monotonic() < deadline and proc.poll() is None and len(workers) < 2:
        time.sleep(0.2)
        workers = _children(proc.pid)
    assert len(workers) == 2, "extract ended before its workers could be seen; add articles"
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 10 * processes.PARENT_CHECK_SECONDS + 5
    while time.monotonic() < deadline and any(map(_running, workers)):
        time.sleep(0.2)
    assert not any(map(_running, workers))
