"""What the command line tells a person on standard error: one line per error, warning or
note, never a traceback.

The library never prints; ``kronik.cli`` and the store and live commands print through here,
so that an input passed over reads the same whichever command read it.
"""
from __future__ import annotations

from rich.console import Console

from kronik.errors import InputError, KronikError
from kronik.reader import InputWarning, Skipped

errors = Console(stderr=True)


def report(error: InputError | KronikError) -> None:
    """One line on standard error: the file and the problem, never a traceback."""
    errors.print(f"[red]error:[/red] {error}", highlight=False, markup=True, soft_wrap=True)


def note(item: Skipped) -> None:
    """One line on standard error for an input passed over: a warning where the article itself
    is still read (``InputWarning``, its article follows), a note where a file is skipped."""
    if isinstance(item, InputWarning):
        errors.print(f"warning: {item.source}: {item.reason}", highlight=False)
    else:
        errors.print(f"note: {item.source}: skipped, {item.reason}", highlight=False)
