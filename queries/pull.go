package queries

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/liaison-net/liaison/internal/atomicfile"
)

// ErrIncompletePush is Pull's error when the last push into the database did not finish (it
// was interrupted, or is still running): what is there is not a whole data set.
var ErrIncompletePush = errors.New("the last push did not finish; push again")

// Pull reads the data set that Push wrote back into a contract data set folder dir (the same
// files as were pushed, rows in their input order). The folder is written whole: into a
// temporary folder beside dir, renamed into place when complete, so it never mixes files of
// two pulls (a stale file of an earlier pull is gone). An existing dir is replaced only when
// it is empty or holds nothing but .csv files (a folder of a data set); otherwise Pull fails
// and leaves it alone. Load the folder with graphmodel.Load to validate it.
func (s *Session) Pull(ctx context.Context, dir string) error {
	err := atomicfile.WriteDir(dir, func(e fs.DirEntry) bool { return !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".csv") },
		func(tmp string) error { return s.pullInto(ctx, tmp) })
	if errors.Is(err, atomicfile.ErrNotReplaceable) {
		return fmt.Errorf("pull: %w (not only .csv files: pull into a new or empty folder, or a data set folder)", err)
	}
	return err
}

func (s *Session) pullInto(ctx context.Context, dir string) error {
	metaRows, err := s.RunRead(ctx, "MATCH "+datasetNode+" RETURN d", nil)
	if err != nil {
		return fmt.Errorf("pull: %w", err)
	}
	if len(metaRows) == 0 {
		return fmt.Errorf("pull: no data set %q in database %q (push one first, or name it with --dataset)", s.dataset(), s.Conn.Database)
	}
	meta := props(metaRows[0]["d"])
	if done, _ := meta[propComplete].(bool); !done {
		return fmt.Errorf("pull: %w", ErrIncompletePush)
	}
	files := toStrings(meta[propFiles], 0)
	// Only the files that were pushed: without actors.csv, no actor is listed (the loader
	// derives them).
	for _, k := range kinds {
		if !slices.Contains(files, k.file) {
			continue
		}
		cols := toStrings(meta[columnsProp(k.stage)], 0)
		header := slices.Concat(k.columns, cols)
		path := filepath.Join(dir, k.file)
		var err error
		if k.node() {
			err = s.pullNodes(ctx, k, cols, path, header)
		} else {
			err = s.pullRels(ctx, k, cols, path, header)
		}
		if err != nil {
			return fmt.Errorf("pull: %s: %w", k.stage, err)
		}
	}
	return nil
}

// pullNodes writes the data set's nodes of kind k, by id, to path: a node's properties of
// its columns (times as the input gave them), then of its extra columns cols.
func (s *Session) pullNodes(ctx context.Context, k kind, cols []string, path string, header []string) error {
	rows, err := s.RunRead(ctx, "MATCH "+datasetNode+"-[:"+typeContains+"]->(x:"+k.label+") RETURN x ORDER BY x."+propID, nil)
	if err != nil {
		return err
	}
	var out [][]string
	for _, r := range rows {
		p := props(r["x"])
		var rec []string
		for _, c := range k.columns {
			v := str(p[c])
			if c == propSince || c == propUntil {
				if v, err = timeText(p[c], p[yearProp(c)]); err != nil {
					return err
				}
			}
			rec = append(rec, v)
		}
		for _, c := range cols {
			name := c
			if k.extra != "" {
				name = extraProp(k.extra, c)
			}
			rec = append(rec, str(p[name]))
		}
		out = append(out, rec)
	}
	return writeCSV(path, header, out)
}

// spellTimes reads a spell time list and its precision list as the input's texts, n long.
func spellTimes(p map[string]any, list string, n int) ([]string, error) {
	out := make([]string, n)
	ts, _ := p[list].([]any)
	ys, _ := p[spellYearProp(list)].([]any)
	for i := range min(n, len(ts)) {
		var y any
		if i < len(ys) {
			y = ys[i]
		}
		var err error
		if out[i], err = timeText(ts[i], y); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// pullRels writes the data set's relationships of kind k to path as the input rows, in
// input order: a tie's and a membership's spells, an exchange's properties.
func (s *Session) pullRels(ctx context.Context, k kind, cols []string, path string, header []string) error {
	rows, err := s.RunRead(ctx, "MATCH "+datasetNode+"-[:"+typeContains+"]->(a:"+k.from+")-[x:"+k.label+"]->(b:"+k.to+")<-[:"+typeContains+"]-(d) "+
		"RETURN a."+propID+" AS a, b."+propID+" AS b, x", nil)
	if err != nil {
		return err
	}
	var out []lined
	for _, r := range rows {
		p, a, b := props(r["x"]), str(r["a"]), str(r["b"])
		extras := func(n int) [][]string {
			x := make([][]string, len(cols))
			for j, c := range cols {
				x[j] = toStrings(p[extraProp(k.extra, c)], n)
			}
			return x
		}
		switch k.stage {
		case tieKind.stage, memberKind.stage:
			lines := toInts(p[propSpellLines])
			n := len(lines)
			since, err := spellTimes(p, propSpellSinces, n)
			if err != nil {
				return err
			}
			until, err := spellTimes(p, propSpellUntils, n)
			if err != nil {
				return err
			}
			x := extras(n)
			w, rev := toFloats(p[propSpellWeights], n), toBools(p[propSpellReversed], n)
			doms, roles := toStrings(p[propSpellDomains], n), toStrings(p[propSpellRoles], n)
			for i := range lines {
				var rec []string
				if k.stage == tieKind.stage {
					source, target := a, b
					if rev[i] {
						source, target = target, source
					}
					rec = []string{source, target, strconv.FormatFloat(w[i], 'g', -1, 64), since[i], until[i], doms[i]}
				} else {
					rec = []string{b, a, since[i], until[i], roles[i]}
				}
				for j := range cols {
					rec = append(rec, x[j][i])
				}
				out = append(out, lined{lines[i], rec})
			}
		case exchangeKind.stage:
			date, err := timeText(p[propDate], p[yearProp(propDate)])
			if err != nil {
				return err
			}
			rec := []string{date, a, b, strconv.FormatFloat(toFloat(p[propVolume]), 'g', -1, 64), str(p[propDomain])}
			for _, c := range cols {
				rec = append(rec, str(p[extraProp(k.extra, c)]))
			}
			out = append(out, lined{int(toInt(p[propSeq])), rec})
		}
	}
	return writeLined(path, header, out)
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
