#!/usr/bin/env bash
# Checks deploy/ with tools independent of LeadFlow's build (docs/operations.md):
#   1. the Kubernetes manifests against the Kubernetes API's schemas (kubernetes-models, offline,
#      pinned in deploy/check/package-lock.json);
#   2. the Prometheus alert rules and scrape configuration with promtool (Debian's prometheus package);
#   3. docker-compose.yml with its observability profile, and the Grafana dashboard's JSON.
# DeploymentManifestsTest (system-tests) checks that the manifests agree with the services.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v npm >/dev/null 2>&1 || ! command -v promtool >/dev/null 2>&1 || ! command -v docker-compose >/dev/null 2>&1; then
  echo "Installing npm, promtool and docker-compose (Debian packages)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm prometheus docker-compose >/dev/null
fi

echo "Validating the Kubernetes manifests..."
npm ci --prefix deploy/check --no-audit --no-fund --loglevel=error
node deploy/check/validate-kubernetes.mjs deploy/kubernetes/config.yaml deploy/kubernetes/secrets.yaml \
  deploy/kubernetes/lead-service.yaml deploy/kubernetes/opportunity-service.yaml

echo "Checking the alert rules and the scrape configuration ($(promtool --version 2>&1 | head -1))..."
promtool check rules deploy/prometheus/alerts.yml
config=$(mktemp --suffix=.yml)
trap 'rm -f "$config"' EXIT
# The configuration names the rules where compose mounts them; promtool reads them from here.
sed "s#/etc/prometheus/alerts.yml#$PWD/deploy/prometheus/alerts.yml#" deploy/prometheus/prometheus.yml > "$config"
promtool check config "$config"

echo "Checking docker-compose.yml with the observability profile and the Grafana dashboard..."
docker-compose -f docker-compose.yml --profile observability config -q
python3 -m json.tool deploy/grafana/dashboards/leadflow.json > /dev/null
echo "deploy/ passes the independent checks."
