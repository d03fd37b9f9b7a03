package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sampleDir is where the committed sample lives, from this package's
// directory.
var sampleDir = filepath.Join("..", "..", "..", "examples", "internal", "sample")

// TestCommittedSampleIsReproducible regenerates the sample and compares it
// byte for byte with the committed files: they must never be edited by
// hand, and a change to package synth that changes them must be committed
// together with the regenerated files.
func TestCommittedSampleIsReproducible(t *testing.T) {
	files, err := build()
	require.NoError(t, err)
	require.Len(t, files, 3)
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join(sampleDir, name))
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got),
			"%s differs from what gensample writes; run go generate ./examples/internal/sample", name)
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	a, err := build()
	require.NoError(t, err)
	b, err := build()
	require.NoError(t, err)
	assert.Equal(t, a, b)
}

// TestDecisionsNameSamplePeople checks that the pinned and excluded duos
// name people of the sample, and that nobody is pinned twice.
func TestDecisionsNameSamplePeople(t *testing.T) {
	all, err := pools()
	require.NoError(t, err)
	me, mo := all.mentees, all.mentors
	require.Len(t, me, numMentees)
	require.Len(t, mo, numMentors)
	var menteeIDs, mentorIDs []string
	for _, m := range me {
		assert.True(t, inCities(m.Home), m.ID)
		assert.NoError(t, m.Validate())
		menteeIDs = append(menteeIDs, m.ID)
	}
	for _, m := range mo {
		assert.True(t, inCities(m.Home), m.ID)
		assert.NoError(t, m.Validate())
		mentorIDs = append(mentorIDs, m.ID)
	}
	seen := map[string]bool{}
	for _, d := range append(slices.Clone(pinned), excluded...) {
		assert.Contains(t, menteeIDs, d.MenteeID)
		assert.Contains(t, mentorIDs, d.MentorID)
	}
	for _, d := range pinned {
		assert.False(t, seen[d.MenteeID], "%s pinned twice", d.MenteeID)
		seen[d.MenteeID] = true
	}
}
