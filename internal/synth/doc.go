// Package synth makes synthetic, seeded pools of mentees and mentors for
// tests, benchmarks and examples. No real person is in them: every value is
// drawn from a seeded generator over tables of plausible values.
//
// A pool resembles the model programme's: candidates live in Brussels,
// Antwerp, Ghent, Liège, Mechelen and a few nearby towns, written as forms
// hold them (a postcode and a municipality in French, Dutch, German or
// English, some with a postcode or a name only, three in ten with
// coordinates jittered by a few kilometres); mentees are mostly
// aged 18 to 30 with a migration background from outside the EU (first
// generation, or born in Belgium to parents from outside the EU), speak a
// heritage language (ar, tr, ber, ti, prs, ps, so, ru, uk, ln…) and the
// local language at some level, aim for sectors such as IT, retail, hotels
// and restaurants, care, education, construction and transport (NACE
// Rev. 2) and occupations (ISCO-08); mentors are mostly aged 50 to 75 with
// one to four periods of experience. Languages lean to the local one (Dutch
// in Flanders, French in Brussels and Wallonia), availability has 2 to 8
// weekly slots, and personality traits use the names openness,
// conscientiousness, extraversion, agreeableness and stability.
//
// [Config.IneligibleShare] sets the share of candidates made deliberately
// ineligible under [profile.DefaultPolicy]: mentees aged 17 or 31 to 33,
// with an EU-only background, not registered as job seekers or without a
// project; mentors aged 45 to 49, offering less than 2 hours a week or
// with less than a year of experience. Every generated profile is
// well-formed: it passes [profile.Mentee.Validate] and
// [profile.Mentor.Validate].
//
// A pool is fully determined by its [Config]. Each profile is drawn from its
// own stream (math/rand/v2's PCG seeded with the seed and the profile's
// index), so the first n mentees of a pool do not depend on how many mentees
// or mentors the pool has.
//
// Cost: O(Mentees + Mentors) time and memory.
package synth
