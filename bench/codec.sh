#!/usr/bin/env bash
# Codec benchmark: a generated 1080p30 source (testsrc2 + sine, 30 s) into the 1080/720/480/360 ladder, a
# faststart MP4 and single-file fMP4 HLS per rung, x264 veryfast + AAC. See bench/README.md.
#
#   bench/codec.sh                         # 3 runs of each way, medians
#   RUNS=1 DURATION=10 bench/codec.sh      # a quick look
#
# Ways, interleaved run by run so that a change of machine load hits all of them alike:
#   ours    the codec bundle's own code (bench/CodecBench.java): one ffmpeg decodes once, splits into the 4
#           rungs, encodes each once and tees it to MP4 and HLS; then the master playlist
#   remux   one ffmpeg writes the 4 MP4s (one AAC encoder per output), then 4 ffmpeg -c copy remux them to HLS
#   anchor  PeerTube's way: per resolution one ffmpeg (decode, scale, encode) to MP4, then a -c copy remux to
#           HLS - 8 processes, 4 decodes of the 1080p source
# All three use the same encoder settings (LadderCommand): crf 23 capped by each rung's maxrate, 2 s closed
# GOPs, no scene-cut keyframes, AAC 128k.
#
# Settings (environment): RUNS (3), DURATION (30, seconds of source), BENCH_WORK (/tmp/vidiverse-bench; this
# benchmark uses $BENCH_WORK/codec), MAVEN_REPO (~/.m2/repository; where the jars on the class path come from).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${BENCH_WORK:-/tmp/vidiverse-bench}/codec"
RUNS="${RUNS:-3}"
DURATION="${DURATION:-30}"
MAVEN_REPO="${MAVEN_REPO:-$HOME/.m2/repository}"
LADDER=(1080:4000000 720:2200000 480:1100000 360:700000)
X264=(-c:v libx264 -preset veryfast -crf 23 -sc_threshold 0 -flags:v +cgop
  -force_key_frames:v "expr:gte(t,n_forced*2)" -g 60 -keyint_min 60)
AAC=(-c:a aac -b:a 128k)
HLS=(-f hls -hls_time 4 -hls_list_size 0 -hls_playlist_type vod -hls_segment_type fmp4 -hls_flags single_file)

mkdir -p "$WORK"

# --- the codec's code and its class path, snapshotted so that edits during a run change nothing ------------
jar_of() { # module folder, artifact
  ls "$ROOT/bundles/$1/target/$2"-*.jar 2>/dev/null | grep -v -e sources -e javadoc | head -1
}
if [ -z "$(jar_of codec-ffmpeg org.vidiverse.codec.ffmpeg)" ] || [ -z "$(jar_of api org.vidiverse.api)" ]; then
  echo "== building bundles/codec-ffmpeg"
  (cd "$ROOT" && mvn -B -q -Dmaven.repo.local="$MAVEN_REPO" -pl bundles/codec-ffmpeg -am install -DskipTests)
fi
JACKSON="$(sed -n 's:.*<jackson.version>\(.*\)</jackson.version>.*:\1:p' "$ROOT/pom.xml")"
CP_DIR="$WORK/classpath"
rm -rf "$CP_DIR" && mkdir -p "$CP_DIR"
cp "$(jar_of codec-ffmpeg org.vidiverse.codec.ffmpeg)" "$(jar_of api org.vidiverse.api)" \
  "$MAVEN_REPO"/com/fasterxml/jackson/core/jackson-databind/"$JACKSON"/jackson-databind-"$JACKSON".jar \
  "$MAVEN_REPO"/com/fasterxml/jackson/core/jackson-core/"$JACKSON"/jackson-core-"$JACKSON".jar \
  "$MAVEN_REPO"/com/fasterxml/jackson/core/jackson-annotations/"${JACKSON%.*}"/jackson-annotations-"${JACKSON%.*}".jar \
  "$MAVEN_REPO"/org/slf4j/slf4j-api/1.7.36/slf4j-api-1.7.36.jar \
  "$MAVEN_REPO"/org/slf4j/slf4j-simple/1.7.36/slf4j-simple-1.7.36.jar "$CP_DIR/"
CP="$(ls "$CP_DIR"/*.jar | paste -sd: -)"
rm -rf "$WORK/classes" && javac -d "$WORK/classes" -cp "$CP" "$ROOT/bench/CodecBench.java"
java_codec() {
  java -cp "$CP:$WORK/classes" -Dkaraf.data="$WORK/karaf-data" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    CodecBench "$@"
}

# --- the bundled FFmpeg, extracted by the codec itself; the other ways run the same executable ------------
java_codec --install
FF_DIR="$(ls -d "$WORK"/karaf-data/vidiverse/ffmpeg/*/ | head -1)"
ff() { LD_LIBRARY_PATH="$FF_DIR" "$FF_DIR/ffmpeg" -nostdin -hide_banner -loglevel error -y "$@" 2> >(grep -v "no version information" >&2); }

SOURCE="$WORK/source-1080p30-${DURATION}s.mp4"
if [ ! -f "$SOURCE" ]; then
  echo "== generating $SOURCE"
  ff -f lavfi -i "testsrc2=size=1920x1080:rate=30:duration=$DURATION" \
    -f lavfi -i "sine=frequency=440:sample_rate=48000:duration=$DURATION" \
    -c:v libx264 -preset veryfast -crf 18 -pix_fmt yuv420p -c:a aac -b:a 192k "$SOURCE.tmp.mp4"
  mv "$SOURCE.tmp.mp4" "$SOURCE"
fi

# --- the three ways ---------------------------------------------------------------------------------------
way_ours() { # out
  java_codec "$SOURCE" "$1" "${LADDER[@]}" > "$1.ms"
}

way_remux() { # out
  local graph="[0:0]split=${#LADDER[@]}" outputs=() i=0 rung
  for rung in "${LADDER[@]}"; do graph+="[s$i]"; i=$((i + 1)); done
  i=0
  for rung in "${LADDER[@]}"; do
    graph+=";[s$i]scale=-2:${rung%%:*},format=yuv420p[v$i]"
    outputs+=(-map "[v$i]" -map 0:1 "${X264[@]}" -maxrate "${rung#*:}" -bufsize $((2 * ${rung#*:})) "${AAC[@]}"
      -map_metadata -1 -movflags +faststart "$1/${rung%%:*}.mp4")
    i=$((i + 1))
  done
  mkdir -p "$1/hls"
  ff -i "file:$SOURCE" -filter_complex "$graph" "${outputs[@]}"
  for rung in "${LADDER[@]}"; do
    ff -i "$1/${rung%%:*}.mp4" -c copy "${HLS[@]}" -hls_segment_filename "$1/hls/${rung%%:*}-fragmented.mp4" \
      "$1/hls/${rung%%:*}.m3u8"
  done
}

way_anchor() { # out
  local rung
  mkdir -p "$1/hls"
  for rung in "${LADDER[@]}"; do
    ff -i "file:$SOURCE" -map 0:0 -map 0:1 -vf "scale=-2:${rung%%:*},format=yuv420p" "${X264[@]}" \
      -maxrate "${rung#*:}" -bufsize $((2 * ${rung#*:})) "${AAC[@]}" -map_metadata -1 -movflags +faststart \
      "$1/${rung%%:*}.mp4"
    ff -i "$1/${rung%%:*}.mp4" -c copy "${HLS[@]}" -hls_segment_filename "$1/hls/${rung%%:*}-fragmented.mp4" \
      "$1/hls/${rung%%:*}.m3u8"
  done
}

WAYS=(ours remux anchor)
declare -A WALL CPU BYTES
echo "== $RUNS run(s) of each way on $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$RUNS"); do
  for way in "${WAYS[@]}"; do
    out="$WORK/out-$way"
    rm -rf "$out" "$out.ms" && mkdir -p "$out"
    TIMEFORMAT="%R %U %S"
    if ! { time "way_$way" "$out" > /dev/null; } 2> "$out.time"; then
      cat "$out.time" >&2
      exit 1
    fi
    read -r wall user sys < <(tail -1 "$out.time")
    cpu="$(echo "$user + $sys" | bc)"
    bytes="$(find "$out" -type f -name '*.mp4' -printf '%s\n' | paste -sd+ - | bc)"
    WALL[$way]+="$wall " CPU[$way]+="$cpu " BYTES[$way]="$bytes"
    printf '   run %d %-6s wall %6.1f s  cpu %6.1f s  %s MB written%s\n' "$run" "$way" "$wall" "$cpu" \
      "$((bytes / 1000000))" "$([ -f "$out.ms" ] && echo " (transcode() $(cat "$out.ms") ms)")"
  done
done
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
OURS_WALL="$(echo "${WALL[ours]}" | median)"
OURS_CPU="$(echo "${CPU[ours]}" | median)"
echo
echo "| way | wall s (median of $RUNS) | CPU s (median) | wall vs ours | CPU vs ours |"
echo "|---|---|---|---|---|"
for way in "${WAYS[@]}"; do
  w="$(echo "${WALL[$way]}" | median)" c="$(echo "${CPU[$way]}" | median)"
  printf '| %s | %.1f | %.1f | %.2f | %.2f |\n' "$way" "$w" "$c" "$(echo "$w / $OURS_WALL" | bc -l)" \
    "$(echo "$c / $OURS_CPU" | bc -l)"
done
