#!/usr/bin/env bash
# Installs what the build and the tests need that this machine lacks. As root it
# installs Debian packages with apt-get; otherwise it names them and fails.
set -euo pipefail

# command -> Debian package that provides it
declare -A need=(
	[gcc]=gcc           # cgo, for github.com/mattn/go-sqlite3 and the race detector
	[chromium]=chromium # the browser tests drive it with chromedp
	[hunspell]=hunspell # the spelling check
	[apertium]=apertium # machine translation run as a command (internal/mt)
	[apertium-apy]=apertium-apy # Apertium's HTTP server, which the tests start on loopback
)
# dictionary file -> Debian package, for the spelling check and its tests
declare -A dicts=(
	[en_US]=hunspell-en-us [en_GB]=hunspell-en-gb [fr_FR]=hunspell-fr [de_DE]=hunspell-de-de
	[de_CH]=hunspell-de-ch [de_AT]=hunspell-de-at [es_ES]=hunspell-es [it_IT]=hunspell-it
	[pt_PT]=hunspell-pt-pt [pt_BR]=hunspell-pt-br [nl_NL]=hunspell-nl
)

# Apertium language pairs the machine-translation tests use
declare -A mtpairs=([eng-spa]=apertium-eng-spa)

missing=()
for cmd in "${!need[@]}"; do
	command -v "$cmd" >/dev/null 2>&1 || missing+=("${need[$cmd]}")
done
for d in "${!dicts[@]}"; do
	[ -e "/usr/share/hunspell/$d.dic" ] || missing+=("${dicts[$d]}")
done
for m in "${!mtpairs[@]}"; do
	[ -e "/usr/share/apertium/modes/$m.mode" ] || missing+=("${mtpairs[$m]}")
done
# Debian's translate-toolkit, which internal/formats/readers_test.go runs with
# /usr/bin/python3 to read the XLIFF 1.2 and TMX exports
/usr/bin/python3 -c 'import translate.storage.factory' >/dev/null 2>&1 || missing+=(translate-toolkit)
# npm, to install the npm package xliff below when it is missing
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ ! -e "$root/.ci/node/node_modules/xliff/package.json" ] && ! command -v npm >/dev/null 2>&1; then
	missing+=(nodejs npm)
fi
if ! command -v go >/dev/null 2>&1; then
	echo "deps: Go is not on PATH; install Go 1.26 (https://go.dev/dl) first" >&2
	exit 1
fi
# the npm package xliff, which internal/formats/readers_test.go runs with node
# to read the XLIFF 2.0 export; installed into .ci/node, which is not committed
xliff_npm=xliff@6.4.0
install_xliff_npm() {
	[ -e "$root/.ci/node/node_modules/xliff/package.json" ] && return 0
	if ! command -v npm >/dev/null 2>&1; then
		echo "deps: npm is not on PATH; install the Debian packages nodejs npm, then run: npm install --prefix .ci/node $xliff_npm" >&2
		return 1
	fi
	echo "deps: installing $xliff_npm into .ci/node" >&2
	npm install --prefix "$root/.ci/node" --no-audit --no-fund --save-exact "$xliff_npm" >&2
}
if [ ${#missing[@]} -eq 0 ]; then
	install_xliff_npm
	exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
	echo "deps: missing Debian packages: ${missing[*]}; install them with: sudo apt-get install ${missing[*]}" >&2
	exit 1
fi
echo "deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
install_xliff_npm
