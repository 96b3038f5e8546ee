#!/usr/bin/env bash
# Smoke test of the docker-compose stack (the "compose" job of .github/workflows/ci.yml): waits for
# both services to be ready, then creates a lead, qualifies it and reads the opportunity it became,
# and the completed conversion on the lead. Needs curl and jq.
#
#   TOKEN=$(./run.sh token sales-manager smoke) scripts/compose-smoke.sh
#
# A sales manager qualifies with a justified override, whatever qualification policy the database
# starts with (bant-and-fit by default).
set -euo pipefail

LEAD_URL=${LEAD_URL:-http://localhost:8080}
OPPORTUNITY_URL=${OPPORTUNITY_URL:-http://localhost:8081}
TOKEN=${TOKEN:?set TOKEN to a sales manager token: ./run.sh token sales-manager smoke}
auth=(-H "Authorization: Bearer $TOKEN")
json=(-H "Content-Type: application/json")

await_ready() {
  for _ in $(seq 1 150); do
    if curl -fsS -o /dev/null "$1/q/health/ready"; then
      echo "$1 is ready"
      return 0
    fi
    sleep 2
  done
  echo "$1 was not ready within 5 minutes" >&2
  curl -sS "$1/q/health/ready" >&2 || true
  return 1
}

await_ready "$LEAD_URL"
await_ready "$OPPORTUNITY_URL"

lead_id=$(curl -fsS "${auth[@]}" "${json[@]}" -X POST "$LEAD_URL/api/v1/leads" \
  -d '{"firstName":"Grace","lastName":"Hopper","companyName":"Smoke Test Ltd","email":"grace@smoke.example","country":"US"}' | jq -r .id)
echo "created lead $lead_id"

opportunity_id=$(curl -fsS "${auth[@]}" "${json[@]}" -X POST "$LEAD_URL/api/v1/leads/$lead_id/qualify" \
  -d '{"policyOverride":{"justification":"compose smoke test"}}' | jq -r .conversion.opportunityId)
echo "qualified; opportunity $opportunity_id expected"

for _ in $(seq 1 60); do
  status=$(curl -sS -o /tmp/opportunity.json -w '%{http_code}' "${auth[@]}" "$OPPORTUNITY_URL/api/v1/opportunities/$opportunity_id")
  [[ $status == 200 ]] && break
  sleep 1
done
[[ $status == 200 ]] || { echo "opportunity $opportunity_id not readable (last status $status)" >&2; exit 1; }
[[ $(jq -r .originatingLeadId /tmp/opportunity.json) == "$lead_id" ]] || { echo "the opportunity is not the lead's" >&2; exit 1; }
echo "opportunity $opportunity_id exists"

for _ in $(seq 1 60); do
  conversion=$(curl -fsS "${auth[@]}" "$LEAD_URL/api/v1/leads/$lead_id" | jq -r .conversion.status)
  [[ $conversion == completed ]] && break
  sleep 1
done
[[ $conversion == completed ]] || { echo "the lead's conversion is $conversion, not completed" >&2; exit 1; }
echo "the lead's conversion is completed: smoke test passed"
