// A node security group with the strict rules profile and one extra ingress rule.
package main

import (
	"github.com/eksnodes/pulumi-eksnodes/nodegroup"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		strict := nodegroup.RulesStrict
		sg, err := nodegroup.NewNodeSecurityGroup(ctx, "nodes", &nodegroup.NodeSecurityGroupArgs{
			ClusterName:            pulumi.String("demo"),
			VpcId:                  pulumi.String("vpc-0123456789abcdef0"),
			ClusterSecurityGroupId: pulumi.String("sg-0123456789abcdef0"),
			RulesProfile:           &strict,
			IngressRules: []nodegroup.SecurityGroupRule{{
				Description: "Webhook from the load balancers",
				Protocol:    "tcp",
				FromPort:    pulumi.IntRef(9443),
				CidrIpv4:    pulumi.String("10.0.0.0/16"),
			}},
		})
		if err != nil {
			return err
		}
		ctx.Export("securityGroupId", sg.SecurityGroupId)
		return nil
	})
}
