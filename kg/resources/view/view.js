// kg view: the graph drawn by sigma.js (WebGL) from a graphology graph, with a search box and a
// side panel (panel.js). The libraries are vendored (vendor.min.js, scripts/vendor_view.py).
//
// Thousands of entities stay readable and quick because:
// - the first frame uses the positions that come with the data (kg.view lays the graph out with
//   the build's seeded layout), so it is drawn as soon as the data is parsed;
// - ForceAtlas2 (Barnes-Hut) then refines those positions in a Web Worker for a fixed number of
//   iterations, redrawn as it goes, while the page stays responsive (pause it with the Layout button);
// - sigma draws nodes and edges with WebGL, and labels on a canvas above: per screen cell the
//   largest nodes (size grows with mentions) get a label, more per cell as one zooms in, and a
//   label that would cover one already drawn is left out (zoom in to see it);
// - everything not needed for the first frame (the search list, the layout) comes after it.
(function () {
  "use strict";

  const DATA = JSON.parse(document.getElementById("kg-data").textContent);
  const NODES = DATA.nodes;
  const EDGES = DATA.edges;
  const n = NODES.length;
  const { Graph, Sigma, FA2Layout, inferSettings } = window.KgVendor;

  // type -> [legend label, colour]: every type kg.labels lists, in its order (DATA.types), in its
  // colours (DATA.colours, COLOUR_OF, as in the Gephi files), named in both languages where known
  const NAMES = { person: "Person 人物", organization: "Organization 机构", place: "Place 地点",
    program: "Program 项目", document: "Document 文件" };
  const TYPES = {};
  for (const type of DATA.types) TYPES[type] = [NAMES[type] || type, DATA.colours[type]];
  const KINDS = kgKinds(DATA.directed);
  const shown = {};
  for (const kind in KINDS) shown[kind] = KINDS[kind][2];

  const LABEL_PX = 12;
  const PADDING = 30; // pixels around the fitted graph
  const FADED = "#e3e6ea";
  // ForceAtlas2 iterations run after the first frame: enough for the bulk of a few thousand nodes
  // to settle, then the worker stops so an idle page costs nothing (the Layout button runs more)
  const LAYOUT_ITERATIONS = Math.round(Math.min(600, 150 + n / 10));
  const LAYOUT_SECONDS = 20; // and at most this long, however slow the machine
  const REFRAME_EVERY = 20; // iterations between two fittings of the view to the moving graph

  const container = document.getElementById("graph");
  const search = document.getElementById("search");
  const status = document.getElementById("status");
  const layoutButton = document.getElementById("layout");
  const hint = document.getElementById("hint");
  const body = document.body.dataset;

  let selected = -1, near = new Set(), matchRank = new Map();
  const panel = kgPanel(DATA, TYPES, KINDS, shown, { select: select, kindsChanged: kindsChanged });

  // ---- the graph: nodes at the data's positions, one edge per (pair, kind) --------------------------
  // screen pixels at the fitted zoom: grows with mentions, slower than linearly; a small graph has
  // the room for larger discs (up to twice as large below 500 nodes)
  const SIZE_SCALE = Math.min(2, Math.max(1, Math.sqrt(2000 / Math.max(n, 1))));
  function nodeSize(count) {
    return SIZE_SCALE * (1.5 + 1.3 * Math.log2(1 + Math.max(count, 1)));
  }
  const graph = new Graph({ type: "mixed", multi: true, allowSelfLoops: false });
  const related = new Uint8Array(n);
  for (const edge of EDGES) if (edge.kind !== "cooccur") { related[edge.s] = 1; related[edge.t] = 1; }
  NODES.forEach((node, i) => {
    graph.addNode(String(i), { x: node.x, y: -node.y, size: nodeSize(node.count), label: node.name,
      color: TYPES[node.type][1] });
  });
  EDGES.forEach((edge, i) => {
    const directed = KINDS[edge.kind][5];
    // the layout's springs, as in kg.view: relations, and co-occurrence only for a node with none
    const weight = edge.kind !== "cooccur" || !related[edge.s] || !related[edge.t] ? 1 : 0;
    const attrs = { kind: edge.kind, size: edge.kind === "cooccur" ? 0.5 : 1, weight: weight,
      type: directed ? "arrow" : "line" };
    if (directed) graph.addDirectedEdgeWithKey(String(i), String(edge.s), String(edge.t), attrs);
    else graph.addUndirectedEdgeWithKey(String(i), String(edge.s), String(edge.t), attrs);
  });

  // edge colours: fainter when many are shown, so that crossings do not merge into one mass. Mixed
  // with the white ground here, opaque: sigma's WebGL blending expects premultiplied colours
  let edgeColour = {};
  function kindsChanged() {
    let count = 0;
    for (const edge of EDGES) if (shown[edge.kind]) count += 1;
    body.edges = String(count);
    const crowd = Math.min(1, Math.max(0.3, 400 / Math.max(1, count)));
    edgeColour = {};
    for (const kind in KINDS) {
      const hex = KINDS[kind][1], alpha = (kind === "cooccur" ? 0.5 : 0.85) * crowd;
      edgeColour[kind] = "rgb(" + [1, 3, 5].map((k) => Math.round(255 - (255 - parseInt(hex.slice(k, k + 2), 16))
        * alpha)).join(",") + ")";
    }
    if (renderer) renderer.refresh();
  }

  // ---- labels: drawn on sigma's label canvas, never over one already drawn this frame -------------
  let labelsDrawn = 0, boxes = new Map();
  const CELL = 100;
  function drawLabel(context, data, settings) {
    if (!data.label) return;
    context.font = settings.labelWeight + " " + settings.labelSize + "px " + settings.labelFont;
    const width = context.measureText(data.label).width;
    const x = data.x + data.size + 3, y = data.y + settings.labelSize / 3;
    const box = [x - 2, y - settings.labelSize, x + width + 2, y + 4];
    const keys = [];
    for (let gx = Math.floor(box[0] / CELL); gx <= Math.floor(box[2] / CELL); gx++) {
      for (let gy = Math.floor(box[1] / CELL); gy <= Math.floor(box[3] / CELL); gy++) keys.push(gx + "," + gy);
    }
    if (!data.forceLabel) {
      for (const key of keys) {
        for (const p of boxes.get(key) || []) {
          if (box[0] < p[2] && p[0] < box[2] && box[1] < p[3] && p[1] < box[3]) return;
        }
      }
    }
    for (const key of keys) (boxes.get(key) || boxes.set(key, []).get(key)).push(box);
    context.lineJoin = "round";
    context.lineWidth = 3;
    context.strokeStyle = "rgba(255,255,255,0.9)";
    context.strokeText(data.label, x, y);
    context.fillStyle = "#24292f";
    context.fillText(data.label, x, y);
    labelsDrawn += 1;
  }

  // ---- what a selection or a search changes in the drawing ---------------------------------------
  function nodeReducer(key, data) {
    const i = Number(key);
    if (selected >= 0) {
      if (i === selected) return Object.assign({}, data, { highlighted: true, forceLabel: true, zIndex: 3 });
      if (near.has(i)) return Object.assign({}, data, { forceLabel: true, zIndex: 2 });
      return Object.assign({}, data, { color: FADED, label: "", zIndex: 0 });
    }
    const rank = matchRank.get(i);
    if (rank !== undefined) return Object.assign({}, data, { highlighted: rank < 20, forceLabel: rank < 50, zIndex: 2 });
    return data;
  }
  function edgeReducer(key, data) {
    if (!shown[data.kind]) return Object.assign({}, data, { hidden: true });
    if (selected >= 0) {
      const edge = EDGES[Number(key)];
      if (edge.s === selected || edge.t === selected) {
        return Object.assign({}, data, { color: KINDS[data.kind][1], size: 2, zIndex: 1 });
      }
      return Object.assign({}, data, { color: FADED, zIndex: 0 });
    }
    return Object.assign({}, data, { color: edgeColour[data.kind] });
  }

  // ---- the renderer ---------------------------------------------------------------------------------
  let renderer = null;
  kindsChanged();
  panel.legend(); // before the renderer measures its container: the legend sets the bar's height
  // the view fits kgFrameBox (preview.js): all but the farthest 1% of nodes on each side
  function reframe() {
    if (!renderer || n < 200) return;
    const xs = new Float64Array(n), ys = new Float64Array(n);
    graph.forEachNode((key, attrs) => { xs[Number(key)] = attrs.x; ys[Number(key)] = attrs.y; });
    renderer.setCustomBBox(kgFrameBox(xs, ys));
  }
  let frameStart = 0;
  function startRenderer() {
    try {
      renderer = new Sigma(graph, container, {
        zIndex: true,
        labelFont: getComputedStyle(document.documentElement).fontFamily,
        labelSize: LABEL_PX,
        labelGridCellSize: 100,
        // a node drawn smaller than this gets no label unless zoomed in; in a small graph every
        // name is tried (still never over another)
        labelRenderedSizeThreshold: n <= 500 ? 0 : 4,
        labelDensity: n <= 500 ? 4 : 1, // labels tried per 100-pixel cell at the fitted zoom
        defaultDrawNodeLabel: drawLabel,
        nodeReducer: nodeReducer,
        edgeReducer: edgeReducer,
        minEdgeThickness: 0.6,
        minCameraRatio: 0.01,
        maxCameraRatio: 4,
        stagePadding: PADDING,
        allowInvalidContainer: true,
      });
      renderer.on("beforeRender", () => { frameStart = performance.now(); labelsDrawn = 0; boxes = new Map(); });
      renderer.on("afterRender", () => {
        body.labels = String(labelsDrawn);
        body.drawMs = (performance.now() - frameStart).toFixed(0); // what a pan, zoom or layout step costs
      });
      reframe();
      renderer.refresh();
      bindPointer();
    } catch (error) { // no WebGL: the first frame stays, and the panel and the search still work
      renderer = null;
      body.error = String(error);
      hint.textContent = "This browser cannot draw the graph (WebGL is off); search still works. 浏览器不支持 WebGL。";
    }
    window.kgView = { graph: graph, renderer: renderer }; // for the console (and the tests)
  }

  // ---- the progressive layout ---------------------------------------------------------------------
  let layout = null, iterations = 0, budget = LAYOUT_ITERATIONS, layoutStarted = 0, runStarted = 0;
  function showLayout(state) {
    body.layout = state;
    body.layoutIterations = String(iterations);
    layoutButton.textContent = state === "running" ? "Pause layout 暂停布局" : "Run layout 运行布局";
    layoutButton.setAttribute("aria-pressed", String(state === "running"));
  }
  function startLayout() {
    if (!renderer || n < 2 || graph.size === 0) { showLayout("none"); layoutButton.disabled = true; return; }
    try {
      if (!layout) {
        const settings = Object.assign(inferSettings(graph), { barnesHutOptimize: n > 500 });
        layout = new FA2Layout(graph, { settings: settings, getEdgeWeight: "weight" });
      }
      if (!layoutStarted) layoutStarted = performance.now();
      runStarted = performance.now();
      body.layoutStart = layoutStarted.toFixed(0);
      layout.start();
      showLayout("running");
    } catch (error) { // a browser without workers keeps the first drawing
      body.error = String(error);
      showLayout("none");
    }
  }
  function stopLayout(finished) {
    if (layout) layout.stop();
    if (finished) body.layoutMs = (performance.now() - layoutStarted).toFixed(0);
    reframe();
    showLayout(finished ? "done" : "paused");
  }
  graph.on("eachNodeAttributesUpdated", () => { // one message from the worker: one iteration
    if (!layout || !layout.isRunning()) return;
    iterations += 1;
    body.layoutIterations = String(iterations);
    if (iterations % REFRAME_EVERY === 0) reframe();
    if (iterations >= budget || performance.now() - runStarted > LAYOUT_SECONDS * 1000) stopLayout(true);
  });
  layoutButton.addEventListener("click", () => {
    if (layout && layout.isRunning()) { stopLayout(false); return; }
    if (iterations >= budget) budget = iterations + LAYOUT_ITERATIONS;
    startLayout();
  });

  // ---- selection ----------------------------------------------------------------------------------
  function centreOn(i) {
    const camera = renderer.getCamera();
    const at = renderer.getNodeDisplayData(String(i));
    if (at) camera.setState({ x: at.x, y: at.y, ratio: Math.min(camera.ratio, 0.4) });
  }
  function select(i, centre) {
    selected = i;
    near = new Set();
    if (i < 0) {
      panel.clear();
      delete body.selected;
    } else {
      for (const e of panel.adjacent[i]) {
        if (shown[EDGES[e].kind]) near.add(EDGES[e].s === i ? EDGES[e].t : EDGES[e].s);
      }
      panel.fill(i);
      body.selected = NODES[i].name;
      if (centre && renderer) centreOn(i);
    }
    if (renderer) renderer.refresh();
  }

  // ---- search ---------------------------------------------------------------------------------------
  function runSearch(query, choose) {
    const matches = panel.find(query);
    matchRank = new Map(matches.slice(0, 200).map((i, rank) => [i, rank]));
    status.textContent = !panel.norm(query) ? "" : matches.length
      ? matches.length + (matches.length === 1 ? " match" : " matches") : "no match 无结果";
    if (choose && matches.length) select(matches[0], true);
    else if (renderer) renderer.refresh();
    return matches;
  }
  function fromHash() {
    const params = new URLSearchParams(location.hash.replace(/^#/, "") || location.search.replace(/^\?/, ""));
    const query = params.get("search");
    if (query !== null) {
      search.value = query;
      runSearch(query, true);
    }
  }
  search.addEventListener("input", () => runSearch(search.value, panel.isName(search.value)));
  document.getElementById("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    runSearch(search.value, true);
  });
  window.addEventListener("hashchange", fromHash);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") { search.value = ""; runSearch("", false); select(-1, false); }
  });

  // ---- pointer: click to select, drag a node (the layout pauses meanwhile) ------------------------
  function bindPointer() {
    let dragged = -1, moved = false, resume = false;
    renderer.on("clickNode", (event) => {
      if (!moved) select(Number(event.node), false);
      moved = false;
    });
    renderer.on("clickStage", () => { if (!moved) select(-1, false); moved = false; });
    renderer.on("enterNode", () => container.classList.add("over-node"));
    renderer.on("leaveNode", () => container.classList.remove("over-node"));
    renderer.on("downNode", (event) => {
      dragged = Number(event.node);
      moved = false;
      resume = Boolean(layout && layout.isRunning());
      if (resume) layout.stop();
    });
    const captor = renderer.getMouseCaptor();
    captor.on("mousemovebody", (event) => {
      if (dragged < 0) return;
      const at = renderer.viewportToGraph(event);
      graph.mergeNodeAttributes(String(dragged), { x: at.x, y: at.y });
      moved = true;
      event.preventSigmaDefault();
      event.original.preventDefault();
      event.original.stopPropagation();
    });
    captor.on("mouseup", () => {
      if (dragged >= 0 && resume) layout.start();
      dragged = -1;
    });
  }

  // ---- start: the first frame, then the rest ------------------------------------------------------
  body.nodes = String(n);
  if (!n) hint.textContent = "The graph has no entities. 图中没有实体。";
  showLayout("waiting");
  const preview = kgPreview(container, NODES.map((node) => ({ x: node.x, y: node.y, size: nodeSize(node.count),
    colour: TYPES[node.type][1] })), PADDING);
  // A frame reaches the screen before the next animation frame's task runs: that moment is the
  // first paint (ms since the page was requested). Then WebGL, then (once its frame is shown) the
  // search list and the layout worker, each after the frame before it
  const afterFrame = (next) => requestAnimationFrame(() => setTimeout(next, 0));
  afterFrame(() => {
    body.firstPaint = performance.now().toFixed(0);
    startRenderer();
    fromHash();
    afterFrame(() => {
      if (renderer) preview.remove();
      body.sigmaPaint = performance.now().toFixed(0);
      panel.fillNames();
      body.ready = "true";
      setTimeout(startLayout, 0);
    });
  });
})();
