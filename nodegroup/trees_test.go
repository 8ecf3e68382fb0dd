package nodegroup

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A free-form input that contains itself, or nests absurdly deep, is refused by name before
// any recursive walk (printing, merging, TOML or YAML encoding) can overflow the stack, which
// no recover() could catch.
func TestSelfContainingFreeFormInputsAreRefused(t *testing.T) {
	selfMap := func() map[string]any { m := map[string]any{"a": 1}; m["self"] = m; return m }
	viaList := func() map[string]any {
		m := map[string]any{}
		m["list"] = []any{map[string]any{"back": m}}
		return m
	}
	deep := func() map[string]any {
		root := map[string]any{}
		cur := root
		for i := 0; i < maxTreeDepth+5; i++ {
			next := map[string]any{}
			cur["x"] = next
			cur = next
		}
		return root
	}
	for _, tc := range []struct {
		name string
		set  func(a *NodeGroupArgs)
		want string
	}{
		{"kubeletConfig contains itself", func(a *NodeGroupArgs) { a.KubeletConfig = selfMap() }, "kubeletConfig contains itself"},
		{"bottlerocketSettings through a list", func(a *NodeGroupArgs) {
			a.OperatingSystem = Ref(Bottlerocket)
			a.BottlerocketSettings = viaList()
		}, "bottlerocketSettings contains itself"},
		{"containerdBaseRuntimeSpec contains itself", func(a *NodeGroupArgs) { a.ContainerdBaseRuntimeSpec = selfMap() }, "containerdBaseRuntimeSpec contains itself"},
		{"kubeletConfig nested too deep", func(a *NodeGroupArgs) { a.KubeletConfig = deep() }, "kubeletConfig is nested more than 64 levels deep"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := demoArgs()
			tc.set(args)
			m, _, err := runNodeGroup(t, args)
			var verr *ValidationError
			require.True(t, errors.As(err, &verr), "got %v", err)
			require.Len(t, verr.Problems, 1)
			assert.True(t, strings.HasPrefix(verr.Problems[0], tc.want), "got %q", verr.Problems[0])
			assert.Empty(t, m.OfType("aws:ec2/launchTemplate:LaunchTemplate"), "nothing is registered")
		})
	}
}

// The same map used twice, side by side, is not a cycle.
func TestSharedButAcyclicFreeFormInputsAreAccepted(t *testing.T) {
	shared := map[string]any{"cpu": "100m"}
	args := demoArgs()
	args.KubeletConfig = map[string]any{"systemReserved": shared, "evictionHard": map[string]any{"memory.available": "100Mi"}, "kubeReservedCgroup": "/runtime", "x": []any{shared, shared}}
	_, _, err := runNodeGroup(t, args)
	if err != nil {
		var verr *ValidationError
		require.True(t, errors.As(err, &verr), "got %v", err)
		for _, p := range verr.Problems {
			assert.NotContains(t, p, "contains itself")
		}
	}
}
