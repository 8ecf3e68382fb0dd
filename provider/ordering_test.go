package provider

import (
	"sort"
	"strings"
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The Auto Scaling group must not launch nodes before the node role can join the cluster
// (policy attachments, access entry) and before the node security group's rules exist.
// Depending on a local component would not do: the Go SDK expands such a dependency into the
// children registered at that instant (pulumi/pulumi#7737), and the children register
// concurrently. nodegroup.go therefore names the children themselves; this test repeats the
// construction on both paths to catch a regression that only shows up some of the time.
func TestAutoScalingGroupWaitsForRoleAndSecurityGroupChildren(t *testing.T) {
	var sc scenario
	for _, s := range parityScenarios() {
		if strings.HasPrefix(s.name, "strict security group") {
			sc = s
		}
	}
	require.NotNil(t, sc.args, "scenario not found")

	const runs = 25
	incomplete := map[string]int{}
	var example []string
	check := func(path string, r run) {
		asg := r.get(t, typeASG, "ng")
		lt := urnOf(r.get(t, typeLT, "ng"))
		// Everything the role and the security group create.
		want := map[string]bool{}
		for _, c := range r.Children {
			if c.Custom && (strings.Contains(urnOf(c), "$"+nodegroup.NodeRoleToken+"$") ||
				strings.Contains(urnOf(c), "$"+nodegroup.NodeSecurityGroupToken+"$")) {
				want[urnOf(c)] = true
			}
		}
		require.Len(t, want, 6+19, "role (role, profile, 3 attachments, access entry) and security group (group, 18 rules) children")
		got := map[string]bool{}
		for _, d := range asg.Dependencies {
			got[d] = true
			assert.True(t, d == lt || want[d], "%s: unexpected dependency %s", path, d)
		}
		assert.True(t, got[lt], "%s: the group depends on its launch template", path)
		var missing []string
		for u := range want {
			if !got[u] {
				missing = append(missing, u[strings.LastIndex(u, "::")+2:])
			}
		}
		if len(missing) > 0 {
			incomplete[path]++
			if example == nil {
				sort.Strings(missing)
				example = missing
			}
		}
	}
	for i := 0; i < runs; i++ {
		goRun, err := runGo(t, goConstructor(t, "ng", sc.args()))
		require.NoError(t, err)
		check("Go", goRun)
		pluginRun, err := construct(t, sc.token, "ng", componentInputs(t, sc.args()))
		require.NoError(t, err)
		check("plugin", pluginRun)
	}
	assert.Empty(t, incomplete, "the Auto Scaling group missed some NodeRole/NodeSecurityGroup children (runs per path: %d); e.g. it did not depend on %v", runs, example)
}
