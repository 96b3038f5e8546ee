#!/usr/bin/env bash
# LeadFlow's benchmark (docs/benchmarks.md): builds what is missing, makes sure pgbench is there,
# then runs every scenario against both packaged services on a fresh embedded PostgreSQL and Kafka.
# Not part of ./mvnw verify. ./benchmark.sh --help lists the options.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

runnables=(
  benchmarks/target/benchmarks.jar
  lead-service/target/quarkus-app/quarkus-run.jar
  opportunity-service/target/quarkus-app/quarkus-run.jar
)

if ! command -v java >/dev/null 2>&1; then
  echo "The benchmark needs Java 17 or newer on PATH" >&2
  exit 1
fi

# shellcheck source=scripts/rebuild-check.sh
source scripts/rebuild-check.sh

if needs_build "${runnables[@]}"; then
  echo "Building LeadFlow..."
  build_and_mark_current "${runnables[@]}" || exit 1
fi

# pgbench measures the database's own limit. Debian ships it with the PostgreSQL server package.
if [[ -z "${LEADFLOW_PGBENCH:-}" ]] && ! pgbench --version >/dev/null 2>&1; then
  echo "Installing pgbench (Debian package postgresql-15)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
  if ! pgbench --version >/dev/null 2>&1 && [[ -x /usr/lib/postgresql/15/bin/pgbench ]]; then
    export LEADFLOW_PGBENCH=/usr/lib/postgresql/15/bin/pgbench
  fi
fi

exec java -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*:lead-service/target/quarkus-app/app/*" org.leadflow.benchmarks.Benchmark "$@"
