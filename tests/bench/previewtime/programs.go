// Package previewtime measures the wall time of offline previews of eksnodes node groups against
// a baseline program that declares the same AWS resources directly, in each language: the Go
// library in-process against pulumi-aws's Go SDK (package awsdirect), and the TypeScript SDK
// through the plugin against @pulumi/aws (awsdirect.js). Before measuring it checks that all of
// them register the same AWS resources, inputs and secrecy (equal.go), and it samples the peak
// memory of the engine and plugins (memory.go).
package previewtime

import (
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"fmt"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup"
	"github.com/eksnodes/pulumi-eksnodes/nodegroup/userdata"
	"github.com/eksnodes/pulumi-eksnodes/tests/bench/awsdirect"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// The cluster every program uses.
const (
	clusterName = "demo"
	endpoint    = "https://0123456789ABCDEF0123456789ABCDEF.gr7.us-east-1.eks.amazonaws.com"
	ca          = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURCVENDQWUyZ0F3SUJBZ0lJZXhhbXBsZQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg=="
	serviceCIDR = "172.20.0.0/16"
	version     = "1.33"
	clusterSG   = "sg-0123456789abcdef0"
	vpcID       = "vpc-0123456789abcdef0"
	subnetID    = "subnet-0123456789abcdef0"
)

// EksnodesProgram declares n node groups with the eksnodes library.
func EksnodesProgram(n int) pulumi.RunFunc {
	return func(ctx *pulumi.Context) error {
		for i := 0; i < n; i++ {
			_, err := nodegroup.NewNodeGroup(ctx, fmt.Sprintf("ng%d", i), &nodegroup.NodeGroupArgs{
				Cluster: nodegroup.ClusterArgs{
					Name: pulumi.String(clusterName), Endpoint: pulumi.String(endpoint), CertificateAuthority: pulumi.String(ca),
					ServiceCidr: pulumi.String(serviceCIDR), Version: pulumi.String(version),
					SecurityGroupId: pulumi.String(clusterSG), VpcId: pulumi.String(vpcID),
				},
				SubnetIds: pulumi.ToStringArray([]string{subnetID}),
				Labels:    map[string]string{"team": "platform"},
			})
			if err != nil {
				return err
			}
		}
		return nil
	}
}

// BaselineProgram declares, for each of n groups, the same 13 AWS resources an eksnodes node
// group creates, written directly against the AWS SDK as a hand-written program would (package
// awsdirect), with the same inputs and the user data eksnodes would render.
func BaselineProgram(n int) pulumi.RunFunc {
	spec := baselineSpec()
	return func(ctx *pulumi.Context) error {
		for i := 0; i < n; i++ {
			if err := awsdirect.NodeGroup(ctx, fmt.Sprintf("ng%d", i), spec); err != nil {
				return err
			}
		}
		return nil
	}
}

// baselineSpec is what the baseline programs know: the cluster, and the user data eksnodes
// would render for it.
func baselineSpec() awsdirect.Spec {
	ud, err := userdata.Render(userdata.Input{
		Format:  userdata.FormatNodeadm,
		Cluster: userdata.Cluster{Name: clusterName, Endpoint: endpoint, CertificateAuthority: ca, ServiceCIDR: serviceCIDR},
		Labels:  map[string]string{"team": "platform"},
	})
	if err != nil {
		panic(err) // constant input
	}
	return awsdirect.Spec{
		ClusterName: clusterName, ClusterSecurityGroupID: clusterSG, VpcID: vpcID, SubnetIDs: []string{subnetID},
		KubernetesVersion: version, InstanceType: "t3.medium", AssumeRolePolicy: nodegroup.AssumeRolePolicy,
		UserData: base64.StdEncoding.EncodeToString([]byte(ud)),
	}
}

// TypeScriptProgram is the JavaScript of a program with n node groups through the plugin, like
// EksnodesProgram.
func TypeScriptProgram(n int) string {
	return fmt.Sprintf(`"use strict";
const eksnodes = require("@eksnodes/eksnodes");
for (let i = 0; i < %d; i++) {
    new eksnodes.NodeGroup("ng" + i, {
        cluster: { name: %q, endpoint: %q, certificateAuthority: %q, serviceCidr: %q, version: %q, securityGroupId: %q, vpcId: %q },
        subnetIds: [%q],
        labels: { team: "platform" },
    });
}
`, n, clusterName, endpoint, ca, serviceCIDR, version, clusterSG, vpcID, subnetID)
}

// TypeScriptBaselineProgram is the JavaScript of a program that declares, for each of n groups,
// the AWS resources of an eksnodes node group directly with @pulumi/aws: what
// awsdirect.NodeGroup does in Go, line for line, with the same inputs and secrecy.
func TypeScriptBaselineProgram(n int) string {
	spec, err := json.Marshal(baselineSpec())
	if err != nil {
		panic(err) // plain strings
	}
	return fmt.Sprintf(tsBaseline, spec, n)
}

//go:embed awsdirect.js
var tsBaseline string
