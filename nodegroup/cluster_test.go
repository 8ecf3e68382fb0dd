package nodegroup

import (
	"sync"
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup/nodegrouptest"
	awseks "github.com/pulumi/pulumi-aws/sdk/v6/go/aws/eks"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// answerAsEKS gives an aws.eks.Cluster the outputs EKS reports for one.
func answerAsEKS(r nodegrouptest.Resource) (string, resource.PropertyMap, error) {
	state := r.Outputs.Copy()
	state["name"] = resource.NewProperty("prod")
	state["endpoint"] = resource.NewProperty("https://ABCDEF.yl4.eu-west-1.eks.amazonaws.com")
	state["version"] = resource.NewProperty("1.34")
	state["certificateAuthority"] = resource.NewProperty(resource.PropertyMap{"data": resource.NewProperty(testCA)})
	state["kubernetesNetworkConfig"] = resource.NewProperty(resource.PropertyMap{"serviceIpv4Cidr": resource.NewProperty("10.100.0.0/16")})
	state["vpcConfig"] = resource.NewProperty(resource.PropertyMap{
		"clusterSecurityGroupId": resource.NewProperty("sg-0eeeeeeeeeeeeeee1"),
		"vpcId":                  resource.NewProperty("vpc-0eeeeeeeeeeeeeee1"),
		"subnetIds":              resource.NewProperty([]resource.PropertyValue{resource.NewProperty("subnet-0eeeeeeeeeeeeeee1")}),
	})
	return "prod", state, nil
}

// resolveCluster waits for every fact of a ClusterArgs.
func resolveCluster(c ClusterArgs) pulumi.StringArrayOutput {
	return pulumi.All(c.Name, c.Endpoint, c.CertificateAuthority, c.ServiceCidr, c.Version, c.SecurityGroupId, c.VpcId).
		ApplyT(func(v []any) []string {
			out := make([]string, len(v))
			for i := range v {
				out[i] = v[i].(string)
			}
			return out
		}).(pulumi.StringArrayOutput)
}

func TestClusterFromAWS(t *testing.T) {
	m := nodegrouptest.New()
	m.OnResource("aws:eks/cluster:Cluster", answerAsEKS)
	var facts []string
	var mu sync.Mutex
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		cluster, err := awseks.NewCluster(ctx, "prod", &awseks.ClusterArgs{
			RoleArn:   pulumi.String("arn:aws:iam::111122223333:role/eks"),
			VpcConfig: awseks.ClusterVpcConfigArgs{SubnetIds: pulumi.ToStringArray([]string{"subnet-0eeeeeeeeeeeeeee1"})},
		})
		if err != nil {
			return err
		}
		c := ClusterFromAWS(cluster)
		// Exported, so that the run waits for the apply before it returns.
		ctx.Export("facts", resolveCluster(c).ApplyT(func(v []string) []string { mu.Lock(); facts = v; mu.Unlock(); return v }))
		_, err = NewNodeGroup(ctx, "ng", &NodeGroupArgs{
			Cluster: c, SubnetIds: pulumi.ToStringArray([]string{"subnet-0eeeeeeeeeeeeeee1"}),
		})
		return err
	}, pulumi.WithMocks("eksnodes", "test", m))
	require.NoError(t, err)
	assert.Equal(t, []string{
		"prod", "https://ABCDEF.yl4.eu-west-1.eks.amazonaws.com", testCA, "10.100.0.0/16", "1.34",
		"sg-0eeeeeeeeeeeeeee1", "vpc-0eeeeeeeeeeeeeee1",
	}, facts)
	sg := m.Require(t, tSG, "ng-sg")
	assert.Equal(t, "vpc-0eeeeeeeeeeeeeee1", sg.Input("vpcId"))
	assert.Equal(t, "sg-0eeeeeeeeeeeeeee1", m.Require(t, tIngress, "ng-sg-cluster-ingress-all").Input("securityGroupId"))
	assert.Equal(t, []string{"/aws/service/eks/optimized-ami/1.34/amazon-linux-2023/x86_64/standard/recommended/image_id"}, m.SSMParameters())
}
