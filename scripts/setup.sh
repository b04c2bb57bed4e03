#!/usr/bin/env bash
# Installs the npm packages when they are missing or older than package-lock.json; with --browser, also makes
# sure a Chromium is there for the browser tests (Debian's package; never a downloaded browser build), and a font with
# Chinese glyphs (Debian's fonts-noto-cjk), without which a Chinese workbook shows boxes in the preview and the tests.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--browser" ]; then
  if [ -n "${CHROME_PATH:-}" ]; then
    [ -x "$CHROME_PATH" ] || { echo "setup: CHROME_PATH=$CHROME_PATH is not an executable" >&2; exit 1; }
  elif ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
      echo "setup: installing Debian's chromium for the browser tests"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
      echo "setup: the browser tests need Chromium. Install it with 'sudo apt-get install chromium'" >&2
      echo "       or point CHROME_PATH at a Chromium or Chrome binary." >&2
      exit 1
    fi
  fi
  # Chinese text needs a CJK font; fc-list asks fontconfig, which Chromium uses to find fonts.
  if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
      echo "setup: installing Debian's fonts-noto-cjk, so Chinese shows as text, not boxes"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null
    else
      echo "setup: no font with Chinese glyphs: install one with 'sudo apt-get install fonts-noto-cjk'" >&2
      exit 1
    fi
  fi
fi
