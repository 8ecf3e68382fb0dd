package nodegroup

import (
	"encoding/base64"
	"fmt"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// ValidationError lists every problem found in a component's inputs. Each problem starts with
// the property it is about, spelled in camelCase as the schema spells it (`maxSize`,
// `cluster.serviceCidr`, `nodeSecurityGroupOptions.ingressRules[0].cidrIpv4`).
type ValidationError struct {
	Token    string
	Name     string
	Problems []string
}

func (e *ValidationError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %q: %d invalid input", e.Token, e.Name, len(e.Problems))
	if len(e.Problems) != 1 {
		b.WriteString("s")
	}
	b.WriteString(":")
	for _, p := range e.Problems {
		b.WriteString("\n  - ")
		b.WriteString(p)
	}
	return b.String()
}

// problems collects validation failures in the order they are found; every check walks its
// inputs in a fixed order (struct fields, list indexes, sorted map keys).
type problems []string

func (p *problems) addf(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	for _, seen := range *p {
		if seen == msg {
			return // one problem is reported once
		}
	}
	*p = append(*p, msg)
}

func (p problems) err(token, name string) error {
	if len(p) == 0 {
		return nil
	}
	return &ValidationError{Token: token, Name: name, Problems: p}
}

// stringField is one string Input of a component with the rule its value must follow. The same
// list serves validation (known values, before anything is registered) and registration
// (values that arrive as outputs, checked when they resolve).
type stringField struct {
	prop     string
	in       *pulumi.StringInput
	required bool
	why      string // completes "is required" for conditionally required inputs
	check    stringCheck
}

func checkFields(p *problems, fields []stringField) {
	for _, f := range fields {
		checkStringInput(p, f.prop, *f.in, f.required, f.why, f.check)
	}
}

func guardFields(token, name string, fields []stringField) {
	for _, f := range fields {
		*f.in = guard(token, name, f.prop, *f.in, f.check)
	}
}

// checkCA refuses anything but the base64-encoded PEM bundle EKS returns.
func checkCA(p *problems, prop, s string) {
	pem, err := base64.StdEncoding.DecodeString(s)
	if err != nil || !strings.Contains(string(pem), "-----BEGIN CERTIFICATE-----") {
		p.addf("%s must be the base64-encoded PEM certificate bundle EKS returns (certificateAuthority.data)", prop)
	}
}

// clusterFields are the cluster facts of a NodeGroup with their rules.
func clusterFields(a *NodeGroupArgs) []stringField {
	c := &a.Cluster
	noAMI, noSG := !given(a.AmiId), !given(a.NodeSecurityGroupId)
	return []stringField{
		{"cluster.name", &c.Name, true, "", checkClusterName},
		{"cluster.endpoint", &c.Endpoint, true, "", checkHTTPSURL},
		{"cluster.certificateAuthority", &c.CertificateAuthority, true, "", checkCA},
		{"cluster.serviceCidr", &c.ServiceCidr, true, "", checkServiceCIDR(valueOr(c.IpFamily, IPv4))},
		{"cluster.version", &c.Version, noAMI, " unless amiId is set", versionCheck(*a)},
		{"cluster.securityGroupId", &c.SecurityGroupId, noSG, " unless nodeSecurityGroupId is set", checkSGID},
		{"cluster.vpcId", &c.VpcId, noSG, " unless nodeSecurityGroupId is set", checkVPCID},
	}
}

// nodeGroupFields lists every string Input of a NodeGroup (after defaults) with its rule.
func nodeGroupFields(a *NodeGroupArgs) []stringField {
	f := clusterFields(a)
	f = append(f,
		stringField{"amiId", &a.AmiId, false, "", checkAMIID},
		stringField{"instanceProfileArn", &a.InstanceProfileArn, false, "", checkProfileArn},
		stringField{"roleArn", &a.RoleArn, false, "", checkRoleArn},
		stringField{"nodeSecurityGroupId", &a.NodeSecurityGroupId, false, "", checkSGID},
		stringField{"nodeRootVolumeKmsKeyId", &a.NodeRootVolumeKmsKeyId, false, "", checkKMSKeyArn},
		stringField{"keyName", &a.KeyName, false, "", checkKeyName},
	)
	if o := a.NodeRoleOptions; o != nil {
		f = append(f, stringField{"nodeRoleOptions.permissionsBoundary", &o.PermissionsBoundary, false, "", checkPolicyArn})
	}
	if o := a.NodeSecurityGroupOptions; o != nil {
		f = append(f, ruleFields("nodeSecurityGroupOptions.ingressRules", o.IngressRules, true)...)
		f = append(f, ruleFields("nodeSecurityGroupOptions.egressRules", o.EgressRules, false)...)
	}
	if h := a.TerminationLifecycleHook; h != nil {
		f = append(f,
			stringField{"terminationLifecycleHook.notificationTargetArn", &h.NotificationTargetArn, false, "", checkQueueOrTopicArn},
			stringField{"terminationLifecycleHook.roleArn", &h.RoleArn, false, "", checkRoleArn})
	}
	f = append(f, lifecycleFields(a)...)
	f = append(f, placementFields(a)...)
	return f
}

// policyFields lists the known elements of a role's additional policy ARNs as fields.
func policyFields(prop string, o *NodeRoleOptions) []stringField {
	if o == nil {
		return nil
	}
	arr, _ := arrayElements(o.AdditionalPolicyArns)
	out := make([]stringField, len(arr))
	for i := range arr {
		out[i] = stringField{prop: fmt.Sprintf("%s[%d]", prop, i), in: &arr[i]}
	}
	return out
}

func checkKeyName(p *problems, prop, s string) {
	if len(s) > 255 || !keyPairNameRe.MatchString(s) {
		p.addf("%s (%q) must be an EC2 key pair name of at most 255 printable ASCII characters", prop, s)
	}
}

// versionCheck checks cluster.version and what depends on it: the pinned AMI release and the
// operating system's published versions.
func versionCheck(a NodeGroupArgs) stringCheck {
	return func(p *problems, prop, v string) {
		if !k8sVersionRe.MatchString(v) {
			checkK8sVersion(p, prop, v)
			return
		}
		if !given(a.AmiId) && a.OperatingSystem != nil && validOS(*a.OperatingSystem) {
			checkVersionForOS(p, prop, v, a)
		}
	}
}

// validateNodeGroup checks a NodeGroup's inputs and returns every problem. raw holds what the
// user gave, a the same with defaults filled in: a problem names only properties the user set,
// or states the default it is about.
func validateNodeGroup(raw *NodeGroupArgs, a NodeGroupArgs) problems {
	var p problems
	if raw == nil {
		p.addf("cluster is required (the NodeGroup was given no arguments)")
		raw = &NodeGroupArgs{}
	}
	fields := nodeGroupFields(&a)
	checkFields(&p, fields)
	checkPartitions(&p, append(fields, policyFields("nodeRoleOptions.additionalPolicyArns", a.NodeRoleOptions)...))
	checkStringArrayInput(&p, "subnetIds", a.SubnetIds, true, checkSubnetID, func(p *problems, prop string, ids []string) {
		if len(ids) == 0 {
			p.addf("%s must list at least one subnet", prop)
		}
		checkDuplicates(p, prop, ids)
	})
	checkStringArrayInput(&p, "extraNodeSecurityGroupIds", a.ExtraNodeSecurityGroupIds, false, checkSGID, checkSecurityGroupCount)
	if f := a.Cluster.IpFamily; f != nil && checkEnum(&p, "cluster.ipFamily", *f, []IpFamily{IPv4, IPv6}) && *f == IPv6 && validOS(*a.OperatingSystem) && !factsOf(*a.OperatingSystem).ipv6 {
		p.addf("cluster.ipFamily (ipv6): EKS %s nodes support IPv4 clusters only; use AL2023 or Bottlerocket nodes", *a.OperatingSystem)
	}
	checkOperatingSystem(&p, raw, a)
	checkSizes(&p, raw, a)
	checkLabelsAndTaints(&p, a)
	checkNodeadmOptions(&p, a)
	checkBootstrap(&p, a)
	checkIdentity(&p, a)
	checkLaunchTemplate(&p, raw, a)
	checkInstanceRefresh(&p, a.InstanceRefresh)
	checkCapacity(&p, raw, a)
	checkLifecycle(&p, a)
	checkPlacement(&p, raw, a)
	checkHardening(&p, a)
	if validOS(*a.OperatingSystem) {
		checkLockdown(&p, a)
	}
	checkTagInput(&p, "tags", a.Tags, !given(a.InstanceProfileArn), nodeGroupTagCount(a))
	return p
}

// checkSecurityGroupCount refuses more security groups on the nodes' network interface than
// EC2 allows (5 by default, at most 16 with a raised quota), counting the node security group.
func checkSecurityGroupCount(p *problems, prop string, ids []string) {
	checkDuplicates(p, prop, ids)
	if n := len(ids) + 1; n > maxSecurityGroupsPerENI {
		p.addf("%s: the nodes' network interface would carry %d security groups (the node security group and %d extra); EC2 allows at most %d (5 unless the quota is raised)", prop, n, len(ids), maxSecurityGroupsPerENI)
	}
}

const maxSecurityGroupsPerENI = 16

// nodeGroupTagCount returns the tags eksnodes adds to the user's on the Auto Scaling group,
// to check AWS's limit of 50: Name, the cluster tag and, with autoscaler tags, the discovery
// tags and one per label and taint.
func nodeGroupTagCount(a NodeGroupArgs) func(user int) (int, string) {
	return func(user int) (int, string) {
		n := 2
		what := "Name and the cluster tag"
		if a.TerminationLifecycleHook != nil {
			n, what = n+1, what+", the termination handler tag"
		}
		if a.ClusterAutoscalerTags {
			n += 2 + len(a.Labels) + len(a.Taints)
			what = "Name, the cluster tag and the autoscaler tags for labels and taints"
		}
		return user + n, what
	}
}

func checkSizes(p *problems, raw *NodeGroupArgs, a NodeGroupArgs) {
	minSize, maxSize, desired := *a.MinSize, *a.MaxSize, *a.DesiredCapacity
	checkRange(p, "minSize", minSize, 0, maxInt32, "")
	checkRange(p, "maxSize", maxSize, 0, maxInt32, "")
	checkRange(p, "desiredCapacity", desired, 0, maxInt32, "")
	if maxSize < minSize && minSize >= 0 && maxSize >= 0 {
		if raw.MaxSize != nil {
			p.addf("maxSize (%d) must be >= minSize (%d)", maxSize, minSize)
		} else {
			p.addf("minSize (%d) must be <= maxSize (%d)", minSize, maxSize)
		}
	}
	if (desired < minSize || desired > maxSize) && maxSize >= minSize && desired >= 0 {
		p.addf("desiredCapacity (%d) must be between minSize (%d) and maxSize (%d)", desired, minSize, maxSize)
	}
}
