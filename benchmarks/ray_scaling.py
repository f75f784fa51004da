"""Ray scaling: ``kronik extract``'s work with the local engine and with Ray on 1..N workers.

    .venv/bin/python benchmarks/ray_scaling.py --articles 2000 --workers 1 2

Generates articles (``corpus.py``) as one .txt file each, or as JSON Lines shards with
``--shard-size``, in a temporary folder; then times extraction, linking and ``to_dict`` with
the local engine and with a fresh local Ray per worker count (start-up timed apart).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402


def write_files(articles: list, folder: Path, shard_size: int | None) -> None:
    if not shard_size:
        for article in articles:
            (folder / article.source).write_text(article.text, encoding="utf-8")
        return
    for start in range(0, len(articles), shard_size):
        corpus.write_jsonl(articles[start:start + shard_size],
                           folder / f"shard-{start // shard_size:05d}.jsonl")


def run(folder: Path, engine: str, workers: int | None) -> tuple[float, float, list[dict]]:
    """(start-up seconds, extraction seconds, records)."""
    from kronik.identity import link_documents
    from kronik.scale import Engine, extractor
    from kronik.scale.ray_engine import ray_session

    began = time.perf_counter()
    if engine == "local":
        startup, items = 0.0, list(extractor(Engine.local)([folder]))
    else:
        with ray_session(workers):
            startup = time.perf_counter() - began
            began = time.perf_counter()
            items = list(extractor(Engine.ray)([folder]))
    docs = [i for i in items if hasattr(i, "to_dict")]
    link_documents(docs)
    records = [d.to_dict() for d in docs]
    return startup, time.perf_counter() - began, records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--shard-size", type=int, help="articles per JSON Lines shard")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    from rich.console import Console
    from rich.table import Table

    with tempfile.TemporaryDirectory(prefix="kronik-ray-") as scratch:
        folder = Path(scratch)
        write_files(corpus.generate(args.articles, args.seed), folder, args.shard_size)
        import kronik

        kronik.pipeline()  # the local run's data loading, outside its timing as in a worker
        _, local_seconds, expected = run(folder, "local", None)
        table = Table(title=f"{args.articles:,} generated articles, "
                            f"{'shards of ' + str(args.shard_size) if args.shard_size else 'one file each'}")
        for column in ("engine", "start-up s", "extract + link s", "articles/s", "speed-up", "same records"):
            table.add_column(column, justify="left" if column == "engine" else "right")
        table.add_row("local (one process)", "0.0", f"{local_seconds:.1f}",
                      f"{args.articles / local_seconds:,.0f}", "1.00", "yes")
        for workers in args.workers:
            startup, seconds, records = run(folder, "ray", workers)
            same = json.dumps(records, sort_keys=True) == json.dumps(expected, sort_keys=True)
            table.add_row(f"ray, {workers} worker(s)", f"{startup:.1f}", f"{seconds:.1f}",
                          f"{args.articles / seconds:,.0f}", f"{local_seconds / seconds:.2f}",
                          "yes" if same else "NO")
    Console(width=110).print(table)


if __name__ == "__main__":
    main()
