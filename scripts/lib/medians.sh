# median KEY LINES: the median of the KEY=value figures in LINES (one measured run per line), as scripts/bench
# and scripts/startup print them. The machine is shared and noisy: these are the figures to quote.
median() {
  sed -E "s/.* $1=([0-9.]+).*/\1/" <<<"${2%$'\n'}" | sort -g \
    | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'
}
