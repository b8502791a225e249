package queries

import (
	"context"
	"fmt"
	"slices"

	"github.com/liaison-net/liaison/graphmodel"
)

// The provenance graph in Neo4j (README, "Provenance"), written at the end of a push when
// exchanges.csv has provenance columns:
//
//	(:Dataset)-[:CONTAINS]->(:Report {dataset, id, origin, roots, derivedFrom, caveat, line})   one per report id
//	(:Report)-[:DERIVED_FROM]->(:Report)                        its derived_from
//	(:Actor)-[:ORIGINATED]->(:Report)                           its origin
//	(:Actor)-[:EXCHANGE {…, report, origin, assessment}]->(:Actor)
//
// origin is the report's origin (the origin column, or the sender of its earliest row);
// roots the origins of the reports without derived_from that it rests on (sorted ids);
// line the exchanges.csv line of its first row. The EXCHANGE properties are set on the rows
// that carry a report, beside the x_ columns the push writes for every extra column (so a
// pull gives the provenance columns back unchanged). Property names are camelCase.
const (
	labelReport     = "Report"
	typeDerivedFrom = "DERIVED_FROM"
	typeOriginated  = "ORIGINATED"
)

// reportRow is one report's properties and its origin's and sources' ids.
type reportRow struct {
	props   map[string]any
	origin  string
	sources []string
}

// provenanceRows reads the record: the reports in order of first row, and for each exchange
// row with a report (by its position) its report, origin and assessment.
func provenanceRows(d *graphmodel.Dataset) (reports []reportRow, exchanges []map[string]any) {
	pc, ok := d.ProvenanceColumns()
	if !ok {
		return nil, nil
	}
	at := map[string]int{}
	firstDay := func(t graphmodel.Time) int64 {
		if t.IsDate() {
			return int64(t.Year)*10000 + int64(t.Month)*100 + int64(t.Day)
		}
		return int64(t.Year)*10000 + 101
	}
	earliest := []int{} // per report: its earliest row, for a default origin
	assess := make([]string, len(d.Exchanges))
	for i := range d.Exchanges {
		x := &d.Exchanges[i]
		p := pc.Provenance(x)
		if p.Report == "" {
			continue
		}
		assess[i] = p.Assessment
		k, seen := at[p.Report]
		if !seen {
			k = len(reports)
			at[p.Report] = k
			reports = append(reports, reportRow{props: map[string]any{propID: p.Report, "line": int64(x.Line)}})
			earliest = append(earliest, i)
		}
		r := &reports[k]
		if p.Origin != "" && r.origin == "" {
			r.origin = p.Origin
		}
		if len(p.DerivedFrom) > 0 && r.sources == nil {
			r.sources = p.DerivedFrom
		}
		if p.Caveat != "" {
			if _, ok := r.props["caveat"]; !ok {
				r.props["caveat"] = p.Caveat
			}
		}
		if e := &d.Exchanges[earliest[k]]; firstDay(x.Date) < firstDay(e.Date) {
			earliest[k] = i
		}
	}
	for k := range reports {
		r := &reports[k]
		if r.origin == "" {
			r.origin = d.Exchanges[earliest[k]].From
		}
		r.props["origin"] = r.origin
		if len(r.sources) > 0 {
			r.props["derivedFrom"] = r.sources
		}
	}
	// Roots, sources first (Load has ruled out cycles).
	roots := make([][]string, len(reports))
	var rootsOf func(k int) []string
	rootsOf = func(k int) []string {
		if roots[k] != nil {
			return roots[k]
		}
		r := &reports[k]
		if len(r.sources) == 0 {
			roots[k] = []string{r.origin}
			return roots[k]
		}
		var out []string
		for _, s := range r.sources {
			out = append(out, rootsOf(at[s])...)
		}
		slices.Sort(out)
		roots[k] = slices.Compact(out)
		return roots[k]
	}
	for k := range reports {
		reports[k].props["roots"] = rootsOf(k)
	}
	for i := range d.Exchanges {
		p := pc.Provenance(&d.Exchanges[i])
		if p.Report == "" {
			continue
		}
		row := map[string]any{"seq": int64(i), "report": p.Report, "origin": reports[at[p.Report]].origin}
		if assess[i] != "" {
			row["assessment"] = assess[i]
		}
		exchanges = append(exchanges, row)
	}
	return reports, exchanges
}

// pushProvenance replaces the data set's provenance graph by d's (none when d has no
// provenance columns): the :Report nodes of an earlier push of this data set are deleted
// first, in batches. Reports are keyed by (dataset, id) like actors and clubs, and linked to
// their data set node by CONTAINS.
func (s *Session) pushProvenance(ctx context.Context, w writer, d *graphmodel.Dataset, progress func(stage string, done, total int)) error {
	for _, q := range []string{
		uniqueKey(labelReport, propDataset, propID),
		"CREATE INDEX liaison_exchange_" + propSeq + " IF NOT EXISTS FOR ()-[x:" + typeExchange + "]-() ON (x." + propSeq + ")",
	} {
		if _, err := s.Run(ctx, q, nil); err != nil {
			return fmt.Errorf("provenance: schema: %w", err)
		}
	}
	if _, err := s.Run(ctx, "CALL db.awaitIndexes(300)", nil); err != nil {
		return fmt.Errorf("provenance: schema: %w", err)
	}
	for {
		rows, err := s.Run(ctx, "MATCH (p:"+labelReport+" {"+propDataset+": $"+propDataset+"}) WITH p LIMIT 10000 DETACH DELETE p RETURN count(*) AS n", nil)
		if err != nil {
			return fmt.Errorf("provenance: clear: %w", err)
		}
		if n, _ := rows[0]["n"].(int64); n == 0 {
			break
		}
	}
	reports, exchanges := provenanceRows(d)
	if len(reports) == 0 {
		return nil
	}
	var derived, originated []map[string]any
	for _, r := range reports {
		id := r.props[propID]
		originated = append(originated, map[string]any{"actor": r.origin, "report": id})
		for _, src := range r.sources {
			derived = append(derived, map[string]any{"from": id, "to": src})
		}
	}
	report := "(:" + labelReport + " {" + propDataset + ": $" + propDataset + ", " + propID + ": "
	stages := []struct {
		stage, cypher string
		rows          []map[string]any
	}{
		{"reports", "MATCH " + datasetNode + " UNWIND $rows AS r CREATE (p:" + labelReport + ") SET p = r, p." + propDataset + " = $" + propDataset +
			" CREATE (d)-[:" + typeContains + "]->(p) RETURN count(*) AS n", nil},
		{"derivations", "UNWIND $rows AS r MATCH (a" + report[1:] + "r.from}), (b" + report[1:] + "r.to}) CREATE (a)-[:" + typeDerivedFrom + "]->(b) RETURN count(*) AS n", derived},
		{"origins", "UNWIND $rows AS r MATCH (a:" + labelActor + " {" + propDataset + ": $" + propDataset + ", " + propID + ": r.actor}), (p" + report[1:] + "r.report}) CREATE (a)-[:" + typeOriginated + "]->(p) RETURN count(*) AS n", originated},
		{"exchange reports", "UNWIND $rows AS r MATCH ()-[x:" + typeExchange + " {" + propSeq + ": r.seq}]->(:" + labelActor + " {" + propDataset + ": $" + propDataset + "}) SET x.report = r.report, x.origin = r.origin, x.assessment = r.assessment RETURN count(*) AS n", exchanges},
	}
	props := make([]map[string]any, len(reports))
	for i := range reports {
		props[i] = reports[i].props
	}
	stages[0].rows = props
	for _, st := range stages {
		done := 0
		report := func(stage string, n int) {
			done += n
			if progress != nil {
				progress(stage, done, len(st.rows))
			}
		}
		rows := st.rows
		if err := writeRows(ctx, w, st.stage, st.cypher, len(rows), func(i int) map[string]any { return rows[i] }, report); err != nil {
			return fmt.Errorf("provenance: %w", err)
		}
	}
	return nil
}
