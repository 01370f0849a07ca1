#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine for this project: the runtimes the examples need,
# Chromium and Firefox ESR for the browser tests, the npm dependencies on the project's pinned Node 24, and
# each example's SDK (Python, Java, Go from their registries; the doubles built).
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# command → Debian package that provides it
declare -A needs=(
  [php]=php-cli [ruby]=ruby [mono]=mono-devel [mcs]=mono-devel [cert-sync]=mono-devel
  [java]=openjdk-17-jdk-headless [javac]=openjdk-17-jdk-headless [keytool]=openjdk-17-jdk-headless [mvn]=maven
  [python3]=python3 [curl]=curl [jq]=jq [openssl]=openssl [unshare]=util-linux [ip]=iproute2 [chromium]=chromium [firefox-esr]=firefox-esr
)
missing=()
for command in "${!needs[@]}"; do
  command -v "$command" >/dev/null 2>&1 || missing+=("${needs[$command]}")
done
# PHP's curl extension is a package of its own.
php -m 2>/dev/null | grep -qx curl || missing+=(php-curl)
# Go: on PATH, else where Go's own archive installs it (a CI shell's PATH may not name it), else
# Debian's golang-go: Go 1.19 on Debian 12, new enough (the examples' go.mod asks for 1.18).
# scripts/verify/runners/go.ts looks in the same places.
go_bin=$(command -v go || true)
if [ -z "$go_bin" ] && [ -x /usr/local/go/bin/go ]; then go_bin=/usr/local/go/bin/go; fi
[ -n "$go_bin" ] || missing+=(golang-go)
if ((${#missing[@]} > 0)); then
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
  echo "setup: installing ${missing[*]}"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
python3 -c 'import venv, ensurepip' 2>/dev/null || { echo "setup: python3 cannot make virtualenvs; install python3-venv" >&2; exit 1; }

# npm itself must run on Node 24 for a clean install (the machine's Node may be older):
# borrow the same pinned binary from the `node` package, then install.
node_version=$(node -p 'require("./package.json").devDependencies.node')
npm exec --yes --package="node@${node_version}" -- npm ci --no-audit --no-fund

# actionlint, which `npm run lint` runs on the GitHub Actions workflow: a Go module, built into .cache/bin.
if [ ! -x .cache/bin/actionlint ]; then
  GOBIN="$PWD/.cache/bin" GOMODCACHE="$PWD/.cache/go/mod" GOCACHE="$PWD/.cache/go/build" GOFLAGS=-modcacherw GOTOOLCHAIN=local \
    "${go_bin:-go}" install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12
fi

# Everything the examples need from the registries, fetched now rather than on the first run:
# the Python virtualenv, the Java classpath, the Go modules (and the SDK compiled), the C# double.
# The verifier's runners do it, with the settings they run with (scripts/verify/runners/).
npm run --silent verify -- --prepare-only

# What Run needs to run the tabs in a browser (docs/lib/run/): the SDK's wheels from PyPI, the Go
# programs built for WebAssembly (with the modules just downloaded), the bundles. The build reuses them.
npm run --silent prepare:runtimes

echo "setup: done. Run the tests with: npm test"
