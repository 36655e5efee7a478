#!/usr/bin/env bash
# One bulletin published as article + broadcast on 100 commune OAs (ZaloBulletinChannel in ArticleBroadcast mode)
# through the Zalo emulator over loopback, in one process: wall time and requests/s per round, then a round where
# 20 OAs fail (10 without a grant, 10 with their broadcast quota used up) showing the other 80 still go out.
# Usage: bash benchmarks/zalo-article-broadcast.sh [oas=100] [rounds=5] [concurrency=16] [processing-ms=0] [poll-ms=200]
set -euo pipefail
cd "$(dirname "$0")/.."
project=benchmarks/NinhBinh.Comms.ArticleBroadcastBench
dotnet build "$project" -c Release -v q -nologo >/dev/null
echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB; $(dotnet --version)"
dotnet "$project/bin/Release/net10.0/NinhBinh.Comms.ArticleBroadcastBench.dll" "$@"
