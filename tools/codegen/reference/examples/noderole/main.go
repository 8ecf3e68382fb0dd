// A node role, with Session Manager access, that several node groups can share.
package main

import (
	"github.com/eksnodes/pulumi-eksnodes/nodegroup"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		role, err := nodegroup.NewNodeRole(ctx, "nodes", &nodegroup.NodeRoleArgs{
			ClusterName:     pulumi.String("demo"),
			EnableSsmAccess: true,
			EcrPullOnly:     true,
			Tags:            pulumi.StringMap{"team": pulumi.String("platform")},
		})
		if err != nil {
			return err
		}
		ctx.Export("roleArn", role.RoleArn)
		ctx.Export("instanceProfileArn", role.InstanceProfileArn)
		return nil
	})
}
