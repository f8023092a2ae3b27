# Workload "province-sim": issue 18's 1,000 communes syncing every 5 minutes, on a real PostgreSQL 15
# started here (initdb/pg_ctl as nobody, a private loopback port). One seeded commune database
# (100 devices, a day of rollups) is copied for every commune; after their initial syncs, each wave
# is every commune's 5-minute cycle recorded and one real sync round, time compressed (a wave
# starts when the last ended). The server keeps up when a wave ends well within 300 s with no
# backlog left. Sourced by bench/run. PROVSIM_COMMUNES, PROVSIM_WAVES, PROVSIM_CONCURRENCY override.

run_province-sim() {
    local dir=$OUT/province-sim devices=100 port=$((40000 + RANDOM % 10000))
    local communes=${PROVSIM_COMMUNES:-1000} waves=${PROVSIM_WAVES:-3} concurrency=${PROVSIM_CONCURRENCY:-100}
    [[ $QUICK == 1 ]] && { communes=${PROVSIM_COMMUNES:-50}; waves=${PROVSIM_WAVES:-2}; }
    rm -rf "$dir"
    # Each round in flight holds one connection; a few more for the admin and autovacuum.
    local url
    url=$(pg_start "$dir" "$port" "-c max_connections=$((concurrency + 20))") \
        || { log "province-sim: PostgreSQL 15 is missing; skipped"; return 0; }
    local postmaster; postmaster=$(head -n1 "$dir/data/postmaster.pid")
    log "province-sim: seeding the commune template ($devices devices, a day of rollups)"
    timeout 300 "$KBENCH" seed --db "$dir/template.sqlite" --devices "$devices" --history-days 1 >"$dir/seed.json"
    log "province-sim: $communes communes, $waves waves, at most $concurrency rounds at once"
    # A thousand stores open at once: three files each, and sockets.
    ulimit -n 65536 2>/dev/null || true
    timeout $((600 + communes * (3 + waves))) "$KBENCH" province-simulate --template "$dir/template.sqlite" \
        --dir "$dir/communes" --admin-url "$url" --communes "$communes" --waves "$waves" \
        --concurrency "$concurrency" --server-pid "$postmaster" >"$dir/simulate.json" 2>"$dir/simulate.log" || true
    pg_stop "$dir"
    cat "$dir/simulate.log" >&2
    [[ -s $dir/simulate.json ]] || { log "province-sim: the run failed; see $dir"; return 0; }
    rm -rf "$dir/communes"
    local j=$dir/simulate.json w
    for ((w = 0; w < $(jq '.waveLines | length' "$j"); w++)); do
        local line; line=$(jq -c ".waveLines[$w]" "$j")
        result province-sim "wave $((w + 1)), $communes communes: wall s (p50/p99 round ms)" "$(calc "$(jq .wallSeconds <<<"$line")")" \
            "-" "-" "< 300 s" "$(verdict "$(jq .wallSeconds <<<"$line")" '<' 300) ($(calc "$(jq .roundP50Ms <<<"$line")")/$(calc "$(jq .roundP99Ms <<<"$line")") ms)"
        result province-sim "wave $((w + 1)): backlog left, failed rounds" "$(jq .backlog <<<"$line"), $(jq .failures <<<"$line")" "-" "-" "0, 0" \
            "$( [[ $(jq '.backlog + .failures' <<<"$line") == 0 ]] && echo pass || echo "FALLS SHORT")"
    done
    result province-sim "server (PostgreSQL) CPU: s per wave, per day (288 waves)" \
        "$(calc "$(jq '.serverCPUSecondsPerWave // 0' "$j")"), $(calc "$(jq '.serverCPUSecondsPerDay // 0' "$j")")" "-" "-" "info" "-"
    result province-sim "client (the $communes communes, one process) CPU s per wave" "$(calc "$(jq .clientCPUSecondsPerWave "$j")")" "-" "-" "info" "-"
    # Waves of one day update the same rows (dead rows that autovacuum then reuses): their growth
    # levels off, so the per-wave figure times 288 is an upper bound; a new day's rows are the lasting growth.
    result province-sim "database growth: MiB per wave, x288 (upper bound)" \
        "$(calc "$(jq '.databaseGrowthBytesPerWave / 1048576' "$j")"), $(calc "$(jq '.databaseGrowthBytesPerDay / 1048576' "$j")")" "-" "-" "info" "-"
    result province-sim "database growth: a new day's rows, MiB per day (bytes a row x rows)" \
        "$(calc "$(jq '.newDayRowsBytesPerDay / 1048576' "$j")")" "-" "-" "info" "-"
}
