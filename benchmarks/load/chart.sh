#!/usr/bin/env bash
# chart.sh results.csv chart.png: req/s and p99 per scenario against connections (gnuplot).
set -euo pipefail
csv=$1 png=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
# one column per server/mode, one row per connection count; void runs are left blank
awk -F, -v dir="$dir" 'NR > 1 {
		key = $1 "/" $2; if (!(key in seen)) { seen[key] = 1; keys[++n] = key }
		if (!($3 in cseen)) { cseen[$3] = 1; conns[++m] = $3 }
		if ($10 == "yes") { rps[key, $3] = $5; p99[key, $3] = $8 }
	}
	END {
		for (f = 1; f <= 2; f++) {
			file = dir "/" (f == 1 ? "rps" : "p99") ".dat"
			line = "connections"; for (i = 1; i <= n; i++) line = line " " keys[i]; print line > file
			for (j = 1; j <= m; j++) {
				line = conns[j]
				for (i = 1; i <= n; i++) {
					v = (f == 1) ? rps[keys[i], conns[j]] : p99[keys[i], conns[j]]
					line = line " " ((v == "") ? "NaN" : v)
				}
				print line > file
			}
		}
		print n > (dir "/columns")
	}' "$csv"
columns=$(cat "$dir/columns")
title=$(head -c 200 "$(dirname "$csv")/environment.txt" 2>/dev/null | head -1 | sed 's/^# //;s/"//g' || true)
gnuplot <<GNUPLOT
set terminal pngcairo size 1400,560 font "sans,10"
set output "$png"
set multiplot layout 1,2 title "MCP tools/call over Streamable HTTP — $title"
set key bottom right font ",9"
set logscale x 2
set xtics (16, 64, 256)
set xrange [12:340]
set termoption noenhanced
set xlabel "connections"
set grid
set linetype 9 lc rgb "#8c564b" pt 9
set ylabel "requests/s (higher is better)"
set yrange [0:*]
plot for [i=2:$columns+1] "$dir/rps.dat" using 1:i with linespoints lw 2 title columnheader(i)
set ylabel "p99 latency, ms (lower is better)"
set logscale y
set yrange [*:*]
plot for [i=2:$columns+1] "$dir/p99.dat" using 1:i with linespoints lw 2 title columnheader(i)
unset multiplot
GNUPLOT
