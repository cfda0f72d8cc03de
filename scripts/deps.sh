#!/usr/bin/env bash
# Installs what `make run` or `make test` needs on a Debian machine, when it is
# missing. As root it uses apt-get; otherwise it says what to install. Go
# tools (staticcheck) are installed with `go install` into $(go env GOPATH)/bin.
set -euo pipefail
what=${1:-test}

need=()
have() { command -v "$1" >/dev/null 2>&1; }
pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

if ! have go; then
  echo "deps: Go is not installed; install Go 1.26.8 or newer from the Go project" >&2
  exit 1
fi

# staticcheck, pinned (2026.2.2 = v0.8.2, the latest release when this was
# written, builds with Go 1.26): scripts/staticcheck.sh runs it.
STATICCHECK_VERSION=v0.8.2
staticcheck_tool() {
  local gobin
  gobin=$(go env GOBIN)
  [ -n "$gobin" ] || gobin=$(go env GOPATH)/bin
  if "$gobin/staticcheck" -version 2>/dev/null | grep -q "(${STATICCHECK_VERSION#v})"; then
    return
  fi
  echo "deps: go install honnef.co/go/tools/cmd/staticcheck@$STATICCHECK_VERSION"
  go install "honnef.co/go/tools/cmd/staticcheck@$STATICCHECK_VERSION"
}

case "$what" in
  run)
    for p in libgl1 libgl1-mesa-dri; do pkg_installed "$p" || need+=("$p"); done
    ;;
  test)
    staticcheck_tool
    for p in xvfb xauth libgl1 libgl1-mesa-dri; do pkg_installed "$p" || need+=("$p"); done
    have node || need+=(nodejs) # the WASM golden-replay tests run under Node
    # chromium: the browser build's end-to-end test (make e2e).
    have chromium || pkg_installed chromium || need+=(chromium)
    ;;
  e2e)
    have chromium || pkg_installed chromium || need+=(chromium)
    ;;
esac

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if ! have apt-get; then
  echo "deps: please install: ${need[*]}" >&2
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "deps: missing Debian packages: ${need[*]} (run: sudo apt-get install ${need[*]})" >&2
  exit 1
fi
echo "deps: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
