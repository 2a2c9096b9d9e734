#!/usr/bin/env bash
# make-class.sh OUT [N]: writes N learners' workbooks (default 30) into OUT, as a
# classroom clone lays them out, for timing and checking `gocourse grade`.
#
# Learner i (l01 .. lN) has solved the first round(i*E/N) of the course's E exercises
# (the reference solution copied over the starter) and left the rest as shipped, so
# the class spans every stage of progress and learner N has solved everything. Every
# file a learner edits gets a line naming the learner, so that no two workbooks
# compile to the same thing and the build cache cannot grade one learner from
# another's work. OUT/expected.csv lists each learner's expected score (the full
# marks of the exercises they solved; a starter scores 0).
#
# UNTOUCHED=1 leaves the starters a learner has not solved as shipped, byte for byte,
# as in a real classroom, where they are what `gocourse grade` grades once per class.
set -euo pipefail
out=${1:?usage: make-class.sh OUT [N]}
n=${2:-30}
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$out"
out=$(cd "$out" && pwd)

# id, files and max score of every exercise, in course order.
python3 - "$root" > "$out/exercises.tsv" <<'PY'
import json, subprocess, sys, re
root = sys.argv[1]
ids = [e["id"] for e in json.loads(subprocess.check_output(
    ["go", "run", root + "/cmd/gocourse", "--course", root, "list", "--json"], cwd=root))]
for i in ids:
    text = open(f"{root}/exercises/{i}/exercise.yaml").read()
    files = re.search(r"^files:\s*\[(.*)\]", text, re.M).group(1)
    files = [f.strip() for f in files.split(",") if f.strip()]
    # weights: every check counts 1 unless it says otherwise
    score = 0
    for block in re.split(r"\n\s*- kind:", "\n" + text.split("checks:", 1)[1])[1:]:
        m = re.search(r"^\s*weight:\s*([0-9.]+)", block, re.M)
        score += float(m.group(1)) if m else 1
    print(i, ",".join(files), score, sep="\t")
PY
total=$(wc -l < "$out/exercises.tsv")
echo "learner,expected_score" > "$out/expected.csv"
for i in $(seq 1 "$n"); do
  name=$(printf 'l%02d' "$i")
  wb="$out/$name"
  rm -rf "$wb"
  mkdir -p "$wb"
  cp "$root/course.yaml" "$wb/"
  cp -r "$root/exercises" "$wb/exercises"
  solved=$(( (i * total + n / 2) / n ))
  k=0 expected=0
  while IFS=$'\t' read -r id files score; do
    k=$((k + 1))
    for f in ${files//,/ }; do
      dst="$wb/exercises/$id/$f"
      if [ "$k" -le "$solved" ]; then
        cp "$root/solutions/$id/$f" "$dst"
      fi
      if [ "$k" -le "$solved" ] || [ "${UNTOUCHED:-0}" != 1 ]; then
        printf '\n// %s\n' "$name" >> "$dst"
      fi
    done
    if [ "$k" -le "$solved" ]; then
      expected=$(awk "BEGIN { print $expected + $score }")
    fi
  done < "$out/exercises.tsv"
  echo "$name,$expected" >> "$out/expected.csv"
done
echo "wrote $n workbooks of $total exercises to $out (expected scores: $out/expected.csv)"
