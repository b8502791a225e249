package queries

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"

	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/internal/atomicfile"
)

// Pull reads the data set that Push wrote back into a contract data set folder dir (the same
// files as were pushed, rows in their input order), each file written atomically. Load the
// folder with graphmodel.Load to validate it.
func (s *Session) Pull(ctx context.Context, dir string) error {
	metaRows, err := s.Run(ctx, "MATCH (d:Dataset {id: 'liaison'}) RETURN d", nil)
	if err != nil {
		return fmt.Errorf("pull: %w", err)
	}
	if len(metaRows) == 0 {
		return fmt.Errorf("pull: no liaison data set in database %q (push one first)", s.Conn.Database)
	}
	meta := props(metaRows[0]["d"])
	cols := func(name string) []string { return toStrings(meta["columns_"+name], 0) }
	files := toStrings(meta["files"], 0)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("pull: %w", err)
	}
	has := func(f string) bool { return slices.Contains(files, f) }

	// Actors: with actors.csv, every listed actor; without it, none (the loader derives them).
	if has(graphmodel.ActorsFile) {
		rows, err := s.Run(ctx, "MATCH (a:Actor) RETURN a ORDER BY a.id", nil)
		if err != nil {
			return fmt.Errorf("pull: actors: %w", err)
		}
		header := append([]string{"id", "name", "type", "region"}, cols("actors")...)
		var out [][]string
		for _, r := range rows {
			p := props(r["a"])
			rec := []string{str(p["id"]), str(p["name"]), str(p["type"]), str(p["region"])}
			for _, c := range cols("actors") {
				rec = append(rec, str(p[c]))
			}
			out = append(out, rec)
		}
		if err := writeCSV(filepath.Join(dir, graphmodel.ActorsFile), header, out); err != nil {
			return err
		}
	}
	if has(graphmodel.ClubsFile) {
		rows, err := s.Run(ctx, "MATCH (c:Club) RETURN c ORDER BY c.id", nil)
		if err != nil {
			return fmt.Errorf("pull: clubs: %w", err)
		}
		header := append([]string{"id", "name", "since", "until"}, cols("clubs")...)
		var out [][]string
		for _, r := range rows {
			p := props(r["c"])
			rec := []string{str(p["id"]), str(p["name"]), str(p["since"]), str(p["until"])}
			for _, c := range cols("clubs") {
				rec = append(rec, str(p["x_"+c]))
			}
			out = append(out, rec)
		}
		if err := writeCSV(filepath.Join(dir, graphmodel.ClubsFile), header, out); err != nil {
			return err
		}
	}
	if has(graphmodel.TiesFile) {
		rows, err := s.Run(ctx, "MATCH (a:Actor)-[t:TIE]->(b:Actor) RETURN a.id AS a, b.id AS b, t", nil)
		if err != nil {
			return fmt.Errorf("pull: ties: %w", err)
		}
		header := append([]string{"source", "target", "weight", "since", "until", "domains"}, cols("ties")...)
		var out []lined
		for _, r := range rows {
			p := props(r["t"])
			lines := toInts(p["spell_line"])
			n := len(lines)
			w, rev := toFloats(p["spell_weight"], n), toBools(p["spell_reversed"], n)
			since, until, doms := toStrings(p["spell_since"], n), toStrings(p["spell_until"], n), toStrings(p["spell_domains"], n)
			for i := range lines {
				source, target := str(r["a"]), str(r["b"])
				if rev[i] {
					source, target = target, source
				}
				rec := []string{source, target, strconv.FormatFloat(w[i], 'g', -1, 64), since[i], until[i], doms[i]}
				for _, c := range cols("ties") {
					rec = append(rec, toStrings(p["spell_x_"+c], n)[i])
				}
				out = append(out, lined{lines[i], rec})
			}
		}
		if err := writeLined(filepath.Join(dir, graphmodel.TiesFile), header, out); err != nil {
			return err
		}
	}
	if has(graphmodel.MembershipsFile) {
		rows, err := s.Run(ctx, "MATCH (a:Actor)-[m:MEMBER_OF]->(c:Club) RETURN a.id AS actor, c.id AS club, m", nil)
		if err != nil {
			return fmt.Errorf("pull: memberships: %w", err)
		}
		header := append([]string{"club", "actor", "since", "until", "role"}, cols("memberships")...)
		var out []lined
		for _, r := range rows {
			p := props(r["m"])
			lines := toInts(p["spell_line"])
			n := len(lines)
			since, until, role := toStrings(p["spell_since"], n), toStrings(p["spell_until"], n), toStrings(p["spell_role"], n)
			for i := range lines {
				rec := []string{str(r["club"]), str(r["actor"]), since[i], until[i], role[i]}
				for _, c := range cols("memberships") {
					rec = append(rec, toStrings(p["spell_x_"+c], n)[i])
				}
				out = append(out, lined{lines[i], rec})
			}
		}
		if err := writeLined(filepath.Join(dir, graphmodel.MembershipsFile), header, out); err != nil {
			return err
		}
	}
	if has(graphmodel.ExchangesFile) {
		rows, err := s.Run(ctx, "MATCH (a:Actor)-[e:EXCHANGE]->(b:Actor) RETURN a.id AS from, b.id AS to, e", nil)
		if err != nil {
			return fmt.Errorf("pull: exchanges: %w", err)
		}
		header := append([]string{"date", "from", "to", "volume", "domain"}, cols("exchanges")...)
		var out []lined
		for _, r := range rows {
			p := props(r["e"])
			rec := []string{str(p["date"]), str(r["from"]), str(r["to"]), strconv.FormatFloat(toFloat(p["volume"]), 'g', -1, 64), str(p["domain"])}
			for _, c := range cols("exchanges") {
				rec = append(rec, str(p["x_"+c]))
			}
			out = append(out, lined{int(toInt(p["seq"])), rec})
		}
		if err := writeLined(filepath.Join(dir, graphmodel.ExchangesFile), header, out); err != nil {
			return err
		}
	}
	return nil
}

type lined struct {
	line int
	rec  []string
}

func writeLined(path string, header []string, rows []lined) error {
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].line < rows[j].line })
	recs := make([][]string, len(rows))
	for i, r := range rows {
		recs[i] = r.rec
	}
	return writeCSV(path, header, recs)
}

func writeCSV(path string, header []string, rows [][]string) error {
	err := atomicfile.Write(path, func(w io.Writer) error {
		cw := csv.NewWriter(w)
		if err := cw.Write(header); err != nil {
			return err
		}
		if err := cw.WriteAll(rows); err != nil {
			return err
		}
		return cw.Error()
	})
	if err != nil {
		return fmt.Errorf("pull: %w", err)
	}
	return nil
}

// props returns the properties of a node or relationship value.
func props(v any) map[string]any {
	switch e := v.(type) {
	case interface{ GetProperties() map[string]any }:
		return e.GetProperties()
	case map[string]any:
		return e
	}
	return map[string]any{}
}

func str(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case int64:
		return strconv.FormatInt(x, 10)
	case bool:
		return strconv.FormatBool(x)
	}
	return fmt.Sprint(v)
}

// toStrings, toFloats and toBools read a list property, at least n long (a list left out
// reads as n empty entries).
func toStrings(v any, n int) []string {
	l, _ := v.([]any)
	out := make([]string, max(n, len(l)))
	for i, x := range l {
		out[i] = str(x)
	}
	return out
}

func toFloat(v any) float64 {
	switch x := v.(type) {
	case float64:
		return x
	case int64:
		return float64(x)
	}
	return 0
}

func toInt(v any) int64 {
	switch x := v.(type) {
	case int64:
		return x
	case float64:
		return int64(x)
	}
	return 0
}

func toFloats(v any, n int) []float64 {
	l, _ := v.([]any)
	out := make([]float64, max(n, len(l)))
	for i, x := range l {
		out[i] = toFloat(x)
	}
	return out
}

func toBools(v any, n int) []bool {
	l, _ := v.([]any)
	out := make([]bool, max(n, len(l)))
	for i, x := range l {
		out[i], _ = x.(bool)
	}
	return out
}

func toInts(v any) []int {
	l, _ := v.([]any)
	out := make([]int, len(l))
	for i, x := range l {
		out[i] = int(toInt(x))
	}
	return out
}
