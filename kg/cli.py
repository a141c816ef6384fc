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

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kg import __version__
from kg.errors import KgError, NoDocumentsError
from kg.labels import LABELS
from kg.shell import (
    BUILD_FOLDER,
    DASH,
    QUIET,
    Deferred,
    FormatChoice,
    LegacyOutCommand,
    detail,
    note,
    since,
    verbosity,
    verbosity_options,
)

if TYPE_CHECKING:
    from kg.link.aliases import Aliases

DEFAULT_INPUT = Path("seeds")
#: The check split of the domain articles, for `kg eval --check` (``*_01``-``*_07`` are development).
DEFAULT_CHECK = "*_08.*,*_09.*,*_10.*"

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


def _aliases(path: Path | None) -> Aliases:
    """The corrections file's content (none if no file), or a one-line error naming it."""
    from kg.link.aliases import Aliases, load_aliases

    if path is None:
        return Aliases()
    try:
        return load_aliases(path)
    except KgError as exc:
        raise click.ClickException(str(exc)) from exc


@cli.command("build", cls=LegacyOutCommand)
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
        aliases=_aliases(aliases_file),
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


def _config_overrides(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> dict:
    """``section.key=value`` pairs as spaCy's ``load_config`` overrides; values are JSON where they parse
    (``0.9``, ``null``, ``true``), strings otherwise (a model's path)."""
    import json

    overrides: dict = {}
    for item in values:
        key, sep, value = item.partition("=")
        if not sep or "." not in key:
            raise click.BadParameter(f"{item!r} is not SECTION.KEY=VALUE", ctx=ctx, param=param)
        try:
            overrides[key] = json.loads(value)
        except ValueError:
            overrides[key] = value
    return overrides


@cli.command("eval")
@click.argument("gold_dir", required=False, type=click.Path(path_type=Path))
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--province", default="福建省", show_default=True,
              help="Province a bare 省 prefix refers to in an article that names no other (the paper's).")
@click.option("--errors", "show_errors", is_flag=True,
              help="Also list false positives and negatives (with --check: of the development split only).")
@click.option("--check", "check", is_flag=False, flag_value=DEFAULT_CHECK, default=None,
              metavar="PATTERNS",
              help="Score a development and a check split side by side: gold files matching these comma-separated "
                   "patterns are the check split, the others development. Alone: " + DEFAULT_CHECK)
@click.option("--bio", "bio_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Score the extractor on a character-per-line BIO file instead (GOLD_DIR optional).")
@click.option("--limit", type=click.IntRange(min=1), help="With --bio: only the first N sentences.")
@click.option("--set", "settings", multiple=True, metavar="SECTION.KEY=VALUE", callback=_config_overrides,
              help="Override a value of the pipeline's config, as spaCy's CLI does (repeatable), e.g. "
                   "components.kg_tagger.model=/tmp/ner-dev.crfsuite to score another model.")
@verbosity_options
def eval_command(gold_dir: Path | None, paths: tuple[Path, ...], province: str, show_errors: bool,
                 check: str | None, bio_file: Path | None, limit: int | None, settings: dict) -> None:
    """Score the graph of PATHS (default: seeds/) against the gold files in GOLD_DIR.

    \b
    Builds the graph in memory (nothing is written) and prints precision,
    recall, F1 and support per type (PER ORG LOC PROG DOC, micro), pairwise
    linking scores and role, suborg, organizer and partner relation scores. With --check,
    one graph of all PATHS is scored on the development and the check gold files in
    two columns (errors never of the check split). With --bio FILE, scores
    exact PER/LOC/ORG spans on a public BIO set and the extraction speed.

    \b
    kg eval ../shared/data/domain/gold ../shared/data/domain/texts --check
    """
    from kg import evaluate
    from kg.build import BuildSettings, make_graph
    from kg.nlp import load_nlp

    if gold_dir is None and bio_file is None:
        raise click.UsageError("give GOLD_DIR, or --bio FILE")
    try:
        if bio_file is not None:
            click.echo(evaluate.format_bio(evaluate.score_bio(load_nlp(settings), bio_file, limit), show_errors))
        if gold_dir is not None:
            gold = evaluate.load_gold(gold_dir)
            graph, read_errors = make_graph(list(paths) or [Path("seeds")],
                                            BuildSettings(province=province, nlp_overrides=settings))
            for err in read_errors:
                click.echo(f"Error: {err}", err=True)
            missing = sorted(set(gold) - {d.doc_id for d in graph.documents})
            if missing:
                click.echo(f"Warning: {len(missing)} gold document(s) not among the inputs, not scored: "
                           + ", ".join(missing), err=True)
            if bio_file is not None:
                click.echo()
            if check is not None:
                dev, held_out = evaluate.split_gold(gold, check)
                click.echo(evaluate.format_split(evaluate.score_all(graph, dev), evaluate.score_all(graph, held_out),
                                                 show_errors))
            else:
                click.echo(evaluate.format_gold(evaluate.score_mentions(graph, gold),
                                                evaluate.score_linking(graph, gold),
                                                evaluate.score_relations(graph, gold), show_errors))
    except KgError as exc:
        raise click.ClickException(str(exc)) from exc


@cli.command("explain")
@click.argument("name")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", **BUILD_FOLDER)
@click.option("--province", default=None, metavar="TEXT",
              help="With PATHS: province a bare 省 prefix refers to in an article that names no other "
                   "(default: as for build).")
@click.option("--base", default=None, metavar="TEXT", help="With PATHS: namespace of the IRIs shown.")
@click.option("--aliases", "aliases_file", type=click.Path(path_type=Path),
              help="With PATHS: corrections file, as for build.")
@verbosity_options
def explain_command(name: str, paths: tuple[Path, ...], out_dir: Path, province: str | None, base: str | None,
                    aliases_file: Path | None) -> None:
    """Show how NAME was linked: its entity, variants, and for each variant the rule
    and the sentence that linked it; where each of its articles is set (the province,
    city, county a bare 省/市/县 takes there) with the places and bodies that said so;
    and its relations.

    \b
    Reads the build in --out (its explain.jsonl), as the build linked it: no
    extraction. With PATHS (as for `kg build`), extracts and links them instead,
    with --province, --base and --aliases, and explains that graph."""
    from kg.explain import explain_build, explain_paths

    if not paths and (province, base, aliases_file) != (None, None, None):
        raise click.UsageError("--province, --base and --aliases go with PATHS; a build is explained as built")
    start = time.perf_counter()
    try:
        if paths:
            text, errors = explain_paths(list(paths), name, province, base, _aliases(aliases_file))
        else:
            text, errors = explain_build(out_dir, name), []
    except KgError as exc:
        raise click.ClickException(str(exc)) from exc
    for err in errors:
        click.echo(f"Error: {err}", err=True)
    click.echo(text)
    detail(f"{'extracted and linked PATHS' if paths else f'read {out_dir}'} in {since(start)}")


@cli.command("validate", cls=LegacyOutCommand)
@click.option("--out", "out_dir", **BUILD_FOLDER)
@verbosity_options
def validate_command(out_dir: Path) -> None:
    """Check the graph in OUT (graph.nt, else graph.ttl) against the SHACL shapes
    (kg/ontology/shapes.ttl).

    Prints one line per violation (node: rule) on stderr, like `kg build`, and
    the count on stdout; exits 1 if there is any violation."""
    from kg.validate import read_build, validate

    start = time.perf_counter()
    try:
        path, triples = read_build(out_dir)
    except KgError as exc:
        raise click.ClickException(str(exc)) from exc
    detail(f"read {len(triples)} triples from {path} in {since(start)}")
    start = time.perf_counter()
    violations = validate(triples)
    detail(f"checked the shapes in {since(start)}")
    for violation in violations:
        click.echo(f"Violation: {violation}", err=True)
    click.echo(f"{path}: {len(triples)} triples, {len(violations)} SHACL violations")
    if violations:
        raise SystemExit(1)


@cli.command("view")
@click.option("--out", "out_dir", **BUILD_FOLDER)
@click.option("--output", "-o", "output", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
              help="The HTML file to write; - for stdout.  [default: OUT/graph.html]")
@verbosity_options
def view_command(out_dir: Path, output: Path | None) -> None:
    """Write the graph in OUT as one self-contained HTML page to browse offline.

    \b
    The page draws the entities coloured by type and sized by mentions, with
    their relations; find a name or variant in its search box (or open
    graph.html#search=NAME), click a node to list its variants, relations and
    the sentences that mention it."""
    from kg.query import load_store
    from kg.view import page_data, render, write_view

    start = time.perf_counter()
    try:
        if output == Path(DASH):
            store, source = load_store(out_dir)
            data = page_data(store)
            sys.stdout.buffer.write(render(data).encode("utf-8"))
            target = "stdout"
        else:
            source, target, data = write_view(out_dir, output)
    except KgError as exc:
        raise click.ClickException(str(exc)) from exc
    detail(f"page of {source} made in {since(start)}")
    summary = f"{source}: {len(data['nodes'])} entities, {len(data['edges'])} relations -> wrote {target}"
    if output == Path(DASH):  # stdout holds the page
        if verbosity() > QUIET:
            click.echo(summary, err=True)
    else:
        note(summary)


@cli.command("query")
@click.argument("query_text", metavar="[QUERY]", required=False)
@click.option("--file", "-f", "query_file", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
              help="Read the query from a file (e.g. queries/posts_in_a_body.rq) instead of QUERY; - for stdin.")
@click.option("--out", "out_dir", **BUILD_FOLDER)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "ttl", "nt"]),
              help="SELECT/ASK: table, or W3C SPARQL results csv, tsv, json. "
                   "CONSTRUCT/DESCRIBE: table (Turtle), ttl, nt. Default: the suffix of -o FILE "
                   "(posts.csv is csv), else table.")
@click.option("--output", "-o", "output_file", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
              help="Write the results to this file instead of printing them (- : stdout).")
@verbosity_options
def query_command(query_text: str | None, query_file: Path | None, out_dir: Path, fmt: str | None,
                  output_file: Path | None) -> None:
    """Run a SPARQL query over the graph built in --out (no server needed).

    \b
    kg query 'SELECT (COUNT(*) AS ?triples) WHERE { ?s ?p ?o }'
    kg query --file queries/posts_in_a_body.rq -o posts.csv   (CSV: the suffix)
    kg query - < queries/posts_in_a_body.rq       (QUERY - or --file -: read stdin)

    Loads OUT/graph.nt (or graph.ttl) into an embedded Oxigraph store."""
    from kg.query import FORMATS, INLINE, STDIN, decode_query, load_store, read_query, run_query

    if (query_text is None) == (query_file is None):
        raise click.UsageError("give a QUERY or --file FILE (one of them; - reads stdin)")
    if fmt is None:  # `-o posts.csv` means CSV, as the shell user who typed it expects
        suffix = "" if output_file is None else output_file.suffix.lower().lstrip(".")
        fmt = suffix if suffix in FORMATS else "table"
    start = time.perf_counter()
    try:
        if query_text == DASH or query_file == Path(DASH):
            query, source = decode_query(sys.stdin.buffer.read(), STDIN), STDIN
        elif query_file is None:
            query, source = query_text, INLINE
        else:
            query, source = read_query(query_file), str(query_file)
        store, path = load_store(out_dir)
        detail(f"loaded {len(store)} triples from {path} in {since(start)}")
        start = time.perf_counter()
        result = run_query(store, query, source, fmt)
    except KgError as exc:
        raise click.ClickException(str(exc)) from exc
    noun = "triple" if result.kind == "graph" else "row"
    counted = "" if result.count is None else f" ({result.count} {noun}{'' if result.count == 1 else 's'})"
    detail(f"ran {source} in {since(start)}{counted}")
    if output_file is None or output_file == Path(DASH):
        click.echo(result.data, nl=False)  # bytes as serialised: CSV keeps its CRLF line ends
        return
    try:
        output_file.write_bytes(result.data)
    except OSError as exc:
        raise click.ClickException(f"{output_file}: cannot be written ({exc.strerror or exc})") from exc
    note(f"  wrote {output_file}")


@cli.command("load", cls=LegacyOutCommand)
@click.option("--endpoint", required=True, metavar="URL",
              help="Graph Store URL: http://HOST:7878/store (Oxigraph), http://HOST:3030/DATASET/data (Fuseki), "
                   "http://HOST:7200/repositories/REPO/rdf-graphs/service (GraphDB), "
                   "http://HOST:8890/sparql-graph-crud-auth (Virtuoso).")
@click.option("--graph", "graph_iri", metavar="IRI", help="Named graph to load into. Default: the default graph.")
@click.option("--append", is_flag=True, help="Add to the graph (POST) instead of replacing it (PUT).")
@click.option("--dataset", is_flag=True,
              help="Send the dataset (graph.nq, one named graph per article), each graph into its own name.")
@click.option("--out", "out_dir", **BUILD_FOLDER)
@click.option("--timeout", default=300.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              help="Seconds to wait for the server's answer to each request.")
@verbosity_options
def load_command(endpoint: str, graph_iri: str | None, append: bool, dataset: bool, out_dir: Path,
                 timeout: float) -> None:
    """Send the graph built in --out to a SPARQL server (SPARQL 1.1 Graph Store HTTP Protocol).

    \b
    Replaces the graph (PUT) unless --append (POST). Credentials come from the
    environment only, never from arguments:
      KG_ENDPOINT_USER, KG_ENDPOINT_PASSWORD   HTTP Digest if the server asks for it, else Basic
      KG_ENDPOINT_TOKEN                        Bearer token"""
    from kg.load import load

    if dataset and graph_iri is not None:
        raise click.UsageError("--dataset sends each graph to its own name; it takes no --graph")
    start = time.perf_counter()
    try:
        report = load(out_dir, endpoint, graph_iri, append=append, dataset=dataset, timeout=timeout)
    except KgError as exc:
        raise click.ClickException(str(exc)) from exc
    detail(f"sent in {since(start)}")
    click.echo(report.summary())
