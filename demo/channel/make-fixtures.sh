#!/usr/bin/env bash
# Makes the committed show fixture: a 24-second loop in which each of four products is
# on screen for 6 seconds, in two renditions of 2-second MPEG-TS segments. The simulated
# live channel (demo/channel/live-channel.mjs) loops it and writes the DATERANGE tags that
# say the same thing the picture says, so SHOW below must match SHOW_PRODUCTS there (checked).
# The picture is a studio scene: a presenter at a table, each product sliding in for its slot,
# its name on a lower third. Needs Debian's ffmpeg (built with librsvg) and fonts-dejavu-core:
# apt-get install -y ffmpeg fonts-dejavu-core
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=demo/channel/media
FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
FONT_BOOK=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
SLOT=6
SHOW=("aurora-jacket:Aurora Shell Jacket:0x0f766e" "ember-mug:Ember Enamel Mug:0xb45309"
      "drift-backpack:Drift 28L Backpack:0x1d4ed8" "glow-lantern:Glow Camp Lantern:0x7e22ce")
LOOP=$(( SLOT * ${#SHOW[@]} ))
ids=$(for item in "${SHOW[@]}"; do printf '%s,' "${item%%:*}"; done)
node --input-type=module -e "import { SHOW_PRODUCTS as p } from './demo/channel/live-channel.mjs';
  if (p + ',' !== process.argv[1]) throw new Error('SHOW is not live-channel.mjs SHOW_PRODUCTS: ' + p);" "$ids"

# The studio scene (demo/channel/scene.mjs draws its layers), rasterised once.
SCENE=$(mktemp -d); trap 'rm -rf "$SCENE"' EXIT
node demo/channel/scene.mjs "$SCENE"
for f in "$SCENE"/*.svg; do ffmpeg -loglevel error -y -i "$f" "${f%.svg}.png"; done
layer() { inputs+=(-loop 1 -framerate 30 -t "$LOOP" -i "$SCENE/$1.png"); }
inputs=(); layer set; layer body; layer head; layer mouth; layer blink; layer table
for item in "${SHOW[@]}"; do layer "${item%%:*}"; done

# The presenter: the head bobs gently, the mouth moves in phrases, the eyes blink.
head="x='190+2*sin(2*PI*t/4)':y='74+1.5*sin(2*PI*t*0.8)'"
talk="gt(sin(2*PI*t*3.2)\,0.1)*gt(sin(2*PI*t*0.31)\,-0.5)"
graph="[0][1]overlay[s0];[s0][2]overlay=$head[s1];[s1][3]overlay=$head:enable='$talk'[s2]"
graph+=";[s2][4]overlay=$head:enable='lt(mod(t\,3.7)\,0.12)'[s3];[s3][5]overlay[s4]"
# Each product slides in from the right as its slot begins and out as it ends; its name
# wipes in on the lower third. The banner over the video says "Now showing", so the
# picture does not.
last=s4
for i in "${!SHOW[@]}"; do
  IFS=: read -r _ name color <<<"${SHOW[$i]}"
  a=$(( i * SLOT )); b=$(( a + SLOT ))
  x="420+240*pow(1-min(1\,(t-$a)/0.7)\,3)+240*pow(max(0\,(t-$b+0.7)/0.7)\,3)"
  card="enable='between(t,$a+0.3,$b-0.3)'"
  fade="alpha='min(1\,min((t-$a-0.5)/0.3\,($b-0.3-t)/0.2))'"
  graph+=";[$last][$(( 6 + i ))]overlay=x='$x':y=127:enable='between(t,$a,$b)'"
  graph+=",drawbox=x=24:y=284:w='min(310\,310*(t-$a-0.3)/0.35)':h=34:color=0xf8f4ee@0.96:t=fill:$card"
  graph+=",drawbox=x=24:y=284:w=6:h=34:color=$color:t=fill:$card"
  graph+=",drawtext=fontfile=$FONT:text='$name':x=42:y=292:fontsize=20:fontcolor=0x1c1917:$fade:$card[p$i]"
  last=p$i
done
graph+=";[$last]drawbox=x=24:y=318:w=310:h=22:color=0x1c1917@0.88:t=fill"
graph+=",drawtext=fontfile=$FONT_BOOK:text='Fjellvik Outdoor · Winter Trail Live':x=36:y=323:fontsize=13:fontcolor=0xf8f4ee"
graph+=",format=yuv420p,split=2[hi][lo0];[lo0]scale=320:180[lo];[$(( 6 + ${#SHOW[@]} )):a]volume=0.05,asplit=2[a1][a2]"

rm -rf "$OUT"; mkdir -p "$OUT/360p" "$OUT/180p"
ffmpeg -loglevel error -y "${inputs[@]}" \
  -f lavfi -i "sine=frequency=440:sample_rate=48000:duration=$LOOP" \
  -filter_complex "$graph" \
  -map "[hi]" -map "[a1]" -c:v libx264 -profile:v main -preset veryfast -b:v 450k -maxrate 500k -bufsize 900k \
    -pix_fmt yuv420p -g 60 -keyint_min 60 -sc_threshold 0 -x264-params vbv-init=0.9 -c:a aac -b:a 48k \
    -f hls -hls_time 2 -hls_playlist_type vod -hls_segment_filename "$OUT/360p/%02d.ts" "$OUT/360p/vod.m3u8" \
  -map "[lo]" -map "[a2]" -c:v libx264 -profile:v baseline -preset veryfast -b:v 140k -maxrate 160k -bufsize 280k \
    -pix_fmt yuv420p -g 60 -keyint_min 60 -sc_threshold 0 -x264-params vbv-init=0.9 -c:a aac -b:a 32k \
    -f hls -hls_time 2 -hls_playlist_type vod -hls_segment_filename "$OUT/180p/%02d.ts" "$OUT/180p/vod.m3u8"

# A plain MP4 of the same show, for the "MP4 plays without hls.js" path.
ffmpeg -loglevel error -y -i "$OUT/180p/vod.m3u8" -c copy -bsf:a aac_adtstoasc -movflags +faststart "$OUT/show.mp4"
# The benchmark's physical floor: the lowest rendition's first segment as one progressive
# file, which a <video> plays with no JavaScript at all.
mkdir -p "$OUT/floor"
ffmpeg -loglevel error -y -i "$OUT/180p/00.ts" -c copy -bsf:a aac_adtstoasc -movflags +faststart "$OUT/floor/180p.mp4"
# The same show as fMP4 with ID3 TXXX frames (in emsg boxes) instead of DATERANGE tags.
mkdir -p "$OUT/id3"
ffmpeg -loglevel error -y -i "$OUT/180p/vod.m3u8" -c copy -bsf:a aac_adtstoasc -f hls -hls_time 2 -hls_playlist_type vod \
  -hls_segment_type fmp4 -hls_fmp4_init_filename init.mp4 -hls_segment_filename "$OUT/id3/%02d.m4s" "$OUT/id3/vod.m3u8"
node demo/channel/add-id3.mjs "$OUT/id3"
# The first 12 seconds again, tagged the way AWS IVS (PutMetadata) and MediaLive (ID3 segment
# tags) tag a stream: TXXX frames with JSON or plain text, polls and chapter text among them.
mkdir -p "$OUT/providers"
ffmpeg -loglevel error -y -i "$OUT/180p/vod.m3u8" -t 12 -c copy -bsf:a aac_adtstoasc -f hls -hls_time 2 -hls_playlist_type vod \
  -hls_segment_type fmp4 -hls_fmp4_init_filename init.mp4 -hls_segment_filename "$OUT/providers/%02d.m4s" "$OUT/providers/vod.m3u8"
node demo/channel/add-id3.mjs "$OUT/providers" providers
# The first 8 seconds with an ID3 frame every 10 ms (alternating products, then one
# repeated): the abuse suite's "no flicker" stream.
mkdir -p "$OUT/burst"
ffmpeg -loglevel error -y -i "$OUT/180p/vod.m3u8" -t 8 -c copy -bsf:a aac_adtstoasc -f hls -hls_time 2 -hls_playlist_type vod \
  -hls_segment_type fmp4 -hls_fmp4_init_filename init.mp4 -hls_segment_filename "$OUT/burst/%02d.m4s" "$OUT/burst/vod.m3u8"
node demo/channel/add-id3.mjs "$OUT/burst" burst
du -sh "$OUT"
