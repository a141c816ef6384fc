"""The shell conventions every ``kg`` command follows (issue 14), in one place.

* Results go to stdout, diagnostics to stderr: errors, warnings, violations,
  progress and ``-v`` details, so ``kg query ... > rows.csv`` holds rows only.
* ``-`` as a file to read or write means stdin or stdout (``kg query -``,
  ``--file -``, ``--output -``).
* ``-o`` is ``--output``, on the commands that write one file (``query``, ``view``);
  the build folder is ``--out`` on every command. ``-o DIR`` used to mean the build
  folder: the commands that write no single file (build, validate, load) still take
  it, with a warning (``LegacyOutCommand``).
* ``-q/--quiet`` and ``-v/--verbose`` on the group (``kg -q build``) or on any
  command (``kg build -q``); the last one given wins, so the command's wins.

Start-up matters here too (issue 13): this module imports click only, and the
option values that live in slow modules (``--format``'s writers, ``--base``'s
default) are read from them when click shows or uses them (``Deferred``,
``FormatChoice``), not at every start.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

__all__ = [
    "BUILD_FOLDER",
    "DASH",
    "NORMAL",
    "QUIET",
    "VERBOSE",
    "Deferred",
    "FormatChoice",
    "LegacyOutCommand",
    "detail",
    "note",
    "since",
    "verbosity",
    "verbosity_options",
]

#: On the command line, this file name means stdin (a file read) or stdout (a file written).
DASH = "-"

#: ``--out`` of the commands that read a build.
BUILD_FOLDER = dict(default=Path("out"), show_default=True, type=click.Path(file_okay=False, path_type=Path),
                     help="Folder of a built graph.")

#: ``ctx.meta`` key of the verbosity (``meta`` is shared by the group's and the command's context).
_VERBOSITY = "kg.verbosity"
QUIET, NORMAL, VERBOSE = -1, 0, 1


class Deferred:
    """A constant of a module that is slow to import (``kg.namespaces`` imports rdflib), as an
    option's default: click calls it when the option is used and prints it in ``--help``, so
    the module is imported only then, and the constant keeps its one place of definition."""

    def __init__(self, module: str, name: str) -> None:
        self.module, self.name = module, name

    def __call__(self) -> Any:
        return getattr(importlib.import_module(self.module), self.name)

    def __str__(self) -> str:
        return str(self())


class FormatChoice(click.Choice):
    """``kg build --format``: the writers' names, read from ``kg.export`` (rdflib, networkx,
    numpy) only when the option is parsed, shown or completed, not at every start."""

    def __init__(self) -> None:
        super().__init__(())

    @property
    def choices(self) -> tuple[str, ...]:
        from kg.export import WRITERS

        return tuple(sorted(WRITERS))

    @choices.setter
    def choices(self, _value: Any) -> None:  # click.Choice.__init__ assigns; the writers decide
        pass


class LegacyOutCommand(click.Command):
    """A command reading a build folder, which once took ``-o`` for ``--out``: ``-o DIR`` still
    works, with a warning on stderr, because ``-o`` now means ``--output`` (one file written,
    ``kg query``, ``kg view``) and a command that writes no single file has no ``-o`` of its own."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        rewritten = []
        for i, arg in enumerate(args):
            if arg == "--":
                rewritten.extend(args[i:])
                break
            if arg == "-o" or (arg.startswith("-o") and not arg.startswith("--")):
                click.echo(f"kg {self.name}: -o for the build folder is deprecated; use --out", err=True)
                arg = "--out" if arg == "-o" else "--out=" + arg[2:]
            rewritten.append(arg)
        return super().parse_args(ctx, rewritten)


def _set_verbosity(level: int) -> Callable[[click.Context, click.Parameter, bool], None]:
    def callback(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
        if value:  # the last of -q and -v given wins, the command's over the group's
            ctx.meta[_VERBOSITY] = level

    return callback


def verbosity_options(function: Callable) -> Callable:
    """``-q/--quiet`` and ``-v/--verbose``, on the group and on every command, so both
    ``kg -q build`` and ``kg build -q`` work."""
    quiet = click.option("-q", "--quiet", is_flag=True, expose_value=False, callback=_set_verbosity(QUIET),
                         help="Print only results and errors: no progress, no 'wrote' lines.")
    verbose = click.option("-v", "--verbose", is_flag=True, expose_value=False, callback=_set_verbosity(VERBOSE),
                           help="Also print details on stderr: files read, timings.")
    return quiet(verbose(function))


def verbosity() -> int:
    """QUIET, NORMAL or VERBOSE, as the command line asked."""
    ctx = click.get_current_context(silent=True)
    return NORMAL if ctx is None else ctx.meta.get(_VERBOSITY, NORMAL)


def note(message: str) -> None:
    """A line about what was done (``wrote FILE``) on stdout, unless ``-q``."""
    if verbosity() > QUIET:
        click.echo(message)


def detail(message: str) -> None:
    """A detail for ``-v`` (what was read, how long a step took), on stderr."""
    if verbosity() >= VERBOSE:
        click.echo(f"kg: {message}", err=True)


def since(start: float) -> str:
    """Seconds since ``start`` (``time.perf_counter``), for a ``-v`` timing."""
    return f"{time.perf_counter() - start:.2f} s"
