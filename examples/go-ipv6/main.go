// Command go-ipv6 creates EKS self-managed nodes for an IPv6 cluster: an AL2023 group and a
// Bottlerocket group sharing one node role and one node security group. With cluster.ipFamily
// ipv6 the nodes get IMDS over IPv6, egress to ::/0, the VPC CNI's IPv6 permissions and the
// cluster DNS address in the IPv6 service CIDR.
//
// The cluster facts come from stack configuration (see Pulumi.yaml for the demo defaults). The
// subnets must have IPv6 CIDRs, as EKS requires of an IPv6 cluster's subnets.
package main

import (
	"github.com/eksnodes/pulumi-eksnodes/examples/go-ipv6/infra"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(infra.Program)
}
