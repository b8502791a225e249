// Package report writes the analyst's report of a liaison data set: one self-contained HTML
// file, or Markdown with its pictures beside it as SVG files.
package report
