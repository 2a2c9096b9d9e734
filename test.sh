#!/usr/bin/env bash
# Runs every test of the project: the tool's own tests, and the course's proof that
# every starter fails, every solution passes and every mutant fails. Needs Go, git and
# gcc (for -race).
#
# The course is tested as it ships: from git (the last commit and anything staged),
# not the working tree, so a checkout in which a learner has started passes too.
#
# The two slow parts run at once, because each waits on builds and timeouts as much as
# it computes: go test ./... and gocourse dev check share the go command's build cache
# (the race builds of the exercises are made once), and dev check's output is shown
# when it ends. Set GOCOURSE_TEST_SERIAL=1 to run them one after the other.
set -euo pipefail
cd "$(dirname "$0")"
root=$PWD
work=$(mktemp -d)
devpid=
cleanup() {
	if [ -n "$devpid" ]; then kill "$devpid" 2>/dev/null || true; fi
	rm -rf "$work"
}
trap cleanup EXIT
start=$(date +%s)
elapsed() { echo "$(($(date +%s) - start))s"; }

echo "== gofmt"
bad=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go') | grep -v '^exercises/' || true)
if [ -n "$bad" ]; then echo "gofmt would change:"; echo "$bad"; exit 1; fi

# The course as shipped, with the workbook's replace directive pointed back here.
shipped=$work/course
mkdir -p "$shipped"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	git ls-files -z -- course.yaml lessons exercises solutions | git checkout-index -z --stdin --prefix="$shipped/"
else
	cp -R course.yaml lessons exercises solutions "$shipped/"
fi
sed -i.orig "s#=> \.\./#=> $root/#" "$shipped/exercises/go.mod" && rm -f "$shipped/exercises/go.mod.orig"

go build -o "$work/gocourse" ./cmd/gocourse
# Two exercises at a time: a grade waits on links and on the exercises' own timers
# as much as it computes, and the two lanes fill each other's waits.
devcheck=("$work/gocourse" dev check --course "$shipped" --jobs 2)
if [ -z "${GOCOURSE_TEST_SERIAL:-}" ]; then
	echo "== gocourse dev check (in the background; its output follows go test's)"
	"${devcheck[@]}" >"$work/devcheck.log" 2>&1 &
	devpid=$!
fi

echo "== go vet ./..."
go vet ./...
# --- browser test: internal/serve's TestBrowser drives `gocourse serve` in headless
# Chromium (installed by .ci/run); here a missing browser fails it instead of skipping.
export GOCOURSE_BROWSER_TEST=1
# TestFirefox takes the same path in headless Firefox where it is installed.
if command -v firefox-esr >/dev/null 2>&1 || command -v firefox >/dev/null 2>&1; then
  export GOCOURSE_FIREFOX_TEST=1
fi
# --- end browser test
echo "== go test ./... ($(elapsed))"
status=0
# -vet=off: go vet ./... above ran every analyzer on every package, a superset of the
# ones go test would run again on each.
# The longest packages are named first: go test starts the packages' test binaries
# in the order it is given them, so the long ones start at once instead of after
# 130 short ones. ./... adds the rest (a package named twice is tested once).
# -p 3: a running test binary holds one of go test's slots, and the two longest
# wait on go commands of their own about half the time (BENCHMARKS.md); a third
# slot keeps the short packages going beside them.
long=(./grader/simrun ./lessons ./cmd/gocourse ./grader ./grader/rewrite ./internal/serve)
go test -p 3 -count=1 -vet=off -timeout 40m "${long[@]}" ./... || status=$?

echo "== gocourse dev check ($(elapsed))"
dev=0
if [ -n "$devpid" ]; then
	wait "$devpid" || dev=$?
	devpid=
else
	"${devcheck[@]}" >"$work/devcheck.log" 2>&1 || dev=$?
fi
cat "$work/devcheck.log"
echo "== done in $(elapsed)"
if [ "$status" -ne 0 ] || [ "$dev" -ne 0 ]; then
	echo "FAIL: go test exit $status, dev check exit $dev"
	exit 1
fi
