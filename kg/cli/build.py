"""``kg build``: read, extract, link and write a corpus, and report it in a few lines."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kg.errors import KgError, NoDocumentsError
from kg.labels import LABELS
from kg.shell import (
    QUIET,
    Deferred,
    FormatChoice,
    LegacyOutCommand,
    detail,
    note,
    verbosity,
    verbosity_options,
)

if TYPE_CHECKING:
    from kg.link.aliases import Aliases

DEFAULT_INPUT = Path("seeds")


def read_aliases(path: Path | None) -> Aliases:
    """The corrections file's content (none if no file), or a one-line error naming it."""
    from kg.link.aliases import Aliases, load_aliases

    if path is None:
        return Aliases()
    try:
        return load_aliases(path)
    except KgError as exc:
        raise click.ClickException(str(exc)) from exc


@click.command("build", cls=LegacyOutCommand)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", default=Path("out"), show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Folder to write the graph files into.")
@click.option("--base", default=Deferred("kg.namespaces", "DEFAULT_BASE"), show_default=True,
              help="Namespace for entity, document and mention IRIs (ends with / or #).")
@click.option("--province", default="福建省", show_default=True,
              help="Province a bare 省 prefix refers to (the paper's province).")
@click.option("--format", "formats", multiple=True, type=FormatChoice(),
              help="Output format; repeat for several. Default: all of them.")
@click.option("--aliases", "aliases_file", type=click.Path(path_type=Path),
              help="Corrections to linking: names to merge or keep apart (TOML or TSV; see README).")
@click.option("--publisher", default=None,
              help="The paper's full name, for bylines (本报记者 X). Default: the newspaper the articles name most.")
@click.option("--encoding", default=None, metavar="NAME",
              help="Read every input in this encoding (e.g. gb18030, big5, utf-16). Default: detect per file.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="N",
              help="Processes that extract (each loads the pipeline, ~300 MiB). Default: the cores this "
                   "process may use; a small corpus is extracted in this process whatever N is.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Extract on a Dask cluster (tcp://HOST:8786) instead of local processes; needs kg[dask].")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of the extraction cache.  [default: .OUT.cache beside --out]")
@click.option("--no-cache", is_flag=True, help="Extract every document again, and store nothing.")
@verbosity_options
def build_command(
    paths: tuple[Path, ...], out_dir: Path, base: str, province: str, formats: tuple[str, ...],
    aliases_file: Path | None, publisher: str | None, encoding: str | None,
    jobs: int | None, scheduler: str | None, cache_dir: Path | None, no_cache: bool,
) -> None:
    """Build the graph of PATHS (files or folders of .txt articles; default: seeds/).

    \b
    Writes into --out:
      graph.ttl      RDF Turtle: entities, mentions with offsets (NIF), roles (W3C ORG)
      graph.nt       the same as N-Triples
      graph.nq       the same as N-Quads: a named graph per article + the corpus's
      graph.trig     the same named graphs as TriG
      graph.jsonld   the same as JSON-LD (context inline)
      graph.graphml  entities and weighted relations, coloured, sized, laid out, for Gephi
      graph.gexf     the same as GEXF (Gephi's own format, viz attributes)
      nodes.csv      node table for Gephi's spreadsheet import
      edges.csv      edge table for Gephi's spreadsheet import
      explain.jsonl  why each name was linked, and where each article is set (kg explain)

    A file that cannot be read or processed is reported on one line and
    skipped; the others still build. OUT is a link to the finished build in
    .OUT.builds/ beside it: a new build replaces it whole or not at all, even if
    killed; a second build into the same OUT stops at once.

    \b
    Extraction runs in --jobs processes (or on a Dask cluster with --scheduler),
    and keeps each article's result in a cache (.OUT.cache/ beside OUT), so a
    rebuild extracts only new or changed articles; the output is the same.
    """
    from kg.atomic import Interrupted, stop_on_signals
    from kg.build import BuildSettings, build
    from kg.cache import default_cache_dir
    from kg.export import WRITERS
    from kg.parallel import default_jobs
    from kg.progress import TerminalProgress, silent

    inputs = list(paths) or [DEFAULT_INPUT]
    settings = BuildSettings(
        base=base,
        province=province,
        formats=formats or tuple(sorted(WRITERS)),
        aliases=read_aliases(aliases_file),
        publisher=publisher,
        encoding=encoding,
        jobs=jobs or default_jobs(),
        scheduler=scheduler,
        cache=None if no_cache else cache_dir or default_cache_dir(out_dir),
    )
    progress = silent if verbosity() == QUIET else TerminalProgress(sys.stderr)

    try:
        with stop_on_signals():
            report = build(inputs, out_dir, settings, progress=progress)
    except Interrupted as exc:
        state = "the new build was already in place" if exc.published else "it still holds the previous build"
        click.echo(f"kg: stopped by {exc}; nothing half-written is left in {out_dir} ({state})", err=True)
        raise SystemExit(128 + exc.signum) from exc
    except NoDocumentsError as exc:
        for err in exc.errors:
            click.echo(f"Error: {err}", err=True)
        click.echo(f"kg: {exc}", err=True)
        raise SystemExit(1) from exc
    except KgError as exc:
        raise click.ClickException(str(exc)) from exc
    for err in report.errors:
        click.echo(f"Error: {err}", err=True)
    counts = report.entity_counts()
    click.echo(
        f"{len(report.graph.documents)} documents, "
        + ", ".join(f"{counts.get(label, 0)} {label}" for label in LABELS)
        + f" entities, {report.links} links, {report.triples} triples,"
        + f" {len(report.violations)} SHACL violations, {report.seconds:.1f} s"
    )
    not_utf8 = report.not_utf8()
    if not_utf8:
        click.echo(f"{len(not_utf8)} file{'s were' if len(not_utf8) > 1 else ' was'} not UTF-8: "
                   + ", ".join(f"{Path(source).name} ({enc})" for source, enc in not_utf8))
    for violation in report.violations:
        click.echo(f"Violation: {violation}", err=True)
    for path in report.written:
        note(f"  wrote {path}")
    where = settings.scheduler or f"--jobs {settings.jobs}"
    detail(f"extracted {report.extracted} documents ({where}), {report.cached} from the cache "
           f"({settings.cache or 'none'}); " + ", ".join(f"{stage} {secs:.1f} s" for stage, secs in report.stages))
    if report.errors:
        raise SystemExit(1)
