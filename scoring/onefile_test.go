package scoring

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/internal/i18n"
)

// sourceFiles parses the package's non-test Go files, by file name.
func sourceFiles(t *testing.T) map[string]*ast.File {
	t.Helper()
	names, err := filepath.Glob("*.go")
	require.NoError(t, err)
	fset := token.NewFileSet()
	out := map[string]*ast.File{}
	for _, n := range names {
		if strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, n, nil, 0)
		require.NoError(t, err, n)
		out[n] = f
	}
	return out
}

// declared is what one file declares at top level: its variables of type
// hardRule or criterion, its constants with their values, and its
// functions and methods.
type declared struct {
	rules, criteria []string
	consts          map[string]string
	funcs           map[string]bool
}

func declarations(f *ast.File) declared {
	d := declared{consts: map[string]string{}, funcs: map[string]bool{}}
	for _, decl := range f.Decls {
		switch decl := decl.(type) {
		case *ast.FuncDecl:
			d.funcs[decl.Name.Name] = true
		case *ast.GenDecl:
			for _, spec := range decl.Specs {
				vs, ok := spec.(*ast.ValueSpec)
				if !ok {
					continue
				}
				for k, name := range vs.Names {
					if k >= len(vs.Values) {
						continue
					}
					switch v := vs.Values[k].(type) {
					case *ast.BasicLit:
						if decl.Tok == token.CONST && v.Kind == token.STRING {
							d.consts[name.Name], _ = strconv.Unquote(v.Value)
						}
					case *ast.CompositeLit:
						if id, ok := v.Type.(*ast.Ident); ok && id.Name == "hardRule" {
							d.rules = append(d.rules, name.Name)
						} else if ok && id.Name == "criterion" {
							d.criteria = append(d.criteria, name.Name)
						}
					}
				}
			}
		}
	}
	return d
}

// tableEntries returns the variables listed in the composite literal of
// the package variable table, in order.
func tableEntries(t *testing.T, files map[string]*ast.File, table string) []string {
	t.Helper()
	var out []string
	found := false
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			vs, ok := n.(*ast.ValueSpec)
			if !ok || len(vs.Names) != 1 || vs.Names[0].Name != table || len(vs.Values) != 1 {
				return true
			}
			found = true
			for _, el := range vs.Values[0].(*ast.CompositeLit).Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					el = kv.Value
				}
				out = append(out, el.(*ast.Ident).Name)
			}
			return false
		})
	}
	require.True(t, found, "table %s", table)
	return out
}

// scoreCalls returns the names of the functions and methods that
// pool.score calls.
func scoreCalls(t *testing.T, files map[string]*ast.File) map[string]bool {
	t.Helper()
	calls := map[string]bool{}
	for _, f := range files {
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Name.Name != "score" || fd.Recv == nil {
				continue
			}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if c, ok := n.(*ast.CallExpr); ok {
					switch fn := c.Fun.(type) {
					case *ast.Ident:
						calls[fn.Name] = true
					case *ast.SelectorExpr:
						calls[fn.Sel.Name] = true
					}
				}
				return true
			})
		}
	}
	require.NotEmpty(t, calls, "pool.score not found")
	return calls
}

// TestRulesAndCriteriaInOneFile checks that each hard rule and each
// criterion is defined in one place: its file (rule_<name>.go,
// criterion_<name>.go) declares exactly one rule or criterion, with the
// code or name of its exported constant; that variable is listed exactly
// once in its table; the scoring loop (pool.score) calls a check or a
// value of each file and nothing defined elsewhere; and its words, keyed
// by its code or name, have a label and a text in every language.
func TestRulesAndCriteriaInOneFile(t *testing.T) {
	files := sourceFiles(t)
	calls := scoreCalls(t, files)
	// Called by the loop but no rule's nor criterion's own: the sum of
	// the contributions and -Inf.
	shared := map[string]bool{"total": true, "Inf": true}
	// Files the loop need not call, with the reason.
	notCalled := map[string]string{
		"rule_excluded.go":        "a Pool applies exclusions after the rules, since a Scorer knows no pairs",
		"criterion_experience.go": "the sector's search (pool.sector) finds the sector whose years it reads",
	}

	for _, kind := range []struct {
		prefix, table, constPrefix string
		vars                       func(declared) []string
		keys                       []string // the runtime table's codes or names, in order
		words                      [][]word
	}{
		{"rule_", "hardRules", "Code", func(d declared) []string { return d.rules }, ruleCodes(), ruleWords()},
		{"criterion_", "criteria", "Criterion", func(d declared) []string { return d.criteria }, criterionNames[:], criterionWords()},
	} {
		entries := tableEntries(t, files, kind.table)
		require.Len(t, entries, len(kind.keys), kind.table)
		listed := map[string]int{}
		for _, e := range entries {
			listed[e]++
		}
		inFile := map[string]string{} // variable -> file
		for name, f := range files {
			d := declarations(f)
			vars := kind.vars(d)
			if !strings.HasPrefix(name, kind.prefix) {
				assert.Empty(t, vars, "%s declares a %s outside a %s*.go file", name, kind.table, kind.prefix)
				continue
			}
			if !assert.Len(t, vars, 1, "%s declares exactly one entry of %s", name, kind.table) {
				continue
			}
			v := vars[0]
			inFile[v] = name
			assert.Equal(t, 1, listed[v], "%s: %s is listed once in %s", name, v, kind.table)
			// Its code or name is an exported constant of the file.
			var codes []string
			for c, val := range d.consts {
				if strings.HasPrefix(c, kind.constPrefix) && c != "CodeInvalidScorer" {
					codes = append(codes, val)
				}
			}
			if assert.Len(t, codes, 1, "%s declares exactly one %s* constant", name, kind.constPrefix) {
				k := indexOf(entries, v)
				if k >= 0 {
					assert.Equal(t, codes[0], kind.keys[k], "%s: the table's entry %d is the file's", name, k)
				}
			}
			// The loop calls the file's check or value.
			called := false
			for fn := range d.funcs {
				called = called || calls[fn]
			}
			if reason, ok := notCalled[name]; ok {
				assert.False(t, called, "%s: %s", name, reason)
			} else {
				assert.True(t, called, "%s: pool.score calls none of its functions", name)
			}
		}
		for _, e := range entries {
			assert.Contains(t, inFile, e, "%s lists %s, which no %s*.go file declares", kind.table, e, kind.prefix)
		}
		// Words: every key under the code or name, a label and the code's
		// own message for a rule, a text in every language.
		for k, ws := range kind.words {
			key := kind.keys[k]
			have := map[string]bool{}
			for _, w := range ws {
				have[w.Key] = true
				assert.True(t, w.Key == key || strings.HasPrefix(w.Key, key+"."), "%s: key %s is not under its code", key, w.Key)
				texts := []i18n.Text{w.Text}
				if w.Count > 0 {
					texts = []i18n.Text{w.One, w.Other}
				}
				for _, tx := range texts {
					for _, s := range []string{tx.En, tx.Fr, tx.Nl, tx.De} {
						assert.NotEmpty(t, s, "%s: a language lacks its words", w.Key)
					}
				}
			}
			assert.True(t, have[key+".label"], "%s has no label", key)
			if kind.table == "hardRules" {
				assert.True(t, have[key], "%s has no message of its own", key)
			}
		}
	}

	// Every function the loop calls is a rule's or a criterion's.
	own := map[string]bool{}
	for name, f := range files {
		if strings.HasPrefix(name, "rule_") || strings.HasPrefix(name, "criterion_") {
			for fn := range declarations(f).funcs {
				own[fn] = true
			}
		}
	}
	for fn := range calls {
		assert.True(t, own[fn] || shared[fn], "pool.score calls %s, which no rule_*.go or criterion_*.go file defines", fn)
	}
}

func ruleCodes() []string {
	out := make([]string, len(hardRules))
	for k, r := range hardRules {
		out[k] = r.code
	}
	return out
}

func ruleWords() [][]word {
	out := make([][]word, len(hardRules))
	for k, r := range hardRules {
		out[k] = r.words
	}
	return out
}

func criterionWords() [][]word {
	out := make([][]word, len(criteria))
	for k, c := range criteria {
		out[k] = c.words
	}
	return out
}

func indexOf(list []string, s string) int {
	for k, x := range list {
		if x == s {
			return k
		}
	}
	return -1
}
