package nodegroup_test

import (
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup"
	"github.com/eksnodes/pulumi-eksnodes/nodegroup/nodegrouptest"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A plain Go Pulumi program uses the library directly: no provider plugin is involved, only
// the aws resources (here answered by mocks) and the component registrations.
func TestPlainGoProgramNeedsNoPlugin(t *testing.T) {
	m := nodegrouptest.New()
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		_, err := nodegroup.NewNodeGroup(ctx, "workers", &nodegroup.NodeGroupArgs{
			Cluster: nodegroup.ClusterArgs{
				Name:                 pulumi.String("demo"),
				Endpoint:             pulumi.String("https://example.gr7.us-east-1.eks.amazonaws.com"),
				CertificateAuthority: pulumi.String("LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg=="),
				ServiceCidr:          pulumi.String("10.100.0.0/16"),
				Version:              pulumi.String("1.33"),
				SecurityGroupId:      pulumi.String("sg-0123456789abcdef0"),
				VpcId:                pulumi.String("vpc-0123456789abcdef0"),
			},
			SubnetIds: pulumi.ToStringArray([]string{"subnet-0123456789abcdef0"}),
			Labels:    map[string]string{"team": "platform"},
		})
		return err
	}, pulumi.WithMocks("app", "dev", m))
	require.NoError(t, err)
	for _, r := range m.Keys() {
		assert.NotContains(t, r, "pulumi:providers:eksnodes", "no eksnodes provider is involved")
	}
	assert.Contains(t, m.Keys(), "eksnodes:index:NodeGroup workers")
	assert.Contains(t, m.Keys(), "aws:autoscaling/group:Group workers")
	assert.Contains(t, m.Keys(), "aws:ec2/launchTemplate:LaunchTemplate workers")
}
