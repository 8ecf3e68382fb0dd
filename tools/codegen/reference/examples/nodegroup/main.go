// A node group of m7i.large nodes with labels and a taint, in a cluster described by its facts.
package main

import (
	"github.com/eksnodes/pulumi-eksnodes/nodegroup"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		workers, err := nodegroup.NewNodeGroup(ctx, "workers", &nodegroup.NodeGroupArgs{
			Cluster: nodegroup.ClusterArgs{
				Name:                 pulumi.String("demo"),
				Endpoint:             pulumi.String("https://0123456789ABCDEF.gr7.us-east-1.eks.amazonaws.com"),
				CertificateAuthority: pulumi.String("LS0tLS1CRUdJTi..."),
				ServiceCidr:          pulumi.String("172.20.0.0/16"),
				Version:              pulumi.String("1.33"),
				SecurityGroupId:      pulumi.String("sg-0123456789abcdef0"),
				VpcId:                pulumi.String("vpc-0123456789abcdef0"),
			},
			SubnetIds:       pulumi.ToStringArray([]string{"subnet-0123456789abcdef0", "subnet-0123456789abcdef1"}),
			InstanceType:    "m7i.large",
			MinSize:         pulumi.IntRef(1),
			MaxSize:         pulumi.IntRef(4),
			DesiredCapacity: pulumi.IntRef(2),
			Labels:          map[string]string{"workload": "general"},
			Taints: map[string]nodegroup.Taint{
				"dedicated": {Value: "platform", Effect: nodegroup.NoSchedule},
			},
			NodeRoleOptions: &nodegroup.NodeRoleOptions{EnableSsmAccess: true},
			Tags:            pulumi.StringMap{"environment": pulumi.String("demo")},
		})
		if err != nil {
			return err
		}
		ctx.Export("autoScalingGroupName", workers.AutoScalingGroupName)
		ctx.Export("amiId", workers.AmiId)
		return nil
	})
}
