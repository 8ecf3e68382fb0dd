package nodegroup

import (
	"fmt"
	"math"
	"strings"
)

// The rules below are those of the EC2 Auto Scaling API Reference, "InstanceRequirements" and
// the request types of its ranges (VCpuCountRequest, MemoryMiBRequest, ...): VCpuCount and
// MemoryMiB are required with their Min; every other attribute is optional; AllowedInstanceTypes
// and ExcludedInstanceTypes exclude each other and take at most 400 entries of 1-30 characters
// of [a-zA-Z0-9.*-]; SpotMaxPricePercentageOverLowestPrice and
// MaxSpotPriceAsPercentageOfOptimalOnDemandPrice exclude each other; the enumerations are the
// API's (CpuManufacturer, AcceleratorManufacturer, AcceleratorName, AcceleratorType, BareMetal,
// BurstablePerformance, LocalStorage, LocalStorageType, InstanceGeneration). With
// InstanceRequirements the On-Demand strategy cannot be prioritized, nor the Spot strategy
// capacity-optimized-prioritized (API Reference, "InstancesDistribution").

const (
	maxInstanceTypePatterns = 400 // entries of AllowedInstanceTypes / ExcludedInstanceTypes
	requirementsProp        = "mixedInstancesPolicy.instanceRequirements"
)

var (
	instanceTypePatternRe = lazyRegexp(`^[a-zA-Z0-9.*-]{1,30}$`)
	cpuManufacturers      = []CpuManufacturer{CpuIntel, CpuAmd, CpuAmazonWebServices}
	instanceGenerations   = []InstanceGeneration{GenerationCurrent, GenerationPrevious}
	attributeInclusions   = []AttributeInclusion{InclusionIncluded, InclusionExcluded, InclusionRequired}
	acceleratorMakersAll  = []AcceleratorManufacturer{AcceleratorNvidia, AcceleratorAmd, AcceleratorAmazonWebServices, AcceleratorXilinx}
	acceleratorNamesAll   = []AcceleratorName{AcceleratorNameA100, AcceleratorNameV100, AcceleratorNameK80, AcceleratorNameT4,
		AcceleratorNameM60, AcceleratorNameRadeonProV520, AcceleratorNameVu9p}
	acceleratorTypesAll = []AcceleratorType{AcceleratorTypeGpu, AcceleratorTypeFpga, AcceleratorTypeInference}
	localStorageTypes   = []LocalStorageType{StorageHdd, StorageSsd}
	// cpuArchitectures is the architecture of each CPU manufacturer's EC2 CPUs.
	cpuArchitectures = map[CpuManufacturer]Architecture{CpuIntel: X86_64, CpuAmd: X86_64, CpuAmazonWebServices: ARM64}
)

// checkRequirementsStrategies refuses the allocation strategies that follow an order of
// instance types, which instance requirements do not have.
func checkRequirementsStrategies(p *problems, m *MixedInstancesPolicy) {
	if m.OnDemandAllocationStrategy == "prioritized" {
		p.addf("mixedInstancesPolicy.onDemandAllocationStrategy (prioritized) cannot be used with instanceRequirements, which give no order: use lowest-price (the default)")
	}
	if m.SpotAllocationStrategy == "capacity-optimized-prioritized" {
		p.addf("mixedInstancesPolicy.spotAllocationStrategy (capacity-optimized-prioritized) cannot be used with instanceRequirements, which give no order: use price-capacity-optimized (the default) or capacity-optimized")
	}
}

// checkRequirements validates attribute-based instance type selection.
func checkRequirements(p *problems, raw *NodeGroupArgs, a NodeGroupArgs, r *InstanceRequirements) {
	const prop = requirementsProp
	if raw.Architecture == nil && !given(a.AmiId) {
		p.addf("architecture is required with %s (x86_64 or arm64): it selects the AMI, and Auto Scaling launches only instance types of the AMI's architecture", prop)
	}
	if r.VcpuCount == nil {
		p.addf("%s.vcpuCount is required, with its min", prop)
	} else {
		checkRequiredRange(p, prop+".vcpuCount", r.VcpuCount)
	}
	if r.MemoryMib == nil {
		p.addf("%s.memoryMib is required, with its min", prop)
	} else {
		checkRequiredRange(p, prop+".memoryMib", r.MemoryMib)
	}
	checkFloatRange(p, prop+".memoryGibPerVcpu", r.MemoryGibPerVcpu)
	checkIntRange(p, prop+".acceleratorCount", r.AcceleratorCount)
	checkIntRange(p, prop+".acceleratorTotalMemoryMib", r.AcceleratorTotalMemoryMib)
	checkIntRange(p, prop+".networkInterfaceCount", r.NetworkInterfaceCount)

	for i, c := range r.CpuManufacturers {
		if c == "apple" {
			p.addf("%s.cpuManufacturers[%d] (apple): Mac instances cannot run EKS nodes", prop, i)
			continue
		}
		checkEnum(p, fmt.Sprintf("%s.cpuManufacturers[%d]", prop, i), c, cpuManufacturers)
	}
	checkEnumList(p, prop+".cpuManufacturers", r.CpuManufacturers, nil)
	checkEnumList(p, prop+".instanceGenerations", r.InstanceGenerations, instanceGenerations)
	checkEnumList(p, prop+".acceleratorManufacturers", r.AcceleratorManufacturers, acceleratorMakersAll)
	checkEnumList(p, prop+".acceleratorNames", r.AcceleratorNames, acceleratorNamesAll)
	checkEnumList(p, prop+".acceleratorTypes", r.AcceleratorTypes, acceleratorTypesAll)
	checkEnumList(p, prop+".localStorageTypes", r.LocalStorageTypes, localStorageTypes)
	for _, in := range []struct {
		name string
		v    *AttributeInclusion
	}{{"burstablePerformance", r.BurstablePerformance}, {"bareMetal", r.BareMetal}, {"localStorage", r.LocalStorage}} {
		if in.v != nil {
			checkEnum(p, prop+"."+in.name, *in.v, attributeInclusions)
		}
	}
	if r.LocalStorage != nil && *r.LocalStorage == InclusionExcluded && len(r.LocalStorageTypes) > 0 {
		p.addf("%s.localStorageTypes has no effect with localStorage excluded", prop)
	}

	checkIntPtr(p, prop+".onDemandMaxPricePercentageOverLowestPrice", r.OnDemandMaxPricePercentageOverLowestPrice, 0, maxInt32, "")
	checkIntPtr(p, prop+".spotMaxPricePercentageOverLowestPrice", r.SpotMaxPricePercentageOverLowestPrice, 0, maxInt32, "")
	checkIntPtr(p, prop+".maxSpotPriceAsPercentageOfOptimalOnDemandPrice", r.MaxSpotPriceAsPercentageOfOptimalOnDemandPrice, 0, maxInt32, "")
	if r.SpotMaxPricePercentageOverLowestPrice != nil && r.MaxSpotPriceAsPercentageOfOptimalOnDemandPrice != nil {
		p.addf("%s.spotMaxPricePercentageOverLowestPrice conflicts with maxSpotPriceAsPercentageOfOptimalOnDemandPrice: give one Spot price protection", prop)
	}

	if len(r.AllowedInstanceTypes) > 0 && len(r.ExcludedInstanceTypes) > 0 {
		p.addf("%s.allowedInstanceTypes conflicts with excludedInstanceTypes: give one of them", prop)
	}
	checkTypePatterns(p, prop+".allowedInstanceTypes", r.AllowedInstanceTypes, a.Architecture, true, r)
	checkTypePatterns(p, prop+".excludedInstanceTypes", r.ExcludedInstanceTypes, a.Architecture, false, r)
	if a.Architecture != nil {
		checkCPUArchitecture(p, r, *a.Architecture)
	}
	checkRequirementAccelerators(p, raw, a, r)
}

// checkRequiredRange checks vcpuCount or memoryMib: a max of 0 would match no instance type.
func checkRequiredRange(p *problems, prop string, r *RequiredIntRange) {
	checkRange(p, prop+".min", r.Min, 0, maxInt32, "")
	checkIntPtr(p, prop+".max", r.Max, 1, maxInt32, "")
	if r.Max != nil && *r.Max >= 1 && r.Min >= 0 && r.Min > *r.Max {
		p.addf("%s.max (%d) must be at least %s.min (%d)", prop, *r.Max, prop, r.Min)
	}
}

func checkIntRange(p *problems, prop string, r *IntRange) {
	if r == nil {
		return
	}
	checkIntPtr(p, prop+".min", r.Min, 0, maxInt32, "")
	checkIntPtr(p, prop+".max", r.Max, 0, maxInt32, "")
	if r.Min != nil && r.Max != nil && *r.Min >= 0 && *r.Max >= 0 && *r.Min > *r.Max {
		p.addf("%s.max (%d) must be at least %s.min (%d)", prop, *r.Max, prop, *r.Min)
	}
}

func checkFloatRange(p *problems, prop string, r *FloatRange) {
	if r == nil {
		return
	}
	ok := true
	for _, end := range []struct {
		name string
		v    *float64
	}{{"min", r.Min}, {"max", r.Max}} {
		if v := end.v; v != nil && (math.IsNaN(*v) || math.IsInf(*v, 0) || *v < 0) {
			p.addf("%s.%s (%g) must be a number of 0 or more", prop, end.name, *v)
			ok = false
		}
	}
	if ok && r.Min != nil && r.Max != nil && *r.Min > *r.Max {
		p.addf("%s.max (%g) must be at least %s.min (%g)", prop, *r.Max, prop, *r.Min)
	}
}

// checkTypePatterns checks allowedInstanceTypes or excludedInstanceTypes. An allowed entry that
// names one known family (m7g.large, m7g.*) must be one a node of the group can run on: not a
// Mac, of the architecture, and with accelerators only when the requirements select them.
func checkTypePatterns(p *problems, prop string, patterns []string, arch *Architecture, allowed bool, r *InstanceRequirements) {
	if n := len(patterns); n > maxInstanceTypePatterns {
		p.addf("%s lists %d entries; Auto Scaling takes at most %d", prop, n, maxInstanceTypePatterns)
	}
	checkDuplicates(p, prop, patterns)
	for i, s := range patterns {
		ip := fmt.Sprintf("%s[%d]", prop, i)
		if !instanceTypePatternRe.MatchString(s) {
			p.addf("%s (%q) must be an instance type or a pattern with * wildcards, such as m7i.large, c7*.* or r*: 1-30 letters, digits, '.', '-' and '*'", ip, s)
			continue
		}
		family, size, _ := strings.Cut(strings.ToLower(s), ".")
		f, known := instanceFamilies[family]
		if !allowed || !known || (strings.Contains(size, "*") && size != "*") {
			continue
		}
		switch {
		case f.accel == accelMac:
			p.addf("%s (%q) is a Mac instance (%s family), which cannot run EKS nodes", ip, s, family)
		case arch != nil && f.arch != *arch:
			p.addf("%s (%s) is %s but architecture is %s: Auto Scaling would never launch it", ip, s, f.arch, *arch)
		case f.accel != accelNone && !r.allowsAccelerators():
			p.addf("%s (%s) has %s, but the requirements select no accelerators (acceleratorCount.max 0 unless an accelerator attribute is given): Auto Scaling would never launch it; add acceleratorManufacturers", ip, s, acceleratorNames[f.accel])
		}
	}
}

// checkCPUArchitecture refuses CPU manufacturers none of whose CPUs have the architecture: no
// instance type would match.
func checkCPUArchitecture(p *problems, r *InstanceRequirements, arch Architecture) {
	if len(r.CpuManufacturers) == 0 {
		return
	}
	var names []string
	for _, c := range r.CpuManufacturers {
		a, ok := cpuArchitectures[c]
		if !ok {
			return // refused as unknown already
		}
		if a == arch {
			return
		}
		names = append(names, string(c))
	}
	p.addf("%s.cpuManufacturers (%s) make no %s CPUs, but architecture is %s: no instance type would match", requirementsProp, strings.Join(names, ", "), arch, arch)
}

// checkRequirementAccelerators decides that the AMI carries the drivers of the accelerators the
// requirements select. No accelerators: the standard AMI, and an accelerator variant is refused.
// Accelerators of exactly one manufacturer whose drivers an AMI variant carries (NVIDIA: nvidia,
// AWS Inferentia/Trainium: neuron): an unset amiVariant follows them; one that is set must match.
// Any other case is ambiguous and refused, unless amiId names the image.
func checkRequirementAccelerators(p *problems, raw *NodeGroupArgs, a NodeGroupArgs, r *InstanceRequirements) {
	const prop = requirementsProp
	if c := r.AcceleratorCount; c != nil && c.Max != nil && *c.Max == 0 {
		for _, f := range []struct {
			name string
			set  bool
		}{{"acceleratorManufacturers", len(r.AcceleratorManufacturers) > 0}, {"acceleratorNames", len(r.AcceleratorNames) > 0},
			{"acceleratorTypes", len(r.AcceleratorTypes) > 0}, {"acceleratorTotalMemoryMib", r.AcceleratorTotalMemoryMib != nil}} {
			if f.set {
				p.addf("%s.%s has no effect with acceleratorCount.max 0 (no accelerators)", prop, f.name)
			}
		}
	}
	if given(a.AmiId) || a.OperatingSystem == nil || !validOS(*a.OperatingSystem) || a.AmiVariant == nil {
		return
	}
	os, variant := *a.OperatingSystem, *a.AmiVariant
	if !r.allowsAccelerators() {
		if raw.AmiVariant != nil && !variantMatches(variant, VariantStandard) {
			p.addf("amiVariant (%s) carries accelerator drivers, but %s selects no accelerators: name them in acceleratorManufacturers (nvidia or amazon-web-services), or leave amiVariant unset", variant, prop)
		}
		return
	}
	makers := r.acceleratorMakers()
	switch len(makers) {
	case 0:
		p.addf("%s.%s allows accelerators of any manufacturer, so a node could get one its AMI has no drivers for: name one in acceleratorManufacturers (nvidia selects the nvidia AMI variant, amazon-web-services the neuron variant), set acceleratorCount.max to 0, or set amiId",
			prop, firstAcceleratorAttribute(r))
		return
	case 1:
	default:
		names := make([]string, len(makers))
		for i, m := range makers {
			names[i] = string(m)
		}
		p.addf("%s.acceleratorManufacturers: the requirements select accelerators of %s; one AMI cannot carry the drivers all need: split them into groups, or set amiId", prop, strings.Join(names, " and "))
		return
	}
	accel := makerAccelerators[makers[0]]
	want := variantFor(os, accel)
	switch {
	case want == VariantStandard && len(driversElsewhere(accel)) > 0:
		p.addf("%s selects %s, but AWS publishes no EKS-optimized %s AMI with their drivers (%s have them); use one of those, or amiId with an image that carries them",
			prop, acceleratorNames[accel], os, joinOS(driversElsewhere(accel)))
	case want == VariantStandard:
		p.addf("%s selects %s, for which AWS publishes no EKS-optimized AMI with drivers; use amiId with an image that carries them", prop, acceleratorNames[accel])
	case raw.AmiVariant != nil && !variantMatches(variant, want):
		p.addf("amiVariant (%s) does not match %s, which selects %s: use amiVariant %s, or leave amiVariant unset to follow the requirements", variant, prop, acceleratorNames[accel], want)
	case raw.AmiVariant == nil && a.Architecture != nil:
		if err := checkVariant(os, want, *a.Architecture); err != nil {
			p.addf("%s selects %s, but %v; use amiId with an image that carries their drivers", prop, acceleratorNames[accel], err)
		}
	}
}

// firstAcceleratorAttribute names the first accelerator attribute given, for a message.
func firstAcceleratorAttribute(r *InstanceRequirements) string {
	switch {
	case r.AcceleratorCount != nil:
		return "acceleratorCount"
	case len(r.AcceleratorTypes) > 0:
		return "acceleratorTypes"
	case r.AcceleratorTotalMemoryMib != nil:
		return "acceleratorTotalMemoryMib"
	}
	return "acceleratorManufacturers"
}
