//go:build loadtest

// The load test: it starts the server as its own process on loopback and
// measures, scenario by scenario, the statuses, latencies and the server's
// peak RSS (VmHWM in /proc/<pid>/status). Run it with
//
//	go test -tags loadtest -run TestLoad -v -timeout 20m ./examples/server/
//
// and against another build of the server (an older commit, to see the
// failures it fixes) with DUO_SERVER_BIN=/path/to/binary. It is bounded
// in requests and time, and talks to 127.0.0.1 only.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/duomatch/duo/internal/synth"
	"github.com/stretchr/testify/require"
)

// proc is a server process under test.
type proc struct {
	cmd    *exec.Cmd
	addr   string
	stderr *syncBuffer
	done   chan error
}

func serverBinary(t *testing.T) string {
	if bin := os.Getenv("DUO_SERVER_BIN"); bin != "" {
		return bin
	}
	bin := filepath.Join(t.TempDir(), "server")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	require.NoError(t, err, string(out))
	return bin
}

var listening = regexp.MustCompile(`msg=listening addr=(\S+)`)

func start(t *testing.T, bin string, args ...string) *proc {
	p := &proc{stderr: &syncBuffer{}, done: make(chan error, 1)}
	base := []string{"-addr", "127.0.0.1:0", "-max-concurrent", "2"}
	if os.Getenv("DUO_SERVER_BIN") == "" {
		// This tree's server keeps its ledger file out of the source tree
		// (older builds have no -ledger flag).
		base = append(base, "-ledger", filepath.Join(t.TempDir(), "ledger.jsonl"))
	}
	p.cmd = exec.Command(bin, append(base, args...)...)
	p.cmd.Stderr = p.stderr
	require.NoError(t, p.cmd.Start())
	go func() { p.done <- p.cmd.Wait() }()
	require.Eventually(t, func() bool {
		m := listening.FindStringSubmatch(p.stderr.String())
		if m != nil {
			p.addr = m[1]
		}
		return m != nil
	}, 10*time.Second, 10*time.Millisecond)
	t.Cleanup(func() { _ = p.cmd.Process.Kill() })
	return p
}

// peakRSS is the process's VmHWM in MB.
func (p *proc) peakRSS() int {
	b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/status", p.cmd.Process.Pid))
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.Atoi(f[1])
			return kb >> 10
		}
	}
	return -1
}

// result is one request's status (0 for a transport error) and latency.
type result struct {
	status int
	d      time.Duration
}

func post(client *http.Client, url string, body []byte) result {
	start := time.Now()
	resp, err := client.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		return result{0, time.Since(start)}
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return result{resp.StatusCode, time.Since(start)}
}

// parallel sends n requests at once and returns their results.
func parallel(n int, f func(i int) result) []result {
	out := make([]result, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() { defer wg.Done(); out[i] = f(i) }()
	}
	wg.Wait()
	return out
}

func logResults(t *testing.T, name string, rs []result, p *proc) {
	counts := map[int]int{}
	var ds []time.Duration
	for _, r := range rs {
		counts[r.status]++
		ds = append(ds, r.d)
	}
	slices.Sort(ds)
	q := func(f float64) time.Duration {
		return ds[min(len(ds)-1, int(f*float64(len(ds))))].Round(time.Millisecond)
	}
	t.Logf("%-28s statuses %v  p50 %v  p99 %v  peak RSS %d MB", name, counts, q(0.5), q(0.99), p.peakRSS())
}

func roundBody(t *testing.T, mentees, mentors int, extra string) []byte {
	pool := synth.NewPool(synth.Config{Seed: 7, Mentees: mentees, Mentors: mentors})
	b, err := json.Marshal(pool)
	require.NoError(t, err)
	if extra != "" {
		b = append(b[:len(b)-1], []byte(","+extra+"}")...)
	}
	return b
}

func TestLoad(t *testing.T) {
	bin := serverBinary(t)
	client := &http.Client{Timeout: 120 * time.Second}
	empty := []byte(emptyEntries(8<<20/3 - 10))

	t.Run("1 empty entries, one", func(t *testing.T) {
		p := start(t, bin)
		logResults(t, "8 MiB of {} × 1", []result{post(client, "http://"+p.addr+"/v1/proposals", empty)}, p)
	})
	t.Run("1 empty entries, 20 at once", func(t *testing.T) {
		p := start(t, bin)
		logResults(t, "8 MiB of {} × 20", parallel(20, func(int) result { return post(client, "http://"+p.addr+"/v1/proposals", empty) }), p)
	})
	t.Run("2 slow readers", func(t *testing.T) {
		p := start(t, bin)
		big := roundBody(t, 4000, 3200, "")
		// A receive buffer set before connecting keeps the TCP window
		// small: the answer (about 6 MB) cannot sit in the kernel.
		d := net.Dialer{Control: func(_, _ string, c syscall.RawConn) error {
			return c.Control(func(fd uintptr) { _ = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 4096) })
		}}
		for range 2 {
			conn, err := d.Dial("tcp", p.addr)
			require.NoError(t, err)
			defer conn.Close()
			fmt.Fprintf(conn, "POST /v1/proposals HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", len(big))
			_, err = conn.Write(big)
			require.NoError(t, err)
		}
		time.Sleep(8 * time.Second) // both computed; their answers wait
		small := roundBody(t, 60, 45, "")
		short := &http.Client{Timeout: 40 * time.Second}
		logResults(t, "ordinary rounds, 2 stuck", parallel(10, func(int) result { return post(short, "http://"+p.addr+"/v1/proposals", small) }), p)
	})
	t.Run("3 admission", func(t *testing.T) {
		p := start(t, bin)
		body := roundBody(t, 2000, 1600, "")
		logResults(t, "50 × 2000×1600 at once", parallel(50, func(int) result { return post(client, "http://"+p.addr+"/v1/proposals", body) }), p)
	})
	t.Run("4 alternatives on a large round", func(t *testing.T) {
		p := start(t, bin, "-timeout", "10s")
		body := roundBody(t, 2000, 1600, `"alternatives": 3`)
		logResults(t, "alternatives, 2000×1600", []result{post(client, "http://"+p.addr+"/v1/proposals", body)}, p)
	})
	t.Run("5 shutdown", func(t *testing.T) {
		p := start(t, bin)
		body := roundBody(t, 4000, 3200, "")
		got := make(chan result, 1)
		go func() { got <- post(client, "http://"+p.addr+"/v1/proposals", body) }()
		time.Sleep(1500 * time.Millisecond)
		start := time.Now()
		require.NoError(t, p.cmd.Process.Signal(syscall.SIGTERM))
		r := <-got
		err := <-p.done
		lines := strings.Split(strings.TrimSpace(p.stderr.String()), "\n")
		t.Logf("%-28s request %d, exit %v after %v, last log line: %s", "SIGTERM while computing", r.status, err, time.Since(start).Round(time.Millisecond), lines[len(lines)-1])
	})
	t.Run("6 echoes", func(t *testing.T) {
		p := start(t, bin)
		long := `{"` + strings.Repeat("x", 900<<10) + `": 1}`
		resp, err := client.Post("http://"+p.addr+"/v1/proposals", "application/json", strings.NewReader(long))
		require.NoError(t, err)
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		conn, err := net.Dial("tcp", p.addr)
		require.NoError(t, err)
		defer conn.Close()
		_ = conn.SetDeadline(time.Now().Add(5 * time.Second))
		fmt.Fprintf(conn, "POST /v1/proposals HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 100000000000\r\n\r\n")
		line, _ := bufio.NewReader(conn).ReadString('\n')
		_, _ = http.Get("http://" + p.addr + "/v1/people/jane-doe-1990-04-17")
		time.Sleep(100 * time.Millisecond)
		t.Logf("%-28s unknown 900 KB field: %d, %d-byte answer; Expect 100-continue + 100 GB: %q; path logged whole: %v",
			"echoes", resp.StatusCode, len(b), strings.TrimSpace(line), strings.Contains(p.stderr.String(), "jane"))
	})
}
