package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// readOnlyTables are the only package-level variables game/ui and its
// packages may have: tables of data, written once by their declaration and
// never again (TestNoPackageState checks that nothing assigns to them).
// Everything else that changes lives in values the game owns.
var readOnlyTables = map[string]string{
	"input.bindings":        "the key bindings: which key means which command",
	"scene.actionButtons":   "the action bar's buttons: action, label, key and tooltip",
	"scene.wingButtons":     "the action bar's buttons with a wing selected",
	"scene.stationButtons":  "the action bar's buttons with the side's own station selected",
	"scene.replayButtons":   "the replay viewer's buttons",
	"scene.playbackButtons": "the buttons of the enemy phase's playback",
	"play.ErrNoUndo":        "a sentinel error for errors.Is (errors.New cannot be a constant)",
	"scene.ErrUsage":        "a sentinel error: a bad setting (the desktop exits 2)",
	"saves.ErrNotFound":     "a sentinel error: no such save",
	"saves.ErrNoClipboard":  "a sentinel error: no clipboard to copy a link to",
	"saves.ErrNoDownload":   "a sentinel error: no downloads outside a browser",
}

// TestNoPackageState: no package-level mutable state anywhere in game/ui.
// Every package-level var is listed in readOnlyTables, nothing assigns to one
// of them (or takes its address) after its declaration, and there is no
// init function. A heuristic over the syntax, not a type check: a local
// variable named like a package-level one is not told apart, so give it
// another name.
func TestNoPackageState(t *testing.T) {
	fset := token.NewFileSet()
	type pkgFile struct {
		pkg  string // the package's path under game/ui ("" for game/ui itself)
		name string // its name
		file *ast.File
	}
	var files []pkgFile
	for _, p := range goFiles(t) {
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, pkgFile{pkg: filepath.ToSlash(filepath.Dir(p)), name: f.Name.Name, file: f})
	}
	// Package-level vars, by package name.
	vars := map[string]map[string]token.Pos{}
	for _, f := range files {
		for _, d := range f.file.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil && d.Name.Name == "init" {
					t.Errorf("%s: an init function (package state set up at start)", fset.Position(d.Pos()))
				}
			case *ast.GenDecl:
				if d.Tok != token.VAR {
					continue
				}
				for _, s := range d.Specs {
					for _, n := range s.(*ast.ValueSpec).Names {
						if n.Name == "_" {
							continue
						}
						if vars[f.name] == nil {
							vars[f.name] = map[string]token.Pos{}
						}
						vars[f.name][n.Name] = n.Pos()
					}
				}
			}
		}
	}
	var found []string
	for pkg, vs := range vars {
		for name, pos := range vs {
			key := pkg + "." + name
			found = append(found, key)
			if _, ok := readOnlyTables[key]; !ok {
				t.Errorf("%s: package-level var %s: keep it in a value the game owns, make it a constant or a function, or (a read-only table) add it to readOnlyTables with the reason", fset.Position(pos), key)
			}
		}
	}
	sort.Strings(found)
	t.Logf("package-level vars: %s", strings.Join(found, ", "))
	for key := range readOnlyTables {
		pkg, name, _ := strings.Cut(key, ".")
		if _, ok := vars[pkg][name]; !ok {
			t.Errorf("readOnlyTables lists %s, which does not exist: take it out", key)
		}
	}
	// Writes: in every function, an assignment, ++/--, a range assignment or
	// an address taken whose root is a package-level var (of the function's
	// own package by name, or of another game/ui package through its import).
	for _, f := range files {
		imports := map[string]string{} // local name -> package name under game/ui
		for _, im := range f.file.Imports {
			p, _ := strconv.Unquote(im.Path.Value)
			rest, ok := strings.CutPrefix(p, "github.com/calltoarms/ds9/game/ui/")
			if !ok {
				continue
			}
			local := filepath.Base(rest)
			if im.Name != nil {
				local = im.Name.Name
			}
			imports[local] = filepath.Base(rest)
		}
		ast.Inspect(f.file, func(n ast.Node) bool {
			fn, ok := n.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				return true
			}
			locals := localNames(fn)
			written := func(e ast.Expr) {
				id, sel, ok := root(e)
				if !ok || locals[id] {
					return
				}
				pkg, name := f.name, id
				if imported := imports[id]; imported != "" {
					pkg, name = imported, sel
				}
				if _, isVar := vars[pkg][name]; isVar {
					t.Errorf("%s: %s writes the package-level var %s.%s", fset.Position(e.Pos()), fn.Name.Name, pkg, name)
				}
			}
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				switch s := n.(type) {
				case *ast.AssignStmt:
					for _, l := range s.Lhs {
						written(l)
					}
				case *ast.IncDecStmt:
					written(s.X)
				case *ast.RangeStmt:
					if s.Tok == token.ASSIGN {
						if s.Key != nil {
							written(s.Key)
						}
						if s.Value != nil {
							written(s.Value)
						}
					}
				case *ast.UnaryExpr:
					if s.Op == token.AND {
						written(s.X)
					}
				}
				return true
			})
			return false
		})
	}
}

// root is the identifier an expression writes through (x in x, x.f, x[i],
// (*x).f) and, when a selector follows it, that selector's name (V in
// pkg.V.f, for a variable of an imported package).
func root(e ast.Expr) (id, sel string, ok bool) {
	for {
		switch x := e.(type) {
		case *ast.Ident:
			return x.Name, sel, true
		case *ast.SelectorExpr:
			sel, e = x.Sel.Name, x.X
		case *ast.IndexExpr:
			sel, e = "", x.X
		case *ast.IndexListExpr:
			sel, e = "", x.X
		case *ast.StarExpr:
			sel, e = "", x.X
		case *ast.ParenExpr:
			e = x.X
		default:
			return "", "", false
		}
	}
}

// localNames are the names a function declares: receiver, parameters,
// results, and every variable it defines (:=, var, range).
func localNames(fn *ast.FuncDecl) map[string]bool {
	out := map[string]bool{}
	fields := func(fl *ast.FieldList) {
		if fl == nil {
			return
		}
		for _, f := range fl.List {
			for _, n := range f.Names {
				out[n.Name] = true
			}
		}
	}
	fields(fn.Recv)
	fields(fn.Type.Params)
	fields(fn.Type.Results)
	ast.Inspect(fn.Body, func(n ast.Node) bool {
		switch s := n.(type) {
		case *ast.AssignStmt:
			if s.Tok == token.DEFINE {
				for _, l := range s.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						out[id.Name] = true
					}
				}
			}
		case *ast.RangeStmt:
			if s.Tok == token.DEFINE {
				for _, e := range []ast.Expr{s.Key, s.Value} {
					if id, ok := e.(*ast.Ident); ok {
						out[id.Name] = true
					}
				}
			}
		case *ast.ValueSpec:
			for _, n := range s.Names {
				out[n.Name] = true
			}
		case *ast.FuncLit:
			fields(s.Type.Params)
			fields(s.Type.Results)
		}
		return true
	})
	return out
}
