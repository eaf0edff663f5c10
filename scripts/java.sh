# Sourced by ./qz, ./qz-test and bench/run.sh: finds a JDK >= 21 and exports JAVA_HOME.
# Order: $JAVA_HOME, then `java` on PATH, then the newest JDK under /usr/lib/jvm.

qz_java_major() { # prints the feature version of the JDK at $1, or nothing
  local v
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
  v=${v#1.}
  echo "${v%%.*}"
}

qz_find_java() {
  local want=21 cand major best="" bestv=0 onpath
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(qz_java_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge "$want" ]; then export JAVA_HOME; return 0; fi
  fi
  onpath=$(command -v javac 2>/dev/null || true)
  if [ -n "$onpath" ]; then
    cand=$(dirname "$(dirname "$(readlink -f "$onpath")")")
    major=$(qz_java_major "$cand")
    if [ -n "$major" ] && [ "$major" -ge "$want" ]; then export JAVA_HOME="$cand"; return 0; fi
  fi
  for cand in /usr/lib/jvm/*; do
    [ -d "$cand" ] || continue
    major=$(qz_java_major "$cand")
    if [ -n "$major" ] && [ "$major" -ge "$want" ] && [ "$major" -gt "$bestv" ]; then
      best="$cand"; bestv="$major"
    fi
  done
  if [ -n "$best" ]; then export JAVA_HOME="$best"; return 0; fi
  cat >&2 <<MSG
QuantZoo needs a JDK $want or newer, and none was found
(looked at \$JAVA_HOME, javac on PATH, and /usr/lib/jvm/*).
Install one, for example:  apt-get install openjdk-21-jdk   (or a Temurin 21+ JDK)
then run this command again, or point JAVA_HOME at it.
MSG
  return 1
}
