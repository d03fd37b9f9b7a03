package codetable

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const head = "code\tlevel\tparent\ten\tfr\tnl\tde\n"

func TestParse(t *testing.T) {
	base, err := Parse(head+
		"A\t1\t\tFarming\tAgriculture\tLandbouw\tLandwirtschaft\n"+
		"01\t2\tA\tCrops\tCultures\tTeelt\tAnbau\n", nil)
	require.NoError(t, err)
	require.Equal(t, 2, base.Len())

	tab, err := Parse(head+
		"A\t1\t\t\t\t\t\n"+
		"01\t2\tA\t\t\tTeelt (BE)\t\n"+
		"01.1\t3\t01\tCereals\tCéréales\tGranen\tGetreide\n", base)
	require.NoError(t, err)
	i, ok := tab.Index("01")
	require.True(t, ok)
	assert.Equal(t, "01", tab.Code(i))
	assert.Equal(t, 2, tab.Level(i))
	assert.Equal(t, "A", tab.Code(tab.Parent(i)))
	assert.Equal(t, "Crops", tab.Label(i, 0), "an empty cell takes base's label")
	assert.Equal(t, "Teelt (BE)", tab.Label(i, 2), "a filled cell keeps its own")
	_, ok = tab.Index("02")
	assert.False(t, ok)

	leaf, _ := tab.Index("01.1")
	assert.Equal(t, "A", tab.Code(tab.Ancestor(leaf, 1)))
	assert.Equal(t, "01", tab.Code(tab.Ancestor(leaf, 2)))
	assert.Equal(t, leaf, tab.Ancestor(leaf, 3))
	assert.Equal(t, -1, tab.Ancestor(leaf, 4), "deeper than the code")
	assert.Equal(t, -1, tab.Ancestor(leaf, 0))
	assert.Equal(t, -1, tab.Parent(tab.Ancestor(leaf, 1)))
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, tsv, want string }{
		{"no header", "A\t1\t\ta\tb\tc\td\n", "line 1"},
		{"short line", head + "A\t1\t\ta\tb\tc\n", "line 2: want 7 columns"},
		{"bad level", head + "A\tx\t\ta\tb\tc\td\n", "line 2: level"},
		{"duplicate", head + "A\t1\t\ta\tb\tc\td\nA\t1\t\ta\tb\tc\td\n", "line 3: code"},
		{"parent later or missing", head + "01\t2\tA\ta\tb\tc\td\n", "line 2: parent"},
		{"parent wrong level", head + "A\t1\t\ta\tb\tc\td\n01.1\t3\tA\ta\tb\tc\td\n", "line 3: parent"},
		{"empty label without base", head + "A\t1\t\ta\t\tc\td\n", "line 2: label: empty"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(tc.tsv, nil)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

// FuzzParse checks that any input either fails with a line number or gives
// a table whose every code has a parent one level up and four labels.
func FuzzParse(f *testing.F) {
	f.Add(head + "A\t1\t\ta\tb\tc\td\n01\t2\tA\te\tf\tg\th\n")
	f.Add(head + "A\t1\t\ta\t\tc\td\n")
	f.Add("")
	f.Add(head + "01\t2\tA\ta\tb\tc\td\n")
	base, err := Parse(head+"A\t1\t\ta\tb\tc\td\n", nil)
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, tsv string) {
		tab, err := Parse(tsv, base)
		if err != nil {
			assert.Contains(t, err.Error(), "line ")
			return
		}
		for i := range tab.Len() {
			j, ok := tab.Index(tab.Code(i))
			require.True(t, ok)
			assert.Equal(t, i, j)
			if p := tab.Parent(i); p >= 0 {
				assert.Equal(t, tab.Level(i)-1, tab.Level(p))
			} else {
				assert.Equal(t, 1, tab.Level(i))
			}
			for col := range 4 {
				assert.NotEmpty(t, tab.Label(i, col))
			}
		}
	})
}
