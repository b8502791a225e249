package cli

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/liaison-net/liaison/queries"
)

// connFlags are the connection flags; their defaults come from the NEO4J_* variables.
type connFlags struct {
	uri, user, password, database      string
	dataset, caFile                    string
	connectTimeout, acquire, txTimeout time.Duration
}

func (c *connFlags) register(cmd *cobra.Command) {
	env := queries.ConnFromEnv()
	f := cmd.Flags()
	f.StringVar(&c.uri, "uri", env.URI, "Bolt URI of the server (NEO4J_URI)")
	f.StringVar(&c.user, "user", env.User, "user (NEO4J_USERNAME or NEO4J_USER)")
	// The password is never a shown default: it is read when the command runs.
	f.StringVar(&c.password, "password", "", "password (from NEO4J_PASSWORD)")
	f.StringVar(&c.database, "database", env.Database, "database (NEO4J_DATABASE)")
	f.StringVar(&c.dataset, "dataset", queries.DefaultDataset, "data set within the database (several share one; queries get it as $dataset)")
	f.StringVar(&c.caFile, "ca-file", "", "PEM file of the certificate authorities to trust for bolt+s:// and neo4j+s:// (default: the system's)")
	f.DurationVar(&c.connectTimeout, "connect-timeout", queries.DefaultConnectTimeout, "timeout of the TCP connect to the server")
	f.DurationVar(&c.acquire, "acquire-timeout", queries.DefaultAcquireTimeout, "timeout of getting a connection (connect and handshake)")
	f.DurationVar(&c.txTimeout, "tx-timeout", queries.DefaultTxTimeout, "timeout of each transaction")
}

func (c *connFlags) open(cmd *cobra.Command) (*queries.Session, error) {
	if c.password == "" {
		if c.password = os.Getenv("NEO4J_PASSWORD"); c.password == "" {
			c.password = queries.LocalPassword(c.uri) // only for the server scripts/neo4j runs
		}
	}
	if strings.TrimSpace(c.dataset) == "" {
		return nil, usageError{fmt.Errorf("--dataset: empty name")}
	}
	if scheme, _, _ := strings.Cut(c.uri, "://"); c.caFile != "" && !strings.HasSuffix(scheme, "+s") {
		return nil, usageError{fmt.Errorf("--ca-file: for a bolt+s:// or neo4j+s:// --uri, not %s://", scheme)}
	}
	return queries.Open(cmd.Context(), queries.Conn{URI: c.uri, User: c.user, Password: c.password, Database: c.database,
		Dataset: c.dataset, CAFile: c.caFile, ConnectTimeout: c.connectTimeout, AcquireTimeout: c.acquire, TxTimeout: c.txTimeout})
}

// datasetName is the --dataset value.
func (c *connFlags) datasetName() string { return c.dataset }

func newNeo4j(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "neo4j",
		Short: "Push a data set and its analysis into Neo4j, or pull it back",
		Long: `neo4j push writes the data set, the layer's analysis (actor metrics, communities, hub scores,
tie and club classes) into a Neo4j database in liaison's schema (:Actor, :Club, [:TIE],
[:MEMBER_OF], [:EXCHANGE]); pushing again replaces it. neo4j pull reads it back into a data set
folder. The connection flags default to the NEO4J_URI, NEO4J_USERNAME (or NEO4J_USER),
NEO4J_PASSWORD and NEO4J_DATABASE variables; without NEO4J_PASSWORD, the password of
scripts/neo4j is sent only to its local server (127.0.0.1 or localhost at NEO4J_PORT).`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newPush(g), newPull())
	return cmd
}

func newPush(g *globals) *cobra.Command {
	var cf connFlags
	var batch, writers int
	var lockWait time.Duration
	af := &analysisFlags{}
	cmd := &cobra.Command{
		Use:   "push PATH",
		Short: "Write a data set and its analysis into Neo4j",
		Example: `  liaison neo4j push testdata/example
  liaison neo4j push testdata/example --at 2005 --dataset example-2005 --uri neo4j+s://db.example.org --ca-file ca.pem`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st := newStages(cmd.ErrOrStderr(), af.timings)
			defer st.finish()
			_, _, r, err := runAnalysis(cmd, g, af, args, st)
			if err != nil {
				return err
			}
			st.begin("connect")
			s, err := cf.open(cmd)
			if err != nil {
				return err
			}
			defer s.Close(cmd.Context())
			if lockWait <= 0 {
				lockWait = -1 // PushOptions: 0 is the default wait
			}
			stats, err := s.Push(cmd.Context(), r, queries.PushOptions{Batch: batch, Writers: writers, Progress: st.progress, LockWait: lockWait})
			if err != nil {
				return err
			}
			st.finish()
			st.timings = false
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "pushed %d actors, %d clubs, %d tie rows, %d memberships, %d exchanges to %s (database %s, data set %s)\n",
				stats.Actors, stats.Clubs, stats.Ties, stats.Memberships, stats.Exchanges, queries.RedactURI(cf.uri), cf.database, cf.dataset)
			return err
		},
	}
	cf.register(cmd)
	cmd.Flags().IntVar(&batch, "batch", 2000, "nodes or relationships per write transaction")
	cmd.Flags().IntVar(&writers, "writers", 2, "write transactions at once")
	cmd.Flags().DurationVar(&lockWait, "lock-wait", 30*time.Second, "how long to wait for another push to finish (its lock); 0 or less: do not wait")
	af.register(cmd, true)
	return cmd
}

func newPull() *cobra.Command {
	var cf connFlags
	var out string
	cmd := &cobra.Command{
		Use:     "pull -o DIR",
		Short:   "Read the data set in Neo4j back into a data set folder",
		Example: `  liaison neo4j pull -o pulled/ && liaison validate pulled/`,
		Args:    exactArgs(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if out == "" {
				return usageError{fmt.Errorf("pull: name the folder with -o DIR")}
			}
			s, err := cf.open(cmd)
			if err != nil {
				return err
			}
			defer s.Close(cmd.Context())
			if err := s.Pull(cmd.Context(), out); err != nil {
				return err
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "pulled the data set %s into %s\n", cf.dataset, out)
			return err
		},
	}
	cf.register(cmd)
	cmd.Flags().StringVarP(&out, "output", "o", "", "folder to write the data set to")
	return cmd
}
