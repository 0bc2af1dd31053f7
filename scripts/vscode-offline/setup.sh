#!/usr/bin/env bash
# Installs a real VS Code for the e2e suite on a machine that reaches only the npm registry and Debian's
# packages: code-server 4.96.4 (VS Code 1.96.4 inside) from npm, Debian's chromium (+ a CJK font) to drive
# its workbench headless, playwright-core (the driver). Idempotent: once done, a re-run checks and exits in ~0.1 s.
#
# usage: scripts/vscode-offline/setup.sh          (as root, or with sudo for apt on a clean machine)
# env:   TICKET_CURATOR_VSCODE_CACHE  where everything goes (default $HOME/.cache/ticket-curator-vscode)
set -euo pipefail
HERE=$(dirname "$(readlink -f "$0")")
command -v node >/dev/null || { echo "setup.sh needs node (20) on PATH" >&2; exit 2; }
eval "$(node "$HERE/paths.mjs")"   # CACHE CODE_SERVER CHROMIUM PLAYWRIGHT_CORE
CS_VERSION=4.96.4   # the last code-server whose engines field accepts Node 20
T0=$(date +%s)
step() { echo "[vscode-offline $(( $(date +%s) - T0 ))s] $*"; }

has_cjk_font() { [ -n "$(fc-list :lang=zh 2>/dev/null)" ]; }
if [ -f "$CACHE/installed-$CS_VERSION" ] && [ -x "$CODE_SERVER" ] && command -v "$CHROMIUM" >/dev/null \
  && has_cjk_font && [ -n "$PLAYWRIGHT_CORE" ]; then
  step "ready: code-server $CS_VERSION in $CACHE, $CHROMIUM"
  exit 0
fi
mkdir -p "$CACHE/cs" "$CACHE/tmp"

step "1/5 Debian packages: chromium (the browser) and a Chinese font for it (the tickets are in Chinese), ripgrep (instead of @vscode/ripgrep's GitHub download), libkrb5-dev (kerberos native module), a C++ toolchain (node-gyp)"
need=()
command -v "$CHROMIUM" >/dev/null || need+=(chromium)
has_cjk_font || need+=(fonts-wqy-microhei)
command -v rg >/dev/null || need+=(ripgrep)
[ -f /usr/include/gssapi/gssapi.h ] || need+=(libkrb5-dev)
command -v g++ >/dev/null || need+=(g++)
command -v make >/dev/null || need+=(make)
command -v python3 >/dev/null || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# node-gyp must build against the headers installed with node, not download them from nodejs.org.
NODE_PREFIX=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
[ -f "$NODE_PREFIX/include/node/common.gypi" ] && export npm_config_nodedir=$NODE_PREFIX

if [ -f "$CACHE/installed-$CS_VERSION" ] && [ -x "$CODE_SERVER" ]; then
  step "2-4/5 code-server $CS_VERSION is already installed"
else
  step "2/5 code-server@$CS_VERSION from npm, install scripts deferred"
  cd "$CACHE/cs"
  [ -f package.json ] || echo '{ "name": "ticket-curator-vscode", "private": true }' > package.json
  npm install --ignore-scripts --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION"
  CSD=$CACHE/cs/node_modules/code-server

  step "3/5 offline fixes for code-server's postinstall"
  # lib/vscode's shrinkwrap fetches @vscode/proxy-agent from a GitHub commit; the registry tarball
  # @vscode/proxy-agent@0.27.0 has the same sha512.
  sed -i 's#git+ssh://git@github.com/microsoft/vscode-proxy-agent.git\#0803e0a7d1249bcb64ae9d256d0ee732b7246ea5#https://registry.npmjs.org/@vscode/proxy-agent/-/proxy-agent-0.27.0.tgz#' \
    "$CSD/lib/vscode/npm-shrinkwrap.json"
  # @vscode/ripgrep@1.15.9's postinstall downloads rg from GitHub unless its cache ($TMPDIR) has the asset.
  mkdir -p "$CACHE/tmp/vscode-ripgrep-cache-1.15.9"
  tar czf "$CACHE/tmp/vscode-ripgrep-cache-1.15.9/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" \
    -C "$(dirname "$(readlink -f "$(command -v rg)")")" rg

  step "4/5 install scripts: argon2 (node-gyp), code-server's postinstall (npm install in lib/vscode, native modules); log: $CACHE/cs/rebuild.log"
  # postinstall.sh refuses to run as root unless npm_config_unsafe_perm=true (npm >= 9 no longer sets it).
  TMPDIR=$CACHE/tmp npm_config_unsafe_perm=true npm rebuild --foreground-scripts > "$CACHE/cs/rebuild.log" 2>&1 \
    || { tail -40 "$CACHE/cs/rebuild.log"; echo "code-server's install scripts failed; full log: $CACHE/cs/rebuild.log" >&2; exit 1; }
  HOME=$CACHE/tmp/cs-home "$CODE_SERVER" --version   # HOME: it writes ~/.config/code-server/config.yaml
  touch "$CACHE/installed-$CS_VERSION"
fi

step "5/5 playwright-core (the driver; the browser is $CHROMIUM)"
# The project's devDependency serves when node_modules is installed; otherwise install it in the cache.
if [ -z "$PLAYWRIGHT_CORE" ]; then
  mkdir -p "$CACHE/pw"
  (cd "$CACHE/pw" && { [ -f package.json ] || echo '{ "name": "ticket-curator-pw", "private": true }' > package.json; } \
    && npm install --no-audit --no-fund --loglevel=error playwright-core@1)
  eval "$(node "$HERE/paths.mjs")"
  [ -n "$PLAYWRIGHT_CORE" ] || { echo "playwright-core did not install" >&2; exit 1; }
fi
echo "playwright-core: $PLAYWRIGHT_CORE"

du -sh "$CACHE/cs" 2>/dev/null || true
step "done"
