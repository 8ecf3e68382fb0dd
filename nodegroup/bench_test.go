package nodegroup_test

import (
	"fmt"
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup"
	"github.com/eksnodes/pulumi-eksnodes/nodegroup/nodegrouptest"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func benchArgs() *nodegroup.NodeGroupArgs {
	return &nodegroup.NodeGroupArgs{
		Cluster: nodegroup.ClusterArgs{
			Name:                 pulumi.String("demo"),
			Endpoint:             pulumi.String("https://0123456789ABCDEF0123456789ABCDEF.gr7.us-east-1.eks.amazonaws.com"),
			CertificateAuthority: pulumi.String("LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURCVENDQWUyZ0F3SUJBZ0lJZXhhbXBsZQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg=="),
			ServiceCidr:          pulumi.String("172.20.0.0/16"),
			Version:              pulumi.String("1.33"),
			SecurityGroupId:      pulumi.String("sg-0123456789abcdef0"),
			VpcId:                pulumi.String("vpc-0123456789abcdef0"),
		},
		SubnetIds: pulumi.ToStringArray([]string{"subnet-0123456789abcdef0", "subnet-0123456789abcdef1"}),
		Labels:    map[string]string{"workload": "general"},
		Taints:    map[string]nodegroup.Taint{"dedicated": {Value: "platform", Effect: nodegroup.NoSchedule}},
	}
}

// runGroups runs a program of n node groups against mocks.
func runGroups(b *testing.B, n int) {
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		for i := 0; i < n; i++ {
			if _, err := nodegroup.NewNodeGroup(ctx, fmt.Sprintf("ng%d", i), benchArgs()); err != nil {
				return err
			}
		}
		return nil
	}, pulumi.WithMocks("bench", "dev", nodegrouptest.New()))
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkNewNodeGroup constructs one node group (17 resources) with mocks.
func BenchmarkNewNodeGroup(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		runGroups(b, 1)
	}
}

// BenchmarkProgram100NodeGroups runs a program of 100 node groups (1,700 resources) with mocks.
func BenchmarkProgram100NodeGroups(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		runGroups(b, 100)
	}
}

// BenchmarkValidate measures defaults and validation alone, which run before anything is
// registered: the refusal of a bad input costs this much.
func BenchmarkValidate(b *testing.B) {
	args := benchArgs()
	args.MinSize = nodegroup.Ref(3)
	args.MaxSize = nodegroup.Ref(2) // below minSize: refused
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		err := pulumi.RunErr(func(ctx *pulumi.Context) error {
			_, err := nodegroup.NewNodeGroup(ctx, "ng", args)
			return err
		}, pulumi.WithMocks("bench", "dev", nodegrouptest.New()))
		if err == nil {
			b.Fatal("want a validation error")
		}
	}
}
