"""Chronicle commands of the ``kronik`` CLI: ingest, timeline, dyad, actors, show, search,
stats and export. ``register(app)`` adds them to ``kronik.cli.app``.

Every query command prints a Rich table, or JSON with ``--json``.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from kronik.batch import extract_paths
from kronik.document import Document
from kronik.errors import InputError, KronikError
from kronik.events.coding import is_symmetric
from kronik.reader import Skipped
from kronik.scale import Engine, Extractor, extractor
from kronik.scale.options import EngineOption, RayAddressOption, WorkersOption
from kronik.store.chronicle import DEFAULT_PATH, Chronicle, Filters
from kronik.store.export import ExportFormat, write

# Tables piped to a file or a pager get room for their columns instead of the 80 of a
# terminal-less default; on a terminal Rich uses the terminal's width.
PIPED_TABLE_WIDTH = 160
out = Console(width=None if sys.stdout.isatty() else PIPED_TABLE_WIDTH)
Db = Annotated[Path, typer.Option("--db", help="The chronicle database file")]
AsJson = Annotated[bool, typer.Option("--json", help="JSON for machines instead of a table")]
Country = Annotated[str | None, typer.Option("--country", help="ISO alpha-3 code of a party")]
Actor = Annotated[str | None, typer.Option("--actor", help="Part of a party's name")]
Type = Annotated[str | None, typer.Option("--type", help="PLOVER event type")]
Mode = Annotated[str | None, typer.Option("--mode", help="PLOVER mode (phone, meeting, visit...)")]
Status = Annotated[str | None, typer.Option("--status", help="occurred or planned")]
From = Annotated[str | None, typer.Option("--from", help="Events on or after this date (YYYY-MM-DD)")]
To = Annotated[str | None, typer.Option("--to", help="Events on or before this date (YYYY-MM-DD)")]


def _report(error: KronikError) -> None:
    from kronik.cli import report

    report(error)


def _date(value: str | None, option: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not a date (YYYY-MM-DD)", param_hint=option) from None


def _filters(country, actor, type_, status, start, end, mode=None) -> Filters:
    return Filters(country=country, actor=actor, type=type_, mode=mode, status=status,
                   start=_date(start, "--from"), end=_date(end, "--to"))


def _open(db: Path, read_only: bool = True) -> Chronicle:
    try:
        return Chronicle.open(db, read_only=read_only)
    except KronikError as exc:
        _report(exc)
        raise typer.Exit(2) from None


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def extracted(paths: Iterable[Path], failures: list[str],
              extract: Extractor = extract_paths) -> Iterator[Document]:
    """Documents extracted from ``paths``; each bad input is reported on one line and counted."""
    from kronik.cli import errors

    for item in extract(paths):
        if isinstance(item, InputError):
            failures.append(str(item))
            _report(item)
        elif isinstance(item, Skipped):
            errors.print(f"note: {item.source}: skipped, {item.reason}", highlight=False)
        else:
            yield item


def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (.txt, .html, .jsonl)")],
    db: Db = Path(DEFAULT_PATH),
    as_json: AsJson = False,
    engine: EngineOption = Engine.local,
    workers: WorkersOption = None,
    ray_address: RayAddressOption = None,
) -> None:
    """Extract articles and store them in the chronicle, linking events across outlets."""
    failures: list[str] = []
    with _open(db, read_only=False) as chronicle:
        result = chronicle.ingest(extracted(paths, failures, extractor(engine, workers, ray_address)))
    for problem in result.failed:
        _report(KronikError(problem))
    summary = result.to_dict() | {"input_failures": len(failures)}
    if as_json:
        _print_json(summary)
    else:
        out.print(f"{result.added} added ({result.replaced} replacing older versions, "
                  f"{result.near_duplicates} near-duplicates), {result.unchanged} unchanged, "
                  f"{result.events} events, {len(failures) + len(result.failed)} failed",
                  highlight=False)
    if failures or result.failed:
        raise typer.Exit(1)


def _parties(row: dict[str, Any]) -> str:
    """'actor -> recipient' countries for directed events, the countries for symmetric ones."""
    if is_symmetric(row["type"], row.get("mode")) or not (row.get("actor_country") and row.get("recipient_country")):
        return ", ".join(row.get("countries") or [])
    return f"{row['actor_country']} -> {row['recipient_country']}"


def _when(row: dict[str, Any]) -> str:
    start, end = row.get("date_start"), row.get("date_end")
    if not start:
        return "undated"
    return start if start == end else f"{start}..{end}"


def _events_table(rows: list[dict[str, Any]], title: str) -> Table:
    table = Table(title=title)
    for column in ("date", "event", "status", "parties", "sources", "confidence", "id"):
        table.add_column(column, no_wrap=column == "id")
    for row in rows:
        kind = row["type"] + (f"/{row['mode']}" if row.get("mode") else "")
        table.add_row(_when(row), kind, row["status"], _parties(row), str(row["sources"]),
                      f"{row['confidence']:.2f}", row["canonical_id"])
    return table


def timeline(
    country: Country = None, actor: Actor = None, type_: Type = None, mode: Mode = None,
    status: Status = None, start: From = None, end: To = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many events")] = 50,
    db: Db = Path(DEFAULT_PATH), as_json: AsJson = False,
) -> None:
    """Canonical events, newest first, one row per real-world event."""
    filters = _filters(country, actor, type_, status, start, end, mode)
    with _open(db) as chronicle:
        rows = chronicle.timeline(filters, limit=limit)
        total = chronicle.count_events(filters)
    if as_json:
        _print_json({"total": total, "events": rows})
    else:
        out.print(_events_table(rows, f"{len(rows)} of {total} events"))


def dyad(
    a: Annotated[str, typer.Argument(help="ISO alpha-3 code of one state")],
    b: Annotated[str, typer.Argument(help="ISO alpha-3 code of the other")],
    start: From = None, end: To = None,
    limit: Annotated[int, typer.Option("--limit", help="List at most this many latest events")] = 50,
    db: Db = Path(DEFAULT_PATH), as_json: AsJson = False,
) -> None:
    """Events between two states over time, by PLOVER quad class."""
    with _open(db) as chronicle:
        result = chronicle.dyad(a, b, _filters(None, None, None, None, start, end), limit)
    if as_json:
        _print_json(result)
        return
    quads = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
    table = Table(title=f"{result['a']} - {result['b']}")
    table.add_column("month")
    for quad in quads:
        table.add_column(quad.replace("_", " "), justify="right")
    months: dict[str, dict[str, int]] = {}
    for row in result["periods"]:
        months.setdefault(row["period"] or "undated", {})[row["quad"]] = row["events"]
    for month, counts in months.items():
        table.add_row(month, *(str(counts.get(q, 0)) for q in quads))
    out.print(table)
    out.print(_events_table(result["events"], f"latest {len(result['events'])} of {result['total']} events"))


def actors(
    limit: Annotated[int, typer.Option("--limit", help="At most this many parties")] = 20,
    db: Db = Path(DEFAULT_PATH), as_json: AsJson = False,
) -> None:
    """The most active parties, by number of distinct real-world events."""
    with _open(db) as chronicle:
        rows = chronicle.actors(limit)
    if as_json:
        _print_json(rows)
        return
    table = Table(title="most active parties")
    for column in ("name", "country", "kind", "events", "mentions"):
        table.add_column(column)
    for row in rows:
        table.add_row(row["name"], row["country"] or "", row["kind"] or "", str(row["events"]),
                      str(row["mentions"]))
    out.print(table)


def show(
    key: Annotated[str, typer.Argument(help="An event id or a canonical id")],
    db: Db = Path(DEFAULT_PATH), as_json: AsJson = False,
) -> None:
    """One event with its evidence sentences and all its sources."""
    with _open(db) as chronicle:
        found = chronicle.event(key)
    if found is None:
        _report(KronikError(f"{db}: no event with id '{key}'"))
        raise typer.Exit(1)
    if as_json:
        _print_json(found)
        return
    out.print(_events_table([found], found["canonical_id"]))
    table = Table(title="evidence")
    for column in ("source", "outlet", "date", "sentence"):
        table.add_column(column)
    for mention in found["mentions_list"]:
        event = mention["event"]
        when = (event.get("date") or {}).get("start") or "undated"
        table.add_row(mention["source"], mention["outlet"] or "", when, event["evidence"]["text"])
    out.print(table)
    for label in ("fulfils", "fulfilled_by"):
        if found[label]:
            out.print(f"{label.replace('_', ' ')}: {', '.join(found[label])}", highlight=False)


def search(
    query: Annotated[str, typer.Argument(help="Words to find in articles and quotes")],
    limit: Annotated[int, typer.Option("--limit")] = 20,
    db: Db = Path(DEFAULT_PATH), as_json: AsJson = False,
) -> None:
    """Articles and quotes containing the words."""
    with _open(db) as chronicle:
        rows = chronicle.search(query, limit)
    if as_json:
        _print_json(rows)
        return
    table = Table(title=f"'{query}'")
    for column in ("kind", "source", "speaker", "text"):
        table.add_column(column)
    for row in rows:
        table.add_row(row["kind"], row["source"], row["speaker"] or "", row["snippet"])
    out.print(table)


def stats(db: Db = Path(DEFAULT_PATH), as_json: AsJson = False) -> None:
    """What the chronicle holds."""
    with _open(db) as chronicle:
        data = chronicle.stats()
    if as_json:
        _print_json(data)
        return
    table = Table(title=str(db))
    table.add_column("what")
    table.add_column("count", justify="right")
    for key, value in data.items():
        table.add_row(key.replace("_", " "), str(value))
    out.print(table)


def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="csv, parquet, jsonl, polecat (tab-separated, POLECAT columns) or documents (document records)")] = ExportFormat.jsonl,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here instead of standard output")] = None,
    country: Country = None, actor: Actor = None, type_: Type = None, mode: Mode = None,
    status: Status = None, start: From = None, end: To = None,
    db: Db = Path(DEFAULT_PATH),
) -> None:
    """Export canonical events, one row each with its sources (or the document records)."""
    filters = _filters(country, actor, type_, status, start, end, mode)
    if fmt is ExportFormat.parquet and output is None:
        _report(KronikError("--format parquet needs -o FILE"))
        raise typer.Exit(2)
    with _open(db) as chronicle:
        try:
            if output is None:
                write(chronicle, fmt, sys.stdout, None, filters)
            elif fmt is ExportFormat.parquet:
                write(chronicle, fmt, None, str(output), filters)
            else:
                with output.open("w", encoding="utf-8", newline="") as handle:
                    write(chronicle, fmt, handle, str(output), filters)
        except OSError as exc:
            _report(KronikError(f"{output}: cannot write ({exc.strerror or exc})"))
            raise typer.Exit(2) from None


def register(app: typer.Typer) -> None:
    """Add the chronicle commands to the ``kronik`` CLI."""
    app.command()(ingest)
    app.command()(timeline)
    app.command()(dyad)
    app.command()(actors)
    app.command()(show)
    app.command()(search)
    app.command()(stats)
    app.command()(export)
