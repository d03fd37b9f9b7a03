// Package stat holds the tests of difference that a programme's equity
// report runs on small groups: Fisher's exact test of two proportions and
// the log-rank test of two times to an event with right-censoring, and the
// confidence interval of a Kaplan–Meier median.
//
// They are exact or standard and need no large counts: Fisher's test sums
// hypergeometric probabilities, so it holds for a group of 5 as for one of
// 500, where a chi-squared test of a 2×2 table would need about 5 expected
// in each cell. The log-rank test compares two survival curves under
// censoring (people still waiting, or gone before a match); its p-value
// comes from the chi-squared distribution with one degree of freedom,
// which is an approximation, fair from a handful of events on.
//
// Every function is pure and costs what it states.
package stat
