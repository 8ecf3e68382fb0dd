package nodegroup

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// checkCapacity validates the mixed-instances policy and the termination lifecycle hook.
func checkCapacity(p *problems, raw *NodeGroupArgs, a NodeGroupArgs) {
	if raw.MixedInstancesPolicy != nil && raw.InstanceType != "" {
		p.addf("instanceType conflicts with mixedInstancesPolicy: list the types in mixedInstancesPolicy.instanceTypes")
	}
	if m := a.MixedInstancesPolicy; m != nil {
		checkMixed(p, raw, a, m)
	}
	if h := a.TerminationLifecycleHook; h != nil {
		checkRange(p, "terminationLifecycleHook.heartbeatTimeout", *h.HeartbeatTimeout, 30, 7200, "seconds")
		checkOneOf(p, "terminationLifecycleHook.defaultResult", h.DefaultResult, "CONTINUE", "ABANDON")
		switch {
		case given(h.NotificationTargetArn) && !given(h.RoleArn):
			p.addf("terminationLifecycleHook.notificationTargetArn requires terminationLifecycleHook.roleArn, the role Auto Scaling publishes with")
		case given(h.RoleArn) && !given(h.NotificationTargetArn):
			p.addf("terminationLifecycleHook.roleArn requires terminationLifecycleHook.notificationTargetArn: the role only publishes to it")
		}
	}
}

// spotPriceRe is a price in USD as AWS takes it: digits with an optional decimal fraction.
var spotPriceRe = regexp.MustCompile(`^[0-9]{1,6}(\.[0-9]{1,8})?$`)

func checkMixed(p *problems, raw *NodeGroupArgs, a NodeGroupArgs, m *MixedInstancesPolicy) {
	const prop = "mixedInstancesPolicy"
	if r := m.InstanceRequirements; r != nil {
		if len(m.InstanceTypes) > 0 {
			p.addf("%s.instanceTypes conflicts with %s.instanceRequirements: list the instance types or describe them, not both", prop, prop)
		}
		checkRequirements(p, raw, a, r)
		checkRequirementsStrategies(p, m)
	} else if n := len(m.InstanceTypes); n < 1 || n > 40 {
		p.addf("%s.instanceTypes must list 1 to 40 instance types, not %d (or describe them in instanceRequirements)", prop, n)
	}
	seen := map[string]bool{}
	weighted := 0
	var first Architecture
	firstType := ""
	for i, o := range m.InstanceTypes {
		ip := fmt.Sprintf("%s.instanceTypes[%d].instanceType", prop, i)
		arch, known, why := instanceArch(o.InstanceType)
		switch {
		case why != "":
			p.addf("%s (%q) %s", ip, o.InstanceType, why)
		case !known && raw.Architecture == nil:
			p.addf("%s (%s): eksnodes does not know the %s family's CPU architecture; set architecture to x86_64 or arm64", ip, o.InstanceType, instanceFamily(o.InstanceType))
		case !known:
		case raw.Architecture != nil && arch != *raw.Architecture:
			p.addf("%s %s is %s but architecture is %s: a group runs one architecture (one AMI)", ip, o.InstanceType, arch, *raw.Architecture)
		case first == "":
			first, firstType = arch, o.InstanceType
		case arch != first:
			p.addf("%s %s is %s but %s is %s: a group runs one architecture (one AMI)", ip, o.InstanceType, arch, firstType, first)
		}
		if seen[o.InstanceType] {
			p.addf("%s %s is listed more than once", ip, o.InstanceType)
		}
		seen[o.InstanceType] = true
		if w := o.WeightedCapacity; w != nil {
			weighted++
			checkRange(p, fmt.Sprintf("%s.instanceTypes[%d].weightedCapacity", prop, i), *w, 1, 999, "")
		}
	}
	if weighted > 0 && weighted != len(m.InstanceTypes) {
		p.addf("%s.instanceTypes: give every type a weightedCapacity or none (%d of %d have one)", prop, weighted, len(m.InstanceTypes))
	}
	if b := *m.OnDemandBaseCapacity; b < 0 || b > maxInt32 {
		checkRange(p, prop+".onDemandBaseCapacity", b, 0, maxInt32, "")
	} else if weighted == 0 && b > *a.MaxSize {
		p.addf("%s.onDemandBaseCapacity (%d) exceeds maxSize (%d)", prop, b, *a.MaxSize)
	}
	checkRange(p, prop+".onDemandPercentageAboveBaseCapacity", *m.OnDemandPercentageAboveBaseCapacity, 0, 100, "")
	checkOneOf(p, prop+".onDemandAllocationStrategy", m.OnDemandAllocationStrategy, onDemandStrategies...)
	checkOneOf(p, prop+".spotAllocationStrategy", m.SpotAllocationStrategy, spotStrategies...)
	if n := m.SpotInstancePools; n != nil {
		if m.SpotAllocationStrategy != "lowest-price" {
			p.addf("%s.spotInstancePools applies only to spotAllocationStrategy lowest-price", prop)
		} else {
			checkRange(p, prop+".spotInstancePools", *n, 1, 20, "")
		}
	}
	if s := m.SpotMaxPrice; s != "" {
		price, err := strconv.ParseFloat(s, 64)
		if !spotPriceRe.MatchString(s) || err != nil || price <= 0 {
			p.addf("%s.spotMaxPrice (%q) must be a price in USD per hour such as 0.05", prop, s)
		}
	}
}

// iopsLimits are AWS's provisioned IOPS limits per volume type: the range, and the most IOPS
// per GiB of volume size.
var iopsLimits = map[string]struct{ lo, hi, perGiB int }{
	"gp3": {3000, 80000, 500}, "io1": {100, 64000, 50}, "io2": {100, 256000, 1000},
}

// volumeSizeLimits are the sizes in GiB AWS allows per volume type.
var volumeSizeLimits = map[string][2]int{
	"gp3": {1, 65536}, "gp2": {1, 16384}, "io1": {4, 16384}, "io2": {4, 65536}, "standard": {1, 1024},
	"st1": {125, 16384}, "sc1": {125, 16384},
}

func checkLaunchTemplate(p *problems, raw *NodeGroupArgs, a NodeGroupArgs) {
	m := a.MetadataOptions
	checkEnum(p, "metadataOptions.httpTokens", *m.HttpTokens, []HttpTokens{HttpTokensRequired, HttpTokensOptional})
	checkRange(p, "metadataOptions.httpPutResponseHopLimit", *m.HttpPutResponseHopLimit, 1, 64, "")

	checkEBS(p, ebsProps{size: "nodeRootVolumeSize", typ: "nodeRootVolumeType", iops: "nodeRootVolumeIops", throughput: "nodeRootVolumeThroughput"}, ebsSpec{
		size: *a.NodeRootVolumeSize, typ: a.NodeRootVolumeType, iops: a.NodeRootVolumeIops, throughput: a.NodeRootVolumeThroughput, boot: true,
		minSize: func(size int) bool {
			min := rootVolumeFor(*a.OperatingSystem).minSize
			if given(a.AmiId) || size >= min {
				return true
			}
			if raw.NodeRootVolumeSize != nil {
				p.addf("nodeRootVolumeSize (%d) must be at least %d GiB, the size of the EKS-optimized %s AMI's snapshot", size, min, *a.OperatingSystem)
			}
			return false
		},
	})
	if given(a.NodeRootVolumeKmsKeyId) && !*a.NodeRootVolumeEncrypted {
		p.addf("nodeRootVolumeKmsKeyId requires nodeRootVolumeEncrypted to be true")
	}
	checkRange(p, "healthCheckGracePeriod", *a.HealthCheckGracePeriod, 0, maxInt32, "seconds")
}

func checkInstanceRefresh(p *problems, r *InstanceRefresh) {
	lo, hi := *r.MinHealthyPercentage, *r.MaxHealthyPercentage
	checkRange(p, "instanceRefresh.minHealthyPercentage", lo, 0, 100, "")
	checkRange(p, "instanceRefresh.maxHealthyPercentage", hi, 100, 200, "")
	if hi-lo > 100 && lo >= 0 && hi <= 200 {
		p.addf("instanceRefresh.maxHealthyPercentage (%d) may be at most 100 above minHealthyPercentage (%d)", hi, lo)
	}
	checkIntPtr(p, "instanceRefresh.instanceWarmup", r.InstanceWarmup, 0, maxInt32, "seconds")
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
		checkRange(p, "instanceRefresh.checkpointDelay", *d, 0, 172800, "seconds")
	}
	checkOneOf(p, "instanceRefresh.scaleInProtectedInstances", r.ScaleInProtectedInstances, "Refresh", "Ignore", "Wait")
	checkOneOf(p, "instanceRefresh.standbyInstances", r.StandbyInstances, "Terminate", "Ignore", "Wait")
	checkStringArrayInput(p, "instanceRefresh.alarms", r.Alarms, false, checkAlarmName, checkAlarmList)
	if !*r.Enabled {
		for _, s := range []struct {
			prop string
			set  bool
		}{{"autoRollback", r.AutoRollback}, {"checkpointPercentages", len(r.CheckpointPercentages) > 0}, {"alarms", given(r.Alarms)}} {
			if s.set {
				p.addf("instanceRefresh.%s has no effect with instanceRefresh.enabled false", s.prop)
			}
		}
	}
}

// checkAlarmName checks a CloudWatch alarm name: 1-255 characters, no control characters.
func checkAlarmName(p *problems, prop, s string) {
	if len(s) > 255 || strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		p.addf("%s (%q) must be a CloudWatch alarm name of 1-255 characters", prop, s)
	}
}

// checkAlarmList allows the 10 alarms an instance refresh can watch, each once.
func checkAlarmList(p *problems, prop string, names []string) {
	checkDuplicates(p, prop, names)
	if len(names) > 10 {
		p.addf("%s lists %d alarms; an instance refresh watches at most 10", prop, len(names))
	}
}
