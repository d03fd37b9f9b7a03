package main

import (
	"bytes"
	"slices"
	"strings"
)

// writeMunicipalities writes municipalities.tsv: the header, then one line
// per municipality sorted by NIS code.
func writeMunicipalities(munis map[string]*municipality) []byte {
	var b bytes.Buffer
	b.WriteString(municipalityHeader + "\n")
	codes := make([]string, 0, len(munis))
	for c := range munis {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	for _, c := range codes {
		m := munis[c]
		line(&b, m.nis, m.region, m.province, m.arrondissement, m.main, m.fr, m.nl, m.de, strings.Join(m.other, "|"), m.lat, m.lon)
	}
	return b.Bytes()
}

// writePostcodes writes postcodes.tsv: the header, then one line per
// postcode × municipality, sorted by postcode with the main municipality
// first, the place names sorted and separated by "|".
func writePostcodes(posts []*postcode) []byte {
	var b bytes.Buffer
	b.WriteString(postcodeHeader + "\n")
	for _, p := range posts {
		line(&b, p.code, p.nis, strings.Join(p.places, "|"))
	}
	return b.Bytes()
}

// writeUnits writes units.tsv: the header, then the units in the source's
// order.
func writeUnits(units map[string]unit, order []string) []byte {
	var b bytes.Buffer
	b.WriteString(unitHeader + "\n")
	for _, c := range order {
		u := units[c]
		line(&b, u.code, u.level, u.parent, u.fr, u.nl, u.de)
	}
	return b.Bytes()
}

func line(b *bytes.Buffer, cells ...string) {
	b.WriteString(strings.Join(cells, "\t"))
	b.WriteByte('\n')
}
