package ledger

// CheckWords checks the catalog of the worklist's and indicators' words.
func CheckWords() error { return catalog.Check() }
