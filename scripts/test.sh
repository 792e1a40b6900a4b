#!/usr/bin/env bash
# Everything CI checks, in order: setup → engine build → ctest → type check → vite build → vitest (all
# projects) → lint → format. Keeps going after a failure so one run shows every problem, then prints the
# totals of ctest and vitest as the last line, `N passed, N failed`, and exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."

passed=0
failed=0
skipped=0
problems=()
mkdir -p artifacts

stage() { printf '\n==> %s\n' "$*"; }
elapsed() { printf '%ss' $(( SECONDS - $1 )); }
# A step that runs no tests of its own (build, type check) counts as one failure when it fails.
step_failed() { failed=$(( failed + 1 )); problems+=("$1"); }

stage "setup"
t=$SECONDS
if ! bash scripts/setup.sh; then
  echo "test: setup failed; nothing else can run"
  echo "0 passed, 1 failed"
  exit 1
fi
echo "setup: ok ($(elapsed $t))"

stage "engine build (npm run build:engine)"
t=$SECONDS
engine_built=false
if [[ -f scripts/build-engine.sh ]]; then
  if npm run --silent build:engine; then
    engine_built=true
    echo "engine: built ($(elapsed $t))"
  else
    step_failed "engine build"
  fi
else
  echo "engine: scripts/build-engine.sh does not exist yet: skipping the engine build and ctest"
fi

stage "engine tests (ctest)"
t=$SECONDS
if [[ $engine_built == true && -f build/native/CTestTestfile.cmake ]]; then
  ctest_log=artifacts/ctest.log
  ctest --test-dir build/native --output-on-failure -j 2 2>&1 | tee "$ctest_log"
  # "100% tests passed, 0 tests failed out of 42"
  summary=$(grep -E '[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$ctest_log" | tail -1 || true)
  if [[ -n $summary ]]; then
    c_failed=$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/' <<<"$summary")
    c_total=$(sed -E 's/.* failed out of ([0-9]+).*/\1/' <<<"$summary")
    passed=$(( passed + c_total - c_failed ))
    failed=$(( failed + c_failed ))
    (( c_failed == 0 )) || problems+=("ctest: $c_failed failed")
  elif grep -q 'No tests were found' "$ctest_log"; then
    echo "ctest: no tests registered"
  else
    step_failed "ctest (no summary)"
  fi
  echo "ctest: done ($(elapsed $t))"
else
  echo "ctest: skipped (no engine build in build/native)"
fi

stage "type check (vue-tsc --noEmit)"
t=$SECONDS
if npx vue-tsc --noEmit -p web/tsconfig.json && npx vue-tsc --noEmit; then
  echo "typecheck: ok ($(elapsed $t))"
else
  step_failed "type check"
fi

stage "web build (npm run build:web → dist/: site, one-file edition, custom element, budget)"
t=$SECONDS
if npm run --silent build:web; then
  echo "vite build: ok ($(elapsed $t))"
else
  step_failed "vite build"
fi

stage "vitest (unit, components, e2e)"
t=$SECONDS
results=artifacts/vitest-results.json
rm -f "$results"
npx vitest run --passWithNoTests --reporter=default --reporter=json --outputFile.json="$results"
vitest_status=$?
if [[ -f $results ]]; then
  read -r v_passed v_failed v_skipped < <(node -e '
    const r = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"))
    console.log(r.numPassedTests, r.numFailedTests, r.numPendingTests + r.numTodoTests)
  ' "$results")
  passed=$(( passed + v_passed ))
  failed=$(( failed + v_failed ))
  skipped=$(( skipped + v_skipped ))
  (( v_failed == 0 )) || problems+=("vitest: $v_failed failed")
  # A suite that fails to load (import error, failing hook) counts no test but fails the run.
  if (( vitest_status != 0 && v_failed == 0 )); then step_failed "vitest (a suite failed to run)"; fi
else
  step_failed "vitest (no results)"
fi
echo "vitest: done ($(elapsed $t))"

stage "lint (eslint: recommended sets of eslint, typescript-eslint, eslint-plugin-vue)"
if npx eslint . --max-warnings 0; then
  echo "lint: ok"
else
  step_failed "lint (run \`npm run lint\`)"
fi

stage "format (prettier --check, clang-format --dry-run)"
if npx prettier --check . --log-level warn &&
  git ls-files '*.cpp' '*.h' | xargs clang-format --dry-run --Werror; then
  echo "format: ok"
else
  step_failed "format (run \`npm run format\`)"
fi

printf '\n'
if (( ${#problems[@]} > 0 )); then printf 'problems: %s\n' "$(IFS=';'; echo "${problems[*]}")"; fi
echo "total time: ${SECONDS}s"
if (( skipped > 0 )); then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
(( failed == 0 ))
