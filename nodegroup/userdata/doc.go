// Package userdata turns the facts of a node group into the EC2 user data that bootstraps
// its nodes. It is pure Go with no Pulumi dependency: typed data in, text out.
//
// Each operating system has its own file. Documents are built from typed values and
// marshalled (YAML for nodeadm's NodeConfig), never assembled from indented string templates.
package userdata

// MaxBytes is the EC2 limit on raw (pre-base64) user data.
const MaxBytes = 16 * 1024

// Cluster holds what a node needs to find and trust its cluster's API server.
type Cluster struct {
	// Name is the EKS cluster name.
	Name string
	// Endpoint is the API server URL (https://...).
	Endpoint string
	// CertificateAuthority is the cluster CA bundle, base64-encoded as EKS returns it.
	CertificateAuthority string
	// ServiceCIDR is the Kubernetes service IPv4 CIDR, e.g. 172.20.0.0/16.
	ServiceCIDR string
}

// Taint is a Kubernetes node taint registered by the kubelet when the node joins.
type Taint struct {
	Key    string
	Value  string
	Effect string
}
