package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"testing"

	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/scenarios"
)

// TestNoBattleFactsInCode: the front end knows no battle. No string literal
// in game/ui (tests aside) names what a scenario names: the battle, a side,
// a commander, whoever offers the terms, a unit, a station section or a wing;
// nor a unit's or a ship class's id. The names come from the scenario.
func TestNoBattleFactsInCode(t *testing.T) {
	all, err := scenario.All(scenarios.FS)
	if err != nil {
		t.Fatal(err)
	}
	contains := map[string]string{} // a fact no literal may contain -> where it comes from
	exact := map[string]string{}    // an id no literal may be
	add := func(m map[string]string, s, from string) {
		if s = strings.TrimSpace(s); len(s) >= 3 {
			m[s] = from
		}
	}
	surname := func(name string) string {
		f := strings.Fields(name)
		if len(f) < 2 {
			return ""
		}
		return f[len(f)-1]
	}
	for _, sc := range all {
		add(contains, sc.Name, sc.ID+": the battle's name")
		for _, si := range sc.Sides {
			add(contains, si.Name, sc.ID+": a side's name")
			add(contains, si.Commander, sc.ID+": a commander")
			add(contains, surname(si.Commander), sc.ID+": a commander's name")
		}
		if sc.Terms != nil {
			add(contains, sc.Terms.From, sc.ID+": who offers the terms")
			add(contains, surname(sc.Terms.From), sc.ID+": who offers the terms")
		}
		for _, sh := range sc.Setup.Ships {
			if sh.Key != "" {
				add(contains, sh.Name, sc.ID+": a unit")
				add(exact, sh.Key, sc.ID+": a unit's id")
			}
		}
		for _, w := range sc.Setup.Wings {
			add(contains, w.Name, sc.ID+": a wing")
		}
		for _, c := range sc.Setup.Classes {
			add(exact, c.ID, sc.ID+": a ship class's id")
			for _, s := range c.Sections {
				add(contains, s.Name, sc.ID+": a station section")
				if i := strings.LastIndex(s.Name, ","); i >= 0 {
					add(contains, s.Name[i+1:], sc.ID+": a station section")
				}
			}
		}
	}
	delete(exact, "ds9") // the program's name as well (window.ds9, the page's API)
	if len(contains) < 5 {
		t.Fatalf("only %d facts read from the scenarios", len(contains))
	}
	fset := token.NewFileSet()
	for _, name := range goFiles(t) {
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				return true
			}
			if from, ok := exact[s]; ok {
				t.Errorf("%s: %q is %s", fset.Position(lit.Pos()), s, from)
			}
			low := strings.ToLower(s)
			for fact, from := range contains {
				if strings.Contains(low, strings.ToLower(fact)) {
					t.Errorf("%s: %q names %q, %s", fset.Position(lit.Pos()), s, fact, from)
				}
			}
			return true
		})
	}
}
