#!/usr/bin/env bash
# Emergency to 1,000 simulated devices through a real mosquitto on loopback: time until every device acknowledged.
# Usage: bash benchmarks/radio-emergency.sh [devices=1000] [communes=10] [rounds=30]
set -euo pipefail
cd "$(dirname "$0")/.."
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
project=benchmarks/NinhBinh.Comms.RadioBench
dotnet build "$project" -c Release -v q -nologo >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
mosquitto=$(command -v mosquitto || echo /usr/sbin/mosquitto)
config=$(mktemp)
printf 'listener %s 127.0.0.1\nallow_anonymous true\nmax_queued_messages 10000\n' "$port" > "$config"
"$mosquitto" -c "$config" >/dev/null 2>&1 &
broker=$!
trap 'kill $broker 2>/dev/null || true; rm -f "$config"' EXIT
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB; $(dotnet --version); mosquitto $("$mosquitto" -h 2>/dev/null | head -1 | awk '{print $3}')"
dotnet "$project/bin/Release/net10.0/NinhBinh.Comms.RadioBench.dll" "mqtt://127.0.0.1:$port" "${1:-1000}" "${2:-10}" "${3:-30}"
