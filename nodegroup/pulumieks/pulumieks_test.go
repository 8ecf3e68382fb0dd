package pulumieks

import (
	"sync"
	"testing"

	awseks "github.com/pulumi/pulumi-aws/sdk/v6/go/aws/eks"
	"github.com/pulumi/pulumi-eks/sdk/v3/go/eks"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type mocks struct{}

func (mocks) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	state := args.Inputs.Copy()
	if args.TypeToken == "aws:eks/cluster:Cluster" {
		state["name"] = resource.NewProperty("prod")
		state["endpoint"] = resource.NewProperty("https://ABCDEF.yl4.eu-west-1.eks.amazonaws.com")
		state["version"] = resource.NewProperty("1.34")
		state["certificateAuthority"] = resource.NewProperty(resource.PropertyMap{"data": resource.NewProperty("Q0E=")})
		state["kubernetesNetworkConfig"] = resource.NewProperty(resource.PropertyMap{"serviceIpv4Cidr": resource.NewProperty("10.100.0.0/16")})
		state["vpcConfig"] = resource.NewProperty(resource.PropertyMap{
			"clusterSecurityGroupId": resource.NewProperty("sg-0eeeeeeeeeeeeeee1"),
			"vpcId":                  resource.NewProperty("vpc-0eeeeeeeeeeeeeee1"),
		})
	}
	return args.Name + "-id", state, nil
}

func (mocks) Call(pulumi.MockCallArgs) (resource.PropertyMap, error) {
	return resource.PropertyMap{}, nil
}

// The pulumi-eks Cluster's outputs are wired from an aws.eks.Cluster created under mocks, the
// way pulumi-eks exposes its inner cluster.
func TestClusterFromPulumiEks(t *testing.T) {
	for _, tc := range []struct {
		name, ownSG, wantSG string
	}{
		{"pulumi-eks cluster security group", "sg-0ddddddddddddddd1", "sg-0ddddddddddddddd1"},
		{"no pulumi-eks security group", "", "sg-0eeeeeeeeeeeeeee1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var facts []string
			var mu sync.Mutex
			err := pulumi.RunErr(func(ctx *pulumi.Context) error {
				inner, err := awseks.NewCluster(ctx, "prod", &awseks.ClusterArgs{
					RoleArn:   pulumi.String("arn:aws:iam::111122223333:role/eks"),
					VpcConfig: awseks.ClusterVpcConfigArgs{},
				})
				if err != nil {
					return err
				}
				c := &eks.Cluster{
					EksCluster:             inner.ToClusterOutput(),
					ClusterSecurityGroupId: pulumi.String(tc.ownSG).ToStringOutputWithContext(ctx.Context()),
					Core:                   eks.CoreDataArgs{VpcId: pulumi.String("vpc-0ccccccccccccccc1")}.ToCoreDataOutputWithContext(ctx.Context()),
				}
				args := Cluster(c)
				// Exported, so the program waits for it.
				ctx.Export("facts", pulumi.All(args.Name, args.Endpoint, args.CertificateAuthority, args.ServiceCidr, args.Version, args.SecurityGroupId, args.VpcId).
					ApplyT(func(v []any) []any {
						mu.Lock()
						defer mu.Unlock()
						for _, s := range v {
							facts = append(facts, s.(string))
						}
						return v
					}))
				return nil
			}, pulumi.WithMocks("eksnodes", "test", mocks{}))
			require.NoError(t, err)
			assert.Equal(t, []string{"prod", "https://ABCDEF.yl4.eu-west-1.eks.amazonaws.com", "Q0E=", "10.100.0.0/16", "1.34",
				tc.wantSG, "vpc-0ccccccccccccccc1"}, facts)
		})
	}
}
