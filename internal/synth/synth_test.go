package synth_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/internal/synth"
	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/profile/belgium"
)

func TestGenerateDeterministic(t *testing.T) {
	cfg := synth.Config{Seed: 7, Mentees: 120, Mentors: 90, IneligibleShare: 0.2}
	a1, b1 := synth.Generate(cfg)
	a2, b2 := synth.Generate(cfg)
	assert.Equal(t, a1, a2)
	assert.Equal(t, b1, b2)

	other := cfg
	other.Seed = 8
	a3, b3 := synth.Generate(other)
	assert.NotEqual(t, a1, a3, "another seed gives another pool")
	assert.NotEqual(t, b1, b3)
}

func TestGeneratePrefixStable(t *testing.T) {
	small, smallMo := synth.Generate(synth.Config{Seed: 3, Mentees: 10, Mentors: 5})
	big, bigMo := synth.Generate(synth.Config{Seed: 3, Mentees: 50, Mentors: 80})
	assert.Equal(t, small, big[:10], "mentee i does not depend on the pool's size")
	assert.Equal(t, smallMo, bigMo[:5])
}

func TestGenerateSizesAndIDs(t *testing.T) {
	tests := []struct {
		name             string
		mentees, mentors int
		wantMe, wantMo   int
	}{
		{"empty", 0, 0, 0, 0},
		{"negative", -3, -1, 0, 0},
		{"small", 3, 2, 3, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			me, mo := synth.Generate(synth.Config{Mentees: tt.mentees, Mentors: tt.mentors})
			require.Len(t, me, tt.wantMe)
			require.Len(t, mo, tt.wantMo)
			for i := range me {
				assert.Equal(t, fmt.Sprintf("me-%04d", i+1), me[i].ID)
			}
			for j := range mo {
				assert.Equal(t, fmt.Sprintf("mo-%04d", j+1), mo[j].ID)
			}
		})
	}
}

func TestGenerateValid(t *testing.T) {
	for _, share := range []float64{0, 0.3, 1} {
		me, mo := synth.Generate(synth.Config{Seed: 11, Mentees: 600, Mentors: 400, IneligibleShare: share})
		for _, m := range me {
			assert.NoError(t, m.Validate())
		}
		for _, m := range mo {
			assert.NoError(t, m.Validate())
		}
	}
}

func TestGenerateEligibility(t *testing.T) {
	on := profile.MustDate(2024, 2, 29)
	p := profile.DefaultPolicy()
	tests := []struct {
		name     string
		share    float64
		min, max float64 // bounds on the share of ineligible people
	}{
		{"all eligible", 0, 0, 0},
		{"NaN means none", nanValue(), 0, 0},
		{"a fifth", 0.2, 0.14, 0.26},
		{"all ineligible", 1, 1, 1},
		{"above one counts as one", 3, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			me, mo := synth.Generate(synth.Config{Seed: 5, Mentees: 500, Mentors: 500, On: on, IneligibleShare: tt.share})
			badMe, badMo := 0, 0
			for _, m := range me {
				if len(p.CheckMentee(m, on)) > 0 {
					badMe++
				}
			}
			for _, m := range mo {
				if len(p.CheckMentor(m, on)) > 0 {
					badMo++
				}
			}
			assert.InDelta(t, (tt.min+tt.max)/2, float64(badMe)/500, (tt.max-tt.min)/2+1e-9, "mentees")
			assert.InDelta(t, (tt.min+tt.max)/2, float64(badMo)/500, (tt.max-tt.min)/2+1e-9, "mentors")
		})
	}
}

// TestGenerateRealistic checks the proportions the package documents.
func TestGenerateRealistic(t *testing.T) {
	on := synth.DefaultOn
	me, mo := synth.Generate(synth.Config{Seed: 1, Mentees: 2000, Mentors: 2000})
	agencies := map[string][]profile.Agency{
		"Brussels-Capital": {"Actiris"}, "Flanders": {"VDAB"}, "Wallonia": {"Le Forem", "ADG"},
	}
	var secondGen, noCoords, practiseLocal, wish, postcodeOnly int
	for _, m := range me {
		age := profile.Age(m.BirthDate, on)
		assert.True(t, age >= 18 && age <= 30, "age %d", age)
		l, err := belgium.Gazetteer().Resolve(m.Home)
		require.NoError(t, err, "%s: every home resolves", m.ID)
		assert.Contains(t, agencies[l.Region], m.JobSeeker.Agency, m.ID)
		if m.Home.City == "" {
			postcodeOnly++
		}
		assert.True(t, m.AppliedOn.After(on.AddDays(-61)) && !m.AppliedOn.After(on), m.ID)
		assert.GreaterOrEqual(t, m.Availability.Count(), 2)
		assert.LessOrEqual(t, m.Availability.Count(), 8)
		assert.NotEmpty(t, m.Sectors)
		if m.Background.BirthCountry == "BE" {
			secondGen++
		}
		if !m.Home.HasCoords() {
			noCoords++
		}
		if m.Wants.PractiseLanguage == "nl" || m.Wants.PractiseLanguage == "fr" || m.Wants.PractiseLanguage == "de" {
			practiseLocal++
		}
		if m.Wants.MentorGender != "" {
			wish++
		}
	}
	n := float64(len(me))
	assert.InDelta(t, 0.4, float64(secondGen)/n, 0.05, "second generation")
	assert.InDelta(t, 0.7, float64(noCoords)/n, 0.03, "no coordinates")
	assert.InDelta(t, 0.1, float64(postcodeOnly)/n, 0.03, "postcode only")
	assert.Greater(t, float64(practiseLocal)/n, 0.7, "practise the local language")
	assert.InDelta(t, 0.08, float64(wish)/n, 0.03, "gender wishes")

	capacity2 := 0
	for _, m := range mo {
		age := profile.Age(m.BirthDate, on)
		assert.True(t, age >= 50 && age <= 75, "age %d", age)
		assert.GreaterOrEqual(t, m.WeeklyHours, 2.0)
		assert.LessOrEqual(t, m.WeeklyHours, 4.0)
		assert.NotEmpty(t, m.Experience)
		if m.EffectiveCapacity() == 2 {
			capacity2++
		}
	}
	assert.InDelta(t, 0.05, float64(capacity2)/float64(len(mo)), 0.02, "capacity 2")
}

func TestNewPoolJSON(t *testing.T) {
	p := synth.NewPool(synth.Config{Seed: 2, Mentees: 4, Mentors: 3})
	assert.Equal(t, synth.DefaultOn, p.On)
	b, err := json.Marshal(p)
	require.NoError(t, err)
	var back synth.Pool
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, p, back, "a pool survives a JSON round trip")
}

func nanValue() float64 {
	var zero float64
	return zero / zero
}

// TestSpread: spread-out pools live all over Belgium: every home resolves
// through the gazetteer with coordinates, hundreds of municipalities are
// drawn, and the same Config gives the same pool.
func TestSpread(t *testing.T) {
	cfg := synth.Config{Seed: 3, Mentees: 1500, Mentors: 1200, Spread: true}
	me, mo := synth.Generate(cfg)
	me2, mo2 := synth.Generate(cfg)
	require.Equal(t, me, me2)
	require.Equal(t, mo, mo2)
	seen := map[string]bool{}
	regions := map[string]int{}
	check := func(id string, home profile.Place) {
		l, err := belgium.Gazetteer().Resolve(home)
		require.NoError(t, err, id)
		require.True(t, home.HasCoords(), id)
		seen[l.ID] = true
		regions[l.Region]++
	}
	for _, m := range me {
		check(m.ID, m.Home)
	}
	for _, m := range mo {
		check(m.ID, m.Home)
	}
	assert.Greater(t, len(seen), 400, "municipalities drawn")
	assert.Len(t, regions, 3, "every region")
}
