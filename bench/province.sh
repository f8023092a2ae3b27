# Workload "province": the province roll-up on a real PostgreSQL 15 started here (initdb/pg_ctl as
# nobody, a private port): 100 communes x 100 devices with a half-year of daily rollups. Sourced by bench/run.

run_province() {
    local dir=$OUT/province communes=100 devices=100 days=182 port=$((40000 + RANDOM % 10000))
    [[ $QUICK == 1 ]] && { communes=5; days=30; }
    rm -rf "$dir"
    local url
    url=$(pg_start "$dir" "$port") || { log "province: PostgreSQL 15 is missing; skipped"; return 0; }
    log "province: seeding $devices devices with $days days of rollups"
    timeout 900 "$KBENCH" seed --db "$dir/commune.sqlite" --devices "$devices" --history-days "$days" >"$dir/seed.json"
    log "province: feeding $communes communes"
    timeout 3600 "$KBENCH" province --db "$dir/commune.sqlite" --admin-url "$url" --communes "$communes" >"$dir/province.json" || true
    pg_stop "$dir"
    [[ -s $dir/province.json ]] || { log "province: the run failed; see $dir"; return 0; }
    jq -c . "$dir/province.json" >&2
    local j=$dir/province.json
    result province "initial sync of one commune ($devices devices, $days days): s" "$(calc "$(jq .initialSyncFirstSeconds "$j")")" "-" "-" "< 5 s" \
        "$(awk "BEGIN { print ($(jq .initialSyncFirstSeconds "$j") < 5) ? \"pass\" : \"falls short\" }")"
    result province "routine round (one day's cycles): ms" "$(calc "$(jq .routineSeconds "$j") * 1000")" "-" "-" "< 200 ms" \
        "$(awk "BEGIN { print ($(jq .routineSeconds "$j") < 0.2) ? \"pass\" : \"falls short\" }")"
    result province "routine round payload: KB" "$(calc "$(jq .routinePayloadBytes "$j") / 1024")" "-" "-" "< 100 KB" \
        "$(awk "BEGIN { print ($(jq .routinePayloadBytes "$j") < 102400) ? \"pass\" : \"falls short\" }")"
    result province "province report over $communes communes: s" "$(calc "$(jq .provinceReportSeconds "$j")")" "-" "-" "< 2 s" \
        "$(awk "BEGIN { print ($(jq .provinceReportSeconds "$j") < 2) ? \"pass\" : \"falls short\" }")"
    result province "database size after $communes communes: MB" "$(calc "$(jq .databaseBytes "$j") / 1048576")" "-" "-" "info" "-"
}
