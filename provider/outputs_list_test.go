package provider

import (
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestListsOfOutputsThroughConstruct sends what a TypeScript program sends for
// `additionalPolicyArns: [policy.arn]` and `sshSourceSecurityGroupIds: [bastion.id]`: lists whose
// elements are outputs (secret, or unknown during a preview).
func TestListsOfOutputsThroughConstruct(t *testing.T) {
	for _, tc := range []struct {
		name    string
		elem    property.Value
		preview bool
	}{
		{"secret element", property.New("arn:aws:iam::111122223333:policy/extra").WithSecret(true), false},
		{"unknown element during a preview", property.New(property.Computed), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := constructRun(t, nodegroup.NodeGroupToken, "ng", nodeGroupProps(map[string]property.Value{
				"nodeRoleOptions": pObj(map[string]property.Value{
					"additionalPolicyArns": property.New([]property.Value{tc.elem}),
				}),
			}), tc.preview)
			require.NoError(t, err)
			found := false
			for _, c := range r.Children {
				found = found || (c.Type == "aws:iam/rolePolicyAttachment:RolePolicyAttachment" && c.Name == "ng-role-policy-0")
			}
			assert.True(t, found, "the output policy gets its own attachment, named by its place in the list: %v", r.keys())
		})
	}
}

// TestExplicitEmptyEgressIsRefused: `egressRules: []` from TypeScript, Python or YAML arrives as
// an empty list, which must not be read as "not given" (the widest egress).
func TestExplicitEmptyEgressIsRefused(t *testing.T) {
	_, err := construct(t, nodegroup.NodeGroupToken, "ng", nodeGroupProps(map[string]property.Value{
		"nodeSecurityGroupOptions": pObj(map[string]property.Value{"egressRules": property.New([]property.Value{})}),
	}))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "nodeSecurityGroupOptions.egressRules is an empty list")
	_, err = construct(t, nodegroup.NodeSecurityGroupToken, "sg", property.NewMap(map[string]property.Value{
		"clusterName": pStr("demo"), "vpcId": pStr("vpc-0123456789abcdef0"), "clusterSecurityGroupId": pStr("sg-0123456789abcdef0"),
		"egressRules": property.New([]property.Value{}),
	}))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "egressRules is an empty list")
}
