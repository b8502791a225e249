// Package provenance reads the provenance of an exchange record — which report each
// transfer carried, who first collected it, what it was derived from, which assessment it
// supports and under which caveat — and finds the failure modes of intelligence sharing
// that a network of weights cannot show:
//
//   - circular reporting: one origin reaching a consumer along two or more lines of
//     transfer (distinct reports or partners) that support the same assessment, so that
//     one source looks like corroboration (the Curveball pattern), or a consumer's own
//     collection coming back to it through partners; with the transfer paths;
//   - third-party breaches: a transfer to an actor outside a report's release set
//     (NOFORN, REL TO …, inherited by derived reports), an onward transfer of ORCON
//     material, or an onward transfer to an actor with whom the originator has no
//     agreement (no active tie, shared club or earlier direct exchange);
//   - dependence: per consumer, and per consumer and assessment, the shares of its
//     received items by origin and by partner, and their Herfindahl indexes;
//   - convergence: assessments supported by several partners but few independent origins
//     (independent origins / partners), an indicator — not a proof — of collusive
//     politicization.
//
// The columns and their validation are in graphmodel (provenance.go): Load rejects a
// record with unknown report ids, derived_from cycles, an origin that is not an actor or
// rows that disagree about a report. Analyze then reads the loaded data set; it never
// prints, and the same data set and options give the same Result. Path enumeration is
// bounded (Options.PathCap, StepCap, TotalSteps) and a Result says when a bound was hit.
//
// The README's "Provenance" section documents every rule and its limits.
package provenance
