#!/usr/bin/env bash
# median.sh OUT_DIR RUN_DIR... : the median of several load runs, see docs/benchmarks.md.
#
#   benchmarks/load/median.sh benchmarks/load/results/median benchmarks/load/results/run1 benchmarks/load/results/run2
#
# Reads each RUN_DIR/results.csv (from run.sh) and writes OUT_DIR/results.csv in the same
# columns: per server, mode and connection count, the median of requests/s and of each
# latency percentile over the runs (with two runs, their mean), errors summed. A row that
# was void in any run stays void. Ratios to the floor and to Spring AI are computed from
# the medians, and OUT_DIR/chart.png is drawn from them.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
out=$1; shift
(($# >= 1)) || { echo "usage: median.sh OUT_DIR RUN_DIR..." >&2; exit 2; }
mkdir -p "$out"
runs=("$@")
for run in "${runs[@]}"; do [[ -f $run/results.csv ]] || { echo "no $run/results.csv" >&2; exit 1; }; done
{
	names=("${runs[@]%/}")
	echo "# median of ${#runs[@]} runs (${names[*]##*/})"
	for run in "${runs[@]}"; do head -1 "$run/environment.txt" 2>/dev/null; done
} >"$out/environment.txt"

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
echo "server,mode,connections,requests,req_per_s,p50_ms,p90_ms,p99_ms,errors,valid,cpu_us_per_req" >"$tmp"
for run in "${runs[@]}"; do tail -n +2 "$run/results.csv"; done | awk -F, '
	function median(list,    values, n, i, j, t) {
		n = split(list, values, " ")
		for (i = 2; i <= n; i++) for (j = i; j > 1 && values[j - 1] + 0 > values[j] + 0; j--) {
			t = values[j]; values[j] = values[j - 1]; values[j - 1] = t
		}
		return (n % 2) ? values[(n + 1) / 2] : (values[n / 2] + values[n / 2 + 1]) / 2
	}
	{
		key = $1 "," $2 "," $3
		if (!(key in seen)) { seen[key] = 1; keys[++count] = key }
		for (f = 4; f <= 8; f++) column[key, f] = column[key, f] " " $f
		column[key, 11] = column[key, 11] " " $11
		errors[key] += $9
		if ($10 != "yes") void[key] = 1
	}
	END {
		for (k = 1; k <= count; k++) {
			key = keys[k]
			printf "%s,%d,%.1f,%.3f,%.3f,%.3f,%d,%s,%.1f\n", key, median(column[key, 4]), median(column[key, 5]),
				median(column[key, 6]), median(column[key, 7]), median(column[key, 8]), errors[key],
				(key in void) ? "void" : "yes", median(column[key, 11])
		}
	}' >>"$tmp"

add_ratios "$tmp" >"$out/results.csv"
column -s, -t <"$out/results.csv" >&2
if command -v gnuplot >/dev/null; then
	"$(dirname "$0")/chart.sh" "$out/results.csv" "$out/chart.png"
	echo "chart: $out/chart.png" >&2
fi
