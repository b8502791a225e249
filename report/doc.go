// Package report writes the analyst's report of a liaison data set: one self-contained HTML
// file, or Markdown with its pictures beside it as SVG files.
//
// # Entry points
//
// [Build] takes an *analysis.Result (from analysis.Analyze, carrying the period view it
// analysed in Result.View) and, optionally, the change over time as []analysis.YearPoint, and
// returns a [*Report]: everything the report shows, computed once. It analyses nothing
// itself. The writers only format it:
//
//	graphmodel.Load → Dataset.Layer → analysis.Analyze ─┐
//	  analysis.EvolveEach(years = SeriesYears, options = SeriesOptions) ─┴→ Build → WriteHTML / WriteMarkdown
//
// [Report.WriteHTML] writes one HTML file that opens offline (styles and pictures inline,
// nothing fetched) and prints cleanly; [Report.WriteMarkdown] writes Markdown and its
// pictures beside it (report.md: report-network.svg, report-typology.svg, report-hubs.svg,
// report-density.svg, report-classes.svg), each atomically. [SeriesYears] gives the years of
// the series (none for a single year or without times; at most 25, evenly stepped) and
// [SeriesOptions] the analysis options for them (betweenness sampled from 200 sources: the
// series needs ranks, not exact values).
//
// # Content
//
// A summary (span, counts, the three layers: [Report.Findings]); a drawing of the network
// (laid out by the layout package, node size the hub score, colour the community, relational
// ties solid, transactional dashed, club-only edges thin); the four-class typology as a 2×2
// table and a bar chart; the alliance hubs with their reasons; the relational cores
// ([Report.Core], [Report.LargestCliques]); the clubs by score ([Report.ClubsByScore]); the
// brokers ([Report.Brokers]: Gould–Fernandez roles and Burt's constraint); the communities; the
// change over time (density and the four classes per year, top hubs); and a method section
// stating every definition and parameter used ([Report.Method]); an appendix with every list
// complete ([Report.Appendix]; the body cuts long lists and points there). The pictures are
// SVG ([Pictures]): the charts drawn with gonum/plot, the network by a small SVG writer
// (network.go: layout.Readable, the backbone of a dense layer, labels placed where they
// overlap nothing).
//
// # The interactive view
//
// The HTML page also holds an interactive view of the network ([Report.Viewer]: viewer.js, a
// canvas viewer of our own, and one JSON document of the all-time layer and, with
// [Options.YearResults] from analysis.EvolveEach, of every year's layer for its year slider).
// report/TestViewInChromium drives it in headless Chromium.
package report
