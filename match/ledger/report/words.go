package report

import "github.com/duomatch/duo/internal/i18n"

// t is shorthand for a message with one text per language.
func t(key, en, fr, nl, de string) i18n.Message {
	return i18n.Message{Key: key, Text: i18n.Text{En: en, Fr: fr, Nl: nl, De: de}}
}

// counted is shorthand for a message whose words follow the count of
// argument n.
func counted(key string, n int, one, other i18n.Text) i18n.Message {
	return i18n.Message{Key: key, Count: n, One: one, Other: other}
}

// catalog holds every word of the report, in the glossary's terms
// (docs/glossary.md): a mentee is a "jeune" in French, a duo a "Tandem"
// in German; a positive result a "sortie positive", a "positieve
// uitstroom".
var catalog = i18n.New(
	t("title", "Mentoring programme: report", "Programme de mentorat\u00a0: rapport", "Mentorprogramma: verslag", "Mentoringprogramm: Bericht"),
	t("period", "From %[1]s to %[2]s", "Du %[1]s au %[2]s", "Van %[1]s tot %[2]s", "Vom %[1]s bis %[2]s"),
	t("source", "Figures from the programme's register of events, dated up to %[1]s. Every share comes with its 95%% confidence interval: the range in which the true share lies, given how few people it counts.",
		"Chiffres tirés du registre des événements du programme, datés jusqu'au %[1]s. Chaque proportion est donnée avec son intervalle de confiance à 95\u00a0%%\u00a0: la fourchette où se trouve la vraie proportion, compte tenu du petit nombre de personnes.",
		"Cijfers uit het register van gebeurtenissen van het programma, tot en met %[1]s. Elk aandeel staat er met zijn 95%%-betrouwbaarheidsinterval: de marge waarbinnen het echte aandeel ligt, gezien het kleine aantal personen.",
		"Zahlen aus dem Ereignisregister des Programms, bis zum %[1]s. Jeder Anteil steht mit seinem 95-%%-Konfidenzintervall: dem Bereich, in dem der wahre Anteil liegt, angesichts der geringen Zahl von Personen."),

	t("h.figures", "The period's figures", "Les chiffres de la période", "De cijfers van de periode", "Die Zahlen des Zeitraums"),
	t("h.months", "Applications and duos, month by month", "Candidatures et duos, mois par mois", "Aanmeldingen en duo's, maand per maand", "Anmeldungen und Tandems, Monat für Monat"),
	t("h.wait", "Time to a first proposal", "Délai jusqu'à une première proposition", "Tijd tot een eerste voorstel", "Zeit bis zum ersten Vorschlag"),
	t("h.results", "Results", "Résultats", "Resultaten", "Ergebnisse"),
	t("h.equity", "Equity: who gets matched, and how fast", "Égalité des chances\u00a0: qui se voit proposer un mentor, et en combien de temps",
		"Gelijke kansen: wie een mentor voorgesteld krijgt, en hoe snel", "Chancengleichheit: wer einen Mentor vorgeschlagen bekommt, und wie schnell"),
	t("h.definitions", "How the figures are counted", "Comment les chiffres sont comptés", "Hoe de cijfers geteld worden", "Wie die Zahlen gezählt werden"),

	t("fig.mentee_applications", "Mentee applications", "Candidatures de jeunes", "Aanmeldingen van mentees", "Anmeldungen von Mentees"),
	t("fig.mentor_applications", "Mentor applications", "Candidatures de mentors", "Aanmeldingen van mentors", "Anmeldungen von Mentoren"),
	t("fig.ineligible", "Applications found not eligible", "Candidatures non admissibles", "Aanmeldingen die niet in aanmerking komen", "Nicht teilnahmeberechtigte Anmeldungen"),
	t("fig.matched_within_30_days", "Mentees proposed a mentor within 30 days", "Jeunes à qui un mentor a été proposé dans les 30 jours",
		"Mentees die binnen 30 dagen een mentor voorgesteld kregen", "Mentees, denen binnen 30 Tagen ein Mentor vorgeschlagen wurde"),
	t("fig.days_to_match", "Median time to a first proposal", "Délai médian jusqu'à une première proposition", "Mediane tijd tot een eerste voorstel", "Median der Zeit bis zum ersten Vorschlag"),
	t("fig.first_meeting_failed", "First meetings that failed", "Premières rencontres qui n'ont pas abouti", "Eerste kennismakingen die mislukten", "Gescheiterte erste Treffen"),
	t("fig.successful_ending", "Duos that ended because the mentee found a job, a training or an internship",
		"Duos terminés parce que le jeune a trouvé un emploi, une formation ou un stage",
		"Duo's die eindigden omdat de mentee een job, een opleiding of een stage vond",
		"Tandems, die endeten, weil der Mentee eine Arbeitsstelle, eine Ausbildung oder ein Praktikum fand"),
	t("fig.early_closure", "Early closures", "Arrêts anticipés", "Vroegtijdige stopzettingen", "Vorzeitige Beendigungen"),
	t("fig.positive_at_end", "Positive result at the end of the mentorship", "Sortie positive à la fin du mentorat", "Positieve uitstroom aan het einde van het mentoraat", "Positives Ergebnis am Ende des Mentorings"),
	t("fig.positive_at_12_months", "Positive result 12 months after the start", "Sortie positive 12 mois après le début", "Positieve uitstroom 12 maanden na de start", "Positives Ergebnis 12 Monate nach Beginn"),

	t("count", "%[1]d", "%[1]d", "%[1]d", "%[1]d"),
	t("pct", "%[1]d%%", "%[1]d\u00a0%%", "%[1]d%%", "%[1]d\u00a0%%"),
	t("share", "%[1]s (%[2]d of %[3]d; 95%% interval from %[4]s to %[5]s)",
		"%[1]s (%[2]d sur %[3]d\u00a0; intervalle de confiance à 95\u00a0%%\u00a0: de %[4]s à %[5]s)",
		"%[1]s (%[2]d van %[3]d; 95%%-betrouwbaarheidsinterval: %[4]s tot %[5]s)",
		"%[1]s (%[2]d von %[3]d; 95-%%-Konfidenzintervall: %[4]s bis %[5]s)"),
	t("share.short", "%[1]s (%[2]s–%[3]s)", "%[1]s (%[2]s–%[3]s)", "%[1]s (%[2]s–%[3]s)", "%[1]s (%[2]s–%[3]s)"),
	t("none_counted", "none counted in the period", "aucun cas dans la période", "geen gevallen in deze periode", "keine Fälle im Zeitraum"),
	counted("median", 1, i18n.Text{
		En: "%[1]d day (95%% interval from %[2]s to %[3]s)", Fr: "%[1]d jour (intervalle de confiance à 95\u00a0%%\u00a0: de %[2]s à %[3]s)",
		Nl: "%[1]d dag (95%%-betrouwbaarheidsinterval: %[2]s tot %[3]s)", De: "%[1]d Tag (95-%%-Konfidenzintervall: %[2]s bis %[3]s)",
	}, i18n.Text{
		En: "%[1]d days (95%% interval from %[2]s to %[3]s)", Fr: "%[1]d jours (intervalle de confiance à 95\u00a0%%\u00a0: de %[2]s à %[3]s)",
		Nl: "%[1]d dagen (95%%-betrouwbaarheidsinterval: %[2]s tot %[3]s)", De: "%[1]d Tage (95-%%-Konfidenzintervall: %[2]s bis %[3]s)",
	}),
	counted("days", 1, i18n.Text{En: "%[1]d day", Fr: "%[1]d jour", Nl: "%[1]d dag", De: "%[1]d Tag"},
		i18n.Text{En: "%[1]d days", Fr: "%[1]d jours", Nl: "%[1]d dagen", De: "%[1]d Tage"}),
	t("open_end", "not reached", "non atteint", "niet bereikt", "nicht erreicht"),
	t("median.none", "more than half still waiting (%[1]d of %[2]d proposed a mentor)", "plus de la moitié encore en attente (%[1]d sur %[2]d avec une proposition)",
		"meer dan de helft nog wachtend (%[1]d van %[2]d met een voorstel)", "mehr als die Hälfte noch wartend (%[1]d von %[2]d mit Vorschlag)"),
	t("p", "p = %.2f", "p = %.2f", "p = %.2f", "p = %.2f"),
	t("p.small", "p < 0.001", "p < 0,001", "p < 0,001", "p < 0,001"),
	t("suppressed", "—", "—", "—", "—"),

	t("legend.applications", "Mentee applications", "Candidatures de jeunes", "Aanmeldingen van mentees", "Anmeldungen von Mentees"),
	t("legend.started", "Duos started", "Duos démarrés", "Gestarte duo's", "Begonnene Tandems"),
	t("axis.days", "days since the application", "jours depuis la candidature", "dagen sinds de aanmelding", "Tage seit der Anmeldung"),
	t("axis.share", "share proposed a mentor", "part avec une proposition de mentor", "aandeel met een voorgestelde mentor", "Anteil mit vorgeschlagenem Mentor"),
	t("wait.caption", "The curve counts every eligible mentee application of the period; people still waiting at its end, or gone before a proposal, are counted until then (Kaplan–Meier). The dashed line marks 30 days.",
		"La courbe compte chaque candidature admissible de jeune de la période\u00a0; les personnes encore en attente à la fin, ou parties avant une proposition, sont comptées jusque-là (Kaplan–Meier). La ligne pointillée marque 30 jours.",
		"De curve telt elke aanmelding van een mentee uit de periode die in aanmerking komt; wie op het einde nog wacht, of vertrok voor een voorstel, telt tot dan mee (Kaplan–Meier). De stippellijn toont 30 dagen.",
		"Die Kurve zählt jede teilnahmeberechtigte Anmeldung eines Mentees im Zeitraum; wer am Ende noch wartet oder vor einem Vorschlag ging, zählt bis dahin mit (Kaplan–Meier). Die gestrichelte Linie zeigt 30 Tage."),
	t("legend.job", "job (contract over 3 months)", "emploi (contrat de plus de 3 mois)", "job (contract van meer dan 3 maanden)", "Arbeitsstelle (Vertrag über 3 Monate)"),
	t("legend.training", "training or internship", "formation ou stage", "opleiding of stage", "Ausbildung oder Praktikum"),
	t("legend.other", "other known result", "autre résultat connu", "ander gekend resultaat", "anderes bekanntes Ergebnis"),
	t("legend.lost", "lost to follow-up", "perdu de vue", "niet meer bereikbaar", "nicht mehr erreichbar"),
	t("bar.at_end", "At the end", "À la fin", "Aan het einde", "Am Ende"),
	t("bar.at_12_months", "At 12 months", "À 12 mois", "Na 12 maanden", "Nach 12 Monaten"),
	t("reached", "%[1]s: duos that reached this point: %[2]d; lost to follow-up, counted apart: %[3]d.",
		"%[1]s\u00a0: duos arrivés à ce point\u00a0: %[2]d\u00a0; perdus de vue, comptés à part\u00a0: %[3]d.",
		"%[1]s: duo's die dit punt bereikten: %[2]d; niet meer bereikbaar, apart geteld: %[3]d.",
		"%[1]s: Tandems, die diesen Zeitpunkt erreichten: %[2]d; nicht mehr erreichbar, gesondert gezählt: %[3]d."),
	t("of_which", "of which a job %[1]s, a training or an internship %[2]s", "dont un emploi %[1]s, une formation ou un stage %[2]s",
		"waarvan een job %[1]s, een opleiding of stage %[2]s", "davon Arbeitsstelle %[1]s, Ausbildung oder Praktikum %[2]s"),

	t("col.group", "Group", "Groupe", "Groep", "Gruppe"),
	t("col.people", "Mentees", "Jeunes", "Mentees", "Mentees"),
	t("col.mentors", "Mentors", "Mentors", "Mentors", "Mentoren"),
	t("col.matched", "Proposed a mentor within 30 days", "Mentor proposé dans les 30 jours", "Mentor voorgesteld binnen 30 dagen", "Mentor binnen 30 Tagen vorgeschlagen"),
	t("col.median", "Median days to a proposal", "Délai médian (jours)", "Mediane wachttijd (dagen)", "Median der Wartezeit (Tage)"),
	t("col.failed", "First meeting failed", "Première rencontre sans suite", "Eerste kennismaking mislukt", "Erstes Treffen gescheitert"),
	t("col.early", "Early closure", "Arrêt anticipé", "Vroegtijdige stopzetting", "Vorzeitige Beendigung"),
	t("col.positive_end", "Positive at the end", "Sortie positive à la fin", "Positieve uitstroom aan het einde", "Positives Ergebnis am Ende"),
	t("col.positive_12", "Positive at 12 months", "Sortie positive à 12 mois", "Positieve uitstroom na 12 maanden", "Positives Ergebnis nach 12 Monaten"),
	t("row.overall", "Whole pool", "Ensemble du vivier", "Hele pool", "Gesamter Pool"),

	t("grouping.gender", "Gender", "Genre", "Gender", "Geschlecht"),
	t("grouping.age_band", "Age band", "Tranche d'âge", "Leeftijdsgroep", "Altersgruppe"),
	t("grouping.region", "Region", "Région", "Gewest", "Region"),
	t("grouping.province", "Province", "Province", "Provincie", "Provinz"),
	t("grouping.municipality", "Municipality", "Commune", "Gemeente", "Gemeinde"),
	t("grouping.agency", "Employment agency", "Service public de l'emploi", "Openbare arbeidsbemiddelingsdienst", "Arbeitsamt"),
	t("grouping.origin", "Region of origin", "Région d'origine", "Regio van herkomst", "Herkunftsregion"),
	t("grouping.referral", "Referral partner", "Partenaire envoyeur", "Doorverwijzer", "Zuweisende Stelle"),
	t("grouping.sector", "Mentor's sector", "Secteur du mentor", "Sector van de mentor", "Branche des Mentors"),
	t("group.none", "not given", "non renseigné", "niet opgegeven", "nicht angegeben"),
	t("group.other", "other groups, merged", "autres groupes, regroupés", "andere groepen, samengevoegd", "andere Gruppen, zusammengefasst"),

	t("note.merged", "Groups of fewer than %[1]d mentees are merged into “other groups”: %[2]s.",
		"Les groupes de moins de %[1]d jeunes sont regroupés dans «\u00a0autres groupes\u00a0»\u00a0: %[2]s.",
		"Groepen van minder dan %[1]d mentees zijn samengevoegd in „andere groepen”: %[2]s.",
		"Gruppen mit weniger als %[1]d Mentees sind unter „andere Gruppen“ zusammengefasst: %[2]s."),
	t("note.merged_mentors", "Groups of fewer than %[1]d mentors are merged into “other groups”: %[2]s.",
		"Les groupes de moins de %[1]d mentors sont regroupés dans «\u00a0autres groupes\u00a0»\u00a0: %[2]s.",
		"Groepen van minder dan %[1]d mentors zijn samengevoegd in „andere groepen”: %[2]s.",
		"Gruppen mit weniger als %[1]d Mentoren sind unter „andere Gruppen“ zusammengefasst: %[2]s."),
	t("note.suppressed", "So that no one can be recognised, a figure about fewer than %[1]d people is not shown (—), nor a figure that would give it away by subtraction.",
		"Pour que personne ne puisse être reconnu, un chiffre portant sur moins de %[1]d personnes n'est pas affiché (—), ni un chiffre qui permettrait de le retrouver par soustraction.",
		"Zodat niemand herkenbaar is, wordt een cijfer over minder dan %[1]d personen niet getoond (—), evenmin als een cijfer waaruit het door aftrekken af te leiden is.",
		"Damit niemand erkennbar ist, wird eine Zahl über weniger als %[1]d Personen nicht gezeigt (—), ebenso wenig eine Zahl, aus der sie durch Abziehen folgen würde."),
	t("note.off", "Small groups are neither merged nor hidden in this report: it may let people be recognised; keep it within the programme.",
		"Les petits groupes ne sont ni regroupés ni masqués dans ce rapport\u00a0: des personnes pourraient y être reconnues\u00a0; ne le diffusez pas hors du programme.",
		"Kleine groepen zijn in dit verslag niet samengevoegd of verborgen: personen kunnen herkenbaar zijn; verspreid het niet buiten het programma.",
		"Kleine Gruppen sind in diesem Bericht weder zusammengefasst noch verborgen: Personen könnten erkennbar sein; geben Sie ihn nicht außerhalb des Programms weiter."),
	t("note.tests", "Each group is compared with the rest of the pool: Fisher's exact test for the shares, exact however small the group, and two-sided, since a group may be served worse or better; the log-rank test for the time to a proposal, which counts the people still waiting. * marks p < 0.05. With many groups and figures, a few such marks come by chance: read them as questions, not as proof.",
		"Chaque groupe est comparé au reste du vivier\u00a0: test exact de Fisher pour les proportions, exact même pour un petit groupe, et bilatéral, car un groupe peut être moins bien ou mieux servi\u00a0; test du log-rank pour le délai jusqu'à une proposition, qui tient compte des personnes encore en attente. * signale p < 0,05. Avec beaucoup de groupes et de chiffres, quelques-uns de ces signes sont dus au hasard\u00a0: lisez-les comme des questions, pas comme des preuves.",
		"Elke groep wordt vergeleken met de rest van de pool: de exacte toets van Fisher voor de aandelen, exact ook voor een kleine groep, en tweezijdig, want een groep kan slechter of beter geholpen worden; de logranktoets voor de tijd tot een voorstel, die rekening houdt met wie nog wacht. * betekent p < 0,05. Bij veel groepen en cijfers komen enkele van die tekens door toeval: lees ze als vragen, niet als bewijs.",
		"Jede Gruppe wird mit dem Rest des Pools verglichen: exakter Test nach Fisher für die Anteile, exakt auch bei kleinen Gruppen, und zweiseitig, da eine Gruppe schlechter oder besser bedient sein kann; Log-Rank-Test für die Zeit bis zum Vorschlag, der die noch Wartenden berücksichtigt. * kennzeichnet p < 0,05. Bei vielen Gruppen und Zahlen entstehen einige dieser Zeichen durch Zufall: Lesen Sie sie als Fragen, nicht als Beweis."),

	t("def.matched", "Proposed a mentor within 30 days: among the eligible mentee applications of the period made at least 30 days before its end, those whose first proposal came within 30 days.",
		"Mentor proposé dans les 30 jours\u00a0: parmi les candidatures admissibles de jeunes de la période, faites au moins 30 jours avant sa fin, celles dont la première proposition est venue dans les 30 jours.",
		"Mentor voorgesteld binnen 30 dagen: van de aanmeldingen van mentees uit de periode die in aanmerking komen, gedaan minstens 30 dagen voor het einde ervan, die waarvan het eerste voorstel binnen 30 dagen kwam.",
		"Mentor binnen 30 Tagen vorgeschlagen: unter den teilnahmeberechtigten Anmeldungen von Mentees im Zeitraum, mindestens 30 Tage vor seinem Ende, jene mit einem ersten Vorschlag binnen 30 Tagen."),
	t("def.endings", "A duo that ends because the mentee found a job, a training or an internship is a success, however soon it comes; an early closure is a duo that stopped before six months because the mentee or the mentor left, or they did not get on.",
		"Un duo qui se termine parce que le jeune a trouvé un emploi, une formation ou un stage est un succès, si tôt que ce soit\u00a0; un arrêt anticipé est un duo qui s'est arrêté avant six mois parce que le jeune ou le mentor est parti, ou que le courant n'est pas passé.",
		"Een duo dat eindigt omdat de mentee een job, een opleiding of een stage vond, is een succes, hoe vroeg ook; een vroegtijdige stopzetting is een duo dat voor zes maanden stopte omdat de mentee of de mentor afhaakte, of het niet klikte.",
		"Ein Tandem, das endet, weil der Mentee eine Arbeitsstelle, eine Ausbildung oder ein Praktikum fand, ist ein Erfolg, wie früh auch immer; eine vorzeitige Beendigung ist ein Tandem, das vor sechs Monaten aufhörte, weil Mentee oder Mentor ausstiegen oder es nicht passte."),
	t("def.results", "A positive result is a job with a contract over 3 months, a training or an internship, counted at the end of the mentorship (six months, or the ending when sooner) and 12 months after the start, among the known results; a duo whose result is not known is lost to follow-up and counted apart, never as a failure.",
		"Une sortie positive est un emploi avec un contrat de plus de 3 mois, une formation ou un stage, comptée à la fin du mentorat (six mois, ou l'arrêt s'il vient avant) et 12 mois après le début, parmi les résultats connus\u00a0; un duo dont le résultat n'est pas connu est perdu de vue et compté à part, jamais comme un échec.",
		"Een positieve uitstroom is een job met een contract van meer dan 3 maanden, een opleiding of een stage, geteld aan het einde van het mentoraat (zes maanden, of de stopzetting als die eerder komt) en 12 maanden na de start, onder de gekende resultaten; een duo waarvan het resultaat niet gekend is, is niet meer bereikbaar en wordt apart geteld, nooit als mislukking.",
		"Ein positives Ergebnis ist eine Arbeitsstelle mit einem Vertrag über 3 Monate, eine Ausbildung oder ein Praktikum, gezählt am Ende des Mentorings (sechs Monate, oder das frühere Ende) und 12 Monate nach Beginn, unter den bekannten Ergebnissen; ein Tandem ohne bekanntes Ergebnis ist nicht mehr erreichbar und wird gesondert gezählt, nie als Misserfolg."),
	t("def.ineligible", "Applications found not eligible leave the waiting figures: they could never be matched.",
		"Les candidatures non admissibles sortent des chiffres d'attente\u00a0: elles ne pouvaient jamais aboutir à un duo.",
		"Aanmeldingen die niet in aanmerking komen, tellen niet mee in de wachtcijfers: zij konden nooit tot een duo leiden.",
		"Nicht teilnahmeberechtigte Anmeldungen zählen nicht zu den Wartezahlen: Sie konnten nie zu einem Tandem führen."),
)
