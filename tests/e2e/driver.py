"""Runs an eksnodes Python example through the Pulumi engine with the Automation API.

The program is inline (no language host): the example's __main__.py runs in this process.
The engine's structured results are printed as JSON on stdout; its progress output, with
diffs, goes to stderr.

usage: python driver.py <example folder> <stack>
env:   EKSNODES_PROJECT, EKSNODES_CONFIG (JSON object), EKSNODES_STEPS (JSON list of
       {op: preview|up|destroy|config, key, value}), EKSNODES_PULUMI_ROOT, PULUMI_HOME,
       PULUMI_BACKEND_URL and the other variables of internal/offline.Env.
"""

import json
import os
import runpy
import sys
import time
from typing import Any, Dict, List

from pulumi import automation as auto


def main() -> None:
    example_dir, stack_name = sys.argv[1], sys.argv[2]
    project = os.environ["EKSNODES_PROJECT"]
    config = json.loads(os.environ["EKSNODES_CONFIG"]) or {}
    steps = json.loads(os.environ["EKSNODES_STEPS"])

    def program() -> None:
        runpy.run_path(os.path.join(example_dir, "__main__.py"), run_name="__main__")

    stack = auto.create_or_select_stack(
        stack_name=stack_name,
        project_name=project,
        program=program,
        opts=auto.LocalWorkspaceOptions(
            pulumi_home=os.environ["PULUMI_HOME"],
            pulumi_command=auto.PulumiCommand(root=os.environ["EKSNODES_PULUMI_ROOT"], skip_version_check=True),
            secrets_provider="passphrase",
            env_vars=dict(os.environ),
            project_settings=auto.ProjectSettings(
                name=project, runtime="python", backend=auto.ProjectBackend(url=os.environ["PULUMI_BACKEND_URL"])
            ),
        ),
    )
    stack.set_all_config({k: auto.ConfigValue(value=v) for k, v in config.items()})

    results: List[Dict[str, Any]] = []
    for step in steps:
        if step["op"] == "config":
            stack.set_config(step["key"], auto.ConfigValue(value=step["value"]))
            continue
        events: List[Dict[str, Any]] = []

        def on_event(e: auto.events.EngineEvent) -> None:
            pre = e.resource_pre_event
            if pre is not None:
                m = pre.metadata
                inputs = m.new.inputs if m.new is not None else None
                events.append({"op": m.op.value, "type": m.type, "urn": m.urn, "diffs": m.diffs or [], "inputs": inputs})

        def on_output(line: str) -> None:
            sys.stderr.write(line + "\n")

        start = time.perf_counter()
        if step["op"] == "preview":
            summary = stack.preview(on_event=on_event, on_output=on_output, diff=True).change_summary
            changes = {getattr(k, "value", k): v for k, v in summary.items()}
        elif step["op"] == "up":
            changes = stack.up(on_event=on_event, on_output=on_output).summary.resource_changes or {}
        elif step["op"] == "destroy":
            changes = stack.destroy(on_event=on_event, on_output=on_output).summary.resource_changes or {}
        else:
            raise ValueError(f"unknown step {step['op']}")
        duration_ms = (time.perf_counter() - start) * 1000
        results.append({"op": step["op"], "changes": changes, "events": events, "durationMs": duration_ms})
    sys.stdout.write(json.dumps(results))


if __name__ == "__main__":
    main()
