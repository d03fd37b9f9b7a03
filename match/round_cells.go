package match

// Cells returns the size of the assignment problem that [Propose] would
// solve for the round at most, the measure of its memory (about 40 bytes
// a cell while it is solved): its mentees who are not pinned or paused,
// times the seats of its mentors who are not paused, a mentor's seats
// being their capacity less their pinned duos, and never more than those
// mentees, since more seats than mentees are of no use. Eligibility,
// which Propose checks, can only make the problem smaller; Propose refuses
// a round whose problem after eligibility exceeds [MaxCells].
//
// It reads the round as given, valid or not (a pinned duo naming no one
// of the round frees no seat), so that a service can refuse a round too
// large for its memory before computing it. Cost: O(mentees + mentors +
// pinned).
func (r Round) Cells() int64 {
	pinnedMentee := make(map[string]bool, len(r.Pinned))
	pinnedCount := make(map[string]int, len(r.Pinned))
	for _, d := range r.Pinned {
		pinnedMentee[d.MenteeID] = true
		pinnedCount[d.MentorID]++
	}
	rows := 0
	for _, m := range r.Mentees {
		if !m.Paused && !pinnedMentee[m.ID] {
			rows++
		}
	}
	var seats int64
	for _, m := range r.Mentors {
		if free := m.EffectiveCapacity() - pinnedCount[m.ID]; !m.Paused && free > 0 {
			seats += int64(min(free, rows))
		}
	}
	return int64(rows) * seats
}
