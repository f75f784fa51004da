"""Errors Kronik reports to its users: each names what went wrong and, where known, the file."""
from __future__ import annotations


class KronikError(Exception):
    """Base class: a problem the user can act on, shown as one line without a traceback."""


class PipelineError(KronikError):
    """The pipeline was built or called wrongly (a stage is missing, a date is malformed)."""


class InputError(KronikError):
    """An input file could not be read as an article."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self):
        """Rebuilt from its source and reason when it crosses to another process."""
        return InputError, (self.source, self.reason)


class StoreError(KronikError):
    """The chronicle database could not be opened, migrated or written."""
