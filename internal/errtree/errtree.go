// Package errtree walks the trees of errors that errors.Join and wrapping
// build, for the packages of duo that report every problem at once: one
// walk, used by profile.Problems and by profile.AtPath, which re-paths
// joined errors.
package errtree

import "reflect"

// All returns every error of type T in err's tree, depth first, in order:
// an error of type T is taken and not looked into; any other error is
// looked into through Unwrap() []error (errors.Join) or Unwrap() error. A
// nil pointer of type T is skipped. It returns nil for a nil err.
//
// Cost: O(number of errors in the tree).
func All[T error](err error) []T {
	var out []T
	var walk func(error)
	walk = func(err error) {
		if err == nil {
			return
		}
		if t, ok := err.(T); ok {
			if v := reflect.ValueOf(t); v.Kind() != reflect.Pointer || !v.IsNil() {
				out = append(out, t)
			}
			return
		}
		switch e := err.(type) {
		case interface{ Unwrap() []error }:
			for _, inner := range e.Unwrap() {
				walk(inner)
			}
		case interface{ Unwrap() error }:
			walk(e.Unwrap())
		}
	}
	walk(err)
	return out
}

// Leaves returns the errors that errors.Join put together in err, its
// joins flattened, in order; an error that is not a join is its own leaf.
// It returns nil for a nil err.
//
// Cost: O(number of errors in the tree).
func Leaves(err error) []error {
	if err == nil {
		return nil
	}
	j, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return []error{err}
	}
	var out []error
	for _, inner := range j.Unwrap() {
		out = append(out, Leaves(inner)...)
	}
	return out
}
