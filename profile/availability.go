package profile

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/bits"
	"strings"
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

// ParseSlot parses a slot name such as "mon-evening" (case-insensitive).
func ParseSlot(s string) (Slot, error) {
	day, part, ok := strings.Cut(strings.ToLower(strings.TrimSpace(s)), "-")
	if ok {
		for i, d := range slotDays {
			for j, p := range slotParts {
				if d == day && p == part {
					return Slot(i*3 + j), nil
				}
			}
		}
	}
	return 0, errors.New("unknown slot (want a day mon..sun, a dash and morning, afternoon or evening)")
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
