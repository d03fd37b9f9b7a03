// Package geo makes seeded, round-like sparse assignment problems for
// tests and benchmarks: mentees and mentors spread over a Belgium-like
// geography, with the pairs that the hard rules allow and a score for each.
//
// People live in about sixty Belgian municipalities, drawn in proportion to
// their population (rounded figures, 2024) and scattered around the town's
// centre, or, for the share of the population that lives elsewhere,
// uniformly over a polygon that follows Belgium's border. Their languages
// follow the region they live in (Dutch north of the language border,
// French south of it and in Brussels, German in the eastern cantons), with
// English, the other national language and, for mentees, a heritage
// language at given rates; each person has 2 to 8 of the 21 weekly slots
// (seven days, three parts of the day). A pair is allowed when the two live
// within the distance rule's radius (25 km by default, measured on an
// equirectangular projection, within 0.5 % of the great-circle distance at
// Belgium's latitudes), share a language and share at least MinShared
// weekly slots. Candidates are found through a grid of cells of the radius,
// so the cost is proportional to the pairs within the radius, not to
// mentees × mentors.
//
// With the defaults, about 4.5 % of the pairs are allowed; MinShared 2
// gives about 2 %, RadiusKm 33 about 7 %. The problem is a function of the
// [Config]; the first n mentees and mentors do not depend on how many
// there are.
package geo
