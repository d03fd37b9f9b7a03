// Package sheet reads mentees and mentors from the spreadsheets that
// coordinators keep, as CSV files, and writes profiles and a round's
// proposal back as CSV files a spreadsheet opens without mangling accents.
//
// # Reading
//
// [ReadMentees] and [ReadMentors] read one person per row under a header
// row. They take files as Excel, LibreOffice and Google Sheets write them:
//
//   - encoding: UTF-8 with or without a byte order mark, UTF-16 with a byte
//     order mark or recognised by its NUL bytes, and otherwise
//     Windows-1252 (what Excel in Belgium calls "CSV (separated by
//     semicolons)") — but only when the file holds no valid UTF-8
//     sequence of two bytes or more: a UTF-8 file with an invalid byte is
//     an error naming its line, never re-decoded;
//   - separator: Excel's first line "sep=;", or ';' (Excel in Belgium and
//     France), ',' (Google Sheets, LibreOffice in English) or tab,
//     detected from the header line, or [Options.Comma];
//   - CRLF, LF or CR line ends, cells quoted or not, line breaks inside
//     quoted cells, empty rows (skipped, but counted in row numbers),
//     Excel's trailing empty columns (every row has as many cells as the
//     header: a row with another number is one problem, not read, since a
//     separator typed inside a cell shifts the later ones);
//   - dates as YYYY-MM-DD or day first, DD/MM/YYYY, D/M/YYYY, DD-MM-YYYY
//     or DD.MM.YYYY (as Excel in a German locale writes them); never
//     month first (04/12/2001 is 4 December);
//   - numbers with a decimal point or a decimal comma (2.5 or 2,5);
//   - surrounding spaces in a cell are ignored.
//
// Headings match the column names below, or their aliases, ignoring case,
// accents, spaces and punctuation: "Date de naissance", "date_de_naissance"
// and "DATE DE NAISSANCE" are all birth_date. [Options.Columns] maps a
// sheet's own headings to column names. Columns the package does not know
// (first names, e-mail addresses, phone numbers: personal data matching
// must not need) are never read, and [Report.Ignored] lists them, with the
// known column a heading likely misspells ("birth_dat", "langauges": an edit
// distance of at most 1 for headings of 4 or 5 letters, 2 for longer ones).
// The id and birth_date columns are required. An empty cell is the field's
// zero value, its default.
//
// Every problem is reported at once, as a *[profile.Problem] (wrapping
// [ErrInvalid]) that names the row
// as the spreadsheet shows it (the header is row 1), the column's heading
// and the person's ID, never the value of a cell. Each person is then
// validated by profile's Validate, whose problems come with their row and
// column, and IDs must be unique. Reading is partial: the people of the
// usable rows come back with the problems of the others (see
// [ReadMentees]).
//
// # Columns
//
// Mentee columns (in the order the writers use), each with its aliases:
// the French, Dutch and German headings first (the ones [Heading] gives),
// then other spellings:
//
//	column                  field                               aliases
//	id                      id (required)                       identifiant, identificatie, Kennung; identifier, Teilnehmer-ID, Teilnehmernummer
//	birth_date              birth_date (required)               date de naissance, geboortedatum, Geburtsdatum; date of birth, naissance, geboren am
//	gender                  gender                              genre, geslacht, Geschlecht; sexe, sex
//	birth_country           background.birth_country            pays de naissance, geboorteland, Geburtsland; country of birth
//	nationalities           background.nationalities            nationalités, nationaliteiten, Staatsangehörigkeiten; nationality, nationalité, nationaliteit, Staatsangehörigkeit, Nationalität(en)
//	parent_birth_countries  background.parent_birth_countries   pays de naissance des parents, geboortelanden ouders, Geburtsländer der Eltern; geboorteland ouders, Geburtsland (der) Eltern
//	parent_nationalities    background.parent_nationalities     nationalités des parents, nationaliteiten ouders, Staatsangehörigkeiten der Eltern; nationaliteit ouders, Staatsangehörigkeit (der) Eltern
//	registered              job_seeker.registered               inscrit, ingeschreven, als arbeitsuchend gemeldet; gemeldet, arbeitsuchend gemeldet
//	agency                  job_seeker.agency                   organisme, instantie, Arbeitsamt; agence, Arbeitsvermittlung
//	job_seeker_since        job_seeker.since                    inscrit depuis, ingeschreven sinds, arbeitsuchend seit; gemeldet seit
//	project                 project                             projet, project, berufliches Vorhaben; Vorhaben, Projekt
//	sectors                 sectors                             secteurs, sectoren, Branchen; sector, secteur, Branche, Wirtschaftszweig(e)
//	occupation              occupation                          métier, beroep, Beruf; profession
//	interests               interests                           centres d'intérêt, interesses, Interessen; intérêts, hobbies, Hobbys
//	languages               languages                           langues, talen, Sprachen; langue, taal, language, Sprache
//	postcode                home.postcode                       code postal, postcode, Postleitzahl; postal code, cp, zip, PLZ
//	city                    home.city                           commune, gemeente, Gemeinde; ville, stad, municipality, town, Ort, Wohnort, Stadt
//	country                 home.country                        pays, land, Land; Wohnland
//	lat                     home.lat                            latitude, breedtegraad, Breitengrad
//	lon                     home.lon                            longitude, lengtegraad, Längengrad; lng
//	availability            availability                        disponibilités, beschikbaarheid, Verfügbarkeit; disponibilité, Verfügbarkeiten
//	traits                  traits                              personnalité, persoonlijkheid, Persönlichkeit; personality, Persönlichkeitsmerkmale
//	mentor_gender           wants.mentor_gender                 genre du mentor, geslacht mentor, Geschlecht des Mentors; Geschlecht Mentor
//	practise_language       wants.practise_language             langue à pratiquer, oefentaal, Übungssprache; practice language, te oefenen taal
//	applied_on              applied_on                          date de candidature, aanmeldingsdatum, Anmeldedatum; aanmelddatum, angemeldet am
//	paused                  paused                              en pause, gepauzeerd, pausiert; pause, pauze, in Pause
//
// Mentor columns: id, birth_date, gender as above, then
//
//	status                  status                              statut, status, Status
//	experience              experience                          expérience, ervaring, Berufserfahrung; Erfahrung
//	languages, postcode, city, country, lat, lon, availability as above
//	weekly_hours            weekly_hours                        heures par semaine, uren per week, Stunden pro Woche; hours per week, Wochenstunden
//	trained                 trained                             formé, opgeleid, geschult; Mentorenschulung
//	capacity                capacity                            capacité, capaciteit, Anzahl Mentees gleichzeitig; Kapazität
//	interests, traits as above
//	mentee_gender           wants.mentee_gender                 genre du mentoré, geslacht mentee, Geschlecht des Mentees; Geschlecht Mentee
//	paused                  paused                              as above
//
// # Cells
//
// One form for each kind of cell:
//
//	dates              2001-04-12 or 12/04/2001 (see above)
//	yes/no             yes/no, y/n, true/false, 1/0, oui/non, vrai/faux, ja/nee(n), waar/onwaar, ja/nein, wahr/falsch, x for yes (any case); empty is no
//	gender             female/male/x in the words of profile.ParseGender: F, V, vrouw, femme, Frau, M, H, man, homme, Mann, X, …
//	agency             Actiris, VDAB, Le Forem (Forem, FOREM), ADG (Arbeitsamt der DG): profile.ParseAgency
//	levels, slots      moedertaal, langue maternelle, Muttersprache; ma-avond, lundi soir, Mo-Abend: profile.ParseLevel, profile.ParseSlot
//	numbers            2.5 or 2,5; lat, lon and weekly_hours
//	capacity           a whole number; empty is the default, 1 (an explicit 0 is refused, as in JSON)
//	countries          ISO 3166-1 codes, any case: MA; lists: MA; TR
//	lists              entries separated by ';': interests "football; chess"
//	sectors            NACE codes separated by ';': 62.01; 62.02 (62,01 is read as 62.01)
//	languages          tag:level separated by ';' or ',': fr:C1; nl:A2; ar:native
//	availability       weekly slots separated by ',' or ';': mon-evening, sat-morning
//	experience         sector:years or sector:occupation:years separated by ';': 62.01:2512:12.5; F:7
//	traits             name:score separated by ';': openness:0.7; extraversion:0.4
//
// Format the sectors column as text in Excel: a code such as 62.10 typed in
// a number cell becomes 62.1, a different code.
//
// # Writing
//
// [WriteMentees] and [WriteMentors] write profiles so that reading the file
// gives them back (a fuzz test checks it); values a cell cannot give back
// (a list entry holding ';', text with spaces at its ends) are errors.
// [WriteDuos], [WriteUnmatched] and [WriteAlternatives] write a
// [match.Proposal] as three files, one table each, which a spreadsheet
// sorts and filters better than one file of sections, in the language
// [Options.Lang] (English, or French, Dutch or German as written in
// Belgium): headings, yes and no and words in that language, codes and IDs
// in columns of their own, the same in every language.
//
// The writers write UTF-8 with a byte order mark (so that Excel keeps
// accents; [Options.NoBOM] leaves it out), CRLF line ends and ';' as the
// separator with decimal commas, as Excel in Belgium expects
// ([Options.Comma] ',' for a decimal point, unless the proposal is written
// in French, Dutch or German, which keep the comma). Formula injection: a
// spreadsheet runs a cell starting with =, +, - or @ as a formula, so the
// writers put an apostrophe before every such text cell (and before one that
// starts with an apostrophe followed by one of those or another apostrophe);
// the readers remove that one apostrophe again, and keep an apostrophe that
// starts a name such as 's-Hertogenbosch. Number and date cells are written
// without it.
//
// # Limits
//
// Reading is bounded ([Options]): 20 000 people, 200 columns, 4 096 bytes a
// cell, 64 MiB a file, 50 problems listed. A file over the size or row
// limits stops reading at once with an error wrapping
// [profile.ErrTooMany]. The file is held in memory while it is read; the
// cost is linear in its size: 20 000 people (7 MB) read in about 0.2 to 0.3 s
// on a shared 2-vCPU machine (BenchmarkReadMentees).
package sheet
