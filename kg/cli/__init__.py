"""The ``kg`` command line: parse options, call one library function, report in one line.

Every ``KgError`` becomes a one-line message naming the file and the reason;
per-file problems are reported and the other files still build.

Start-up is kept short (issue 13): this module imports only click and the light
``kg`` modules. Each command imports what it runs inside its body, so spaCy and
the pipeline are loaded by the commands that extract (build, eval, explain) and
by no other. The shell conventions every command follows (stdout and stderr,
``-``, ``-o``, ``-q``/``-v``) are in ``kg.shell``.
"""

from __future__ import annotations

import click

from kg import __version__
from kg.cli.build import build_command
from kg.cli.evaluate import eval_command
from kg.cli.graph import explain_command, load_command, query_command, validate_command, view_command
from kg.shell import verbosity_options


@click.group(epilog="\b\nShell completion: add to ~/.bashrc (zsh: zsh_source, to ~/.zshrc)\n"
                    "  eval \"$(_KG_COMPLETE=bash_source kg)\"\n"
                    "fish: _KG_COMPLETE=fish_source kg | source")
@click.version_option(__version__, prog_name="kg")
@verbosity_options
def cli() -> None:
    """Build a knowledge graph from Chinese news articles.

    Start with `kg build`: it reads a folder of UTF-8 .txt articles and writes
    the graph as RDF (Turtle, N-Triples, N-Quads, TriG, JSON-LD) and GraphML,
    GEXF and CSV tables (for Gephi) into out/.
    """


for _command in (build_command, eval_command, explain_command, validate_command, view_command, query_command,
                 load_command):
    cli.add_command(_command)
