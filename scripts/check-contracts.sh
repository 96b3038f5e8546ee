#!/usr/bin/env bash
# Checks the published contracts with tools independent of LeadFlow's own build (contracts/README.md,
# "Checked by independent tools"):
#   1. Redocly CLI (recommended rules) lints both OpenAPI documents and the AsyncAPI document; an error fails.
#   2. The TypeScript clients contracts/README.md tells frontend teams to generate are generated with
#      the documented command and compiled with tsc --strict, so that those instructions cannot rot.
# The tools and their Node.js are pinned in contracts/lint/package-lock.json and installed from the npm
# registry (npm comes from Debian when the machine has none).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v npm >/dev/null 2>&1; then
  echo "Installing npm (Debian package)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
fi
npm ci --prefix contracts/lint --no-audit --no-fund --loglevel=error
# The pinned Node.js (package "node") runs the tools, whatever node the machine has.
export PATH="$PWD/contracts/lint/node_modules/.bin:$PATH"

echo "Linting the OpenAPI and AsyncAPI documents (Redocly CLI $(redocly --version), Node.js $(node --version))..."
redocly lint --config contracts/lint/redocly.yaml --format=stylish \
  contracts/openapi/lead-service.yaml \
  contracts/openapi/opportunity-service.yaml \
  contracts/events/asyncapi.yaml

for service in lead-service opportunity-service; do
  echo "Generating and compiling the TypeScript client of $service..."
  rm -rf "target/clients/$service-typescript"
  ./mvnw -B -q -N org.openapitools:openapi-generator-maven-plugin:7.25.0:generate \
    -Dopenapi.generator.maven.plugin.inputSpec="contracts/openapi/$service.yaml" \
    -Dopenapi.generator.maven.plugin.generatorName=typescript-fetch \
    -Dopenapi.generator.maven.plugin.output="target/clients/$service-typescript"
  tsc --noEmit --strict --target es2020 --lib es2020,dom --module es2020 --moduleResolution node \
    "target/clients/$service-typescript/index.ts"
done
echo "The contracts pass the independent checks."
