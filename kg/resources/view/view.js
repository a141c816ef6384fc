// kg view: a force-directed graph on a <canvas>, a search box and a side panel, with no library
// and no network. Text from the graph only ever reaches the page through textContent.
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
  function radius(node) {
    return 4 + 2.6 * Math.sqrt(node.count || 1);
  }
  // ---- positions (layout.js), and who is linked to whom -------------------------------------------
  const n = NODES.length;
  const R = NODES.map(radius);
  const adjacent = NODES.map(() => []);
  EDGES.forEach((edge, i) => {
    adjacent[edge.s].push(i);
    adjacent[edge.t].push(i);
  });
  const { x: X, y: Y, degree } = kgLayout(R, EDGES);

  // ---- view state -------------------------------------------------------------------------------
  const view = { scale: 1, x: 0, y: 0 }; // screen = world * scale + (x, y), in CSS pixels
  let selected = -1, hovered = -1, matches = new Set();

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
  function fit() {
    if (!n) return;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (let i = 0; i < n; i++) {
      x0 = Math.min(x0, X[i] - R[i]); x1 = Math.max(x1, X[i] + R[i]);
      y0 = Math.min(y0, Y[i] - R[i]); y1 = Math.max(y1, Y[i] + R[i]);
    }
    const w = canvas.clientWidth || 800, h = canvas.clientHeight || 600, pad = 30;
    view.scale = Math.min(3, (w - 2 * pad) / Math.max(1, x1 - x0), (h - 2 * pad) / Math.max(1, y1 - y0));
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
  function draw() {
    const dpr = window.devicePixelRatio || 1;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const near = selected >= 0 ? neighbours(selected) : null;
    const faded = (i) => near !== null && i !== selected && !near.has(i);
    const sx = (i) => X[i] * view.scale + view.x, sy = (i) => Y[i] * view.scale + view.y;

    for (const edge of EDGES) {
      if (!visible(edge)) continue;
      const mine = selected >= 0 && (edge.s === selected || edge.t === selected);
      ctx.globalAlpha = near === null ? (edge.kind === "cooccur" ? 0.5 : 0.85) : mine ? 1 : 0.12;
      ctx.strokeStyle = KINDS[edge.kind][1];
      ctx.lineWidth = mine ? 2.4 : edge.kind === "cooccur" ? 0.7 : 1.4;
      ctx.beginPath();
      ctx.moveTo(sx(edge.s), sy(edge.s));
      ctx.lineTo(sx(edge.t), sy(edge.t));
      ctx.stroke();
      if (edge.kind !== "cooccur" && edge.kind !== "partner") arrow(sx(edge.s), sy(edge.s), sx(edge.t), sy(edge.t),
        R[edge.t] * view.scale);
    }
    for (let i = 0; i < n; i++) {
      ctx.globalAlpha = faded(i) ? 0.22 : 1;
      ctx.fillStyle = TYPES[NODES[i].type][1];
      ctx.beginPath();
      ctx.arc(sx(i), sy(i), Math.max(3.5, R[i] * view.scale), 0, 2 * Math.PI);
      ctx.fill();
      ctx.lineWidth = i === selected || matches.has(i) ? 3 : 1;
      ctx.strokeStyle = i === selected ? "#111" : matches.has(i) ? "#f2b705" : "#fff";
      ctx.stroke();
    }
    ctx.font = "12px " + getComputedStyle(document.documentElement).fontFamily;
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    // labels most worth reading first; a label that would overlap one already drawn is left out
    // (zoom in to see it), except for the selected node, its neighbours and search matches
    const order = [];
    for (let i = 0; i < n; i++) {
      const must = i === selected || i === hovered || matches.has(i) || (near !== null && near.has(i));
      if (must || !faded(i)) order.push([must ? 0 : 1, -NODES[i].count, -degree[i], i]);
    }
    order.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3]);
    const placed = [];
    for (const [rank, , , i] of order) {
      const w = ctx.measureText(NODES[i].name).width, x = sx(i) - w / 2, y = sy(i) + Math.max(3.5, R[i] * view.scale) + 2;
      const box = [x - 2, y - 1, x + w + 2, y + 14];
      if (rank && placed.some((p) => box[0] < p[2] && p[0] < box[2] && box[1] < p[3] && p[1] < box[3])) continue;
      placed.push(box);
      ctx.globalAlpha = 1;
      ctx.lineWidth = 3;
      ctx.strokeStyle = "rgba(255,255,255,0.9)";
      ctx.strokeText(NODES[i].name, sx(i), y);
      ctx.fillStyle = i === selected ? "#000" : "#24292f";
      ctx.fillText(NODES[i].name, sx(i), y);
    }
    ctx.globalAlpha = 1;
  }
  function arrow(x0, y0, x1, y1, gap) {
    const d = Math.hypot(x1 - x0, y1 - y0);
    if (d < gap + 8) return;
    const ux = (x1 - x0) / d, uy = (y1 - y0) / d, tx = x1 - ux * (gap + 2), ty = y1 - uy * (gap + 2);
    ctx.fillStyle = ctx.strokeStyle;
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
      box.addEventListener("change", () => { shown[kind] = box.checked; updateCounts(); draw(); });
      kinds.append(el("label", {}, [box, el("span", { class: "stroke", style: "background:" + KINDS[kind][1] }),
        KINDS[kind][0] + " " + (perKind[kind] || 0)]));
    }
    document.getElementById("legend").append(types, kinds);
  }
  function updateCounts() {
    document.body.dataset.edges = String(EDGES.filter(visible).length);
  }

  // ---- side panel ---------------------------------------------------------------------------------
  function sentence(item, cls) {
    const out = el("div", { class: cls }, [el("span", { class: "doc", text: item.doc })]);
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
    parts.push(el("h3", { text: "Sentences 原文句子 (" + node.sents.length + ")" }));
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
  const names = []; // [normalised label, node, rank]: 0 canonical name, 1 variant
  NODES.forEach((node, i) => {
    names.push([norm(node.name), i, 0]);
    for (const alt of node.alt) names.push([norm(alt), i, 1]);
  });
  function find(query) {
    const q = norm(query);
    if (!q) return [];
    const score = new Map();
    for (const [label, i, rank] of names) {
      const s = label === q ? rank : label.includes(q) ? 2 + rank : Infinity;
      if (s < (score.has(i) ? score.get(i) : Infinity)) score.set(i, s);
    }
    return [...score.keys()].sort((a, b) => score.get(a) - score.get(b) || NODES[b].count - NODES[a].count || a - b);
  }
  function runSearch(query, choose) {
    const found = find(query);
    matches = new Set(found);
    status.textContent = !norm(query) ? "" : found.length ? found.length + (found.length === 1 ? " match" : " matches")
      : "no match 无结果";
    if (choose && found.length) select(found[0], true);
    else draw();
    return found;
  }
  function fromHash() {
    const params = new URLSearchParams(location.hash.replace(/^#/, "") || location.search.replace(/^\?/, ""));
    const query = params.get("search");
    if (query !== null) {
      search.value = query;
      runSearch(query, true);
    }
  }
  const list = document.getElementById("names");
  const seen = new Set();
  for (const node of NODES) {
    for (const label of [node.name, ...node.alt]) {
      if (seen.has(label)) continue;
      seen.add(label);
      list.append(el("option", label === node.name ? { value: label } : { value: label, label: "→ " + node.name }));
    }
  }
  search.addEventListener("input", () => runSearch(search.value, seen.has(search.value)));
  document.getElementById("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    runSearch(search.value, true);
  });
  window.addEventListener("hashchange", fromHash);

  // ---- pointer: pan, zoom, drag a node, click to select -------------------------------------------
  function hit(px, py) {
    const [wx, wy] = toWorld(px, py);
    for (let i = n - 1; i >= 0; i--) {
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
      if (over !== hovered) { hovered = over; draw(); }
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
    draw();
  });
  canvas.addEventListener("pointerup", () => {
    if (press && !press.moved) select(press.node, false);
    press = null;
    canvas.classList.remove("dragging");
  });
  canvas.addEventListener("wheel", (event) => {
    event.preventDefault();
    const factor = Math.exp(-event.deltaY * 0.0015);
    const scale = Math.min(12, Math.max(0.1, view.scale * factor));
    view.x = event.offsetX - ((event.offsetX - view.x) * scale) / view.scale;
    view.y = event.offsetY - ((event.offsetY - view.y) * scale) / view.scale;
    view.scale = scale;
    draw();
  }, { passive: false });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") { search.value = ""; runSearch("", false); select(-1, false); }
  });
  window.addEventListener("resize", resize);

  // ---- start --------------------------------------------------------------------------------------
  legend();
  fit();
  resize();
  if (!n) hint.textContent = "The graph has no entities. 图中没有实体。";
  fromHash();
  updateCounts();
  document.body.dataset.nodes = String(n);
  document.body.dataset.ready = "true";
})();
