# Call to Arms — the two commands a new machine needs are `make run` and `make test`.
GO       ?= go
SCENARIO ?= second-battle-of-ds9

.PHONY: run test check vet fmt staticcheck unit fuzz soak deps-test sim bench wasm serve e2e golden wasm-test smoke screenshots

## run: the desktop game on the flagship scenario
run:
	bash scripts/deps.sh run
	$(GO) run ./cmd/ds9 -scenario $(SCENARIO)

## test: every check, installing what it needs on a fresh Debian machine
test: deps-test fmt vet staticcheck unit fuzz wasm-test e2e
	@echo "make test: all checks passed"

deps-test:
	bash scripts/deps.sh test

## fmt: gofmt -l over every Go file git knows (tracked, or new and not
## ignored); a file gofmt cannot parse fails it too
GOFMT = "$$($(GO) env GOROOT)/bin/gofmt"
fmt:
	@files=$$(git ls-files --cached --others --exclude-standard -- '*.go') || { echo "fmt: git ls-files failed"; exit 1; }; \
	files=$$(for f in $$files; do [ -e "$$f" ] && echo "$$f"; done); \
	[ -n "$$files" ] || { echo "fmt: no Go files found"; exit 1; }; \
	out=$$($(GOFMT) -l $$files) || { echo "fmt: gofmt failed (above)"; exit 1; }; \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi; \
	echo "fmt: $$(echo "$$files" | wc -l) Go files are gofmt-clean"

## vet: go vet natively and as js/wasm (the browser build's files; e2e drives
## Chromium and does not build for js/wasm)
vet:
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet $$(GOOS=js GOARCH=wasm $(GO) list ./... | grep -v '/e2e$$')

## staticcheck: natively and as js/wasm; a finding not listed in
## scripts/staticcheck-known.txt fails (see scripts/staticcheck.sh)
staticcheck:
	GO=$(GO) bash scripts/staticcheck.sh

unit:
	CGO_ENABLED=0 $(GO) build -o /dev/null ./cmd/ds9sim
	$(GO) test -count=1 $$($(GO) list ./... | grep -v '/e2e$$')

## fuzz: every Fuzz target of every package (found in the *_test.go files),
## FUZZTIME each. A failing input is written to the package's testdata/fuzz/
## and fails the run; commit it with the fix, as a regression test.
FUZZTIME ?= 10s
# Minimizing each new interesting input takes the fuzzer's time from fuzzing
# (60s by default; an input of FuzzApply plays part of a battle).
FUZZMINIMIZETIME ?= 5s
fuzz:
	GO=$(GO) FUZZTIME=$(FUZZTIME) FUZZMINIMIZETIME=$(FUZZMINIMIZETIME) bash scripts/fuzz.sh

## soak: the long checks, not in make test: the difficulty ladder of every battle over 300
## seeds a pairing (make test plays 10 of two), and every fuzz target for SOAK_FUZZTIME
SOAK_FUZZTIME ?= 3m
soak:
	DS9_SOAK=1 $(GO) test -count=1 -timeout 180m -run '^TestDifficulty$$' -v ./game/ai/
	$(MAKE) fuzz FUZZTIME=$(SOAK_FUZZTIME)

## golden: regenerate the golden replays: the flagship's historical one (and the corrupted copy the
## tests must catch) after the scenario's numbers change
golden:
	$(GO) run ./cmd/golden -o scenarios/replays/second-battle-of-ds9-historical.json -corrupt game/replay/testdata/corrupted-historical.json
	$(GO) run ./cmd/ds9sim play -scenario way-of-the-warrior -seed 1 -o scenarios/replays/way-of-the-warrior.json >/dev/null
	$(GO) run ./cmd/ds9sim play -scenario archanis -seed 2 -o scenarios/replays/archanis.json >/dev/null
	$(GO) run ./cmd/ds9sim play -scenario torros-iii-raid -seed 1 -o scenarios/replays/torros-iii-raid.json >/dev/null
	$(GO) run ./cmd/ds9sim play -scenario operation-return -seed 1 -o scenarios/replays/operation-return.json >/dev/null

## wasm-test: the golden replay tests as WASM under Node; the final checksums
## must equal the native run's
WASM_EXEC = $$($(GO) env GOROOT)/lib/wasm
wasm-test:
	@command -v node >/dev/null || { echo "wasm-test: node is missing (scripts/deps.sh test installs it)"; exit 1; }
	PATH="$(WASM_EXEC):$$PATH" GOOS=js GOARCH=wasm $(GO) test -count=1 ./game/replay/...
	@d=$$(mktemp -d); \
	$(GO) test -count=1 -run '^TestGolden$$' -v ./game/replay/ | grep -o 'golden .*final checksum .*' | sort > $$d/native; \
	PATH="$(WASM_EXEC):$$PATH" GOOS=js GOARCH=wasm $(GO) test -count=1 -run '^TestGolden$$' -v ./game/replay/ | grep -o 'golden .*final checksum .*' | sort > $$d/wasm; \
	test -s $$d/native && diff $$d/native $$d/wasm && sed 's/^/wasm-test: native = wasm: /' $$d/wasm; s=$$?; rm -rf $$d; exit $$s

## smoke: the desktop game under Xvfb (a screenshot of the battle) and the
## proof that drawing the battle allocates nothing per frame (also in `unit`)
smoke:
	bash scripts/deps.sh test
	$(GO) test -count=1 -run 'TestSmokeScreenshot|TestBattleDrawAllocs' -v ./cmd/ds9 ./game/ui/scene

## screenshots: regenerate docs/screenshots/*.png with the game's screenshot mode
SHOT = xvfb-run -a -s "-screen 0 1600x1000x24" ./dist/ds9 -scenario $(SCENARIO) -seed 4 -mute
screenshots:
	bash scripts/deps.sh test
	@mkdir -p docs/screenshots dist
	$(GO) build -o dist/ds9 ./cmd/ds9
	$(SHOT) -scene title -screenshot docs/screenshots/title.png -frames 90
	$(SHOT) -scene briefing -screenshot docs/screenshots/briefing.png -frames 60
	$(SHOT) -autoplay -screenshot docs/screenshots/battle.png -frames 420
	$(SHOT) -side alliance -scene battle -zoom 1.1 -screenshot docs/screenshots/battle-orders.png -frames 120
	$(SHOT) -scene report -screenshot docs/screenshots/report.png -frames 60

## sim: play the flagship battle headless
sim:
	$(GO) run ./cmd/ds9sim play -scenario $(SCENARIO) -seed 1

## bench: the engine's benchmarks
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./game/...

## wasm: the browser build in dist/web: index.html, wasm_exec.js, ds9.wasm and
## ds9.wasm.gz, and what makes it installable and playable offline: the
## service worker sw.js, manifest.webmanifest and the icons (ds9serve -prepare)
WEB_OUT ?= dist/web
wasm:
	@mkdir -p $(WEB_OUT)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o $(WEB_OUT)/ds9.wasm.tmp ./cmd/ds9
	@mv $(WEB_OUT)/ds9.wasm.tmp $(WEB_OUT)/ds9.wasm
	@cp "$$($(GO) env GOROOT)/lib/wasm/wasm_exec.js" $(WEB_OUT)/wasm_exec.js
	@$(GO) run ./cmd/ds9serve -prepare -dir $(WEB_OUT) -templates assets/web
	@gzip -9 -n -c $(WEB_OUT)/ds9.wasm > $(WEB_OUT)/ds9.wasm.gz.tmp && mv $(WEB_OUT)/ds9.wasm.gz.tmp $(WEB_OUT)/ds9.wasm.gz
	@echo "wasm: $(WEB_OUT)/ds9.wasm $$(wc -c < $(WEB_OUT)/ds9.wasm) bytes, ds9.wasm.gz $$(wc -c < $(WEB_OUT)/ds9.wasm.gz) bytes"

## serve: serve the browser build (make wasm first) on http://127.0.0.1:8080
serve:
	$(GO) run ./cmd/ds9serve -addr 127.0.0.1:8080 -dir $(WEB_OUT)

## e2e: the end-to-end test of the browser build in headless Chromium
e2e: wasm
	bash scripts/deps.sh e2e
	DS9_E2E=1 DS9_WEB_DIR=$(CURDIR)/$(WEB_OUT) DS9_E2E_SHOTS=$(CURDIR)/dist/e2e $(GO) test -count=1 -timeout 15m -v ./e2e
