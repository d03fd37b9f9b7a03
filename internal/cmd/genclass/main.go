// Command genclass writes the embedded code tables of packages profile/nace
// and profile/isco from the classification files in
// ../shared/data/classifications (see SOURCES.md there for where each file
// comes from and how it was changed):
//
//	go run ./internal/cmd/genclass -src ../shared/data/classifications
//
// run from the module's root. It writes, each a UTF-8 TSV with a header:
//
//   - profile/nace/rev2.tsv: NACE Rev. 2, 996 codes on 4 levels;
//   - profile/nace/rev21.tsv: NACE Rev. 2.1, 1047 codes on 4 levels;
//   - profile/nace/nacebel2025.tsv: NACEBEL 2025, 2024 codes on 5 levels.
//     Levels 1 to 4 are the codes of NACE Rev. 2.1; a label cell is left
//     empty where it equals the Rev. 2.1 label in that language (the
//     reader fills it in), which halves the file;
//   - profile/nace/rev21_rev2.tsv: the Eurostat correspondence, one line
//     per Rev. 2.1 code with its Rev. 2 codes separated by spaces (none
//     for 46.89, which Eurostat links to no Rev. 2 class);
//   - profile/isco/isco08.tsv: ISCO-08, 619 codes on 4 levels.
//
// Code tables have the columns code, level, parent, en, fr, nl, de. The
// generator checks what the readers rely on and stops with every problem it
// finds: the columns, a code's form for its level, a parent that exists one
// level up, four non-empty labels, no tab or line break in a cell, no
// duplicate code, NACEBEL's levels 1 to 4 equal to Rev. 2.1's codes, and a
// correspondence whose codes exist on the same level and that names every
// code of both revisions. Rows keep the source's order. The output
// depends only on the input files, so running it again gives the same
// bytes; a test checks the committed tables against the source when the
// source folder is there.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	src := flag.String("src", "../shared/data/classifications", "folder holding the classification CSV files")
	root := flag.String("o", ".", "module root to write the tables under")
	flag.Parse()
	if err := run(*src, *root); err != nil {
		fmt.Fprintln(os.Stderr, "genclass:", err)
		os.Exit(1)
	}
}

// outputs maps each output file, relative to the module root, to its bytes.
type outputs map[string][]byte

func run(src, root string) error {
	out, err := generate(src)
	if err != nil {
		return err
	}
	for _, name := range sortedKeys(out) {
		path := filepath.Join(root, name)
		if err := os.WriteFile(path, out[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}
