package sheet_test

import (
	"strings"

	"golang.org/x/text/encoding/charmap"
)

// The sheets of issue 19 under testdata/, each showing one way a sheet
// was lost, shifted or garbled (TestTestdataFiles keeps them in sync).
var intakeFiles = map[string]func() []byte{
	// Excel in a Belgian (Dutch) locale: Windows-1252, Excel's "sep=;"
	// line, CRLF, Dutch headings and values (V, man, vrouw, ja, ma-avond,
	// moedertaal, FOREM), personal columns, an empty row of separators.
	"dutch_excel_mentees.csv": func() []byte {
		text := crlf("sep=;\n" +
			"identificatie;geboortedatum;geslacht;geboorteland;nationaliteit;ingeschreven;instantie;project;sectoren;talen;postcode;gemeente;beschikbaarheid;geslacht mentor;oefentaal;aanmeldingsdatum;Naam;Telefoon\n" +
			"me-101;12/04/2001;V;MA;MA;ja;VDAB;een job in de zorg;86.10;ar:moedertaal, nl:B1, fr:B2;2000;Antwerpen;ma-avond, wo-namiddag;V;nl;01/10/2026;Noor;0470\n" +
			"me-102;03/07/1999;M;SY;SY;ja;Actiris;een job in IT;62.01;ar:moedertaal, fr:C1, nl:B1;1030;Schaarbeek;di-avond, za-voormiddag;;fr;15/10/2026;Sami;0471\n" +
			"me-103;21/11/2003;man;AF;AF;ja;vdab;een opleiding;47.11;prs:moedertaal, nl:B2;9000;Gent;do-avond, zo-namiddag;;nl;20/09/2026;Ali;0472\n" +
			"me-104;05/05/2000;vrouw;CD;CD;ja;FOREM;een job in de horeca;56.10;fr:moedertaal, nl:A2;4000;Liège;vr-voormiddag, ma-avond;vrouw;fr;05/11/2026;Grâce;0473\n" +
			";;;;;;;;;;;;;;;;;\n")
		b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(text))
		if err != nil {
			panic(err)
		}
		return b
	},
	// A French sheet of mentors with French and Dutch values, two bad rows
	// (row 5: 31 February; row 6: a gender outside the vocabulary) and one
	// unknown place (row 7), which the round finds.
	"french_mentors.csv": func() []byte {
		return []byte("\uFEFF" + crlf("Identifiant;Date de naissance;Genre;Statut;Experience;Langues;Code postal;Commune;Disponibilités;Heures par semaine;Formé;Nom\n"+
			"mo-101;13/10/1958;F;retired;86.10:2221:20;fr:langue maternelle, nl:C1;2000;Anvers;lundi soir, mercredi après-midi;2;oui;Anne\n"+
			"mo-102;21/07/1958;V;early_retired;62.01:2512:25;nl:moedertaal, fr:B2;1030;Schaerbeek;di-avond, za-voormiddag;3;ja;Els\n"+
			"mo-103;14/02/1955;H;retired;47.11:5221:30;fr:langue maternelle, nl:B2;9000;Gand;jeudi soir, dimanche après-midi;2;oui;Jean\n"+
			"mo-104;31/02/1960;M;retired;56.10:10;fr:langue maternelle;1000;Bruxelles;lundi soir;2;oui;Marc\n"+
			"mo-105;01/03/1961;peut-être;retired;56.10:10;fr:langue maternelle;1000;Bruxelles;lundi soir;2;oui;Luc\n"+
			"mo-106;01/01/1962;F;retired;56.10:10;fr:langue maternelle, nl:B1;;Trifouilly-les-Oies;lundi soir;2;oui;Lise\n"+
			"mo-107;01/01/1960;femme;retired;56.10:10;fr:langue maternelle, nl:A2;4000;Liège;vendredi matin, lundi soir;2;oui;Claire\n"))
	},
	// Excel in a Belgian (German) locale, as a coordinator in East Belgium
	// saves it: Windows-1252, ';', CRLF, dates day first with dots,
	// decimal commas, German headings and values (W, Mann, Frau, ja,
	// nein, Mo-Abend, Muttersprache, Arbeitsamt der DG), personal
	// columns, an empty row of separators.
	"german_excel_mentees.csv": func() []byte {
		text := crlf("Kennung;Geburtsdatum;Geschlecht;Geburtsland;Staatsangehörigkeit;als arbeitsuchend gemeldet;Arbeitsamt;arbeitsuchend seit;berufliches Vorhaben;Branchen;Beruf;Interessen;Sprachen;PLZ;Wohnort;Breitengrad;Längengrad;Verfügbarkeit;Persönlichkeit;Geschlecht des Mentors;Übungssprache;Anmeldedatum;pausiert;Vorname;Telefon\n" +
			"me-301;12.04.2001;W;MA;MA;ja;Arbeitsamt der DG;02.05.2026;eine Stelle in der Pflege;86,10;2221;\"Fußball; Kochen\";\"ar:Muttersprache; de:B1; fr:A2\";4700;Eupen;50,6279;6,0364;Mo-Abend, Mi-Nachmittag;\"Offenheit:0,7; Extraversion:0,4\";Frau;de;30.10.2026;nein;Amina;0470\n" +
			"me-302;03.07.1999;Mann;SY;SY;Ja;ADG;;eine Ausbildung;43.21;;;ar:Muttersprache, de:A2;4780;Sankt Vith;;;Di-Vormittag, Sa-Vormittag;;;de;15.10.2026;Nein;Sami;0471\n" +
			";;;;;;;;;;;;;;;;;;;;;;;;\n" +
			"me-303;21.11.2003;divers;AF;AF;JA;Le Forem;01.09.2026;eine Stelle in der Gastronomie;56.10;5120;;prs:Muttersprache, fr:B2;4000;Lüttich;;;Do-Abend, So-Nachmittag;;W;fr;20.09.2026;ja;Ali;0472\n")
		b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(text))
		if err != nil {
			panic(err)
		}
		return b
	},
	// "CSV (Macintosh)": line ends are CR alone.
	"cr_only_mentees.csv": func() []byte {
		return []byte(strings.ReplaceAll(intakeMini, "\n", "\r"))
	},
	// UTF-8 ("Liège") with one invalid byte in row 3 (line 3): an error
	// naming the line, never a re-decode as Windows-1252.
	"bad_byte_utf8_mentees.csv": func() []byte {
		return []byte(strings.Replace(intakeMini, "me-2;", "me-2\xff;", 1))
	},
	// An unquoted ';' in the list cell of row 3, whose last cell is
	// empty: one cell more than the header, so the row is a problem, not
	// a shift of every later column. Row 4 quotes it.
	"unquoted_semicolon_mentees.csv": func() []byte {
		return []byte("id;birth_date;birth_country;registered;languages;project;agency;notes\n" +
			"me-1;12/04/2001;MA;oui;fr:C1;Web dev;Le Forem;\n" +
			"me-2;12/04/2001;MA;oui;fr:C1;nl:A2;Web dev;Le Forem;\n" +
			"me-3;12/04/2001;MA;oui;\"fr:C1;nl:A2\";Web dev;Le Forem;\n")
	},
	// One data row of 5 002 cells under a header of 2: one problem.
	"wide_row_mentees.csv": func() []byte {
		return []byte("id;birth_date\nme-1;2001-04-12\nme-2;2001-04-12" + strings.Repeat(";x", 5000) + "\nme-3;2001-04-12\n")
	},
}

// intakeMini is a small sheet of three usable mentees, "Liège" in each.
const intakeMini = "id;birth_date;birth_country;registered;languages;city;availability;project;agency\n" +
	"me-1;12/04/2001;MA;oui;fr:C1;Liège;mon-evening;a job;Le Forem\n" +
	"me-2;13/04/2001;MA;oui;fr:C1;Liège;mon-evening;a job;Le Forem\n" +
	"me-3;14/04/2001;MA;oui;fr:C1;Liège;mon-evening;a job;Le Forem\n"
