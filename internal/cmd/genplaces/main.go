// Command genplaces writes the Belgian gazetteer's embedded tables,
// profile/belgium/municipalities.tsv, postcodes.tsv and units.tsv, from the
// open data in ../shared/data/belgium (see SOURCES.md there and README.md in
// this folder).
//
// Run it from the module's root:
//
//	go run ./internal/cmd/genplaces -src ../shared/data/belgium
//
// -src is the folder holding municipalities.csv, postcodes.csv,
// postcodes_provenance.csv and admin_units.csv (default
// ../shared/data/belgium, relative to the working directory); -o is the
// folder the tables are written to (default profile/belgium).
//
// The output depends only on the source files and the tables in
// aliases.go, so running it again gives the same bytes.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	src := flag.String("src", filepath.Join("..", "shared", "data", "belgium"), "folder of the source CSV files")
	out := flag.String("o", filepath.Join("profile", "belgium"), "folder the tables are written to")
	flag.Parse()
	if err := run(*src, *out); err != nil {
		fmt.Fprintln(os.Stderr, "genplaces:", err)
		os.Exit(1)
	}
}

// run reads the sources in src and writes the tables into out.
func run(src, out string) error {
	files := map[string][]byte{}
	for _, name := range sourceFiles {
		b, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			return err
		}
		files[name] = b
	}
	tables, err := generate(files, aliases)
	if err != nil {
		return err
	}
	for _, name := range tableFiles {
		if err := os.WriteFile(filepath.Join(out, name), tables[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}
