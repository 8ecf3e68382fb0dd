// Command go-migration shows the migrate-to-a-new-node-group path of updating self-managed
// nodes: a blue and a green NodeGroup side by side, sharing one NodeRole (one access entry) and
// one NodeSecurityGroup (one set of cluster rules), so either can go away without touching the
// other or the cluster's rules.
//
// The migration, step by step:
//
//  1. Start with blue only (greenEnabled=false), or both (the defaults).
//  2. Bring up green with the new settings: pulumi up. Wait for its nodes to be Ready.
//  3. Stop scheduling on blue and move its pods:
//     kubectl taint nodes -l eksnodes.io/group=blue eksnodes.io/retiring=true:NoSchedule
//     kubectl drain -l eksnodes.io/group=blue --ignore-daemonsets --delete-emptydir-data
//  4. Remove blue: pulumi config set blueEnabled false && pulumi up. Only blue's launch template
//     and Auto Scaling group are deleted; the shared role and security group stay.
package main

import (
	"github.com/eksnodes/pulumi-eksnodes/nodegroup"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(program)
}

// program is the whole stack; tests run it through the Pulumi engine.
func program(ctx *pulumi.Context) error {
	cfg := config.New(ctx, "")
	var subnets []string
	cfg.RequireObject("subnetIds", &subnets)
	cluster := nodegroup.ClusterArgs{
		Name:                 pulumi.String(cfg.Require("clusterName")),
		Endpoint:             pulumi.String(cfg.Require("clusterEndpoint")),
		CertificateAuthority: pulumi.String(cfg.Require("clusterCertificateAuthority")),
		ServiceCidr:          pulumi.String(cfg.Require("clusterServiceCidr")),
		Version:              pulumi.String(cfg.Require("clusterVersion")),
		SecurityGroupId:      pulumi.String(cfg.Require("clusterSecurityGroupId")),
		VpcId:                pulumi.String(cfg.Require("vpcId")),
	}

	role, err := nodegroup.NewNodeRole(ctx, "nodes", &nodegroup.NodeRoleArgs{
		ClusterName:     cluster.Name,
		EnableSsmAccess: true,
	})
	if err != nil {
		return err
	}
	rules, err := nodegroup.NewNodeSecurityGroup(ctx, "nodes", &nodegroup.NodeSecurityGroupArgs{
		ClusterName:            cluster.Name,
		VpcId:                  cluster.VpcId,
		ClusterSecurityGroupId: cluster.SecurityGroupId,
	})
	if err != nil {
		return err
	}

	groups := []struct {
		color   string
		enabled bool
		args    nodegroup.NodeGroupArgs
	}{
		// blue: the group being retired.
		{"blue", cfg.GetBool("blueEnabled"), nodegroup.NodeGroupArgs{InstanceType: "m6i.large"}},
		// green: the replacement, with the new settings.
		{"green", cfg.GetBool("greenEnabled"), nodegroup.NodeGroupArgs{
			InstanceType: cfg.Require("instanceType"),
			Hardening:    nodegroup.Ref(nodegroup.HardeningBaseline),
		}},
	}
	for _, g := range groups {
		if !g.enabled {
			continue
		}
		args := g.args
		args.Cluster = cluster
		args.SubnetIds = pulumi.ToStringArray(subnets)
		args.InstanceProfileArn = role.InstanceProfileArn
		args.RoleArn = role.RoleArn
		args.NodeSecurityGroupId = rules.SecurityGroupId
		args.Labels = map[string]string{"eksnodes.io/group": g.color}
		args.TerminationLifecycleHook = &nodegroup.TerminationLifecycleHook{}
		group, err := nodegroup.NewNodeGroup(ctx, g.color, &args)
		if err != nil {
			return err
		}
		ctx.Export(g.color+"AutoScalingGroupName", group.AutoScalingGroupName)
	}
	ctx.Export("roleArn", role.RoleArn)
	ctx.Export("securityGroupId", rules.SecurityGroupId)
	return nil
}
