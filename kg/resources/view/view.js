// kg view: the graph on a <canvas>, a search box and a side panel, with no library and no network.
// Text from the graph only ever reaches the page through textContent.
//
// Thousands of entities stay readable and quick because: positions come with the data (kg.view
// lays the graph out with the build's seeded layout), so the first frame is drawn as soon as the
// data is parsed; edges and nodes are drawn in one path per kind and per type, and only what is
// on screen; labels are placed most-mentioned first, never over one another, and how many are
// tried grows with the zoom; everything not needed for the first frame (the search list) comes after it.
(function () {
  "use strict";

  const DATA = JSON.parse(document.getElementById("kg-data").textContent);
  const NODES = DATA.nodes;
  const EDGES = DATA.edges;

  // type -> [legend label, colour (kg.labels.COLOUR_OF, as in the Gephi files)];
  // kind -> [legend label, colour, shown by default, read from the head, read from the tail]
  const TYPES = {
    person: ["Person 人物", DATA.colours.person],
    organization: ["Organization 机构", DATA.colours.organization],
    place: ["Place 地点", DATA.colours.place],
    program: ["Program 项目", DATA.colours.program],
  };
  const KINDS = {
    role: ["role 职务", "#6e7781", true, "post in 任职于", "post held by 职务"],
    suborg: ["part of 隶属", "#1f3b73", true, "part of 隶属于", "has unit 下属"],
    located: ["located in 位于", "#8c6d1f", true, "located in 位于", "location of 所在地"],
    organizer: ["organizer 主办", "#9c4dcc", true, "organized by 主办单位", "organizes 主办"],
    partner: ["partner 合作", "#d6336c", true, "partner of 合作", "partner of 合作"],
    cooccur: ["co-occurs 共现", "#c7ccd1", false, "co-occurs with 共现", "co-occurs with 共现"],
  };
  // labels placed at the zoom that fits the whole graph; four times as many at twice the zoom
  const LABELS_AT_FIT = 60;
  const FONT_PX = 12;
  const shown = {};
  for (const kind in KINDS) shown[kind] = KINDS[kind][2];

  const canvas = document.getElementById("graph");
  const ctx = canvas.getContext("2d");
  const search = document.getElementById("search");
  const status = document.getElementById("status");
  const details = document.getElementById("details");
  const hint = document.getElementById("hint");

  // ---- small helpers ------------------------------------------------------------------------
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const key in attrs || {}) {
      if (key === "text") node.textContent = attrs[key];
      else if (key === "style") node.style.cssText = attrs[key];
      else node.setAttribute(key, attrs[key]);
    }
    for (const child of children || []) node.append(child);
    return node;
  }
  function norm(text) {
    return String(text).normalize("NFKC").trim().toLowerCase();
  }
  function readable(iri) { // %E7%A6%8F… back to 福…, for reading only
    try { return decodeURI(iri); } catch (error) { return iri; }
  }

  // ---- positions (from the data), sizes, and who is linked to whom ------------------------------
  const n = NODES.length;
  const X = new Float64Array(n), Y = new Float64Array(n), R = new Float64Array(n);
  const degree = new Float64Array(n);
  NODES.forEach((node, i) => {
    X[i] = node.x; Y[i] = node.y; R[i] = node.r;
  });
  const adjacent = NODES.map(() => []);
  EDGES.forEach((edge, i) => {
    adjacent[edge.s].push(i);
    adjacent[edge.t].push(i);
    if (edge.kind !== "cooccur") { degree[edge.s] += 1; degree[edge.t] += 1; }
  });
  // most worth reading first: mentions, then relations other than co-occurrence
  const importance = [...NODES.keys()].sort((a, b) => NODES[b].count - NODES[a].count || degree[b] - degree[a] || a - b);
  const labelWidth = new Float64Array(n).fill(-1); // measured once, when first needed

  // ---- view state -------------------------------------------------------------------------------
  const view = { scale: 1, x: 0, y: 0, fit: 1 }; // screen = world * scale + (x, y), in CSS pixels
  let selected = -1, hovered = -1, matches = [];
  let matchSet = new Set();

  function visible(edge) {
    return shown[edge.kind];
  }
  function toWorld(px, py) {
    return [(px - view.x) / view.scale, (py - view.y) / view.scale];
  }
  function resize() {
    const dpr = window.devicePixelRatio || 1;
    const w = canvas.clientWidth, h = canvas.clientHeight;
    canvas.width = Math.max(1, Math.round(w * dpr));
    canvas.height = Math.max(1, Math.round(h * dpr));
    draw();
  }
  // the box that holds all but the farthest 1% of nodes on each side: a few stragglers (pairs
  // joined to nothing else) would otherwise shrink the connected bulk to a speck
  function fit() {
    if (!n) return;
    const cut = n >= 200 ? Math.floor(n / 100) : 0;
    const xs = Float64Array.from(X).sort(), ys = Float64Array.from(Y).sort();
    const pad0 = n >= 200 ? 0 : Math.max(...R);
    const x0 = xs[cut] - pad0, x1 = xs[n - 1 - cut] + pad0, y0 = ys[cut] - pad0, y1 = ys[n - 1 - cut] + pad0;
    const w = canvas.clientWidth || 800, h = canvas.clientHeight || 600, pad = 30;
    view.scale = Math.min(3, (w - 2 * pad) / Math.max(1, x1 - x0), (h - 2 * pad) / Math.max(1, y1 - y0));
    view.fit = view.scale;
    view.x = w / 2 - ((x0 + x1) / 2) * view.scale;
    view.y = h / 2 - ((y0 + y1) / 2) * view.scale;
  }
  function centreOn(i) {
    const w = canvas.clientWidth, h = canvas.clientHeight;
    view.scale = Math.max(view.scale, 1.2);
    view.x = w / 2 - X[i] * view.scale;
    view.y = h / 2 - Y[i] * view.scale;
  }
  function neighbours(i) {
    const out = new Set();
    for (const e of adjacent[i]) if (visible(EDGES[e])) out.add(EDGES[e].s === i ? EDGES[e].t : EDGES[e].s);
    return out;
  }

  // ---- drawing ----------------------------------------------------------------------------------
  let queued = false;
  function redraw() { // at most one frame per animation frame, however many events asked
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; draw(); });
  }
  function screenRadius(i) {
    return Math.max(2, R[i] * view.scale);
  }
  function draw() {
    const started = performance.now();
    const dpr = window.devicePixelRatio || 1;
    const w = canvas.clientWidth, h = canvas.clientHeight;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const near = selected >= 0 ? neighbours(selected) : null;
    const faded = (i) => near !== null && i !== selected && !near.has(i);
    const sx = (i) => X[i] * view.scale + view.x, sy = (i) => Y[i] * view.scale + view.y;
    const margin = 60;
    const onScreen = (i) => {
      const x = sx(i), y = sy(i);
      return x > -margin && x < w + margin && y > -margin && y < h + margin;
    };
    const outside = (a, b) => { // both ends off the same side: the segment cannot cross the screen
      const ax = sx(a), ay = sy(a), bx = sx(b), by = sy(b);
      return (ax < 0 && bx < 0) || (ax > w && bx > w) || (ay < 0 && by < 0) || (ay > h && by > h);
    };

    // edges: one path per kind (and one more for the selected node's own), stroked once
    const arrows = [];
    const crowd = Math.min(1, Math.max(0.25, 400 / Math.max(1, Number(document.body.dataset.edges || 0))));
    for (const kind in KINDS) {
      if (!shown[kind]) continue;
      ctx.beginPath();
      for (const edge of EDGES) {
        if (edge.kind !== kind || outside(edge.s, edge.t)) continue;
        if (selected >= 0 && (edge.s === selected || edge.t === selected)) continue;
        ctx.moveTo(sx(edge.s), sy(edge.s));
        ctx.lineTo(sx(edge.t), sy(edge.t));
      }
      // many edges: fainter, so that crossings do not merge into one solid mass
      ctx.globalAlpha = near === null ? (kind === "cooccur" ? 0.5 : 0.85) * crowd : 0.12;
      ctx.strokeStyle = KINDS[kind][1];
      ctx.lineWidth = kind === "cooccur" ? 0.7 : 1.4;
      ctx.stroke();
    }
    if (selected >= 0) {
      ctx.globalAlpha = 1;
      ctx.lineWidth = 2.4;
      for (const e of adjacent[selected]) {
        const edge = EDGES[e];
        if (!visible(edge)) continue;
        ctx.strokeStyle = KINDS[edge.kind][1];
        ctx.beginPath();
        ctx.moveTo(sx(edge.s), sy(edge.s));
        ctx.lineTo(sx(edge.t), sy(edge.t));
        ctx.stroke();
        arrows.push(edge);
      }
    }
    // arrowheads: the selected node's; with nothing selected, every edge's while there are few on
    // screen (hundreds of heads are only noise; arrow() also skips edges too short to show one)
    if (selected < 0) {
      const many = [];
      for (const edge of EDGES) {
        if (visible(edge) && edge.kind !== "cooccur" && onScreen(edge.t) && onScreen(edge.s)) many.push(edge);
        if (many.length > 400) break;
      }
      if (many.length <= 400) arrows.push(...many);
    }
    ctx.globalAlpha = selected < 0 ? crowd : 1;
    for (const edge of arrows) {
      if (edge.kind === "cooccur" || edge.kind === "partner") continue;
      ctx.fillStyle = KINDS[edge.kind][1];
      arrow(sx(edge.s), sy(edge.s), sx(edge.t), sy(edge.t), screenRadius(edge.t));
    }

    // nodes: one path per type (and per faded or not), the most mentioned first so that the small
    // ones drawn after them stay visible
    for (const dim of near === null ? [false] : [true, false]) {
      for (const type in TYPES) {
        ctx.beginPath();
        for (const i of importance) {
          if (NODES[i].type !== type || faded(i) !== dim || !onScreen(i)) continue;
          const r = screenRadius(i);
          ctx.moveTo(sx(i) + r, sy(i));
          ctx.arc(sx(i), sy(i), r, 0, 2 * Math.PI);
        }
        ctx.globalAlpha = dim ? 0.22 : 1;
        ctx.fillStyle = TYPES[type][1];
        ctx.fill();
        if (view.scale * 4 >= 2.5) { // a white rim once nodes are more than dots
          ctx.lineWidth = 1;
          ctx.strokeStyle = "#fff";
          ctx.stroke();
        }
      }
    }
    ctx.globalAlpha = 1;
    for (const i of [...matches.slice(0, 200), selected]) {
      if (i < 0 || !onScreen(i)) continue;
      ctx.beginPath();
      ctx.arc(sx(i), sy(i), screenRadius(i) + 1.5, 0, 2 * Math.PI);
      ctx.lineWidth = 3;
      ctx.strokeStyle = i === selected ? "#111" : "#f2b705";
      ctx.stroke();
    }
    labels(near, faded, sx, sy, onScreen);
    document.body.dataset.labels = String(labelsDrawn);
    document.body.dataset.drawMs = (performance.now() - started).toFixed(0); // what a pan or zoom costs
  }

  // Labels: the selected node, its neighbours, the hovered node and the first matches always; then
  // the most mentioned on screen, until a budget that grows with the zoom is placed. A label that would
  // overlap one already placed is left out (zoom in to see it); placed boxes sit in a grid of
  // screen cells, so each check looks at a few boxes, not all of them.
  let labelsDrawn = 0;
  function labels(near, faded, sx, sy, onScreen) {
    ctx.font = FONT_PX + "px " + getComputedStyle(document.documentElement).fontFamily;
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    const cell = 100, grid = new Map();
    const must = [];
    if (selected >= 0) must.push(selected, ...near);
    if (hovered >= 0) must.push(hovered);
    must.push(...matches.slice(0, 50));
    const zoom = view.scale / Math.max(view.fit, 1e-9);
    const budget = Math.round(LABELS_AT_FIT * zoom * zoom);
    labelsDrawn = 0;
    const tryLabel = (i, forced) => {
      if (!onScreen(i)) return false;
      if (labelWidth[i] < 0) labelWidth[i] = ctx.measureText(NODES[i].name).width;
      const x = sx(i) - labelWidth[i] / 2, y = sy(i) + screenRadius(i) + 2;
      const box = [x - 2, y - 1, x + labelWidth[i] + 2, y + FONT_PX + 2];
      const keys = [];
      for (let gx = Math.floor(box[0] / cell); gx <= Math.floor(box[2] / cell); gx++) {
        for (let gy = Math.floor(box[1] / cell); gy <= Math.floor(box[3] / cell); gy++) keys.push(gx + "," + gy);
      }
      if (!forced) {
        for (const key of keys) {
          for (const p of grid.get(key) || []) {
            if (box[0] < p[2] && p[0] < box[2] && box[1] < p[3] && p[1] < box[3]) return false;
          }
        }
      }
      for (const key of keys) (grid.get(key) || grid.set(key, []).get(key)).push(box);
      ctx.lineWidth = 3;
      ctx.strokeStyle = "rgba(255,255,255,0.9)";
      ctx.strokeText(NODES[i].name, sx(i), y);
      ctx.fillStyle = i === selected ? "#000" : "#24292f";
      ctx.fillText(NODES[i].name, sx(i), y);
      labelsDrawn += 1;
      return true;
    };
    ctx.globalAlpha = 1;
    const done = new Set();
    for (const i of must) if (!done.has(i)) { done.add(i); tryLabel(i, true); }
    let placed = 0;
    for (const i of importance) {
      if (placed >= budget) break;
      if (!done.has(i) && !faded(i) && tryLabel(i, false)) placed += 1;
    }
  }
  function arrow(x0, y0, x1, y1, gap) {
    const d = Math.hypot(x1 - x0, y1 - y0);
    if (d < gap + 30) return;
    const ux = (x1 - x0) / d, uy = (y1 - y0) / d, tx = x1 - ux * (gap + 2), ty = y1 - uy * (gap + 2);
    ctx.beginPath();
    ctx.moveTo(tx, ty);
    ctx.lineTo(tx - ux * 7 - uy * 3.5, ty - uy * 7 + ux * 3.5);
    ctx.lineTo(tx - ux * 7 + uy * 3.5, ty - uy * 7 - ux * 3.5);
    ctx.closePath();
    ctx.fill();
  }

  // ---- legend and edge toggles --------------------------------------------------------------------
  function legend() {
    const types = el("div", { class: "group" });
    const counts = {};
    for (const node of NODES) counts[node.type] = (counts[node.type] || 0) + 1;
    for (const type in TYPES) {
      types.append(el("span", {}, [el("span", { class: "dot", style: "background:" + TYPES[type][1] }),
        TYPES[type][0] + " " + (counts[type] || 0)]));
    }
    const kinds = el("div", { class: "group" });
    const perKind = {};
    for (const edge of EDGES) perKind[edge.kind] = (perKind[edge.kind] || 0) + 1;
    for (const kind in KINDS) {
      const box = el("input", { type: "checkbox", "data-kind": kind });
      box.checked = shown[kind];
      box.addEventListener("change", () => { shown[kind] = box.checked; updateCounts(); redraw(); });
      kinds.append(el("label", {}, [box, el("span", { class: "stroke", style: "background:" + KINDS[kind][1] }),
        KINDS[kind][0] + " " + (perKind[kind] || 0)]));
    }
    document.getElementById("legend").append(types, kinds);
  }
  function updateCounts() {
    document.body.dataset.edges = String(EDGES.filter(visible).length);
  }

  // ---- side panel ---------------------------------------------------------------------------------
  // a sentence found n times is shown once: "×n" and the documents it is in
  function sentence(item, cls) {
    const docs = item.docs.length > 3 ? item.docs.slice(0, 3).join(" ") + " +" + (item.docs.length - 3)
      : item.docs.join(" ");
    const out = el("div", { class: cls }, [el("span", { class: "doc", text: docs, title: item.docs.join("\n") })]);
    if (item.n > 1) out.prepend(el("span", { class: "times", text: "×" + item.n, title: item.n + " times 次" }));
    for (const [text, marked] of item.parts) out.append(marked ? el("mark", { text: text }) : text);
    return out;
  }
  function goto(i) {
    const button = el("button", { type: "button", class: "goto", text: NODES[i].name });
    button.addEventListener("click", () => select(i, true));
    return button;
  }
  function relationItem(edge, i) {
    const out = edge.s === i;
    const other = out ? edge.t : edge.s;
    const li = el("li", {}, [el("span", { class: "kind", text: KINDS[edge.kind][out ? 3 : 4] }), goto(other)]);
    if (edge.titles.length) li.append(" ", el("span", { class: "titles", text: edge.titles.join("、") }));
    for (const item of edge.evidence) li.append(sentence(item, "evidence"));
    return li;
  }
  function fill(i) {
    const node = NODES[i];
    const parts = [
      el("h2", { text: node.name }),
      el("p", { class: "meta" }, [el("span", { class: "badge", style: "background:" + TYPES[node.type][1],
        text: TYPES[node.type][0] }), " · " + node.count + (node.count === 1 ? " mention 次提及" : " mentions 次提及")]),
      el("p", { class: "iri", text: readable(node.iri), title: node.iri }),
      el("h3", { text: "Variants 别名" }),
      node.alt.length ? el("ul", { class: "variants" }, node.alt.map((alt) => el("li", { text: alt })))
        : el("p", { class: "meta", text: "none 无" }),
    ];
    const rels = [], cooccur = [];
    for (const e of adjacent[i]) (EDGES[e].kind === "cooccur" ? cooccur : rels).push(relationItem(EDGES[e], i));
    for (const post of node.posts) {
      const li = el("li", {}, [el("span", { class: "kind", text: "post 职务" }),
        el("span", { class: "titles", text: post.title })]);
      for (const item of post.evidence) li.append(sentence(item, "evidence"));
      rels.push(li);
    }
    parts.push(el("h3", { text: "Relations 关系 (" + rels.length + ")" }));
    parts.push(rels.length ? el("ul", { class: "relations" }, rels) : el("p", { class: "meta", text: "none 无" }));
    if (cooccur.length) {
      parts.push(el("details", {}, [el("summary", { text: "Co-occurs with 共现 (" + cooccur.length + ")" }),
        el("ul", { class: "relations" }, cooccur)]));
    }
    const times = node.sents.reduce((sum, item) => sum + item.n, 0);
    parts.push(el("h3", { text: "Sentences 原文句子 (" + node.sents.length
      + (times > node.sents.length ? ", " + times + " times 次" : "") + ")" }));
    parts.push(el("ol", { class: "sentences" }, node.sents.map((item) => el("li", {}, [sentence(item, "sentence")]))));
    details.replaceChildren(...parts);
    details.hidden = false;
    hint.hidden = true;
    details.parentElement.scrollTop = 0;
  }
  function select(i, centre) {
    selected = i;
    if (i < 0) {
      details.hidden = true;
      hint.hidden = false;
      delete document.body.dataset.selected;
    } else {
      fill(i);
      document.body.dataset.selected = NODES[i].name;
      if (centre) centreOn(i);
    }
    draw();
  }

  // ---- search -------------------------------------------------------------------------------------
  let names = null; // [normalised label, node, rank]: 0 canonical name, 1 variant; made on first use
  function find(query) {
    const q = norm(query);
    if (!q) return [];
    if (names === null) {
      names = [];
      NODES.forEach((node, i) => {
        names.push([norm(node.name), i, 0]);
        for (const alt of node.alt) names.push([norm(alt), i, 1]);
      });
    }
    const score = new Map();
    for (const [label, i, rank] of names) {
      const s = label === q ? rank : label.includes(q) ? 2 + rank : Infinity;
      if (s < (score.has(i) ? score.get(i) : Infinity)) score.set(i, s);
    }
    return [...score.keys()].sort((a, b) => score.get(a) - score.get(b) || NODES[b].count - NODES[a].count || a - b);
  }
  function runSearch(query, choose) {
    matches = find(query);
    matchSet = new Set(matches);
    status.textContent = !norm(query) ? "" : matches.length
      ? matches.length + (matches.length === 1 ? " match" : " matches") : "no match 无结果";
    if (choose && matches.length) select(matches[0], true);
    else redraw();
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
  const seen = new Set();
  function fillNames() { // the suggestion list: thousands of <option>s, so made after the first frame
    const list = document.getElementById("names");
    const options = [];
    for (const node of NODES) {
      for (const label of [node.name, ...node.alt]) {
        if (seen.has(label)) continue;
        seen.add(label);
        options.push(el("option", label === node.name ? { value: label } : { value: label, label: "→ " + node.name }));
      }
    }
    list.append(...options);
  }
  search.addEventListener("input", () => runSearch(search.value, seen.has(search.value)));
  document.getElementById("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    runSearch(search.value, true);
  });
  window.addEventListener("hashchange", fromHash);

  // ---- pointer: pan, zoom, drag a node, click to select -------------------------------------------
  function hit(px, py) { // the node drawn on top under the pointer: the least mentioned first
    const [wx, wy] = toWorld(px, py);
    for (let k = n - 1; k >= 0; k--) {
      const i = importance[k];
      const r = Math.max(R[i], 6 / view.scale);
      if ((X[i] - wx) ** 2 + (Y[i] - wy) ** 2 <= r * r) return i;
    }
    return -1;
  }
  let press = null;
  canvas.addEventListener("pointerdown", (event) => {
    press = { x: event.offsetX, y: event.offsetY, node: hit(event.offsetX, event.offsetY), moved: false };
    canvas.setPointerCapture(event.pointerId);
    canvas.classList.add("dragging");
  });
  canvas.addEventListener("pointermove", (event) => {
    if (!press) {
      const over = hit(event.offsetX, event.offsetY);
      canvas.classList.toggle("over-node", over >= 0);
      if (over !== hovered) { hovered = over; redraw(); }
      return;
    }
    const dx = event.offsetX - press.x, dy = event.offsetY - press.y;
    if (!press.moved && dx * dx + dy * dy < 9) return;
    press.moved = true;
    if (press.node >= 0) {
      [X[press.node], Y[press.node]] = toWorld(event.offsetX, event.offsetY);
    } else {
      view.x += dx; view.y += dy;
    }
    press.x = event.offsetX; press.y = event.offsetY;
    redraw();
  });
  canvas.addEventListener("pointerup", () => {
    if (press && !press.moved) select(press.node, false);
    press = null;
    canvas.classList.remove("dragging");
  });
  canvas.addEventListener("wheel", (event) => {
    event.preventDefault();
    const factor = Math.exp(-event.deltaY * 0.0015);
    const scale = Math.min(12, Math.max(view.fit / 4, view.scale * factor));
    view.x = event.offsetX - ((event.offsetX - view.x) * scale) / view.scale;
    view.y = event.offsetY - ((event.offsetY - view.y) * scale) / view.scale;
    view.scale = scale;
    redraw();
  }, { passive: false });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") { search.value = ""; runSearch("", false); select(-1, false); }
  });
  window.addEventListener("resize", resize);

  // ---- start: the first frame, then the rest ------------------------------------------------------
  legend();
  updateCounts();
  fit();
  resize();
  document.body.dataset.firstPaint = performance.now().toFixed(0);
  if (!n) hint.textContent = "The graph has no entities. 图中没有实体。";
  fromHash();
  document.body.dataset.nodes = String(n);
  setTimeout(() => {
    fillNames();
    document.body.dataset.ready = "true";
  }, 0);
})();
