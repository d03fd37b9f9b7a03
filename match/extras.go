package match

import (
	"context"

	"github.com/duomatch/duo/profile"
)

// Extras asks for what a coordinator looks at beside a round's proposal:
// other mentors for the mentees, and the people worth recruiting. Its JSON
// form is what a service takes beside the [Round] in one body (the example
// server's POST /v1/proposals embeds both); [Proposal.Extras] answers it.
// The zero value asks for nothing.
type Extras struct {
	// Alternatives is k: up to k other mentors for each mentee of the
	// optimisation ([Proposal.AllAlternatives]); 0, the default, asks for
	// none. A negative k is an error.
	Alternatives int `json:"alternatives"`
	// AlternativesFor, when not empty, limits the alternatives to these
	// mentees ([Proposal.AlternativesOf]; each must be in the
	// optimisation): what a page asks when a coordinator looks at one
	// mentee. It asks for nothing while Alternatives is 0.
	AlternativesFor []string `json:"alternatives_for,omitempty"`
	// Needs asks for [Proposal.Needs] and [Proposal.Outreach], with their
	// default options.
	Needs bool `json:"needs"`
}

// ExtrasAnswer answers [Extras]: what was not asked for is nil, and left
// out of the JSON form.
type ExtrasAnswer struct {
	// Alternatives are the alternatives asked for, by mentee ID.
	Alternatives map[string][]Alternative `json:"alternatives,omitempty"`
	Needs        []Need                   `json:"needs,omitzero"`
	Outreach     []Outreach               `json:"outreach,omitzero"`
}

// Extras computes what x asks for beside the proposal: when
// x.Alternatives is above 0, the alternatives of the mentees of
// x.AlternativesFor ([Proposal.AlternativesOf]) or, when it is empty, of
// every mentee of the optimisation ([Proposal.AllAlternatives]), in one
// batch that shares the work between them; when x.Needs is set, the needs
// and the outreach with their default options ([Proposal.Needs],
// [Proposal.Outreach]).
//
// Errors, with the zero ExtrasAnswer: a negative x.Alternatives (a
// *[profile.Problem] with Path "alternatives" and code "negative",
// wrapping [ErrInvalidRound]); an ID of x.AlternativesFor outside the
// round's pool (the problems of AlternativesOf under the path
// "alternatives_for": "alternatives_for[2]"); otherwise those of the
// methods it calls, such as ctx.Err() or [ErrRoundTooLarge].
//
// Cost: that of the methods it calls.
func (p Proposal) Extras(ctx context.Context, x Extras) (ExtrasAnswer, error) {
	if x.Alternatives < 0 {
		return ExtrasAnswer{}, roundProblem("alternatives", "", "negative", "negative")
	}
	var a ExtrasAnswer
	var err error
	if k := x.Alternatives; k > 0 && len(x.AlternativesFor) > 0 {
		a.Alternatives, err = p.AlternativesOf(ctx, x.AlternativesFor, k)
		err = profile.AtPath(err, "alternatives_for") // a problem of the list, at its path
	} else if k > 0 {
		a.Alternatives, err = p.AllAlternatives(ctx, k)
	}
	if err == nil && x.Needs {
		if a.Needs, err = p.Needs(ctx, NeedsOptions{}); err == nil {
			a.Outreach, err = p.Outreach(ctx, NeedsOptions{})
		}
	}
	if err != nil {
		return ExtrasAnswer{}, err
	}
	return a, nil
}
