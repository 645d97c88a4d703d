"""What the command-line commands share: the usage error (exit code 2) and the rich console they print through."""

from __future__ import annotations


class UsageError(Exception):
    """A command used wrongly (bad option, missing folder): printed as one line, exit code 2."""


def _console(stream):
    from rich.console import Console

    return Console(file=stream, highlight=False)
