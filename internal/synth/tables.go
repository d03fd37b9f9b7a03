package synth

import "github.com/duomatch/duo/profile"

// region is a public employment service's area with its local language.
type region struct {
	agency profile.Agency
	local  string // the language mentees practise and mentors speak natively
	second string // the other language common there ("" for none)
}

var (
	brussels = region{agency: "Actiris", local: "fr", second: "nl"}
	flanders = region{agency: "VDAB", local: "nl", second: "fr"}
	wallonia = region{agency: "Le Forem", local: "fr", second: "nl"}
	eastBE   = region{agency: "ADG", local: "de", second: "fr"}
)

// city is a place candidates live in, with its centre, how often it is
// drawn (weights are relative), and how application forms write it: the
// spellings people use (official names in French, Dutch or German, an
// English one, without accents or in capitals) and its postcodes.
type city struct {
	lat, lon  float64
	region    region
	weight    int
	spellings []string
	postcodes []string
	// listed reports whether a form may give postcodes[0] alone. It
	// dates from a gazetteer that knew only the postcodes of Brussels and
	// the main postcode of the larger towns; the Belgian gazetteer now
	// knows every postcode, but the flags stay as they were so that a
	// seed gives the same people as before.
	listed bool
}

// cities are the model programme's five cities and some towns around them.
var cities = []city{
	{50.8503, 4.3517, brussels, 280, []string{"Bruxelles", "Brussel", "Brussels", "BRUXELLES"}, []string{"1000", "1020", "1120"}, true},
	{50.8366, 4.3082, brussels, 30, []string{"Anderlecht"}, []string{"1070"}, true},
	{50.8676, 4.3737, brussels, 30, []string{"Schaerbeek", "Schaarbeek"}, []string{"1030"}, true},
	{50.8333, 4.3667, brussels, 20, []string{"Ixelles", "Elsene"}, []string{"1050"}, true},
	{50.8276, 4.3439, brussels, 15, []string{"Saint-Gilles", "St-Gilles", "Sint-Gillis"}, []string{"1060"}, true},
	{51.2194, 4.4025, flanders, 180, []string{"Antwerpen", "Anvers", "Antwerp", "antwerpen"}, []string{"2000", "2018", "2060"}, true},
	{51.1700, 4.4556, flanders, 15, []string{"Mortsel"}, []string{"2640"}, false},
	{51.0543, 3.7174, flanders, 150, []string{"Gent", "Gand", "Ghent"}, []string{"9000"}, true},
	{51.0000, 3.7460, flanders, 10, []string{"Merelbeke"}, []string{"9820"}, false},
	{51.0259, 4.4776, flanders, 80, []string{"Mechelen", "Malines"}, []string{"2800"}, true},
	{50.9281, 4.4245, flanders, 20, []string{"Vilvoorde"}, []string{"1800"}, true},
	{50.6326, 5.5797, wallonia, 140, []string{"Liège", "Liege", "LIEGE", "Luik"}, []string{"4000", "4020", "4030"}, true},
	{50.5836, 5.5006, wallonia, 25, []string{"Seraing"}, []string{"4100"}, true},
	{50.6639, 5.6206, wallonia, 20, []string{"Herstal"}, []string{"4040"}, false},
	{50.6285, 6.0360, eastBE, 10, []string{"Eupen"}, []string{"4700"}, true},
}

// origin is a country of origin outside the EU with the languages spoken
// there (the first is the main one) and how often it is drawn.
type origin struct {
	country profile.Country
	langs   []string
	weight  int
}

var origins = []origin{
	{"MA", []string{"ar", "ber", "fr"}, 260},
	{"TR", []string{"tr"}, 120},
	{"CD", []string{"fr", "ln"}, 90},
	{"SY", []string{"ar"}, 80},
	{"AF", []string{"prs", "ps"}, 70},
	{"ER", []string{"ti"}, 50},
	{"SO", []string{"so"}, 40},
	{"GN", []string{"fr", "ff"}, 50},
	{"CM", []string{"fr", "en"}, 45},
	{"DZ", []string{"ar", "ber", "fr"}, 45},
	{"IQ", []string{"ar", "ku"}, 50},
	{"RU", []string{"ru"}, 25},
	{"UA", []string{"uk", "ru"}, 45},
}

// euOrigins give EU-only backgrounds, which make a mentee ineligible.
var euOrigins = []origin{
	{"FR", []string{"fr"}, 1},
	{"PL", []string{"pl"}, 1},
	{"NL", []string{"nl"}, 1},
	{"RO", []string{"ro"}, 1},
}

// sectorGroup is a family of NACE Rev. 2 codes, at several depths, with
// ISCO-08 occupations of people who work in it and a phrase for a
// mentee's project.
type sectorGroup struct {
	codes       []profile.Sector
	occupations []profile.Occupation
	project     string
	menteeW     int // how often mentees aim for it
	mentorW     int // how often mentors have worked in it
}

var sectorGroups = []sectorGroup{
	{[]profile.Sector{"62.01", "62.02", "62.0", "62", "63.11"}, []profile.Occupation{"2512", "2511", "3512", "251"}, "a job in IT", 120, 80},
	{[]profile.Sector{"47.11", "47.71", "47.7", "47", "46.90"}, []profile.Occupation{"5223", "5221", "5230", "1420"}, "a job in retail", 130, 60},
	{[]profile.Sector{"56.10", "56.30", "56.1", "55.10"}, []profile.Occupation{"5120", "5131", "9412", "4224"}, "a job in a restaurant or hotel", 110, 40},
	{[]profile.Sector{"86.10", "86.21", "86.2", "87.30", "86"}, []profile.Occupation{"2221", "3221", "5321", "2211"}, "a training in health care", 110, 80},
	{[]profile.Sector{"88.10", "88.91", "88.99", "88"}, []profile.Occupation{"5322", "2635", "5311", "3412"}, "a job in social work or child care", 80, 60},
	{[]profile.Sector{"85.31", "85.59", "85.5", "85"}, []profile.Occupation{"2330", "2341", "2359", "2320"}, "a training as a teacher", 60, 90},
	{[]profile.Sector{"41.20", "43.21", "43.22", "43.3", "42"}, []profile.Occupation{"7112", "7411", "7126", "3112", "2142"}, "a job in construction", 90, 70},
	{[]profile.Sector{"49.41", "49.32", "52.10", "53.20", "49"}, []profile.Occupation{"8322", "8332", "9333", "4321"}, "a job in transport or logistics", 80, 50},
	{[]profile.Sector{"69.20", "69.10", "70.22", "69", "M"}, []profile.Occupation{"2411", "2611", "2421", "3313"}, "an internship in accounting or law", 50, 100},
	{[]profile.Sector{"64.19", "64.1", "66.19", "K"}, []profile.Occupation{"2412", "3311", "4211", "2413"}, "a job in a bank or insurer", 30, 80},
	{[]profile.Sector{"84.11", "84.12", "84.2", "84"}, []profile.Occupation{"2422", "4110", "3353", "1112"}, "a job in public administration", 30, 90},
	{[]profile.Sector{"81.21", "81.2", "96.02", "45.20"}, []profile.Occupation{"9112", "5141", "7231"}, "a job in services", 60, 15},
	{[]profile.Sector{"10.71", "25.62", "28.2", "C"}, []profile.Occupation{"7512", "7223", "8189", "3115"}, "a job in industry", 40, 60},
	{[]profile.Sector{"71.12", "73.11", "78.20", "82.20"}, []profile.Occupation{"2142", "2431", "2423", "4222"}, "an internship in engineering or marketing", 35, 60},
}

// interests are tags in the forms people type them in: some with capitals
// or extra spaces, which scoring folds.
var interests = []string{
	"football", "cooking", "reading", "music", "IT", "hiking", "chess",
	"photography", "travel", "volunteering", "gardening", "cinema",
	"basketball", "running", "dance", "theatre", "history", "languages",
	"art", "drawing", "fitness", "cycling", "video games", "board games",
	"fashion", "entrepreneurship", "nature", "science", "writing",
	"swimming", "yoga", "DIY", "cars", "social media", "podcasts",
}

// traitNames are the personality traits the synthetic programme records.
var traitNames = []string{"openness", "conscientiousness", "extraversion", "agreeableness", "stability"}

// mentorExtraLangs are languages some mentors also speak.
var mentorExtraLangs = []string{"es", "it", "pt", "ar", "tr", "de", "ru"}
