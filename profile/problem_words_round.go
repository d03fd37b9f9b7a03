package profile

import "github.com/duomatch/duo/internal/i18n"

// The words of the problems of a matching round and of its scoring
// settings, made by packages match (round_check.go, round_solve.go,
// needs.go, alternatives.go) and scoring (rules.go, weights.go).
var roundProblemWords = []i18n.Message{
	i18n.Msg("missing_day", "the day of the round is required", "le jour du tour est requis", "de dag van de ronde is verplicht", "der Tag der Runde ist erforderlich"),
	i18n.Msg("must_be_finite", "must be a finite number", "doit être un nombre fini", "moet een eindig getal zijn", "muss eine endliche Zahl sein"),
	i18n.Msg("bad_wait_bonus", "must be 0 (the default, %[1]s a day), %[2]s (off) or a number from 0 to %[3]s",
		"doit valoir 0 (par défaut, %[1]s par jour), %[2]s (désactivé) ou un nombre de 0 à %[3]s",
		"moet 0 zijn (standaard, %[1]s per dag), %[2]s (uit) of een getal van 0 tot %[3]s",
		"muss 0 (Standard, %[1]s pro Tag), %[2]s (aus) oder eine Zahl von 0 bis %[3]s sein"),
	i18n.Msg("bad_max_recruits", "must be 0 (the default, %[1]s) or from 1 to %[2]s",
		"doit valoir 0 (par défaut, %[1]s) ou de 1 à %[2]s",
		"moet 0 zijn (standaard, %[1]s) of van 1 tot %[2]s",
		"muss 0 (Standard, %[1]s) oder von 1 bis %[2]s sein"),
	i18n.Msg("unknown_objective", "unknown objective %[1]s", "objectif inconnu %[1]s", "onbekende doelstelling %[1]s", "unbekanntes Ziel %[1]s"),
	i18n.Msg("after_round_day", "after the round's day %[1]s", "après le jour du tour, le %[1]s", "na de dag van de ronde, %[1]s", "nach dem Tag der Runde, dem %[1]s"),
	i18n.Msg("duplicate_id", "duplicate %[1]s id (also %[2]s)", "identifiant de %[1]s en double (aussi en %[2]s)", "dubbele id van een %[1]s (ook in %[2]s)", "doppelte ID eines %[1]s (auch in %[2]s)"),
	i18n.Msg("unknown_mentee", "no mentee of the round has this id", "aucun jeune du tour n'a cet identifiant", "geen mentee van de ronde heeft deze id", "kein Mentee der Runde hat diese ID"),
	i18n.Msg("not_in_pool", "not a mentee of the round's pool (ineligible, paused, pinned or set aside)",
		"pas un jeune du vivier du tour (non admissible, en pause, fixé ou mis de côté)",
		"geen mentee van de pool van de ronde (komt niet in aanmerking, gepauzeerd, vastgezet of opzijgezet)",
		"kein Mentee im Pool der Runde (nicht teilnahmeberechtigt, pausiert, festgelegt oder zurückgestellt)"),
	i18n.Msg("unknown_mentor", "no mentor of the round has this id", "aucun mentor du tour n'a cet identifiant", "geen mentor van de ronde heeft deze id", "kein Mentor der Runde hat diese ID"),
	i18n.Msg("pinned_twice", "mentee is pinned to two mentors (also %[1]s)",
		"jeune fixé avec deux mentors (aussi en %[1]s)",
		"mentee is vastgezet met twee mentors (ook in %[1]s)",
		"Mentee ist mit zwei Mentoren festgelegt (auch in %[1]s)"),
	{Key: "pinned_over_capacity", Count: 1,
		One: i18n.Text{
			En: "mentor has capacity %[1]s but is pinned to more mentees",
			Fr: "le mentor ne peut suivre que %[1]s jeune à la fois mais est fixé avec davantage",
			Nl: "de mentor kan maar %[1]s mentee tegelijk begeleiden maar is met meer vastgezet",
			De: "der Mentor kann nur %[1]s Mentee gleichzeitig begleiten, ist aber mit mehr festgelegt"},
		Other: i18n.Text{
			En: "mentor has capacity %[1]s but is pinned to more mentees",
			Fr: "le mentor ne peut suivre que %[1]s jeunes à la fois mais est fixé avec davantage",
			Nl: "de mentor kan maar %[1]s mentees tegelijk begeleiden maar is met meer vastgezet",
			De: "der Mentor kann nur %[1]s Mentees gleichzeitig begleiten, ist aber mit mehr festgelegt"}},
	i18n.Msg("pinned_and_excluded", "the duo with mentor %[1]s is also pinned (%[2]s): a duo cannot be both kept and excluded",
		"le duo avec le mentor %[1]s est aussi fixé (%[2]s) : un duo ne peut être à la fois gardé et exclu",
		"het duo met mentor %[1]s is ook vastgezet (%[2]s): een duo kan niet tegelijk behouden en uitgesloten worden",
		"das Tandem mit Mentor %[1]s ist auch festgelegt (%[2]s): ein Tandem kann nicht zugleich behalten und ausgeschlossen werden"),
	i18n.Msg("round_too_large", "eligible mentees: %[1]s, mentors: %[2]s; they allow more than the limit of %[3]s pairs (MaxCells)",
		"jeunes admissibles : %[1]s, mentors : %[2]s ; ils permettent plus que la limite de %[3]s paires (MaxCells)",
		"mentees die in aanmerking komen: %[1]s, mentors: %[2]s; ze laten meer toe dan de grens van %[3]s paren (MaxCells)",
		"teilnahmeberechtigte Mentees: %[1]s, Mentoren: %[2]s; sie erlauben mehr als die Grenze von %[3]s Paaren (MaxCells)"),
}

// The words of the problems of scoring's settings.
var scoringProblemWords = []i18n.Message{
	i18n.Msg("negative_not_off", "negative (only -1, which turns the rule off, is allowed)",
		"négatif (seul -1, qui désactive la règle, est permis)",
		"negatief (enkel -1, dat de regel uitschakelt, is toegestaan)",
		"negativ (nur -1, das die Regel abschaltet, ist erlaubt)"),
	i18n.Msg("not_a_number", "not a number", "pas un nombre", "geen getal", "keine Zahl"),
	i18n.Msg("infinite", "infinite", "infini", "oneindig", "unendlich"),
	i18n.Msg("every_criterion_off", "every criterion is switched off", "tous les critères sont désactivés", "alle criteria zijn uitgeschakeld", "alle Kriterien sind abgeschaltet"),
	i18n.Msg("negative_limit", "negative (0 means the default; this limit cannot be switched off)",
		"négatif (0 signifie la valeur par défaut ; cette limite ne peut être désactivée)",
		"negatief (0 betekent de standaardwaarde; deze grens kan niet uitgeschakeld worden)",
		"negativ (0 bedeutet den Standardwert; diese Grenze lässt sich nicht abschalten)"),
	i18n.Msg("sum_overflows", "their sum overflows", "leur somme déborde", "hun som loopt over", "ihre Summe läuft über"),
}
