//go:build race

package sheet_test

// allocBound is the multiple of a file's size that reading it may
// allocate, under the race detector (see TestReadMemoryBounded).
const allocBound = 6
