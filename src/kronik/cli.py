"""The ``kronik`` command line: extract articles, build and query the chronicle."""
from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, ContextManager, TextIO

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from kronik.batch import extract_paths
from kronik.console import errors, note, report
from kronik.errors import InputError, KronikError
from kronik.identity import link_documents
from kronik.jsontext import dumps, dumps_indented
from kronik.reader import InputWarning, Skipped, iter_paths
from kronik.scale import Engine, Extractor, extractor
from kronik.scale.options import EngineOption, JobsOption, PathsArgument, RayAddressOption, WorkersOption
from kronik.scale.parquet import write_parquet
from kronik.scale.records import Record, linked_line, record_of
from kronik.store.commands import KronikCommand

app = typer.Typer(help="Kronik: a chronicle of political events from news articles.",
                  no_args_is_help=True, add_completion=False)

# Below this many files a progress bar is more noise than help.
PROGRESS_MIN_FILES = 20


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"


class ExtractionRun:
    """Extraction of all inputs with a progress bar: documents (or what the extractor makes of
    them) are yielded one by one as they come, each failure is reported on its own line as it
    happens, and ``failures`` counts them."""

    def __init__(self, paths: list[Path], extract: Extractor = extract_paths):
        self.paths = paths
        self.extract = extract
        self.failures = 0
        self.documents = 0

    def __iter__(self) -> Iterator[Any]:
        total = sum(1 for item in iter_paths(self.paths) if not isinstance(item, InputError))
        show = total >= PROGRESS_MIN_FILES and errors.is_terminal
        columns = (TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        with Progress(*columns, console=errors, disable=not show) as progress:
            task = progress.add_task("extract", total=total)
            for item in self.extract(self.paths):
                if isinstance(item, InputError):
                    self.failures += 1
                    report(item)
                elif isinstance(item, Skipped):
                    note(item)
                    if isinstance(item, InputWarning):
                        continue  # its article comes next
                else:
                    self.documents += 1
                    yield item
                progress.advance(task)


def write_linked(records: Iterable[Record], handle: TextIO, fmt: OutputFormat) -> None:
    """Write ``records`` with their events linked across documents, holding only the events
    in memory: each record's line goes to a spool file as its document is extracted, and is
    written out with its canonical ids once every document has been linked."""
    linked: list[Record] = []  # each record's events and written ids; its line is in the spool
    with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
        for record in records:
            spool.write(record.line + "\n")
            linked.append(Record("", record.events, record.written))
        link_documents(linked)
        spool.seek(0)
        lines = (linked_line(line[:-1], item.events, item.written) for line, item in zip(spool, linked))
        if fmt is OutputFormat.json:
            write_records((json.loads(line) for line in lines), handle, fmt)
        else:
            handle.writelines(line + "\n" for line in lines)


@app.callback()
def kronik() -> None:
    """Kronik: a chronicle of political events from news articles."""


@app.command(cls=KronikCommand)
def extract(
    paths: PathsArgument,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here instead of standard output")] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", help="jsonl: one record a line; json: one array")] = OutputFormat.jsonl,
    parquet: Annotated[Path | None, typer.Option("--parquet", help="Also write Parquet partitioned by month to this folder (without -o: instead of standard output)")] = None,
    engine: EngineOption = Engine.local,
    workers: WorkersOption = None,
    ray_address: RayAddressOption = None,
    jobs: JobsOption = None,
) -> None:
    """Extract document records (events, quotes, entities, dates) from articles."""
    finish = record_of if parquet is None else None
    run = ExtractionRun(paths, extractor(engine, workers, ray_address, jobs, finish))
    with output_target(output, parquet) as handle:
        if parquet is None:
            write_linked(run, handle, fmt)
        else:  # Parquet partitions are written whole
            docs = list(run)
            link_documents(docs)
            records = [doc.to_dict() for doc in docs]
            write_parquet(records, parquet)
            if handle is not None:
                write_records(records, handle, fmt)
    if run.failures:
        errors.print(f"{run.failures} input(s) failed, {run.documents} extracted", highlight=False)
        raise typer.Exit(1)


def output_target(output: Path | None, parquet: Path | None) -> ContextManager[TextIO | None]:
    """Where the records go: ``output``, standard output, or nowhere (Parquet only).

    ``output`` is opened here, before any extraction, so that a path that cannot be written
    is reported at once rather than after the whole batch.
    """
    if output is None:
        return nullcontext(None if parquet is not None else sys.stdout)
    try:
        return output.open("w", encoding="utf-8")
    except (OSError, ValueError) as exc:
        report(KronikError(f"{output}: cannot write ({getattr(exc, 'strerror', None) or exc})"))
        raise typer.Exit(2) from None


def write_records(records: Iterable[dict], handle: TextIO, fmt: OutputFormat) -> None:
    """The records as JSON Lines or one JSON array, to an open text ``handle``, one record at
    a time."""
    if fmt is OutputFormat.json:
        handle.write("[")
        for number, record in enumerate(records):
            handle.write(("," if number else "") + "\n" + dumps_indented(record))
        handle.write("\n]\n")
    else:
        for record in records:
            handle.write(dumps(record) + "\n")


from kronik.live.commands import register as register_live_commands  # noqa: E402
from kronik.store.commands import register as register_store_commands  # noqa: E402
from kronik.web.commands import register as register_web_commands  # noqa: E402

register_store_commands(app)
register_web_commands(app)
register_live_commands(app)


def main() -> None:
    """Entry point: run the CLI, turning Kronik errors into one-line messages."""
    try:
        app()
    except KronikError as exc:
        report(exc)
        sys.exit(2)
