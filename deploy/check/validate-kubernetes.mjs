// Validates every object of the given manifest files against the JSON schema of its kind in the
// Kubernetes API (kubernetes-models, offline); exits 1 naming each invalid object.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const kinds = {
  "v1/ConfigMap": ["kubernetes-models/v1", "ConfigMap"],
  "v1/Secret": ["kubernetes-models/v1", "Secret"],
  "v1/Service": ["kubernetes-models/v1", "Service"],
  "v1/PersistentVolumeClaim": ["kubernetes-models/v1", "PersistentVolumeClaim"],
  "apps/v1/Deployment": ["kubernetes-models/apps/v1", "Deployment"],
  "policy/v1/PodDisruptionBudget": ["kubernetes-models/policy/v1", "PodDisruptionBudget"],
};

let failures = 0;
for (const file of process.argv.slice(2)) {
  for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
    const object = document.toJS();
    if (!object) continue;
    const key = `${object.apiVersion}/${object.kind}`;
    const name = `${file}: ${key} ${object.metadata?.name}`;
    if (!kinds[key]) {
      console.error(`${name}: no schema for this kind; add it to validate-kubernetes.mjs`);
      failures++;
      continue;
    }
    const [module, type] = kinds[key];
    const Model = (await import(module))[type];
    try {
      new Model(object).validate();
      console.log(`${name}: valid`);
    } catch (error) {
      console.error(`${name}: ${error.message}`);
      failures++;
    }
  }
}
process.exit(failures === 0 ? 0 : 1);
