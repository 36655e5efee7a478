#!/usr/bin/env bash
# Runs every test project of NinhBinh.Comms and prints one closing line "N passed, N failed".
# Usage: bash scripts/test.sh [extra dotnet test arguments]
# It starts by itself whatever the tests need (none of today's tests needs an outside server: the Zalo
# emulator runs in-process on 127.0.0.1), so it works on a fresh machine with only the .NET 10 SDK.
set -uo pipefail
cd "$(dirname "$0")/.."

# The CAP tests check written alerts with xmllint (Debian: libxml2-utils). Installed only when it is missing and only
# when running as root (CI containers); elsewhere the test skips with a visible reason (under CI=true it fails instead).
if ! command -v xmllint >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libxml2-utils) >/dev/null 2>&1 \
    || echo "scripts/test.sh: could not install libxml2-utils (xmllint); the xmllint test will report it." >&2
fi

# The radio tests start a real mosquitto on a free loopback port (Debian: mosquitto). Same rule as above.
if ! command -v mosquitto >/dev/null 2>&1 && [ ! -x /usr/sbin/mosquitto ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mosquitto mosquitto-clients) >/dev/null 2>&1 \
    || echo "scripts/test.sh: could not install mosquitto; the MQTT tests will report it." >&2
fi

results="artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

dotnet test NinhBinh.Comms.sln -c Release \
  --logger "trx" --logger "console;verbosity=minimal" \
  --results-directory "$results" "$@"
status=$?

passed=0
failed=0
shopt -s nullglob
trx_files=("$results"/*.trx)
for trx in "${trx_files[@]}"; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0}))
done

if [ "${#trx_files[@]}" -eq 0 ] && [ "$status" -ne 0 ]; then
  echo "The tests did not run (restore or build failed)." >&2
  failed=1
fi

echo "${passed} passed, ${failed} failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "${#trx_files[@]}" -eq 0 ]; then
  exit 1
fi
