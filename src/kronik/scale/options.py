"""Command-line options for choosing the engine, shared by ``kronik extract`` and ``ingest``."""
from __future__ import annotations

from typing import Annotated

import typer

from kronik.scale import Engine

EngineOption = Annotated[Engine, typer.Option(
    "--engine", help="local: extract in this process; ray: in Ray tasks (a local Ray, or --ray-address)")]
WorkersOption = Annotated[int | None, typer.Option(
    "--workers", min=1, help="CPUs of the local Ray that --engine ray starts (default: all)")]
RayAddressOption = Annotated[str | None, typer.Option(
    "--ray-address", help="Use this Ray cluster instead of starting one ('auto', 'ray://host:10001')")]
JobsOption = Annotated[int | None, typer.Option(
    "--jobs", "-j", min=1, show_default="one per core",
    help="worker processes of the local engine; output is the same and in input order")]
