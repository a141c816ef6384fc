"""One computation per graph, shared by the writers of one build.

``kg.build`` calls each writer in turn with the same frozen ``model.Graph``
(``WRITERS[fmt](graph, stream, base)``). What several writers need (the layout, the
sorted RDF model) is computed by the first that asks and kept on the graph object
itself, as ``model.Graph._index`` keeps its entity index, so the call shape stays the
same and a new graph (``dataclasses.replace``) starts empty. Only compact results are
kept (numpy arrays, term tables): they live as long as the graph does.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from kg import model

__all__ = ["memoised", "remember"]

T = TypeVar("T")

_SLOT = "_export_memo"


def memoised(graph: model.Graph, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()`` the first time ``key`` is asked of ``graph``, the kept value after."""
    memo: dict[Hashable, Any] | None = graph.__dict__.get(_SLOT)
    if memo is None:
        memo = {}
        object.__setattr__(graph, _SLOT, memo)  # frozen dataclass: as Graph._index does
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def remember(graph: model.Graph, key: Hashable, value: object) -> None:
    """Keep ``value`` as ``key``'s on ``graph`` (what ``memoised`` returns for ``key`` from now on)."""
    memoised(graph, key, lambda: value)
    graph.__dict__[_SLOT][key] = value
