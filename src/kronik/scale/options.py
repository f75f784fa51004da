"""Command-line options that several ``kronik`` commands share, defined once so that they read
the same everywhere: the input paths and engine options of ``extract`` and ``ingest``, the
chronicle database (``--db``) of the store, live and web commands, the transaction size
(``--batch``) of ``ingest`` and ``watch``, ``--json`` of the commands that print tables, and the
alert ``--webhook`` of ``watch`` and ``serve``."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kronik.scale import Engine

PathsArgument = Annotated[list[Path], typer.Argument(metavar="PATHS", help="Files or folders (.txt, .html, .jsonl)")]
EngineOption = Annotated[Engine, typer.Option(
    "--engine", help="local: extract in this process; ray: in Ray tasks (a local Ray, or --ray-address)")]
WorkersOption = Annotated[int | None, typer.Option(
    "--workers", min=1, help="CPUs of the local Ray that --engine ray starts (default: all)")]
RayAddressOption = Annotated[str | None, typer.Option(
    "--ray-address", help="Use this Ray cluster instead of starting one ('auto', 'ray://host:10001')")]
JobsOption = Annotated[int | None, typer.Option(
    "--jobs", "-j", min=1, show_default="one per core",
    help="worker processes of the local engine; output is the same and in input order")]
# The default is ``kronik.store.DEFAULT_PATH``, given where the option is used.
DbOption = Annotated[Path, typer.Option("--db", metavar="FILE", help="The chronicle database file")]
BatchOption = Annotated[int, typer.Option(
    "--batch", min=1, help="Articles stored per transaction (a crash redoes at most one batch)")]
JsonOption = Annotated[bool, typer.Option("--json", help="JSON for machines instead of a table")]
WebhookOption = Annotated[str | None, typer.Option("--webhook", help="POST each new alert as JSON to this URL")]
