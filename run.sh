#!/usr/bin/env bash
# Runs LeadFlow on this machine with nothing but Java 17: builds it when needed, then starts
# embedded PostgreSQL and Kafka and both services (see ./run.sh --help).
# ./run.sh token ROLE USER [NAME] prints a bearer token that the running services accept.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

launcher=devstack/target/devstack.jar
runnables=(
  "$launcher"
  lead-service/target/quarkus-app/quarkus-run.jar
  opportunity-service/target/quarkus-app/quarkus-run.jar
)

java_major_version() {
  local version
  # java.specification.version is "1.8" up to Java 8 and "17", "21", ... after.
  version=$(java -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = //p')
  version=${version#1.}
  echo "${version%%.*}"
}

if ! command -v java >/dev/null 2>&1; then
  echo "LeadFlow needs Java 17 or newer on PATH (found: none)" >&2
  exit 1
fi
java_version=$(java_major_version)
if ! [[ "$java_version" =~ ^[0-9]+$ ]] || ((java_version < 17)); then
  echo "LeadFlow needs Java 17 or newer on PATH (found: Java ${java_version:-of unknown version} at $(command -v java))" >&2
  exit 1
fi

# shellcheck source=scripts/rebuild-check.sh
source scripts/rebuild-check.sh

wants_help() {
  local arg
  for arg in "$@"; do
    [[ "$arg" == --help || "$arg" == -h ]] && return 0
  done
  return 1
}

# The help text and the token command live in the launcher; neither is a reason to build everything
# else. The token command prints the token alone on standard output, so messages go to standard error.
if ! { { wants_help "$@" || [[ "${1:-}" == token ]]; } && [[ -f "$launcher" ]]; } && needs_build "${runnables[@]}"; then
  echo "Building LeadFlow (first run takes a few minutes)..." >&2
  build_and_mark_current "${runnables[@]}" || exit 1
fi

exec java -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "$launcher:devstack/target/lib/*" org.leadflow.devstack.run.LocalRun "$@"
