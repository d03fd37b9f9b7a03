package i18n

import (
	"errors"
	"fmt"
)

// placeholders returns the arguments a format string uses, by position
// (1 for the first), with the verb of each: "%d of %[3]s" gives {1: 'd',
// 3: 's'}. It follows package fmt's rules for explicit indexes, and
// reports a verb that uses one argument with two different verbs, a
// dangling "%" or a malformed index.
func placeholders(format string) (map[int]rune, error) {
	out := map[int]rune{}
	arg := 1
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		if i >= len(format) {
			return nil, errors.New("format ends with %")
		}
		if format[i] == '%' {
			continue
		}
		// Flags, width and precision; an index may come before the width,
		// the precision or the verb.
	spec:
		for i < len(format) {
			c := format[i]
			switch {
			case c == '+' || c == '-' || c == '#' || c == ' ' || c == '0' || c == '.' || ('1' <= c && c <= '9'):
				i++
				continue
			case c == '[':
				n, end, err := argIndex(format, i)
				if err != nil {
					return nil, err
				}
				arg, i = n, end
				continue
			case c == '*':
				out[arg] = '*'
				arg++
				i++
				continue
			}
			break spec
		}
		if i >= len(format) {
			return nil, errors.New("format ends inside a verb")
		}
		verb := rune(format[i])
		if v, ok := out[arg]; ok && v != verb {
			return nil, fmt.Errorf("argument %d used as %%%c and %%%c", arg, v, verb)
		}
		out[arg] = verb
		arg++
	}
	return out, nil
}

// argIndex reads "[n]" at format[i] and returns n and the position after it.
func argIndex(format string, i int) (n, end int, err error) {
	j := i + 1
	for j < len(format) && '0' <= format[j] && format[j] <= '9' {
		n = n*10 + int(format[j]-'0')
		if n > 99 {
			return 0, 0, errors.New("argument index too large")
		}
		j++
	}
	if j == i+1 || j >= len(format) || format[j] != ']' || n == 0 {
		return 0, 0, errors.New("malformed argument index")
	}
	return n, j + 1, nil
}
