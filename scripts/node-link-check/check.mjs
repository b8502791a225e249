// Reads a liaison node-link JSON export with graphology and checks it against a manifest:
// node check.mjs EXPORT.json MANIFEST.json. The manifest gives the node and edge counts,
// every edge's weight ([source, target, weight]) and some node attributes ({id: {name:
// value}}). Prints one line; exits 1 on any failure.
import { readFileSync } from "node:fs";
import Graph from "graphology";

const [file, manifestFile] = process.argv.slice(2);
const data = JSON.parse(readFileSync(file, "utf8"));
const want = JSON.parse(readFileSync(manifestFile, "utf8"));
const g = Graph.from(data);
const fails = [];
if (g.type !== "undirected" || g.multi) fails.push(`graph type ${g.type}, multi ${g.multi}`);
if (g.order !== want.nodes) fails.push(`nodes: got ${g.order}, want ${want.nodes}`);
if (g.size !== want.edges) fails.push(`edges: got ${g.size}, want ${want.edges}`);
for (const [s, t, w] of want.weights) {
  if (!g.hasEdge(s, t)) { fails.push(`no edge ${s}–${t}`); continue; }
  const got = g.getEdgeAttribute(s, t, "weight");
  if (got !== w) fails.push(`weight ${s}–${t}: got ${got}, want ${w}`);
}
for (const [id, attrs] of Object.entries(want.node_attrs)) {
  for (const [name, value] of Object.entries(attrs)) {
    const got = g.getNodeAttribute(id, name);
    if (got !== value) fails.push(`${id}.${name}: got ${JSON.stringify(got)}, want ${JSON.stringify(value)}`);
  }
}
if (fails.length) {
  for (const f of fails.slice(0, 20)) console.log("FAIL " + f);
  process.exit(1);
}
console.log(`ok graphology ${file}: ${g.order} nodes, ${g.size} edges, ${want.weights.length} weights`);
