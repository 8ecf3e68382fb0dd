package main

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"sort"
	"strings"
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/internal/offline"
	"github.com/eksnodes/pulumi-eksnodes/nodegroup/nodegrouptest"
	"github.com/eksnodes/pulumi-eksnodes/nodegroup/userdata"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Both groups share one role, one access entry and one set of security group rules.
func TestProgramSharesRoleAndRules(t *testing.T) {
	_, cfg, err := offline.ProjectConfig("Pulumi.yaml")
	require.NoError(t, err)
	env := map[string]string{}
	for k, v := range cfg {
		env["eksnodes-go-migration:"+k] = v
	}
	raw, err := json.Marshal(env)
	require.NoError(t, err)
	t.Setenv("PULUMI_CONFIG", string(raw))

	m := nodegrouptest.New()
	require.NoError(t, pulumi.RunErr(program, pulumi.WithMocks("eksnodes-go-migration", "dev", m)))
	count := map[string]int{}
	for _, r := range m.Keys() {
		typ, _, _ := strings.Cut(r, " ")
		count[typ]++
	}
	assert.Equal(t, 1, count["aws:iam/role:Role"])
	assert.Equal(t, 1, count["aws:eks/accessEntry:AccessEntry"])
	assert.Equal(t, 1, count["aws:ec2/securityGroup:SecurityGroup"])
	assert.Equal(t, 2, count["aws:autoscaling/group:Group"])
	assert.Equal(t, 2, count["aws:autoscaling/lifecycleHook:LifecycleHook"])
	// Only green carries the new settings: baseline hardening in its user data.
	for color, hardened := range map[string]bool{"blue": false, "green": true} {
		lt := m.Inputs("aws:ec2/launchTemplate:LaunchTemplate", color)
		require.NotNil(t, lt, color)
		ud, err := base64.StdEncoding.DecodeString(lt["userData"].StringValue())
		require.NoError(t, err)
		parts, err := userdata.ParseMIME(string(ud))
		require.NoError(t, err)
		found := false
		for _, p := range parts {
			found = found || strings.Contains(p.Body, "eksnodes-hardening.service")
		}
		assert.Equal(t, hardened, found, color)
	}
}

func TestOfflineLifecycle(t *testing.T) {
	env := offline.ForTest(t)
	ctx := context.Background()
	project, cfg, err := offline.ProjectConfig("Pulumi.yaml")
	require.NoError(t, err)
	stack, err := env.GoStack(ctx, project, "e2e", program, cfg)
	require.NoError(t, err)
	results, err := offline.RunGo(ctx, stack, offline.Lifecycle("m7i.xlarge"), offline.TestLog(t))
	require.NoError(t, err)
	assert.Empty(t, offline.Verify(results))
}

// Retiring blue deletes exactly blue's resources; the shared role, access entry, security
// group and its rules, and green are left alone.
func TestOfflineRetireBlue(t *testing.T) {
	env := offline.ForTest(t)
	ctx := context.Background()
	project, cfg, err := offline.ProjectConfig("Pulumi.yaml")
	require.NoError(t, err)
	stack, err := env.GoStack(ctx, project, "retire", program, cfg)
	require.NoError(t, err)
	results, err := offline.RunGo(ctx, stack, []offline.Step{
		{Op: "up"},
		{Op: "config", Key: "blueEnabled", Value: "false"},
		{Op: "preview"}, {Op: "up"}, {Op: "preview"}, {Op: "destroy"},
	}, offline.TestLog(t))
	require.NoError(t, err)

	var deleted []string
	for _, e := range results[1].Events {
		switch e.Op {
		case "same":
		case "delete":
			deleted = append(deleted, e.Type+" "+e.URN[strings.LastIndex(e.URN, "::")+2:])
		default:
			t.Errorf("retiring blue would %s %s", e.Op, e.URN)
		}
	}
	sort.Strings(deleted)
	assert.Equal(t, []string{
		"aws:autoscaling/group:Group blue",
		"aws:autoscaling/lifecycleHook:LifecycleHook blue-termination",
		"aws:ec2/launchTemplate:LaunchTemplate blue",
		"eksnodes:index:NodeGroup blue",
	}, deleted)
	assert.Equal(t, 4, results[2].Changes["delete"])
	for op, n := range results[3].Changes {
		assert.True(t, op == "same" || n == 0, "after retiring blue the stack is settled: %v", results[3].Changes)
	}
}
