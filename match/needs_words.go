package match

import (
	"cmp"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/duomatch/duo/internal/i18n"
	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/profile/belgium"
	"github.com/duomatch/duo/profile/nace"
	"github.com/duomatch/duo/profile/names"
)

// Wanted is the partner a [Need] or an [Outreach] asks for, in the codes
// that [Wanted.Text] puts into words in a coordinator's language: "speaks
// Dutch, lives within 25 km of Antwerpen, free Monday evening or Wednesday
// evening; sector F, construction".
type Wanted struct {
	// Gender is the gender the people of the group wish of their partner,
	// as they wrote it; "" for none.
	Gender profile.Gender `json:"gender,omitempty"`
	// Speaks is the base language tag ("nl") the partner should speak
	// with them, Practise the one they practise when it is another ("").
	Speaks   string `json:"speaks"`
	Practise string `json:"practise,omitempty"`
	// Place is where the partner should live: the municipality's name as
	// the gazetteer spells the name the people wrote (as they wrote it when
	// it does not know it), or coordinates rounded to 0.01° written
	// "50.85, 4.35"; "" when unknown.
	Place string `json:"place,omitempty"`
	// NIS is the municipality's NIS code when the round's gazetteer is
	// the Belgian one: [Wanted.Text] then names it in the reader's
	// language (Anvers, Antwerpen).
	NIS string `json:"nis,omitempty"`
	// Lives says how Place binds: "near" (the round has no place rule),
	// "within" (within WithinKm of Place) or "in" (in the municipality).
	Lives    string  `json:"lives,omitempty"`
	WithinKm float64 `json:"within_km,omitempty"`
	// Slots are the weekly slots in which the partner should be free,
	// such as "mon-evening", in week order.
	Slots []string `json:"slots"`
	// Section is the NACE Rev. 2 section (a letter) of the sector, ""
	// when the group names none.
	Section string `json:"section,omitempty"`
	// Aims is set for an outreach: the sector is the mentee's goal, said
	// first.
	Aims bool `json:"aims,omitempty"`
}

// wanted writes the partner p in codes; aims puts the sector first, as a
// mentee's goal.
func (st *roundState) wanted(p partner, aims bool) Wanted {
	w := Wanted{Gender: p.gender, Speaks: p.talk, Practise: p.practise, Aims: aims}
	// The municipality as the gazetteer spells it ("Liège" for "LIEGE"),
	// never the postcode; the name as written when the gazetteer does not
	// know it.
	name := ""
	places := st.scorer.Places
	if places == nil {
		places = belgium.Gazetteer() // the scorer's default
	}
	if l, err := profile.Locate(places, p.home); err == nil {
		name = l.Name
		if _, ok := places.(*belgium.Table); ok {
			w.NIS = l.ID
		}
	}
	// Never the home as written (it may be a street address) nor its
	// coordinates (finer than a municipality): a place the gazetteer does
	// not name is left out.
	w.Place = name
	switch km := st.rules().MaxDistanceKm; {
	case name == "":
	case !st.placeRule():
		w.Lives = "near"
	case p.home.HasCoords() && km != profile.Off:
		w.Lives, w.WithinKm = "within", km
	default:
		w.Lives = "in"
	}
	for _, s := range p.slots.Slots() {
		w.Slots = append(w.Slots, s.String())
	}
	if p.section != 0 {
		w.Section = string(p.section)
	}
	return w
}

// compare orders two descriptions by their codes, field by field: the
// stable tie-break of needs and outreach of equal value.
func (w Wanted) compare(v Wanted) int {
	return cmp.Or(cmp.Compare(w.Section, v.Section), cmp.Compare(w.Speaks, v.Speaks),
		cmp.Compare(w.Practise, v.Practise), cmp.Compare(string(w.Gender), string(v.Gender)),
		cmp.Compare(w.Place, v.Place), cmp.Compare(w.NIS, v.NIS), cmp.Compare(w.Lives, v.Lives),
		cmp.Compare(w.WithinKm, v.WithinKm), slices.Compare(w.Slots, v.Slots))
}

// Text writes the partner in a sentence in lang: languages, weekdays and
// the sector by their names in that language, the place by the name the
// gazetteer gives it. The zero Tag is English.
//
// Cost: O(number of slots).
func (w Wanted) Text(lang language.Tag) string {
	var parts []string
	if w.Gender != "" {
		parts = append(parts, catalog.Sprintf(lang, "wanted.gender", genderName(w.Gender, lang)))
	}
	if w.Practise != "" {
		parts = append(parts, catalog.Sprintf(lang, "wanted.speaks_practise", languageName(w.Speaks, lang), languageName(w.Practise, lang)))
	} else {
		parts = append(parts, catalog.Sprintf(lang, "wanted.speaks", languageName(w.Speaks, lang)))
	}
	place := w.Place
	if n, ok := belgium.Gazetteer().Name(w.NIS, lang); ok {
		place = n
	}
	switch w.Lives {
	case "near", "in":
		parts = append(parts, catalog.Sprintf(lang, "wanted.lives_"+w.Lives, place))
	case "within":
		parts = append(parts, catalog.Sprintf(lang, "wanted.lives_within", w.WithinKm, place))
	}
	if len(w.Slots) > 0 {
		parts = append(parts, catalog.Sprintf(lang, "wanted.free", orList(lang, w.Slots, slotName)))
	}
	text := strings.Join(parts, ", ")
	if w.Section == "" {
		return text
	}
	sector := catalog.Sprintf(lang, "wanted.sector", w.Section, sectionName(w.Section, lang))
	if w.Aims {
		return catalog.Sprintf(lang, "wanted.aims", sector, text)
	}
	return catalog.Sprintf(lang, "wanted.has", text, sector)
}

// Text writes the mentor to recruit in a sentence in lang: [Wanted.Text].
func (n Need) Text(lang language.Tag) string { return n.Wanted.Text(lang) }

// Text writes the mentee to look for in a sentence in lang:
// [Wanted.Text].
func (o Outreach) Text(lang language.Tag) string { return o.Wanted.Text(lang) }

// genderName names a gender as written in lang when it is one of the
// usual English words or letters (female, f, male, m), and gives it as
// written otherwise.
func genderName(g profile.Gender, lang language.Tag) string {
	switch g {
	case profile.Female:
		return catalog.Sprintf(lang, "gender.female")
	case profile.Male:
		return catalog.Sprintf(lang, "gender.male")
	}
	return catalog.Sprintf(lang, "gender.x")
}

// languageName names a language tag in lang, or gives the tag when it has
// no name.
func languageName(tag string, lang language.Tag) string {
	if n, ok := names.Language(tag, lang); ok {
		return n
	}
	return tag
}

// sectionName names a NACE section in lang, as it reads in a sentence.
func sectionName(section string, lang language.Tag) string {
	n, err := nace.Name(section, lang)
	if err != nil {
		return section
	}
	return i18n.InText(n, lang)
}

// slotName names a weekly slot ("mon-evening") in lang: "Monday evening",
// "lundi soir", "maandagavond", "Montagabend"; a name it cannot parse is
// given as it is.
func slotName(slot string, lang language.Tag) string {
	s, err := profile.ParseSlot(slot)
	if err != nil {
		return slot
	}
	day, part := int(s)/3, int(s)%3
	return catalog.Sprintf(lang, slotKeys[part], catalog.Sprintf(lang, dayKeys[day]))
}

// orList joins the names of xs in lang: "a, b or c".
func orList(lang language.Tag, xs []string, name func(string, language.Tag) string) string {
	n := make([]string, len(xs))
	for k, x := range xs {
		n[k] = name(x, lang)
	}
	if len(n) == 1 {
		return n[0]
	}
	return catalog.Sprintf(lang, "list.or", strings.Join(n[:len(n)-1], ", "), n[len(n)-1])
}

var (
	dayKeys  = [7]string{"day.mon", "day.tue", "day.wed", "day.thu", "day.fri", "day.sat", "day.sun"}
	slotKeys = [3]string{"slot.morning", "slot.afternoon", "slot.evening"}
)

// wantedWords are the words of [Wanted.Text]. Belgian Dutch says
// voormiddag and namiddag; a slot is written as one word in Dutch and
// German (maandagavond, Montagabend).
var wantedWords = []i18n.Message{
	{Key: "wanted.gender", Text: i18n.Text{En: "gender %s", Fr: "genre : %s", Nl: "geslacht: %s", De: "Geschlecht: %s"}},
	{Key: "gender.female", Text: i18n.Text{En: "female", Fr: "femme", Nl: "vrouw", De: "Frau"}},
	{Key: "gender.male", Text: i18n.Text{En: "male", Fr: "homme", Nl: "man", De: "Mann"}},
	{Key: "gender.x", Text: i18n.Text{En: "another gender", Fr: "autre genre", Nl: "ander gender", De: "anderes Geschlecht"}},
	{Key: "wanted.speaks", Text: i18n.Text{En: "speaks %s", Fr: "parle %s", Nl: "spreekt %s", De: "spricht %s"}},
	{Key: "wanted.speaks_practise", Text: i18n.Text{
		En: "speaks %s and %s (to practise)",
		Fr: "parle %s et %s (langue à pratiquer)",
		Nl: "spreekt %s en %s (oefentaal)",
		De: "spricht %s und %s (Übungssprache)"}},
	{Key: "wanted.lives_near", Text: i18n.Text{
		En: "lives near %s", Fr: "habite près de %s", Nl: "woont in de buurt van %s", De: "wohnt in der Nähe von %s"}},
	{Key: "wanted.lives_within", Text: i18n.Text{
		En: "lives within %g km of %s", Fr: "habite à %[2]s ou dans un rayon de %[1]g km", Nl: "woont binnen %g km van %s", De: "wohnt höchstens %g km von %s entfernt"}},
	{Key: "wanted.lives_in", Text: i18n.Text{
		En: "lives in %s", Fr: "habite à %s", Nl: "woont in %s", De: "wohnt in %s"}},
	{Key: "wanted.free", Text: i18n.Text{
		En: "free %s", Fr: "disponible %s", Nl: "vrij op %s", De: "frei am %s"}},
	{Key: "wanted.sector", Text: i18n.Text{
		En: "sector %s, %s", Fr: "secteur %s, %s", Nl: "sector %s, %s", De: "Branche %s, %s"}},
	{Key: "wanted.aims", Text: i18n.Text{
		En: "aims at %s; %s", Fr: "vise le %s ; %s", Nl: "mikt op de %s; %s", De: "Ziel: %s; %s"}},
	{Key: "wanted.has", Text: i18n.Text{
		En: "%s; %s", Fr: "%s ; %s", Nl: "%s; %s", De: "%s; %s"}},
	{Key: "list.or", Text: i18n.Text{En: "%s or %s", Fr: "%s ou %s", Nl: "%s of %s", De: "%s oder %s"}},
	{Key: "day.mon", Text: i18n.Text{En: "Monday", Fr: "lundi", Nl: "maandag", De: "Montag"}},
	{Key: "day.tue", Text: i18n.Text{En: "Tuesday", Fr: "mardi", Nl: "dinsdag", De: "Dienstag"}},
	{Key: "day.wed", Text: i18n.Text{En: "Wednesday", Fr: "mercredi", Nl: "woensdag", De: "Mittwoch"}},
	{Key: "day.thu", Text: i18n.Text{En: "Thursday", Fr: "jeudi", Nl: "donderdag", De: "Donnerstag"}},
	{Key: "day.fri", Text: i18n.Text{En: "Friday", Fr: "vendredi", Nl: "vrijdag", De: "Freitag"}},
	{Key: "day.sat", Text: i18n.Text{En: "Saturday", Fr: "samedi", Nl: "zaterdag", De: "Samstag"}},
	{Key: "day.sun", Text: i18n.Text{En: "Sunday", Fr: "dimanche", Nl: "zondag", De: "Sonntag"}},
	{Key: "slot.morning", Text: i18n.Text{En: "%s morning", Fr: "%s matin", Nl: "%svoormiddag", De: "%svormittag"}},
	{Key: "slot.afternoon", Text: i18n.Text{En: "%s afternoon", Fr: "%s après-midi", Nl: "%snamiddag", De: "%snachmittag"}},
	{Key: "slot.evening", Text: i18n.Text{En: "%s evening", Fr: "%s soir", Nl: "%savond", De: "%sabend"}},
}
