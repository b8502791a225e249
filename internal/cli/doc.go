// Package cli is the liaison command line: a thin layer over graphmodel and analysis.
//
// [Do] runs the command line (cmd/liaison's main calls it) and returns the exit status:
// [ExitOK], [ExitFailure], or [ExitInvalid] for invalid input data or an invalid command line,
// after printing every problem of a *graphmodel.ValidationError as FILE:LINE: message.
//
// Each command is one file holding a newX function that parses its flags and calls the
// library, in the data flow of the library packages:
//
//	validate, summary           graphmodel.Load, Dataset.Layer, graphmodel.Summarize
//	analyze, typology, explain  analysis.Analyze or analysis.Classify → Result.WriteJSON or a table
//	evolve, whatif              analysis.Evolve, analysis.WhatIf
//	export                      analysis.Analyze → export.WriteFile
//	report                      analysis.Analyze, analysis.Evolve → report.Build → WriteHTML or WriteMarkdown
//	neo4j push, neo4j pull      queries.Open → Session.Push, Session.Pull
//	query                       queries.Get → Query.Bind → Session.Run
//
// The flags --at, --layer, --club-weight and --projection, shared by every command, make the
// graphmodel.Options of the period view; the analysis flags make the analysis.Options.
// Nothing here is library API: every computation lives in the packages it calls.
package cli
