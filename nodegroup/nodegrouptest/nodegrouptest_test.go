package nodegrouptest_test

import (
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup"
	"github.com/eksnodes/pulumi-eksnodes/nodegroup/nodegrouptest"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const ca = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURCVENDQWUyZ0F3SUJBZ0lJZXhhbXBsZQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg=="

// A program that shares one NodeRole and one NodeSecurityGroup between two groups: the values
// one component hands the other (an instance profile ARN, a security group ID) look like AWS's,
// so they pass the groups' checks under the mocks as they would on AWS.
func program(ctx *pulumi.Context) error {
	cluster := nodegroup.ClusterArgs{
		Name: pulumi.String("demo"), Endpoint: pulumi.String("https://example.gr7.us-east-1.eks.amazonaws.com"),
		CertificateAuthority: pulumi.String(ca), ServiceCidr: pulumi.String("172.20.0.0/16"),
		Version: pulumi.String("1.33"), SecurityGroupId: pulumi.String("sg-0123456789abcdef0"), VpcId: pulumi.String("vpc-0123456789abcdef0"),
	}
	role, err := nodegroup.NewNodeRole(ctx, "nodes", &nodegroup.NodeRoleArgs{ClusterName: cluster.Name})
	if err != nil {
		return err
	}
	sg, err := nodegroup.NewNodeSecurityGroup(ctx, "nodes", &nodegroup.NodeSecurityGroupArgs{
		ClusterName: cluster.Name, VpcId: cluster.VpcId, ClusterSecurityGroupId: cluster.SecurityGroupId})
	if err != nil {
		return err
	}
	for _, name := range []string{"blue", "green"} {
		if _, err := nodegroup.NewNodeGroup(ctx, name, &nodegroup.NodeGroupArgs{
			Cluster: cluster, SubnetIds: pulumi.ToStringArray([]string{"subnet-0123456789abcdef0"}),
			InstanceProfileArn: role.InstanceProfileArn, RoleArn: role.RoleArn, NodeSecurityGroupId: sg.SecurityGroupId,
		}); err != nil {
			return err
		}
	}
	return nil
}

func TestMocksRecordAndAnswer(t *testing.T) {
	mocks := nodegrouptest.New()
	mocks.Partition = "aws-cn"
	require.NoError(t, pulumi.RunErr(program, pulumi.WithMocks("project", "stack", mocks)))

	assert.Len(t, mocks.OfType("aws:autoscaling/group:Group"), 2)
	assert.Contains(t, mocks.Keys(), "aws:iam/rolePolicyAttachment:RolePolicyAttachment nodes-AmazonEKSWorkerNodePolicy")
	attachment, ok := mocks.Get("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "nodes-AmazonEKSWorkerNodePolicy")
	require.True(t, ok)
	assert.Equal(t, "arn:aws-cn:iam::aws:policy/AmazonEKSWorkerNodePolicy", attachment.Inputs["policyArn"].StringValue(), "the partition answered")

	lt := mocks.Inputs("aws:ec2/launchTemplate:LaunchTemplate", "blue")
	require.NotNil(t, lt)
	assert.Equal(t, nodegrouptest.DefaultAMI, lt["imageId"].StringValue())
	sg, _ := mocks.Get("aws:ec2/securityGroup:SecurityGroup", "nodes")
	assert.Regexp(t, `^sg-[0-9a-f]{17}$`, sg.ID)
	assert.Equal(t, sg.ID, lt["networkInterfaces"].ArrayValue()[0].ObjectValue()["securityGroups"].ArrayValue()[0].StringValue())

	tokens := map[string]bool{}
	for _, c := range mocks.Calls() {
		tokens[c.Token] = true
	}
	assert.Equal(t, map[string]bool{"aws:index/getPartition:getPartition": true, "aws:ssm/getParameter:getParameter": true}, tokens)
}

func TestMocksRefuseUnknownCalls(t *testing.T) {
	_, err := nodegrouptest.New().Call(pulumi.MockCallArgs{Token: "aws:ec2/getAmi:getAmi"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "aws:ec2/getAmi:getAmi")
}
