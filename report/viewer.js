// liaison's interactive network view: a small canvas viewer, no library, no network access.
// It reads the JSON in <script id="lv-data" type="application/json"> (written by
// report/viewer.go) and draws the all-time layer or one year's layer of it.
(function () {
  "use strict";
  var root = document.getElementById("lv");
  var dataEl = document.getElementById("lv-data");
  if (!root || !dataEl) { return; }
  var D = JSON.parse(dataEl.textContent);
  var cv = document.getElementById("lv-canvas");
  var ctx = cv.getContext("2d");
  var tip = document.getElementById("lv-tip");
  var info = document.getElementById("lv-info");
  var status = document.getElementById("lv-status");
  var N = D.nodes.length;
  var CLASS = ["club co-membership only", "relational", "transactional"];
  var EDGE = D.edgeColours; // [club-only, relational, transactional]
  var st = { tx: 0, ty: 0, k: 1, year: -1, sel: null, hover: -1,
    cls: [true, true, true], layer: "combined", domain: "", community: -1 };
  var W = 0, H = 0, dpr = 1;
  var backbone = document.getElementById("lv-backbone");
  var drawn = { nodes: [], edges: [] }; // what the last frame drew (screen space), for hit tests

  // Edge class codes carry the layers too: c & 3 is the class (0 club-only, 1 relational,
  // 2 transactional), c & 4 a bilateral part, c & 8 a club part. The year frames leave out
  // the all-time frame's parts, scores and edge indexes: those come from the all-time edge.
  var pairIndex = new Map();
  for (var q0 = 0; q0 < D.all.s.length; q0++) { pairIndex.set(Math.min(D.all.s[q0], D.all.t[q0]) * N + Math.max(D.all.s[q0], D.all.t[q0]), q0); }
  function edgeOf(v, i) { return v.e ? v.e[i] : pairIndex.get(Math.min(v.s[i], v.t[i]) * N + Math.max(v.s[i], v.t[i])); }
  function cls(v, i) { return v.c[i] & 3; }
  function inBackbone(v, i) { return !v.bb || v.bb[i] === 1; }
  // The view of the moment: nodes shown (with their hub score) and edges as flat arrays.
  function view() {
    if (st.year < 0) { return D.all; }
    return D.years[st.year];
  }
  function edgeOK(v, i) {
    var c = v.c[i];
    if (!st.cls[c & 3]) { return false; }
    if (st.layer === "bilateral" && !(c & 4)) { return false; }
    if (st.layer === "clubs" && !(c & 8)) { return false; }
    if (st.domain !== "") {
      var e = edgeOf(v, i);
      if (e < 0 || D.edges[e].dom.indexOf(st.domain) < 0) { return false; }
    }
    return true;
  }
  function nodeOK(u) { return st.community < 0 || D.nodes[u].c === st.community; }
  function sx(u) { return (D.nodes[u].x * W) * st.k + st.tx; }
  function sy(u) { return (D.nodes[u].y * W) * st.k + st.ty; }
  function radius(h) { return (3 + 12 * h) * Math.min(2.5, Math.sqrt(st.k)); }
  function fit() {
    // The layout lives in [0, 1]² (x and y times the canvas width): fit its actors' bounding
    // box into the canvas, with a margin for the circles and labels.
    var x0 = 1, x1 = 0, y0 = 1, y1 = 0;
    for (var u = 0; u < N; u++) {
      var a = D.nodes[u];
      x0 = Math.min(x0, a.x); x1 = Math.max(x1, a.x); y0 = Math.min(y0, a.y); y1 = Math.max(y1, a.y);
    }
    if (x1 < x0) { x0 = y0 = 0; x1 = y1 = 1; }
    var m = 28, bw = Math.max(1e-3, x1 - x0) * W, bh = Math.max(1e-3, y1 - y0) * W;
    st.k = Math.min((W - 2 * m - 60) / bw, (H - 2 * m) / bh);
    st.tx = (W - bw * st.k) / 2 - x0 * W * st.k; st.ty = (H - bh * st.k) / 2 - y0 * W * st.k;
  }

  function resize() {
    dpr = window.devicePixelRatio || 1;
    var r = cv.getBoundingClientRect();
    var first = W === 0;
    W = Math.max(200, r.width); H = Math.max(200, r.height);
    cv.width = Math.round(W * dpr); cv.height = Math.round(H * dpr);
    if (first) { fit(); }
    draw();
  }

  // While the pointer pans or zooms, frames leave the faint edges out (counted all the same);
  // the whole frame follows when the pointer rests.
  var rest = null, fast = false;
  function drawSoon() {
    fast = true; draw(); fast = false;
    clearTimeout(rest);
    rest = setTimeout(draw, 150);
  }
  function draw() {
    var t0 = performance.now();
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, W, H);
    var v = view();
    var show = new Uint8Array(N);
    for (var j = 0; j < v.n.length; j++) { var u = v.n[j]; if (nodeOK(u)) { show[u] = 1; } }
    var inside = function (x, y) { return x >= 0 && y >= 0 && x <= W && y <= H; };
    // Edges: on a dense layer (with "backbone" on) the edges outside the backbone first, faint;
    // then one path per class, the club-only ones first.
    var ne = 0, de = [], faint = backbone.checked && v.dense, before = 0;
    for (var pass = 0; pass < 4; pass++) {
      var c = [-1, 0, 2, 1][pass];
      if (c < 0 && !faint) { continue; }
      ctx.beginPath();
      before = ne;
      for (var i = 0; i < v.s.length; i++) {
        if (c < 0 ? inBackbone(v, i) : (cls(v, i) !== c || faint && !inBackbone(v, i))) { continue; }
        if (!show[v.s[i]] || !show[v.t[i]] || !edgeOK(v, i)) { continue; }
        var x1 = sx(v.s[i]), y1 = sy(v.s[i]), x2 = sx(v.t[i]), y2 = sy(v.t[i]);
        if (Math.max(x1, x2) < 0 || Math.min(x1, x2) > W || Math.max(y1, y2) < 0 || Math.min(y1, y2) > H) { continue; }
        if (!(c < 0 && fast)) { ctx.moveTo(x1, y1); ctx.lineTo(x2, y2); }
        ne++; de.push(i);
      }
      ctx.strokeStyle = c < 0 ? "#9a9a9a" : EDGE[c];
      ctx.globalAlpha = c < 0 ? 0.1 : c === 0 ? 0.35 : 0.75;
      ctx.lineWidth = c < 0 ? 0.5 : c === 0 ? 0.6 : 1.4;
      // Dashes only for a few hundred ties: Chromium dashes thousands of segments slowly
      // (software rendering: 250 ms a frame at 5,000), solid orange then tells them apart.
      ctx.setLineDash(c === 2 && ne - before <= 1500 ? [5, 3] : []);
      ctx.stroke();
    }
    ctx.setLineDash([]); ctx.globalAlpha = 1;
    // The selected node's or edge's ties on top.
    if (st.sel && st.sel.kind === "node") {
      ctx.beginPath();
      for (i = 0; i < v.s.length; i++) {
        if ((v.s[i] === st.sel.i || v.t[i] === st.sel.i) && show[v.s[i]] && show[v.t[i]] && edgeOK(v, i)) {
          ctx.moveTo(sx(v.s[i]), sy(v.s[i])); ctx.lineTo(sx(v.t[i]), sy(v.t[i]));
        }
      }
      ctx.strokeStyle = "#111"; ctx.lineWidth = 2.2; ctx.stroke();
    } else if (st.sel && st.sel.kind === "edge") {
      ctx.beginPath(); ctx.moveTo(sx(st.sel.s), sy(st.sel.s)); ctx.lineTo(sx(st.sel.t), sy(st.sel.t));
      ctx.strokeStyle = "#111"; ctx.lineWidth = 3; ctx.stroke();
    }
    var tEdges = performance.now();
    // Nodes, the biggest hubs last (on top).
    var order = [], selXY = null;
    for (j = 0; j < v.n.length; j++) { if (show[v.n[j]]) { order.push(j); } }
    order.sort(function (a, b) { return v.h[a] - v.h[b] || v.n[a] - v.n[b]; });
    var nn = 0, dn = [];
    // All but the top 100 hubs in one path per colour (a few fills instead of thousands), the
    // top hubs one by one above them, the biggest last.
    var batch = {}, top = Math.max(0, order.length - 100);
    ctx.strokeStyle = "#fff"; ctx.lineWidth = 1;
    for (j = 0; j < order.length; j++) {
      var q = order[j], w = v.n[q], x = sx(w), y = sy(w), r = radius(v.h[q]);
      if (x < -r || y < -r || x > W + r || y > H + r) { continue; }
      var col = D.colours[D.nodes[w].c] || "#c4c4c4";
      if (j < top) {
        if (!batch[col]) { batch[col] = new Path2D(); }
        batch[col].moveTo(x + r, y); batch[col].arc(x, y, r, 0, 2 * Math.PI);
      } else {
        if (j === top) { flush(); }
        ctx.beginPath(); ctx.arc(x, y, r, 0, 2 * Math.PI);
        ctx.fillStyle = col;
        ctx.fill(); ctx.stroke();
      }
      if (st.sel && st.sel.kind === "node" && st.sel.i === w) { selXY = [x, y, r]; }
      if (inside(x, y)) { nn++; }
      dn.push([w, x, y, r, q]);
    }
    flush();
    if (selXY) {
      ctx.beginPath(); ctx.arc(selXY[0], selXY[1], selXY[2], 0, 2 * Math.PI);
      ctx.lineWidth = 3; ctx.strokeStyle = "#111"; ctx.stroke(); ctx.lineWidth = 1;
    }
    function flush() {
      Object.keys(batch).sort().forEach(function (col) { ctx.fillStyle = col; ctx.fill(batch[col]); ctx.stroke(batch[col]); });
      batch = {};
    }
    var tNodes = performance.now();
    // Labels: by hub score, best first, wherever they do not overlap an earlier one; the more
    // the zoom, the more labels fit.
    ctx.font = "12px " + D.font; ctx.textBaseline = "middle";
    var boxes = [], maxLabels = Math.round(D.labels * Math.max(1, st.k * st.k));
    for (j = dn.length - 1; j >= 0 && boxes.length < maxLabels; j--) {
      var d = dn[j], lab = D.nodes[d[0]].id, lw = ctx.measureText(lab).width;
      var bx = d[1] + d[3] + 2, by = d[2] - 7, ok = true;
      for (var b = 0; b < boxes.length && ok; b++) {
        var o = boxes[b];
        ok = bx > o[0] + o[2] || bx + lw < o[0] || by > o[1] + o[3] || by + 14 < o[1];
      }
      if (!ok) { continue; }
      boxes.push([bx, by, lw, 14]);
      ctx.lineWidth = 3; ctx.strokeStyle = "rgba(255,255,255,0.85)"; ctx.strokeText(lab, bx, d[2]);
      ctx.fillStyle = "#222"; ctx.fillText(lab, bx, d[2]);
    }
    drawn = { nodes: dn, edges: de };
    cv.setAttribute("data-visible-nodes", nn);
    cv.setAttribute("data-visible-edges", ne);
    cv.setAttribute("data-labels", boxes.length);
    cv.setAttribute("data-draw-ms", (performance.now() - t0).toFixed(1));
    cv.setAttribute("data-draw-parts", [tEdges - t0, tNodes - tEdges, performance.now() - tNodes].map(function (x) { return x.toFixed(1); }).join(" "));
    status.textContent = (st.year < 0 ? D.period : "year " + v.year) + " · " + nn + " actors and " + ne + " edges in view";
  }

  // Hit tests in screen space.
  function nodeAt(x, y) {
    for (var j = drawn.nodes.length - 1; j >= 0; j--) {
      var d = drawn.nodes[j], dx = x - d[1], dy = y - d[2];
      if (dx * dx + dy * dy <= (d[3] + 3) * (d[3] + 3)) { return d; }
    }
    return null;
  }
  function edgeAt(x, y) {
    var v = view(), best = -1, bd = 16;
    for (var j = 0; j < drawn.edges.length; j++) {
      var i = drawn.edges[j], x1 = sx(v.s[i]), y1 = sy(v.s[i]), x2 = sx(v.t[i]), y2 = sy(v.t[i]);
      var dx = x2 - x1, dy = y2 - y1, l2 = dx * dx + dy * dy;
      var t = l2 > 0 ? Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / l2)) : 0;
      var ex = x1 + t * dx - x, ey = y1 + t * dy - y, d2 = ex * ex + ey * ey;
      if (d2 < bd) { bd = d2; best = i; }
    }
    return best;
  }

  function esc(s) { return String(s).replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; }); }
  function num(x) { return typeof x === "number" ? (Math.abs(x) >= 100 ? x.toFixed(1) : x.toPrecision(3).replace(/\.?0+$/, "")) : x; }
  function row(k, v) { return "<tr><th>" + esc(k) + "</th><td>" + esc(v) + "</td></tr>"; }

  function showNode(u, q) {
    var a = D.nodes[u], v = view(), h = "<h3>" + esc(a.id) + (a.name ? " <span class=\"lv-small\">" + esc(a.name) + "</span>" : "") + "</h3><table>";
    h += row("community", a.c) + row("hub score (all time)", num(a.h));
    if (a.rank) { h += row("hub rank", a.rank); }
    if (st.year >= 0 && q >= 0) { h += row("hub score in " + v.year, num(v.h[q])); }
    for (var m = 0; m < D.measures.length; m++) { if (a.m[m] !== null) { h += row(D.measures[m], num(a.m[m])); } }
    h += "</table>";
    if (a.why) { h += "<p><b>why:</b> " + esc(a.why) + "</p>"; }
    info.innerHTML = h;
    info.setAttribute("data-shows", a.id);
  }
  function showEdge(i) {
    var v = view(), s = D.nodes[v.s[i]].id, t = D.nodes[v.t[i]].id, ei = edgeOf(v, i), e = ei >= 0 ? D.edges[ei] : null, c = cls(v, i);
    var h = "<h3>" + esc(s) + " – " + esc(t) + "</h3><table>";
    if (st.year >= 0) { h += row("year", v.year); }
    h += row("weight", num(v.w[i]));
    if (v.b) { h += row("bilateral part", num(v.b[i])) + row("club part", num(v.k[i])); }
    h += row("class", CLASS[c]);
    if (c > 0) { h += row("p_relational", num(v.p[i])); }
    if (c > 0 && v.r) { h += row("relational score", num(v.r[i])); }
    if (e) {
      if (c > 0 && !v.year) { h += row("decided by", e.by); }
      if (e.f) { h += row("factors" + (st.year >= 0 ? " (all time)" : ""), e.f); }
      if (e.dom.length) { h += row("domains", e.dom.join(", ")); }
    }
    h += "</table>";
    if (c > 0 && v.p[i] > D.uncertain[0] && v.p[i] < D.uncertain[1]) { h += "<p class=\"lv-small\">An uncertain call (" + D.uncertain[0] + " &lt; p_relational &lt; " + D.uncertain[1] + ").</p>"; }
    info.innerHTML = h;
    info.setAttribute("data-shows", s + "–" + t);
  }

  function select(x, y) {
    var d = nodeAt(x, y);
    if (d) { st.sel = { kind: "node", i: d[0] }; showNode(d[0], d[4]); draw(); return; }
    var i = edgeAt(x, y);
    if (i >= 0) { var v = view(); st.sel = { kind: "edge", s: v.s[i], t: v.t[i] }; showEdge(i); draw(); return; }
    st.sel = null; info.innerHTML = "<p class=\"lv-small\">Click an actor or a tie for its details.</p>"; info.removeAttribute("data-shows"); draw();
  }

  function zoomAt(f, x, y, soon) {
    var k = Math.max(0.2, Math.min(60, st.k * f));
    f = k / st.k;
    st.tx = x - (x - st.tx) * f; st.ty = y - (y - st.ty) * f; st.k = k;
    if (soon) { drawSoon(); } else { draw(); }
  }

  // Pointer: drag to pan, wheel to zoom, hover for the name, click for details.
  var drag = null;
  cv.addEventListener("mousedown", function (ev) { drag = { x: ev.clientX, y: ev.clientY, tx: st.tx, ty: st.ty, moved: false }; });
  window.addEventListener("mouseup", function (ev) {
    if (!drag) { return; }
    var d = drag; drag = null;
    if (!d.moved) { var r = cv.getBoundingClientRect(); select(ev.clientX - r.left, ev.clientY - r.top); }
  });
  cv.addEventListener("mousemove", function (ev) {
    var r = cv.getBoundingClientRect(), x = ev.clientX - r.left, y = ev.clientY - r.top;
    if (drag) {
      var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) { drag.moved = true; }
      if (drag.moved) { st.tx = drag.tx + dx; st.ty = drag.ty + dy; drawSoon(); }
      return;
    }
    var d = nodeAt(x, y);
    if (d) {
      var a = D.nodes[d[0]];
      tip.textContent = a.id + (a.name ? " · " + a.name : "") + " · hub " + num(view().h[d[4]]);
      tip.style.left = (x + 12) + "px"; tip.style.top = (y + 12) + "px"; tip.style.display = "block";
    } else { tip.style.display = "none"; }
  });
  cv.addEventListener("mouseleave", function () { tip.style.display = "none"; });
  cv.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var r = cv.getBoundingClientRect();
    zoomAt(Math.exp(-ev.deltaY * 0.0015), ev.clientX - r.left, ev.clientY - r.top, true);
  }, { passive: false });

  function byId(id) { return document.getElementById(id); }
  byId("lv-zoom-in").addEventListener("click", function () { zoomAt(1.5, W / 2, H / 2); });
  byId("lv-zoom-out").addEventListener("click", function () { zoomAt(1 / 1.5, W / 2, H / 2); });
  byId("lv-reset").addEventListener("click", function () { fit(); draw(); });
  ["lv-rel", "lv-trans", "lv-club"].forEach(function (id, j) {
    byId(id).addEventListener("change", function (ev) { st.cls[[1, 2, 0][j]] = ev.target.checked; draw(); });
  });
  backbone.addEventListener("change", draw);
  byId("lv-layer").addEventListener("change", function (ev) { st.layer = ev.target.value; draw(); });
  byId("lv-domain").addEventListener("change", function (ev) { st.domain = ev.target.value; draw(); });
  byId("lv-community").addEventListener("change", function (ev) { st.community = ev.target.value === "" ? -1 : +ev.target.value; draw(); });
  var slider = byId("lv-year"), yearLabel = byId("lv-year-label"), allTime = byId("lv-all-time");
  function setYear(i) {
    st.year = i;
    yearLabel.textContent = i < 0 ? "all time" : String(D.years[i].year);
    if (st.sel && st.sel.kind === "node") {
      var q = D.years.length && i >= 0 ? D.years[i].n.indexOf(st.sel.i) : D.all.n.indexOf(st.sel.i);
      showNode(st.sel.i, q);
    }
    draw();
  }
  // The slider's last position is "all time", the others the years of the series.
  if (D.years.length) {
    slider.max = D.years.length; slider.value = D.years.length;
    slider.addEventListener("input", function () { setYear(+slider.value < D.years.length ? +slider.value : -1); });
    allTime.addEventListener("click", function () { slider.value = D.years.length; setYear(-1); });
  }

  // Search by id (exact, then prefix) or by name (contains), case-insensitive.
  function find(q) {
    q = q.trim().toLowerCase();
    if (!q) { return -1; }
    var u, pre = -1, name = -1;
    for (u = 0; u < N; u++) {
      var id = D.nodes[u].id.toLowerCase();
      if (id === q) { return u; }
      if (pre < 0 && id.indexOf(q) === 0) { pre = u; }
      if (name < 0 && D.nodes[u].name && D.nodes[u].name.toLowerCase().indexOf(q) >= 0) { name = u; }
    }
    return pre >= 0 ? pre : name;
  }
  function search() {
    var q = byId("lv-search").value, u = find(q), out = byId("lv-found");
    if (u < 0) { out.textContent = "no actor matches “" + q + "”"; return; }
    var v = view(), at = v.n.indexOf(u);
    out.textContent = "found " + D.nodes[u].id + (at < 0 ? " (not active in this year)" : "");
    st.sel = { kind: "node", i: u };
    var k = Math.max(st.k, 2.5);
    st.k = k; st.tx = W / 2 - D.nodes[u].x * W * k; st.ty = H / 2 - D.nodes[u].y * W * k;
    showNode(u, at);
    draw();
  }
  byId("lv-search-go").addEventListener("click", search);
  byId("lv-search").addEventListener("keydown", function (ev) { if (ev.key === "Enter") { ev.preventDefault(); search(); } });

  // For tests and scripts: where an actor is drawn (page coordinates), or null.
  window.liaisonView = {
    screenOf: function (id) {
      for (var j = 0; j < drawn.nodes.length; j++) {
        var d = drawn.nodes[j];
        if (D.nodes[d[0]].id === id) { var r = cv.getBoundingClientRect(); return { x: r.left + d[1], y: r.top + d[2], r: d[3] }; }
      }
      return null;
    },
    // A point on the drawn tie a–b where a click selects that tie (not an actor nor another
    // tie), or null.
    edgePoint: function (a, b) {
      var v = view(), r = cv.getBoundingClientRect();
      for (var j = 0; j < drawn.edges.length; j++) {
        var i = drawn.edges[j], s = D.nodes[v.s[i]].id, t = D.nodes[v.t[i]].id;
        if (!(s === a && t === b || s === b && t === a)) { continue; }
        for (var q = 0; q < 41; q++) {
          var f = 0.5 + (q % 2 ? 1 : -1) * Math.ceil(q / 2) * 0.02;
          // Whole pixels: mouse events report integer coordinates.
          var px = Math.round(r.left + sx(v.s[i]) + f * (sx(v.t[i]) - sx(v.s[i]))), py = Math.round(r.top + sy(v.s[i]) + f * (sy(v.t[i]) - sy(v.s[i])));
          if (!nodeAt(px - r.left, py - r.top) && edgeAt(px - r.left, py - r.top) === i) { return [px, py]; }
        }
      }
      return null;
    },
    years: function () { return D.years.map(function (y) { return y.year; }); }
  };
  window.addEventListener("resize", resize);
  resize();
  root.setAttribute("data-ready", "1");
})();
