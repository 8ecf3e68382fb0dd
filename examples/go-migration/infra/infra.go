// Package infra is the stack of the go-migration example, apart from main so that tests run it
// through the Pulumi engine.
package infra

import (
	"github.com/eksnodes/pulumi-eksnodes/nodegroup"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

// Program is the whole stack.
func Program(ctx *pulumi.Context) error {
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
