package ledger_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/profile"
)

// codeArg is, for each function that makes a problem from a code given as
// a string literal, the position of that argument, by package folder
// (from the module's root) and function name.
var codeArg = map[string]map[string]int{
	"profile":          {"add": 1},
	"internal/jsondec": {"problem": 1},
	"match":            {"bad": 2, "roundProblem": 2},
	"match/ledger":     {"bad": 1, "eventProblem": 3, "syntax": 1},
	"match/sheet":      {"problem": 3, "fileProblem": 0, "badEntry": 1},
	"scoring":          {"bad": 1, "amount": 2},
}

var snake = regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)

// TestEveryCodeInSource reads the library's source and checks that every
// problem code written there as a literal (a Code or code field, the code
// argument of a package's problem helper, a code returned beside its
// words) has words in profile's catalog: the gathering tests reach most
// codes with inputs, this reaches the rest.
func TestEveryCodeInSource(t *testing.T) {
	known := map[string]bool{}
	for _, c := range profile.ProblemCodes() {
		known[c] = true
	}
	found := map[string]string{}
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if d.IsDir() && (strings.HasPrefix(rel, "examples") || strings.HasPrefix(rel, ".")) && rel != "." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		helpers := codeArg[filepath.ToSlash(filepath.Dir(rel))]
		lit := func(e ast.Expr) {
			if b, ok := e.(*ast.BasicLit); ok && b.Kind == token.STRING {
				if s, err := strconv.Unquote(b.Value); err == nil && snake.MatchString(s) {
					found[s] = fset.Position(b.Pos()).String()
				}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CompositeLit:
				// A Problem of profile or jsondec, or a sheet's cellProblem.
				name := ""
				switch ty := n.Type.(type) {
				case *ast.Ident:
					name = ty.Name
				case *ast.SelectorExpr:
					name = ty.Sel.Name
				}
				if name != "Problem" && name != "cellProblem" {
					return true
				}
				for _, e := range n.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok {
						if k, ok := kv.Key.(*ast.Ident); ok && (k.Name == "Code" || k.Name == "code") {
							lit(kv.Value)
						}
					}
				}
			case *ast.CallExpr:
				name := ""
				switch fn := n.Fun.(type) {
				case *ast.Ident:
					name = fn.Name
				case *ast.SelectorExpr:
					name = fn.Sel.Name
				}
				if i, ok := helpers[name]; ok && i < len(n.Args) {
					lit(n.Args[i])
				}
			case *ast.AssignStmt:
				for k, l := range n.Lhs {
					if s, ok := l.(*ast.SelectorExpr); ok && s.Sel.Name == "Code" && k < len(n.Rhs) {
						lit(n.Rhs[k])
					}
				}
			case *ast.ReturnStmt:
				// A code returned with its words: return "too_long", "longer than …".
				if len(n.Results) >= 2 {
					if b, ok := n.Results[1].(*ast.BasicLit); ok && b.Kind == token.STRING && strings.Contains(b.Value, " ") {
						lit(n.Results[0])
					}
				}
			}
			return true
		})
		return nil
	})
	require.NoError(t, err)
	require.Greater(t, len(found), 100, "the reading finds the codes")
	for code, at := range found {
		assert.True(t, known[code], "code %s (%s) has no words in profile's catalog", code, at)
	}
}
