package nodegroup

import (
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/eks"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// ClusterArgs are the facts about the EKS cluster the nodes join. Each value may be a plain string
// or an output of another resource: a pulumi-eks Cluster, a raw aws.eks.Cluster, a stack reference
// or configuration.
type ClusterArgs struct {
	// The EKS cluster name. Required. Used in the nodes' bootstrap configuration, the
	// `kubernetes.io/cluster/<name>=owned` tag and the access entry.
	Name pulumi.StringInput `pulumi:"name"`

	// The cluster's Kubernetes API server endpoint, an `https://` URL. Required.
	Endpoint pulumi.StringInput `pulumi:"endpoint"`

	// The cluster's certificate authority data, base64-encoded exactly as EKS returns it
	// (`certificateAuthority.data`). Required.
	CertificateAuthority pulumi.StringInput `pulumi:"certificateAuthority"`

	// The cluster's Kubernetes service CIDR: `kubernetesNetworkConfig.serviceIpv4Cidr` (e.g.
	// `172.20.0.0/16`), or `serviceIpv6Cidr` (e.g. `fd30:1c53:5f8::/108`) with `ipFamily: ipv6`.
	// Required: the nodes derive the cluster DNS address from it.
	ServiceCidr pulumi.StringInput `pulumi:"serviceCidr"`

	// The cluster's Kubernetes minor version, e.g. `1.33`. Required unless `amiId` is set: it selects
	// the EKS-optimized AMI's SSM parameter.
	Version pulumi.StringInput `pulumi:"version,optional"`

	// The cluster security group the control plane uses to reach the nodes (the EKS-created
	// `eks-cluster-sg-*` group or the cluster's additional group). Required when eksnodes creates the
	// node security group.
	SecurityGroupId pulumi.StringInput `pulumi:"securityGroupId,optional"`

	// The VPC of the cluster. Required when eksnodes creates the node security group.
	VpcId pulumi.StringInput `pulumi:"vpcId,optional"`

	// The cluster's IP family (`kubernetesNetworkConfig.ipFamily`): `ipv4` (default) or `ipv6`. A
	// plain value, since it decides which resources exist: with `ipv6` the nodes get IMDS over IPv6,
	// egress to `::/0`, and the VPC CNI's IPv6 permissions instead of `AmazonEKS_CNI_Policy`. IPv6
	// clusters run AL2023, Bottlerocket or AL2 nodes; EKS Windows nodes are IPv4 only.
	IpFamily *IpFamily `pulumi:"ipFamily,optional"`
}

// ClusterFromAWS builds ClusterArgs from a raw aws.eks.Cluster resource. The cluster security
// group is the one EKS creates (`vpcConfig.clusterSecurityGroupId`).
func ClusterFromAWS(c *eks.Cluster) ClusterArgs {
	return ClusterFromAWSOutput(c.ToClusterOutput())
}

// ClusterFromAWSOutput builds ClusterArgs from an output of an aws.eks.Cluster, such as the
// `eksCluster` output of a pulumi-eks Cluster. The service CIDR is the IPv6 one in an IPv6
// cluster; set IpFamily to IPv6 for such a cluster yourself, since it must be known before
// deploy time.
func ClusterFromAWSOutput(c eks.ClusterOutput) ClusterArgs {
	return ClusterArgs{
		Name:                 c.Name(),
		Endpoint:             c.Endpoint(),
		CertificateAuthority: c.CertificateAuthority().Data().Elem(),
		ServiceCidr: c.KubernetesNetworkConfig().ApplyT(func(k eks.ClusterKubernetesNetworkConfig) string {
			if k.IpFamily != nil && *k.IpFamily == string(IPv6) && k.ServiceIpv6Cidr != nil {
				return *k.ServiceIpv6Cidr // set IpFamily: IPv6 too: it decides which resources exist
			}
			if k.ServiceIpv4Cidr != nil {
				return *k.ServiceIpv4Cidr
			}
			return ""
		}).(pulumi.StringOutput),
		Version:         c.Version(),
		SecurityGroupId: c.VpcConfig().ClusterSecurityGroupId().Elem(),
		VpcId:           c.VpcConfig().VpcId().Elem(),
	}
}
