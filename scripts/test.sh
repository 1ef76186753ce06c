#!/usr/bin/env bash
# The whole suite: types, lint, then every test beside the code and the end-to-end tests.
# Repository tests also run on PostgreSQL when TEST_DATABASE_URL is set (.ci/run sets it).
set -euo pipefail
shopt -s globstar nullglob
cd "$(dirname "$0")/.."
echo "== tsc --noEmit"
npx tsc --noEmit
echo "== biome check"
npx biome check .
files=(src/**/*.test.ts scripts/*.test.ts test/e2e/**/*.test.ts)
echo "== node --test (${#files[@]} files)"
node --import tsx --test --test-concurrency=2 --test-timeout=120000 "${files[@]}"
