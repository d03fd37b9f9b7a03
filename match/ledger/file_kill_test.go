//go:build unix

package ledger_test

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/match/ledger"
)

// killBatch is the number of events of each batch the killed process
// appends: about 1.4 MB, so that a kill often lands inside a write.
const killBatch = 20000

// killChild is the process that TestFileKill kills: it appends batches
// of applications (me-0, me-1, …) to the file at path and prints "ok"
// after each Append returns.
func killChild(path string) {
	lf, err := ledger.OpenFile(path, ledger.Options{})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	n := 0
	lf.View(func(l *ledger.Ledger) { n = l.Len() })
	// The batches are built first, so that the child spends its time in
	// Append, where a kill is to be survived.
	batches := make([]ledger.Batch, 3)
	for i := range batches {
		for range killBatch {
			var e ledger.Event
			if err := e.UnmarshalJSON([]byte(`{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-` + strconv.Itoa(n) + `"}`)); err != nil {
				panic(err)
			}
			batches[i].Events = append(batches[i].Events, e)
			n++
		}
	}
	for _, b := range batches {
		if _, err := lf.Append(b); err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		fmt.Println("ok")
	}
	select {} // killed
}

// TestFileKill kills a process with SIGKILL while it appends batches,
// then opens the file again: it opens (a batch cut by the kill is
// dropped), and it holds every event acknowledged before the kill, in
// order, each once, and whole batches only: a batch that was not
// acknowledged is on disk entirely or not at all. It runs 6 kills;
// DUO_LEDGER_KILLS=n runs n.
func TestFileKill(t *testing.T) {
	if path := os.Getenv("DUO_LEDGER_KILL_CHILD"); path != "" {
		killChild(path)
		return
	}
	if testing.Short() {
		t.Skip("starts and kills processes")
	}
	rng := rand.New(rand.NewPCG(18, 5))
	runs := 6
	if n, err := strconv.Atoi(os.Getenv("DUO_LEDGER_KILLS")); err == nil && n > 0 {
		runs = n
	}
	cut := 0 // runs whose kill cut a batch
	for run := range runs {
		// Each run a new file, so that the runs stay short.
		path := filepath.Join(t.TempDir(), "ledger.jsonl")
		acked := 0
		cmd := exec.Command(os.Args[0], "-test.run=^TestFileKill$")
		cmd.Env = append(os.Environ(), "DUO_LEDGER_KILL_CHILD="+path)
		out, err := cmd.StdoutPipe()
		require.NoError(t, err)
		require.NoError(t, cmd.Start())
		t.Cleanup(func() { _ = cmd.Process.Kill() }) // when a check fails before the kill
		lines := bufio.NewScanner(out)
		for range 1 + rng.IntN(2) {
			require.True(t, lines.Scan(), "run %d: the child stopped", run)
			require.Equal(t, "ok", lines.Text(), "run %d", run)
			acked += killBatch
		}
		// Into the next batch's building, write or fsync.
		time.Sleep(time.Duration(rng.IntN(40)) * time.Millisecond)
		require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
		_ = cmd.Wait()

		lf, err := ledger.OpenFile(path, ledger.Options{})
		require.NoError(t, err, "run %d: the file opens after a kill", run)
		events := viewEvents(lf)
		require.GreaterOrEqual(t, len(events), acked, "run %d: every acknowledged event is on disk", run)
		require.Zero(t, len(events)%killBatch, "run %d: whole batches only (%d events)", run, len(events))
		if lf.Recovery().DroppedLine > 0 {
			cut++
		}
		for i, e := range events {
			if e.ID != "me-"+strconv.Itoa(i) {
				require.Fail(t, "out of order", "run %d: event %d is %s", run, i, e.ID)
			}
		}
		t.Logf("run %d: %d acknowledged, %d on disk, %+v", run, acked, len(events), lf.Recovery())
		require.NoError(t, lf.Close())
		raw, err := os.ReadFile(path)
		require.NoError(t, err)
		assert.True(t, strings.HasSuffix(string(raw), "\n"), "run %d", run)
	}
	t.Logf("%d of %d kills cut a batch", cut, runs)
}
