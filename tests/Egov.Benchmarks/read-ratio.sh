#!/usr/bin/env bash
# Every public read of Egov against a bare ASP.NET Core app serving the same body, side by side
# (issue 17, ADR 0015). Needs a running host in the Development environment (the development
# provider issues the seeding tokens), wrk (apt-get install wrk), jq, and a Release build of this
# project (dotnet build -c Release tests/Egov.Benchmarks). Loopback only.
#
# Usage: read-ratio.sh BASE_URL [ROUNDS] [SECONDS] [CONNECTIONS] [PATH-FILTER]
#   e.g. bash tests/Egov.Benchmarks/read-ratio.sh http://127.0.0.1:5080 3 5 64
# MIXED_SECS=60 EGOV_PID=<host pid> adds a mixed load over every read, then resident memory and JIT.
# Seeds what a city would have (50 news items in German and English with ~1 KB bodies, an event,
# an alert in force) unless there; captures each read's answer; serves the same bytes from
# `Egov.Benchmarks bare-serve` (JSON re-serialised per request, other bodies as they are); drives
# Egov and the bare app with wrk in alternating rounds; prints per read the median req/s, p99 and
# the ratio, and the host's resident memory after the run (pass its pid in EGOV_PID to see it).
set -u
base=${1:?base url}; rounds=${2:-3}; secs=${3:-5}; conns=${4:-64}; only=${5:-}
here=$(cd "$(dirname "$0")" && pwd)
work=${TMPDIR:-/tmp}/egov-read-ratio; rm -rf "$work"; mkdir -p "$work"
for tool in wrk jq curl; do command -v $tool >/dev/null || { echo "$tool missing"; exit 1; }; done
bench="$here/bin/Release/net10.0/Egov.Benchmarks.dll"
[ -f "$bench" ] || { echo "build first: dotnet build -c Release tests/Egov.Benchmarks"; exit 1; }

token() { curl -s -X POST "$base/connect/token" -d grant_type=password -d client_id=egov-cli -d "username=$1" -d "password=$1" \
  --data-urlencode 'scope=openid profile email roles egov-api' | jq -r '.access_token // empty'; }
publish() { # token json → id
  local resp id etag
  resp=$(curl -s -D "$work/h" -X POST "$base/api/v1/announcements" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' -d "$2")
  id=$(echo "$resp" | jq -r '.id // empty'); etag=$(grep -i '^etag:' "$work/h" | cut -d' ' -f2- | tr -d '\r')
  [ -n "$id" ] || { echo "create failed: $(echo "$resp" | cut -c1-300)" >&2; return 1; }
  curl -s -o /dev/null -X POST "$base/api/v1/announcements/$id/publish" -H "Authorization: Bearer $1" -H "If-Match: $etag" -H 'Content-Type: application/json' -d '{}'
  echo "$id"
}

editor=$(token editor); crisis=$(token crisis)
[ -n "$editor" ] && [ -n "$crisis" ] || { echo "no development tokens: run the host in the Development environment"; exit 1; }
news=$(curl -s "$base/api/v1/announcements?kind=News&limit=100" | jq '.items | length')
body=$(printf 'Der **Bauhof** informiert über Arbeiten in der Altstadt. %.0s' $(seq 1 16))
for i in $(seq $((news + 1)) 50); do
  publish "$editor" "$(jq -n --arg t "Meldung $i: Straßensperrung Wilhelmstraße" --arg b "$body" '{kind:"News",
    variants:[{language:"de",title:$t,summary:"Die Wilhelmstraße ist wegen Kanalarbeiten gesperrt; Umleitung über die Altenaer Straße.",body:$b},
              {language:"en",title:("News " + $t),summary:"Road closed for sewer works.",body:"The road is closed."}],
    categories:["traffic"]}')" >/dev/null
done
if [ "$(curl -s "$base/api/v1/announcements?kind=Event" | jq '.items | length')" = 0 ]; then
  publish "$editor" "$(jq -n --arg b "$body" '{kind:"Event", variants:[{language:"de",title:"Weihnachtsmarkt auf dem Rathausplatz",summary:"Vier Wochen Markt.",body:$b}],
    categories:["culture"], event:{start:"2027-11-27T11:00", end:"2027-11-27T21:00", place:"Rathausplatz"}}')" >/dev/null
fi
if [ "$(curl -s "$base/api/v1/alerts/active" | jq 'length')" = 0 ]; then
  onset=$(date -u +%Y-%m-%dT%H:%M:%SZ); expires=$(date -u -d '+12 hours' +%Y-%m-%dT%H:%M:%SZ)
  publish "$crisis" "$(jq -n --arg o "$onset" --arg e "$expires" '{kind:"Alert", variants:[{language:"de",title:"Sturmwarnung für das Stadtgebiet",summary:"Sturmböen bis 100 km/h.",body:"Meiden Sie Parks und Wälder."}],
    categories:["warnings"], alert:{msgType:"Alert", references:[], event:"Sturm", category:"Met", urgency:"Immediate", severity:"Severe", certainty:"Likely",
    responseType:"Avoid", instruction:"Bleiben Sie im Haus.", onset:$o, expires:$e,
    areas:[{description:"Stadtgebiet", polygons:[[[51.2,7.6],[51.25,7.6],[51.25,7.7],[51.2,7.6]]], geocodes:[{valueName:"ARS", value:"059620032032"}]}]}}')" >/dev/null
fi

slug=$(curl -s "$base/api/v1/announcements?kind=News&limit=1" | jq -r '.items[0].slug')
event=$(curl -s "$base/api/v1/announcements?kind=Event&limit=1" | jq -r '.items[0].slug')
alert=$(curl -s "$base/api/v1/alerts/active" | jq -r '.[0].id')
paths=(
  "/api/v1/announcements?limit=50" "/api/v1/announcements/$slug" "/api/v1/alerts/active" "/api/v1/alerts/$alert"
  "/api/v1/forms" "/api/v1/forms/hundesteuer-anmeldung"
  "/feeds/announcements.rss" "/feeds/announcements.atom" "/feeds/alerts.atom" "/api/v1/announcements/$event/event.ics"
  "/api/v1/push/topics" "/api/v1/push/vapid-public-key" "/api/v1/receipts/verify?reference=HU-2026-000001&fingerprint=$(printf "0%.0s" $(seq 1 64))"
  "/" "/announcements" "/announcements/$slug" "/forms" "/forms/hundesteuer-anmeldung"
)

: >"$work/manifest.tsv"
for n in "${!paths[@]}"; do
  ct=$(curl -s -o "$work/body$n" -w '%{content_type}' "$base${paths[$n]}")
  printf '%s\t%s\t%s\n' "$n" "$ct" "$work/body$n" >>"$work/manifest.tsv"
done
(setsid sh -c 'echo $$ >"$0/bare.pid"; exec dotnet "$1" bare-serve --manifest "$0/manifest.tsv" --urls http://127.0.0.1:5391' "$work" "$bench" >"$work/bare.log" 2>&1 &)
stop() { [ -f "$work/bare.pid" ] && kill "$(cat "$work/bare.pid")" 2>/dev/null; }
trap stop EXIT
for i in $(seq 1 60); do curl -s -o /dev/null http://127.0.0.1:5391/b/0 && break; sleep 0.25; done

run() { # url → "rps p99ms non2xx"
  wrk -t1 -c"$conns" -d"${secs}s" --latency "$1" 2>/dev/null | awk '
    /Requests\/sec/ {r=$2}
    /^ +99%/ {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; p=v}
    /Non-2xx/ {bad=$5}
    END {printf "%s %s %s\n", r, p, (bad==""?0:bad)}'
}

echo "| read | bytes | Egov req/s | Egov p99 ms | bare req/s | bare p99 ms | ratio | non-2xx |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for n in "${!paths[@]}"; do
  path=${paths[$n]}
  [ -n "$only" ] && [[ "$path" != *"$only"* ]] && continue
  wrk -t1 -c8 -d2s "$base$path" >/dev/null 2>&1; wrk -t1 -c8 -d2s "http://127.0.0.1:5391/b/$n" >/dev/null 2>&1
  : >"$work/rounds"
  for r in $(seq 1 "$rounds"); do
    echo "$(run "$base$path") $(run "http://127.0.0.1:5391/b/$n")" >>"$work/rounds"
  done
  python3 - "$work/rounds" "$path" "$(stat -c %s "$work/body$n")" <<'PY'
import sys, statistics as st
rows=[[float(x) for x in l.split()] for l in open(sys.argv[1]) if l.strip()]
ratio=st.median([r[0]/r[3] for r in rows if r[3] > 0])
print(f"| `{sys.argv[2]}` | {sys.argv[3]} | {st.median(r[0] for r in rows):.0f} | {st.median(r[1] for r in rows):.1f} | "
      f"{st.median(r[3] for r in rows):.0f} | {st.median(r[4] for r in rows):.1f} | {ratio:.2f} | {sum(r[2] for r in rows):.0f} |")
PY
done
if [ -n "${EGOV_PID:-}" ]; then
  echo "host resident memory after the run: $(awk '/VmRSS/ {print int($2/1024) " MB"}' "/proc/$EGOV_PID/status")"
fi

# Mixed phase (MIXED_SECS > 0): every read above in turn on each connection for MIXED_SECS seconds,
# then the host's resident memory; with EGOV_PID and dotnet-counters, the methods the JIT compiled
# during the last 20 s of that load (steady state: 0 wanted; MIXED_SECS of 120 or more lets the
# once-a-second timers of the background workers finish their tier-up too).
mixed=${MIXED_SECS:-0}
if [ "$mixed" -gt 0 ]; then
  { echo 'local paths = {'; for path in "${paths[@]}"; do printf '  "%s",\n' "$path"; done; echo '}'
    cat <<'LUA'
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
LUA
  } >"$work/mixed.lua"
  counters=""
  if [ -n "${EGOV_PID:-}" ] && command -v dotnet-counters >/dev/null; then
    # Started with the load, so what the counters session itself makes the host compile (its
    # EventSource and metrics listeners) falls before the window that is counted: the last 20 s.
    (timeout "$((mixed + 1))" dotnet-counters collect -p "$EGOV_PID" --refresh-interval 1 \
      --counters System.Runtime --format csv -o "$work/counters.csv" >/dev/null 2>&1) &
    counters=$!
  fi
  echo
  echo "mixed load, ${mixed} s, $conns connections:"
  wrk -t1 -c"$conns" -d"${mixed}s" --latency -s "$work/mixed.lua" "$base" 2>/dev/null | grep -E 'Requests/sec|^ +99%|Non-2xx'
  [ -n "$counters" ] && wait "$counters"
  if [ -n "${EGOV_PID:-}" ]; then
    echo "host resident memory after ${mixed} s: $(awk '/VmRSS/ {print int($2/1024) " MB"}' "/proc/$EGOV_PID/status")"
  fi
  if [ -f "$work/counters.csv" ]; then
    python3 - "$work/counters.csv" <<'PY'
import csv, sys
rows = [r for r in csv.reader(open(sys.argv[1])) if len(r) >= 5 and r[2] != "Counter Name"]
def values(prefix):
    return [(r[0], float(r[4])) for r in rows if r[2].startswith(prefix)]
jit = values("dotnet.jit.compiled_methods")[-20:]  # a rate: methods per 1 s interval; the last 20 s
if jit:
    print(f"JIT: {sum(v for _, v in jit):.0f} methods compiled in the last {len(jit)} s of the load "
          f"(per second: {' '.join(f'{v:.0f}' for _, v in jit)})")
committed = values("dotnet.gc.last_collection.memory.committed_size")
if committed:
    print(f"GC committed at the end: {committed[-1][1] / 1048576:.0f} MB")
PY
  fi
fi
