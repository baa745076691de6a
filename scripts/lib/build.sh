# Shared by scripts/qunguan and scripts/bench: find a JDK >= 21 and build the project when needed.
# Sourcing it sets REPO, JDK (and exports JAVA_HOME), APP_JAR and APP_CP.

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MIN_JAVA=21

java_major() { # prints the major version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

find_jdk() {
  local candidates=() best="" best_major=0 home major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for home in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/jdk* /usr/java/* \
              "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$home" ] && candidates+=("$home")
  done
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    major="$(java_major "$home/bin/java")"
    [[ "$major" =~ ^[0-9]+$ ]] || continue
    # JAVA_HOME wins when it is new enough; otherwise take the newest installed JDK
    if [ "$home" = "${JAVA_HOME:-}" ] && [ "$major" -ge "$MIN_JAVA" ]; then echo "$home"; return 0; fi
    if [ "$major" -ge "$MIN_JAVA" ] && [ "$major" -gt "$best_major" ]; then best="$home"; best_major="$major"; fi
  done
  [ -n "$best" ] && echo "$best"
}

JDK="$(find_jdk || true)"
if [ -z "$JDK" ]; then
  echo "qunguan needs a JDK $MIN_JAVA or newer; none found (looked at JAVA_HOME and /usr/lib/jvm)." >&2
  echo "Install one (e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+) or set JAVA_HOME." >&2
  exit 1
fi
export JAVA_HOME="$JDK"
# Maven 3.9's Guice warns about sun.misc.Unsafe on JDK 24+; the warning is noise for users here
if [ "$(java_major "$JDK/bin/java")" -ge 24 ]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi

APP_JAR="$REPO/bot-app/target/bot-app.jar"
needs_build() {
  [ -f "$APP_JAR" ] || return 0
  [ -n "$(find "$REPO/pom.xml" "$REPO/bot-core" "$REPO/nlp-models" "$REPO/adapters" "$REPO/bot-app" \
      \( -path '*/target' -prune \) -o \( -newer "$APP_JAR" -type f \( -name '*.java' -o -name 'pom.xml' \
      -o -path '*/src/main/resources/*' \) -print -quit 2>/dev/null)" ]
}
if needs_build; then
  echo "qunguan: building (first run or sources changed)..." >&2
  (cd "$REPO" && ./mvnw -B -q -DskipTests package) >&2
  touch "$APP_JAR" # the jar plugin keeps an unchanged jar's old time; mark this build as current
fi

APP_CP="$APP_JAR:$REPO/bot-app/target/lib/*"
# Small heap, serial GC: a chat bot's working set is small and RSS matters more than pause times here.
QUNGUAN_JAVA_OPTS="${QUNGUAN_JAVA_OPTS:--XX:+UseSerialGC -Xss512k --enable-native-access=ALL-UNNAMED}"
