//go:build unix

package ledger_test

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/match/ledger"
)

// TestFileLock checks that a file in use cannot be opened again, in this
// process or another, until it is closed.
func TestFileLock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ledger.jsonl")
	lf, err := ledger.OpenFile(path, ledger.Options{})
	require.NoError(t, err)
	_, err = ledger.OpenFile(path, ledger.Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "in use by another process")
	require.NoError(t, lf.Close())
	lf, err = ledger.OpenFile(path, ledger.Options{})
	require.NoError(t, err, "free again once closed")
	require.NoError(t, lf.Close())
}
