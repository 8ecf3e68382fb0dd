// Runs an eksnodes TypeScript example through the Pulumi engine with the Automation API
// (inline program, no language host) and prints the engine's structured results as JSON on
// stdout; the engine's progress output, with diffs, goes to stderr.
//
// usage: node driver.js <prepared example folder> <stack>
// env:   EKSNODES_PROJECT, EKSNODES_CONFIG (JSON object), EKSNODES_STEPS (JSON list of
//        {op: preview|up|destroy|config, key, value}), EKSNODES_PULUMI_ROOT, PULUMI_HOME,
//        PULUMI_BACKEND_URL and the other variables of internal/offline.Env.
"use strict";
const path = require("path");

const [exampleDir, stackName] = process.argv.slice(2);
// The example's own @pulumi/pulumi: the program and the Automation API must share one runtime.
const auto = require(require.resolve("@pulumi/pulumi/automation", { paths: [exampleDir] }));
const programDir = path.join(exampleDir, "bin");

async function program() {
    // A fresh module per run, so every operation registers the resources again.
    for (const key of Object.keys(require.cache)) {
        if (key.startsWith(programDir + path.sep)) {
            delete require.cache[key];
        }
    }
    return require(path.join(programDir, "index.js"));
}

async function main() {
    const project = process.env.EKSNODES_PROJECT;
    const config = JSON.parse(process.env.EKSNODES_CONFIG) || {};
    const steps = JSON.parse(process.env.EKSNODES_STEPS);
    const pulumiCommand = await auto.PulumiCommand.get({ root: process.env.EKSNODES_PULUMI_ROOT, skipVersionCheck: true });
    const stack = await auto.LocalWorkspace.createOrSelectStack({ stackName, projectName: project, program }, {
        pulumiCommand,
        pulumiHome: process.env.PULUMI_HOME,
        secretsProvider: "passphrase",
        envVars: { ...process.env },
        projectSettings: { name: project, runtime: "nodejs", backend: { url: process.env.PULUMI_BACKEND_URL } },
    });
    const all = {};
    for (const [key, value] of Object.entries(config)) {
        all[key] = { value };
    }
    await stack.setAllConfig(all);

    const results = [];
    for (const step of steps) {
        if (step.op === "config") {
            await stack.setConfig(step.key, { value: step.value });
            continue;
        }
        const events = [];
        const onEvent = (e) => {
            const pre = e.resourcePreEvent;
            if (pre) {
                const m = pre.metadata;
                events.push({ op: m.op, type: m.type, urn: m.urn, diffs: m.diffs || [], inputs: m.new ? m.new.inputs : undefined });
            }
        };
        const onOutput = (s) => process.stderr.write(s);
        let changes;
        const start = process.hrtime.bigint();
        if (step.op === "preview") {
            changes = (await stack.preview({ onEvent, onOutput, diff: true })).changeSummary;
        } else if (step.op === "up") {
            changes = (await stack.up({ onEvent, onOutput })).summary.resourceChanges;
        } else if (step.op === "destroy") {
            changes = (await stack.destroy({ onEvent, onOutput })).summary.resourceChanges;
        } else {
            throw new Error(`unknown step ${step.op}`);
        }
        const durationMs = Number(process.hrtime.bigint() - start) / 1e6;
        results.push({ op: step.op, changes: changes || {}, events, durationMs });
    }
    process.stdout.write(JSON.stringify(results));
}

main().catch((err) => {
    console.error(err);
    process.exit(1);
});
