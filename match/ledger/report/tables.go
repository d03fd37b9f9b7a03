package report

import "github.com/duomatch/duo/match/ledger"

// table is one grouping of the equity report.
type table struct {
	Title  string
	People string // the heading of the people's column: mentees or mentors
	Note   string // the groups merged, if any
	Rows   []row
}

// row is one group: its name, its mentees, and a cell per figure.
type row struct {
	Name, People string
	Overall      bool
	Cells        []tableCell
}

// tableCell is one figure of a group: its words, the test's p-value, and
// whether it differs from the rest (p < 0.05). Code, Count and Total are
// for machines (Count is the median's days, -1 when there is none).
type tableCell struct {
	Code, Value, P string
	Differs        bool
	Suppressed     bool
	Count, Total   int
}

// tables lays out the equity report, one table per grouping, the whole
// pool first.
func tables(eq ledger.Equity, opt Options, w words) []table {
	var out []table
	for _, g := range eq.Groupings {
		t := table{Title: w.groupingName(g.Name), People: w.s("col.people")}
		if g.ByMentor {
			t.People = w.s("col.mentors")
		}
		if len(g.Merged) > 0 {
			names := make([]string, len(g.Merged))
			for i, m := range g.Merged {
				names[i] = groupName(g.Name, m, opt, w)
			}
			key := "note.merged"
			if g.ByMentor {
				key = "note.merged_mentors"
			}
			t.Note = w.s(key, eq.MinCell, joinNames(names))
		}
		t.Rows = append(t.Rows, row{Name: w.s("row.overall"), People: w.s("count", g.People), Overall: true, Cells: cells(eq.Overall, w)})
		for _, grp := range g.Groups {
			r := row{Name: groupName(g.Name, grp.Name, opt, w), People: w.s("count", grp.People)}
			if grp.Suppressed || grp.PeopleSuppressed {
				r.People = w.s("suppressed")
			}
			r.Cells = cells(grp.Figures, w)
			t.Rows = append(t.Rows, r)
		}
		out = append(out, t)
	}
	return out
}

func cells(f ledger.EquityFigures, w words) []tableCell {
	share := func(code string, c ledger.Compared) tableCell {
		if c.Suppressed {
			return tableCell{Code: code, Value: w.s("suppressed"), Suppressed: true}
		}
		return tableCell{Code: code, Value: w.shortShare(c.Proportion), P: w.p(c.P), Differs: c.P != nil && *c.P < 0.05, Count: c.Count, Total: c.Total}
	}
	days := tableCell{Code: "days_to_match", Count: -1, Total: f.DaysToMatch.Applications}
	switch wt := f.DaysToMatch; {
	case wt.Suppressed:
		days = tableCell{Code: "days_to_match", Value: w.s("suppressed"), Suppressed: true}
	case wt.Applications == 0:
		days.Value = "·"
	case wt.MedianDays == nil:
		days.Value = w.s("open_end")
	default:
		days.Value = w.s("count", *wt.MedianDays) + " (" + w.dayBound(wt.MedianLow) + "–" + w.dayBound(wt.MedianHigh) + ")"
		days.Count = *wt.MedianDays
	}
	if !days.Suppressed {
		days.P, days.Differs = w.p(f.DaysToMatch.P), f.DaysToMatch.P != nil && *f.DaysToMatch.P < 0.05
	}
	return []tableCell{
		share("matched_within_30_days", f.MatchedWithin30Days),
		days,
		share("first_meeting_failed", f.FirstMeetingFailed),
		share("early_closure", f.EarlyClosure),
		share("positive_at_end", f.PositiveAtEnd),
		share("positive_at_12_months", f.PositiveAt12Months),
	}
}

// dayBound words a bound of the median's interval in a table: the day,
// or "…" when the data do not reach it.
func (w words) dayBound(n *int) string {
	if n == nil {
		return "…"
	}
	return w.s("count", *n)
}
