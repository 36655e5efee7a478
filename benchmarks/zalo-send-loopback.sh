#!/usr/bin/env bash
# Consultation sends on loopback through real sockets to a minimal Kestrel endpoint: the SDK against a hand-written
# HttpClient + System.Text.Json client in the same run, alternating rounds, server and client pinned to different
# cores. One in flight and 32 in flight, 10,000 messages per round.
# Usage: bash benchmarks/zalo-send-loopback.sh [messages] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
messages=${1:-10000}
rounds=${2:-6}
project=benchmarks/NinhBinh.Comms.LoopbackBench
# Idle thread-pool threads spin before they sleep; that spinning would be counted as CPU per message and drown the
# difference between the two clients, so it is turned off for both (and for the server).
export DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0 DOTNET_TieredPGO=1
# Pinned to one core, each process counts as a single-processor machine, where the runtime waits ten times longer
# (TC_DelaySingleProcMultiplier) before it promotes hot code from tier 0 to tier 1: within the run most code stayed at
# tier 0 (seen in a perf map: 879 methods QuickJitted, none at tier 1), so the figures measured unoptimised code and
# drifted from round to round. With the normal delay both processes reach tier 1 during the warm-up, as a service does.
export DOTNET_TC_DelaySingleProcMultiplier=1
dotnet build "$project" -c Release -v q -nologo >/dev/null
bin="$project/bin/Release/net10.0/NinhBinh.Comms.LoopbackBench.dll"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
pin_server=""; pin_client=""
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then pin_server="taskset -c 0"; pin_client="taskset -c 1"; fi
$pin_server dotnet "$bin" server "$port" >/dev/null &
server=$!
export NBCOMMS_BENCH_SERVER_PID=$server
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB; $(dotnet --version); server on core 0, client on core 1"
for inflight in ${INFLIGHT:-1 32}; do
  $pin_client dotnet "$bin" client "$port" "$inflight" "$messages" "$rounds"
done
