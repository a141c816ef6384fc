"""Node positions for the Gephi files: a seeded force-directed layout that scales.

GraphML, GEXF and ``nodes.csv`` carry ``x``/``y`` so that the network opens drawn.
networkx's ``spring_layout`` switches to a scipy solver past 500 nodes (scipy is not
a dependency, so every real corpus crashed) and costs n² per iteration. This is
Fruchterman and Reingold's own "grid variant" (Software—Practice and Experience
21(11), 1991, §"The grid"), vectorised with numpy:

* nodes start at seeded pseudo-random points (``numpy.random.default_rng(SEED)``,
  PCG64, the same numbers on every platform) in a square of area ``n·k²``, where
  ``k = 1`` is the ideal edge length;
* each of ``ITERATIONS`` steps (a fixed budget, not a convergence test) pulls the two
  ends of every edge together with force ``d²/k`` and pushes apart only the nodes
  closer than ``2k``, found through a grid of ``2k``-wide cells (a node meets the
  nodes of its own and the 8 neighbouring cells); a node moves at most the current
  temperature, which falls linearly to zero;
* positions are centred and scaled so the farthest coordinate is ``SCALE``, then
  rounded to 0.1 so the bytes do not depend on the last bits of floating point.

Cost per step is linear in nodes + edges while the density stays bounded, which
repulsion sees to: about 2 s of CPU for 10,000 nodes and 30,000 random edges. Far-apart nodes do
not repel, so separate components stay where they started rather than flying
apart: a fair first drawing that Gephi's own ForceAtlas 2 can refine.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

__all__ = ["ITERATIONS", "SCALE", "SEED", "layout"]

#: the layout's seed, step budget and extent, so the same graph is drawn (and written) the same way
SEED = 7
ITERATIONS = 60
SCALE = 1000.0

_K = 1.0  # ideal distance between neighbours, in layout units
_RADIUS = 2.0 * _K  # repulsion reaches this far (the grid cell's width)
_CROWD = 12  # a neighbouring cell with more nodes than this pushes as one mass


def layout(count: int, edges: Sequence[tuple[int, int]]) -> np.ndarray:
    """``count × 2`` positions for nodes ``0 … count-1`` joined by ``edges`` (index pairs).

    The result depends only on ``count`` and the edge list as given: callers pass
    nodes and edges in a sorted order to get the same drawing from the same graph."""
    if count == 0:
        return np.zeros((0, 2))
    if count == 1:
        return np.zeros((1, 2))
    rng = np.random.default_rng(SEED)
    side = np.sqrt(count) * _K
    pos = rng.random((count, 2)) * side
    pairs = np.asarray(edges, dtype=np.int64).reshape(-1, 2)
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    start_temperature = side / 10.0
    for step in range(ITERATIONS):
        force = _repulsion(pos) + _attraction(pos, pairs, count)
        temperature = start_temperature * (1.0 - step / ITERATIONS)
        length = np.hypot(force[:, 0], force[:, 1])
        factor = np.minimum(length, temperature) / np.maximum(length, 1e-12)
        pos += force * factor[:, None]
    pos -= pos.mean(axis=0)
    extent = np.abs(pos).max()
    if extent > 0:
        pos *= SCALE / extent
    return np.round(pos, 1) + 0.0  # + 0.0 turns -0.0 into 0.0


def _attraction(pos: np.ndarray, pairs: np.ndarray, count: int) -> np.ndarray:
    """Edge forces, ``d²/k`` along each edge, summed per node."""
    out = np.zeros((count, 2))
    if not len(pairs):
        return out
    a, b = pairs[:, 0], pairs[:, 1]
    delta = pos[a] - pos[b]
    distance = np.hypot(delta[:, 0], delta[:, 1])
    pull = delta * (distance / _K)[:, None]
    for axis in (0, 1):
        out[:, axis] -= np.bincount(a, weights=pull[:, axis], minlength=count)
        out[:, axis] += np.bincount(b, weights=pull[:, axis], minlength=count)
    return out


def _repulsion(pos: np.ndarray) -> np.ndarray:
    """Forces ``k²/d`` away from the nodes closer than ``_RADIUS``, found through the grid.

    A neighbouring cell holding more than ``_CROWD`` nodes pushes as one mass at its
    centroid (its own cell's centroid without the node itself), so a crowded region
    costs no more than a sparse one and still spreads out."""
    count = len(pos)
    cells = np.floor((pos - pos.min(axis=0)) / _RADIUS).astype(np.int64)
    width = int(cells[:, 1].max()) + 3  # room for the -1 and +1 neighbours of every column
    cell_id = (cells[:, 0] + 1) * width + (cells[:, 1] + 1)
    order = np.argsort(cell_id, kind="stable")
    # the occupied cells, where each one's nodes start in ``order`` and how many: what np.unique
    # gives for the sorted numbers, read off them without sorting them again
    ordered = cell_id[order]
    first = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
    occupied = ordered[first]
    size = np.diff(np.append(first, count))
    locate = _locator(occupied, (int(cells[:, 0].max()) + 3) * width, count)
    own = locate(cell_id)
    total = np.stack([np.bincount(own, weights=pos[:, axis], minlength=len(occupied)) for axis in (0, 1)], axis=1)
    out = np.zeros((count, 2))
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            wanted = cell_id + dx * width + dy
            slot = locate(wanted)
            found = occupied[slot] == wanted
            crowded = found & (size[slot] > _CROWD)
            _mass_push(out, pos, crowded, slot, size, total, is_own=(dx, dy) == (0, 0))
            nodes = np.nonzero(found & ~crowded)[0]
            counts = size[slot[nodes]]
            if not len(nodes):
                continue
            # every (node, other) pair: node repeated once per occupant of the neighbour cell
            i = np.repeat(nodes, counts)
            run_start = np.repeat(np.cumsum(counts) - counts, counts)
            j = order[np.repeat(first[slot[nodes]], counts) + np.arange(len(i)) - run_start]
            keep = i != j
            i, j = i[keep], j[keep]
            delta = pos[i] - pos[j]
            squared = delta[:, 0] ** 2 + delta[:, 1] ** 2
            close = squared < _RADIUS**2
            i, delta, squared = i[close], delta[close], squared[close]
            push = delta * (_K**2 / np.maximum(squared, 1e-9))[:, None]
            for axis in (0, 1):
                out[:, axis] += np.bincount(i, weights=push[:, axis], minlength=count)
    return out


#: the most cells per node ``_locator`` makes a table of (positions spread at most a few times
#: their first square, so the grid has a few cells per node)
_TABLE_PER_NODE = 64


def _locator(occupied: np.ndarray, cells: int, count: int) -> Callable[[np.ndarray], np.ndarray]:
    """For cell numbers, the index of each in ``occupied`` (sorted, every number below ``cells``)
    if it is there, else some index whose cell differs (callers compare ``occupied[index]``).

    A table of every cell of the grid, read by number: nine look-ups a step over every node, where
    ``np.searchsorted`` on ``occupied`` took about a fifth of the layout's time (0.57 of 3.1 s at
    1,000 articles). The same indices for the cells that are there, so the same positions."""
    if cells > _TABLE_PER_NODE * count + 1024:  # a grid far sparser than any drawing spreads to
        return lambda wanted: np.minimum(np.searchsorted(occupied, wanted), len(occupied) - 1)
    table = np.zeros(cells, dtype=np.int64)  # 0 where no cell: occupied[0] is another cell, or the one
    table[occupied] = np.arange(len(occupied))
    return table.__getitem__


def _mass_push(
    out: np.ndarray,
    pos: np.ndarray,
    nodes: np.ndarray,
    slot: np.ndarray,
    size: np.ndarray,
    total: np.ndarray,
    *,
    is_own: bool,
) -> None:
    """Add to ``out`` the push on each node of ``nodes`` (a mask) from its crowded cell ``slot`` as one mass."""
    index = np.nonzero(nodes)[0]
    if not len(index):
        return
    mass = size[slot[index]].astype(float)
    summed = total[slot[index]]
    if is_own:  # the node is in this cell: the others' centroid
        mass -= 1.0
        summed = summed - pos[index]
    delta = pos[index] - summed / mass[:, None]
    squared = np.maximum(delta[:, 0] ** 2 + delta[:, 1] ** 2, 1e-9)
    out[index] += delta * (mass * _K**2 / squared)[:, None]
