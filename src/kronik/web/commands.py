"""The ``kronik serve`` command: the web interface over a chronicle, on localhost by default.

``register(app)`` adds it to ``kronik.cli.app``. The web stack (FastAPI, uvicorn) is imported
only when the command runs, so the rest of the CLI starts as fast as before.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kronik.scale.options import DbOption, WebhookOption
from kronik.store import DEFAULT_PATH


def serve(
    db: DbOption = Path(DEFAULT_PATH),
    host: Annotated[str, typer.Option("--host", help="Address to listen on (localhost only by default)")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port")] = 8000,
    token: Annotated[str | None, typer.Option("--token", envvar="KRONIK_TOKEN", show_envvar=True,
                                              help="Enables ingest for requests carrying it; without it the server is read-only")] = None,
    allowed_host: Annotated[list[str] | None, typer.Option(
        "--allowed-host", metavar="NAME",
        help="A host name the server answers to (repeatable; '*' for any). "
             "Loopback names and the --host address always are")] = None,
    watch: Annotated[list[Path] | None, typer.Option("--watch", help="Ingest new articles from this folder while serving (repeatable)")] = None,
    feed: Annotated[list[str] | None, typer.Option("--feed", help="Ingest new items of this RSS/Atom feed while serving (repeatable)")] = None,
    alerts: Annotated[Path | None, typer.Option("--alerts", help="Alert rules (YAML) for --watch/--feed; the default rules otherwise")] = None,
    webhook: WebhookOption = None,
) -> None:
    """Serve the chronicle in the browser: timeline, dyads, network, events, articles, search."""
    import uvicorn

    from kronik.store import Chronicle
    from kronik.web.app import create_app

    live = None
    if watch or feed:  # one process owns the chronicle: its writer ingests, pages read
        from kronik.live.runner import LiveChronicle

        live = LiveChronicle(db, [str(w) for w in watch or []], feed, alerts, webhook).start()
        chronicle = live.chronicle
    else:
        chronicle = Chronicle.open(db, read_only=not token)
    try:
        app = create_app(chronicle, token=token, allowed_hosts=allowed_hosts(host, allowed_host))
        app.state.writer = live.writer if live else None
        mode = "ingest enabled for requests with the token" if token else "read-only"
        typer.echo(f"Kronik: serving {db} on http://{host}:{port}/, {mode}; Ctrl+C stops",
                   err=True)
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        live.close() if live else chronicle.close()


def allowed_hosts(listen: str, named: list[str] | None) -> tuple[str, ...]:
    """The host names a server answers to: loopback names, the address it listens on (unless
    that is every interface) and the names given with ``--allowed-host``."""
    from kronik.web.app import LOOPBACK_HOSTS

    own = () if listen in ("0.0.0.0", "::", "") else (listen.strip("[]"),)
    return tuple(dict.fromkeys((*LOOPBACK_HOSTS, *own, *(named or ()))))


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the ``kronik`` command line."""
    app.command()(serve)
