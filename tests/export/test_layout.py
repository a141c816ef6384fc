"""The Gephi layout: seeded, linear enough for big corpora, and a drawing (neighbours near)."""

from __future__ import annotations

import time

import numpy as np
import pytest

from kg.export import graphml
from kg.export.graphml import to_networkx
from kg.export.layout import SCALE, layout
from kg.namespaces import DEFAULT_BASE


def two_cliques(size: int) -> list[tuple[int, int]]:
    """Two cliques of ``size`` nodes (0 … size-1 and size … 2·size-1) joined by one edge."""
    edges = [(a, b) for start in (0, size) for a in range(start, start + size) for b in range(a + 1, start + size)]
    return [*edges, (0, size)]


def test_layout_is_the_same_every_time_and_fills_the_extent():
    edges = two_cliques(8)
    first = layout(16, edges)
    assert first.shape == (16, 2)
    assert np.array_equal(first, layout(16, list(edges)))
    assert np.abs(first).max() == SCALE
    assert len({tuple(p) for p in first}) == 16  # no two nodes on one spot


def test_layout_draws_each_clique_apart_from_the_other():
    pos = layout(16, two_cliques(8))
    within = np.mean([np.linalg.norm(pos[a] - pos[b]) for a, b in two_cliques(8)[:-1]])
    across = np.mean([np.linalg.norm(pos[a] - pos[b]) for a in range(8) for b in range(8, 16)])
    assert within < across / 2


@pytest.mark.parametrize("count", [0, 1, 2])
def test_layout_handles_tiny_graphs(count):
    pos = layout(count, [(0, 1)] if count == 2 else [])
    assert pos.shape == (count, 2)
    assert np.isfinite(pos).all()


def test_layout_ignores_self_loops():
    assert np.isfinite(layout(3, [(0, 0), (0, 1), (1, 2)])).all()


@pytest.mark.slow
def test_layout_of_ten_thousand_nodes_takes_seconds_not_minutes():
    # a random graph is the worst case: no two-dimensional drawing, so it crowds the middle;
    # crowded cells push as one mass, so the cost per step stays linear (n² would take minutes)
    rng = np.random.default_rng(1)
    edges = [(int(a), int(b)) for a, b in rng.integers(0, 10_000, (30_000, 2))]
    started = time.process_time()  # CPU time: the machine may be shared
    pos = layout(10_000, edges)
    assert time.process_time() - started < 20
    assert len({tuple(p) for p in pos}) > 9_500


def test_layout_is_computed_once_per_graph_for_every_gephi_file(graph, monkeypatch):
    calls = []
    real = graphml.layout
    monkeypatch.setattr(graphml, "layout", lambda *args: calls.append(args) or real(*args))
    first = to_networkx(graph, DEFAULT_BASE)
    second = to_networkx(graph, "https://example.org/kg/")
    assert len(calls) == 1
    assert dict(first.nodes(data="x")) == dict(second.nodes(data="x"))


def test_layout_positions_are_those_of_the_searchsorted_grid():
    """The grid's cells are found through a table (``_locator``) rather than by searching the
    sorted cells each step: the positions are bit for bit those the search gave (this digest
    was taken from the layout before the table, commit b69fd12), crowded cells included."""
    import hashlib

    rng = np.random.default_rng(11)
    count = 3000
    edges = [tuple(map(int, e)) for e in rng.integers(0, count, size=(6000, 2))]
    edges += [(i, (i * 7 + 1) % 40) for i in range(400)]  # a crowded corner: 40 hubs
    digest = hashlib.sha256(layout(count, edges).tobytes()).hexdigest()
    assert digest == "2dffe029d5f2e43f064b57d94ea0341b281a9dd1066ae74d2379795911dd6d37"


@pytest.mark.parametrize("cells", [500, 10**9])  # a table of the grid; too sparse a grid: the search
def test_layout_locator_finds_each_occupied_cell_and_no_other(cells):
    from kg.export.layout import _locator

    rng = np.random.default_rng(3)
    occupied = np.unique(rng.integers(0, min(cells, 500), size=120))
    locate = _locator(occupied, cells, 100)
    wanted = np.arange(min(cells, 500))
    slot = locate(wanted)
    assert (slot >= 0).all() and (slot < len(occupied)).all()
    found = occupied[slot] == wanted
    assert found.tolist() == np.isin(wanted, occupied).tolist()
    assert (slot[found] == np.searchsorted(occupied, wanted[found])).all()
