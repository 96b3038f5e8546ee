# Sourced by run.sh and benchmark.sh (not run on its own): decides whether the jars they start are
# older than the sources, and rebuilds them. Both scripts cd to the checkout before sourcing it.

# Prints the first source file or POM that changed after the given jar was built.
changed_since() {
  find . \( -name target -o -name .git -o -name .leadflow -o -name node_modules \) -prune -o \
    -type f \( -path '*/src/main/*' -o -name pom.xml \) -newer "$1" -print -quit
}

# True when any of the given jars is missing or older than a source file or POM.
needs_build() {
  local jar
  for jar in "$@"; do
    if [[ ! -f "$jar" || -n "$(changed_since "$jar")" ]]; then
      return 0
    fi
  done
  return 1
}

# Builds everything without tests, then marks the given jars as current: Maven leaves a jar untouched
# when its classes did not change, and an edited POM would otherwise trigger a build on every start.
build_and_mark_current() {
  if ! ./mvnw -B -q install -DskipTests; then
    echo "The build failed (see above); fix it, or run ./mvnw install -DskipTests to see more." >&2
    return 1
  fi
  local jar
  for jar in "$@"; do
    if [[ -f "$jar" ]]; then touch "$jar"; fi
  done
}
