// Package report writes a mentoring programme's report for its funders:
// one self-contained HTML page with the period's indicators and the
// equity report of package ledger, their intervals in words, and charts
// (applications and duos month by month, the time to a first proposal,
// the results at the end of the mentorship and at 12 months), in
// English, French, Dutch or German.
//
// The page holds everything it shows: inline CSS and inline SVG, no
// script, no font or image to fetch, so that it can be mailed, archived,
// and printed to PDF from a browser (a print style sheet sets A4 pages
// and keeps tables and charts whole).
//
// It is a package of its own, beside ledger rather than in it, because it
// is an outer layer: ledger computes figures from events and knows no
// HTML; report only lays them out and words them, and a service that
// wants the figures as JSON needs none of it. It is pure: the same ledger
// and options write the same bytes.
package report
