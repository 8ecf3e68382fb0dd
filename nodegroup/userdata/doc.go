// Package userdata turns the facts of a node group into the EC2 user data that bootstraps
// its nodes. It is pure Go with no Pulumi dependency: typed data in, text out.
//
// There is one input, Input, and one entry point, Render; Input.Format picks the operating
// system's kind of user data. Each format has its own file. Documents are built from typed
// values and marshalled (YAML for nodeadm's NodeConfig, TOML for Bottlerocket), never assembled
// from indented string templates.
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
	// ServiceCIDR is the Kubernetes service CIDR, e.g. 172.20.0.0/16, or an IPv6 one such as
	// fd30:1c53:5f8::/108 in an IPv6 cluster (which Windows nodes do not support). The cluster
	// DNS address is derived from it (ClusterDNSIP).
	ServiceCIDR string
}

// Taint is a Kubernetes node taint registered by the kubelet when the node joins.
type Taint struct {
	// Key is the taint's key, e.g. dedicated.
	Key string
	// Value is the taint's value; it may be empty.
	Value string
	// Effect is NoSchedule, PreferNoSchedule or NoExecute.
	Effect string
}
