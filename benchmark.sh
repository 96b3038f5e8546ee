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

# The first source file or POM that changed after the given jar was built, as run.sh decides.
changed_since() {
  find . \( -name target -o -name .git -o -name .leadflow -o -name node_modules \) -prune -o \
    -type f \( -path '*/src/main/*' -o -name pom.xml \) -newer "$1" -print -quit
}

needs_build() {
  local jar
  for jar in "${runnables[@]}"; do
    if [[ ! -f "$jar" || -n "$(changed_since "$jar")" ]]; then
      return 0
    fi
  done
  return 1
}

if needs_build; then
  echo "Building LeadFlow..."
  ./mvnw -B -q install -DskipTests
  for jar in "${runnables[@]}"; do touch "$jar"; done
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
  -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" org.leadflow.benchmarks.Benchmark "$@"
