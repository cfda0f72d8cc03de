# Call to Arms — the two commands a new machine needs are `make run` and `make test`.
GO       ?= go
SCENARIO ?= second-battle-of-ds9

.PHONY: run test check vet fmt unit deps-test sim bench

## run: the desktop game on the flagship scenario
run:
	bash scripts/deps.sh run
	$(GO) run ./cmd/ds9 -scenario $(SCENARIO)

## test: every check, installing what it needs on a fresh Debian machine
test: deps-test fmt vet unit
	@echo "make test: all checks passed"

deps-test:
	bash scripts/deps.sh test

fmt:
	@out=$$(gofmt -l game cmd scenarios assets 2>/dev/null); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

unit:
	CGO_ENABLED=0 $(GO) build -o /dev/null ./cmd/ds9sim
	$(GO) test -count=1 ./...

## sim: play the flagship battle headless
sim:
	$(GO) run ./cmd/ds9sim play -scenario $(SCENARIO) -seed 1

## bench: the engine's benchmarks
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./game/...
