package scoring

import (
	"math"

	"github.com/duomatch/duo/profile"
)

// home is a home resolved and compiled.
type home struct {
	city uint32
	name string
	geo  [3]float64
	has  bool // geo is set
	err  error
}

// home resolves a person's home through the gazetteer into g's city and
// geo, records it in p.unresolved when it does not
// resolve, and returns its name in the coordinator's words. It leaves
// g.avail's geoBit for person to keep: it sets the bit after person
// computed avail, so it is called first and its bit or-ed in later.
func (c *compiler) home(g *gate, mentor bool, i int, place profile.Place) string {
	// Resolve each distinct (postcode, city, country) once; coordinates,
	// which differ from person to person, are applied after, as
	// profile.Locate does.
	key := profile.Place{Postcode: place.Postcode, City: place.City, Country: place.Country}
	h, ok := c.homes[key]
	if !ok {
		l, err := profile.Locate(c.p.set.places, key)
		h.err = err
		if err == nil {
			h.name = placeArgOf(c.p.set.places, l)
			h.city = c.placeID(l)
			h.geo, h.has = unitVector(l.Lat, l.Lon), l.HasCoords()
		}
		c.homes[key] = h
	}
	if p := (profile.Place{Lat: place.Lat, Lon: place.Lon}); p.HasCoords() && place.Lat >= -90 && place.Lat <= 90 && place.Lon >= -180 && place.Lon <= 180 {
		h.geo, h.has, h.err = unitVector(place.Lat, place.Lon), true, nil
	}
	if s := c.p.set; h.err == nil && h.city == 0 && (s.sameCity || s.sameRegion) {
		h.err = profile.ErrUnknownPlace // coordinates, but no municipality to compare
	}
	if h.err != nil {
		c.p.unresolved = append(c.p.unresolved, unresolvedHome{mentor: mentor, index: i, err: h.err})
	}
	g.city, g.geo = h.city, h.geo
	if h.has {
		g.avail |= geoBit
	}
	return h.name
}

// placeID returns the gate.city of locality l, numbering localities as
// they come; 0 when l has no ID.
func (c *compiler) placeID(l profile.Locality) uint32 {
	if l.ID == "" {
		return 0
	}
	id := c.placeIdx[l.ID]
	if id == 0 {
		r := uint32(0)
		if l.Region != "" {
			if r = c.regionIdx[l.Region]; r == 0 {
				r = uint32(len(c.regionIdx)) + 1
				c.regionIdx[l.Region] = r
			}
		}
		id = uint32(len(c.p.places)) + 1
		c.p.places = append(c.p.places, placeC{region: r, zone: c.p.set.zone(id, r)})
		c.placeIdx[l.ID] = id
	}
	return id
}

// unitVector returns the point at latitude lat and longitude lon (degrees)
// on the unit sphere.
func unitVector(lat, lon float64) [3]float64 {
	phi, lambda := lat*math.Pi/180, lon*math.Pi/180
	return [3]float64{math.Cos(phi) * math.Cos(lambda), math.Cos(phi) * math.Sin(lambda), math.Sin(phi)}
}
