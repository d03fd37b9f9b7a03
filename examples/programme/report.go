package main

import (
	"os"
	"strings"
	"unicode"

	"golang.org/x/text/language"

	"github.com/duomatch/duo/match/ledger"
	"github.com/duomatch/duo/match/ledger/report"
	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/profile/belgium"
	"github.com/duomatch/duo/profile/nace"
)

// writeReport writes the funder's report of the programme's months, with
// the equity report by gender, age band, region, referral partner and the
// mentor's sector, to the file name.
func writeReport(name string, l *ledger.Ledger, mentees []profile.Mentee, mentors []profile.Mentor, lang language.Tag) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	from, to := start, start.AddDays(28*20-1)
	opt := report.Options{
		Lang:      lang,
		Title:     "Duo · synthetic programme",
		Groupings: groupings(l, mentees, mentors, to),
		GroupName: groupName,
	}
	if err := report.Write(f, l, from, to, opt); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// groupings are the equity report's groups, from the profiles (the
// ledger holds no personal data) and the ledger's referral codes.
func groupings(l *ledger.Ledger, mentees []profile.Mentee, mentors []profile.Mentor, to profile.Date) []ledger.Grouping {
	sectors := map[string]string{}
	for _, m := range mentors {
		sectors[m.ID] = mainSection(m)
	}
	byID := map[string]profile.Mentee{}
	for _, m := range mentees {
		byID[m.ID] = m
	}
	of := func(group func(profile.Mentee) string) func(string) string {
		return func(id string) string {
			m, ok := byID[id]
			if !ok {
				return "" // a mentor
			}
			return group(m)
		}
	}
	g := belgium.Gazetteer()
	return []ledger.Grouping{
		{Name: "gender", Of: of(func(m profile.Mentee) string { return string(m.Gender) })},
		{Name: "age_band", Of: of(func(m profile.Mentee) string { return ageBand(profile.Age(m.BirthDate, start)) })},
		{Name: "region", Of: of(func(m profile.Mentee) string {
			loc, err := g.Resolve(m.Home)
			if err != nil {
				return ""
			}
			return regions[loc.Region]
		})},
		{Name: "referral", Of: l.Referrals(to)},
		{Name: "sector", Of: func(id string) string { return sectors[id] }, ByMentor: true},
	}
}

// mainSection is the NACE section of the mentor's longest experience, or
// "" when they have none.
func mainSection(m profile.Mentor) string {
	best, years := "", -1.0
	for _, e := range m.Experience {
		if p, err := e.Sector.Parse(); err == nil && e.Years > years {
			best, years = string(p.Section), e.Years
		}
	}
	return best
}

// ageBand is a mentee's age band on the programme's first day.
func ageBand(age int) string {
	switch {
	case age <= 21:
		return "18-21"
	case age <= 25:
		return "22-25"
	}
	return "26-30"
}

// regions are the group codes of the gazetteer's regions.
var regions = map[string]string{"Brussels-Capital": "brussels", "Flanders": "flanders", "Wallonia": "wallonia"}

// names are the words of the groups' codes, in English, French, Dutch and
// German: the programme names its own codes.
var names = map[string][4]string{
	"female":      {"women", "femmes", "vrouwen", "Frauen"},
	"male":        {"men", "hommes", "mannen", "Männer"},
	"brussels":    {"Brussels", "Bruxelles", "Brussel", "Brüssel"},
	"flanders":    {"Flanders", "Flandre", "Vlaanderen", "Flandern"},
	"wallonia":    {"Wallonia", "Wallonie", "Wallonië", "Wallonien"},
	"pes":         {"public employment service", "service public de l'emploi", "openbare arbeidsbemiddelingsdienst", "Arbeitsamt"},
	"cpas":        {"social welfare centre", "CPAS", "OCMW", "ÖSHZ"},
	"integration": {"integration agency", "bureau d'accueil des primo-arrivants", "integratiedienst", "Integrationsdienst"},
	"school":      {"school", "école", "school", "Schule"},
}

// groupName names a group's code in lang, or "" to show the code: a
// NACE section by its name.
func groupName(grouping, code string, lang language.Tag) string {
	if grouping == "sector" {
		c, err := nace.Parse(code, nace.Rev2)
		if err != nil {
			return ""
		}
		name := []rune(strings.ToLower(c.Name(lang))) // sections are named in upper case
		return string(unicode.ToUpper(name[0])) + string(name[1:])
	}
	n, ok := names[code]
	if !ok {
		return ""
	}
	base, _ := lang.Base()
	switch base.String() {
	case "fr":
		return n[1]
	case "nl":
		return n[2]
	case "de":
		return n[3]
	}
	return n[0]
}
