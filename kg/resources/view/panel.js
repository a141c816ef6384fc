// kg view, the parts around the drawing: the legend with its edge toggles, the side panel with a
// node's variants, relations and sentences, and the search. Plain DOM, no library; text from the
// graph only ever reaches the page through textContent. view.js calls kgPanel() once.
"use strict";

// kind -> [legend label, colour, shown by default, read from the head, read from the tail, directed];
// which kinds have a direction comes from kg.labels.DIRECTED (DATA.directed), as in the Gephi files
function kgKinds(directed) {
  const kinds = {
    role: ["role 职务", "#6e7781", true, "post in 任职于", "post held by 职务"],
    suborg: ["part of 隶属", "#1f3b73", true, "part of 隶属于", "has unit 下属"],
    located: ["located in 位于", "#8c6d1f", true, "located in 位于", "location of 所在地"],
    organizer: ["organizer 主办", "#9c4dcc", true, "organized by 主办单位", "organizes 主办"],
    partner: ["partner 合作", "#d6336c", true, "partner of 合作", "partner of 合作"],
    cooccur: ["co-occurs 共现", "#c7ccd1", false, "co-occurs with 共现", "co-occurs with 共现"],
  };
  for (const kind in kinds) kinds[kind].push(Boolean(directed[kind]));
  return kinds;
}

function kgPanel(DATA, TYPES, KINDS, shown, hooks) {
  const NODES = DATA.nodes, EDGES = DATA.edges;
  const details = document.getElementById("details");
  const hint = document.getElementById("hint");
  const adjacent = NODES.map(() => []);
  EDGES.forEach((edge, i) => { adjacent[edge.s].push(i); adjacent[edge.t].push(i); });

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

  // ---- legend: type counts, and one toggle per relation kind ---------------------------------------
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
      box.addEventListener("change", () => { shown[kind] = box.checked; hooks.kindsChanged(); });
      kinds.append(el("label", {}, [box, el("span", { class: "stroke", style: "background:" + KINDS[kind][1] }),
        KINDS[kind][0] + " " + (perKind[kind] || 0)]));
    }
    document.getElementById("legend").append(types, kinds);
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
    button.addEventListener("click", () => hooks.select(i, true));
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
  function clear() {
    details.hidden = true;
    hint.hidden = false;
  }

  // ---- search: the canonical name first, then variants, then names containing the query ----------
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

  return { adjacent, legend, fill, clear, find, norm, fillNames, isName: (text) => seen.has(text) };
}
