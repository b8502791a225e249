package provenance_test

import (
	"errors"
	"testing"
	"testing/fstest"

	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/provenance"
)

// FuzzProvenance feeds arbitrary provenance records to the loader and the analysis: nothing
// may panic; Load either rejects the record with FILE:LINE problems or Analyze reads it.
func FuzzProvenance(f *testing.F) {
	f.Add("2000,A,B,R1,A,,X,\n2001,B,C,R1,,,X,ORCON\n2001,B,C,R2,B,R1,X,REL TO A\n2002,C,A,R2,,,X,\n")
	f.Add("2000,A,B,R1,A,R2,,\n2000,B,A,R2,B,R1,,\n")
	f.Add("2000,A,B,R1,Z,R9,X,REL TO Q\n2000,A,B,,A,,,\n2000,A,A,R1,,,,\n")
	f.Add("2000,A,B,R1,A,,X,NOFORN//REL TO FVEY, K\n2000,B,C,R1,,,X,\n2000,C,B,R1,,,X,\n2000,B,D,R1,,,X,\n")
	f.Fuzz(func(t *testing.T, rows string) {
		fsys := fstest.MapFS{
			"exchanges.csv":   {Data: []byte("date,from,to,report,origin,derived_from,assessment,caveat\n" + rows)},
			"memberships.csv": {Data: []byte("club,actor\nK,A\nK,C\n")},
		}
		d, err := graphmodel.LoadFS(fsys, "fuzz")
		if err != nil {
			var ve *graphmodel.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("not a ValidationError: %v", err)
			}
			for _, p := range ve.Problems {
				if p.File == "" || p.Line == 0 {
					t.Fatalf("problem without a file and line: %v", p)
				}
			}
			return
		}
		if _, err := provenance.Analyze(d, provenance.Options{PathCap: 4, StepCap: 200, TotalSteps: 5000}); err != nil {
			t.Fatalf("analyze a loaded record: %v", err)
		}
	})
}
