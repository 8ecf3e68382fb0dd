// Package pulumieks connects eksnodes to clusters made with pulumi-eks. It lives apart from
// package nodegroup so that programs which do not use pulumi-eks do not compile it and the
// Kubernetes SDK it brings.
package pulumieks

import (
	"github.com/eksnodes/pulumi-eksnodes/nodegroup"
	"github.com/pulumi/pulumi-eks/sdk/v3/go/eks"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Cluster returns the cluster facts of a pulumi-eks Cluster for a NodeGroup. The node rules
// reference the security group pulumi-eks attaches to the control plane, or the one EKS
// creates when pulumi-eks made none.
func Cluster(c *eks.Cluster) nodegroup.ClusterArgs {
	args := nodegroup.ClusterFromAWSOutput(c.EksCluster)
	args.SecurityGroupId = pulumi.All(c.ClusterSecurityGroupId, args.SecurityGroupId).ApplyT(func(v []any) string {
		if own := v[0].(string); own != "" {
			return own
		}
		return v[1].(string)
	}).(pulumi.StringOutput)
	args.VpcId = c.Core.VpcId()
	return args
}
