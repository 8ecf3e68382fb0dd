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
	a.SetToken("index", "Cluster")
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
// group is the one EKS creates (`vpcConfig.clusterSecurityGroupId`).
func ClusterFromAWS(c *eks.Cluster) ClusterArgs {
	return ClusterFromAWSOutput(c.ToClusterOutput())
}

// ClusterFromAWSOutput builds ClusterArgs from an output of an aws.eks.Cluster, such as the
// `eksCluster` output of a pulumi-eks Cluster.
func ClusterFromAWSOutput(c eks.ClusterOutput) ClusterArgs {
	return ClusterArgs{
		Name:                 c.Name(),
		Endpoint:             c.Endpoint(),
		CertificateAuthority: c.CertificateAuthority().Data().Elem(),
		ServiceCidr:          c.KubernetesNetworkConfig().ServiceIpv4Cidr().Elem(),
		Version:              c.Version(),
		SecurityGroupId:      c.VpcConfig().ClusterSecurityGroupId().Elem(),
		VpcId:                c.VpcConfig().VpcId().Elem(),
	}
}
