//go:build unix

package main

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/match/ledger"
)

// killBatch is the number of events of each request of TestServerKill:
// about 1.4 MB, so that a kill may land inside the write.
const killBatch = 20_000

// startBinary starts the server binary bin with the ledger at path on a
// loopback port the system picks, and returns the command and the
// server's address once it listens.
func startBinary(t *testing.T, bin, path string) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(bin, "-addr", "127.0.0.1:0", "-ledger", path)
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	listening := regexp.MustCompile(`msg=listening addr=(\S+)`)
	lines := bufio.NewScanner(stderr)
	for lines.Scan() {
		if m := listening.FindStringSubmatch(lines.Text()); m != nil {
			go func() {
				for lines.Scan() { // keep the pipe drained
				}
			}()
			return cmd, m[1]
		}
	}
	require.FailNow(t, "the server did not start")
	return nil, ""
}

// killBody is the body of request k: killBatch applications, me-k-0, …
func killBody(k int) string {
	var b strings.Builder
	b.WriteByte('[')
	for i := range killBatch {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-%d-%d"}`, k, i)
	}
	b.WriteByte(']')
	return b.String()
}

// TestServerKill builds the server, posts large batches to it over
// loopback and kills it with SIGKILL at a random moment of a request;
// then the ledger holds every acknowledged request, and the request that
// was not acknowledged either whole or not at all, and the server starts
// again on it and accepts that request's retry when it was dropped. It
// runs 3 kills; DUO_SERVER_KILLS=n runs n.
func TestServerKill(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the server, starts and kills it")
	}
	runs := 3
	if n, err := strconv.Atoi(os.Getenv("DUO_SERVER_KILLS")); err == nil && n > 0 {
		runs = n
	}
	bin := filepath.Join(t.TempDir(), "duo-server")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	require.NoError(t, err, string(out))
	bodies := []string{killBody(0), killBody(1), killBody(2)}
	rng := rand.New(rand.NewPCG(21, 9))
	whole, none := 0, 0
	for run := range runs {
		path := filepath.Join(t.TempDir(), fmt.Sprintf("ledger-%d.jsonl", run))
		cmd, addr := startBinary(t, bin, path)
		acked := 1 + rng.IntN(2)
		for k := range acked {
			resp, err := http.Post("http://"+addr+"/v1/ledger/events", "application/json", strings.NewReader(bodies[k]))
			require.NoError(t, err)
			resp.Body.Close()
			require.Equal(t, http.StatusOK, resp.StatusCode, "run %d", run)
		}
		// The next request, killed at a random moment of it.
		go func() {
			resp, err := http.Post("http://"+addr+"/v1/ledger/events", "application/json", strings.NewReader(bodies[acked]))
			if err == nil {
				resp.Body.Close()
			}
		}()
		time.Sleep(time.Duration(rng.IntN(2000)) * time.Millisecond) // before, during or after its write
		require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
		_ = cmd.Wait()

		lf, err := ledger.OpenFile(path, ledger.Options{})
		require.NoError(t, err, "run %d: the file opens after the kill", run)
		var events []ledger.Event
		lf.View(func(l *ledger.Ledger) { events = l.Events() })
		rec := lf.Recovery()
		require.NoError(t, lf.Close())
		switch len(events) {
		case acked * killBatch:
			none++
		case (acked + 1) * killBatch:
			whole++
		default:
			require.Failf(t, "not all or nothing", "run %d: %d events on disk, %d acknowledged in batches of %d", run, len(events), acked*killBatch, killBatch)
		}
		for i, e := range events {
			if want := fmt.Sprintf("me-%d-%d", i/killBatch, i%killBatch); e.ID != want {
				require.Failf(t, "out of order", "run %d: event %d is %s, want %s", run, i, e.ID, want)
			}
		}
		t.Logf("run %d: %d acknowledged, %d on disk, %+v", run, acked*killBatch, len(events), rec)

		// The server starts again; the retry is accepted when the request
		// was dropped, and refused as already applied when it was kept.
		_, addr = startBinary(t, bin, path)
		resp, err := http.Post("http://"+addr+"/v1/ledger/events", "application/json", strings.NewReader(bodies[acked]))
		require.NoError(t, err)
		resp.Body.Close()
		if len(events) == acked*killBatch {
			assert.Equal(t, http.StatusOK, resp.StatusCode, "run %d: the retry of a dropped request", run)
		} else {
			assert.Equal(t, http.StatusBadRequest, resp.StatusCode, "run %d: the retry of a kept request", run)
		}
	}
	t.Logf("%d runs: the unacknowledged request was kept whole in %d, dropped whole in %d", runs, whole, none)
}
