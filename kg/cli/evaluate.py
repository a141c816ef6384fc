"""``kg eval``: scores against gold files (development and check splits) and public BIO sets."""

from __future__ import annotations

from pathlib import Path

import click

from kg.errors import KgError
from kg.shell import (
    verbosity_options,
)

#: The check split of the domain articles, for `kg eval --check` (``*_01``-``*_07`` are development).
DEFAULT_CHECK = "*_08.*,*_09.*,*_10.*"


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


@click.command("eval")
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
