// Command baseline is the program buildcost compares examples/go-basic against: the same EKS
// self-managed node group, from the same stack configuration (Pulumi.yaml), declared directly
// with the pulumi-aws SDK (package awsdirect) and with user data written by hand, so that it
// compiles what a Go user who does not use eksnodes compiles.
package main

import (
	"encoding/base64"
	"fmt"

	"github.com/eksnodes/pulumi-eksnodes/tests/bench/awsdirect"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

// assumeRolePolicy lets EC2 instances take the node role.
const assumeRolePolicy = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}`

// nodeConfig is a nodeadm NodeConfig in a MIME multipart document, as AL2023 nodes read it.
const nodeConfig = `MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="BOUNDARY"

--BOUNDARY
Content-Type: application/node.eks.aws

apiVersion: node.eks.aws/v1alpha1
kind: NodeConfig
spec:
  cluster:
    name: %s
    apiServerEndpoint: %s
    certificateAuthority: %s
    cidr: %s
  kubelet:
    flags:
      - --node-labels=team=platform,workload=general
      - --register-with-taints=dedicated=platform:NoSchedule

--BOUNDARY--
`

func main() {
	pulumi.Run(program)
}

func program(ctx *pulumi.Context) error {
	cfg := config.New(ctx, "")
	var subnets []string
	cfg.RequireObject("subnetIds", &subnets)
	name := cfg.Require("clusterName")
	userData := fmt.Sprintf(nodeConfig, name, cfg.Require("clusterEndpoint"),
		cfg.Require("clusterCertificateAuthority"), cfg.Require("clusterServiceCidr"))
	return awsdirect.NodeGroup(ctx, "workers", awsdirect.Spec{
		ClusterName:            name,
		ClusterSecurityGroupID: cfg.Require("clusterSecurityGroupId"),
		VpcID:                  cfg.Require("vpcId"),
		SubnetIDs:              subnets,
		KubernetesVersion:      cfg.Require("clusterVersion"),
		InstanceType:           cfg.Require("instanceType"),
		AssumeRolePolicy:       assumeRolePolicy,
		UserData:               base64.StdEncoding.EncodeToString([]byte(userData)),
	})
}
