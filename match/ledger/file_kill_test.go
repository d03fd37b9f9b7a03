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

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/match/ledger"
)

// killBatch is the number of events of each batch the killed process
// appends: about 140 KB, so that a kill often lands inside a write.
const killBatch = 2000

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
	for {
		var b ledger.Batch
		for range killBatch {
			var e ledger.Event
			if err := e.UnmarshalJSON([]byte(`{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-` + strconv.Itoa(n) + `"}`)); err != nil {
				panic(err)
			}
			b.Events = append(b.Events, e)
			n++
		}
		if _, err := lf.Append(b); err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		fmt.Println("ok")
	}
}

// TestFileKill kills a process with SIGKILL while it appends batches,
// then opens the file again: it opens (a line cut by the kill is
// dropped), and it holds every event acknowledged before the kill, in
// order, each once. (A batch that was not acknowledged may be on disk in
// part: the file is all or nothing per line, not yet per batch.)
func TestFileKill(t *testing.T) {
	if path := os.Getenv("DUO_LEDGER_KILL_CHILD"); path != "" {
		killChild(path)
		return
	}
	if testing.Short() {
		t.Skip("starts and kills processes")
	}
	path := filepath.Join(t.TempDir(), "ledger.jsonl")
	rng := rand.New(rand.NewPCG(18, 5))
	acked := 0
	for run := range 6 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestFileKill$")
		cmd.Env = append(os.Environ(), "DUO_LEDGER_KILL_CHILD="+path)
		out, err := cmd.StdoutPipe()
		require.NoError(t, err)
		require.NoError(t, cmd.Start())
		t.Cleanup(func() { _ = cmd.Process.Kill() }) // when a check fails before the kill
		lines := bufio.NewScanner(out)
		for range 1 + rng.IntN(4) {
			require.True(t, lines.Scan(), "run %d: the child stopped", run)
			require.Equal(t, "ok", lines.Text(), "run %d", run)
			acked += killBatch
		}
		require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
		_ = cmd.Wait()

		lf, err := ledger.OpenFile(path, ledger.Options{})
		require.NoError(t, err, "run %d: the file opens after a kill", run)
		events := viewEvents(lf)
		require.GreaterOrEqual(t, len(events), acked, "run %d: every acknowledged event is on disk", run)
		for i, e := range events {
			if e.ID != "me-"+strconv.Itoa(i) {
				require.Fail(t, "out of order", "run %d: event %d is %s", run, i, e.ID)
			}
		}
		t.Logf("run %d: %d acknowledged, %d on disk, %+v", run, acked, len(events), lf.Recovery())
		acked = len(events)
		require.NoError(t, lf.Close())
	}
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.True(t, strings.HasSuffix(string(raw), "\n"))
}
