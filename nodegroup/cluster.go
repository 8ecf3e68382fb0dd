package nodegroup

import (
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/eks"
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// ClusterArgs are the facts about an existing EKS cluster that its nodes need. Every field
// takes a plain string or an Output, so the values can come from a pulumi-eks Cluster, a raw
// aws.eks.Cluster, a stack reference or configuration.
type ClusterArgs struct {
	Name                 pulumi.StringInput `pulumi:"name"`
	Endpoint             pulumi.StringInput `pulumi:"endpoint"`
	CertificateAuthority pulumi.StringInput `pulumi:"certificateAuthority"`
	ServiceCidr          pulumi.StringInput `pulumi:"serviceCidr"`
	Version              pulumi.StringInput `pulumi:"version,optional"`
	SecurityGroupId      pulumi.StringInput `pulumi:"securityGroupId,optional"`
	VpcId                pulumi.StringInput `pulumi:"vpcId,optional"`
}

var _ infer.Annotated = (*ClusterArgs)(nil)

// Annotate describes the cluster facts for the schema and the README.
func (c *ClusterArgs) Annotate(a infer.Annotator) {
	a.Describe(c, "Facts about the EKS cluster the nodes join. Each value may be a plain string or an output of another resource.")
	a.Describe(&c.Name, "The EKS cluster name. Required. Used in the nodes' bootstrap configuration, the `kubernetes.io/cluster/<name>=owned` tag and the access entry.")
	a.Describe(&c.Endpoint, "The cluster's Kubernetes API server endpoint, an `https://` URL. Required.")
	a.Describe(&c.CertificateAuthority, "The cluster's certificate authority data, base64-encoded exactly as EKS returns it (`certificateAuthority.data`). Required.")
	a.Describe(&c.ServiceCidr, "The cluster's Kubernetes service IPv4 CIDR (`kubernetesNetworkConfig.serviceIpv4Cidr`, e.g. `172.20.0.0/16`). Required: nodeadm needs it to derive the cluster DNS address.")
	a.Describe(&c.Version, "The cluster's Kubernetes minor version, e.g. `1.33`. Required unless `amiId` is set: it selects the EKS-optimized AMI's SSM parameter.")
	a.Describe(&c.SecurityGroupId, "The cluster security group the control plane uses to reach the nodes (the EKS-created `eks-cluster-sg-*` group or the cluster's additional group). Required when eksnodes creates the node security group.")
	a.Describe(&c.VpcId, "The VPC of the cluster. Required when eksnodes creates the node security group.")
}

// ClusterFromAWS builds ClusterArgs from a raw aws.eks.Cluster resource. The cluster security
// group is the EKS-created one (`vpcConfig.clusterSecurityGroupId`).
func ClusterFromAWS(c *eks.Cluster) ClusterArgs {
	return ClusterArgs{
		Name:     c.Name,
		Endpoint: c.Endpoint,
		CertificateAuthority: c.CertificateAuthority.ApplyT(func(ca eks.ClusterCertificateAuthority) string {
			return stringOr(ca.Data, "")
		}).(pulumi.StringOutput),
		ServiceCidr: c.KubernetesNetworkConfig.ApplyT(func(n eks.ClusterKubernetesNetworkConfig) string {
			return stringOr(n.ServiceIpv4Cidr, "")
		}).(pulumi.StringOutput),
		Version: c.Version,
		SecurityGroupId: c.VpcConfig.ApplyT(func(v eks.ClusterVpcConfig) string {
			return stringOr(v.ClusterSecurityGroupId, "")
		}).(pulumi.StringOutput),
		VpcId: c.VpcConfig.ApplyT(func(v eks.ClusterVpcConfig) string {
			return stringOr(v.VpcId, "")
		}).(pulumi.StringOutput),
	}
}

func stringOr(s *string, def string) string {
	if s == nil {
		return def
	}
	return *s
}
