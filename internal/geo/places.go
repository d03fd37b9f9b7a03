package geo

// town is a municipality's centre, its population (rounded, 2024) and how
// far from the centre its people live (km, one standard deviation).
type town struct {
	lat, lon float64
	pop      int
	spread   float64
}

// towns are Belgium's larger municipalities. Together they hold about 43 %
// of the population; the rest is spread over the country (see border).
var towns = []town{
	{50.8466, 4.3528, 1250000, 5}, // Brussels-Capital Region (19 municipalities)
	{51.2194, 4.4025, 540000, 5},  // Antwerpen
	{51.0543, 3.7174, 265000, 4},  // Gent
	{50.4108, 4.4446, 203000, 4},  // Charleroi
	{50.6326, 5.5797, 197000, 4},  // Liège
	{51.2093, 3.2247, 119000, 3},  // Brugge
	{50.4674, 4.8720, 113000, 4},  // Namur
	{50.8798, 4.7005, 103000, 3},  // Leuven
	{50.4542, 3.9523, 96000, 3},   // Mons
	{51.0259, 4.4776, 88000, 3},   // Mechelen
	{50.9364, 4.0355, 87000, 3},   // Aalst
	{50.7256, 3.2360, 80000, 2},   // Mouscron
	{50.8279, 3.2649, 78000, 3},   // Kortrijk
	{50.9307, 5.3325, 80000, 3},   // Hasselt
	{51.2150, 2.9280, 72000, 3},   // Oostende
	{51.1657, 4.1437, 80000, 3},   // Sint-Niklaas
	{50.6059, 3.3884, 69000, 3},   // Tournai
	{51.1827, 3.5659, 21000, 3},   // Eeklo
	{50.9657, 5.5008, 67000, 3},   // Genk
	{50.5836, 5.5006, 64000, 2},   // Seraing
	{50.9440, 3.1238, 65000, 3},   // Roeselare
	{50.7990, 4.3723, 55000, 2},   // Uccle area (south Brussels fringe)
	{51.1755, 4.8306, 57000, 3},   // Geel / Herentals area
	{51.1621, 4.9903, 40000, 3},   // Mol
	{51.3167, 4.4333, 48000, 2},   // Brasschaat / Kapellen
	{50.9281, 4.4245, 45000, 2},   // Vilvoorde
	{50.7167, 4.6000, 34000, 3},   // Wavre
	{50.7165, 4.3997, 40000, 3},   // Waterloo / Braine-l'Alleud
	{50.6667, 4.6167, 33000, 2},   // Ottignies-Louvain-la-Neuve
	{50.4796, 4.1833, 75000, 3},   // La Louvière
	{50.5900, 5.8636, 36000, 3},   // Verviers
	{50.6285, 6.0360, 20000, 2},   // Eupen
	{50.2833, 6.1233, 10000, 3},   // Sankt Vith
	{50.8500, 2.8833, 35000, 3},   // Ieper
	{50.9436, 2.6936, 20000, 3},   // Poperinge
	{51.1035, 2.6516, 25000, 3},   // Veurne / Koksijde
	{51.3400, 3.2860, 33000, 2},   // Knokke-Heist
	{51.0800, 3.3000, 30000, 3},   // Tielt area
	{50.8412, 4.0050, 40000, 3},   // Ninove
	{50.7712, 3.6045, 35000, 3},   // Oudenaarde / Ronse
	{51.0912, 3.9931, 28000, 3},   // Lokeren
	{51.0300, 4.1000, 47000, 3},   // Dendermonde
	{50.8096, 5.1863, 41000, 3},   // Sint-Truiden
	{50.7819, 5.4641, 40000, 3},   // Tongeren / Bilzen
	{51.1300, 5.7500, 35000, 3},   // Maasmechelen / Dilsen
	{51.2400, 5.4300, 60000, 4},   // Lommel / Pelt / Neerpelt
	{50.6930, 5.2580, 18000, 3},   // Hannut / Waremme
	{50.5200, 5.2400, 20000, 3},   // Huy
	{50.2256, 5.3444, 17000, 4},   // Marche-en-Famenne
	{50.0062, 5.7165, 17000, 4},   // Bastogne
	{49.6830, 5.8167, 30000, 3},   // Arlon
	{49.8500, 5.4500, 15000, 5},   // Neufchâteau / Libramont
	{50.2611, 4.9125, 15000, 4},   // Dinant
	{50.0500, 4.3150, 14000, 4},   // Chimay / Couvin
	{50.4110, 4.6075, 25000, 3},   // Sambreville
	{50.6080, 3.9990, 45000, 3},   // Soignies / Braine-le-Comte
	{50.6200, 3.7800, 28000, 3},   // Ath
	{50.7500, 4.2333, 35000, 3},   // Halle
	{50.7700, 4.6500, 30000, 3},   // Overijse / Tervuren
	{51.0000, 4.9800, 45000, 4},   // Aarschot / Diest
}

// belgiumPop is Belgium's population (2024, rounded).
const belgiumPop = 11800000

// border is a polygon (lat, lon) that follows Belgium's border within a
// few kilometres, clockwise from the coast at De Panne.
var border = [][2]float64{
	{51.09, 2.55}, {51.37, 3.37}, {51.27, 3.80}, {51.38, 4.25}, {51.48, 4.80},
	{51.43, 5.10}, {51.25, 5.25}, {51.22, 5.85}, {50.95, 5.75}, {50.76, 5.69},
	{50.74, 6.03}, {50.55, 6.30}, {50.33, 6.40}, {50.13, 6.13}, {49.83, 5.85},
	{49.55, 5.80}, {49.70, 5.45}, {49.79, 5.07}, {49.96, 4.86}, {50.15, 4.85},
	{49.98, 4.20}, {50.30, 4.05}, {50.40, 3.68}, {50.52, 3.28}, {50.72, 3.15},
	{50.78, 2.85}, {50.85, 2.65},
}

// inside reports whether (lat, lon) lies in the polygon p (even–odd rule).
func inside(p [][2]float64, lat, lon float64) bool {
	in := false
	for i, j := 0, len(p)-1; i < len(p); j, i = i, i+1 {
		a, b := p[i], p[j]
		if (a[0] > lat) != (b[0] > lat) && lon < (b[1]-a[1])*(lat-a[0])/(b[0]-a[0])+a[1] {
			in = !in
		}
	}
	return in
}
