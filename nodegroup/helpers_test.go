package nodegroup

import (
	"encoding/base64"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup/nodegrouptest"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lookedUpAMI is what the AMI's SSM parameter resolves to in runProgram, unlike the
// ami-0123456789abcdef0 the tests give as amiId: an output shows which of the two it came from.
const lookedUpAMI = "ami-0abcdef0123456789"

// runProgram runs program against fresh mocks and returns them with the program's error.
func runProgram(t *testing.T, program pulumi.RunFunc) (*nodegrouptest.Mocks, error) {
	t.Helper()
	m := nodegrouptest.New()
	m.AMI = lookedUpAMI
	err := pulumi.RunErr(program, pulumi.WithMocks("eksnodes", "test", m))
	return m, err
}

const testCA = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURCVENDQWUyZ0F3SUJBZ0lJZXhhbXBsZQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg=="

// demoCluster is a valid set of plain cluster facts.
func demoCluster() ClusterArgs {
	return ClusterArgs{
		Name:                 pulumi.String("demo"),
		Endpoint:             pulumi.String("https://0123456789ABCDEF0123456789ABCDEF.gr7.us-east-1.eks.amazonaws.com"),
		CertificateAuthority: pulumi.String(testCA),
		ServiceCidr:          pulumi.String("172.20.0.0/16"),
		Version:              pulumi.String("1.33"),
		SecurityGroupId:      pulumi.String("sg-0123456789abcdef0"),
		VpcId:                pulumi.String("vpc-0123456789abcdef0"),
	}
}

// demoArgs is a valid NodeGroup with only the required inputs set.
func demoArgs() *NodeGroupArgs {
	return &NodeGroupArgs{
		Cluster:   demoCluster(),
		SubnetIds: pulumi.ToStringArray([]string{"subnet-0123456789abcdef0", "subnet-0123456789abcdef1"}),
	}
}

// outputs are the resolved outputs of a NodeGroup.
type outputs struct {
	UserData, AmiID, RoleArn, RoleName, ProfileArn, SecurityGroupID, LaunchTemplateID, ASGName string
	LatestVersion                                                                              int
}

// runNodeGroup creates one NodeGroup named "ng" and returns the mocks and its outputs.
func runNodeGroup(t *testing.T, args *NodeGroupArgs) (*nodegrouptest.Mocks, outputs, error) {
	t.Helper()
	var out outputs
	var mu sync.Mutex
	set := func(dst *string) func(string) string {
		return func(s string) string { mu.Lock(); *dst = s; mu.Unlock(); return s }
	}
	m, err := runProgram(t, func(ctx *pulumi.Context) error {
		g, err := NewNodeGroup(ctx, "ng", args)
		if err != nil {
			return err
		}
		// Exported, so that the run waits for every apply before it returns.
		ctx.Export("userData", g.UserData.ApplyT(set(&out.UserData)))
		ctx.Export("amiId", g.AmiId.ApplyT(set(&out.AmiID)))
		ctx.Export("roleArn", g.RoleArn.ApplyT(set(&out.RoleArn)))
		ctx.Export("roleName", g.RoleName.ApplyT(set(&out.RoleName)))
		ctx.Export("instanceProfileArn", g.InstanceProfileArn.ApplyT(set(&out.ProfileArn)))
		ctx.Export("securityGroupId", g.SecurityGroupId.ApplyT(set(&out.SecurityGroupID)))
		ctx.Export("launchTemplateId", g.LaunchTemplateId.ApplyT(set(&out.LaunchTemplateID)))
		ctx.Export("autoScalingGroupName", g.AutoScalingGroupName.ApplyT(set(&out.ASGName)))
		ctx.Export("latestVersion", g.LaunchTemplateLatestVersion.ApplyT(func(v int) int { mu.Lock(); out.LatestVersion = v; mu.Unlock(); return v }))
		return nil
	})
	// When the program fails, the run returns without waiting for the applies.
	mu.Lock()
	defer mu.Unlock()
	return m, out, err
}

// decodeUserData returns the launch template's user data as text.
func decodeUserData(t *testing.T, lt nodegrouptest.Resource) string {
	t.Helper()
	raw, err := base64.StdEncoding.DecodeString(lt.Inputs["userData"].StringValue())
	require.NoError(t, err)
	return string(raw)
}

func pulumiString(s string) pulumi.StringInput { return pulumi.String(s) }

// assertRefused runs a NodeGroup with args and checks the refusal every validation case
// expects: a ValidationError of this group, a problem containing want, every problem starting
// with a schema property path, and nothing registered.
func assertRefused(t *testing.T, args *NodeGroupArgs, want string) {
	t.Helper()
	m, _, err := runNodeGroup(t, args)
	require.Error(t, err)
	var verr *ValidationError
	require.True(t, errors.As(err, &verr), "a ValidationError, got %v", err)
	assert.Equal(t, NodeGroupToken, verr.Token)
	assert.Equal(t, "ng", verr.Name)
	found := false
	for _, p := range verr.Problems {
		found = found || strings.Contains(p, want)
		assert.True(t, startsWithSchemaPath(NodeGroupToken, p), "every problem starts with a schema property path: %q", p)
	}
	assert.True(t, found, "want a problem containing %q, got %q", want, verr.Problems)
	assert.Empty(t, m.Resources(), "nothing may be registered when the inputs are invalid")
}
