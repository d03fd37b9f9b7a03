// Package par shares independent pieces of work among goroutines that
// have all ended when its functions return: the one place where the
// library's pure packages (scoring's matrix and candidates, a round's
// counts of blocked pairs) run in parallel. Which goroutine does a piece
// never changes what the piece computes, so results do not depend on
// scheduling.
package par
