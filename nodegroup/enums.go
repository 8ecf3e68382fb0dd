package nodegroup

import "slices"

// The enums below become the schema's enum types. The doc comment of each type and constant
// is its description in the schema, the SDKs and the README. An enum member is named in the
// SDKs after its constant, without the prefix the type's constants share (VariantNvidiaFips:
// NvidiaFips), or by a `//schema:name` line where that name would read badly.

// OperatingSystem is the operating system of the nodes, which selects the AMI family and the
// user data format.
type OperatingSystem string

// Supported operating systems.
const (
	// Amazon Linux 2023, EKS-optimized, bootstrapped by nodeadm from a NodeConfig document (the
	// default).
	AL2023 OperatingSystem = "AL2023"
	// Bottlerocket, configured by TOML settings; immutable root file system, no shell scripts.
	Bottlerocket OperatingSystem = "Bottlerocket"
	// Windows Server 2019 Core, EKS-optimized, bootstrapped by Start-EKSBootstrap.ps1 (x86_64
	// only; the cluster also needs Linux nodes).
	Windows2019Core OperatingSystem = "Windows2019Core"
	// Windows Server 2019 Full, EKS-optimized, bootstrapped by Start-EKSBootstrap.ps1 (x86_64
	// only; the cluster also needs Linux nodes).
	Windows2019Full OperatingSystem = "Windows2019Full"
	// Windows Server 2022 Core, EKS-optimized, bootstrapped by Start-EKSBootstrap.ps1 (x86_64
	// only; the cluster also needs Linux nodes).
	Windows2022Core OperatingSystem = "Windows2022Core"
	// Windows Server 2022 Full, EKS-optimized, bootstrapped by Start-EKSBootstrap.ps1 (x86_64
	// only; the cluster also needs Linux nodes).
	Windows2022Full OperatingSystem = "Windows2022Full"
	// Windows Server 2025 Core, EKS-optimized, bootstrapped by Start-EKSBootstrap.ps1 (x86_64
	// only; the cluster also needs Linux nodes).
	Windows2025Core OperatingSystem = "Windows2025Core"
	// Windows Server 2025 Full, EKS-optimized, bootstrapped by Start-EKSBootstrap.ps1 (x86_64
	// only; the cluster also needs Linux nodes).
	Windows2025Full OperatingSystem = "Windows2025Full"
	// Legacy Amazon Linux 2, bootstrapped by /etc/eks/bootstrap.sh. AWS publishes no AL2 AMIs
	// for Kubernetes 1.33 and later.
	AL2 OperatingSystem = "AL2"
)

// operatingSystems lists every supported operating system.
var operatingSystems = []OperatingSystem{AL2023, Bottlerocket, Windows2019Core, Windows2019Full,
	Windows2022Core, Windows2022Full, Windows2025Core, Windows2025Full, AL2}

// IsWindows reports whether o is one of the Windows Server variants.
func (o OperatingSystem) IsWindows() bool { return osTable[o].windows }

// AllOperatingSystems returns every supported operating system, in a new slice.
func AllOperatingSystems() []OperatingSystem { return slices.Clone(operatingSystems) }

// AMIVariant is a variant of the EKS-optimized AMI: accelerator drivers or FIPS cryptography.
type AMIVariant string

// AMI variants.
const (
	// The standard AMI (the default).
	VariantStandard AMIVariant = "standard"
	// NVIDIA GPU drivers: AL2023 (x86_64, arm64), Bottlerocket (x86_64, arm64), AL2 (x86_64,
	// the GPU AMI).
	VariantNvidia AMIVariant = "nvidia"
	// AWS Neuron (Inferentia, Trainium) drivers: AL2023 x86_64.
	VariantNeuron AMIVariant = "neuron"
	// FIPS 140-3 validated cryptography: Bottlerocket.
	VariantFips AMIVariant = "fips"
	// NVIDIA GPU drivers and FIPS 140-3 validated cryptography: Bottlerocket (x86_64, arm64).
	VariantNvidiaFips AMIVariant = "nvidia-fips"
)

// Architecture is a CPU architecture of EC2 instances and AMIs.
type Architecture string

// CPU architectures.
const (
	// 64-bit x86 (Intel, AMD).
	X86_64 Architecture = "x86_64"
	// 64-bit Arm (AWS Graviton).
	//schema:name Arm64
	ARM64 Architecture = "arm64"
)

// HardeningProfile is a node hardening profile, applied on top of eksnodes' secure defaults.
type HardeningProfile string

// Hardening profiles.
const (
	// The secure defaults only, each of which can be relaxed (the default).
	HardeningNone HardeningProfile = "none"
	// Locks the secure defaults (IMDSv2, hop limit 1, encrypted volumes, no public IP, no SSH,
	// Session Manager access) and adds per-OS hardening: file-integrity monitoring (AIDE) on
	// AL2023, the admin container off and kernel lockdown on Bottlerocket (not on its NVIDIA
	// variants, whose driver modules lockdown stops). Security patches arrive by rolling the
	// group to a new AMI.
	HardeningBaseline HardeningProfile = "baseline"
)

// TaintEffect is the effect of a Kubernetes taint on pods that do not tolerate it.
type TaintEffect string

// Kubernetes taint effects.
const (
	// Pods that do not tolerate the taint are not scheduled on the node.
	NoSchedule TaintEffect = "NoSchedule"
	// The scheduler tries to avoid placing pods that do not tolerate the taint on the node.
	PreferNoSchedule TaintEffect = "PreferNoSchedule"
	// Pods that do not tolerate the taint are not scheduled and running ones are evicted.
	NoExecute TaintEffect = "NoExecute"
)

// HttpTokens says whether the instance metadata service requires IMDSv2 session tokens.
type HttpTokens string

// IMDS token modes.
const (
	// IMDSv2 only: every metadata request needs a session token.
	HttpTokensRequired HttpTokens = "required"
	// IMDSv1 is also accepted. Not recommended: it exposes instance credentials to SSRF
	// attacks.
	HttpTokensOptional HttpTokens = "optional"
)

// RulesProfile is the base rule set of a node security group.
type RulesProfile string

// Security group rule profiles.
const (
	// All traffic between nodes. With clusterSecurityGroupTraffic minimal: TCP 443 and
	// 1025-65535 from the cluster security group. Compatible with every add-on and webhook.
	RulesDefault RulesProfile = "default"
	// TCP and UDP 53 and TCP 10250 (kubelet, for metrics-server) between nodes. With
	// clusterSecurityGroupTraffic minimal: TCP 443 and 10250 from the cluster security group,
	// plus `extraClusterIngressPorts`. Other node-to-node and webhook traffic needs explicit
	// `ingressRules`.
	RulesStrict RulesProfile = "strict"
)

// AccessEntryType is the EKS access entry type of a node role.
type AccessEntryType string

// Access entry types for node roles.
const (
	// Linux nodes: the role joins the `system:nodes` group.
	AccessEntryEC2Linux AccessEntryType = "EC2_LINUX"
	// Windows nodes: the role also gets the Windows kube-proxy permissions.
	AccessEntryEC2Windows AccessEntryType = "EC2_WINDOWS"
)

// ClusterTraffic is what the node security group and the cluster security group allow between
// each other.
type ClusterTraffic string

// Cluster security group traffic modes.
const (
	// All traffic both ways between the node security group and the cluster security group
	// (the default, as eksctl does): pods on these nodes and on managed node groups, Fargate or
	// Auto Mode nodes (which carry the cluster security group) reach each other on every port,
	// DNS included.
	ClusterTrafficAll ClusterTraffic = "all"
	// Only what the control plane needs (the profile's ports from the cluster security group,
	// HTTPS to it) and DNS (TCP and UDP 53) both ways, so pods still resolve names through
	// CoreDNS wherever it runs. Other pod-to-pod traffic with nodes in the cluster security
	// group needs ingressRules.
	ClusterTrafficMinimal ClusterTraffic = "minimal"
)

// IpFamily is the IP family of a cluster's pods and services.
type IpFamily string

// Cluster IP families.
const (
	// Pods and services get IPv4 addresses (the default).
	//schema:name Ipv4
	IPv4 IpFamily = "ipv4"
	// Pods and services get IPv6 addresses; nodes keep IPv4 too (EKS IPv6 clusters).
	//schema:name Ipv6
	IPv6 IpFamily = "ipv6"
)
