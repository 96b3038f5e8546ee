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

# Prints the first source file or POM that changed after the given jar was built.
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

wants_help() {
  local arg
  for arg in "$@"; do
    [[ "$arg" == --help || "$arg" == -h ]] && return 0
  done
  return 1
}

# The help text and the token command live in the launcher; neither is a reason to build everything
# else. The token command prints the token alone on standard output, so messages go to standard error.
if ! { { wants_help "$@" || [[ "${1:-}" == token ]]; } && [[ -f "$launcher" ]]; } && needs_build; then
  echo "Building LeadFlow (first run takes a few minutes)..." >&2
  if ! ./mvnw -B -q install -DskipTests; then
    echo "The build failed (see above); fix it, or run ./mvnw install -DskipTests to see more." >&2
    exit 1
  fi
  # Maven leaves a jar untouched when its classes did not change; marking every runnable as
  # current keeps an edited POM from triggering a build on every later start.
  for jar in "${runnables[@]}"; do
    if [[ -f "$jar" ]]; then touch "$jar"; fi
  done
fi

exec java -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "$launcher:devstack/target/lib/*" org.leadflow.devstack.run.LocalRun "$@"
