package scoring

import "math/bits"

// CodeNoSharedTime is the rule that blocks a pair with no weekly slot in
// which both are free. It has no setting.
const CodeNoSharedTime = "no_shared_time"

var ruleTime = hardRule{
	code:    CodeNoSharedTime,
	message: func(*pool, int, int, eval) string { return "no weekly time slot in which both are free" },
}

// commonSlots counts into e.common the weekly slots in which both are
// free, and reports whether the rule blocks the pair.
func commonSlots(ag, bg *gate, e *eval) bool {
	e.common = bits.OnesCount32(ag.avail & bg.avail &^ geoBit)
	return e.common == 0
}
