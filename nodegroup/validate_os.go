package nodegroup

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

var (
	amiVariants   = []AMIVariant{VariantStandard, VariantNvidia, VariantNeuron, VariantFips, VariantNvidiaFips}
	architectures = []Architecture{X86_64, ARM64}
)

// checkOperatingSystem validates the operating system, the instance type, the AMI policy and
// the options that apply to some operating systems only.
func checkOperatingSystem(p *problems, raw *NodeGroupArgs, a NodeGroupArgs) {
	os := *a.OperatingSystem
	osOK := checkEnum(p, "operatingSystem", os, operatingSystems)
	variantOK := checkEnum(p, "amiVariant", *a.AmiVariant, amiVariants)
	archOK := a.Architecture == nil || checkEnum(p, "architecture", *a.Architecture, architectures)

	// The instance type: a default one is named as such, never as if the user had set it.
	typeProp := "instanceType"
	if raw.InstanceType == "" {
		typeProp = "the default instance type"
		if raw.MixedInstancesPolicy != nil {
			typeProp = "mixedInstancesPolicy.instanceTypes[0].instanceType"
		}
	}
	if raw.InstanceType != "" || raw.MixedInstancesPolicy == nil {
		checkBlank(p, "instanceType", raw.InstanceType)
	}
	typeArch, known, why := instanceArch(a.InstanceType)
	switch {
	case why != "" && raw.MixedInstancesPolicy == nil:
		p.addf("instanceType (%q) %s", a.InstanceType, why)
	case why != "":
		// reported for the mixed-instances policy's entry
	case !known && a.Architecture == nil && raw.MixedInstancesPolicy == nil:
		p.addf("instanceType (%s): eksnodes does not know the %s family's CPU architecture; set architecture to x86_64 or arm64", a.InstanceType, instanceFamily(a.InstanceType))
	case known && archOK && a.Architecture != nil && *a.Architecture != typeArch:
		p.addf("architecture (%s) does not match %s %s (%s)", *a.Architecture, typeProp, a.InstanceType, typeArch)
	}
	if a.Architecture == nil && given(a.AmiId) {
		p.addf("architecture is required with amiId (x86_64 or arm64): eksnodes cannot tell a custom AMI's architecture")
	}
	if !osOK || !variantOK || !archOK {
		return
	}

	arch := typeArch
	if a.Architecture != nil {
		arch = *a.Architecture
	}
	if os.IsWindows() && arch == ARM64 {
		if raw.Architecture != nil && (raw.InstanceType == "" || !known) {
			p.addf("architecture (arm64): Windows nodes need x86_64")
		} else {
			p.addf("%s (%s) is arm64; Windows nodes need x86_64", typeProp, a.InstanceType)
		}
	}

	if given(a.AmiId) {
		if raw.AmiVariant != nil && *a.AmiVariant != VariantStandard {
			p.addf("amiVariant (%s) conflicts with amiId: the variant selects an EKS-optimized AMI, amiId names one", *a.AmiVariant)
		}
		if a.AmiReleaseVersion != "" {
			p.addf("amiReleaseVersion conflicts with amiId: pin either a release of the EKS-optimized AMI or an exact AMI")
		}
	} else if arch != "" && !(os.IsWindows() && arch == ARM64) {
		if err := checkVariant(os, *a.AmiVariant, arch); err != nil && (raw.AmiVariant != nil || *a.AmiVariant == VariantStandard) {
			p.addf("amiVariant (%s): %v", *a.AmiVariant, err)
		}
		if !checkBlank(p, "amiReleaseVersion", a.AmiReleaseVersion) && a.AmiReleaseVersion != "" {
			if _, err := amiRelease(os, a.AmiReleaseVersion); err != nil {
				p.addf("amiReleaseVersion (%q): %v", a.AmiReleaseVersion, err)
			}
		}
	}

	if !given(a.AmiId) {
		checkAccelerators(p, raw, a, typeProp)
	}

	for _, o := range notApplicable(a) {
		p.addf("%s does not apply to operatingSystem %s: %s", o.prop, os, o.why)
	}
}

// checkVersionForOS checks a known cluster.version against what the operating system's AMIs
// are published for (osTable), and against a release-pinned AMI's own Kubernetes version.
func checkVersionForOS(p *problems, prop, v string, a NodeGroupArgs) {
	os := *a.OperatingSystem
	minor, _ := strconv.Atoi(strings.TrimPrefix(v, "1."))
	name := string(os)
	if *a.AmiVariant != VariantStandard {
		name += " " + string(*a.AmiVariant)
	}
	vf, ok := factsOf(os).variants[*a.AmiVariant]
	r := vf.published
	switch {
	case minor > latestKubernetesMinor:
		p.addf("%s (%s) is newer than the newest Kubernetes version EKS supports that eksnodes knows (1.%d); an AMI for it cannot be looked up yet", prop, v, latestKubernetesMinor)
	case !ok:
	case minor < r.first:
		p.addf("%s (%s): AWS publishes EKS-optimized %s AMIs from Kubernetes 1.%d on", prop, v, name, r.first)
	case r.last != 0 && minor > r.last:
		p.addf("%s (%s): AWS publishes no EKS-optimized %s AMIs after Kubernetes 1.%d; use AL2023 or Bottlerocket", prop, v, name, r.last)
	}
	if rule := factsOf(os).release; rule != nil && rule.perMinor {
		checkReleaseMinor(p, prop, v, a.AmiReleaseVersion, rule)
	}
}

// checkReleaseMinor refuses a release that names another Kubernetes version than the cluster's.
func checkReleaseMinor(p *problems, prop, v, release string, rule *releaseRule) {
	if m := rule.re.FindStringSubmatch(release); m != nil && strings.HasSuffix(m[1], "-") {
		if pinned := strings.Join(strings.SplitN(m[1], ".", 3)[:2], "."); pinned != v {
			p.addf("amiReleaseVersion (%q) is a release for Kubernetes %s, but %s is %s: give the release date alone (v%s) or the release of %s", release, pinned, prop, v, m[2], v)
		}
	}
}

// instanceAccelerator returns the accelerator of a known instance family.
func instanceAccelerator(instanceType string) (accelerator, bool) {
	f, ok := instanceFamilies[instanceFamily(instanceType)]
	return f.accel, ok
}

var acceleratorNames = map[accelerator]string{
	accelNvidia: "NVIDIA GPUs", accelNeuron: "AWS Inferentia or Trainium (Neuron) accelerators", accelGaudi: "Habana Gaudi accelerators",
	accelAMDGPU: "AMD GPUs", accelFPGA: "FPGAs", accelMedia: "Xilinx media accelerators", accelQualcomm: "Qualcomm AI accelerators",
}

// checkAccelerators checks that the AMI variant carries the drivers of the instance type's
// accelerator: an unset amiVariant follows the instance type; one that is set must match it.
func checkAccelerators(p *problems, raw *NodeGroupArgs, a NodeGroupArgs, typeProp string) {
	os := *a.OperatingSystem
	types := []string{a.InstanceType}
	if m := a.MixedInstancesPolicy; m != nil {
		types = types[:0]
		for _, o := range m.InstanceTypes {
			types = append(types, o.InstanceType)
		}
	}
	var first accelerator
	firstType := ""
	for i, t := range types {
		accel, known := instanceAccelerator(t)
		if !known {
			continue
		}
		prop := typeProp
		if a.MixedInstancesPolicy != nil {
			prop = fmt.Sprintf("mixedInstancesPolicy.instanceTypes[%d].instanceType", i)
		}
		if firstType == "" {
			first, firstType = accel, t
		} else if accel != first {
			p.addf("%s (%s) has %s but %s has %s: one AMI cannot carry the drivers both need; split them into two groups", prop, t, describeAccel(accel), firstType, describeAccel(first))
			continue
		}
		want := variantFor(os, accel)
		switch {
		case accel != accelNone && want == VariantStandard && len(driversElsewhere(accel)) > 0:
			p.addf("%s (%s) has %s, but AWS publishes no EKS-optimized %s AMI with their drivers (%s have them); use one of those, or amiId with an image that carries them",
				prop, t, acceleratorNames[accel], os, joinOS(driversElsewhere(accel)))
		case accel != accelNone && want == VariantStandard:
			p.addf("%s (%s) has %s, for which AWS publishes no EKS-optimized AMI with drivers; use amiId with an image that carries them", prop, t, acceleratorNames[accel])
		case raw.AmiVariant != nil && !variantMatches(*a.AmiVariant, want):
			p.addf("amiVariant (%s) does not match %s %s, which has %s: use amiVariant %s, or leave amiVariant unset to follow the instance type", *a.AmiVariant, prop, t, describeAccel(accel), want)
		case raw.AmiVariant == nil && want != VariantStandard:
			if err := checkVariant(os, want, valueOr(a.Architecture, X86_64)); err != nil {
				p.addf("%s (%s) has %s, but %v; use amiId with an image that carries their drivers", prop, t, acceleratorNames[accel], err)
			}
		}
	}
}

func joinOS(oss []OperatingSystem) string {
	names := make([]string, len(oss))
	for i, o := range oss {
		names[i] = string(o)
	}
	return strings.Join(names, ", ")
}

func describeAccel(a accelerator) string {
	if a == accelNone {
		return "no accelerator"
	}
	return acceleratorNames[a]
}

// variantMatches reports whether an explicit variant serves what the instance type needs: the
// FIPS builds count as their plain counterparts.
func variantMatches(v, want AMIVariant) bool {
	switch v {
	case VariantFips:
		return want == VariantStandard
	case VariantNvidiaFips:
		return want == VariantNvidia
	}
	return v == want
}

// instanceTypeRe is the shape of an EC2 instance type: a family (letters, digits and hyphens,
// with a generation digit) and a size.
var instanceTypeRe = regexp.MustCompile(`^[a-z][a-z0-9-]*[0-9][a-z0-9-]*\.(nano|micro|small|medium|large|[0-9]*xlarge|metal|metal-[0-9]+xl)$`)

// instanceFamily returns the family part of an instance type (p6-b200 in p6-b200.48xlarge).
func instanceFamily(instanceType string) string {
	family, _, _ := strings.Cut(instanceType, ".")
	return family
}

// instanceArch returns the CPU architecture of an instance type: known says whether the family
// is one eksnodes knows; why says why the name cannot be a node's instance type at all.
func instanceArch(instanceType string) (arch Architecture, known bool, why string) {
	if !instanceTypeRe.MatchString(instanceType) {
		return "", false, "is not an EC2 instance type such as m7i.large (a family with a generation digit, a dot, and a size: nano, micro, small, medium, large, xlarge, <n>xlarge, metal or metal-<n>xl)"
	}
	f, ok := instanceFamilies[instanceFamily(instanceType)]
	switch {
	case !ok:
		return "", false, ""
	case f.accel == accelMac:
		return f.arch, true, fmt.Sprintf("is a Mac instance (%s family), which cannot run EKS nodes", instanceFamily(instanceType))
	}
	return f.arch, true, ""
}
