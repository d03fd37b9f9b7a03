package ledger_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/duomatch/duo/match/ledger"
	"github.com/duomatch/duo/profile"
)

// A service keeps its programme's ledger in a file: it decodes a request's
// events, appends them all or none, and reads the ledger between writes.
func ExampleOpenFile() {
	dir, err := os.MkdirTemp("", "ledger")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	lf, err := ledger.OpenFile(filepath.Join(dir, "ledger.jsonl"), ledger.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer lf.Close()
	fmt.Printf("created: %v\n", lf.Recovery().Created)

	body := `[{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-1"},
	          {"on":"2026-01-07","event":"applied","side":"mentor","id":"mo-1"}]`
	batch, err := ledger.DecodeEvents(strings.NewReader(body), profile.DecodeOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	n, err := lf.Append(batch) // on disk (fsync) when it returns
	fmt.Println(n, err)

	// A proposal for a mentor who never applied: nothing is written. (A
	// batch of several events takes a marker line before its events: the
	// refused event would have been on line 6.)
	batch, _ = ledger.DecodeEvents(strings.NewReader(`[{"on":"2026-02-02","event":"proposed","mentee_id":"me-1","mentor_id":"mo-1"},
	  {"on":"2026-02-02","event":"proposed","mentee_id":"me-1","mentor_id":"mo-2"}]`), profile.DecodeOptions{})
	_, err = lf.Append(batch)
	fmt.Println(err)

	lf.View(func(l *ledger.Ledger) {
		fmt.Printf("events: %d, waiting on 2026-03-01: %d\n", l.Len(), len(l.Worklist(profile.MustDate(2026, 3, 1)).Overdue))
	})
	// Output:
	// created: true
	// 2 <nil>
	// line 6: me-1, mo-2: [1].mentor_id: never applied
	// events: 2, waiting on 2026-03-01: 1
}
