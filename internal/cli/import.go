package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/liaison-net/liaison/importer"
)

func newImport() *cobra.Command {
	var out, states, mapping, alliances, with string
	var force bool
	cmd := &cobra.Command{
		Use:   "import SOURCE FILE... -o DIR",
		Short: "Convert COW, ATOP, IGO, Pajek, GraphML or GEXF data, or rivalries (TD, MID), into a liaison data set",
		Long: `import reads a real data set and writes it as a liaison data set folder (actors.csv,
ties.csv, clubs.csv, memberships.csv) at DIR, atomically: the folder appears whole or not at
all. It prints what it read, mapped, dropped and why.

Sources:
  cow-alliance  COW Formal Alliances 4.1, member level (alliance_v4.1_by_member.csv)
  atop          ATOP 4.x, member level (atop-member-level.csv); --alliances the
                alliance-level file for provisions and the Leeds–Anac institution index
  cow-igo       COW IGO 3.0 non-directed dyad-years (cow_igo_ndy.csv; several files allowed)
  pajek         Pajek .net/.paj: vertices → actors (id = number, name = label), edges and
                arcs → undirected ties (a pair given both ways is one row), relations →
                domains, vectors and partitions → actor columns
  graphml       GraphML: nodes, edges (undirected), typed keys → columns, key weight
  gexf          GEXF 1.2/1.3: nodes, edges, typed attributes → columns, edge spells →
                tie rows with since/until (one per spell)
  td-rivalries  Thompson–Dreyer strategic rivalries (td_rivalries.csv) → rivalries.csv
  cow-mid       COW MID dyad-years (cow_mid_ddydisps.csv) → rivalries.csv: a dispute's
                consecutive years of one pair are a spell, weight its highest hostlev
                (--with DIR: add rivalries.csv to a copy of the data set at DIR)

Alliances of two states become bilateral ties, one row per spell, with the obligations
as domains and a weight by the strongest (defence 3, neutrality and non-aggression 2,
entente and consultation 1); alliances of three or more become clubs with dated
memberships; --mapping clubs makes every alliance a club. IGO dyad-years become ties with
since = until = year and weight = the number of shared IGOs; dyad-years with none are
dropped. --states names the COW state list: ids are its abbreviations (stateabb), names its
statenme; codes it does not have are reported and kept as ids.

Exit status: 0 success, 1 failure (a missing file, an output folder that exists: --force
replaces it), 2 invalid input or command line.`,
		Example: `  liaison import cow-alliance alliance_v4.1_by_member.csv --states cow_states.csv -o cow-alliances
  liaison import atop atop-member-level.csv --alliances atop-alliance-level.csv --states cow_states.csv -o atop
  liaison import cow-igo cow_igo_ndy.csv --states cow_states.csv -o igo
  liaison import pajek Padgett.paj -o florentine
  liaison import td-rivalries td_rivalries.csv --states cow_states.csv --with cow-alliances -o cow-signed`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) < 2 {
				return usageError{fmt.Errorf("import needs a SOURCE (%s) and its input FILE", strings.Join(importer.Sources, ", "))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			source, files := args[0], args[1:]
			known := false
			for _, s := range importer.Sources {
				known = known || s == source
			}
			if !known {
				return usageError{fmt.Errorf("%w %q: want %s", importer.ErrUnknownSource, source, strings.Join(importer.Sources, ", "))}
			}
			if out == "" {
				return usageError{errors.New("name the output folder with -o DIR")}
			}
			if mapping != string(importer.MapDefault) && mapping != string(importer.MapClubs) {
				return usageError{fmt.Errorf("--mapping %q: want default or clubs", mapping)}
			}
			if mapping == string(importer.MapClubs) && source != importer.CowAlliance && source != importer.ATOPSource {
				return usageError{fmt.Errorf("--mapping applies to cow-alliance and atop, not %s", source)}
			}
			if states != "" && (source == importer.PajekSource || source == importer.GraphMLSrc || source == importer.GEXFSource) {
				return usageError{fmt.Errorf("--states applies to cow-alliance, atop and cow-igo, not %s", source)}
			}
			if alliances != "" && source != importer.ATOPSource {
				return usageError{fmt.Errorf("--alliances applies to atop, not %s", source)}
			}
			if with != "" && source != importer.TDRivalries && source != importer.CowMID {
				return usageError{fmt.Errorf("--with applies to %s and %s, not %s", importer.TDRivalries, importer.CowMID, source)}
			}
			if source != importer.CowIGO && len(files) != 1 {
				return usageError{fmt.Errorf("%s reads one input file, got %d", source, len(files))}
			}
			if err := importer.CheckTarget(out, force); err != nil {
				return err
			}
			o := importer.Options{States: states, Mapping: importer.Mapping(mapping), Alliances: alliances, With: with}
			data, rep, err := importer.Import(source, files, o)
			if err != nil {
				return err
			}
			if err := importer.Write(out, data, importer.WriteOptions{Force: force}); err != nil {
				return err
			}
			return output(cmd, "", func(w io.Writer) error {
				if err := rep.Format(w); err != nil {
					return err
				}
				_, err := fmt.Fprintf(w, "wrote %s (%s)\n", out, strings.Join(data.Files(), ", "))
				return err
			})
		},
	}
	f := cmd.Flags()
	f.StringVarP(&out, "output", "o", "", "the data set folder to write (must not exist or be empty, unless --force)")
	f.StringVar(&states, "states", "", "the COW state list (cow_states.csv): ids from stateabb, names from statenme")
	f.StringVar(&mapping, "mapping", string(importer.MapDefault), "alliances: default (two states → ties, more → clubs) or clubs (every alliance a club)")
	f.StringVar(&alliances, "alliances", "", "atop: the alliance-level file (provisions, Leeds–Anac institution)")
	f.StringVar(&with, "with", "", "td-rivalries, cow-mid: a data set folder to copy into DIR with rivalries.csv added (its actors.csv extended)")
	f.BoolVar(&force, "force", false, "replace an existing non-empty output folder")
	return cmd
}
