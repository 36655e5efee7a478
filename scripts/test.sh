#!/usr/bin/env bash
# Runs every test project of NinhBinh.Comms and prints one closing line "N passed, N failed".
# Usage: bash scripts/test.sh [extra dotnet test arguments]
# It installs and starts by itself whatever the tests need (the emulator runs in-process on 127.0.0.1; the Debian
# packages below are installed when missing), so it works on a fresh machine with only the .NET 10 SDK.
set -uo pipefail
cd "$(dirname "$0")/.."

# Real programs some tests use, from Debian's packages, installed only when missing and only when running as root
# (CI containers); elsewhere those tests skip with a visible reason (under CI=true they fail instead):
#   xmllint (libxml2-utils)  the CAP tests check written alerts with it;
#   postgresql               the PostgreSQL stores (Zalo tokens and webhook dedupe, KPI figures) run against a real
#                            PostgreSQL 15 the tests start themselves (tests/Shared/PostgreSqlServer.cs);
#   chromium                 the KPI report's HTML is opened in headless Chromium to check its charts are drawn;
#   mosquitto                the IP radio tests start a real MQTT broker on a free loopback port;
#   icecast2                 the Icecast tests start a real icecast2 on a free loopback port, as the icecast2 user;
#   espeak-ng                the offline text-to-speech provider is run on Vietnamese text.
missing=()
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v mosquitto >/dev/null 2>&1 || [ -x /usr/sbin/mosquitto ] || missing+=(mosquitto mosquitto-clients)
[ -x /usr/bin/icecast2 ] || missing+=(icecast2)
command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
if [ "${#missing[@]}" -gt 0 ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "scripts/test.sh: installing ${missing[*]} (Debian packages the tests use)" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >/dev/null 2>&1 \
    || echo "scripts/test.sh: could not install ${missing[*]}; the tests that need them will report it." >&2
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
