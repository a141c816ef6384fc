// kg view, the very first frame: the nodes as discs on a plain 2D canvas, drawn the moment the data
// is parsed. Starting WebGL (sigma's shaders, its first frame) takes a second or more where the
// browser has no GPU and renders WebGL in software; this frame covers that time and is removed as
// soon as sigma's first frame is on screen. Same positions, colours, sizes and framing as sigma's.
"use strict";

// The box that holds all but the farthest 1% of nodes on each side (below 200 nodes, all of them):
// a few stragglers (pairs joined to nothing else) would otherwise shrink the connected bulk to a speck.
function kgFrameBox(xs, ys) {
  const n = xs.length;
  const cut = n >= 200 ? Math.floor(n / 100) : 0;
  const sx = Float64Array.from(xs).sort(), sy = Float64Array.from(ys).sort();
  return { x: [sx[cut], sx[n - 1 - cut]], y: [sy[cut], sy[n - 1 - cut]] };
}

// nodes: [{x, y (screen-down), size (px), colour}]; padding as sigma's stagePadding
function kgPreview(container, nodes, padding) {
  const width = container.clientWidth, height = container.clientHeight;
  const ratio = window.devicePixelRatio || 1;
  const canvas = document.createElement("canvas");
  canvas.className = "preview";
  canvas.width = Math.max(1, Math.round(width * ratio));
  canvas.height = Math.max(1, Math.round(height * ratio));
  canvas.style.cssText = "position:absolute;left:0;top:0;width:" + width + "px;height:" + height + "px";
  container.append(canvas);
  if (!nodes.length) return canvas;
  const box = kgFrameBox(nodes.map((node) => node.x), nodes.map((node) => node.y));
  const w = Math.max(box.x[1] - box.x[0], 1e-9), h = Math.max(box.y[1] - box.y[0], 1e-9);
  const scale = Math.min((width - 2 * padding) / w, (height - 2 * padding) / h);
  const cx = (box.x[0] + box.x[1]) / 2, cy = (box.y[0] + box.y[1]) / 2;
  const ctx = canvas.getContext("2d");
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  const byColour = new Map();
  for (const node of nodes) (byColour.get(node.colour) || byColour.set(node.colour, []).get(node.colour)).push(node);
  for (const [colour, group] of byColour) { // one path per colour: thousands of discs in a few fills
    ctx.beginPath();
    for (const node of group) {
      const x = width / 2 + (node.x - cx) * scale, y = height / 2 + (node.y - cy) * scale;
      ctx.moveTo(x + node.size, y);
      ctx.arc(x, y, node.size, 0, 2 * Math.PI);
    }
    ctx.fillStyle = colour;
    ctx.fill();
  }
  return canvas;
}
