"""What the command-line commands share: the usage error (exit code 2) and the rich console they print through."""

from __future__ import annotations


class UsageError(Exception):
    """A command used wrongly (bad option, missing folder): printed as one line, exit code 2."""


COLOR = "auto"
"""``--color``: auto (colour on a terminal, none when piped or with NO_COLOR), always, never."""


def _console(stream):
    from rich.console import Console

    if COLOR == "always":
        return Console(file=stream, highlight=False, force_terminal=True)
    if COLOR == "never":
        return Console(file=stream, highlight=False, no_color=True)
    return Console(file=stream, highlight=False)


def _plain(*texts: str):
    """Text shown as it is in a rich table (a title holding ``[/]`` or ``[b]`` is not markup)."""
    from rich.markup import escape

    return escape(texts[0]) if len(texts) == 1 else [escape(t) for t in texts]
