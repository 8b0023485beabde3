#!/usr/bin/env bash
# Replaces spec/openapi.yaml (the project's own, hand-written spec) with Together AI's
# official OpenAPI description. Rebuild afterwards: the generator reads spec/openapi.yaml.
set -euo pipefail

url="${TOGETHER_OPENAPI_URL:-https://raw.githubusercontent.com/togethercomputer/openapi/main/openapi.yaml}"
script_dir="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
target="${script_dir}/openapi.yaml"

tmp="$(mktemp "${script_dir}/.openapi.yaml.XXXXXX")"
trap 'rm -f -- "${tmp}"' EXIT

echo "Downloading ${url}"
if ! curl -fsSL --retry 3 -o "${tmp}" "${url}"; then
  echo "error: download failed; ${target} left unchanged" >&2
  exit 1
fi

if [ ! -s "${tmp}" ]; then
  echo "error: the download is empty; ${target} left unchanged" >&2
  exit 1
fi
if ! grep -qE '^openapi:[[:space:]]*' "${tmp}"; then
  echo "error: the download does not look like an OpenAPI YAML document; ${target} left unchanged" >&2
  exit 1
fi

chmod 644 "${tmp}"
mv -f -- "${tmp}" "${target}"
trap - EXIT
echo "Wrote $(wc -l < "${target}" | tr -d ' ') lines to ${target}"
echo "Rebuild the solution (dotnet build) to regenerate the client from it."
