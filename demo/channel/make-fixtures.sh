#!/usr/bin/env bash
# Makes the committed show fixture: a 24-second loop in which each of four products is
# on screen for 6 seconds, in two renditions of 2-second MPEG-TS segments. The simulated
# live channel (demo/channel/live-channel.mjs) loops it and writes the DATERANGE tags that
# say the same thing the picture says, so SHOW below must match PRODUCTS there.
# Needs Debian's ffmpeg and fonts-dejavu-core: apt-get install -y ffmpeg fonts-dejavu-core
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=demo/channel/media
FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
SLOT=6
SHOW=("Aurora Shell Jacket:0x0f766e" "Ember Enamel Mug:0xb45309" "Drift 28L Backpack:0x1d4ed8" "Glow Camp Lantern:0x7e22ce")
LOOP=$(( SLOT * ${#SHOW[@]} ))

filters="drawtext=fontfile=$FONT:text='Fjellvik Outdoor · Winter Trail Live':x=w-tw-24:y=20:fontsize=20:fontcolor=white"
for i in "${!SHOW[@]}"; do
  name=${SHOW[$i]%%:*}; color=${SHOW[$i]##*:}
  from=$(( i * SLOT )); to=$(( from + SLOT ))
  on="enable='between(t,$from,$to)'"
  filters+=",drawbox=x=0:y=250:w=iw:h=110:color=$color@0.9:t=fill:$on"
  filters+=",drawtext=fontfile=$FONT:text='Now showing':x=24:y=262:fontsize=18:fontcolor=white@0.8:$on"
  filters+=",drawtext=fontfile=$FONT:text='$name':x=24:y=290:fontsize=36:fontcolor=white:$on"
done
filters+=",drawtext=fontfile=$FONT:text='%{pts\\:hms}':x=w-tw-24:y=48:fontsize=16:fontcolor=white@0.75"

rm -rf "$OUT"; mkdir -p "$OUT/360p" "$OUT/180p"
ffmpeg -loglevel error -y \
  -f lavfi -i "gradients=size=640x360:rate=30:duration=$LOOP:c0=0x0f172a:c1=0x334155:c2=0x1e293b:speed=0.03" \
  -f lavfi -i "sine=frequency=440:sample_rate=48000:duration=$LOOP" \
  -filter_complex "[0:v]$filters,split=2[hi][lo0];[lo0]scale=320:180[lo];[1:a]volume=0.05,asplit=2[a1][a2]" \
  -map "[hi]" -map "[a1]" -c:v libx264 -profile:v main -preset veryfast -b:v 450k -maxrate 500k -bufsize 900k \
    -pix_fmt yuv420p -g 60 -keyint_min 60 -sc_threshold 0 -c:a aac -b:a 48k \
    -f hls -hls_time 2 -hls_playlist_type vod -hls_segment_filename "$OUT/360p/%02d.ts" "$OUT/360p/vod.m3u8" \
  -map "[lo]" -map "[a2]" -c:v libx264 -profile:v baseline -preset veryfast -b:v 140k -maxrate 160k -bufsize 280k \
    -pix_fmt yuv420p -g 60 -keyint_min 60 -sc_threshold 0 -c:a aac -b:a 32k \
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
