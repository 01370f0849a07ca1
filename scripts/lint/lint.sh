#!/usr/bin/env bash
# `npm run lint`: format and lint (Biome, for TypeScript, JavaScript, JSON and the Astro
# components' scripts), type-check the Astro components (astro check), and check the GitHub
# Actions workflow (actionlint). `npx biome check --write .` fixes what Biome can.
set -euo pipefail
cd "$(dirname "$0")/../.."

biome check .
node scripts/lint/overrides.ts
astro check --tsconfig tsconfig.astro.json --minimumSeverity warning

actionlint=.cache/bin/actionlint
if [ ! -x "$actionlint" ]; then
  echo "lint: $actionlint is missing: bash scripts/setup.sh installs it (a Go module, rhysd/actionlint)" >&2
  exit 1
fi
"$actionlint" -color .github/workflows/*.yml
echo "lint: ok"
