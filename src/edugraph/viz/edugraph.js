// EduGraph pages: the language switch (every page) and the network (pages with #graph-data).
// Written once into lib/ next to the pages; strings from the data are set with DOM properties, never innerHTML.
"use strict";
(function () {
  const LANGS = ["ru", "en"];
  const root = document.documentElement;
  const requested = new URLSearchParams(location.hash.slice(1)).get("lang");
  let lang = LANGS.includes(requested) ? requested : root.dataset.lang;
  const dataElement = document.getElementById("graph-data");
  const DATA = dataElement ? JSON.parse(dataElement.textContent) : null;
  let nodes = null, edges = null, network = null;

  function setLanguage(next) {
    lang = next;
    root.dataset.lang = next;
    root.lang = next;
    document.title = root.getAttribute("data-title-" + next) || document.title;
    for (const button of document.querySelectorAll("[data-set-lang]")) {
      button.setAttribute("aria-pressed", String(button.dataset.setLang === next));
    }
    for (const link of document.querySelectorAll("a[data-page]")) {
      link.href = link.getAttribute("href").split("#")[0] + "#lang=" + next;
    }
    history.replaceState(null, "", "#lang=" + next);
    if (network) relabel();
  }
  for (const button of document.querySelectorAll("[data-set-lang]")) {
    button.addEventListener("click", function () { setLanguage(button.dataset.setLang); });
  }
  if (!DATA) { setLanguage(lang); return; }

  // ---- the network -------------------------------------------------------------------------
  window.__timing = {start: performance.now()};
  for (const el of document.querySelectorAll("[data-colour]")) {
    if (el.classList.contains("symbol")) el.style.color = el.dataset.colour;
    else el.style.background = el.dataset.colour;
  }
  const BASE_FONT = DATA.options.nodes.font.size;
  const CENTRAL_PX = 13;  // screen size of the central labels at the first view
  const inLanguage = function (item) {
    return Object.assign({}, item, {label: item["label_" + lang], title: item["title_" + lang]});
  };
  const withoutLabel = function (item) { return Object.assign(inLanguage(item), {label: undefined}); };
  nodes = new vis.DataSet(DATA.nodes.map(inLanguage));
  const labelled = function (edge) { return DATA.edgeLabels && edge.kind !== DATA.commonestEdge; };
  edges = new vis.DataSet(DATA.edges.map(function (e) { return labelled(e) ? inLanguage(e) : withoutLabel(e); }));
  network = new vis.Network(document.getElementById("network"), {nodes: nodes, edges: edges}, DATA.options);
  window.network = network;
  window.__nodes = nodes;
  window.__edges = edges;
  const physics = document.getElementById("physics");
  let emphasised = {};  // node -> its font size, when not the base one

  // Labels are placed most central first. The most central nodes get a font that reads at CENTRAL_PX at the current
  // zoom (vis-network caps labels at maxVisible px when zooming in), the others keep the base font, which
  // vis-network hides below its drawThreshold until one zooms in. A label that would cover one already placed is
  // not drawn (its name stays in the tooltip) until zooming in makes room: this runs again after each zoom.
  const HIDDEN_FONT = 0.01;  // far below drawThreshold at any zoom
  const measure = document.createElement("canvas").getContext("2d");
  function emphasise() {
    const scale = network.getScale();
    const scaling = DATA.options.nodes.scaling.label;
    const boxes = [], updates = [], picked = [];
    DATA.nodes.forEach(function (node, rank) {
      if (nodes.get(node.id).hidden) return;
      const central = rank < DATA.central;
      const font = central ? Math.max(BASE_FONT, CENTRAL_PX / scale) : BASE_FONT;
      const px = font * scale;  // vis-network measures a label at this size, though it draws it at maxVisible at most
      let size = font;
      if (px >= scaling.drawThreshold - 1) {  // drawn at this zoom: is there room for it?
        const lines = String(node["label_" + lang]).split("\n");
        measure.font = px + "px " + DATA.options.nodes.font.face;
        const width = Math.max.apply(null, lines.map(function (l) { return measure.measureText(l).width; })) + 4;
        const at = network.canvasToDOM(network.getPosition(node.id));
        const top = at.y + node.size * scale;
        const box = {left: at.x - width / 2, right: at.x + width / 2, top: top, bottom: top + lines.length * px * 1.25};
        if (boxes.some(function (b) {
          return b.left < box.right && box.left < b.right && b.top < box.bottom && box.top < b.bottom;
        })) size = HIDDEN_FONT;
        else boxes.push(box);
      }
      if (size !== (emphasised[node.id] || BASE_FONT)) updates.push({id: node.id, font: {size: size}});
      if (size !== BASE_FONT) picked.push([node.id, size]);
    });
    nodes.update(updates);
    emphasised = Object.fromEntries(picked);
  }
  let zoomed = null;
  network.on("zoom", function () {  // once the zooming stops
    clearTimeout(zoomed);
    zoomed = setTimeout(emphasise, 150);
  });
  window.__labelPx = function (id) {  // the on-screen size of a node's label
    const font = (nodes.get(id).font || {}).size || BASE_FONT;
    return Math.min(font * network.getScale(), DATA.options.nodes.scaling.label.maxVisible);
  };

  function relabel() {
    const translated = function (item) {
      return {id: item.id, label: item["label_" + lang], title: item["title_" + lang]};
    };
    nodes.update(DATA.nodes.map(translated));
    edges.update(edges.get().map(function (e) {
      return labelled(e) ? translated(e) : {id: e.id, title: e["title_" + lang]};
    }));
    fillSearchList();
    document.getElementById("search").placeholder = DATA.placeholder[lang];
    emphasise();
  }

  network.once("afterDrawing", function () {
    window.__timing.firstDraw = performance.now();
    document.body.dataset.firstDraw = String(window.__timing.firstDraw - window.__timing.start);
  });
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({physics: {enabled: false}});
    physics.checked = false;
    emphasise();
    network.fit({animation: false});
    emphasise();
    settle(3);
  });

  // fit() measures the nodes before emphasise() enlarges their labels, so a wide label at the edge would be cut:
  // once drawn, zoom out until every drawn node, label included, is inside the canvas (a few rounds at most,
  // since emphasise() keeps the central labels at the same size on screen).
  function labelsOverflow() {
    const area = document.getElementById("network");
    let box = null;
    for (const id of nodes.getIds()) {
      if (nodes.get(id).hidden) continue;
      const b = network.getBoundingBox(id);
      box = box ? {left: Math.min(box.left, b.left), right: Math.max(box.right, b.right),
                   top: Math.min(box.top, b.top), bottom: Math.max(box.bottom, b.bottom)} : b;
    }
    if (!box) return false;
    const scale = network.getScale();
    const shrink = Math.min(1, 0.96 * area.clientWidth / ((box.right - box.left) * scale),
                            0.96 * area.clientHeight / ((box.bottom - box.top) * scale));
    if (shrink > 0.995) return false;
    network.moveTo({position: {x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2},
                    scale: scale * shrink, animation: false});
    return true;
  }
  function settle(rounds) {
    network.once("afterDrawing", function () {  // laid out = drawn with the final layout and label sizes
      if (rounds > 0 && labelsOverflow()) {
        emphasise();
        settle(rounds - 1);
        return;
      }
      window.__timing.stabilized = performance.now();
      document.body.dataset.stabilized = String(window.__timing.stabilized - window.__timing.start);
    });
    network.redraw();
  }
  physics.addEventListener("change", function () { network.setOptions({physics: {enabled: physics.checked}}); });

  // search: by the label in either language; the suggestions are the labels in the page's language
  const list = document.getElementById("labels");
  function fillSearchList() {
    list.replaceChildren();
    const seen = new Set();
    for (const node of DATA.nodes) {
      const text = node["label_" + lang].replace(/\n/g, " ");
      if (seen.has(text)) continue;
      seen.add(text);
      const option = document.createElement("option");
      option.value = text;
      list.appendChild(option);
    }
  }
  const found = document.getElementById("found");
  function search(text) {
    const query = text.trim().toLowerCase();
    const ids = query ? DATA.nodes.filter(function (n) {
      return !nodes.get(n.id).hidden && n.find.includes(query);
    }).map(function (n) { return n.id; }) : [];
    network.selectNodes(ids);
    found.textContent = query ? ids.length + " " + DATA.found[lang] : "";
    if (ids.length) network.focus(ids[0], {scale: Math.max(network.getScale(), 1.2), animation: {duration: 300}});
    return ids;
  }
  window.__search = search;
  document.getElementById("search").addEventListener("change", function (event) { search(event.target.value); });

  // filter by class
  for (const box of document.querySelectorAll(".class-filter")) {
    box.addEventListener("change", function () {
      const group = box.value;
      nodes.update(nodes.getIds({filter: function (n) { return n.category === group; }})
        .map(function (id) { return {id: id, hidden: !box.checked}; }));
    });
  }
  setLanguage(lang);
})();
