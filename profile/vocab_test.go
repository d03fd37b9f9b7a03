package profile

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseGender(t *testing.T) {
	tests := []struct {
		in   string
		want Gender
		ok   bool
	}{
		{"F", Female, true}, {"V", Female, true}, {"vrouw", Female, true}, {"femme", Female, true},
		{"Frau", Female, true}, {"weiblich", Female, true}, {"female", Female, true}, {" FÉMININ ", Female, true},
		{"M", Male, true}, {"H", Male, true}, {"man", Male, true}, {"homme", Male, true},
		{"Mann", Male, true}, {"männlich", Male, true}, {"male", Male, true}, {"Masculin", Male, true},
		{"X", OtherGender, true}, {"autre", OtherGender, true}, {"divers", OtherGender, true}, {"non-binaire", OtherGender, true},
		{"", "", true}, {"  ", "", true},
		{"vrouwen", "", false}, {"secret", "", false}, {"fm", "", false}, {"?", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := ParseGender(tt.in)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.want, got)
			if ok {
				assert.True(t, got.Known())
			}
		})
	}
	assert.False(t, Gender("vrouw").Known(), "a word is read, but only the canonical value is stored")
	assert.False(t, Gender("Female").Known())
}

func TestParseAgency(t *testing.T) {
	tests := []struct {
		in   string
		want Agency
		ok   bool
	}{
		{"Actiris", Actiris, true}, {"ACTIRIS", Actiris, true}, {"vdab", VDAB, true},
		{"Le Forem", LeForem, true}, {"Forem", LeForem, true}, {"FOREM", LeForem, true}, {"le forem", LeForem, true},
		{"Le FOREm", LeForem, true}, {"ADG", ADG, true}, {"Arbeitsamt der DG", ADG, true}, {"Arbeitsamt", ADG, true},
		{"", "", true},
		{"Jobcentre", "", false}, {"Forum", "", false}, {"OCMW", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := ParseAgency(tt.in)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestParseLevel(t *testing.T) {
	tests := []struct {
		in   string
		want Level
		ok   bool
	}{
		{"moedertaal", Native, true}, {"langue maternelle", Native, true}, {"Muttersprache", Native, true},
		{"native", Native, true}, {"Native", Native, true}, {"b2", B2, true}, {"C1", C1, true},
		{"", "", false}, {"fluent", "", false}, {"D1", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := ParseLevel(tt.in)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.want, got)
		})
	}
}

// Every day word with every part word, in every form a coordinator writes
// (dash, space, underscore, dot, glued), reads as that slot: an oracle
// over the whole vocabulary, which also shows that no glued form is read
// two ways.
func TestParseSlotEveryWord(t *testing.T) {
	for dw, d := range slotDayWords {
		for pw, p := range slotPartWords {
			want := Slot(d*3 + p)
			for _, in := range []string{dw + "-" + pw, dw + " " + pw, dw + "_" + pw, dw + ". " + pw, dw + pw,
				strings.ToUpper(dw) + "-" + pw} {
				got, err := ParseSlot(in)
				require.NoError(t, err, in)
				assert.Equal(t, want, got, in)
			}
		}
	}
}

func TestParseSlotCoordinatorWords(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"ma-avond", "mon-evening"}, {"maandag avond", "mon-evening"}, {"Maandagavond", "mon-evening"},
		{"lundi soir", "mon-evening"}, {"lun-soir", "mon-evening"}, {"Mo-Abend", "mon-evening"},
		{"Montag Abend", "mon-evening"}, {"mon-evening", "mon-evening"}, {"mardi après-midi", "tue-afternoon"},
		{"mar. apres-midi", "tue-afternoon"}, {"wo voormiddag", "wed-morning"}, {"Samstag Vormittag", "sat-morning"},
		{"zo namiddag", "sun-afternoon"}, {"vendredi matin", "fri-morning"}, {"Do-Nachmittag", "thu-afternoon"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseSlot(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.String())
		})
	}
	for _, bad := range []string{"ma", "avond", "lundi nuit", "maandag-avond-laat", "xx-soir", "mon evening tuesday"} {
		_, err := ParseSlot(bad)
		assert.Error(t, err, bad)
	}
}

// JSON accepts the same words and stores the canonical values; a word
// outside a vocabulary is kept so that validation names the field and the
// person, as unknown_value.
func TestDecodeVocabularies(t *testing.T) {
	doc := `[{"id": "me-1", "birth_date": "2001-02-03", "gender": "vrouw",
		"job_seeker": {"registered": true, "agency": "FOREM"},
		"languages": [{"tag": "ar", "level": "moedertaal"}, {"tag": "fr", "level": "b2"}],
		"availability": ["lundi soir", "Mo-Abend", "za-ochtend"],
		"wants": {"mentor_gender": "F"}}]`
	ms, err := DecodeMentees(strings.NewReader(doc), DecodeOptions{})
	require.NoError(t, err)
	require.Len(t, ms, 1)
	m := ms[0]
	assert.Equal(t, Female, m.Gender)
	assert.Equal(t, Female, m.Wants.MentorGender)
	assert.Equal(t, LeForem, m.JobSeeker.Agency)
	assert.Equal(t, []Language{{"ar", Native}, {"fr", B2}}, m.Languages)
	assert.Equal(t, "mon-evening, sat-morning", strings.Join(slotNames(m.Availability), ", "))

	bad := `[{"id": "me-2", "birth_date": "2001-02-03", "gender": "SECRETWORD", "job_seeker": {"agency": "Jobcentre"},
		"wants": {"mentor_gender": "vrouwen"}}]`
	_, err = DecodeMentees(strings.NewReader(bad), DecodeOptions{})
	require.Error(t, err)
	var got []string
	for _, p := range Problems(err) {
		got = append(got, p.Path+" "+p.Code+" "+p.ID())
		assert.NotContains(t, p.Error(), "SECRETWORD")
		assert.NotContains(t, p.Error(), "Jobcentre")
	}
	assert.Equal(t, []string{"[0].gender unknown_value me-2", "[0].job_seeker.agency unknown_value me-2",
		"[0].wants.mentor_gender unknown_value me-2"}, got)
}

func slotNames(a Availability) []string {
	var out []string
	for _, s := range a.Slots() {
		out = append(out, s.String())
	}
	return out
}

func TestPolicyAgenciesVocabulary(t *testing.T) {
	p := Policy{Mentee: MenteeRules{Agencies: []Agency{"VDAB", "Jobcentre"}}}
	ps := Problems(p.Validate())
	require.Len(t, ps, 1)
	assert.Equal(t, "mentee.agencies[1]", ps[0].Path)
	assert.Equal(t, "unknown_value", ps[0].Code)

	// A registration written "FOREM" is accepted by the default list ("Le
	// Forem"): both sides are read through the vocabulary.
	m := Mentee{ID: "me-1", BirthDate: MustDate(2000, 1, 1), JobSeeker: JobSeeker{Registered: true, Agency: "FOREM"},
		Background: Background{BirthCountry: "MA"}, Project: "job"}
	for _, v := range DefaultPolicy().CheckMentee(m, MustDate(2024, 1, 1)) {
		assert.NotEqual(t, CodeAgencyNotAccepted, v.Code)
	}
	var dec Policy
	require.NoError(t, Decode(strings.NewReader(`{"mentee": {"agencies": ["forem", "Arbeitsamt der DG"]}}`), &dec, DecodeOptions{}))
	assert.Equal(t, []Agency{LeForem, ADG}, dec.Mentee.Agencies)
}
