#!/usr/bin/env bash
# Runs staticcheck over every package, natively and as js/wasm (so that the
# browser build's *_js.go files are checked too), and fails on any finding
# that scripts/staticcheck-known.txt does not list.
#
# The known list holds findings in files whose owners have still to fix them,
# one a line as "file: message (check)" -- without the line and column, so that
# edits elsewhere in the file do not break the match. A listed finding that no
# longer occurs is reported, to be deleted from the list. Once the list is
# empty, every finding fails `make test`.
set -uo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}

bin=${STATICCHECK:-}
if [ -z "$bin" ]; then
  gobin=$($GO env GOBIN)
  [ -n "$gobin" ] || gobin=$($GO env GOPATH)/bin
  if [ -x "$gobin/staticcheck" ]; then bin=$gobin/staticcheck; else bin=$(command -v staticcheck || true); fi
fi
if [ -z "$bin" ]; then
  echo "staticcheck: not installed (bash scripts/deps.sh test installs it)" >&2
  exit 1
fi

known=scripts/staticcheck-known.txt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# check LABEL [ENV=VALUE...] -- PACKAGES...: staticcheck's findings, one a line.
check() {
  local label=$1; shift
  local envs=()
  while [ "$1" != -- ]; do envs+=("$1"); shift; done
  shift
  env "${envs[@]}" "$bin" -f text "$@" > "$tmp/$label.out" 2>&1
  local rc=$?
  # Lines that start with a tab add related information to the finding above.
  grep -v $'^\t' "$tmp/$label.out" > "$tmp/$label.findings" || true
  if grep -Ev '^[^ :]+:[0-9]+:[0-9]+: ' "$tmp/$label.findings" > "$tmp/$label.odd"; then
    echo "staticcheck ($label) failed:" >&2
    cat "$tmp/$label.out" >&2
    exit 1
  fi
  if [ $rc -ne 0 ] && [ ! -s "$tmp/$label.findings" ]; then
    echo "staticcheck ($label) exited $rc without a finding:" >&2
    cat "$tmp/$label.out" >&2
    exit 1
  fi
}

check native -- ./...
# e2e drives Chromium with chromedp, which does not build for js/wasm.
wasm_pkgs=$(GOOS=js GOARCH=wasm $GO list ./... | grep -v '/e2e$')
# shellcheck disable=SC2086
check wasm GOOS=js GOARCH=wasm -- $wasm_pkgs

# The same finding seen by both runs counts once. A finding is matched with
# the known list by its file's base name and its message, so that a file moved
# to another folder (game/ui is being split) keeps its entries.
sort -u "$tmp/native.findings" "$tmp/wasm.findings" > "$tmp/all"
{ grep -v '^#' "$known" 2>/dev/null | grep -v '^[[:space:]]*$' || true; } > "$tmp/known"

awk -v tmp="$tmp" '
  function key(file, msg) { sub(/.*\//, "", file); return file ": " msg }
  FNR == NR {                      # the known list: "file: message"
    i = index($0, ": ")
    k = key(substr($0, 1, i - 1), substr($0, i + 2))
    want[k]++; line[k] = $0
    next
  }
  {                                # a finding: "file:line:col: message"
    split($0, f, ":")
    msg = $0; sub(/^[^:]+:[0-9]+:[0-9]+: /, "", msg)
    k = key(f[1], msg)
    if (want[k] > 0) { want[k]--; print "  " $0 > (tmp "/still") }
    else print "  " $0 > (tmp "/new")
  }
  END { for (k in want) if (want[k] > 0) print "  " line[k] > (tmp "/gone") }
' "$tmp/known" "$tmp/all"

if [ -s "$tmp/still" ]; then
  echo "staticcheck: $(wc -l < "$tmp/still") known finding(s) still to fix ($known):"
  cat "$tmp/still"
fi
if [ -s "$tmp/gone" ]; then
  echo "staticcheck: fixed now, delete from $known:"
  cat "$tmp/gone"
fi
if [ -s "$tmp/new" ]; then
  echo "staticcheck: new finding(s):" >&2
  cat "$tmp/new" >&2
  exit 1
fi
echo "staticcheck: no new findings"
