package nodegroup

import "github.com/pulumi/pulumi-go-provider/infer"

// OperatingSystem selects the node AMI family and the user data format.
type OperatingSystem string

// Supported operating systems.
const (
	// AL2023 is Amazon Linux 2023 bootstrapped by nodeadm.
	AL2023 OperatingSystem = "AL2023"
)

// Values lists the operating systems for the schema enum.
func (OperatingSystem) Values() []infer.EnumValue[OperatingSystem] {
	return []infer.EnumValue[OperatingSystem]{
		{Name: "AL2023", Value: AL2023, Description: "Amazon Linux 2023, EKS-optimized, bootstrapped by nodeadm from a NodeConfig document."},
	}
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

// RulesProfile selects the node security group's rule set.
type RulesProfile string

// Security group rule profiles.
const (
	// RulesDefault matches pulumi-eks, eksctl and CDK.
	RulesDefault RulesProfile = "default"
	// RulesStrict opens only what the control plane and DNS need.
	RulesStrict RulesProfile = "strict"
)

// Values lists the rule profiles for the schema enum.
func (RulesProfile) Values() []infer.EnumValue[RulesProfile] {
	return []infer.EnumValue[RulesProfile]{
		{Name: "Default", Value: RulesDefault, Description: "All traffic between nodes; TCP 443 and 1025-65535 from the cluster security group. Compatible with every add-on and webhook."},
		{Name: "Strict", Value: RulesStrict, Description: "TCP 443 and 10250 from the cluster security group, TCP and UDP 53 between nodes, plus `extraClusterIngressPorts`. Other node-to-node and webhook traffic needs explicit `ingressRules`."},
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
