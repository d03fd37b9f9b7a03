package names

// languageGaps names, in English, French, Dutch and German, the languages
// spoken by people who come to Belgium that CLDR (as carried by
// golang.org/x/text v0.34.0) does not name in one or more of those four
// languages. A test checks that each entry is still a gap, so that CLDR's
// own name wins once it has one.
//
// Sources: English names are the ISO 639-3 reference names (SIL, the
// registration authority; "Iraqi Arabic" for acm, whose reference name is
// Mesopotamian Arabic, as the name people use). French, Dutch and German
// names follow the forms CLDR uses for the languages it does name
// ("arabe marocain", "Marokkaans Arabisch", "Marokkanisches Arabisch") and
// the titles of the languages' articles in the French, Dutch and German
// Wikipedias; they were typed by hand and could not be checked against a
// published list from the machine that wrote them.
var languageGaps = map[string][4]string{
	"prs": {"Dari", "dari", "Dari", "Dari"},
	"ber": {"Berber", "berbère", "Berbers", "Berberisch"},
	"apc": {"Levantine Arabic", "arabe levantin", "Levantijns Arabisch", "Levantinisches Arabisch"},
	"acm": {"Iraqi Arabic", "arabe irakien", "Iraaks Arabisch", "Irakisches Arabisch"},
	"ayl": {"Libyan Arabic", "arabe libyen", "Libisch Arabisch", "Libysches Arabisch"},
	"apd": {"Sudanese Arabic", "arabe soudanais", "Soedanees Arabisch", "Sudanesisches Arabisch"},
	"afb": {"Gulf Arabic", "arabe du Golfe", "Golf-Arabisch", "Golf-Arabisch"},
	"ars": {"Najdi Arabic", "arabe najdi", "Najdi-Arabisch", "Nadschdi-Arabisch"},
	"aii": {"Assyrian Neo-Aramaic", "néo-araméen assyrien", "Assyrisch Neo-Aramees", "Assyrisch-Neuaramäisch"},
	"haz": {"Hazaragi", "hazaragi", "Hazaragi", "Hazaragi"},
	"uzs": {"Southern Uzbek", "ouzbek du Sud", "Zuidelijk Oezbeeks", "Südusbekisch"},
	"skr": {"Saraiki", "saraïki", "Saraiki", "Saraiki"},
	"fuf": {"Pular", "pular", "Pular", "Pular"},
	"swc": {"Congo Swahili", "swahili du Congo", "Congolees Swahili", "Kongo-Swahili"},
	"ktu": {"Kituba", "kituba", "Kituba", "Kituba"},
	"cnr": {"Montenegrin", "monténégrin", "Montenegrijns", "Montenegrinisch"},
	"ccp": {"Chakma", "chakma", "Chakma", "Chakma"},
}
