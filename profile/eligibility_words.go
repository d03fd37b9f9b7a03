package profile

import (
	"golang.org/x/text/language"

	"github.com/duomatch/duo/internal/i18n"
)

// Text returns the violation's words in the language lang (the zero Tag
// means English; see [Languages]), rendered from Code and Args: in English
// it is Message (a test checks that the English words render it); in
// French, Dutch and German the day of the check is written with the
// month's name, day first ("30 ans au 23 novembre 2026"),
// and a fractional limit with a decimal comma. A code the catalog lacks,
// or fewer Args than its words take (a Violation made by hand), gives
// Message. Cost: O(length of the
// message).
func (v Violation) Text(lang language.Tag) string {
	if i18n.Index(lang) == 0 || !violationCatalog.Has(v.Code) || len(v.Args) < violationCatalog.NumArgs(v.Code) {
		return v.Message
	}
	return violationCatalog.Render(lang, v.Code, v.Args)
}

// violationCatalog holds the words of each eligibility rule of
// eligibility.go, keyed by its code. They are written for the coordinator
// who passes them on, in the words of docs/glossary.md, and need no
// agreement with the person's gender.
var violationCatalog = i18n.New(
	i18n.Msg(CodeDateUnknown, "the check was made without a date",
		"la vérification a été faite sans date",
		"de controle is zonder datum gebeurd",
		"die Prüfung erfolgte ohne Datum"),
	i18n.Msg(CodeAgeUnknown, "the age cannot be determined: no valid birth date",
		"l'âge ne peut être établi : pas de date de naissance valable",
		"de leeftijd kan niet bepaald worden: geen geldige geboortedatum",
		"das Alter lässt sich nicht bestimmen: kein gültiges Geburtsdatum"),
	i18n.Msg(CodeTooYoung, "younger than the programme's minimum age of %[1]s on %[2]v",
		"n'a pas encore l'âge minimum du programme, %[1]s ans, au %[2]v",
		"jonger dan de minimumleeftijd van het programma, %[1]s jaar, op %[2]v",
		"jünger als das Mindestalter des Programms von %[1]s Jahren am %[2]v"),
	i18n.Msg(CodeTooOld, "older than the programme's maximum age of %[1]s on %[2]v",
		"dépasse l'âge maximum du programme, %[1]s ans, au %[2]v",
		"ouder dan de maximumleeftijd van het programma, %[1]s jaar, op %[2]v",
		"älter als das Höchstalter des Programms von %[1]s Jahren am %[2]v"),
	i18n.Msg(CodeNoNonEUBackground, "neither the mentee nor a parent was born outside the EU or holds a non-EU nationality (EU as on %[1]v)",
		"ni le jeune ni un de ses parents n'est né hors de l'UE ou n'a une nationalité hors UE (UE telle qu'au %[1]v)",
		"noch de mentee noch een ouder is buiten de EU geboren of heeft een nationaliteit van buiten de EU (EU zoals op %[1]v)",
		"weder der Mentee noch ein Elternteil ist außerhalb der EU geboren oder hat eine Staatsangehörigkeit außerhalb der EU (EU wie am %[1]v)"),
	i18n.Msg(CodeBackgroundUnknown, "no birth country or nationality of the mentee or a parent is given",
		"aucun pays de naissance ni aucune nationalité du jeune ou d'un parent n'est indiqué",
		"er is geen geboorteland of nationaliteit van de mentee of een ouder opgegeven",
		"es ist kein Geburtsland und keine Staatsangehörigkeit des Mentees oder eines Elternteils angegeben"),
	i18n.Msg(CodeNotRegistered, "not registered as a job seeker with a public employment service",
		"pas inscrit comme demandeur d'emploi auprès d'un service public de l'emploi",
		"niet ingeschreven als werkzoekende bij een openbare arbeidsbemiddelingsdienst",
		"nicht als arbeitsuchend bei einem öffentlichen Arbeitsamt gemeldet"),
	i18n.Msg(CodeAgencyNotAccepted, "registered with an employment service the programme does not accept (accepted: %[1]s)",
		"inscrit auprès d'un service de l'emploi que le programme n'accepte pas (acceptés : %[1]s)",
		"ingeschreven bij een dienst voor arbeidsbemiddeling die het programma niet aanvaardt (aanvaard: %[1]s)",
		"bei einem Arbeitsamt gemeldet, das das Programm nicht annimmt (angenommen: %[1]s)"),
	i18n.Msg(CodeNoProject, "no personal or professional project stated",
		"aucun projet personnel ou professionnel indiqué",
		"geen persoonlijk of professioneel project opgegeven",
		"kein persönliches oder berufliches Vorhaben angegeben"),
	i18n.Msg(CodeTooFewHours, "offers fewer hours a week than the programme's minimum of %[1]s",
		"propose moins d'heures par semaine que le minimum du programme, %[1]s h",
		"biedt minder uren per week aan dan het minimum van het programma, %[1]s uur",
		"bietet weniger Stunden pro Woche an als das Minimum des Programms von %[1]s Stunden"),
	i18n.Message{Key: CodeTooLittleExperience, Count: 1,
		One: i18n.Text{
			En: "has less professional experience than the programme's minimum of %[1]s year",
			Fr: "a moins d'expérience professionnelle que le minimum du programme, %[1]s an",
			Nl: "heeft minder beroepservaring dan het minimum van het programma, %[1]s jaar",
			De: "hat weniger Berufserfahrung als das Minimum des Programms von %[1]s Jahr"},
		Other: i18n.Text{
			En: "has less professional experience than the programme's minimum of %[1]s years",
			Fr: "a moins d'expérience professionnelle que le minimum du programme, %[1]s ans",
			Nl: "heeft minder beroepservaring dan het minimum van het programma, %[1]s jaar",
			De: "hat weniger Berufserfahrung als das Minimum des Programms von %[1]s Jahren"}},
	i18n.Msg(CodeNotTrained, "has not completed the programme's training",
		"n'a pas terminé la formation des mentors du programme",
		"heeft de mentoropleiding van het programma niet afgerond",
		"hat die Mentorenschulung des Programms nicht abgeschlossen"),
	i18n.Msg(CodeNoCapacity, "can take no mentee (capacity below 1)",
		"ne peut suivre aucun jeune (nombre de jeunes à la fois inférieur à 1)",
		"kan geen mentee begeleiden (aantal mentees tegelijk lager dan 1)",
		"kann keinen Mentee begleiten (Anzahl Mentees gleichzeitig unter 1)"),
)
