// Package belgium is the Belgian gazetteer: it resolves a [profile.Place]
// written on a Belgian application form (a postcode, a municipality's or a
// section's name in French, Dutch, German or English) to a
// [profile.Locality]: the municipality's Statbel NIS code as ID, its
// region, province and arrondissement, and its coordinates.
//
// # The table
//
// The embedded tables (municipalities.tsv, postcodes.tsv, units.tsv,
// written by internal/cmd/genplaces from the open data described in its
// README.md) hold Belgium as on 1 January 2025, after the 2025 mergers:
//   - the 565 municipalities (285 in Flanders, 261 in Wallonia, 19 in the
//     Brussels-Capital Region), each with its NIS code, its French, Dutch
//     and German names, region, province and arrondissement, a
//     representative coordinate, and a few names in use by hand (English
//     exonyms such as "Antwerp", short forms such as "Molenbeek");
//   - the 1 151 postcodes, each with the municipality it belongs to (1040,
//     1050 and 1060 with two) and the names of its places: sections and
//     former municipalities ("Deurne", "Jambes", "Ledeberg", "Borsbeek");
//   - the 3 regions, 10 provinces and 43 arrondissements with their
//     French, Dutch and German names ([Unit]).
//
// Resolution is described on [Table.Resolve]. Locality.Region is
// "Brussels-Capital", "Flanders" or "Wallonia"; Locality.Province and
// Locality.Arrondissement are NIS codes, named by [Unit].
//
// The tables (88 KB) are parsed once, the first time [Gazetteer] is called
// (about 5 ms of CPU and 4.7 MB allocated, see BenchmarkParse), into maps
// that are never changed afterwards; the package has no other state.
//
// # Sources and attribution
//
// Contains data from GeoNames (www.geonames.org), CC BY 4.0; FPS BOSA –
// BeST Address (opendata.bosa.be), CC BY 4.0; Statbel (Directorate-General
// Statistics – Statistics Belgium), REFNIS code list, Statbel open data
// licence, last update: the code list in force on 1 January 2025 (Statbel's
// 2018 and 2019 lists with the 2019 changes and the 2025 mergers applied).
// The module's NOTICE file lists the exact sources, their versions, their
// licences and the changes made.
package belgium
