# Workload "discover": `kiemke discover` beside `nmap -sn` (and nmap with the same TCP ports) on
# (1) a /24 with 40 live devices behind a 25 ms each way / 2.5%-loss link, 5 runs, misses counted;
# (2) a /16 (65,534 addresses) with 1,000 live (50 of them answering only TCP) on a clean link, at a set
# rate (DISCOVER_RATE, 2,000/s): wall time against the limit the rate sets (packets sent / rate + one
# timeout), beside nmap -sn and nmap with kiemke's ports at the same rate; packets counted on the
# prober's link (nmap's raw packets too), CPU and RSS. Live devices are local routes in the
# office (they answer ping, and TCP with a reset); the rest of each range is blackholed.
# Sourced by bench/run.

# discover_live FILE: the addresses kiemke's JSON says answered, one a line.
discover_live() { jq -r '.devices[].address' "$1" | sort; }

run_discover() {
    local dir=$OUT/discover runs=5 i
    rm -rf "$dir"; mkdir -p "$dir"
    bed_up "$BED" --delay-ms 25 --loss-pct 2.5
    printf '[discovery]\nmax_addresses = 70000\n' >"$dir/k.toml"

    # (1) 198.18.40.0/24: every sixth address live (40 of them).
    "$ROOT/scripts/testbed" office "$BED" -- ip route add blackhole 198.18.40.0/24
    : >"$dir/live24"
    for ((i = 1; i <= 40; i++)); do echo "198.18.40.$((i * 6))" >>"$dir/live24"; done
    sed 's|^|route add local |; s|$|/32 dev lo|' "$dir/live24" >"$dir/routes24"
    "$ROOT/scripts/testbed" office "$BED" -- ip -batch "$dir/routes24"
    sort -o "$dir/live24" "$dir/live24"
    log "discover: /24 with 40 live, 25 ms each way, 2.5% loss, $runs runs"
    local missed=0 extra=0 nmapmissed=0 n
    for ((i = 1; i <= runs; i++)); do
        measure "$dir/k24" -- "$ROOT/scripts/testbed" exec "$BED" -- timeout 120 "$KIEMKE" discover 198.18.40.0/24 \
            --format json --config "$dir/k.toml" --db "$dir/none.sqlite"
        discover_live "$dir/k24.out" >"$dir/k24.found.$i"
        n=$(comm -23 "$dir/live24" "$dir/k24.found.$i" | wc -l); missed=$((missed + n))
        n=$(comm -13 "$dir/live24" "$dir/k24.found.$i" | wc -l); extra=$((extra + n))
        measure "$dir/n24" -- "$ROOT/scripts/testbed" exec "$BED" -- timeout 120 nmap -sn -n -oG - 198.18.40.0/24
        nmapmissed=$((nmapmissed + 40 - $(grep -c 'Status: Up' "$dir/n24.out" || true)))
        measure "$dir/p24" -- "$ROOT/scripts/testbed" exec "$BED" -- timeout 300 nmap -sn -n -PE -PS445,3389,22,9100,631,80,554,23,443 -oG - 198.18.40.0/24
    done
    local k n24 p24
    k=$(median "$dir/k24.time" 1); n24=$(median "$dir/n24.time" 1); p24=$(median "$dir/p24.time" 1)
    result discover "/24, 40 live, 50 ms RTT 2.5% loss: median wall s (5 runs)" "$k" "$n24" "$(calc "$k / $n24")" "< 5" "$(verdict "$k" '<' 5)"
    result discover "/24: live devices missed in 5 runs (kiemke; nmap -sn)" "$missed" "$nmapmissed" "-" "== 0" "$(verdict "$missed" '==' 0)"
    result discover "/24: answers that were not live (kiemke)" "$extra" "-" "-" "== 0" "$(verdict "$extra" '==' 0)"
    result discover "/24: median wall s beside nmap -sn with kiemke's TCP ports" "$k" "$p24" "$(calc "$k / $p24")" "-" "-"

    # (2) 198.19.0.0/16 on a clean link of its own (the issue sets no loss for it): 1,000 live (every
    # 65th address), every 20th of them answering only TCP (its echo requests dropped by a routing rule,
    # port 445 accepting), the rest of the /16 blackholed.
    local rate=${DISCOVER_RATE:-2000} count=1000 step=65 a bed16=$BED-16
    [[ $QUICK == 1 ]] && rate=20000
    bed_up "$bed16"
    local office16=("$ROOT/scripts/testbed" office "$bed16" --)
    "${office16[@]}" ip route add blackhole 198.19.0.0/16
    : >"$dir/live16"
    for ((i = 1; i <= count; i++)); do ipv4 198.19.0.0 $((i * step)) >>"$dir/live16"; done
    sed 's|^|route add local |; s|$|/32 dev lo|' "$dir/live16" >"$dir/routes16"
    "${office16[@]}" ip -batch "$dir/routes16"
    awk 'NR % 20 == 0' "$dir/live16" >"$dir/tcponly16"
    # The local table is looked up first (rule 0): move it after the ICMP-dropping rules.
    "${office16[@]}" ip rule add priority 100 table local
    "${office16[@]}" ip rule del priority 0 table local
    sed 's|^|rule add priority 10 ipproto icmp blackhole to |' "$dir/tcponly16" >"$dir/rules16"
    "${office16[@]}" ip -batch "$dir/rules16"
    "${office16[@]}" python3 -c '
import socket
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("0.0.0.0", 445)); s.listen(4096)
while True:
    c, _ = s.accept(); c.close()
' &
    PIDS+=($!)
    sort -o "$dir/live16" "$dir/live16"
    printf '[discovery]\nmax_addresses = 70000\nrate = %s\n' "$rate" >"$dir/k16.toml"
    log "discover: /16 with $count live ($(wc -l <"$dir/tcponly16") answering only TCP) at $rate packets/s"
    local before after packets
    # Packets the prober's link sent: echo requests, SYNs and SNMP datagrams alike, nmap's raw ones too.
    link_packets() { ip -n "kiemke-$bed16-p" -s -j link show link0 | jq '.[0].stats64.tx.packets'; }
    before=$(link_packets)
    measure "$dir/k16" -- "$ROOT/scripts/testbed" exec "$bed16" -- timeout 3600 "$KIEMKE" discover 198.19.0.0/16 --yes \
        --format json --config "$dir/k16.toml" --db "$dir/none.sqlite"
    after=$(link_packets)
    packets=$((after - before))
    discover_live "$dir/k16.out" >"$dir/k16.found"
    local missed16 tcpmissed wall16 limit cpu rss
    missed16=$(comm -23 "$dir/live16" "$dir/k16.found" | wc -l)
    tcpmissed=$(sort "$dir/tcponly16" | comm -23 - "$dir/k16.found" | wc -l)
    read -r wall16 user sys rss _ <"$dir/k16.time"
    cpu=$(calc "$user + $sys")
    limit=$(calc "$packets / $rate + 0.5")
    local nwall nfound npackets pwall pfound ppackets
    before=$(link_packets)
    measure "$dir/n16" -- "$ROOT/scripts/testbed" exec "$bed16" -- timeout 3600 nmap -sn -n --min-rate "$rate" --max-rate "$rate" -oG - 198.19.0.0/16
    after=$(link_packets)
    read -r nwall _ <"$dir/n16.time"
    nfound=$(grep -c 'Status: Up' "$dir/n16.out" || true)
    npackets=$((after - before))
    before=$(link_packets)
    measure "$dir/p16" -- "$ROOT/scripts/testbed" exec "$bed16" -- timeout 3600 nmap -sn -n -PE -PS445,3389,22,9100,631,80,554,23,443 \
        --min-rate "$rate" --max-rate "$rate" -oG - 198.19.0.0/16
    after=$(link_packets)
    read -r pwall _ <"$dir/p16.time"
    pfound=$(grep -c 'Status: Up' "$dir/p16.out" || true)
    ppackets=$((after - before))
    result discover "/16, $count live, rate $rate/s: wall s vs nmap -sn at the same rate" "$wall16" "$nwall" "$(calc "$wall16 / $nwall")" "<= 1" "$(verdict "$wall16" '<=' "$nwall")"
    result discover "/16: wall s vs nmap -PE -PS(kiemke's 9 ports) at the same rate" "$wall16" "$pwall" "$(calc "$wall16 / $pwall")" "-" "-"
    result discover "/16: wall s vs limit (packets $packets / rate + 0.5 s timeout = $limit s)" "$wall16" "$limit" "$(calc "$wall16 / $limit")" "<= 1.2" "$(verdict "$(calc "$wall16 / $limit")" '<=' 1.2)"
    result discover "/16: packets sent (kiemke; nmap -sn; nmap with the 9 ports: $ppackets)" "$packets" "$npackets" "$(calc "$packets / $npackets")" "-" "-"
    result discover "/16: live missed (kiemke; nmap -sn found $nfound, with the ports $pfound)" "$missed16" "$((count - nfound))" "-" "== 0" "$(verdict "$missed16" '==' 0)"
    result discover "/16: TCP-only live missed (kiemke)" "$tcpmissed" "-" "-" "== 0" "$(verdict "$tcpmissed" '==' 0)"
    result discover "/16: kiemke CPU s, peak RSS MB" "$cpu" "$(calc "$rss / 1024")" "-" "-" "-"
}
