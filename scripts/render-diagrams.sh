#!/usr/bin/env bash
# Renders every Mermaid diagram of the curriculum to PNG, next to it in <curriculum>/pictures/,
# with a manifest of source hashes that the tests check (so the bot itself needs no browser).
#
#   scripts/render-diagrams.sh [CURRICULUM_DIR] [--force] [--check]
#
# CURRICULUM_DIR defaults to curriculum/. Only new or changed diagrams are rendered; --force
# renders all, --check only reports what is stale. Needs Node.js >= 18.19 and Debian's chromium
# (installed here with apt-get when missing and run as root); the npm packages are installed
# into scripts/render-diagrams/node_modules from the lock file on first use.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
here="$root/scripts/render-diagrams"

curriculum="$root/curriculum"
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then
    curriculum="$(cd "$1" && pwd)"
    shift
fi

if ! command -v node >/dev/null || ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>18||(a===18&&b>=19)?0:1)'; then
    echo "render-diagrams: Node.js >= 18.19 is needed (found: $(node --version 2>/dev/null || echo none))" >&2
    exit 2
fi

export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ] && [[ " $* " != *" --check "* ]]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "render-diagrams: installing Debian's chromium" >&2
        apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null
    else
        echo "render-diagrams: no browser at $CHROMIUM; install Debian's chromium (apt-get install -y chromium) or set CHROMIUM" >&2
        exit 2
    fi
fi

# puppeteer must not download a browser of its own: we use the system's chromium
export PUPPETEER_SKIP_DOWNLOAD=1
if [ ! -f "$here/node_modules/.package-lock.json" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

exec node "$here/render.mjs" --curriculum "$curriculum" "$@"
