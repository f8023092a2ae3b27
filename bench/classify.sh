# Workload "classify": the classifier's CPU per device (issue #13: under 1 ms). Every recording in
# ../shared/snmp/recordings and corpus is interpreted once as a read would be, then classified
# again and again (kiemke-bench classify); the full interpretation of a read (facts, evidence,
# classification, model, firmware) is timed too. No network. Sourced by bench/run.

run_classify() {
    local dir=$OUT/classify rounds=2000 shared=$ROOT/../shared/snmp
    [[ $QUICK == 1 ]] && rounds=200
    [[ -d $shared/recordings ]] || { log "classify: skipped, $shared/recordings is missing"; return 0; }
    rm -rf "$dir"; mkdir -p "$dir"
    local folders=("$shared/recordings")
    [[ -d $shared/corpus ]] && folders+=("$shared/corpus")
    local i
    for ((i = 0; i < 3; i++)); do
        "$KBENCH" classify --rounds "$rounds" "${folders[@]}" >"$dir/classify.$i.json"
    done
    local us interpret devices
    us=$(jq -s 'map(.classifyMicrosecondsPerDevice) | sort | .[1]' "$dir"/classify.*.json)
    interpret=$(jq -s 'map(.interpretMicrosecondsPerDevice) | sort | .[1]' "$dir"/classify.*.json)
    devices=$(jq -s '.[0].devices' "$dir"/classify.*.json)
    result classify "CPU µs per device classified ($devices recordings x $rounds, median of 3)" "$(calc "$us")" "-" "-" \
        "< 1000" "$(verdict "$us" '<' 1000)"
    result classify "CPU µs per read interpreted (facts + evidence + classification)" "$(calc "$interpret")" "-" "-" "info" "-"
}
