// Package infra is the stack of the go-basic example, apart from main so that tests run it
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

	workers, err := nodegroup.NewNodeGroup(ctx, "workers", &nodegroup.NodeGroupArgs{
		Cluster: nodegroup.ClusterArgs{
			Name:                 pulumi.String(cfg.Require("clusterName")),
			Endpoint:             pulumi.String(cfg.Require("clusterEndpoint")),
			CertificateAuthority: pulumi.String(cfg.Require("clusterCertificateAuthority")),
			ServiceCidr:          pulumi.String(cfg.Require("clusterServiceCidr")),
			Version:              pulumi.String(cfg.Require("clusterVersion")),
			SecurityGroupId:      pulumi.String(cfg.Require("clusterSecurityGroupId")),
			VpcId:                pulumi.String(cfg.Require("vpcId")),
		},
		SubnetIds:       pulumi.ToStringArray(subnets),
		InstanceType:    cfg.Require("instanceType"),
		MinSize:         pulumi.IntRef(1),
		MaxSize:         pulumi.IntRef(4),
		DesiredCapacity: pulumi.IntRef(2),
		Labels:          map[string]string{"workload": "general", "team": "platform"},
		Taints: map[string]nodegroup.Taint{
			"dedicated": {Value: "platform", Effect: nodegroup.NoSchedule},
		},
		NodeRoleOptions: &nodegroup.NodeRoleOptions{EnableSsmAccess: true},
		Tags:            pulumi.ToStringMap(map[string]string{"environment": "demo"}),
	})
	if err != nil {
		return err
	}

	ctx.Export("autoScalingGroupName", workers.AutoScalingGroupName)
	ctx.Export("roleArn", workers.RoleArn)
	ctx.Export("securityGroupId", workers.SecurityGroupId)
	ctx.Export("amiId", workers.AmiId)
	ctx.Export("userData", workers.UserData)
	return nil
}
