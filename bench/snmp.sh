# Workload "snmp": one SNMP poll cycle of 1,000 devices behind the test bed's 50 ms, 2.5%-loss
# link, a fifth dead, through kiemke's engine (kiemke-bench snmp: SNMPEngine + DeviceReader),
# beside net-snmp's snmpget/snmpbulkwalk driven by xargs -P 64 and beside the physical limit.
# Sourced by bench/run.
#
# Four net-snmp snmpd in the office namespace each answer for a quarter of the live addresses
# (198.18.16.0/20, bound one by one), so the stand-in devices' CPU is spread over processes and
# no one agent's socket overflows; 198.18.2.0/24 is blackholed (dead). The agents run without
# the legacy IPV6-MIB module (-I -ipv6), which re-reads /proc/net/if_inet6 for every variable:
# GETBULK walks that run past a Linux host's Printer-MIB land in it and made the stand-in agents
# cost 2.8 s of CPU per cycle (a printer answers those walks itself, at no cost to this machine);
# and without SMUX (-I -smux), whose TCP port only one agent could bind.
# Both sides: v2c, 1 s per try, 2 retries, GETBULK max-repetitions 25.

run_snmp() {
    local dir=$OUT/snmp devices=1000 reps=3 peer_reps=2
    [[ $QUICK == 1 ]] && { devices=200; reps=1; peer_reps=1; }
    rm -rf "$dir"; mkdir -p "$dir"
    [[ " ${BEDS[*]} " == *" $BED "* ]] || bed_up "$BED" --delay-ms 25 --loss-pct 2.5
    bed_targets "$devices" >"$dir/targets"
    grep -E '^198\.18\.(1[6-9]|2[0-9]|3[01])\.' "$dir/targets" >"$dir/live"
    start_agents "$dir" "$dir/live"
    local live_count dead_count
    live_count=$(wc -l <"$dir/live"); dead_count=$((devices - live_count))
    local in_bed=("$ROOT/scripts/testbed" exec "$BED" --)

    # The physical limit: one device read alone (every round trip in turn, over the 50 ms link)
    # plus the wait before a dead device counts as lost (1 s per try, 3 tries).
    local i
    head -n1 "$dir/live" >"$dir/one"
    for ((i = 0; i < 5; i++)); do
        timeout 60 "${in_bed[@]}" "$KBENCH" snmp --targets "$dir/one" | jq .wallSeconds >>"$dir/lone.s"
    done
    local lone limit
    lone=$(median "$dir/lone.s" 1)
    limit=$(calc "$lone + 3")

    log "snmp: $devices devices ($dead_count dead), kiemke engine x$reps, snmpget/snmpbulkwalk x$peer_reps"
    # The snmpds stand in for every live device: their CPU per cycle is load the test bed adds
    # to this machine (on real networks each device answers for itself).
    local agent_before agent_after
    agent_before=$(agents_ticks "${AGENT_PIDS[@]}")
    for ((i = 0; i < reps; i++)); do
        timeout 300 "${in_bed[@]}" "$KBENCH" snmp --targets "$dir/targets" >"$dir/kiemke.$i.json"
    done
    agent_after=$(agents_ticks "${AGENT_PIDS[@]}")
    for ((i = 0; i < peer_reps; i++)); do
        measure "$dir/peer" -- timeout 600 "${in_bed[@]}" xargs -P 64 -n 1 "$BENCH/snmp-peer" <"$dir/targets"
        cp "$dir/peer.out" "$dir/peer.$i.out"
        grep -F -f <(sed 's/$/ /' "$dir/live") "$dir/peer.out" | grep -c ' lost$' >>"$dir/peer.lost" || true
    done
    jq -s 'map(.wallSeconds) | sort | .[length / 2 | floor]' "$dir"/kiemke.*.json >"$dir/k.wall"
    local k_wall k_cpu k_lost k_partial p_wall p_cpu p_lost
    k_wall=$(calc "$(cat "$dir/k.wall")")
    k_cpu=$(jq -s 'map(.cpuSeconds) | sort | .[length / 2 | floor]' "$dir"/kiemke.*.json)
    k_lost=$(jq -s --arg live '^198\.18\.(1[6-9]|2[0-9]|3[01])\.' 'map([.failed[] | select(test($live))] | length) | max' "$dir"/kiemke.*.json)
    k_partial=$(jq -s 'map(.partial) | max' "$dir"/kiemke.*.json)
    p_wall=$(median "$dir/peer.time" 1)
    awk '{ print $2 + $3 }' "$dir/peer.time" >"$dir/peer.cpu"
    p_cpu=$(median "$dir/peer.cpu" 1)
    p_lost=$(sort -n "$dir/peer.lost" | tail -n1)
    local ratio
    ratio=$(calc "$k_wall / $limit")
    result snmp "cycle wall s / physical limit ($(calc "$lone") s lone read + 3 s dead)" "$k_wall" "$limit" "$ratio" "<= 1.2" "$(verdict "$ratio" '<=' 1.2)"
    result snmp "cycle wall s beside snmpget/snmpbulkwalk xargs -P 64" "$k_wall" "$p_wall" "$(calc "$k_wall / $p_wall")" "info" "-"
    result snmp "CPU ms per device-poll" "$(calc "$k_cpu * 1000 / $devices")" "$(calc "$p_cpu * 1000 / $devices")" \
        "$(calc "$k_cpu / $p_cpu")" "info" "-"
    result snmp "live devices lost of $live_count (worst run)" "$k_lost" "$p_lost" "-" "0" "$(verdict "$k_lost" '==' 0)"
    result snmp "test bed: the ${#AGENT_PIDS[@]} snmpds' CPU s per kiemke cycle" \
        "$(calc "($agent_after - $agent_before) / $(getconf CLK_TCK) / $reps")" "-" "-" "info" "-"
    result snmp "live devices read only in part (worst run)" "$k_partial" \
        "$(grep -F -f <(sed 's/$/ /' "$dir/live") "$dir/peer.0.out" | grep -c ' partial$' || true)" "-" "info" "-"
}

# agents_ticks PID...: user+system clock ticks the processes have used so far, summed.
agents_ticks() {
    local pid
    for pid in "$@"; do awk '{ print $14 + $15 }' "/proc/$pid/stat"; done | awk '{ s += $1 } END { print s }'
}
