package sheet_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/match/sheet"
	"github.com/duomatch/duo/profile"
)

// A round from two small sheets as a coordinator keeps them: the mentees
// exported from Excel in Belgium (';', French headings, dates day first,
// an e-mail column the library does not read), the mentors from Google
// Sheets (',', English headings). The duos are written back as CSV.
func Example() {
	menteesCSV := "Identifiant;Date de naissance;E-mail;Pays de naissance;Inscrit;Organisme;Projet;Secteurs;Langues;Commune;Disponibilités;Date de candidature;langue à pratiquer\r\n" +
		"me-1;12/04/2001;a@example.org;MA;oui;Actiris;Développeur web;62.01;\"ar:native; fr:C1\";Bruxelles;mon-evening, sat-morning;02/11/2026;fr\r\n" +
		"me-2;03/09/1999;b@example.org;TR;oui;Actiris;Aide-soignante;86.10;tr:native, fr:B2;Bruxelles;sat-morning;15/10/2026;fr\r\n"
	mentorsCSV := "id,birth_date,experience,languages,city,availability,weekly_hours,trained\n" +
		"mo-1,1960-03-03,62.02:2512:20,fr:native,Bruxelles,\"mon-evening, sat-morning\",2,yes\n" +
		"mo-2,1958-07-21,86.10:12,\"fr:native, nl:B2\",Bruxelles,sat-morning,2.5,no\n"

	mentees, report, err := sheet.ReadMentees(strings.NewReader(menteesCSV), sheet.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d mentees (%s, separator %q)\n", report.Rows, report.Encoding, report.Comma)
	for _, c := range report.Ignored {
		fmt.Printf("column %q not read\n", c.Heading)
	}
	mentors, _, err := sheet.ReadMentors(strings.NewReader(mentorsCSV), sheet.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	p, err := match.Propose(context.Background(), match.Round{
		On:      profile.MustDate(2026, time.November, 23),
		Mentees: mentees,
		Mentors: mentors,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	// Comma ',' and no byte order mark, to print it here; the defaults
	// (';', decimal commas and a BOM) suit Excel in Belgium. The file's
	// CRLF line ends are printed as LF.
	var out bytes.Buffer
	if err := sheet.WriteDuos(&out, p, sheet.Options{Comma: ',', NoBOM: true}); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(strings.ReplaceAll(out.String(), "\r\n", "\n"))
	// Output:
	// 2 mentees (UTF-8, separator ';')
	// column "E-mail" not read
	// mentee,mentor,score,pinned,criterion_1,points_1,reason_1,criterion_2,points_2,reason_2,criterion_3,points_3,reason_3,blocked_today_codes,blocked_today
	// me-1,mo-1,0.83,no,sector,0.23,"same NACE group 62.0: computer programming, consultancy and related activities",language,0.15,"speaks French natively, which the mentee practises",availability,0.15,2 common weekly slots,,
	// me-2,mo-2,0.77,no,sector,0.25,same NACE class 86.10: hospital activities,language,0.15,"speaks French natively, which the mentee practises",distance,0.10,both in Bruxelles (0 at 25 km),,
}

// A sheet with mistakes: every problem is reported at once, with the row
// as the spreadsheet numbers it, the column's heading and the person's ID,
// never the cell's value. A misspelt heading is not read and is pointed
// out.
func ExampleReadMentees_errors() {
	csv := "id;Date de naissance;langauges;Disponibilités\n" +
		"me-1;31/02/2001;fr:C1;mon-evening\n" +
		"me-2;2001-04-12;fr:C1;mon-night\n" +
		";2001-04-12;;\n"
	_, report, err := sheet.ReadMentees(strings.NewReader(csv), sheet.Options{})
	for _, c := range report.Ignored {
		fmt.Printf("column %q not read (a misspelling of %s?)\n", c.Heading, c.Likely)
	}
	for _, e := range profile.Problems(err) {
		fmt.Println(e)
	}
	// Output:
	// column "langauges" not read (a misspelling of languages?)
	// row 2, column "Date de naissance": me-1: birth_date: not an existing day
	// row 3, column "Disponibilités": me-2: availability: entry 1 is not a weekly slot (want a day mon..sun, a dash and morning, afternoon or evening, such as mon-evening)
	// row 4, column "id": (no id): id: missing
}
