package main

import (
	"os"
	"strings"

	"golang.org/x/text/language"

	"github.com/duomatch/duo/match/ledger"
	"github.com/duomatch/duo/match/ledger/report"
	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/profile/belgium"
)

// writeReport writes the funder's report of the programme's months, with
// the equity report by gender, age band, region and referral partner,
// to the file name.
func writeReport(name string, l *ledger.Ledger, mentees []profile.Mentee, lang language.Tag) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	from, to := start, start.AddDays(28*20-1)
	opt := report.Options{
		Lang:      lang,
		Title:     "Duo · synthetic programme",
		Groupings: groupings(l, mentees, to),
		GroupName: groupName,
	}
	if err := report.Write(f, l, from, to, opt); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// groupings are the equity report's groups, from the mentees' profiles
// (the ledger holds no personal data) and the ledger's referral codes.
func groupings(l *ledger.Ledger, mentees []profile.Mentee, to profile.Date) []ledger.Grouping {
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
		{Name: "gender", Of: of(func(m profile.Mentee) string { return strings.ToLower(m.Gender) })},
		{Name: "age_band", Of: of(func(m profile.Mentee) string { return ageBand(profile.Age(m.BirthDate, start)) })},
		{Name: "region", Of: of(func(m profile.Mentee) string {
			loc, err := g.Resolve(m.Home)
			if err != nil {
				return ""
			}
			return regions[loc.Region]
		})},
		{Name: "referral", Of: l.Referrals(to)},
	}
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

// groupName names a group's code in lang, or "" to show the code.
func groupName(_, code string, lang language.Tag) string {
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
