#!/usr/bin/env bash
# Codec benchmark: the Humble Video sample codec (in-process, FFmpeg 2.8 + x264 without SIMD) against the ffmpeg 8
# CLI (bytedeco's build, the one the default codec runs) on the same generated source. See bench/README.md.
#
#   bench/codec-humble.sh                 # 720p30 20 s -> 480p30 MP4, 3 runs each, medians and ratio
#   RUNS=1 DURATION=5 bench/codec-humble.sh
#
# Settings (environment): RUNS (3), DURATION (20 s), SOURCE_SIZE (1280x720), FPS (30), HEIGHT (480),
# BITRATE (1200000), PRESET (veryfast), MAVEN_REPO (a -Dmaven.repo.local for the Maven calls), BENCH_OUT
# (default bench/target/codec-humble). Needs Java 17, Maven, unzip and libpulse0 (apt-get install -y libpulse0:
# bytedeco's libavdevice links it, although converting files never calls it).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${BENCH_OUT:-$ROOT/bench/target/codec-humble}"
RUNS="${RUNS:-3}"
DURATION="${DURATION:-20}"
SOURCE_SIZE="${SOURCE_SIZE:-1280x720}"
FPS="${FPS:-30}"
HEIGHT="${HEIGHT:-480}"
BITRATE="${BITRATE:-1200000}"
PRESET="${PRESET:-veryfast}"
FFMPEG_ARTIFACT=org.bytedeco:ffmpeg:8.1.2-1.5.14:jar:linux-x86_64-gpl
PLUGIN="$ROOT/plugins-sample/codec-humble"
MVN=(mvn -B -q)
[ -n "${MAVEN_REPO:-}" ] && MVN+=("-Dmaven.repo.local=$MAVEN_REPO")

need() { command -v "$1" >/dev/null || { echo "bench needs $1 (apt-get install -y $2)" >&2; exit 1; }; }
need java openjdk-17-jdk-headless
need mvn maven
need unzip unzip
mkdir -p "$OUT"

# 1. The anchor: ffmpeg 8 out of bytedeco's jar (resolved by Maven into bench/target, never committed)
FFDIR="$OUT/ffmpeg"
if [ ! -x "$FFDIR/ffmpeg" ]; then
  "${MVN[@]}" dependency:copy -Dartifact="$FFMPEG_ARTIFACT" -DoutputDirectory="$OUT" -Dmdep.overWriteIfNewer=true
  rm -rf "$FFDIR.tmp" && mkdir -p "$FFDIR.tmp"
  unzip -q -o "$OUT"/ffmpeg-*-linux-x86_64-gpl.jar 'org/bytedeco/ffmpeg/linux-x86_64-gpl/*' -d "$FFDIR.tmp"
  rm -rf "$FFDIR" && mv "$FFDIR.tmp/org/bytedeco/ffmpeg/linux-x86_64-gpl" "$FFDIR" && rm -rf "$FFDIR.tmp"
  chmod +x "$FFDIR/ffmpeg" "$FFDIR/ffprobe"
fi
ffmpeg() { LD_LIBRARY_PATH="$FFDIR" "$FFDIR/ffmpeg" -hide_banner -loglevel error "$@"; }
ffmpeg -version >/dev/null 2>&1 || { LD_LIBRARY_PATH="$FFDIR" "$FFDIR/ffmpeg" -version | head -3; \
  echo "ffmpeg does not start (missing library above? apt-get install -y libpulse0)" >&2; exit 1; }

# 2. The plugin: its classes with Humble's and libhumblevideo.so beside them, as the bundle ships them
if [ ! -f "$PLUGIN/target/classes/libhumblevideo.so" ] || [ ! -f "$PLUGIN/target/classes/org/vidiverse/sample/codec/humble/HumbleCodec.class" ]; then
  (cd "$ROOT" && "${MVN[@]}" install -DskipTests -pl plugins-sample/codec-humble -am)
fi
(cd "$PLUGIN" && "${MVN[@]}" dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile="$OUT/classpath.txt" >/dev/null)
# Humble's own jars stay off the class path: their loader would copy the 105 MB library into /tmp
CP="$PLUGIN/target/classes:$(tr ':' '\n' < "$OUT/classpath.txt" | grep -v '/io/humble/' | paste -sd:)"

# 3. The source, generated once: colour bars with a moving clock and a 440 Hz tone, H.264 + AAC
SRC="$OUT/source-${SOURCE_SIZE}p${FPS}-${DURATION}s.mp4"
if [ ! -f "$SRC" ]; then
  ffmpeg -y -f lavfi -i "testsrc2=size=$SOURCE_SIZE:rate=$FPS" -f lavfi -i "sine=frequency=440:sample_rate=48000" \
    -t "$DURATION" -c:v libx264 -preset medium -b:v 4M -pix_fmt yuv420p -c:a aac -b:a 128k "$SRC"
fi

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# 4. The same work for both: one rung, H.264 x264 $PRESET at $BITRATE (maxrate 1.5x, bufsize 2x), keyframe every
#    2 s, no scene-cut keyframes, AAC 128k, MP4 with faststart; threads left to each (x264 auto). Runs alternate
#    (ffmpeg, Humble, ffmpeg...) so that a change of load on a shared machine hits both alike. Wall and CPU time
#    (user + system of the whole process) are both kept: on a busy machine the CPU figure is the steadier one.
#    Humble's figures exclude the JVM start and the native library's loading (done before timing, once per run).
GOP=$((FPS * 2))
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
: > "$OUT/ffmpeg.times"
: > "$OUT/humble.times"
TIMEFORMAT='%R %U %S'
for i in $(seq 1 "$RUNS"); do
  { time ffmpeg -y -i "$SRC" -vf "scale=-2:$HEIGHT" -r "$FPS" -c:v libx264 -preset "$PRESET" -b:v "$BITRATE" \
      -maxrate $((BITRATE * 3 / 2)) -bufsize $((BITRATE * 2)) -g "$GOP" -keyint_min "$GOP" -sc_threshold 0 \
      -c:a aac -b:a 128k -movflags +faststart "$OUT/ffmpeg-${HEIGHT}p.mp4" ; } 2> "$OUT/ffmpeg.time"
  tail -1 "$OUT/ffmpeg.time" | awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' | tee -a "$OUT/ffmpeg.times" \
    | sed 's/^/ffmpeg (wall, CPU s) /' >&2
  java -cp "$CP" -Djava.library.path="$PLUGIN/target/classes" "$ROOT/bench/CodecHumbleBench.java" \
    "$SRC" "$OUT/humble" 1 "$HEIGHT" "$FPS" "$BITRATE" "$PRESET" 2> "$OUT/humble.log" > "$OUT/humble.run"
  grep '^humble ' "$OUT/humble.run" | cut -d' ' -f2- | tee -a "$OUT/humble.times" \
    | sed 's/^/humble (wall, CPU s) /' >&2
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
grep '^output' "$OUT/humble.log" | sed 's/^output/humble output/' >&2
LD_LIBRARY_PATH="$FFDIR" "$FFDIR/ffprobe" -v error -show_entries format=duration,bit_rate:stream=codec_name,width,height \
  -of compact "$OUT/ffmpeg-${HEIGHT}p.mp4" | sed 's/^/ffmpeg output /' >&2

col() { cut -d' ' -f"$1" | median; }
FW=$(col 1 < "$OUT/ffmpeg.times"); FC=$(col 2 < "$OUT/ffmpeg.times")
HW=$(col 1 < "$OUT/humble.times"); HC=$(col 2 < "$OUT/humble.times")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }
printf '\n| %s %s s -> %sp, x264 %s, median of %s | wall s | CPU s |\n|---|---|---|\n' \
  "$SOURCE_SIZE@$FPS" "$DURATION" "$HEIGHT" "$PRESET" "$RUNS"
printf '| ffmpeg 8.1 CLI (anchor) | %.2f | %.2f |\n| Humble Video 0.3.0 in-process | %.2f | %.2f |\n' "$FW" "$FC" "$HW" "$HC"
printf '| Humble / ffmpeg | %s | %s |\n' "$(ratio "$HW" "$FW")" "$(ratio "$HC" "$FC")"
