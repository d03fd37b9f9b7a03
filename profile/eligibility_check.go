package profile

import (
	"cmp"
	"errors"
	"slices"
)

// EligibilityCheck asks who of a pool is eligible on a day under a policy.
// Its JSON form is the body a service takes; [EligibilityCheck.Check]
// answers it. The zero Policy is [DefaultPolicy].
type EligibilityCheck struct {
	// On is the day of the check: ages and EU membership are taken on it.
	// It is required.
	On      Date     `json:"on"`
	Policy  Policy   `json:"policy"`
	Mentees []Mentee `json:"mentees"`
	Mentors []Mentor `json:"mentors"`
}

// Eligibility answers an [EligibilityCheck]: each person's verdict, each
// list sorted by ID (a stable sort: duplicate IDs keep their order) and
// never null in JSON.
type Eligibility struct {
	On      Date      `json:"on"`
	Mentees []Verdict `json:"mentees"`
	Mentors []Verdict `json:"mentors"`
}

// Verdict is one person's eligibility: Violations lists every rule they
// fail ([Policy.CheckMentee], [Policy.CheckMentor]) and is empty, never
// null in JSON, when they are eligible.
type Verdict struct {
	ID         string      `json:"id"`
	Eligible   bool        `json:"eligible"`
	Violations []Violation `json:"violations"`
}

// Check returns the verdict of every mentee and mentor of c. It does not
// validate the profiles (a decoded profile is valid: see [Decode]).
//
// Errors, all at once: a zero On (a *[Problem] on "on", code
// "missing_day") and the
// policy's problems ([Policy.Validate]) under "policy"; errors.Is(err,
// [ErrInvalid]) holds. Cost: O(people·log(people)).
func (c EligibilityCheck) Check() (Eligibility, error) {
	var errs []error
	if c.On.IsZero() {
		errs = append(errs, &Problem{Path: "on", Code: "missing_day", Detail: "the day of the check is required", Err: ErrInvalid})
	}
	if err := AtPath(c.Policy.Validate(), "policy"); err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return Eligibility{}, errors.Join(errs...)
	}
	res := Eligibility{On: c.On, Mentees: make([]Verdict, 0, len(c.Mentees)), Mentors: make([]Verdict, 0, len(c.Mentors))}
	for _, m := range c.Mentees {
		res.Mentees = append(res.Mentees, verdict(m.ID, c.Policy.CheckMentee(m, c.On)))
	}
	for _, m := range c.Mentors {
		res.Mentors = append(res.Mentors, verdict(m.ID, c.Policy.CheckMentor(m, c.On)))
	}
	byID := func(a, b Verdict) int { return cmp.Compare(a.ID, b.ID) }
	slices.SortStableFunc(res.Mentees, byID)
	slices.SortStableFunc(res.Mentors, byID)
	return res, nil
}

func verdict(id string, vs []Violation) Verdict {
	if vs == nil {
		vs = []Violation{}
	}
	return Verdict{ID: id, Eligible: len(vs) == 0, Violations: vs}
}
