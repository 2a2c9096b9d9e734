#!/usr/bin/env bash
# batch-build.sh WORKBOOK N: builds the -race test binaries of the first N exercise
# packages of a workbook (one written by make-class.sh) as the test check builds
# them, once with one go command per package and once with one go command for all,
# and prints the wall and CPU time (user+sys) of each. Before each build every
# non-test file gets a fresh comment line, so that every package compiles anew, as a
# learner's files do. Packages whose names repeat cannot share one command (go test
# -c -o DIR/ writes NAME.test): the go command then refuses the batch.
set -euo pipefail
wb=${1:?usage: batch-build.sh WORKBOOK N}
n=${2:?usage: batch-build.sh WORKBOOK N}
cd "$wb/exercises"
pkgs=$(ls -d */*/ | head -n "$n" | sed 's|/$||; s|^|./|')
mark() {
  for p in $pkgs; do
    for f in "$p"/*.go; do
      case $f in *_test.go) ;; *) printf '\n// %s %s\n' "$1" "$RANDOM$RANDOM" >> "$f" ;; esac
    done
  done
}
export GOEXPERIMENT=goroutineleakprofile GOFLAGS=-mod=readonly GOWORK=off
flags="-race -trimpath -vet=off -ldflags=-w"
one=$(mktemp -d) all=$(mktemp -d)
trap 'rm -rf "$one" "$all"' EXIT
mark each
/usr/bin/time -f "one go command each, n=$n: %e s wall, %U s user, %S s sys" \
  bash -c 'for p in '"$(echo $pkgs)"'; do go test -c '"$flags"' -o '"$one"'/$(echo "$p" | tr / _ | sed "s/^\._//").test "$p" || exit 1; done'
mark all
/usr/bin/time -f "one go command for all, n=$n: %e s wall, %U s user, %S s sys" \
  go test -c $flags -o "$all/" $pkgs
