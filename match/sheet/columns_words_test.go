package sheet

import (
	"strings"

	"github.com/duomatch/duo/profile"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/duomatch/duo/internal/i18n"
)

func TestCatalog(t *testing.T) {
	require.NoError(t, catalog.Check())
}

// TestHeadingsAreRead checks that every column of both tables has a
// heading in every language, and that the readers take it for that column.
func TestHeadingsAreRead(t *testing.T) {
	check := func(name string, byName map[string]int, names []string) {
		for k, n := range names {
			assert.True(t, catalog.Has("heading."+n), "%s: no heading for %s", name, n)
			for _, lang := range i18n.Languages() {
				got, ok := byName[normHeading(Heading(n, lang))]
				assert.True(t, ok && got == k, "%s %s: %q is not read as %s", name, lang, Heading(n, lang), n)
			}
		}
	}
	var names []string
	for _, c := range mentees.cols {
		names = append(names, c.name)
	}
	check("mentees", mentees.byName, names)
	names = names[:0]
	for _, c := range mentors.cols {
		names = append(names, c.name)
	}
	check("mentors", mentors.byName, names)
	assert.Equal(t, "nope", Heading("nope", i18n.French))
}

func TestIgnoredColumnText(t *testing.T) {
	c := IgnoredColumn{Heading: "Taalen", Likely: "languages"}
	assert.Equal(t, `column "Taalen" not read (a misspelling of languages?)`, c.Text(language.Tag{}))
	assert.Equal(t, "kolom ‘Taalen’ niet gelezen (bedoelde u ‘talen’?)", c.Text(i18n.Dutch))
	assert.Equal(t, "colonne « Taalen » non lue (vouliez-vous écrire « langues » ?)", c.Text(i18n.French))
	assert.Equal(t, "Spalte „Taalen“ nicht gelesen (meinten Sie „Sprachen“?)", c.Text(i18n.German))
	assert.Equal(t, "kolom ‘E-mail’ niet gelezen", IgnoredColumn{Heading: "E-mail"}.Text(i18n.Dutch))
}

// TestDutchSheetInDutch reads a Dutch sheet with misspelt headings and
// checks that the answer names the columns by their Dutch headings.
func TestDutchSheetInDutch(t *testing.T) {
	_, rep, err := ReadMentees(strings.NewReader("id;geboortedatm;Taalen\nme-1;01/02/2001;nl:C1\n"), Options{})
	require.Len(t, rep.Ignored, 2)
	assert.Equal(t, "kolom ‘Taalen’ niet gelezen (bedoelde u ‘talen’?)", rep.Ignored[1].Text(i18n.Dutch))
	ps := profile.Problems(err)
	require.Len(t, ps, 1)
	assert.Equal(t, "misspelt_column", ps[0].Code)
	assert.Equal(t, "rij 1, kolom ‘birth_date’: birth_date: kolom ontbreekt (de kolomkop moet ‘geboortedatum’ of een andere aanvaarde naam zijn); "+
		"bedoelde u ‘geboortedatum’ in plaats van ‘geboortedatm’?", ps[0].Text(i18n.Dutch))
	assert.Contains(t, ps[0].Text(i18n.French), "vouliez-vous écrire « date de naissance » au lieu de « geboortedatm » ?")
}

// TestCellCountInFrench checks a row problem of the reader in French:
// its place and pseudo-path in the reader's language, its figures as args.
func TestCellCountInFrench(t *testing.T) {
	_, _, err := ReadMentees(strings.NewReader("id;birth_date\nme-1;2001-01-01;x\n"), Options{})
	ps := profile.Problems(err)
	require.Len(t, ps, 1)
	assert.Equal(t, "ligne 2 : (ligne) : 3 cellules là où l'en-tête en a 2 : un séparateur dans une cellule (mettez la cellule entre guillemets) ou un séparateur manquant ; la ligne n'est pas lue", ps[0].Text(i18n.French))
}
