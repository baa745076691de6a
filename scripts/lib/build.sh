# Shared by scripts/qunguan and scripts/bench: find a JDK >= 21 and build the project when needed.
# Sourcing it sets REPO, JDK (and exports JAVA_HOME), APP_JAR and APP_CP.

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MIN_JAVA=21

java_major() { # prints the major version of the java binary $1, or nothing
  local release="${1%/bin/java}/release" version
  # a JDK's release file names its version; reading it is much faster than starting that JVM
  if [ -f "$release" ]; then
    version="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")"
    [ "$version" = 1 ] && version=8
    [ -n "$version" ] && { echo "$version"; return; }
  fi
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
      \( -path '*/target' -prune \) -o \( -newer "$APP_JAR" -type f \( -name 'pom.xml' \
      -o -path '*/src/main/*' \) -print -quit \) 2>/dev/null)" ]
}
if needs_build; then
  echo "qunguan: building (first run or sources changed)..." >&2
  (cd "$REPO" && ./mvnw -B -q -DskipTests package) >&2
  touch "$APP_JAR" # the jar plugin keeps an unchanged jar's old time; mark this build as current
fi

APP_CP="$APP_JAR:$REPO/bot-app/target/lib/*"
# A capped heap: without a cap the JVM sizes it from the machine's memory and keeps what it touched. About
# 50 MB is live after start (models and dictionaries); the per-chat and per-member caches are bounded and
# add up to ~50 MB on a busy bot. G1 with a 20 ms pause goal: the serial collector's full collections of
# that old generation took 500-800 ms, which every open webhook request waited for.
# Native memory (NMT under scripts/bench): G1's marking stack is committed at 32 MB up front although it grows
# on demand, so it starts at 256k entries; the compiler's arenas and other freed C memory go back to the
# system every second instead of staying in glibc's free lists (JDK 22+, and later 21 updates: only set where
# the JDK is known to have it). The heap cap is 150 MB: ~85 MB is live under the chat benchmark and ~100 MB
# under the realistic mix (member state in primitive tables, HanLP's dictionary arrays shared), and G1 never
# fell back to a full collection; 176 MB ran no faster and put the realistic mix at 305-316 MB RSS. Trimming
# every second rather than every 5 s took another ~10 MB off the realistic mix (the compiler's arenas). A bot in
# thousands of groups that each keep their own FAQ needs more: set QUNGUAN_JAVA_OPTS.
# The heap starts at 128 MB: from 64 MB it grew through a dozen young collections before the service was ready.
TRIM_NATIVE_HEAP=""
[ "$(java_major "$JDK/bin/java")" -ge 22 ] 2>/dev/null && TRIM_NATIVE_HEAP="-XX:TrimNativeHeapInterval=1000"
QUNGUAN_JAVA_OPTS="${QUNGUAN_JAVA_OPTS:--XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Xms128m -Xmx150m -Xss512k -XX:MarkStackSize=256k $TRIM_NATIVE_HEAP --enable-native-access=ALL-UNNAMED}"
# glibc opens up to 8 malloc arenas per core as threads contend, and each keeps its freed pages resident; the
# JVM's Java objects live in its own heap, so two arenas are plenty
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

# Start-up cache: once per build (and JDK and options), a short warm-up run lets the JVM record the classes
# start-up loads — and on JDK 25 their linking and early profiles — into a file later starts map at once
# (an AOT cache on JDK 25+, a class-data-sharing archive on 21-24). Roughly halves the time to ready.
# QUNGUAN_STARTUP_CACHE=off disables it.
STARTUP_CACHE_OPTS=""
if [ "${QUNGUAN_STARTUP_CACHE:-on}" != off ]; then
  cache_dir="$REPO/bot-app/target/startup-cache"
  cache_key="$( { echo "$JDK $QUNGUAN_JAVA_OPTS"; ls -l --time-style=+%s "$APP_JAR" "$REPO/bot-app/target/lib" 2>/dev/null; } \
    | cksum | cut -d' ' -f1)"
  if [ "$(java_major "$JDK/bin/java")" -ge 25 ]; then
    cache_file="$cache_dir/qunguan-$cache_key.aot"
    cache_make="-XX:AOTCacheOutput=$cache_file" cache_use="-XX:AOTCache=$cache_file"
  else
    cache_file="$cache_dir/qunguan-$cache_key.jsa"
    cache_make="-XX:ArchiveClassesAtExit=$cache_file" cache_use="-XX:SharedArchiveFile=$cache_file"
  fi
  make_startup_cache() {
    [ -f "$cache_file" ] && return 0
    find "$cache_dir" -name 'qunguan-*' ! -name "qunguan-$cache_key.*" -delete 2>/dev/null || true
    echo "qunguan: preparing the start-up cache (once per build)..." >&2
    # shellcheck disable=SC2086
    "$JDK/bin/java" $QUNGUAN_JAVA_OPTS $cache_make -cp "$APP_CP" dev.qunguan.app.Main warm-up >/dev/null 2>&1 \
      || rm -f "$cache_file"
  }
  if [ ! -f "$cache_file" ]; then
    mkdir -p "$cache_dir"
    if command -v flock >/dev/null 2>&1; then
      # several processes may start at once (tests, several nodes): one makes the cache, the others wait
      ( flock 9; make_startup_cache ) 9>"$cache_dir/.lock"
    else
      make_startup_cache
    fi
  fi
  [ -f "$cache_file" ] && STARTUP_CACHE_OPTS="$cache_use"
fi
