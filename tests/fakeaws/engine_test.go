//go:build e2e

package fakeaws_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/blang/semver"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ec2"
	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eksnodes/pulumi-eksnodes/tests/fakeaws"
)

// pulumiCLI returns the Pulumi CLI that `make tools` built (make passes its folder in
// EKSNODES_PULUMI_ROOT). Without it the test skips, unless EKSNODES_E2E says it must run.
func pulumiCLI(t *testing.T) string {
	cli := filepath.Join(os.Getenv("EKSNODES_PULUMI_ROOT"), "bin", "pulumi")
	if _, err := os.Stat(cli); err != nil || os.Getenv("EKSNODES_PULUMI_ROOT") == "" {
		if os.Getenv("EKSNODES_E2E") != "" {
			t.Fatalf("no Pulumi CLI at %s", cli)
		}
		t.Skipf("engine smoke test skipped: no Pulumi CLI (run make test-e2e, which builds it)")
	}
	return cli
}

// TestEngineSmoke runs the real Pulumi engine against the fake plugin: an inline Go program
// creates one security group; preview, up, a preview that must show no changes, refresh and
// destroy all succeed.
func TestEngineSmoke(t *testing.T) {
	if testing.Short() {
		t.Skip("engine smoke test skipped in -short mode")
	}
	cli := pulumiCLI(t)
	ctx := context.Background()
	tmp := t.TempDir()

	start := time.Now()
	pluginDir := filepath.Join(tmp, "plugins")
	build := exec.Command("go", "build", "-o", filepath.Join(pluginDir, "pulumi-resource-aws"), "./cmd/pulumi-resource-aws")
	out, err := build.CombinedOutput()
	require.NoError(t, err, "building the fake plugin: %s", out)
	t.Logf("build plugin: %s", time.Since(start).Round(time.Millisecond))

	// auto.NewPulumiCommand wants <root>/bin/pulumi.
	root := filepath.Join(tmp, "cli")
	require.NoError(t, os.MkdirAll(filepath.Join(root, "bin"), 0o755))
	require.NoError(t, os.Symlink(cli, filepath.Join(root, "bin", "pulumi")))
	cmd, err := auto.NewPulumiCommand(&auto.PulumiCommandOptions{Root: root, Version: semver.MustParse("3.256.0")})
	require.NoError(t, err)

	state := filepath.Join(tmp, "state")
	require.NoError(t, os.MkdirAll(state, 0o755))
	env := map[string]string{
		"PULUMI_CONFIG_PASSPHRASE": "x",
		"PULUMI_SKIP_UPDATE_CHECK": "true",
		"PULUMI_BACKEND_URL":       "file://" + state,
		"PULUMI_HOME":              filepath.Join(tmp, "home"),
		"PATH":                     pluginDir + string(os.PathListSeparator) + os.Getenv("PATH"),
	}
	program := func(ctx *pulumi.Context) error {
		sg, err := ec2.NewSecurityGroup(ctx, "smoke", &ec2.SecurityGroupArgs{
			NamePrefix:  pulumi.String("smoke-"),
			Description: pulumi.String("fake aws engine smoke test"),
			VpcId:       pulumi.String("vpc-0123456789abcdef0"),
			Tags:        pulumi.StringMap{"Name": pulumi.String("smoke")},
		})
		if err != nil {
			return err
		}
		ctx.Export("id", sg.ID())
		ctx.Export("name", sg.Name)
		ctx.Export("arn", sg.Arn)
		return nil
	}
	start = time.Now()
	stack, err := auto.UpsertStackInlineSource(ctx, "dev", "fakeaws-smoke", program,
		auto.Pulumi(cmd),
		auto.PulumiHome(env["PULUMI_HOME"]),
		auto.WorkDir(tmp),
		auto.EnvVars(env),
		auto.SecretsProvider("passphrase"),
		auto.Project(workspace.Project{
			Name:    "fakeaws-smoke",
			Runtime: workspace.NewProjectRuntimeInfo("go", nil),
			Backend: &workspace.ProjectBackend{URL: "file://" + state},
		}))
	require.NoError(t, err)
	require.NoError(t, stack.SetAllConfig(ctx, auto.ConfigMap{
		"aws:region":                    {Value: "us-west-2"},
		"aws:skipCredentialsValidation": {Value: "true"},
		"aws:skipRequestingAccountId":   {Value: "true"},
	}))
	t.Logf("create stack: %s", time.Since(start).Round(time.Millisecond))

	step := func(name string, f func() error) {
		t.Helper()
		start := time.Now()
		require.NoError(t, f(), name)
		t.Logf("%s: %s", name, time.Since(start).Round(time.Millisecond))
	}

	var preview auto.PreviewResult
	step("preview", func() (err error) { preview, err = stack.Preview(ctx); return err })
	assert.Equal(t, 2, preview.ChangeSummary[apitype.OpCreate], "stack and security group: %v", preview.ChangeSummary)

	var up auto.UpResult
	step("up", func() (err error) { up, err = stack.Up(ctx); return err })
	id, _ := up.Outputs["id"].Value.(string)
	name, _ := up.Outputs["name"].Value.(string)
	assert.Regexp(t, `^sg-0[0-9a-f]{16}$`, id)
	assert.True(t, strings.HasPrefix(name, "smoke-"), name)
	assert.Equal(t, "arn:aws:ec2:us-west-2:"+fakeaws.AccountID+":security-group/"+id, up.Outputs["arn"].Value)

	step("second preview", func() (err error) { preview, err = stack.Preview(ctx); return err })
	assert.Equal(t, map[apitype.OpType]int{apitype.OpSame: 2}, preview.ChangeSummary, "no changes")

	step("refresh", func() error { _, err := stack.Refresh(ctx); return err })
	step("preview after refresh", func() (err error) { preview, err = stack.Preview(ctx); return err })
	assert.Equal(t, map[apitype.OpType]int{apitype.OpSame: 2}, preview.ChangeSummary, "no changes after refresh")

	step("destroy", func() error { _, err := stack.Destroy(ctx); return err })
}
