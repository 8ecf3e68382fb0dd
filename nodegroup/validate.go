package nodegroup

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup/userdata"
	"k8s.io/apimachinery/pkg/util/validation"
)

// validateNodeGroup checks a NodeGroup's inputs after defaults and returns every problem.
func validateNodeGroup(a NodeGroupArgs) problems {
	var p problems
	checkCluster(&p, a)
	checkPlacement(&p, a)
	checkSizes(&p, a)
	checkLabelsAndTaints(&p, a)
	checkBootstrap(&p, a)
	checkIdentity(&p, a)
	checkLaunchTemplate(&p, a)
	checkInstanceRefresh(&p, a.InstanceRefresh)
	checkCapacity(&p, a)
	checkHardening(&p, a)
	checkTags(&p, "tags", a.Tags)
	if n := len(a.Tags) + 2 + autoscalerTagCount(a); n > 50 {
		p.addf("tags: the Auto Scaling group would carry %d tags (tags, Name, the cluster tag and the autoscaler tags for labels and taints); AWS allows 50", n)
	}
	return p
}

func autoscalerTagCount(a NodeGroupArgs) int {
	if !a.ClusterAutoscalerTags {
		return 0
	}
	return 2 + len(a.Labels) + len(a.Taints)
}

func checkCluster(p *problems, a NodeGroupArgs) {
	c := a.Cluster
	required := []struct {
		prop string
		in   any
		need bool
	}{
		{"cluster.name", c.Name, true},
		{"cluster.endpoint", c.Endpoint, true},
		{"cluster.certificateAuthority", c.CertificateAuthority, true},
		{"cluster.serviceCidr", c.ServiceCidr, true},
		{"cluster.version", c.Version, isNilInput(a.AmiId)},
		{"cluster.securityGroupId", c.SecurityGroupId, isNilInput(a.NodeSecurityGroupId)},
		{"cluster.vpcId", c.VpcId, isNilInput(a.NodeSecurityGroupId)},
	}
	for _, r := range required {
		if r.need && isNilInput(r.in) {
			why := ""
			switch r.prop {
			case "cluster.version":
				why = " unless amiId is set"
			case "cluster.securityGroupId", "cluster.vpcId":
				why = " unless nodeSecurityGroupId is set"
			}
			p.addf("%s is required%s", r.prop, why)
		}
	}
	var name, endpoint, ca, cidr *string
	if s, ok := knownString(c.Name); ok {
		name = &s
	}
	if s, ok := knownString(c.Endpoint); ok {
		endpoint = &s
	}
	if s, ok := knownString(c.CertificateAuthority); ok {
		ca = &s
	}
	if s, ok := knownString(c.ServiceCidr); ok {
		cidr = &s
	}
	checkClusterFacts(p, "cluster.", name, endpoint, ca, cidr)
	if s, ok := knownString(c.Version); ok && !k8sVersionRe.MatchString(s) {
		p.addf("cluster.version (%q) must be a Kubernetes minor version such as 1.33", s)
	}
	if s, ok := knownString(c.SecurityGroupId); ok && !sgIDRe.MatchString(s) {
		p.addf("cluster.securityGroupId (%q) must be a security group ID such as sg-0123456789abcdef0", s)
	}
	if s, ok := knownString(c.VpcId); ok && !vpcIDRe.MatchString(s) {
		p.addf("cluster.vpcId (%q) must be a VPC ID such as vpc-0123456789abcdef0", s)
	}
}

func checkPlacement(p *problems, a NodeGroupArgs) {
	if a.SubnetIds == nil {
		p.addf("subnetIds is required")
	} else if ids, ok := knownStrings(a.SubnetIds); ok {
		if len(ids) == 0 {
			p.addf("subnetIds must list at least one subnet")
		}
		for i, id := range ids {
			if !subnetIDRe.MatchString(id) {
				p.addf("subnetIds[%d] (%q) must be a subnet ID such as subnet-0123456789abcdef0", i, id)
			}
		}
		checkDuplicates(p, "subnetIds", ids)
	}
	checkOperatingSystem(p, a)
	if s, ok := knownString(a.AmiId); ok && !amiIDRe.MatchString(s) {
		p.addf("amiId (%q) must be an AMI ID such as ami-0123456789abcdef0", s)
	}
}

func checkSizes(p *problems, a NodeGroupArgs) {
	minSize, maxSize, desired := *a.MinSize, *a.MaxSize, *a.DesiredCapacity
	if minSize < 0 {
		p.addf("minSize (%d) must be >= 0", minSize)
	}
	if maxSize < 1 {
		p.addf("maxSize (%d) must be >= 1", maxSize)
	}
	if maxSize < minSize {
		p.addf("maxSize (%d) must be >= minSize (%d)", maxSize, minSize)
	}
	if desired < minSize || desired > maxSize {
		p.addf("desiredCapacity (%d) must be between minSize (%d) and maxSize (%d)", desired, minSize, maxSize)
	}
}

// kubeletOwnedPrefixes are the label namespaces the kubelet may not set on its own node
// (NodeRestriction), except for the allowed sub-namespaces and keys below.
var (
	kubeletOwnedPrefixes   = []string{"kubernetes.io/", "k8s.io/"}
	kubeletAllowedPrefixes = []string{"kubelet.kubernetes.io/", "node.kubernetes.io/"}
	kubeletAllowedLabels   = map[string]bool{
		"kubernetes.io/hostname": true, "kubernetes.io/instance-type": true, "kubernetes.io/os": true,
		"kubernetes.io/arch": true, "beta.kubernetes.io/instance-type": true, "beta.kubernetes.io/os": true,
		"beta.kubernetes.io/arch": true, "failure-domain.beta.kubernetes.io/zone": true,
		"failure-domain.beta.kubernetes.io/region": true, "topology.kubernetes.io/zone": true,
		"topology.kubernetes.io/region": true,
	}
)

// kubeletMaySetLabel reports whether the kubelet may register its node with the label key.
func kubeletMaySetLabel(key string) bool {
	if kubeletAllowedLabels[key] {
		return true
	}
	_, namespace, hasPrefix := strings.Cut(key, "/")
	if !hasPrefix {
		return true
	}
	prefix := key[:len(key)-len(namespace)]
	for _, allowed := range kubeletAllowedPrefixes {
		if strings.HasSuffix(prefix, "."+allowed) || prefix == allowed {
			return true
		}
	}
	for _, owned := range kubeletOwnedPrefixes {
		if strings.HasSuffix(prefix, "."+owned) || prefix == owned {
			return false
		}
	}
	return true
}

func checkLabelsAndTaints(p *problems, a NodeGroupArgs) {
	for _, k := range slices.Sorted(maps.Keys(a.Labels)) {
		for _, msg := range validation.IsQualifiedName(k) {
			p.addf("labels key %q: %s", k, msg)
		}
		for _, msg := range validation.IsValidLabelValue(a.Labels[k]) {
			p.addf("labels[%q] value %q: %s", k, a.Labels[k], msg)
		}
		if !kubeletMaySetLabel(k) {
			p.addf("labels key %q: the kubelet may not set labels under kubernetes.io/ or k8s.io/ (use node.kubernetes.io/ or your own prefix)", k)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(a.Taints)) {
		t := a.Taints[k]
		for _, msg := range validation.IsQualifiedName(k) {
			p.addf("taints key %q: %s", k, msg)
		}
		for _, msg := range validation.IsValidLabelValue(t.Value) {
			p.addf("taints[%q].value %q: %s", k, t.Value, msg)
		}
		switch t.Effect {
		case NoSchedule, PreferNoSchedule, NoExecute:
		default:
			p.addf("taints[%q].effect (%q) must be NoSchedule, PreferNoSchedule or NoExecute", k, t.Effect)
		}
	}
}

func checkBootstrap(p *problems, a NodeGroupArgs) {
	if a.UserDataOverride != "" {
		for prop, set := range map[string]bool{
			"labels": len(a.Labels) > 0, "taints": len(a.Taints) > 0,
			"kubeletExtraArgs": a.KubeletExtraArgs != "", "kubeletConfig": len(a.KubeletConfig) > 0,
			"preBootstrapUserData": a.PreBootstrapUserData != "", "postBootstrapUserData": a.PostBootstrapUserData != "",
			"bottlerocketSettings": len(a.BottlerocketSettings) > 0,
		} {
			if set {
				p.addf("userDataOverride conflicts with %s: the override replaces the rendered user data that carries it", prop)
			}
		}
		if n := len(a.UserDataOverride); n > userdata.MaxBytes {
			p.addf("userDataOverride is %d bytes; EC2 allows %d", n, userdata.MaxBytes)
		}
		return
	}
	for _, f := range strings.Fields(a.KubeletExtraArgs) {
		name, _, _ := strings.Cut(f, "=")
		switch {
		case !strings.HasPrefix(f, "--") || len(name) < 3:
			p.addf("kubeletExtraArgs: %q must be a flag starting with --", f)
		case name == "--node-labels":
			p.addf("kubeletExtraArgs: set node labels with labels, not --node-labels")
		case name == "--register-with-taints":
			p.addf("kubeletExtraArgs: set taints with taints, not --register-with-taints")
		}
	}
	if len(a.KubeletConfig) > 0 {
		if _, err := json.Marshal(a.KubeletConfig); err != nil {
			p.addf("kubeletConfig cannot be rendered: %v", err)
		}
	}
	if !slices.Contains(OperatingSystems, *a.OperatingSystem) {
		return // reported already
	}
	// The cluster facts may be outputs: check the size with the known values, or with
	// realistic stand-ins for those not known yet. The rendering checks again at deploy time.
	text, err := renderUserData(a, sizingCluster(a))
	if err != nil {
		p.addf("user data rendered from labels, taints, kubelet options, scripts or bottlerocketSettings: %v", err)
	} else if len(text) > userdata.MaxBytes {
		p.addf("the rendered user data is %d bytes; EC2 allows %d (shorten preBootstrapUserData, postBootstrapUserData, kubeletConfig, labels or taints)", len(text), userdata.MaxBytes)
	}
}

func checkIdentity(p *problems, a NodeGroupArgs) {
	hasProfile, hasRole := !isNilInput(a.InstanceProfileArn), !isNilInput(a.RoleArn)
	if hasProfile != hasRole {
		p.addf("instanceProfileArn and roleArn must be given together")
	}
	if hasProfile && a.NodeRoleOptions != nil {
		p.addf("nodeRoleOptions conflicts with instanceProfileArn: options apply only to a role eksnodes creates")
	}
	if s, ok := knownString(a.InstanceProfileArn); ok && !profileArnRe.MatchString(s) {
		p.addf("instanceProfileArn (%q) must be an instance profile ARN such as arn:aws:iam::111122223333:instance-profile/nodes", s)
	}
	if s, ok := knownString(a.RoleArn); ok && !roleArnRe.MatchString(s) {
		p.addf("roleArn (%q) must be an IAM role ARN such as arn:aws:iam::111122223333:role/nodes", s)
	}
	if a.NodeRoleOptions != nil {
		checkRoleOptions(p, "nodeRoleOptions.", *a.NodeRoleOptions)
	}

	if !isNilInput(a.NodeSecurityGroupId) && a.NodeSecurityGroupOptions != nil {
		p.addf("nodeSecurityGroupOptions conflicts with nodeSecurityGroupId: options apply only to a security group eksnodes creates")
	}
	if s, ok := knownString(a.NodeSecurityGroupId); ok && !sgIDRe.MatchString(s) {
		p.addf("nodeSecurityGroupId (%q) must be a security group ID such as sg-0123456789abcdef0", s)
	}
	if ids, ok := knownStrings(a.ExtraNodeSecurityGroupIds); ok {
		for i, id := range ids {
			if !sgIDRe.MatchString(id) {
				p.addf("extraNodeSecurityGroupIds[%d] (%q) must be a security group ID such as sg-0123456789abcdef0", i, id)
			}
		}
		checkDuplicates(p, "extraNodeSecurityGroupIds", ids)
	}
	if a.NodeSecurityGroupOptions != nil {
		checkSecurityGroupOptions(p, "nodeSecurityGroupOptions.", *a.NodeSecurityGroupOptions)
	}
}

// iopsRange holds the provisioned IOPS AWS accepts per volume type.
var iopsRange = map[string][2]int{"gp3": {3000, 80000}, "io1": {100, 64000}, "io2": {100, 256000}}

func checkLaunchTemplate(p *problems, a NodeGroupArgs) {
	m := a.MetadataOptions
	if *m.HttpTokens != HttpTokensRequired && *m.HttpTokens != HttpTokensOptional {
		p.addf("metadataOptions.httpTokens (%q) must be required or optional", *m.HttpTokens)
	}
	if h := *m.HttpPutResponseHopLimit; h < 1 || h > 64 {
		p.addf("metadataOptions.httpPutResponseHopLimit (%d) must be between 1 and 64", h)
	}

	size, typ := *a.NodeRootVolumeSize, a.NodeRootVolumeType
	switch typ {
	case "gp3", "gp2", "io1", "io2", "standard":
	case "st1", "sc1":
		p.addf("nodeRootVolumeType (%q) cannot be a boot volume; use gp3", typ)
	default:
		p.addf("nodeRootVolumeType (%q) must be gp3, gp2, io1, io2 or standard", typ)
	}
	if size < 1 || size > 16384 {
		p.addf("nodeRootVolumeSize (%d) must be between 1 and 16384 GiB", size)
	} else if min := rootVolumeFor(*a.OperatingSystem).minSize; isNilInput(a.AmiId) && size < min {
		p.addf("nodeRootVolumeSize (%d) must be at least %d GiB, the size of the EKS-optimized %s AMI's snapshot", size, min, *a.OperatingSystem)
	}
	if iops := a.NodeRootVolumeIops; iops != nil {
		r, ok := iopsRange[typ]
		lo, hi := r[0], r[1]
		if !ok {
			p.addf("nodeRootVolumeIops is only for gp3, io1 and io2 volumes, not %s", typ)
		} else if *iops < lo || *iops > hi {
			p.addf("nodeRootVolumeIops (%d) must be between %d and %d for %s", *iops, lo, hi, typ)
		}
	} else if typ == "io1" || typ == "io2" {
		p.addf("nodeRootVolumeIops is required for %s volumes", typ)
	}
	if tp := a.NodeRootVolumeThroughput; tp != nil {
		if typ != "gp3" {
			p.addf("nodeRootVolumeThroughput is only for gp3 volumes, not %s", typ)
		} else if *tp < 125 || *tp > 2000 {
			p.addf("nodeRootVolumeThroughput (%d) must be between 125 and 2000 MiB/s", *tp)
		}
	}
	if !isNilInput(a.NodeRootVolumeKmsKeyId) && !*a.NodeRootVolumeEncrypted {
		p.addf("nodeRootVolumeKmsKeyId requires nodeRootVolumeEncrypted to be true")
	}
	if s, ok := knownString(a.NodeRootVolumeKmsKeyId); ok && !kmsKeyRe.MatchString(s) {
		p.addf("nodeRootVolumeKmsKeyId (%q) must be a KMS key or alias ARN", s)
	}
	if a.KeyName != "" && len(a.KeyName) > 255 {
		p.addf("keyName must be at most 255 characters")
	}
	if *a.HealthCheckGracePeriod < 0 {
		p.addf("healthCheckGracePeriod (%d) must be >= 0", *a.HealthCheckGracePeriod)
	}
}

func checkInstanceRefresh(p *problems, r *InstanceRefresh) {
	lo, hi := *r.MinHealthyPercentage, *r.MaxHealthyPercentage
	if lo < 0 || lo > 100 {
		p.addf("instanceRefresh.minHealthyPercentage (%d) must be between 0 and 100", lo)
	}
	if hi < 100 || hi > 200 {
		p.addf("instanceRefresh.maxHealthyPercentage (%d) must be between 100 and 200", hi)
	}
	if hi-lo > 100 {
		p.addf("instanceRefresh.maxHealthyPercentage (%d) may be at most 100 above minHealthyPercentage (%d)", hi, lo)
	}
	if w := r.InstanceWarmup; w != nil && *w < 0 {
		p.addf("instanceRefresh.instanceWarmup (%d) must be >= 0", *w)
	}
	prev := 0
	for i, c := range r.CheckpointPercentages {
		if c <= prev || c > 100 {
			p.addf("instanceRefresh.checkpointPercentages[%d] (%d) must be above the previous checkpoint and at most 100", i, c)
		}
		prev = c
	}
	if n := len(r.CheckpointPercentages); n > 0 && r.CheckpointPercentages[n-1] != 100 {
		p.addf("instanceRefresh.checkpointPercentages must end with 100")
	}
	if d := r.CheckpointDelay; d != nil {
		if len(r.CheckpointPercentages) == 0 {
			p.addf("instanceRefresh.checkpointDelay requires checkpointPercentages")
		}
		if *d < 0 || *d > 172800 {
			p.addf("instanceRefresh.checkpointDelay (%d) must be between 0 and 172800 seconds", *d)
		}
	}
	checkOneOf(p, "instanceRefresh.scaleInProtectedInstances", r.ScaleInProtectedInstances, "Refresh", "Ignore", "Wait")
	checkOneOf(p, "instanceRefresh.standbyInstances", r.StandbyInstances, "Terminate", "Ignore", "Wait")
}

func checkOneOf(p *problems, prop, v string, allowed ...string) {
	if v == "" {
		return
	}
	for _, a := range allowed {
		if v == a {
			return
		}
	}
	p.addf("%s (%q) must be one of %s", prop, v, strings.Join(allowed, ", "))
}

// sizingCluster returns the cluster facts that are known, with realistic stand-ins of typical
// size for the others, so the user data size can be checked before deploy time.
func sizingCluster(a NodeGroupArgs) userdata.Cluster {
	c := userdata.Cluster{
		Name:                 strings.Repeat("n", 40),
		Endpoint:             "https://" + strings.Repeat("0", 32) + ".gr7.us-east-1.eks.amazonaws.com",
		CertificateAuthority: strings.Repeat("Q", 1500),
		ServiceCIDR:          "172.20.0.0/16",
	}
	if s, ok := knownString(a.Cluster.Name); ok {
		c.Name = s
	}
	if s, ok := knownString(a.Cluster.Endpoint); ok {
		c.Endpoint = s
	}
	if s, ok := knownString(a.Cluster.CertificateAuthority); ok {
		c.CertificateAuthority = s
	}
	if s, ok := knownString(a.Cluster.ServiceCidr); ok {
		c.ServiceCIDR = s
	}
	return c
}
