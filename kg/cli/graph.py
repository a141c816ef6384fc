"""Commands over a built graph: ``kg explain``, ``validate``, ``view``, ``query`` and ``load``."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from kg.cli.build import read_aliases
from kg.errors import KgError
from kg.shell import (
    BUILD_FOLDER,
    DASH,
    QUIET,
    LegacyOutCommand,
    detail,
    note,
    since,
    verbosity,
    verbosity_options,
)


@click.command("explain")
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
            text, errors = explain_paths(list(paths), name, province, base, read_aliases(aliases_file))
        else:
            text, errors = explain_build(out_dir, name), []
    except KgError as exc:
        raise click.ClickException(str(exc)) from exc
    for err in errors:
        click.echo(f"Error: {err}", err=True)
    click.echo(text)
    detail(f"{'extracted and linked PATHS' if paths else f'read {out_dir}'} in {since(start)}")


@click.command("validate", cls=LegacyOutCommand)
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


@click.command("view")
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


@click.command("query")
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


@click.command("load", cls=LegacyOutCommand)
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
