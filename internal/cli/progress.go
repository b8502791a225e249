package cli

import (
	"fmt"
	"io"
	"os"
	"time"
)

// stages reports what a long command is doing: a progress line on a terminal (nothing when
// stderr is not a terminal) and, with --timings, the time each stage took.
type stages struct {
	w       io.Writer
	tty     bool
	timings bool
	cur     string
	start   time.Time
	last    time.Time // last progress line drawn
	done    []stageTime
}

type stageTime struct {
	name string
	d    time.Duration
}

func newStages(stderr io.Writer, timings bool) *stages {
	s := &stages{w: stderr, timings: timings}
	if f, ok := stderr.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			s.tty = true
		}
	}
	return s
}

// begin ends the current stage and starts the named one.
func (s *stages) begin(name string) {
	now := time.Now()
	if s.cur != "" {
		s.done = append(s.done, stageTime{s.cur, now.Sub(s.start)})
	}
	s.cur, s.start = name, now
	if s.tty && name != "" {
		fmt.Fprintf(s.w, "\r\033[K%s…", name)
	}
}

// progress is an analysis.Options.Progress callback.
func (s *stages) progress(stage string, done, total int) {
	if stage != s.cur {
		s.begin(stage)
	}
	if s.tty && total > 1 && time.Since(s.last) > 200*time.Millisecond {
		s.last = time.Now()
		fmt.Fprintf(s.w, "\r\033[K%s %d/%d (%.0f%%)", stage, done, total, 100*float64(done)/float64(total))
	}
}

// finish ends the last stage, clears the progress line and prints the timings if asked.
func (s *stages) finish() {
	s.begin("")
	if s.tty {
		fmt.Fprint(s.w, "\r\033[K")
	}
	if s.timings {
		var total time.Duration
		for _, st := range s.done {
			fmt.Fprintf(s.w, "timing: %-36s %8.3f s\n", st.name, st.d.Seconds())
			total += st.d
		}
		fmt.Fprintf(s.w, "timing: %-36s %8.3f s\n", "total", total.Seconds())
	}
}
