#!/usr/bin/env bash
# KPI benchmarks (never run by CI): 1,000,000 observations CSV -> SQLite (rows/s, target >= 100,000/s), and the yearly
# province report over 200 units x 6 channels x 8 metrics x 365 days = 3,504,000 daily facts (target <= 5 s) against the
# same aggregation as one DuckDB query over the same rows. Data sets are deterministic and kept in
# $NBCOMMS_KPI_BENCH_DIR (default /tmp/nbcomms-kpi-bench, about 1.2 GB); the first run makes them.
# Usage: bash benchmarks/kpi.sh [import-rounds=3] [report-rounds=5]      ONLY=import or ONLY=report to run one part
set -euo pipefail
cd "$(dirname "$0")/.."
project=benchmarks/NinhBinh.Comms.KpiBench
dotnet build "$project" -c Release -v q -nologo >/dev/null
bin="$project/bin/Release/net10.0/NinhBinh.Comms.KpiBench.dll"
echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB; .NET SDK $(dotnet --version)"
only=${ONLY:-both}
if [ "$only" = import ] || [ "$only" = both ]; then dotnet "$bin" import 1000000 "${1:-3}"; fi
if [ "$only" = report ] || [ "$only" = both ]; then dotnet "$bin" report "${2:-5}"; fi
