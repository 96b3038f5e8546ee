#!/usr/bin/env bash
# Reruns the lead scoring evaluation of docs/scoring.md: imports the X Education leads with their
# outcomes through lead-service's own import API, trains through the scoring API on a fixed,
# stratified 20 % holdout (split by Prospect ID, seed 42) and prints the holdout AUC of the model
# beside naive Bayes (Odoo's method) and logistic regression on the same split.
#
#   scripts/evaluate-scoring.sh [path/to/x-education-leads.csv]
#
# Without an argument the copy in lead-service/src/test/resources/datasets is used. Needs only JDK 17:
# the test starts its own PostgreSQL and Kafka. Takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
dataset_option=()
if [[ $# -ge 1 ]]; then
  dataset_option=("-Dleadflow.scoring.dataset=$(realpath "$1")")
fi
./mvnw -B -q -pl lead-service -am verify -DskipITs -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest=XEducationScoringEvaluationTest "${dataset_option[@]}" \
  -Dsurefire.redirectTestOutputToFile=false 2>&1 | grep --line-buffered -E "SCORING EVALUATION|Tests run|FAIL|ERROR" || true
