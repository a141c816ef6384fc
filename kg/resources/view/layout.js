// kg view's layout: a d3-force style velocity simulation (many-body repulsion, springs along the
// edges, a pull to the centre), run to the end before the first paint. It draws its randomness from
// a seeded generator, so the same graph is always laid out the same way.
// kgLayout(radii, edges) -> {x, y, degree}: positions, and each node's count of edges other than
// co-occurrence (which pull only weakly: they are many, and shown only on request).
const kgLayout = (function () {
  "use strict";

  // mulberry32: a seeded generator, so the same graph always gets the same layout
  function random(seed) {
    let a = seed >>> 0;
    return function () {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function layout(R, EDGES) {
    const n = R.length;
    const X = new Float64Array(n), Y = new Float64Array(n), VX = new Float64Array(n), VY = new Float64Array(n);
    const degree = new Float64Array(n);
    for (const edge of EDGES) if (edge.kind !== "cooccur") { degree[edge.s] += 1; degree[edge.t] += 1; }
    const rand = random(20240607);
    for (let i = 0; i < n; i++) { // a sunflower spiral, slightly jittered
      const r = 12 * Math.sqrt(i + 0.5), a = i * 2.39996323;
      X[i] = r * Math.cos(a) + rand() - 0.5;
      Y[i] = r * Math.sin(a) + rand() - 0.5;
    }
    const steps = Math.max(60, Math.min(400, Math.floor(4e7 / Math.max(1, n * n))));
    const links = EDGES.map((edge) => {
      const weak = edge.kind === "cooccur";
      // a hub's spokes are longer, so its many neighbours have room around it
      const spread = 2.5 * (degree[edge.s] + degree[edge.t]);
      return [edge.s, edge.t, weak ? 0.05 : 0.7 / Math.max(1, Math.min(degree[edge.s], degree[edge.t])),
        (weak ? 90 : 30 + spread) + R[edge.s] + R[edge.t]];
    });
    for (let step = 0; step < steps; step++) {
      const alpha = Math.pow(0.001, step / steps);
      for (let i = 0; i < n; i++) { // repulsion, and no overlap
        for (let j = i + 1; j < n; j++) {
          let dx = X[j] - X[i], dy = Y[j] - Y[i];
          if (dx === 0 && dy === 0) { dx = (rand() - 0.5) * 1e-3; dy = (rand() - 0.5) * 1e-3; }
          const d2 = Math.max(dx * dx + dy * dy, 1);
          let w = (-120 * alpha) / d2;
          const gap = R[i] + R[j] + 4;
          if (d2 < gap * gap) w -= (0.5 * (gap - Math.sqrt(d2))) / Math.sqrt(d2);
          VX[i] += dx * w; VY[i] += dy * w; VX[j] -= dx * w; VY[j] -= dy * w;
        }
      }
      for (const [s, t, strength, rest] of links) {
        const dx = X[t] + VX[t] - X[s] - VX[s], dy = Y[t] + VY[t] - Y[s] - VY[s];
        const d = Math.sqrt(dx * dx + dy * dy) || 1e-6;
        const k = ((d - rest) / d) * alpha * strength;
        VX[t] -= dx * k * 0.5; VY[t] -= dy * k * 0.5; VX[s] += dx * k * 0.5; VY[s] += dy * k * 0.5;
      }
      for (let i = 0; i < n; i++) { // gravity keeps unlinked nodes near the rest
        VX[i] -= X[i] * 0.04 * alpha; VY[i] -= Y[i] * 0.04 * alpha;
        VX[i] *= 0.6; VY[i] *= 0.6;
        X[i] += VX[i]; Y[i] += VY[i];
      }
    }
    return { x: X, y: Y, degree: degree };
  }

  return layout;
})();
