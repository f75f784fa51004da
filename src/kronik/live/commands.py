"""The ``kronik watch`` and ``kronik alerts`` commands; ``register(app)`` adds them to the CLI."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.live import Live
from rich.table import Table

from kronik.console import report
from kronik.errors import KronikError
from kronik.scale.options import BatchOption, DbOption, JsonOption, WebhookOption
from kronik.store import BATCH_DOCUMENTS, DEFAULT_PATH

Feeds = Annotated[list[str] | None, typer.Option("--feed", help="An RSS or Atom feed URL or file (repeatable)")]
Alerts = Annotated[Path | None, typer.Option("--alerts", help="Alert rules (YAML); the default rules otherwise")]
Interval = Annotated[float, typer.Option("--interval", help="Seconds between two polls of a feed")]
# The terminal's status line is redrawn this many times a second.
REFRESH_PER_SECOND = 2


def status_table(status: dict) -> Table:
    """The live status as one Rich table: what is watched, queued, ingested, failed."""
    table = Table(title="kronik watch (Ctrl+C stops)", show_header=False)
    table.add_row("watching", ", ".join(status["watching"]) or "-")
    table.add_row("queued", str(status["queued"]))
    table.add_row("ingested (last hour)", str(status["ingested_last_hour"]))
    table.add_row("failed (last hour)", str(status["failed_last_hour"]))
    for failure in status["failures"][-5:]:
        table.add_row("", f"[red]{failure}[/red]")
    return table


def watch(
    folders: Annotated[list[Path] | None, typer.Argument(help="Folders to watch, recursively")] = None,
    db: DbOption = Path(DEFAULT_PATH), feed: Feeds = None, alerts: Alerts = None,
    webhook: WebhookOption = None, interval: Interval = 300.0, batch: BatchOption = BATCH_DOCUMENTS,
    once: Annotated[bool, typer.Option("--once", help="Store what the folders hold that is not stored yet, then stop")] = False,
) -> None:
    """Ingest new and changed articles from folders (and feeds) as they arrive, until stopped."""
    from kronik.live.runner import LiveChronicle

    try:
        live = LiveChronicle(db, [str(f) for f in folders or []], feed, alerts, webhook, interval, batch)
    except KronikError as exc:
        report(exc)
        raise typer.Exit(2) from None
    if once:
        live.catch_up()
        live.close(drain=True)
        status = live.writer.status().to_dict()
        sys.stdout.write(json.dumps(status | {"stopped": True}) + "\n")
        return
    console = Console(stderr=True)
    with live, Live(status_table(live.writer.status().to_dict()), console=console,
                    refresh_per_second=REFRESH_PER_SECOND) as screen:
        try:
            while True:
                time.sleep(1 / REFRESH_PER_SECOND)
                screen.update(status_table(live.writer.status().to_dict()))
        except KeyboardInterrupt:
            pass


def alerts(
    db: DbOption = Path(DEFAULT_PATH),
    limit: Annotated[int, typer.Option("--limit", help="At most this many, newest first")] = 50,
    as_json: JsonOption = False,
) -> None:
    """The alerts raised by the rules, newest first, with the events and articles behind them."""
    from kronik.live.alerts import stored_alerts
    from kronik.store import Chronicle

    try:
        with Chronicle.open(db, read_only=True) as chronicle:
            found = stored_alerts(chronicle, limit)
    except KronikError as exc:
        report(exc)
        raise typer.Exit(2) from None
    if as_json:
        sys.stdout.write(json.dumps(found, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(title=f"{len(found)} alerts")
    for column in ("raised", "alert", "events", "articles"):
        table.add_column(column)
    for alert in found:
        table.add_row(alert["created_at"], alert["title"], ", ".join(alert["events"]),
                      ", ".join(alert["articles"]))
    Console().print(table)


def register(app: typer.Typer) -> None:
    app.command()(watch)
    app.command()(alerts)
