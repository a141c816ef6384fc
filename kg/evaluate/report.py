"""The text reports of ``kg eval``: one table per score, a column group per split, errors on request."""

from __future__ import annotations

from kg.evaluate.bio import BioScores
from kg.evaluate.gold import Report
from kg.evaluate.scores import BIO_TYPES, LINK_KINDS, RELATION_KINDS, TYPES, Counts, Scores

_HEAD = f"{'P':>7}{'R':>7}{'F1':>7}{'support':>9}"


def _cells(c: Counts) -> str:
    return f"{c.precision:7.3f}{c.recall:7.3f}{c.f1:7.3f}{c.support:9d}"


def _table(title: str, scores: Scores, rows: tuple[str, ...], total: str = "micro") -> list[str]:
    items = [(k, scores.per_type[k]) for k in rows] + ([(total, scores.micro)] if total else [])
    return [f"{title:10}{_HEAD}"] + [f"{k:10}{_cells(c)}" for k, c in items]


def _errors(scores: Scores, rows: tuple[str, ...]) -> list[str]:
    lines: list[str] = []
    for key, what in ((key, what) for key in rows for what in ("positives", "negatives")):
        items = getattr(scores, f"false_{what}")[key]
        lines.append(f"{key} false {what} ({len(items)}):")  # a linking error is a pair of doc/type/mention
        lines += ["  " + "  ".join("/".join(c) if isinstance(c, tuple) else str(c) or "-" for c in i) for i in items]
    return lines


def _columns(title: str, reports: list[tuple[str, Report]], part: str, rows: tuple[str, ...], total: str) -> list[str]:
    """One table, a column group per report (a header naming them if there are several)."""
    heads = "".join(f"{f'{name} ({r.documents} docs)':>30}" for name, r in reports)
    lines = [f"{'':10}{heads}"] if len(reports) > 1 else []
    lines.append(f"{title:10}" + _HEAD * len(reports))
    for key in (*rows, *((total,) if total else ())):
        counts = [(s.micro if key == total else s.per_type[key]) for s in (getattr(r, part) for _, r in reports)]
        lines.append(f"{key:10}" + "".join(_cells(c) for c in counts))
    return lines


def _report_lines(reports: list[tuple[str, Report]], errors_of: Report | None) -> str:
    lines = [
        *_columns("mention", reports, "mentions", TYPES, "micro"),
        "",
        *_columns("linking", reports, "links", LINK_KINDS, "all"),
        "",
        *_columns("relation", reports, "relations", RELATION_KINDS, ""),
    ]
    if errors_of is not None:
        e = errors_of
        lines += ["", *_errors(e.mentions, TYPES), *_errors(e.relations, RELATION_KINDS), *_errors(e.links, LINK_KINDS)]
    return "\n".join(lines)


def format_gold(mentions: Scores, links: Scores, relations: Scores, show_errors: bool = False) -> str:
    """The ``kg eval GOLD_DIR`` report: mention, linking-pair and relation tables, and the errors if asked."""
    report = Report(mentions, links, relations, 0)
    return _report_lines([("", report)], report if show_errors else None)


def format_split(dev: Report, check: Report, show_errors: bool = False) -> str:
    """``kg eval --check``: development and check figures side by side, per mention type,
    linking kind and relation kind; errors (if asked) of the development split only,
    since the check split's texts and errors must not be read while writing rules."""
    return _report_lines([("development", dev), ("check", check)], dev if show_errors else None)


def format_bio(bio: BioScores, show_errors: bool = False) -> str:
    """The ``kg eval --bio FILE`` report: exact-span table and extraction speed."""
    speed = f"{bio.sentences} sentences, {bio.chars} chars, {bio.chars / max(bio.seconds, 1e-9):,.0f} chars/s"
    lines = [speed, *_table("type", bio.scores, BIO_TYPES)]
    if show_errors:
        lines += ["", *_errors(bio.scores, BIO_TYPES)]
    return "\n".join(lines)
