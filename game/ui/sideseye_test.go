package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// stateHolders are the only files of the scenes and the play model that may
// refer to the battle's state: the Session, which keeps it and hands out a
// side's view and what the side is told.
var stateHolders = map[string]bool{
	"play/session.go": true,
}

// TestSidesEyeOnly: the scenes and the play model learn of a battle only
// through the engine's side's-eye API (a View, the events a side is told, the
// summary). No file of game/ui/scene or game/ui/play but play/session.go
// names the type rules.State or selects a State from anything (a recorder's
// State(), a replay.Told's State, the Session's own state()), tests aside (they may check the views
// against the battle itself). A check of the syntax, as TestNoPackageState.
func TestSidesEyeOnly(t *testing.T) {
	fset := token.NewFileSet()
	checked := 0
	for _, p := range goFiles(t) {
		rel := filepath.ToSlash(p)
		if !strings.HasPrefix(rel, "scene/") && !strings.HasPrefix(rel, "play/") {
			continue
		}
		checked++
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		rulesName := ""
		for _, im := range f.Imports {
			if path, _ := strconv.Unquote(im.Path.Value); path == "github.com/calltoarms/ds9/game/rules" {
				rulesName = "rules"
				if im.Name != nil {
					rulesName = im.Name.Name
				}
			}
		}
		found := 0
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "State" && sel.Sel.Name != "state" {
				return true
			}
			found++
			if stateHolders[rel] {
				return true
			}
			if id, ok := sel.X.(*ast.Ident); ok && rulesName != "" && id.Name == rulesName {
				t.Errorf("%s: refers to %s.State: read the side's View, the events it is told, or the Session's Public and Summary", fset.Position(sel.Pos()), rulesName)
			} else {
				t.Errorf("%s: selects .%s: the battle's state stays in the Session (play/session.go)", fset.Position(sel.Pos()), sel.Sel.Name)
			}
			return true
		})
		if stateHolders[rel] && found == 0 {
			t.Errorf("%s holds the battle's state, yet refers to no State: take it out of stateHolders", rel)
		}
	}
	if checked < 15 {
		t.Fatalf("only %d files of game/ui/scene and game/ui/play checked", checked)
	}
}
