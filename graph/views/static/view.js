/* quanze view: draws the graph from the embedded JSON with vis-network, and wires the search
   box, the legend filters and click-highlighting. Cell text is only ever set as textContent. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("quanze-data").textContent);
  var DIM = { background: "#edf2f7", border: "#e2e8f0" };
  var DIM_FONT = { color: "#cbd5e0" };
  var DIM_EDGE = { color: "#edf2f7", opacity: 0.6 };
  var many = data.nodes.length > 1000;

  var nodeKinds = {};
  data.nodeKinds.forEach(function (k) { nodeKinds[k.kind] = k; });
  var edgeKinds = {};
  data.edgeKinds.forEach(function (k) { edgeKinds[k.kind] = k; });

  function tooltip(lines) {
    var box = document.createElement("div");
    box.className = "qz-tip";
    lines.forEach(function (line) {
      var row = document.createElement("div");
      var key = document.createElement("b");
      key.textContent = line[0] + ": ";
      row.appendChild(key);
      row.appendChild(document.createTextNode(line[1]));
      box.appendChild(row);
    });
    return box;
  }

  /* styles as vis wants them; kept so highlighting can put them back */
  var nodeLook = {};
  var nodeKindOf = {};
  var nodeById = {};
  data.nodes.forEach(function (n) { nodeById[n.id] = n; });
  var nodeRows = data.nodes.map(function (n) {
    var k = nodeKinds[n.kind];
    var look = {
      color: {
        background: k.color, border: n.focus ? "#1a202c" : k.color,
        highlight: { background: k.color, border: "#1a202c" },
        hover: { background: k.color, border: "#1a202c" }
      },
      font: { color: "#1a202c", size: n.focus ? 16 : 12, strokeWidth: 3, strokeColor: "#ffffff" }
    };
    nodeLook[n.id] = look;
    nodeKindOf[n.id] = n.kind;
    return {
      id: n.id, label: n.label, x: n.x, y: n.y, shape: k.shape,
      size: n.focus ? Math.round(k.size * 1.8) : k.size, borderWidth: n.focus ? 4 : 1,
      color: look.color, font: look.font, title: tooltip(n.details), kind: n.kind,
      focus: n.focus
    };
  });

  var edgeLook = {};
  var pairs = {};
  var edgeRows = data.edges.map(function (e, i) {
    var k = edgeKinds[e.kind];
    var id = "e" + i;
    var look = { color: k.color, highlight: k.color, hover: k.color, opacity: 0.9 };
    edgeLook[id] = look;
    var pair = e.from < e.to ? e.from + "\u0000" + e.to : e.to + "\u0000" + e.from;
    var nth = pairs[pair] = (pairs[pair] || 0) + 1;
    var lines = [[k.label, nodeLabel(e.from) + " → " + nodeLabel(e.to)]];
    e.quotes.forEach(function (q) { lines.push(["原文 as written", q]); });
    return {
      id: id, from: e.from, to: e.to, kind: e.kind, color: look, width: k.width,
      dashes: k.dashes.length ? k.dashes : false,
      arrows: k.arrow ? { to: { enabled: true, scaleFactor: 0.5 } } : { to: { enabled: false } },
      smooth: nth === 1 ? false : {
        enabled: true, type: nth % 2 ? "curvedCCW" : "curvedCW", roundness: 0.15 * Math.ceil(nth / 2)
      },
      title: tooltip(lines)
    };
  });

  function nodeLabel(id) {
    return nodeById[id] ? nodeById[id].label : id;
  }

  var nodes = new vis.DataSet(nodeRows);
  var edges = new vis.DataSet(edgeRows);
  var container = document.getElementById("qz-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, {
    autoResize: true,
    layout: { improvedLayout: false },
    physics: data.physics ? {
      enabled: true, solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -40, springLength: 90 },
      stabilization: { enabled: true, iterations: 150, fit: true }
    } : { enabled: false },
    interaction: {
      hover: !many, tooltipDelay: 150, hideEdgesOnDrag: many, hideEdgesOnZoom: many,
      navigationButtons: false, keyboard: false
    },
    nodes: { borderWidthSelected: 4 },
    edges: { selectionWidth: 1.5 }
  });
  /* firstDrawMs: ms from navigation start to the first drawing; stable: nodes stay put */
  var api = {
    network: network, nodes: nodes, edges: edges, data: data, firstDrawMs: null, stable: false,
    highlighted: function () { return highlighted; }
  };
  window.quanzeView = api;
  if (data.physics) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      api.stable = true;
    });
  }
  network.once("afterDrawing", function () {
    api.firstDrawMs = performance.now();
    if (!data.physics) { api.stable = true; }
    document.body.setAttribute("data-drawn", "1");
  });

  /* click-highlighting ------------------------------------------------------------------- */
  var highlighted = null;

  function highlight(id) {
    var keep = {};
    keep[id] = true;
    network.getConnectedNodes(id).forEach(function (n) { keep[n] = true; });
    var keepEdges = {};
    network.getConnectedEdges(id).forEach(function (e) { keepEdges[e] = true; });
    nodes.update(nodeRows.map(function (n) {
      return keep[n.id]
        ? { id: n.id, color: nodeLook[n.id].color, font: nodeLook[n.id].font }
        : { id: n.id, color: DIM, font: DIM_FONT };
    }));
    edges.update(edgeRows.map(function (e) {
      return { id: e.id, color: keepEdges[e.id] ? edgeLook[e.id] : DIM_EDGE };
    }));
    highlighted = { id: id, nodes: Object.keys(keep).sort(), edges: Object.keys(keepEdges).sort() };
    showDetails(id);
  }

  function clearHighlight() {
    if (highlighted === null) { return; }
    nodes.update(nodeRows.map(function (n) {
      return { id: n.id, color: nodeLook[n.id].color, font: nodeLook[n.id].font };
    }));
    edges.update(edgeRows.map(function (e) { return { id: e.id, color: edgeLook[e.id] }; }));
    highlighted = null;
    showDetails(null);
  }

  function showDetails(id) {
    var body = document.getElementById("qz-details-body");
    body.textContent = "";
    if (id === null) {
      body.className = "qz-muted";
      body.textContent = "点击节点查看 — click a node";
      return;
    }
    body.className = "";
    var node = nodeById[id];
    var list = document.createElement("dl");
    node.details.concat([["IRI", node.id]]).forEach(function (line) {
      var dt = document.createElement("dt");
      dt.textContent = line[0];
      var dd = document.createElement("dd");
      dd.textContent = line[1];
      list.appendChild(dt);
      list.appendChild(dd);
    });
    body.appendChild(list);
  }

  network.on("click", function (params) {
    if (params.nodes.length) { highlight(params.nodes[0]); } else { clearHighlight(); }
  });

  /* filters ------------------------------------------------------------------------------- */
  var hiddenNodeKinds = {};
  var hiddenEdgeKinds = {};

  function applyFilters() {
    nodes.update(nodeRows.map(function (n) {
      return { id: n.id, hidden: !!hiddenNodeKinds[n.kind] };
    }));
    edges.update(edgeRows.map(function (e) {
      return {
        id: e.id,
        hidden: !!(hiddenEdgeKinds[e.kind] || hiddenNodeKinds[nodeKindOf[e.from]] ||
          hiddenNodeKinds[nodeKindOf[e.to]])
      };
    }));
    showVisible();
  }

  function showVisible() {
    var n = nodes.get({ filter: function (x) { return !x.hidden; } }).length;
    var m = edges.get({ filter: function (x) { return !x.hidden; } }).length;
    document.getElementById("qz-visible").textContent =
      "显示 shown: " + n + " / " + data.nodes.length + " nodes, " + m + " / " +
      data.edges.length + " edges";
  }

  function setKindVisible(which, kind, visible) {
    var hidden = which === "node" ? hiddenNodeKinds : hiddenEdgeKinds;
    if (visible) { delete hidden[kind]; } else { hidden[kind] = true; }
    var box = document.querySelector(
      'input[data-' + which + '-kind="' + kind.replace(/[^a-z_]/g, "") + '"]');
    if (box) { box.checked = visible; }
    applyFilters();
  }

  Array.prototype.forEach.call(document.querySelectorAll("input[data-node-kind]"), function (box) {
    box.addEventListener("change", function () {
      setKindVisible("node", box.getAttribute("data-node-kind"), box.checked);
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll("input[data-edge-kind]"), function (box) {
    box.addEventListener("change", function () {
      setKindVisible("edge", box.getAttribute("data-edge-kind"), box.checked);
    });
  });

  /* search -------------------------------------------------------------------------------- */
  var labels = document.getElementById("qz-labels");
  var seen = {};
  data.nodes.forEach(function (n) {
    if (!seen[n.label]) {
      seen[n.label] = true;
      var option = document.createElement("option");
      option.value = n.label;
      labels.appendChild(option);
    }
  });

  var lastQuery = null;
  var lastIndex = 0;

  function search(text) {
    var q = (text || "").trim().toLowerCase();
    var status = document.getElementById("qz-search-status");
    if (!q) { status.textContent = ""; return null; }
    var matches = data.nodes.filter(function (n) {
      if (hiddenNodeKinds[n.kind]) { return false; }
      var name = n.details.length ? n.details[0][1] : "";
      return n.label.toLowerCase().indexOf(q) >= 0 || name.toLowerCase().indexOf(q) >= 0;
    });
    matches.sort(function (a, b) { return rank(a) - rank(b); });
    function rank(n) {
      var label = n.label.toLowerCase();
      return label === q ? 0 : label.indexOf(q) === 0 ? 1 : 2;
    }
    if (!matches.length) {
      status.textContent = "没有找到 no node matches “" + text.trim() + "”";
      return null;
    }
    lastIndex = q === lastQuery ? (lastIndex + 1) % matches.length : 0;
    lastQuery = q;
    var id = matches[lastIndex].id;
    network.selectNodes([id]);
    highlight(id);
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: { duration: 300 } });
    status.textContent = (lastIndex + 1) + " / " + matches.length + ": " + matches[lastIndex].label;
    return id;
  }

  document.getElementById("qz-search").addEventListener("submit", function (event) {
    event.preventDefault();
    search(document.getElementById("qz-search-input").value);
  });

  api.search = search;
  api.highlight = highlight;
  api.clearHighlight = clearHighlight;
  api.setNodeKindVisible = function (kind, visible) { setKindVisible("node", kind, visible); };
  api.setEdgeKindVisible = function (kind, visible) { setKindVisible("edge", kind, visible); };
  showVisible();
}());
