package profile

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/bits"
	"strings"
	"unicode"

	"golang.org/x/text/transform"
)

// Slot is one of the 21 weekly time slots a person can be free in: a day
// from Monday to Sunday times a part of the day (morning, afternoon,
// evening). Slot(0) is Monday morning, Slot(1) Monday afternoon, …,
// Slot(20) Sunday evening.
type Slot uint8

// NumSlots is the number of weekly slots.
const NumSlots = 21

var (
	slotDays  = [7]string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}
	slotParts = [3]string{"morning", "afternoon", "evening"}
)

// ParseSlot parses a weekly slot as coordinators write it: a day and a
// part of the day, in English, French, Dutch or German, with the usual
// abbreviations, separated by a dash, a space or nothing ("mon-evening",
// "ma-avond", "maandag avond", "maandagavond", "lundi soir", "lun-soir",
// "Mo-Abend", "Montag Abend"); case, accents and dots do not count. The
// words each language accepts are in [slotDayWords] and [slotPartWords]
// (and the README). Cost: O(len(s)).
func ParseSlot(s string) (Slot, error) {
	words := strings.FieldsFunc(foldSpaced(s), func(r rune) bool { return !unicode.IsLetter(r) })
	day, part := -1, -1
	switch {
	case len(words) >= 2:
		day, part = dayWord(words[0]), partWord(strings.Join(words[1:], ""))
	case len(words) == 1: // a compound: "maandagavond", "Montagabend"
		for w, d := range slotDayWords {
			if rest, ok := strings.CutPrefix(words[0], w); ok {
				if p := partWord(rest); p >= 0 {
					day, part = d, p
					break
				}
			}
		}
	}
	if day < 0 || part < 0 {
		return 0, errors.New("unknown slot (want a day mon..sun, a dash and morning, afternoon or evening)")
	}
	return Slot(day*3 + part), nil
}

// foldSpaced folds s to lower case without accents, keeping the rest.
func foldSpaced(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			if f, _, err := transform.String(placeFolder(), s); err == nil {
				return f
			}
			break
		}
	}
	return strings.ToLower(s)
}

func dayWord(w string) int {
	if d, ok := slotDayWords[w]; ok {
		return d
	}
	return -1
}

func partWord(w string) int {
	if p, ok := slotPartWords[w]; ok {
		return p
	}
	return -1
}

// slotDayWords are the words of each day (0 Monday … 6 Sunday), folded, in
// English, Dutch, French and German, with their usual abbreviations. The
// same abbreviation in two languages ("di", "do") names the same day.
var slotDayWords = map[string]int{
	"mon": 0, "monday": 0, "ma": 0, "maandag": 0, "lun": 0, "lundi": 0, "mo": 0, "montag": 0,
	"tue": 1, "tuesday": 1, "di": 1, "dinsdag": 1, "mar": 1, "mardi": 1, "dienstag": 1,
	"wed": 2, "wednesday": 2, "wo": 2, "woensdag": 2, "mer": 2, "mercredi": 2, "mi": 2, "mittwoch": 2,
	"thu": 3, "thursday": 3, "do": 3, "donderdag": 3, "jeu": 3, "jeudi": 3, "donnerstag": 3,
	"fri": 4, "friday": 4, "vr": 4, "vrijdag": 4, "ven": 4, "vendredi": 4, "fr": 4, "freitag": 4,
	"sat": 5, "saturday": 5, "za": 5, "zaterdag": 5, "sam": 5, "samedi": 5, "sa": 5, "samstag": 5,
	"sun": 6, "sunday": 6, "zo": 6, "zondag": 6, "dim": 6, "dimanche": 6, "so": 6, "sonntag": 6,
}

// slotPartWords are the words of each part of the day (0 morning, 1
// afternoon, 2 evening), folded and without spaces or dashes ("apresmidi").
var slotPartWords = map[string]int{
	"morning": 0, "ochtend": 0, "voormiddag": 0, "morgen": 0, "matin": 0, "matinee": 0, "vormittag": 0,
	"afternoon": 1, "namiddag": 1, "middag": 1, "apresmidi": 1, "nachmittag": 1,
	"evening": 2, "avond": 2, "soir": 2, "soiree": 2, "abend": 2,
}

// String returns the slot's name, e.g. "wed-afternoon", or "" for an
// out-of-range value.
func (s Slot) String() string {
	if s >= NumSlots {
		return ""
	}
	return slotDays[s/3] + "-" + slotParts[s%3]
}

// Availability is the set of weekly slots a person is free in, held as a
// bit set (bit i is Slot(i)). In JSON it is an array of slot names such as
// ["mon-evening", "sat-morning"], written in week order; an unknown name is a
// decoding error that names it. Duplicates in the input are harmless.
type Availability uint32

// AvailabilityOf returns the set of the given slots. Slots out of range are
// ignored.
func AvailabilityOf(slots ...Slot) Availability {
	var a Availability
	for _, s := range slots {
		if s < NumSlots {
			a |= 1 << s
		}
	}
	return a
}

// Has reports whether s is in a.
func (a Availability) Has(s Slot) bool { return s < NumSlots && a&(1<<s) != 0 }

// Count returns the number of slots in a.
func (a Availability) Count() int { return bits.OnesCount32(uint32(a & allSlots)) }

// Common returns the slots in both a and b.
func (a Availability) Common(b Availability) Availability { return a & b & allSlots }

// Slots returns the slots in a in week order.
func (a Availability) Slots() []Slot {
	out := make([]Slot, 0, a.Count())
	for s := Slot(0); s < NumSlots; s++ {
		if a.Has(s) {
			out = append(out, s)
		}
	}
	return out
}

const allSlots Availability = 1<<NumSlots - 1

// MarshalJSON writes a as an array of slot names in week order.
func (a Availability) MarshalJSON() ([]byte, error) {
	names := make([]string, 0, a.Count())
	for _, s := range a.Slots() {
		names = append(names, s.String())
	}
	return json.Marshal(names)
}

// UnmarshalJSON reads an array of slot names; null is the empty set.
func (a *Availability) UnmarshalJSON(b []byte) error {
	var names []string
	if err := json.Unmarshal(b, &names); err != nil {
		return fmt.Errorf("availability must be an array of slot names such as \"mon-evening\"")
	}
	var v Availability
	for _, n := range names {
		s, err := ParseSlot(n)
		if err != nil {
			return err
		}
		v |= 1 << s
	}
	*a = v
	return nil
}
