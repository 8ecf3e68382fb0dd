package nodegroup

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// checkGiven validates what depends on which inputs the user set, before defaults fill them.
func checkGiven(args *NodeGroupArgs) problems {
	var p problems
	if args != nil && args.MixedInstancesPolicy != nil && args.InstanceType != "" {
		p.addf("instanceType conflicts with mixedInstancesPolicy: list the types in mixedInstancesPolicy.instanceTypes")
	}
	return p
}

// checkCapacity validates the mixed-instances policy and the termination lifecycle hook.
func checkCapacity(p *problems, a NodeGroupArgs) {
	if m := a.MixedInstancesPolicy; m != nil {
		checkMixed(p, a, m)
	}
	if h := a.TerminationLifecycleHook; h != nil {
		if t := *h.HeartbeatTimeout; t < 30 || t > 7200 {
			p.addf("terminationLifecycleHook.heartbeatTimeout (%d) must be between 30 and 7200 seconds", t)
		}
		checkOneOf(p, "terminationLifecycleHook.defaultResult", h.DefaultResult, "CONTINUE", "ABANDON")
		if isNilInput(h.NotificationTargetArn) != isNilInput(h.RoleArn) {
			p.addf("terminationLifecycleHook.notificationTargetArn and terminationLifecycleHook.roleArn must be given together")
		}
		if s, ok := knownString(h.RoleArn); ok && !roleArnRe.MatchString(s) {
			p.addf("terminationLifecycleHook.roleArn (%q) must be an IAM role ARN", s)
		}
		if s, ok := knownString(h.NotificationTargetArn); ok && !strings.HasPrefix(s, "arn:") {
			p.addf("terminationLifecycleHook.notificationTargetArn (%q) must be an SQS queue or SNS topic ARN", s)
		}
	}
}

func checkMixed(p *problems, a NodeGroupArgs, m *MixedInstancesPolicy) {
	const prop = "mixedInstancesPolicy"
	if n := len(m.InstanceTypes); n < 1 || n > 40 {
		p.addf("%s.instanceTypes must list 1 to 40 instance types, not %d", prop, n)
	}
	seen := map[string]bool{}
	weighted := 0
	var first Architecture
	for i, o := range m.InstanceTypes {
		ip := fmt.Sprintf("%s.instanceTypes[%d]", prop, i)
		arch, err := ArchitectureOf(o.InstanceType)
		switch {
		case err != nil:
			p.addf("%s.instanceType: %v", ip, err)
		case first == "":
			first = arch
		case arch != first:
			p.addf("%s.instanceType %s is %s but %s is %s: a group runs one architecture (one AMI)",
				ip, o.InstanceType, arch, m.InstanceTypes[0].InstanceType, first)
		}
		if seen[o.InstanceType] {
			p.addf("%s.instanceType %s is listed more than once", ip, o.InstanceType)
		}
		seen[o.InstanceType] = true
		if w := o.WeightedCapacity; w != nil {
			weighted++
			if *w < 1 || *w > 999 {
				p.addf("%s.weightedCapacity (%d) must be between 1 and 999", ip, *w)
			}
		}
	}
	if weighted > 0 && weighted != len(m.InstanceTypes) {
		p.addf("%s.instanceTypes: give every type a weightedCapacity or none (%d of %d have one)", prop, weighted, len(m.InstanceTypes))
	}
	if b := *m.OnDemandBaseCapacity; b < 0 {
		p.addf("%s.onDemandBaseCapacity (%d) must be >= 0", prop, b)
	} else if weighted == 0 && b > *a.MaxSize {
		p.addf("%s.onDemandBaseCapacity (%d) exceeds maxSize (%d)", prop, b, *a.MaxSize)
	}
	if pct := *m.OnDemandPercentageAboveBaseCapacity; pct < 0 || pct > 100 {
		p.addf("%s.onDemandPercentageAboveBaseCapacity (%d) must be between 0 and 100", prop, pct)
	}
	if !slices.Contains(onDemandStrategies, m.OnDemandAllocationStrategy) {
		p.addf("%s.onDemandAllocationStrategy (%q) must be one of %s", prop, m.OnDemandAllocationStrategy, strings.Join(onDemandStrategies, ", "))
	}
	if !slices.Contains(spotStrategies, m.SpotAllocationStrategy) {
		p.addf("%s.spotAllocationStrategy (%q) must be one of %s", prop, m.SpotAllocationStrategy, strings.Join(spotStrategies, ", "))
	}
	if n := m.SpotInstancePools; n != nil {
		if m.SpotAllocationStrategy != "lowest-price" {
			p.addf("%s.spotInstancePools applies only to spotAllocationStrategy lowest-price", prop)
		} else if *n < 1 || *n > 20 {
			p.addf("%s.spotInstancePools (%d) must be between 1 and 20", prop, *n)
		}
	}
	if m.SpotMaxPrice != "" {
		if price, err := strconv.ParseFloat(m.SpotMaxPrice, 64); err != nil || price <= 0 {
			p.addf("%s.spotMaxPrice (%q) must be a price in USD per hour such as 0.05", prop, m.SpotMaxPrice)
		}
	}
}
