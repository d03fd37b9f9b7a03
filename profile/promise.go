package profile

// MatchWithinDays is the model programme's promise to a candidate: a first
// duo proposed within 30 days (one month) of applying. It is named once,
// here, for everything that reads it: a round caps the days of waiting
// that earn priority at it and lists the mentees who waited longer as
// overdue, and the ledger's indicators count the share matched within it.
const MatchWithinDays = 30
