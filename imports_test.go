// Package deps_test holds the project's import plan and the test that the
// packages keep to it: which project packages each package may import, which
// packages may import the front end, and which must never depend on
// Ebitengine.
package deps_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/calltoarms/ds9"

// below is what the front end may use: every package under it.
var below = []string{"game/hex", "game/rules", "game/scenario", "game/ai/...", "game/replay", "game/campaign", "scenarios", "campaigns", "assets"}

// plan lists every project package (by its path in the module; "x/..." is x
// and every package under it) and the project packages its non-test files may
// import. A package matches its most specific entry: an exact path before a
// pattern, a longer pattern before a shorter. A package no entry matches fails
// the test: add it here.
//
// noEbiten: the package must not depend on Ebitengine, directly or through
// another package. optional: the entry may match no package (yet).
var plan = []struct {
	pkg      string
	imports  []string
	noEbiten bool
	optional bool
}{
	{pkg: ".", noEbiten: true}, // this test
	{pkg: "scenarios", noEbiten: true},
	{pkg: "assets", noEbiten: true},
	{pkg: "campaigns", noEbiten: true},
	{pkg: "web", noEbiten: true},
	{pkg: "game/hex", noEbiten: true},
	{pkg: "game/rules", imports: []string{"game/hex"}, noEbiten: true},
	{pkg: "game/scenario", imports: []string{"game/rules", "game/hex"}, noEbiten: true},
	{pkg: "game/ai", imports: []string{"game/rules", "game/hex"}, noEbiten: true},
	{pkg: "game/replay", imports: []string{"game/rules", "game/scenario", "game/hex"}, noEbiten: true},
	{pkg: "game/campaign", imports: []string{"game/ai", "game/rules", "game/scenario", "game/hex"}, noEbiten: true},
	// The historical commanders stand beside the others; they also record
	// and check the golden replay they play.
	{pkg: "game/ai/historical", imports: []string{"game/ai", "game/replay", "game/rules", "game/scenario", "game/hex"}, noEbiten: true},
	{pkg: "cmd/golden", imports: []string{"game/ai/...", "game/replay", "game/scenario", "game/rules", "scenarios"}, noEbiten: true},
	// The front end, however it is split into game/ui/<sub> packages: they may
	// import each other and everything below.
	{pkg: "game/ui/...", imports: append([]string{"game/ui/..."}, below...)},
	// The play model (orders, selection, undo) is plain Go, testable without a
	// display; enforced once the package exists.
	{pkg: "game/ui/play", imports: append([]string{"game/ui/..."}, below...), noEbiten: true, optional: true},
	{pkg: "cmd/ds9", imports: append([]string{"game/ui/..."}, below...)},
	{pkg: "cmd/ds9sim", imports: below, noEbiten: true},
	{pkg: "cmd/ds9serve", imports: []string{"web"}, noEbiten: true},
	{pkg: "e2e", imports: []string{"web"}},
}

// importedOnlyBy: the packages matching the key may be imported, by non-test
// and test files alike, only by the packages matching one of the values.
var importedOnlyBy = map[string][]string{
	"game/ui/...": {"game/ui/...", "cmd/ds9", "e2e"},
	"cmd/...":     {}, // commands are programs, not libraries
}

// ebitenPrefixes name Ebitengine and the modules it is made of.
var ebitenPrefixes = []string{"github.com/hajimehoshi/ebiten", "github.com/ebitengine/"}

func isEbiten(path string) bool {
	return slices.ContainsFunc(ebitenPrefixes, func(p string) bool { return strings.HasPrefix(path, p) })
}

// ebitenDeps are the Ebitengine packages among a package's dependencies.
func ebitenDeps(p pkgInfo) []string {
	var out []string
	for _, d := range p.Deps {
		if isEbiten(d) {
			out = append(out, d)
		}
	}
	// The engine itself first, then its parts and its own modules.
	slices.SortFunc(out, func(a, b string) int {
		if ia, ib := strings.HasPrefix(a, ebitenPrefixes[0]), strings.HasPrefix(b, ebitenPrefixes[0]); ia != ib {
			if ia {
				return -1
			}
			return 1
		}
		return strings.Compare(a, b)
	})
	return out
}

type pkgInfo struct {
	ImportPath   string
	Imports      []string
	TestImports  []string
	XTestImports []string
	Deps         []string
}

// rel is the package's path in the module ("." for the module's root), or ""
// for a package of another module.
func rel(path string) string {
	switch {
	case path == module:
		return "."
	case strings.HasPrefix(path, module+"/"):
		return strings.TrimPrefix(path, module+"/")
	}
	return ""
}

// match reports whether a package path matches a pattern.
func match(pattern, pkg string) bool {
	if base, ok := strings.CutSuffix(pattern, "/..."); ok {
		return pkg == base || strings.HasPrefix(pkg, base+"/")
	}
	return pkg == pattern
}

func matchAny(patterns []string, pkg string) bool {
	return slices.ContainsFunc(patterns, func(p string) bool { return match(p, pkg) })
}

// specificity orders plan entries: exact paths first, then longer patterns.
func specificity(pattern string) int {
	if base, ok := strings.CutSuffix(pattern, "/..."); ok {
		return len(base)
	}
	return 1 << 20
}

// entry returns the index of the plan entry for a package, or -1.
func entry(pkg string) int {
	best := -1
	for i, e := range plan {
		if match(e.pkg, pkg) && (best < 0 || specificity(e.pkg) > specificity(plan[best].pkg)) {
			best = i
		}
	}
	return best
}

// list runs go list over the module for a platform ("" for the host's).
func list(t *testing.T, goos, goarch string) []pkgInfo {
	t.Helper()
	cmd := exec.Command("go", "list", "-e", "-json=ImportPath,Imports,TestImports,XTestImports,Deps", "./...")
	cmd.Env = os.Environ()
	if goos != "" {
		cmd.Env = append(cmd.Env, "GOOS="+goos, "GOARCH="+goarch)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	var pkgs []pkgInfo
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		var p pkgInfo
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs
}

// checkPlan returns every way the packages break the plan.
func checkPlan(pkgs []pkgInfo) []string {
	var errs []string
	byPath := map[string]pkgInfo{}
	for _, p := range pkgs {
		byPath[p.ImportPath] = p
	}
	used := make([]bool, len(plan))
	for _, p := range pkgs {
		me := rel(p.ImportPath)
		if me == "" {
			continue
		}
		i := entry(me)
		if i < 0 {
			errs = append(errs, fmt.Sprintf("%s is not in the import plan (imports_test.go): add it", me))
			continue
		}
		used[i] = true
		e := plan[i]
		for _, imp := range p.Imports {
			if r := rel(imp); r != "" && !matchAny(e.imports, r) {
				errs = append(errs, fmt.Sprintf("%s imports %s; the plan allows it %v", me, r, e.imports))
			}
		}
		all := slices.Concat(p.Imports, p.TestImports, p.XTestImports)
		for _, imp := range all {
			r := rel(imp)
			if r == "" || r == me {
				continue
			}
			for target, users := range importedOnlyBy {
				if match(target, r) && !matchAny(users, me) {
					errs = append(errs, fmt.Sprintf("%s imports %s, which only %v may import", me, r, users))
				}
			}
		}
		if e.noEbiten {
			if eb := ebitenDeps(p); len(eb) > 0 {
				var via []string
				for _, imp := range p.Imports {
					if isEbiten(imp) || len(ebitenDeps(byPath[imp])) > 0 {
						via = append(via, imp)
					}
				}
				errs = append(errs, fmt.Sprintf("%s depends on %s (and %d more Ebitengine packages) through its imports %v: it must never depend on Ebitengine",
					me, eb[0], len(eb)-1, via))
			}
		}
	}
	for i, e := range plan {
		if !used[i] && !e.optional {
			errs = append(errs, fmt.Sprintf("the plan's entry %q matches no package: remove or fix it", e.pkg))
		}
	}
	slices.Sort(errs)
	return slices.Compact(errs)
}

// TestImportPlan: every package keeps to the plan, natively and in the browser
// build (js/wasm, whose files differ).
func TestImportPlan(t *testing.T) {
	for _, platform := range [][2]string{{"", ""}, {"js", "wasm"}} {
		name := "native"
		if platform[0] != "" {
			name = platform[0] + "/" + platform[1]
		}
		pkgs := list(t, platform[0], platform[1])
		if !slices.ContainsFunc(pkgs, func(p pkgInfo) bool { return rel(p.ImportPath) == "game/rules" }) {
			t.Fatalf("go list did not list game/rules: %d packages", len(pkgs))
		}
		for _, err := range checkPlan(pkgs) {
			t.Errorf("%s: %s", name, err)
		}
	}
}

// TestImportPlanCatches: the checks fail on packages that break the plan.
func TestImportPlanCatches(t *testing.T) {
	m := func(p string) string { return module + "/" + p }
	bad := []pkgInfo{
		{ImportPath: m("game/hex"), Imports: []string{m("game/rules")}},
		{ImportPath: m("game/rules"), Imports: []string{m("game/hex"), m("game/scenario")}},
		{ImportPath: m("game/ai"), Imports: []string{m("game/rules")}, XTestImports: []string{m("game/ui")}, Deps: []string{"github.com/ebitengine/purego"}},
		{ImportPath: m("cmd/ds9sim"), Imports: []string{m("game/ai"), "fmt"}, Deps: []string{m("game/ai"), "fmt", "github.com/hajimehoshi/ebiten/v2"}},
		{ImportPath: m("game/ui/play"), Deps: []string{"github.com/hajimehoshi/ebiten/v2"}},
		{ImportPath: m("game/ui/hud"), Imports: []string{m("game/ui/play"), m("cmd/ds9")}},
		{ImportPath: m("game/newthing")},
	}
	want := []string{
		"game/hex imports game/rules",
		"game/rules imports game/scenario",
		"game/ai imports game/ui, which only",
		"cmd/ds9sim depends on github.com/hajimehoshi/ebiten/v2 (and 0 more Ebitengine packages) through its imports [" + m("game/ai") + "]",
		"game/ai depends on github.com/ebitengine/purego",
		"game/ui/play depends on github.com/hajimehoshi/ebiten/v2",
		"game/ui/hud imports cmd/ds9; the plan",
		"game/ui/hud imports cmd/ds9, which only",
		"game/newthing is not in the import plan",
		`entry "web" matches no package`,
	}
	errs := strings.Join(checkPlan(bad), "\n")
	for _, w := range want {
		if !strings.Contains(errs, w) {
			t.Errorf("the check does not say %q; it says:\n%s", w, errs)
		}
	}
	if strings.Contains(errs, "game/ui/hud imports game/ui/play") {
		t.Errorf("game/ui/<sub> packages may import each other:\n%s", errs)
	}
}
