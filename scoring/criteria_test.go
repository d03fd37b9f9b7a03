package scoring_test

import (
	"golang.org/x/text/language"

	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/scoring"
)

// criterionCase changes the fixture pair and states one criterion's value
// and reason.
type criterionCase struct {
	name   string
	edit   func(t *testing.T, s *scoring.Scorer, me *profile.Mentee, mo *profile.Mentor)
	value  float64
	reason string
	why    string
}

func runCriterion(t *testing.T, criterion string, tests []criterionCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			me, mo := pair(t)
			s := scoring.Default()
			tt.edit(t, &s, me, mo)
			r := s.Pair(me, mo)
			checkResult(t, r)
			p := part(t, r, criterion)
			assert.InDelta(t, tt.value, p.Value, 1e-12, tt.why)
			if tt.reason != "" {
				assert.Equal(t, tt.reason, p.Text(language.English), tt.why)
			}
		})
	}
}

func TestSector(t *testing.T) {
	exp := func(codes ...profile.Sector) []profile.Experience {
		var out []profile.Experience
		for _, c := range codes {
			out = append(out, profile.Experience{Sector: c, Years: 5})
		}
		return out
	}
	target := func(codes ...profile.Sector) func(*testing.T, *scoring.Scorer, *profile.Mentee, *profile.Mentor) {
		return func(_ *testing.T, _ *scoring.Scorer, me *profile.Mentee, mo *profile.Mentor) {
			me.Sectors = []profile.Sector{"62.01"}
			mo.Experience = exp(codes...)
		}
	}
	runCriterion(t, "sector", []criterionCase{
		{"same class", target("62.01"), 1, "same NACE class 62.01: computer programming activities", ""},
		{"same group", target("62.02"), 0.9, "same NACE group 62.0: computer programming, consultancy and related activities", ""},
		{"same division", target("62.11"), 0.75, "same NACE division 62: computer programming, consultancy and related activities", ""},
		{"same section", target("63.11"), 0.4, "same NACE section J: information and communication", ""},
		{"other section", target("47.11"), 0, "no shared NACE section", ""},
		{"division code against class", target("62"), 0.75, "same NACE division 62: computer programming, consultancy and related activities", "a level counts only when both codes go that deep"},
		{"section letter", target("j"), 0.4, "same NACE section J: information and communication", ""},
		{"best pair of codes counts", func(_ *testing.T, _ *scoring.Scorer, me *profile.Mentee, mo *profile.Mentor) {
			me.Sectors = []profile.Sector{"47.11", "86.10"}
			mo.Experience = exp("62.01", "86.21", "47")
		}, 0.75, "same NACE division 86: human health activities", "86.10–86.21 and 47.11–47 tie at division level; the first experience entry reaching it is quoted"},
		{"no target", func(_ *testing.T, _ *scoring.Scorer, me *profile.Mentee, _ *profile.Mentor) {
			me.Sectors = nil
		}, scoring.Neutral, "no target sector or no experience sector given (neutral)", ""},
		{"no experience", func(_ *testing.T, _ *scoring.Scorer, _ *profile.Mentee, mo *profile.Mentor) {
			mo.Experience = nil
		}, scoring.Neutral, "", ""},
	})
}

func TestOccupation(t *testing.T) {
	occ := func(mentee, mentor profile.Occupation) func(*testing.T, *scoring.Scorer, *profile.Mentee, *profile.Mentor) {
		return func(_ *testing.T, _ *scoring.Scorer, me *profile.Mentee, mo *profile.Mentor) {
			me.Occupation = mentee
			mo.Experience = []profile.Experience{{Sector: "47", Occupation: "9112", Years: 3}, {Sector: "62", Occupation: mentor, Years: 3}}
		}
	}
	runCriterion(t, "occupation", []criterionCase{
		{"same unit group", occ("2512", "2512"), 1, "same ISCO unit group 2512: software developers", ""},
		{"same minor group", occ("2512", "2519"), 0.9, "same ISCO minor group 251: software and applications developers and analysts", ""},
		{"same sub-major group", occ("2512", "2521"), 0.75, "same ISCO sub-major group 25: information and communications technology professionals", ""},
		{"same major group", occ("2512", "2611"), 0.4, "same ISCO major group 2: professionals", ""},
		{"nothing shared", occ("2512", "7411"), 0, "no shared ISCO major group", ""},
		{"short code", occ("25", "2512"), 0.75, "same ISCO sub-major group 25: information and communications technology professionals", ""},
		{"mentee gives none", occ("", "2512"), scoring.Neutral, "no target occupation or no experience occupation given (neutral)", ""},
		{"invalid is absent", occ("25a", "2512"), scoring.Neutral, "", ""},
	})
}

func TestExperience(t *testing.T) {
	years := func(entries ...profile.Experience) func(*testing.T, *scoring.Scorer, *profile.Mentee, *profile.Mentor) {
		return func(_ *testing.T, _ *scoring.Scorer, me *profile.Mentee, mo *profile.Mentor) {
			me.Sectors = []profile.Sector{"62.01"}
			mo.Experience = entries
		}
	}
	e := func(s profile.Sector, y float64) profile.Experience { return profile.Experience{Sector: s, Years: y} }
	runCriterion(t, "experience", []criterionCase{
		{"none", years(e("62.01", 0)), 0, "0 years in the best-matching sector (10 or more count fully)", ""},
		{"half", years(e("62.01", 5)), 0.5, "", ""},
		{"just below", years(e("62.01", 9.9)), 0.99, "", ""},
		{"one year", years(e("62.01", 1)), 0.1, "1 year in the best-matching sector (10 or more count fully)", ""},
		{"saturates at 10", years(e("62.01", 10)), 1, "", ""},
		{"beyond 10", years(e("62.01", 35)), 1, "", ""},
		{"best-matching sector, not the longest", years(e("47.11", 30), e("62.02", 4)), 0.4,
			"4 years in the best-matching sector (10 or more count fully)", "the 30 years are in an unrelated sector"},
		{"most years among equally good entries", years(e("62.02", 4), e("62.09", 7)), 0.7, "", ""},
		{"unrelated sector", years(e("47.11", 30)), 0, "no experience in a related sector", ""},
		{"setting", func(t *testing.T, s *scoring.Scorer, me *profile.Mentee, mo *profile.Mentor) {
			s.Rules.FullExperienceYears = 20
			years(e("62", 5))(t, s, me, mo)
		}, 0.25, "5 years in the best-matching sector (20 or more count fully)", ""},
	})
}

func TestInterests(t *testing.T) {
	tags := func(me, mo []string) func(*testing.T, *scoring.Scorer, *profile.Mentee, *profile.Mentor) {
		return func(_ *testing.T, _ *scoring.Scorer, a *profile.Mentee, b *profile.Mentor) {
			a.Interests, b.Interests = me, mo
		}
	}
	runCriterion(t, "interests", []criterionCase{
		{"same", tags([]string{"chess"}, []string{"chess"}), 1, "shares 1 of 1 interest", ""},
		{"case and spaces fold", tags([]string{"Video  Games", "chess "}, []string{" video games", "CHESS"}), 1, "shares 2 of 2 interests", ""},
		{"duplicates count once", tags([]string{"chess", "Chess"}, []string{"chess", "music"}), 0.5, "shares 1 of 2 interests", ""},
		{"two of five", tags([]string{"a", "b", "c"}, []string{"a", "b", "d", "e"}), 0.4, "shares 2 of 5 interests", ""},
		{"none shared", tags([]string{"a"}, []string{"b"}), 0, "shares 0 of 2 interests", ""},
		{"one side empty", tags(nil, []string{"b"}), scoring.Neutral, "interests not given (neutral)", ""},
		{"blank tags are no tags", tags([]string{"  "}, []string{"b"}), scoring.Neutral, "", ""},
	})
}

func TestLanguage(t *testing.T) {
	langs := func(practise string, mentor ...profile.Language) func(*testing.T, *scoring.Scorer, *profile.Mentee, *profile.Mentor) {
		return func(_ *testing.T, _ *scoring.Scorer, me *profile.Mentee, mo *profile.Mentor) {
			me.Wants.PractiseLanguage = practise
			me.Languages = []profile.Language{{Tag: "fr", Level: profile.B2}, {Tag: "nl", Level: profile.A2}, {Tag: "en", Level: profile.B1}}
			mo.Languages = mentor
		}
	}
	l := func(tag string, lv profile.Level) profile.Language { return profile.Language{Tag: tag, Level: lv} }
	runCriterion(t, "language", []criterionCase{
		{"practise language at B2", langs("nl", l("nl", profile.B2), l("fr", profile.B1)), 1,
			"speaks Dutch at B2, which the mentee practises; 1 further shared language", ""},
		{"practise language at B1", langs("nl", l("nl", profile.B1), l("fr", profile.B1)), 0.75,
			"speaks Dutch at B1, which the mentee practises; 1 further shared language", "0.5 for B1, 0.25 for fr"},
		{"practise language at A2", langs("nl", l("nl", profile.A2), l("fr", profile.C1)), 0.25,
			"does not speak Dutch at B1 or above, which the mentee practises; 1 further shared language", ""},
		{"practise language not spoken, two shared", langs("nl", l("fr", profile.C1), l("en", profile.C1)), 0.5,
			"does not speak Dutch at B1 or above, which the mentee practises; 2 further shared languages", ""},
		{"practise language native, no other", langs("nl-BE", l("nl", profile.Native), l("ar", profile.C1)), 1,
			"", "nl is not shared (the mentee speaks it at A2) but the mentee practises it"},
		{"practise language also shared", func(_ *testing.T, _ *scoring.Scorer, me *profile.Mentee, mo *profile.Mentor) {
			me.Wants.PractiseLanguage = "fr"
			me.Languages = []profile.Language{{Tag: "fr", Level: profile.B1}}
			mo.Languages = []profile.Language{{Tag: "fr", Level: profile.B1}}
		}, 0.5, "speaks French at B1, which the mentee practises", "the practised language is not a further one"},
		{"no wish: neutral plus further", langs("", l("fr", profile.C1)), 0.75,
			"no language to practise given (neutral); 1 further shared language", ""},
		{"no wish, three shared", langs("", l("fr", profile.C1), l("en", profile.B2), l("nl", profile.B1), l("ar", profile.B1)), 1, "", ""},
	})
}

func TestPersonality(t *testing.T) {
	traits := func(me, mo profile.Traits) func(*testing.T, *scoring.Scorer, *profile.Mentee, *profile.Mentor) {
		return func(_ *testing.T, _ *scoring.Scorer, a *profile.Mentee, b *profile.Mentor) {
			a.Traits, b.Traits = me, mo
		}
	}
	runCriterion(t, "personality", []criterionCase{
		{"identical", traits(profile.Traits{"openness": 0.3}, profile.Traits{"openness": 0.3}), 1,
			"traits differ by 0.00 on average over 1 shared trait", ""},
		{"opposite", traits(profile.Traits{"openness": 0, "stability": 1}, profile.Traits{"openness": 1, "stability": 0}), 0, "", ""},
		{"mean over shared only", traits(profile.Traits{"openness": 0.5, "stability": 0.2, "humour": 1},
			profile.Traits{"openness": 0.7, "stability": 0.6, "extraversion": 0}), 0.7,
			"traits differ by 0.30 on average over 2 shared traits", ""},
		{"names fold", traits(profile.Traits{"Openness ": 0.5}, profile.Traits{"openness": 0.5}), 1, "", ""},
		{"none shared", traits(profile.Traits{"openness": 0.5}, profile.Traits{"stability": 0.5}), scoring.Neutral,
			"no trait given by both (neutral)", ""},
		{"none at all", traits(nil, nil), scoring.Neutral, "", ""},
	})
}

func TestDistance(t *testing.T) {
	at := func(km float64) func(*testing.T, *scoring.Scorer, *profile.Mentee, *profile.Mentor) {
		return func(_ *testing.T, _ *scoring.Scorer, _ *profile.Mentee, mo *profile.Mentor) { mo.Home.Lat = north(km) }
	}
	runCriterion(t, "distance", []criterionCase{
		{"same place", at(0), 1, "both in Bruxelles (0 at 25 km)", ""},
		{"10 km", at(10), 0.6, "both in Bruxelles, 10.0 km apart (0 at 25 km)", ""},
		{"24.9 km", at(24.9), 0.1 / 25, "", ""},
		{"scale from the setting", func(t *testing.T, s *scoring.Scorer, me *profile.Mentee, mo *profile.Mentor) {
			s.Rules.DistanceScaleKm = 50
			at(10)(t, s, me, mo)
		}, 0.8, "both in Bruxelles, 10.0 km apart (0 at 50 km)", ""},
		{"no limit: 25 km scale", func(t *testing.T, s *scoring.Scorer, me *profile.Mentee, mo *profile.Mentor) {
			s.Rules.MaxDistanceKm = -1
			at(30)(t, s, me, mo)
		}, 0, "both in Bruxelles, 30.0 km apart (0 at 25 km)", ""},
		{"limit sets the scale", func(t *testing.T, s *scoring.Scorer, me *profile.Mentee, mo *profile.Mentor) {
			s.Rules.MaxDistanceKm = 40
			at(30)(t, s, me, mo)
		}, 0.25, "", ""},
		{"same municipality without coordinates", func(_ *testing.T, s *scoring.Scorer, me *profile.Mentee, mo *profile.Mentor) {
			s.Places = woluweWithoutCoords
			me.Home = profile.Place{City: "Woluwe-Saint-Pierre"}
			mo.Home = profile.Place{Postcode: "1150"}
		}, 1, "both in Woluwe-Saint-Pierre (same municipality)", ""},
		{"zero limit: 25 km scale", func(t *testing.T, s *scoring.Scorer, me *profile.Mentee, mo *profile.Mentor) {
			s.Rules = scoring.Rules{}
			at(10)(t, s, me, mo)
		}, 0.6, "both in Bruxelles, 10.0 km apart (0 at 25 km)", ""},
		{"same municipality folded", func(_ *testing.T, _ *scoring.Scorer, me *profile.Mentee, mo *profile.Mentor) {
			me.Home = profile.Place{City: "Liège"}
			mo.Home = profile.Place{City: "LIEGE"}
		}, 1, "both in Liège (0 at 25 km)", ""},
		{"other municipality without coordinates", func(_ *testing.T, s *scoring.Scorer, me *profile.Mentee, mo *profile.Mentor) {
			s.Places = woluweWithoutCoords
			me.Home = profile.Place{City: "Sint-Pieters-Woluwe"}
			mo.Home = profile.Place{City: "Ixelles"}
		}, 0, "different municipalities (Sint-Pieters-Woluwe – Ixelles), without coordinates", "blocked by too_far, but the value is still given"},
		{"nothing known", func(_ *testing.T, s *scoring.Scorer, me *profile.Mentee, _ *profile.Mentor) {
			s.Rules.MaxDistanceKm = profile.Off
			me.Home = profile.Place{}
		}, scoring.Neutral, "place not given or not found (neutral)", ""},
	})
}

func TestAvailability(t *testing.T) {
	with := func(names ...string) func(*testing.T, *scoring.Scorer, *profile.Mentee, *profile.Mentor) {
		return func(t *testing.T, _ *scoring.Scorer, me *profile.Mentee, mo *profile.Mentor) {
			me.Availability = slots(t, "mon-morning", "tue-morning", "wed-morning")
			mo.Availability = slots(t, names...)
		}
	}
	runCriterion(t, "availability", []criterionCase{
		{"one slot", with("mon-morning", "sun-evening"), 0.5, "1 common weekly slot (2 or more count fully)", ""},
		{"two slots", with("mon-morning", "tue-morning"), 1, "2 common weekly slots", ""},
		{"three slots", with("mon-morning", "tue-morning", "wed-morning"), 1, "3 common weekly slots", ""},
		{"none (blocked)", with("sun-evening"), 0, "no common weekly slot", ""},
	})
}
