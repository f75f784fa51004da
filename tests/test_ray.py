"""The Ray engine gives the records of the single-process run, on the development articles.

One local Ray with one worker serves the whole module (starting it takes 10-20 s).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kronik.batch import extract_paths
from kronik.cli import app
from kronik.errors import InputError
from kronik.identity import link_documents
from kronik.reader import Skipped
from kronik.scale import Engine, extractor
from kronik.scale.parquet import UNKNOWN_MONTH, read_parquet_records, write_parquet

ray = pytest.importorskip("ray")


@pytest.fixture(scope="module")
def local_ray():
    from kronik.scale.ray_engine import ray_session

    with ray_session(workers=1):
        yield


@pytest.fixture(scope="module")
def inputs(seeds_dir, dev_dir, tmp_path_factory) -> list[Path]:
    """The development folders, a missing file and a JSON Lines file of two articles, one
    with a malformed line: every kind of item the reader yields."""
    folder = tmp_path_factory.mktemp("ray-inputs")
    shard = folder / "shard.jsonl"
    lines = [json.dumps({"source": f"invented-{i}", "published": f"2025-03-0{i}",
                         "text": f"Menteri Luar Negeri Ruritania bertemu mitranya di Jakarta pada "
                                 f"Senin. Pertemuan ke-{i} itu membahas perdagangan."})
             for i in (1, 2)]
    shard.write_text(f"{lines[0]}\n{{not json\n{lines[1]}\n", encoding="utf-8")
    return [seeds_dir, dev_dir, folder / "missing.txt", shard]


def _records(items) -> tuple[list[dict], list[str]]:
    items = list(items)
    docs = [i for i in items if not isinstance(i, (InputError, Skipped))]
    link_documents(docs)
    others = [f"{type(i).__name__}: {i}" for i in items if isinstance(i, (InputError, Skipped))]
    return [d.to_dict() for d in docs], others


def test_ray_records_equal_the_local_run(local_ray, inputs):
    local, local_problems = _records(extract_paths(inputs))
    remote, remote_problems = _records(extractor(Engine.ray, workers=1)(inputs))
    assert len(local) == 11 + 2, local_problems
    assert sorted(local, key=lambda r: r["source"]) == sorted(remote, key=lambda r: r["source"])
    assert [r["source"] for r in remote] == [r["source"] for r in local]  # input order kept
    assert remote_problems == local_problems
    assert any("missing.txt: no such file" in p for p in remote_problems)
    assert any("shard.jsonl:2: malformed JSON" in p for p in remote_problems)
    assert sum(p.startswith("Skipped") and "gold.jsonl" in p for p in remote_problems) == 2
    assert sum(len(r["events"]) for r in remote) > 0


def test_cli_ray_engine_writes_jsonl_and_parquet(local_ray, seeds_dir, tmp_path):
    runner = CliRunner()
    local = runner.invoke(app, ["extract", str(seeds_dir), "-o", str(tmp_path / "local.jsonl")])
    remote = runner.invoke(app, ["extract", str(seeds_dir), "--engine", "ray",
                                 "-o", str(tmp_path / "ray.jsonl"),
                                 "--parquet", str(tmp_path / "parquet")])
    assert local.exit_code == remote.exit_code == 0, remote.output
    read = lambda name: [json.loads(line) for line in (tmp_path / name).open(encoding="utf-8")]  # noqa: E731
    assert read("ray.jsonl") == read("local.jsonl")
    stored = sorted(read_parquet_records(tmp_path / "parquet"), key=lambda r: r["source"])
    assert stored == sorted(read("local.jsonl"), key=lambda r: r["source"])


def test_cli_ingest_with_ray_builds_the_same_chronicle(local_ray, seeds_dir, dev_dir, tmp_path):
    runner = CliRunner()
    timelines = []
    for engine in ("local", "ray"):
        db = str(tmp_path / f"{engine}.duckdb")
        ingest = runner.invoke(app, ["ingest", str(seeds_dir), str(dev_dir), "--db", db,
                                     "--engine", engine, "--json"])
        assert ingest.exit_code == 0, ingest.output
        assert json.loads(ingest.stdout)["added"] == 11
        timeline = runner.invoke(app, ["timeline", "--db", db, "--limit", "500", "--json"])
        timelines.append(json.loads(timeline.stdout))
    assert timelines[0]["total"] > 0
    assert timelines[0] == timelines[1]


def test_parquet_rows_are_partitioned_by_month(tmp_path):
    import pyarrow.dataset as ds

    records = [{"source": "a", "published": "2025-11-26T08:00:00+07:00", "events": [{}, {}]},
               {"source": "b", "published": "2025-11-02", "events": []},
               {"source": "c", "published": None, "events": [{}]}]
    write_parquet(records, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "published_month=2025-11", f"published_month={UNKNOWN_MONTH}"]
    table = ds.dataset(tmp_path, format="parquet", partitioning="hive").to_table()
    rows = sorted(table.to_pylist(), key=lambda r: r["source"])
    assert [(r["source"], r["events"], r["published_month"]) for r in rows] == [
        ("a", 2, "2025-11"), ("b", 0, "2025-11"), ("c", 1, UNKNOWN_MONTH)]
    assert json.loads(rows[0]["record"]) == records[0]
