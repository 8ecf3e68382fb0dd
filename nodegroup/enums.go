package nodegroup

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pulumi/pulumi-go-provider/infer"
)

// OperatingSystem selects the node AMI family and the user data format.
type OperatingSystem string

// Supported operating systems.
const (
	// AL2023 is Amazon Linux 2023 bootstrapped by nodeadm.
	AL2023          OperatingSystem = "AL2023"
	Bottlerocket    OperatingSystem = "Bottlerocket"
	Windows2019Core OperatingSystem = "Windows2019Core"
	Windows2019Full OperatingSystem = "Windows2019Full"
	Windows2022Core OperatingSystem = "Windows2022Core"
	Windows2022Full OperatingSystem = "Windows2022Full"
	Windows2025Core OperatingSystem = "Windows2025Core"
	Windows2025Full OperatingSystem = "Windows2025Full"
	// AL2 is the legacy Amazon Linux 2, bootstrapped by /etc/eks/bootstrap.sh.
	AL2 OperatingSystem = "AL2"
)

// operatingSystems lists every supported operating system.
var operatingSystems = []OperatingSystem{AL2023, Bottlerocket, Windows2019Core, Windows2019Full,
	Windows2022Core, Windows2022Full, Windows2025Core, Windows2025Full, AL2}

// IsWindows reports whether o is one of the Windows Server variants.
func (o OperatingSystem) IsWindows() bool { return strings.HasPrefix(string(o), "Windows") }

// windowsRelease returns the Windows Server year and edition of a Windows operating system
// (Windows2022Core: 2022, Core).
func (o OperatingSystem) windowsRelease() (year, edition string) {
	rest := strings.TrimPrefix(string(o), "Windows")
	for _, e := range []string{"Core", "Full"} {
		if y, ok := strings.CutSuffix(rest, e); ok {
			return y, e
		}
	}
	return rest, ""
}

// AllOperatingSystems returns every supported operating system, in a new slice.
func AllOperatingSystems() []OperatingSystem { return slices.Clone(operatingSystems) }

// Values lists the operating systems for the schema enum.
func (OperatingSystem) Values() []infer.EnumValue[OperatingSystem] {
	out := []infer.EnumValue[OperatingSystem]{
		{Name: "AL2023", Value: AL2023, Description: "Amazon Linux 2023, EKS-optimized, bootstrapped by nodeadm from a NodeConfig document (the default)."},
		{Name: "Bottlerocket", Value: Bottlerocket, Description: "Bottlerocket, configured by TOML settings; immutable root file system, no shell scripts."},
	}
	for _, w := range operatingSystems {
		if !w.IsWindows() {
			continue
		}
		year, edition := w.windowsRelease()
		out = append(out, infer.EnumValue[OperatingSystem]{Name: string(w), Value: w,
			Description: fmt.Sprintf("Windows Server %s %s, EKS-optimized, bootstrapped by Start-EKSBootstrap.ps1 (x86_64 only; the cluster also needs Linux nodes).", year, edition)})
	}
	return append(out, infer.EnumValue[OperatingSystem]{Name: "AL2", Value: AL2,
		Description: "Legacy Amazon Linux 2, bootstrapped by /etc/eks/bootstrap.sh. AWS publishes no AL2 AMIs for Kubernetes 1.33 and later."})
}

// AMIVariant selects an accelerated or hardened build of the EKS-optimized AMI.
type AMIVariant string

// AMI variants.
const (
	VariantStandard AMIVariant = "standard"
	VariantNvidia   AMIVariant = "nvidia"
	VariantNeuron   AMIVariant = "neuron"
	VariantFips     AMIVariant = "fips"
	// VariantNvidiaFips is Bottlerocket's NVIDIA variant with FIPS cryptography.
	VariantNvidiaFips AMIVariant = "nvidia-fips"
)

// Values lists the AMI variants for the schema enum.
func (AMIVariant) Values() []infer.EnumValue[AMIVariant] {
	return []infer.EnumValue[AMIVariant]{
		{Name: "Standard", Value: VariantStandard, Description: "The standard AMI (the default)."},
		{Name: "Nvidia", Value: VariantNvidia, Description: "NVIDIA GPU drivers: AL2023 (x86_64, arm64), Bottlerocket (x86_64, arm64), AL2 (x86_64, the GPU AMI)."},
		{Name: "Neuron", Value: VariantNeuron, Description: "AWS Neuron (Inferentia, Trainium) drivers: AL2023 x86_64."},
		{Name: "Fips", Value: VariantFips, Description: "FIPS 140-3 validated cryptography: Bottlerocket."},
		{Name: "NvidiaFips", Value: VariantNvidiaFips, Description: "NVIDIA GPU drivers and FIPS 140-3 validated cryptography: Bottlerocket (x86_64, arm64)."},
	}
}

// Annotate describes the enum for the schema.
func (v *AMIVariant) Annotate(a infer.Annotator) {
	a.Describe(v, "A variant of the EKS-optimized AMI: accelerator drivers or FIPS cryptography.")
}

// Annotate describes the enum for the schema.
func (a *Architecture) Annotate(an infer.Annotator) {
	an.Describe(a, "A CPU architecture of EC2 instances and AMIs.")
}

// Values lists the architectures for the schema enum.
func (Architecture) Values() []infer.EnumValue[Architecture] {
	return []infer.EnumValue[Architecture]{
		{Name: "X86_64", Value: X86_64, Description: "64-bit x86 (Intel, AMD)."},
		{Name: "Arm64", Value: ARM64, Description: "64-bit Arm (AWS Graviton)."},
	}
}

// HardeningProfile selects the node hardening eksnodes applies on top of its secure defaults.
type HardeningProfile string

// Hardening profiles.
const (
	HardeningNone     HardeningProfile = "none"
	HardeningBaseline HardeningProfile = "baseline"
)

// Values lists the hardening profiles for the schema enum.
func (HardeningProfile) Values() []infer.EnumValue[HardeningProfile] {
	return []infer.EnumValue[HardeningProfile]{
		{Name: "None", Value: HardeningNone, Description: "The secure defaults only, each of which can be relaxed (the default)."},
		{Name: "Baseline", Value: HardeningBaseline, Description: "Locks the secure defaults (IMDSv2, hop limit 1, encrypted volumes, no public IP, no SSH, Session Manager access) and adds per-OS hardening: file-integrity monitoring (AIDE) on AL2023, the admin container off and kernel lockdown on Bottlerocket (not on its NVIDIA variants, whose driver modules lockdown stops). Security patches arrive by rolling the group to a new AMI."},
	}
}

// Annotate describes the enum for the schema.
func (h *HardeningProfile) Annotate(a infer.Annotator) {
	a.Describe(h, "A node hardening profile.")
}

// TaintEffect is the effect of a Kubernetes taint.
type TaintEffect string

// Kubernetes taint effects.
const (
	NoSchedule       TaintEffect = "NoSchedule"
	PreferNoSchedule TaintEffect = "PreferNoSchedule"
	NoExecute        TaintEffect = "NoExecute"
)

// Values lists the taint effects for the schema enum.
func (TaintEffect) Values() []infer.EnumValue[TaintEffect] {
	return []infer.EnumValue[TaintEffect]{
		{Name: "NoSchedule", Value: NoSchedule, Description: "Pods that do not tolerate the taint are not scheduled on the node."},
		{Name: "PreferNoSchedule", Value: PreferNoSchedule, Description: "The scheduler tries to avoid placing pods that do not tolerate the taint on the node."},
		{Name: "NoExecute", Value: NoExecute, Description: "Pods that do not tolerate the taint are not scheduled and running ones are evicted."},
	}
}

// HttpTokens is the IMDS token requirement of the instances.
type HttpTokens string

// IMDS token modes.
const (
	HttpTokensRequired HttpTokens = "required"
	HttpTokensOptional HttpTokens = "optional"
)

// Values lists the IMDS token modes for the schema enum.
func (HttpTokens) Values() []infer.EnumValue[HttpTokens] {
	return []infer.EnumValue[HttpTokens]{
		{Name: "Required", Value: HttpTokensRequired, Description: "IMDSv2 only: every metadata request needs a session token."},
		{Name: "Optional", Value: HttpTokensOptional, Description: "IMDSv1 is also accepted. Not recommended: it exposes instance credentials to SSRF attacks."},
	}
}

// RulesProfile selects the rules between the nodes of a node security group.
type RulesProfile string

// Security group rule profiles.
const (
	// RulesDefault allows all traffic between the nodes.
	RulesDefault RulesProfile = "default"
	// RulesStrict allows only DNS and the kubelet between the nodes.
	RulesStrict RulesProfile = "strict"
)

// Values lists the rule profiles for the schema enum.
func (RulesProfile) Values() []infer.EnumValue[RulesProfile] {
	return []infer.EnumValue[RulesProfile]{
		{Name: "Default", Value: RulesDefault, Description: "All traffic between nodes. With clusterSecurityGroupTraffic minimal: TCP 443 and 1025-65535 from the cluster security group. Compatible with every add-on and webhook."},
		{Name: "Strict", Value: RulesStrict, Description: "TCP and UDP 53 and TCP 10250 (kubelet, for metrics-server) between nodes. With clusterSecurityGroupTraffic minimal: TCP 443 and 10250 from the cluster security group, plus `extraClusterIngressPorts`. Other node-to-node and webhook traffic needs explicit `ingressRules`."},
	}
}

// AccessEntryType is the EKS access entry type for a node role.
type AccessEntryType string

// Access entry types for node roles.
const (
	AccessEntryEC2Linux   AccessEntryType = "EC2_LINUX"
	AccessEntryEC2Windows AccessEntryType = "EC2_WINDOWS"
)

// Values lists the access entry types for the schema enum.
func (AccessEntryType) Values() []infer.EnumValue[AccessEntryType] {
	return []infer.EnumValue[AccessEntryType]{
		{Name: "EC2Linux", Value: AccessEntryEC2Linux, Description: "Linux nodes: the role joins the `system:nodes` group."},
		{Name: "EC2Windows", Value: AccessEntryEC2Windows, Description: "Windows nodes: the role also gets the Windows kube-proxy permissions."},
	}
}

// Annotate describes the enum for the schema.
func (o *OperatingSystem) Annotate(a infer.Annotator) {
	a.Describe(o, "The operating system of the nodes, which selects the AMI family and the user data format.")
}

// Annotate describes the enum for the schema.
func (e *TaintEffect) Annotate(a infer.Annotator) {
	a.Describe(e, "The effect of a Kubernetes taint on pods that do not tolerate it.")
}

// Annotate describes the enum for the schema.
func (h *HttpTokens) Annotate(a infer.Annotator) {
	a.Describe(h, "Whether the instance metadata service requires IMDSv2 session tokens.")
}

// Annotate describes the enum for the schema.
func (r *RulesProfile) Annotate(a infer.Annotator) {
	a.Describe(r, "The base rule set of a node security group.")
}

// Annotate describes the enum for the schema.
func (t *AccessEntryType) Annotate(a infer.Annotator) {
	a.Describe(t, "The EKS access entry type of a node role.")
}

// ClusterTraffic selects what the node security group and the cluster security group allow
// between each other.
type ClusterTraffic string

// Cluster security group traffic modes.
const (
	// ClusterTrafficAll allows all traffic both ways, as the cluster security group allows
	// within itself: pods on these nodes reach pods (CoreDNS among them) on managed node groups,
	// Fargate and Auto Mode nodes, which carry the cluster security group, on any port.
	ClusterTrafficAll ClusterTraffic = "all"
	// ClusterTrafficMinimal allows only what the control plane and DNS need.
	ClusterTrafficMinimal ClusterTraffic = "minimal"
)

// Values lists the cluster traffic modes for the schema enum.
func (ClusterTraffic) Values() []infer.EnumValue[ClusterTraffic] {
	return []infer.EnumValue[ClusterTraffic]{
		{Name: "All", Value: ClusterTrafficAll, Description: "All traffic both ways between the node security group and the cluster security group (the default, as eksctl does): pods on these nodes and on managed node groups, Fargate or Auto Mode nodes (which carry the cluster security group) reach each other on every port, DNS included."},
		{Name: "Minimal", Value: ClusterTrafficMinimal, Description: "Only what the control plane needs (the profile's ports from the cluster security group, HTTPS to it) and DNS (TCP and UDP 53) both ways, so pods still resolve names through CoreDNS wherever it runs. Other pod-to-pod traffic with nodes in the cluster security group needs ingressRules."},
	}
}

// Annotate describes the enum for the schema.
func (t *ClusterTraffic) Annotate(a infer.Annotator) {
	a.Describe(t, "What the node security group and the cluster security group allow between each other.")
}

// IpFamily is the IP family of a cluster's pods and services.
type IpFamily string

// Cluster IP families.
const (
	IPv4 IpFamily = "ipv4"
	IPv6 IpFamily = "ipv6"
)

// Values lists the IP families for the schema enum.
func (IpFamily) Values() []infer.EnumValue[IpFamily] {
	return []infer.EnumValue[IpFamily]{
		{Name: "Ipv4", Value: IPv4, Description: "Pods and services get IPv4 addresses (the default)."},
		{Name: "Ipv6", Value: IPv6, Description: "Pods and services get IPv6 addresses; nodes keep IPv4 too (EKS IPv6 clusters)."},
	}
}

// Annotate describes the enum for the schema.
func (f *IpFamily) Annotate(a infer.Annotator) {
	a.Describe(f, "The IP family of a cluster's pods and services.")
}
