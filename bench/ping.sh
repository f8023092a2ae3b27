# Workload "ping": kiemke ping beside fping, on loopback and across the test bed's lossy link.
# Sourced by bench/run, which provides KIEMKE, OUT, QUICK, BED and lib.sh.
#
# Both tools get the same pace, timeout and tries: kiemke --rate 1000 --timeout 1s --tries 3
# against fping -i 1 -t 1000 -r 2 -B 1 (fping's -r counts retries after the first try, and
# -B 1 turns off fping's backoff, which kiemke does not do).

ping_reps() { [[ $QUICK == 1 ]] && echo 1 || echo 3; }

# ping_targets_loopback N: N consecutive loopback addresses from 127.88.0.1.
ping_targets_loopback() {
    local i; for ((i = 0; i < $1; i++)); do ipv4 127.88.0.1 "$i"; done
}

# ping_compare LABEL TARGETS LIVE_PATTERN [PREFIX...]: times both tools (PREFIX runs them in
# the test bed) and records wall, CPU and false downs among the addresses matching LIVE_PATTERN.
ping_compare() {
    local label=$1 targets=$2 live=$3; shift 3
    local prefix=("$@") dir=$OUT/ping-$label rep n
    rm -rf "$dir"; mkdir -p "$dir"
    n=$(wc -l <"$targets")
    for ((rep = 0; rep < $(ping_reps); rep++)); do
        measure "$dir/kiemke" -- timeout 120 "${prefix[@]}" "$KIEMKE" ping --file "$targets" \
            --rate 1000 --timeout 1s --tries 3 --format json
        jq -r --arg live "$live" '[.[] | select((.address | test($live)) and (.up | not))] | length' \
            "$dir/kiemke.out" >>"$dir/kiemke.falsedown"
        measure "$dir/fping" -- timeout 120 "${prefix[@]}" fping -f "$targets" -i 1 -t 1000 -r 2 -B 1
        grep -E "$live" "$dir/fping.out" | grep -vc ' is alive' >>"$dir/fping.falsedown" || true
        measure "$dir/fping1" -- timeout 120 "${prefix[@]}" fping -f "$targets" -i 1 -t 1000 -r 0
        grep -E "$live" "$dir/fping1.out" | grep -vc ' is alive' >>"$dir/fping1.falsedown" || true
    done
    local kw fw ku fu kcpu fcpu
    kw=$(median "$dir/kiemke.time" 1); fw=$(median "$dir/fping.time" 1)
    awk '{ print $2 + $3 }' "$dir/kiemke.time" >"$dir/kiemke.cpu"; kcpu=$(median "$dir/kiemke.cpu" 1)
    awk '{ print $2 + $3 }' "$dir/fping.time" >"$dir/fping.cpu"; fcpu=$(median "$dir/fping.cpu" 1)
    local kfd ffd f1fd livecount
    kfd=$(sort -n "$dir/kiemke.falsedown" | tail -n1)
    ffd=$(sort -n "$dir/fping.falsedown" | tail -n1)
    f1fd=$(sort -n "$dir/fping1.falsedown" | tail -n1)
    livecount=$(grep -cE "$live" "$targets")
    local ratio
    ratio=$(calc "$kw / $fw")
    result ping "$label: wall s, $n targets (median of $(ping_reps))" "$kw" "$fw" "$ratio" "<= 1.0" "$(verdict "$ratio" '<=' 1.0)"
    ratio=$(calc "$kcpu / ($fcpu > 0 ? $fcpu : 0.001)")
    result ping "$label: CPU s user+sys" "$kcpu" "$fcpu" "$ratio" "info" "-"
    result ping "$label: false downs of $livecount live (worst run)" "$kfd" "$ffd" "-" "0" "$(verdict "$kfd" '==' 0)"
    result ping "$label: false downs, fping with 1 try" "-" "$f1fd" "-" "info" "-"
    result ping "$label: max RSS MB" "$(calc "$(median "$dir/kiemke.time" 4) / 1024")" \
        "$(calc "$(median "$dir/fping.time" 4) / 1024")" "-" "info" "-"
}

run_ping() {
    local n_loop=4096 n_bed=1024
    [[ $QUICK == 1 ]] && { n_loop=1024; n_bed=256; }
    ping_targets_loopback "$n_loop" >"$OUT/ping-loopback.targets"
    log "ping: $n_loop loopback addresses"
    ping_compare loopback "$OUT/ping-loopback.targets" '^127\.'

    log "ping: $n_bed test bed addresses, 25 ms each way, 2.5% loss each way, a fifth dead"
    bed_up "$BED" --delay-ms 25 --loss-pct 2.5
    bed_targets "$n_bed" >"$OUT/ping-bed.targets"
    ping_compare testbed "$OUT/ping-bed.targets" '^198\.18\.(1[6-9]|2[0-9]|3[01])\.' "$ROOT/scripts/testbed" exec "$BED" --
}
