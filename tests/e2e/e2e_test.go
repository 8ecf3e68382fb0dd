//go:build e2e

// Package e2e runs the TypeScript and Python examples through the real Pulumi engine, the
// eksnodes provider plugin and the stand-in AWS plugin, with each language's Automation API.
// (The Go example runs the same lifecycle from its own package: examples/go-basic.)
package e2e

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/tests/offline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const repoRoot = "../.."

func TestTypeScriptExampleLifecycle(t *testing.T) {
	results := runTypeScriptExample(t, "ts-basic", offline.Lifecycle("m7i.xlarge"))
	assertThroughPlugin(t, results)
}

// The Spot fleet selects instance types by attributes: its Auto Scaling group carries the
// requirements and its launch template no instance type. Its change is the architecture,
// which moves the group to the arm64 AMI without replacing anything.
func TestTypeScriptSpotExampleLifecycle(t *testing.T) {
	results := runTypeScriptExample(t, "ts-spot", offline.LifecycleChanging("architecture", "arm64"))
	assertThroughPlugin(t, results)
	var sawGroup bool
	for _, e := range results[0].Events {
		switch e.Type {
		case "aws:autoscaling/group:Group":
			sawGroup = true
			assert.Contains(t, fmt.Sprint(e.Inputs["mixedInstancesPolicy"]), "instanceRequirements")
		case "aws:ec2/launchTemplate:LaunchTemplate":
			assert.NotContains(t, e.Inputs, "instanceType", "Auto Scaling picks the types")
		}
	}
	assert.True(t, sawGroup)
}

// runTypeScriptExample runs a compiled TypeScript example (scripts/check-sdks.sh builds it into
// the artifacts folder) through the engine with the given steps.
func runTypeScriptExample(t *testing.T, name string, steps []offline.Step) []offline.Result {
	t.Helper()
	env := offline.ForTest(t)
	example := filepath.Join(env.Artifacts, name)
	require.FileExists(t, filepath.Join(example, "bin", "index.js"), "the compiled example")
	project, cfg, err := offline.ProjectConfig(filepath.Join(repoRoot, "examples", name, "Pulumi.yaml"))
	require.NoError(t, err)
	driver, err := filepath.Abs("driver.js")
	require.NoError(t, err)
	results, err := env.RunDriver(context.Background(), []string{"node", driver, example, "e2e"}, project, cfg, steps, offline.TestLog(t))
	require.NoError(t, err)
	assert.Empty(t, offline.Verify(results))
	return results
}

// The ML example: GPU nodes with EFA on every network card and a cluster placement group.
func TestPythonMLExampleLifecycle(t *testing.T) {
	results := runPythonExample(t, "python-ml", "p4d.24xlarge")
	assertThroughPlugin(t, results)
	types := map[string]bool{}
	for _, e := range results[0].Events {
		types[e.Type] = true
		if e.Type == "aws:ec2/launchTemplate:LaunchTemplate" {
			assert.Contains(t, fmt.Sprint(e.Inputs["networkInterfaces"]), "efa")
		}
	}
	assert.True(t, types["aws:ec2/placementGroup:PlacementGroup"], "a cluster placement group for EFA")
}

func TestPythonExampleLifecycle(t *testing.T) {
	results := runPythonExample(t, "python-basic", "m7i.xlarge")
	assertThroughPlugin(t, results)
}

// The Bottlerocket example: its launch template carries TOML settings, and its AMI comes from
// the Bottlerocket parameter for the instance type's architecture.
func TestPythonBottlerocketExampleLifecycle(t *testing.T) {
	results := runPythonExample(t, "python-bottlerocket", "m7g.xlarge")
	assertThroughPlugin(t, results)
	var sawTemplate bool
	for _, e := range results[0].Events {
		if e.Type != "aws:ec2/launchTemplate:LaunchTemplate" {
			continue
		}
		sawTemplate = true
		var out strings.Builder
		require.NoError(t, offline.PrintUserData(&out, offline.Result{Events: []offline.ResourceEvent{e}}))
		assert.Contains(t, out.String(), "[settings.kubernetes]")
		assert.Contains(t, out.String(), `max-pods = 110`)
		devices := fmt.Sprint(e.Inputs["blockDeviceMappings"])
		assert.Contains(t, devices, "/dev/xvdb", "the Bottlerocket data volume is sized")
	}
	assert.True(t, sawTemplate)
}

func runPythonExample(t *testing.T, name, newType string) []offline.Result {
	t.Helper()
	env := offline.ForTest(t)
	python := filepath.Join(env.Artifacts, "venv", "bin", "python")
	require.FileExists(t, python, "the virtualenv with pulumi and pulumi_eksnodes")
	example, err := filepath.Abs(filepath.Join(repoRoot, "examples", name))
	require.NoError(t, err)
	project, cfg, err := offline.ProjectConfig(filepath.Join(example, "Pulumi.yaml"))
	require.NoError(t, err)
	results, err := env.RunDriver(context.Background(), []string{python, "driver.py", example, "e2e"}, project, cfg, offline.Lifecycle(newType), offline.TestLog(t))
	require.NoError(t, err)
	assert.Empty(t, offline.Verify(results))
	return results
}

// assertThroughPlugin checks that the node group came from the eksnodes plugin: the engine
// loaded the eksnodes provider, and the group's children are AWS resources.
func assertThroughPlugin(t *testing.T, results []offline.Result) {
	t.Helper()
	types := map[string]bool{}
	for _, e := range results[0].Events {
		types[e.Type] = true
	}
	assert.True(t, types["pulumi:providers:eksnodes"], "the eksnodes provider plugin was loaded")
	assert.True(t, types["eksnodes:index:NodeGroup"])
	assert.True(t, types["aws:autoscaling/group:Group"])
}
