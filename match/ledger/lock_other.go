//go:build !unix

package ledger

import "os"

// lockFile does nothing on systems without flock: run one server per
// ledger file.
func lockFile(*os.File) error { return nil }
