"""Chronicle commands of the ``kronik`` CLI: ingest, timeline, dyad, actors, show, search,
stats and export. ``register(app)`` adds them to ``kronik.cli.app``.

Every query command prints a Rich table, or JSON with ``--json``. The chronicle (with DuckDB,
NumPy and PyArrow) is imported only when a command opens one, so that the rest of the CLI,
``kronik extract`` above all, starts without it.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from typer.core import TyperArgument, TyperCommand

from kronik.batch import extract_paths
from kronik.console import note, report
from kronik.document import Document
from kronik.errors import InputError, KronikError
from kronik.events.coding import is_symmetric
from kronik.reader import Skipped
from kronik.scale import Engine, Extractor, extractor
from kronik.scale.options import (BatchOption, DbOption, EngineOption, JobsOption, JsonOption, PathsArgument,
                                  RayAddressOption, WorkersOption)
from kronik.store import BATCH_DOCUMENTS, DEFAULT_PATH, ExportFormat
from kronik.store.vocabulary import (country_code, country_label, event_mode, event_status,
                                     event_type)

if TYPE_CHECKING:
    from kronik.store.chronicle import Chronicle, Filters

# Tables piped to a file or a pager get room for their columns instead of the 80 of a
# terminal-less default; on a terminal Rich uses the terminal's width.
PIPED_TABLE_WIDTH = 160
out = Console(width=None if sys.stdout.isatty() else PIPED_TABLE_WIDTH)
STATE = "a state: ISO alpha-3 code or Indonesian or English name (IDN, Indonesia, Amerika Serikat)"
Country = Annotated[str | None, typer.Option("--country", metavar="STATE",
                                             help=f"Events with this party, {STATE}")]
Actor = Annotated[str | None, typer.Option("--actor", metavar="NAME", help="Part of a party's name")]
Type = Annotated[str | None, typer.Option("--type", metavar="TYPE", help="PLOVER event type (CONSULT, ASSAULT...)")]
Mode = Annotated[str | None, typer.Option("--mode", metavar="MODE", help="PLOVER mode (phone, meeting, visit, multilateral)")]
Status = Annotated[str | None, typer.Option("--status", metavar="STATUS", help="occurred or planned")]
From = Annotated[str | None, typer.Option("--from", metavar="DATE", help="Events on or after this date (YYYY-MM-DD)")]
To = Annotated[str | None, typer.Option("--to", metavar="DATE", help="Events on or before this date (YYYY-MM-DD)")]
Limit = Annotated[int, typer.Option("--limit", metavar="N", help="At most this many rows")]
# How event tables write their parties; printed under every such table.
PARTIES_LEGEND = ("parties: 'A -> B' a directed event, A acts on B (accuses, sanctions, attacks, "
                  "visits); 'A, B' a symmetric one (talks, agreements, cooperation), no side first")


class KronikCommand(TyperCommand):
    """A Typer command whose help shows flags as flags and arguments as Click writes them:
    Typer prints a ``<bool>`` type after every flag (``--json``, ``--help``) and wraps a
    required argument in braces (``{paths}...``), which readers take for syntax to type."""

    def get_params(self, ctx: typer.Context) -> list[Any]:
        params = super().get_params(ctx)
        for param in params:
            if getattr(param, "is_flag", False) and param.metavar is None:
                param.metavar = ""
        return params

    def collect_usage_pieces(self, ctx: typer.Context) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if isinstance(param, TyperArgument):
                name = (param.metavar or param.name.upper()) + ("..." if param.nargs != 1 else "")
                pieces.append(name if param.required else f"[{name}]")
        return pieces


def _date(value: str | None, option: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not a date (YYYY-MM-DD)", param_hint=option) from None


def _known(resolve, value: str | None) -> str | None:
    """A query value checked against what Kronik knows: the stored form, or a one-line error
    with the closest known values and exit code 2."""
    if not value:
        return None
    try:
        return resolve(value)
    except KronikError as exc:
        report(exc)
        raise typer.Exit(2) from None


def _filters(country, actor, type_, status, start, end, mode=None) -> Filters:
    from kronik.store import Filters

    return Filters(country=_known(country_code, country), actor=actor,
                   type=_known(event_type, type_), mode=_known(event_mode, mode),
                   status=_known(event_status, status),
                   start=_date(start, "--from"), end=_date(end, "--to"))


def _open(db: Path, read_only: bool = True) -> Chronicle:
    from kronik.store import Chronicle

    try:
        return Chronicle.open(db, read_only=read_only)
    except KronikError as exc:
        report(exc)
        raise typer.Exit(2) from None


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def extracted(paths: Iterable[Path], failures: list[str],
              extract: Extractor = extract_paths) -> Iterator[Document]:
    """Documents extracted from ``paths``; each bad input is reported on one line and counted."""
    for item in extract(paths):
        if isinstance(item, InputError):
            failures.append(str(item))
            report(item)
        elif isinstance(item, Skipped):
            note(item)
        else:
            yield item


def ingest(
    paths: PathsArgument,
    db: DbOption = Path(DEFAULT_PATH),
    as_json: JsonOption = False,
    engine: EngineOption = Engine.local,
    workers: WorkersOption = None,
    ray_address: RayAddressOption = None,
    jobs: JobsOption = None,
    batch: BatchOption = BATCH_DOCUMENTS,
) -> None:
    """Extract articles and store them in the chronicle, linking events across outlets."""
    failures: list[str] = []
    with _open(db, read_only=False) as chronicle:
        result = chronicle.ingest(extracted(paths, failures, extractor(engine, workers, ray_address, jobs)),
                                  batch=batch)
        held = chronicle.count_events()
    for problem in result.failed:
        report(KronikError(problem))
    summary = result.to_dict() | {"input_failures": len(failures), "chronicle_events": held}
    if as_json:
        _print_json(summary)
    else:
        out.print(f"{result.added} articles added ({result.replaced} replacing older versions, "
                  f"{result.near_duplicates} near-duplicates), {result.unchanged} unchanged, "
                  f"{len(failures) + len(result.failed)} failed; {result.events} event mentions "
                  f"read from them; the chronicle now holds {held} events (one per real-world "
                  "event, however many articles mention it: what the timeline counts)",
                  highlight=False)
    if failures or result.failed:
        raise typer.Exit(1)


def _parties(row: dict[str, Any]) -> str:
    """'A -> B' (actor acts on recipient) for directed events, 'A, B' for symmetric ones;
    each state by name and code."""
    if is_symmetric(row["type"], row.get("mode")) or not (row.get("actor_country") and row.get("recipient_country")):
        return ", ".join(country_label(c) for c in row.get("countries") or [])
    return f"{country_label(row['actor_country'])} -> {country_label(row['recipient_country'])}"


def _when(row: dict[str, Any]) -> str:
    start, end = row.get("date_start"), row.get("date_end")
    if not start:
        return "undated"
    return start if start == end else f"{start}..{end}"


def _events_table(rows: list[dict[str, Any]], title: str) -> Table:
    table = Table(title=title, caption=PARTIES_LEGEND)
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
    limit: Limit = 50, db: DbOption = Path(DEFAULT_PATH), as_json: JsonOption = False,
) -> None:
    """Events, newest first, one row per real-world event (its mentions in all articles merged)."""
    filters = _filters(country, actor, type_, status, start, end, mode)
    with _open(db) as chronicle:
        rows = chronicle.timeline(filters, limit=limit)
        total = chronicle.count_events(filters)
    if as_json:
        _print_json({"total": total, "events": rows})
    else:
        out.print(_events_table(rows, f"{len(rows)} of {total} events, newest first"))


def dyad(
    a: Annotated[str, typer.Argument(metavar="A", help=f"One state, {STATE}")],
    b: Annotated[str, typer.Argument(metavar="B", help="The other state")],
    start: From = None, end: To = None, limit: Limit = 50,
    db: DbOption = Path(DEFAULT_PATH), as_json: JsonOption = False,
) -> None:
    """Events between two states over time, by PLOVER quad class, the latest first."""
    a, b = _known(country_code, a), _known(country_code, b)
    with _open(db) as chronicle:
        result = chronicle.dyad(a, b, _filters(None, None, None, None, start, end), limit)
    if as_json:
        _print_json(result)
        return
    quads = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
    table = Table(title=f"{country_label(result['a'])} - {country_label(result['b'])}: "
                        "events by month and quad class")
    table.add_column("month")
    for quad in quads:
        table.add_column(quad.replace("_", " "), justify="right")
    months: dict[str, dict[str, int]] = {}
    for row in result["periods"]:
        months.setdefault(row["period"] or "undated", {})[row["quad"]] = row["events"]
    for month, counts in months.items():
        table.add_row(month, *(str(counts.get(q, 0)) for q in quads))
    out.print(table)
    out.print(_events_table(result["events"],
                            f"latest {len(result['events'])} of {result['total']} events, newest first"))


def actors(limit: Limit = 20, db: DbOption = Path(DEFAULT_PATH), as_json: JsonOption = False) -> None:
    """The most active states and people, by number of real-world events: a state counts with
    all its names, capitals and seats (Washington, AS, Gedung Putih are the United States)."""
    with _open(db) as chronicle:
        rows = chronicle.actors(limit)
    if as_json:
        _print_json(rows)
        return
    table = Table(title="most active states and people")
    for column in ("party", "state", "kind", "events", "mentions", "also named"):
        table.add_column(column, justify="right" if column in ("events", "mentions") else "left")
    for row in rows:
        others = [form for form in row["forms"] or [] if form != row["name"]]
        table.add_row(row["name"], country_label(row["country"]), row["kind"] or "",
                      str(row["events"]), str(row["mentions"]), ", ".join(others))
    out.print(table)


def show(
    key: Annotated[str, typer.Argument(metavar="ID", help="An event id or a canonical id")],
    db: DbOption = Path(DEFAULT_PATH), as_json: JsonOption = False,
) -> None:
    """One event with its evidence sentences and all its sources."""
    with _open(db) as chronicle:
        found = chronicle.event(key)
    if found is None:
        report(KronikError(f"{db}: no event with id '{key}'"))
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
    query: Annotated[str, typer.Argument(metavar="WORDS", help="Words to find in articles and quotes")],
    limit: Limit = 20, db: DbOption = Path(DEFAULT_PATH), as_json: JsonOption = False,
) -> None:
    """Articles and quotes containing the words, with their article's title and date."""
    with _open(db) as chronicle:
        rows = chronicle.search(query, limit)
    if as_json:
        _print_json(rows)
        return
    table = Table(title=f"'{query}'")
    for column in ("kind", "date", "title", "speaker", "text"):
        table.add_column(column)
    for row in rows:
        table.add_row(row["kind"], (row["published"] or "")[:10], row["title"] or row["source"],
                      row["speaker"] or "", row["snippet"])
    out.print(table)


def stats(db: DbOption = Path(DEFAULT_PATH), as_json: JsonOption = False) -> None:
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
    output: Annotated[Path | None, typer.Option("-o", "--output", metavar="FILE", help="Write here instead of standard output")] = None,
    country: Country = None, actor: Actor = None, type_: Type = None, mode: Mode = None,
    status: Status = None, start: From = None, end: To = None,
    db: DbOption = Path(DEFAULT_PATH),
) -> None:
    """Export canonical events, one row each with its sources (or the document records)."""
    from kronik.store.export import write

    filters = _filters(country, actor, type_, status, start, end, mode)
    if fmt is ExportFormat.parquet and output is None:
        report(KronikError("--format parquet needs -o FILE"))
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
            report(KronikError(f"{output}: cannot write ({exc.strerror or exc})"))
            raise typer.Exit(2) from None


def register(app: typer.Typer) -> None:
    """Add the chronicle commands to the ``kronik`` CLI."""
    for command in (ingest, timeline, dyad, actors, show, search, stats, export):
        app.command(cls=KronikCommand)(command)
