#!/usr/bin/env bash
# Screenshot an HTML review opinion in headless Chromium (A4 at 150 dpi: 1240 × 1754 px).
#
#   scripts/screenshot_opinion.sh [OPINION.html] [OUT.png] [PAGES]
#
# Without arguments it reviews examples/drafts/养犬管理办法-内容缺陷 into out/screenshot/ and shoots that.
# PAGES > 1 also writes OUT-2.png … OUT-N.png, each the next 1754 px of the page. Needs Debian's chromium and
# fonts-noto-cjk (apt-get install -y chromium fonts-noto-cjk); look at the PNGs for missing glyphs (tofu boxes).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
if [ -z "$CHROMIUM" ]; then
  echo "chromium not found: apt-get install -y chromium fonts-noto-cjk" >&2
  exit 2
fi
HTML=${1:-}
OUT=${2:-out/screenshot/opinion.png}
PAGES=${3:-1}
if [ -z "$HTML" ]; then
  mkdir -p out/screenshot
  "$BIN/review-engine" review "examples/drafts/养犬管理办法-内容缺陷" --format html --out out/screenshot \
    --review-date 2026-04-10 --quiet || [ $? -eq 1 ]
  HTML=out/screenshot/养犬管理办法-内容缺陷.html
fi
mkdir -p "$(dirname "$OUT")"
PROFILE=$(mktemp -d)
trap 'rm -rf "$PROFILE"' EXIT
shoot() {  # shoot FILE.html OUT.png
  "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --hide-scrollbars --user-data-dir="$PROFILE" --screenshot="$2" \
    --window-size=1240,1754 "file://$(realpath "$1")" >/dev/null 2>&1
  [ -s "$2" ] || { echo "no screenshot written for $1" >&2; exit 1; }
  echo "$2"
}
shoot "$HTML" "$OUT"
for ((page = 2; page <= PAGES; page++)); do
  shifted="$PROFILE/page-$page.html"
  sed "s#</head>#<style>body{margin-top:-$(( (page - 1) * 1754 ))px}</style></head>#" "$HTML" > "$shifted"
  shoot "$shifted" "${OUT%.png}-$page.png"
done
