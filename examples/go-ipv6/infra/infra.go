// Package infra is the stack of the go-ipv6 example, apart from main so that tests run it
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
		ServiceCidr:          pulumi.String(cfg.Require("clusterServiceIpv6Cidr")),
		Version:              pulumi.String(cfg.Require("clusterVersion")),
		SecurityGroupId:      pulumi.String(cfg.Require("clusterSecurityGroupId")),
		VpcId:                pulumi.String(cfg.Require("vpcId")),
		IpFamily:             nodegroup.Ref(nodegroup.IPv6),
	}

	role, err := nodegroup.NewNodeRole(ctx, "nodes", &nodegroup.NodeRoleArgs{
		ClusterName:     cluster.Name,
		IpFamily:        cluster.IpFamily,
		EnableSsmAccess: true,
	})
	if err != nil {
		return err
	}
	sg, err := nodegroup.NewNodeSecurityGroup(ctx, "nodes", &nodegroup.NodeSecurityGroupArgs{
		ClusterName:            cluster.Name,
		VpcId:                  cluster.VpcId,
		ClusterSecurityGroupId: cluster.SecurityGroupId,
		IpFamily:               cluster.IpFamily,
	})
	if err != nil {
		return err
	}

	for _, os := range []nodegroup.OperatingSystem{nodegroup.AL2023, nodegroup.Bottlerocket} {
		name := map[nodegroup.OperatingSystem]string{nodegroup.AL2023: "al2023", nodegroup.Bottlerocket: "bottlerocket"}[os]
		group, err := nodegroup.NewNodeGroup(ctx, name, &nodegroup.NodeGroupArgs{
			Cluster:             cluster,
			SubnetIds:           pulumi.ToStringArray(subnets),
			OperatingSystem:     nodegroup.Ref(os),
			InstanceType:        cfg.Require("instanceType"),
			InstanceProfileArn:  role.InstanceProfileArn,
			RoleArn:             role.RoleArn,
			NodeSecurityGroupId: sg.SecurityGroupId,
			Labels:              map[string]string{"os": name},
		})
		if err != nil {
			return err
		}
		ctx.Export(name+"AutoScalingGroupName", group.AutoScalingGroupName)
		ctx.Export(name+"UserData", group.UserData)
	}
	ctx.Export("roleArn", role.RoleArn)
	ctx.Export("securityGroupId", sg.SecurityGroupId)
	return nil
}
