package nodegroup

import (
	"encoding/json"
	"sync"
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup/nodegrouptest"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/yaml"
)

func runNodeRole(t *testing.T, partition string, args *NodeRoleArgs) (*nodegrouptest.Mocks, string, error) {
	t.Helper()
	m := nodegrouptest.New()
	m.Partition = partition
	var mapRole string
	var mu sync.Mutex
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		r, err := NewNodeRole(ctx, "nodes", args)
		if err != nil {
			return err
		}
		// Exported, so that the run waits for the apply before it returns.
		ctx.Export("awsAuthMapRole", r.AwsAuthMapRole.ApplyT(func(s string) string { mu.Lock(); mapRole = s; mu.Unlock(); return s }))
		return nil
	}, pulumi.WithMocks("eksnodes", "test", m))
	return m, mapRole, err
}

func policyArns(m *nodegrouptest.Mocks) []string {
	var out []string
	for _, r := range m.OfType(tAttachment) {
		out = append(out, r.Input("policyArn").(string))
	}
	return out
}

func TestNodeRoleTrustAndPolicies(t *testing.T) {
	for _, partition := range []string{"aws", "aws-cn", "aws-us-gov"} {
		t.Run(partition, func(t *testing.T) {
			m, _, err := runNodeRole(t, partition, &NodeRoleArgs{ClusterName: pulumi.String("demo")})
			require.NoError(t, err)
			assert.ElementsMatch(t, []string{
				"arn:" + partition + ":iam::aws:policy/AmazonEKSWorkerNodePolicy",
				"arn:" + partition + ":iam::aws:policy/AmazonEKS_CNI_Policy",
				"arn:" + partition + ":iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
			}, policyArns(m), "exactly the three worker policies")
			for _, a := range m.OfType(tAttachment) {
				assert.Equal(t, "nodes-"+nodegrouptest.NameSuffix, a.Input("role"))
			}

			role := m.Require(t, tRole, "nodes")
			var trust map[string]any
			require.NoError(t, json.Unmarshal([]byte(role.Input("assumeRolePolicy").(string)), &trust))
			assert.Equal(t, map[string]any{
				"Version": "2012-10-17",
				"Statement": []any{map[string]any{
					"Effect": "Allow", "Action": "sts:AssumeRole",
					"Principal": map[string]any{"Service": "ec2.amazonaws.com"},
				}},
			}, trust, "only EC2 may assume the node role")
			assert.Equal(t, "nodes-", role.Input("namePrefix"))
			assert.Equal(t, "/", role.Input("path"))
			assert.Nil(t, role.Input("permissionsBoundary"))
			assert.Nil(t, role.Input("managedPolicyArns"), "attachments are separate resources")
			assert.Nil(t, role.Input("inlinePolicies"))

			profile := m.Require(t, tProfile, "nodes")
			assert.Equal(t, "nodes-"+nodegrouptest.NameSuffix, profile.Input("role"))

			entry := m.Require(t, tAccessEntry, "nodes")
			assert.Equal(t, "demo", entry.Input("clusterName"))
			assert.Equal(t, "EC2_LINUX", entry.Input("type"))
			assert.Equal(t, "arn:"+partition+":iam::111122223333:role/nodes-"+nodegrouptest.NameSuffix, entry.Input("principalArn"))
			assert.Nil(t, entry.Input("kubernetesGroups"), "EC2 access entries may not name groups")
		})
	}
}

func TestNodeRoleOptions(t *testing.T) {
	m, mapRole, err := runNodeRole(t, "aws", &NodeRoleArgs{
		ClusterName:          pulumi.String("demo"),
		Path:                 "/platform/eks/",
		PermissionsBoundary:  pulumi.String("arn:aws:iam::111122223333:policy/boundary"),
		AdditionalPolicyArns: pulumi.ToStringArray([]string{"arn:aws:iam::111122223333:policy/extra"}),
		EnableSsmAccess:      true,
		CreateAccessEntry:    ptr(false),
		Tags:                 pulumi.ToStringMap(map[string]string{"team": "platform"}),
	})
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{
		"arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
		"arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
		"arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
		"arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
		"arn:aws:iam::111122223333:policy/extra",
	}, policyArns(m))
	role := m.Require(t, tRole, "nodes")
	assert.Equal(t, "/platform/eks/", role.Input("path"))
	assert.Equal(t, "arn:aws:iam::111122223333:policy/boundary", role.Input("permissionsBoundary"))
	assert.Equal(t, map[string]any{"team": "platform"}, role.Input("tags"))
	assert.Equal(t, "/platform/eks/", m.Require(t, tProfile, "nodes").Input("path"))
	assert.Empty(t, m.OfType(tAccessEntry))

	// aws-auth matches the role ARN without its path.
	var entries []map[string]any
	require.NoError(t, yaml.UnmarshalStrict([]byte(mapRole), &entries))
	assert.Equal(t, []map[string]any{{
		"rolearn":  "arn:aws:iam::111122223333:role/nodes-" + nodegrouptest.NameSuffix,
		"username": "system:node:{{EC2PrivateDNSName}}",
		"groups":   []any{"system:bootstrappers", "system:nodes"},
	}}, entries)
}

func TestAwsAuthMapRoleWindows(t *testing.T) {
	out, err := AwsAuthMapRole("arn:aws:iam::111122223333:role/a/b/win", true)
	require.NoError(t, err)
	var entries []mapRole
	require.NoError(t, yaml.UnmarshalStrict([]byte(out), &entries))
	require.Len(t, entries, 1)
	assert.Equal(t, "arn:aws:iam::111122223333:role/win", entries[0].RoleArn)
	assert.Equal(t, []string{"system:bootstrappers", "system:nodes", "eks:kube-proxy-windows"}, entries[0].Groups)
}

func TestRoleArnWithoutPathIsStripped(t *testing.T) {
	for in, want := range map[string]string{
		"arn:aws:iam::111122223333:role/nodes":             "arn:aws:iam::111122223333:role/nodes",
		"arn:aws:iam::111122223333:role/a/b/nodes":         "arn:aws:iam::111122223333:role/nodes",
		"arn:aws-cn:iam::111122223333:role/team/nodes-123": "arn:aws-cn:iam::111122223333:role/nodes-123",
		"not-an-arn": "not-an-arn",
	} {
		assert.Equal(t, want, roleArnWithoutPath(in), in)
	}
}

func TestNodeRoleCNIAndECRPolicyOptions(t *testing.T) {
	m, _, err := runNodeRole(t, "aws", &NodeRoleArgs{ClusterName: pulumi.String("demo"), AttachCniPolicy: ptr(false), EcrPullOnly: true})
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{
		"arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
		"arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly",
	}, policyArns(m), "no CNI policy (it lives on the aws-node service account), ECR pull only")
	m.Require(t, tAttachment, "nodes-AmazonEC2ContainerRegistryPullOnly")

	// With the options at their defaults the policies are the three worker policies, under the
	// names they always had (no replacement on upgrade).
	m, _, err = runNodeRole(t, "aws", &NodeRoleArgs{ClusterName: pulumi.String("demo")})
	require.NoError(t, err)
	for _, n := range []string{"AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly"} {
		m.Require(t, tAttachment, "nodes-"+n)
	}

	// The policy the option now leaves out may be attached by hand; the one it attaches may not.
	_, _, err = runNodeRole(t, "aws", &NodeRoleArgs{ClusterName: pulumi.String("demo"), EcrPullOnly: true,
		AdditionalPolicyArns: pulumi.ToStringArray([]string{"arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly"})})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `additionalPolicyArns[0] ("arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly") is attached already`)
	_, _, err = runNodeRole(t, "aws", &NodeRoleArgs{ClusterName: pulumi.String("demo"), AttachCniPolicy: ptr(false),
		AdditionalPolicyArns: pulumi.ToStringArray([]string{"arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy"})})
	assert.NoError(t, err)
}
