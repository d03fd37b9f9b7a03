package sheet_test

import (
	"flag"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"
)

var update = flag.Bool("update", false, "rewrite the files in testdata/")

// crlf turns the lines of a file written here with \n into Excel's \r\n.
func crlf(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }

// The sheets under testdata/, as a coordinator's tools export them. The
// text is written here so that what each file holds is plain to read; the
// bytes on disk are the export's (encoding, byte order mark, line ends).
var testdataFiles = map[string]func() []byte{
	// Excel in a Belgian (French) locale, "CSV (separated by semicolons)":
	// Windows-1252, ';', CRLF, dates day first, decimal commas, French
	// headings, cells with ';' quoted, an empty row and Excel's trailing
	// empty columns.
	"belgian_excel_mentees.csv": func() []byte {
		text := crlf("Identifiant;Date de naissance;Genre;Pays de naissance;Nationalités;Inscrit;Organisme;Inscrit depuis;Projet;Secteurs;Métier;Intérêts;Langues;Code postal;Commune;Latitude;Longitude;Disponibilités;Personnalité;Langue à pratiquer;Date de candidature;;\n" +
			"me-001;12/04/2001;female;BE;BE;oui;Actiris;02/05/2026;Développeuse web;62,01;2512;\"football; photographie\";\"ar:native; fr:C1; nl:A2\";1030;Schaerbeek;50,8671;4,3775;mon-evening, wed-afternoon, sat-morning;\"ouverture:0,7; extraversion:0,4\";nl;30/10/2026;;\n" +
			";;;;;;;;;;;;;;;;;;;;;;\n" +
			"me-002;3/9/1999;female;MA;\"MA; BE\";non;Le Forem;;Aide-soignante à domicile;87.10;;;fr:native, ar:B1;4000;Liège;;;tue-morning;;fr;15/10/2026;;\n" +
			"me-003;25.12.2000;male;CD;CD;Oui;Actiris;01-09-2026;Cuisinier, brasserie française;56.10;5120;cuisine;fr:C2;1080;Molenbeek-Saint-Jean;;;thu-afternoon, fri-afternoon;;;20-11-2026;;\n")
		b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(text))
		if err != nil {
			panic(err)
		}
		return b
	},
	// Excel saving "CSV UTF-8" in a Belgian (Dutch) locale: a byte order
	// mark, ';', CRLF, Dutch headings.
	"utf8_bom_mentors.csv": func() []byte {
		return []byte("\uFEFF" + crlf("Identificatie;Geboortedatum;Geslacht;Status;Ervaring;Talen;Postcode;Gemeente;Beschikbaarheid;Uren per week;Opgeleid;Capaciteit;Interesses;Pauze\n"+
			"mo-001;03/03/1960;male;retired;\"62.02:2512:20; 70.22:5\";nl:native, fr:C1;2000;Antwerpen;tue-evening, sat-morning;2,5;ja;;fietsen;nee\n"+
			"mo-002;21-07-1958;female;early_retired;86.10:12;\"nl:native; en:B2\";9000;Gent;wed-afternoon;3;nee;2;\"koken; lezen\";ja\n"+
			"mo-003;14/02/1955;female;other;F:30,5;fr:native;4020;Liège;mon-morning, mon-afternoon;2;JA;;;\n"))
	},
	// Google Sheets, File > Download > CSV: UTF-8 without a byte order
	// mark, ',', LF, TRUE/FALSE, the package's own column names.
	"google_sheets_mentees.csv": func() []byte {
		return []byte("id,birth_date,gender,birth_country,parent_birth_countries,registered,agency,project,sectors,languages,postcode,city,country,availability,mentor_gender,practise_language,applied_on,paused\n" +
			"me-101,2000-01-31,male,BE,MA; TR,TRUE,VDAB,\"Job as an electrician, Antwerp\",43.21,\"nl:C1, ar:native\",2060,Antwerpen,BE,\"mon-evening, thu-evening\",,nl,2026-09-01,FALSE\n" +
			"me-102,1998-06-15,female,SY,,TRUE,VDAB,Internship in accounting,69.20; 64.19,\"ar:native, nl:B1, en:B2\",9000,Gent,be,sat-morning,female,nl,2026-10-12,TRUE\n")
	},
	// A sheet with the personal columns a programme keeps for itself:
	// names, e-mail, phone, address. They are never read.
	"personal_columns_mentees.csv": func() []byte {
		return []byte("First name,Last name,id,E-mail,Phone,birth_date,Adresse,birth_country,languages,city,availability\n" +
			"Amina,El Idrissi,me-201,amina@example.org,+32 470 12 34 56,2002-03-04,Rue Royale 1,MA,fr:C1,Bruxelles,mon-evening\n" +
			"Yusuf,Demir,me-202,yusuf@example.org,+32 471 65 43 21,2001-11-30,Meir 10,TR,nl:B2,Antwerpen,sat-morning\n")
	},
	// A sheet with a problem in several rows (see TestErrorsFile).
	"errors_mentees.csv": func() []byte {
		return []byte("id;birth_date;birth_country;registered;natonalities;languages;availability;applied_on;project\n" +
			"me-1;31/02/2001;MA;oui;;fr:C1;mon-evening;;a job\n" + // 2: no 31 February
			"me-2;2001-04-12;XX;oui;;fr:C1;mon-evening;;a job\n" + // 3: unknown country
			"me-3;12/04/2001;MA;peut-être;;fr:C1;mon-evening;;a job\n" + // 4: not yes or no
			"\n" + // 5: empty
			"me-4;12/04/2001;MA;oui;;fr-C1;mon-evening;;a job\n" + // 6: no level
			"me-5;12/04/2001;MA;oui;;fr:C1;mon-night;;a job\n" + // 7: unknown slot
			"me-2;12/04/2001;MA;oui;;fr:C1;mon-evening;;a job\n" + // 8: duplicate id
			";12/04/2001;MA;oui;;fr:C1;mon-evening;;a job\n" + // 9: no id
			"me-6;04/12/2001;MA;oui;;fr:B3;mon-evening;13/13/2026;a job\n" + // 10: unknown level, bad date
			"me-7;12/04/2001;MA;oui;;fr:C1;mon-evening;;\"a job\nin two lines\"\n" + // 11: a line break in a cell (two lines, one row)
			"me-8;2001-4-12;MA;oui;;fr:C1;mon-evening;;a job;extra\n") // 12: a cell more than the header has
	},
}

// TestTestdataFiles checks that the files under testdata/ are what
// testdataFiles writes (go test -run TestTestdataFiles -update rewrites
// them).
func TestTestdataFiles(t *testing.T) {
	files := maps.Clone(testdataFiles)
	maps.Copy(files, intakeFiles)
	for name, content := range files {
		path := filepath.Join("testdata", name)
		if *update {
			require.NoError(t, os.WriteFile(path, content(), 0o644))
		}
		got, err := os.ReadFile(path)
		require.NoError(t, err)
		assert.Equal(t, content(), got, "%s is out of date: go test -run TestTestdataFiles -update", name)
	}
}

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return b
}
