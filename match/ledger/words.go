package ledger

import (
	"strings"

	"golang.org/x/text/language"

	"github.com/duomatch/duo/internal/i18n"
	"github.com/duomatch/duo/profile"
)

// counted is a message whose words depend on the count in its first arg.
func counted(key string, one, other i18n.Text) i18n.Message {
	return i18n.Message{Key: key, Count: 1, One: one, Other: other}
}

// catalog holds the words of the worklist and of the indicators, keyed by
// the JSON name of their list or figure, in the terms of
// docs/glossary.md. Problems' words are in package profile
// ([profile.Problem.Text]).
var catalog = i18n.New(
	// The worklist's lists.
	i18n.Msg("worklist", "Worklist on %s", "À faire au %s", "Takenlijst op %s", "Aufgaben am %s"),
	i18n.Msg("overdue", "overdue mentees (waiting more than %d days)", "jeunes en attente depuis plus de %d jours", "mentees die langer dan %d dagen wachten", "Mentees, die seit mehr als %d Tagen warten"),
	i18n.Msg("first_meeting_due", "first meetings not recorded", "premières rencontres non enregistrées", "eerste kennismakingen niet geregistreerd", "erste Treffen nicht erfasst"),
	i18n.Msg("past_end", "duos past 6 months without an end", "duos de plus de 6 mois sans fin enregistrée", "duo's ouder dan 6 maanden zonder einde", "Tandems über 6 Monate ohne erfasstes Ende"),
	i18n.Msg("end_outcome_due", "results due at the end of the mentorship", "résultats à relever en fin d'accompagnement", "resultaten op te vragen op het einde van de begeleiding", "Ergebnisse zum Ende der Begleitung fällig"),
	i18n.Msg("outcome_due", "results due at the 12-month follow-up", "résultats à relever au suivi à 12 mois", "resultaten op te vragen bij de opvolging na 12 maanden", "Ergebnisse zur Nachbefragung nach 12 Monaten fällig"),
	counted("task", i18n.Text{En: "%[2]s since %[3]s (%[1]d day)", Fr: "%[2]s depuis le %[3]s (%[1]d jour)", Nl: "%[2]s sinds %[3]s (%[1]d dag)", De: "%[2]s seit dem %[3]s (%[1]d Tag)"},
		i18n.Text{En: "%[2]s since %[3]s (%[1]d days)", Fr: "%[2]s depuis le %[3]s (%[1]d jours)", Nl: "%[2]s sinds %[3]s (%[1]d dagen)", De: "%[2]s seit dem %[3]s (%[1]d Tagen)"}),
	// The indicators.
	i18n.Msg("indicators", "Indicators from %s to %s", "Indicateurs du %s au %s", "Indicatoren van %s tot %s", "Kennzahlen vom %s bis %s"),
	i18n.Msg("applications", "applications: %d mentees, %d mentors, %d found ineligible", "candidatures : %d jeunes, %d mentors, %d jugées non admissibles", "aanmeldingen: %d mentees, %d mentors, %d kwamen niet in aanmerking", "Anmeldungen: %d Mentees, %d Mentoren, %d nicht teilnahmeberechtigt"),
	i18n.Msg("matched_within_30_days", "matched within 30 days", "duo proposé dans les 30 jours", "duo voorgesteld binnen 30 dagen", "Tandem innerhalb von 30 Tagen vorgeschlagen"),
	i18n.Msg("too_recent", "applications too recent to count: %d", "candidatures trop récentes pour être comptées : %d", "aanmeldingen te recent om mee te tellen: %d", "Anmeldungen zu neu für die Zählung: %d"),
	i18n.Msg("median_days", "median days to a first proposal: %d (Kaplan–Meier, %d censored)", "délai médian jusqu'à une première proposition : %d jours (Kaplan–Meier, %d censurés)", "mediane wachttijd tot een eerste voorstel: %d dagen (Kaplan–Meier, %d gecensureerd)", "mediane Wartezeit bis zu einem ersten Vorschlag: %d Tage (Kaplan–Meier, %d zensiert)"),
	i18n.Msg("no_median", "median days to a first proposal: not reached (Kaplan–Meier, %d censored)", "délai médian jusqu'à une première proposition : pas atteint (Kaplan–Meier, %d censurés)", "mediane wachttijd tot een eerste voorstel: niet bereikt (Kaplan–Meier, %d gecensureerd)", "mediane Wartezeit bis zu einem ersten Vorschlag: nicht erreicht (Kaplan–Meier, %d zensiert)"),
	i18n.Msg("first_meeting_failed", "first meetings failed", "premières rencontres sans suite", "eerste kennismakingen zonder vervolg", "erste Treffen ohne Folge"),
	i18n.Msg("successful_ending", "endings for a job, a training or an internship", "fins pour cause d'emploi, de formation ou de stage", "einde wegens een job, een opleiding of een stage", "Beendigungen wegen Arbeitsstelle, Ausbildung oder Praktikum"),
	i18n.Msg("early_closure", "early closures", "arrêts anticipés", "vroegtijdige stopzettingen", "vorzeitige Beendigungen"),
	i18n.Msg("second_mentee", "mentors with a second mentee", "mentors avec un deuxième jeune", "mentors met een tweede mentee", "Mentoren mit einem zweiten Mentee"),
	i18n.Msg("at_end", "at the end of the mentorship", "en fin d'accompagnement", "op het einde van de begeleiding", "zum Ende der Begleitung"),
	i18n.Msg("at_12_months", "at 12 months", "à 12 mois", "na 12 maanden", "nach 12 Monaten"),
	i18n.Message{Key: "reached", Count: 2,
		One:   i18n.Text{En: "%[1]s: %[2]d duo, %[3]d with a known result", Fr: "%[1]s : %[2]d duo, %[3]d avec un résultat connu", Nl: "%[1]s: %[2]d duo, %[3]d met een gekend resultaat", De: "%[1]s: %[2]d Tandem, %[3]d mit bekanntem Ergebnis"},
		Other: i18n.Text{En: "%[1]s: %[2]d duos, %[3]d with a known result", Fr: "%[1]s : %[2]d duos, %[3]d avec un résultat connu", Nl: "%[1]s: %[2]d duo's, %[3]d met een gekend resultaat", De: "%[1]s: %[2]d Tandems, %[3]d mit bekanntem Ergebnis"}},
	i18n.Msg("positive", "positive (a job over 3 months, a training or an internship)", "sorties positives (emploi de plus de 3 mois, formation ou stage)", "positieve uitstroom (job van meer dan 3 maanden, opleiding of stage)", "positive Ergebnisse (Arbeitsstelle über 3 Monate, Ausbildung oder Praktikum)"),
	i18n.Msg("job", "a job over 3 months", "emploi de plus de 3 mois", "job van meer dan 3 maanden", "Arbeitsstelle über 3 Monate"),
	i18n.Msg("training_or_internship", "a training or an internship", "formation ou stage", "opleiding of stage", "Ausbildung oder Praktikum"),
	i18n.Msg("lost_to_follow_up", "lost to follow-up (not counted above)", "perdus de vue (non comptés ci-dessus)", "niet meer bereikbaar (hierboven niet meegeteld)", "nicht mehr erreichbar (oben nicht gezählt)"),
	i18n.Msg("proportion", "%[1]d of %[2]d, %.0[3]f %% (95 %% CI %.0[4]f–%.0[5]f %%)", "%[1]d sur %[2]d, %.0[3]f %% (IC à 95 %% : %.0[4]f–%.0[5]f %%)", "%[1]d van %[2]d, %.0[3]f %% (95%%-BI %.0[4]f–%.0[5]f %%)", "%[1]d von %[2]d, %.0[3]f %% (95-%%-KI %.0[4]f–%.0[5]f %%)"),
	i18n.Msg("labelled", "%s: %s", "%s : %s", "%s: %s", "%s: %s"),
)

// labelArgs are the figures a label states.
var labelArgs = map[string][]any{
	"overdue": {profile.MatchWithinDays},
}

// Label returns the words of a list of a [Worklist] or of an indicator of
// [Figures] or [Results], named by its JSON name (such as "overdue",
// "first_meeting_failed", "positive"), in the language lang (the zero Tag
// is English; see [profile.Languages]): "jeunes en attente depuis plus de
// 30 jours". A name it does not know is returned as it is. Cost: O(number
// of labels).
func Label(name string, lang language.Tag) string {
	if !catalog.Has(name) {
		return name
	}
	return catalog.Sprintf(lang, name, labelArgs[name]...)
}

// day writes d day first, as lang writes it.
func day(lang language.Tag, d profile.Date) string {
	return i18n.ShortDate(lang, d.Year(), d.Month(), d.Day())
}

// Text writes the task in lang: "me-1 + mo-2 depuis le 02/02/2026 (45
// jours)", the mentee alone when MentorID is empty, the day first.
func (t Task) Text(lang language.Tag) string {
	who := t.MenteeID
	if t.MentorID != "" {
		who += " + " + t.MentorID
	}
	return catalog.Sprintf(lang, "task", t.Days, who, day(lang, t.Since))
}

// Text writes the proportion in lang with its rate and 95 % interval in
// whole percents: "26 of 96, 27 % (95 % CI 19–37 %)", "26 sur 96, 27 %
// (IC à 95 % : 19–37 %)".
func (p Proportion) Text(lang language.Tag) string {
	return catalog.Sprintf(lang, "proportion", p.Count, p.Total, 100*p.Rate, 100*p.Low, 100*p.High)
}

// Text writes the worklist in lang: its day, then each list's label and
// count, and up to shown of its tasks (all when shown is negative), one a
// line, indented. Cost: O(length of the text).
func (wl Worklist) Text(lang language.Tag, shown int) string {
	var b strings.Builder
	b.WriteString(catalog.Sprintf(lang, "worklist", day(lang, wl.On)))
	b.WriteByte('\n')
	for _, l := range []struct {
		name  string
		tasks []Task
	}{{"overdue", wl.Overdue}, {"first_meeting_due", wl.FirstMeetingDue}, {"past_end", wl.PastEnd},
		{"end_outcome_due", wl.EndOutcomeDue}, {"outcome_due", wl.OutcomeDue}} {
		line(&b, lang, 1, Label(l.name, lang), catalog.Printer(lang).Sprint(len(l.tasks)))
		n := len(l.tasks)
		if shown >= 0 {
			n = min(n, shown)
		}
		for _, t := range l.tasks[:n] {
			b.WriteString("    ")
			b.WriteString(t.Text(lang))
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// Text writes the indicators' overall figures in lang, one a line: the
// period, the applications, the shares matched within 30 days, the median
// time to a first proposal, the shares of failed first meetings, of
// successful endings and of early closures, and of mentors with a second
// mentee, then the results at the end of the mentorship and at 12 months.
// Cost: O(length of the text).
func (in Indicators) Text(lang language.Tag) string {
	var b strings.Builder
	f := in.Overall
	b.WriteString(catalog.Sprintf(lang, "indicators", day(lang, in.From), day(lang, in.To)))
	b.WriteByte('\n')
	b.WriteString("  " + catalog.Sprintf(lang, "applications", f.MenteeApplications, f.MentorApplications, f.Ineligible) + "\n")
	share(&b, lang, 1, "matched_within_30_days", f.MatchedWithin30Days)
	b.WriteString("  " + catalog.Sprintf(lang, "too_recent", f.TooRecent) + "\n")
	if f.DaysToMatch.MedianDays != nil {
		b.WriteString("  " + catalog.Sprintf(lang, "median_days", *f.DaysToMatch.MedianDays, f.DaysToMatch.Censored) + "\n")
	} else {
		b.WriteString("  " + catalog.Sprintf(lang, "no_median", f.DaysToMatch.Censored) + "\n")
	}
	share(&b, lang, 1, "first_meeting_failed", f.FirstMeetingFailed)
	share(&b, lang, 1, "successful_ending", f.SuccessfulEnding)
	share(&b, lang, 1, "early_closure", f.EarlyClosure)
	share(&b, lang, 1, "second_mentee", f.SecondMentee)
	b.WriteString(f.AtEnd.text(lang, "at_end"))
	b.WriteString(f.At12Months.text(lang, "at_12_months"))
	return b.String()
}

// text writes the results at one point as the model programme reports
// them: positive, then a job and a training or internship, among the
// known results; the lost to follow-up apart.
func (r Results) text(lang language.Tag, point string) string {
	var b strings.Builder
	b.WriteString("  " + catalog.Sprintf(lang, "reached", Label(point, lang), r.Reached, r.Positive.Total) + "\n")
	share(&b, lang, 2, "positive", r.Positive)
	share(&b, lang, 2, "job", r.Job)
	share(&b, lang, 2, "training_or_internship", r.TrainingOrInternship)
	share(&b, lang, 2, "lost_to_follow_up", r.LostToFollowUp)
	return b.String()
}

// Text writes the results at a point, named by its JSON name ("at_end" or
// "at_12_months"), in lang, as [Indicators.Text] does.
func (r Results) Text(lang language.Tag, point string) string { return r.text(lang, point) }

func share(b *strings.Builder, lang language.Tag, indent int, name string, p Proportion) {
	line(b, lang, indent, Label(name, lang), p.Text(lang))
}

func line(b *strings.Builder, lang language.Tag, indent int, label, value string) {
	b.WriteString(strings.Repeat("  ", indent))
	b.WriteString(catalog.Sprintf(lang, "labelled", label, value))
	b.WriteByte('\n')
}
