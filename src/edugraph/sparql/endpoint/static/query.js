// The EduGraph query page: highlighting editor, library queries with a parameter form, results table with
// clickable IRIs (they run `entity-facts`), CSV/JSON download and permalinks. No external resources; text
// from the server is only ever set as textContent.
"use strict";
const LIBRARY = JSON.parse(document.getElementById("library").textContent);
const BY_NAME = Object.fromEntries(LIBRARY.map(q => [q.name, q]));
const PREFIXES = {
  "egr:": "https://w3id.org/edugraph/id/", "eg:": "https://w3id.org/edugraph/ontology#",
  "egg:": "https://w3id.org/edugraph/graph/", "rdf:": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  "rdfs:": "http://www.w3.org/2000/01/rdf-schema#", "skos:": "http://www.w3.org/2004/02/skos/core#",
  "owl:": "http://www.w3.org/2002/07/owl#", "xsd:": "http://www.w3.org/2001/XMLSchema#",
  "schema:": "https://schema.org/",
};
const ENTITY_QUERY = "entity-facts";
const $ = id => document.getElementById(id);
const editor = $("query"), code = $("highlight").firstChild;
let current = null;  // the library query picked, or null
let lastKind = null;  // "table" or "graph": what the last run returned

// ------------------------------------------------------------------ highlighting
const TOKEN = new RegExp([
  "(#[^\\n]*)",                                                          // 1 comment
  "(\"\"\"[\\s\\S]*?\"\"\"|'''[\\s\\S]*?'''|\"(?:[^\"\\\\\\n]|\\\\.)*\"|'(?:[^'\\\\\\n]|\\\\.)*')",  // 2 string
  "(<[^<>\"{}|^`\\\\\\s]*>)",                                            // 3 IRI
  "([?$][\\w\\u00B7-\\uFFFF]+)",                                         // 4 variable
  "(\\b(?:SELECT|CONSTRUCT|DESCRIBE|ASK|WHERE|FROM|NAMED|PREFIX|BASE|OPTIONAL|FILTER|UNION|MINUS|GRAPH|SERVICE|"
    + "BIND|VALUES|GROUP|BY|ORDER|HAVING|LIMIT|OFFSET|DISTINCT|REDUCED|AS|ASC|DESC|NOT|EXISTS|IN|COUNT|SUM|MIN|"
    + "MAX|AVG|SAMPLE|GROUP_CONCAT|SEPARATOR|COALESCE|IF|BOUND|STR|LANG|LCASE|UCASE|CONTAINS|STRSTARTS|REGEX|"
    + "SILENT|UNDEF|a)\\b)",                                              // 5 keyword
  "([A-Za-z][\\w.-]*:[\\w.%-]*|:[\\w.%-]+)",                             // 6 prefixed name
  "(\\b\\d+(?:\\.\\d+)?\\b)",                                            // 7 number
].join("|"), "gi");
const CLASSES = [null, "cmt", "str", "iri", "var", "kw", "pname", "num"];

function highlight() {
  const text = editor.value, parts = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    if (match.index > last) parts.push(document.createTextNode(text.slice(last, match.index)));
    const span = document.createElement("span");
    span.className = CLASSES[match.findIndex((group, i) => i > 0 && group !== undefined)];
    span.textContent = match[0];
    parts.push(span);
    last = match.index + match[0].length;
  }
  parts.push(document.createTextNode(text.slice(last) + "\n"));
  code.replaceChildren(...parts);
  syncScroll();
}
function syncScroll() { $("highlight").scrollTop = editor.scrollTop; $("highlight").scrollLeft = editor.scrollLeft; }

// ------------------------------------------------------------------ library and parameters
function fillExamples() {
  for (const q of LIBRARY) {
    const option = document.createElement("option");
    option.value = q.name;
    option.textContent = q.name + (q.params.length ? " (" + q.params.map(p => "?" + p.name).join(", ") + ")" : "");
    $("examples").append(option);
  }
}

function pick(name, values = {}) {
  current = BY_NAME[name] || null;
  $("examples").value = current ? name : "";
  $("question").textContent = current ? current.question_en + " / " + current.question_ru : "";
  const form = $("params");
  form.replaceChildren();
  for (const p of (current ? current.params : [])) {
    const label = document.createElement("label"), input = document.createElement("input");
    label.textContent = "?" + p.name + (p.required ? " (required)" : "");
    if (p.required) label.className = "required";
    input.name = p.name; input.placeholder = p.help; input.title = p.help; input.required = p.required;
    input.value = values[p.name] || "";
    label.append(input);
    form.append(label);
  }
  if (current) editor.value = current.text;
  highlight();
}

function parameterValues() {
  const values = {};
  for (const input of $("params").querySelectorAll("input")) {
    if (input.value.trim()) values[input.name] = input.value.trim();
  }
  return values;
}

// ------------------------------------------------------------------ running
function requestBody() {
  const body = new URLSearchParams({query: editor.value});
  for (const [name, value] of Object.entries(parameterValues())) body.append("$" + name, value);
  return body;
}

async function ask(accept) {
  return fetch("/sparql", {method: "POST", body: requestBody(),
                           headers: {"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"}});
}

async function run() {
  const missing = current ? current.params.filter(p => p.required && !parameterValues()[p.name]) : [];
  if (missing.length) { showError("fill in " + missing.map(p => "?" + p.name).join(", ")); return; }
  updatePermalink();
  $("status").textContent = "running…";
  $("results").replaceChildren();
  const started = performance.now();
  let response, text;
  try {
    response = await ask("application/sparql-results+json, text/turtle;q=0.9");
    text = await response.text();
  } catch (err) { showError(String(err)); return; }
  const seconds = ((performance.now() - started) / 1000).toFixed(2) + " s";
  if (!response.ok) { showError(response.status + ": " + text.trim()); return; }
  $("csv").disabled = $("json").disabled = false;
  if (!(response.headers.get("Content-Type") || "").includes("json")) {
    lastKind = "graph"; $("csv").disabled = true;
    const pre = document.createElement("pre"); pre.className = "graph"; pre.textContent = text;
    $("results").append(pre); $("status").textContent = seconds; return;
  }
  lastKind = "table";
  const data = JSON.parse(text);
  if ("boolean" in data) { $("results").textContent = String(data.boolean); $("status").textContent = seconds; return; }
  $("results").append(table(data));
  const n = data.results.bindings.length;
  $("status").textContent = n + (n === 1 ? " row, " : " rows, ") + seconds;
}

function showError(message) {
  const p = document.createElement("p");
  p.className = "err"; p.textContent = message;
  $("results").replaceChildren(p); $("status").textContent = "";
  $("csv").disabled = $("json").disabled = true;
}

function compact(iri) {
  for (const [prefix, namespace] of Object.entries(PREFIXES))
    if (iri.startsWith(namespace) && iri.length > namespace.length) return prefix + iri.slice(namespace.length);
  return "<" + iri + ">";
}

function cell(term) {
  const td = document.createElement("td");
  if (!term) return td;
  if (term.type === "uri") {
    const a = document.createElement("a");
    a.className = "entity"; a.textContent = compact(term.value); a.title = term.value + " — show every fact";
    const entityText = BY_NAME[ENTITY_QUERY] ? BY_NAME[ENTITY_QUERY].text : "";
    a.href = permalink(ENTITY_QUERY, entityText, {entity: "<" + term.value + ">"});
    a.addEventListener("click", event => { event.preventDefault(); showEntity(term.value); });
    td.append(a);
  } else {
    td.textContent = term.type === "bnode" ? "_:" + term.value : term.value;
    if (term["xml:lang"]) { const tag = document.createElement("span"); tag.className = "lang";
      tag.textContent = "@" + term["xml:lang"]; td.append(tag); }
  }
  return td;
}

function table(data) {
  const t = document.createElement("table"), head = t.createTHead().insertRow(), body = t.createTBody();
  for (const v of data.head.vars) { const th = document.createElement("th"); th.textContent = v; head.append(th); }
  for (const binding of data.results.bindings) {
    const row = body.insertRow();
    for (const v of data.head.vars) row.append(cell(binding[v]));
  }
  return t;
}

function showEntity(iri) { pick(ENTITY_QUERY, {entity: "<" + iri + ">"}); run(); }

async function download(kind) {
  const accept = kind === "csv" ? "text/csv" : (lastKind === "graph" ? "application/ld+json"
                                                                     : "application/sparql-results+json");
  const response = await ask(accept);
  if (!response.ok) { showError(response.status + ": " + (await response.text()).trim()); return; }
  const link = document.createElement("a");
  link.href = URL.createObjectURL(await response.blob());
  link.download = (current ? current.name : "query") + (kind === "csv" ? ".csv" : ".json");
  document.body.append(link); link.click(); link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

// ------------------------------------------------------------------ permalinks: #lib=NAME&p.NAME=VALUE or #q=TEXT
function permalink(name, text, values) {
  const hash = new URLSearchParams();
  if (name && BY_NAME[name] && BY_NAME[name].text === text) hash.set("lib", name); else hash.set("q", text);
  for (const [key, value] of Object.entries(values)) hash.set("p." + key, value);
  return "#" + hash.toString();
}
function updatePermalink() {
  const link = permalink(current && current.name, editor.value, parameterValues());
  $("permalink").href = link;
  history.replaceState(null, "", link);
}
function restore() {
  const hash = new URLSearchParams(location.hash.slice(1)), values = {};
  for (const [key, value] of hash) if (key.startsWith("p.")) values[key.slice(2)] = value;
  if (hash.get("lib") && BY_NAME[hash.get("lib")]) { pick(hash.get("lib"), values); return true; }
  if (hash.get("q")) {
    pick("");
    editor.value = hash.get("q"); highlight();
    return true;
  }
  return false;
}

// ------------------------------------------------------------------ wiring
fillExamples();
editor.addEventListener("input", highlight);
editor.addEventListener("scroll", syncScroll);
editor.addEventListener("keydown", event => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); run(); }
});
$("params").addEventListener("keydown", event => {
  if (event.key === "Enter") { event.preventDefault(); run(); }
});
$("examples").addEventListener("change", event => pick(event.target.value));
$("run").addEventListener("click", run);
$("csv").addEventListener("click", () => download("csv"));
$("json").addEventListener("click", () => download("json"));
$("description").addEventListener("click", async event => {
  event.preventDefault();
  const response = await fetch("/sparql", {headers: {"Accept": "text/turtle"}});
  const pre = document.createElement("pre"); pre.className = "graph"; pre.textContent = await response.text();
  $("results").replaceChildren(pre);
});
if (restore()) run(); else highlight();
document.body.dataset.ready = "1";
