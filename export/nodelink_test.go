package export

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/internal/testenv"
	"github.com/liaison-net/liaison/internal/testutil"
)

// nodeLinkCase writes the example's node-link export and the manifest of what a reader must
// find: the counts, every edge's weight (from the layer) and, for every actor, its community,
// hub score and betweenness (from the analysis).
func nodeLinkCase(t *testing.T) (file, manifest string, data map[string]any) {
	t.Helper()
	r := testutil.Analyze(t, "../testdata/example", graphmodel.DefaultOptions(), analysis.Options{Sample: 50})
	var b bytes.Buffer
	if err := WriteNodeLink(&b, r, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b.Bytes(), &data); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	l := r.View
	var weights [][]any
	l.EachEdge(func(e graphmodel.Edge) { weights = append(weights, []any{e.F.Actor(), e.T.Actor(), e.W}) })
	hub := analysis.HubScores(r)
	attrs := map[string]map[string]any{}
	for u, a := range r.Actors {
		attrs[a.ID] = map[string]any{"community": a.Community, "hub_score": hub[u], "betweenness": a.Betweenness}
	}
	m, err := json.Marshal(map[string]any{"nodes": l.Len(), "edges": l.EdgeCount(), "weights": weights, "node_attrs": attrs})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file, manifest = filepath.Join(dir, "example.json"), filepath.Join(dir, "manifest.json")
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(manifest, m, 0o644); err != nil {
		t.Fatal(err)
	}
	return file, manifest, data
}

// The document has every edge of the layer once, undirected, each attribute flat and under
// "attributes" alike.
func TestNodeLinkShape(t *testing.T) {
	_, _, data := nodeLinkCase(t)
	if data["directed"] != false || data["multigraph"] != false {
		t.Errorf("directed %v, multigraph %v", data["directed"], data["multigraph"])
	}
	edges := data["edges"].([]any)
	seen := map[[2]string]bool{}
	for _, e := range edges {
		m := e.(map[string]any)
		k := [2]string{m["source"].(string), m["target"].(string)}
		if seen[k] || m["undirected"] != true {
			t.Errorf("edge %v twice or not undirected", k)
		}
		seen[k] = true
		at := m["attributes"].(map[string]any)
		for name, v := range at {
			if m[name] != v {
				t.Errorf("edge %v: %s is %v flat, %v under attributes", k, name, m[name], v)
			}
		}
	}
	if len(edges) != 381 { // the example's combined layer (summary: 381 edges)
		t.Errorf("%d edges", len(edges))
	}
}

// NetworkX (node_link_graph) and graphology (Graph.from) read the export with every edge's
// weight and the actors' attributes. Needs LIAISON_EXTERNAL=1, Python with NetworkX, and
// Node with scripts/node-link-check's packages (npm ci there; scripts/setup does it).
func TestNodeLinkReaders(t *testing.T) {
	file, manifest, _ := nodeLinkCase(t)
	t.Run("networkx", func(t *testing.T) {
		python := testenv.Python(t, "networkx")
		out, err := exec.Command(python, "../scripts/check_nodelink.py", file, manifest).CombinedOutput()
		if err != nil {
			t.Errorf("check_nodelink.py: %v\n%s", err, out)
		}
		t.Logf("%s", out)
	})
	t.Run("graphology", func(t *testing.T) {
		node := lookPath(t, "node")
		if _, err := os.Stat("../scripts/node-link-check/node_modules/graphology/package.json"); err != nil {
			npm := lookPath(t, "npm")
			if out, err := exec.Command(npm, "ci", "--no-audit", "--no-fund", "--prefix", "../scripts/node-link-check").CombinedOutput(); err != nil {
				testenv.Missing(t, "npm ci in scripts/node-link-check: %v\n%s", err, out)
			}
		}
		out, err := exec.Command(node, "../scripts/node-link-check/check.mjs", file, manifest).CombinedOutput()
		if err != nil {
			t.Errorf("check.mjs: %v\n%s", err, out)
		}
		t.Logf("%s", out)
	})
}
