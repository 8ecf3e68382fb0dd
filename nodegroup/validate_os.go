package nodegroup

import (
	"slices"
	"strings"
)

// checkOperatingSystem validates the operating system, the AMI policy and the options that
// apply to some operating systems only.
func checkOperatingSystem(p *problems, a NodeGroupArgs) {
	os := *a.OperatingSystem
	if !slices.Contains(OperatingSystems, os) {
		names := make([]string, len(OperatingSystems))
		for i, o := range OperatingSystems {
			names[i] = string(o)
		}
		p.addf("operatingSystem (%q) must be one of: %s", os, strings.Join(names, ", "))
		return
	}

	typeArch, typeErr := ArchitectureOf(a.InstanceType)
	if typeErr != nil {
		p.addf("instanceType: %v", typeErr)
	}
	switch {
	case a.Architecture == nil:
		if !isNilInput(a.AmiId) {
			p.addf("architecture is required with amiId (x86_64 or arm64): eksnodes cannot tell a custom AMI's architecture")
		}
	case *a.Architecture != X86_64 && *a.Architecture != ARM64:
		p.addf("architecture (%q) must be x86_64 or arm64", *a.Architecture)
	case typeErr == nil && *a.Architecture != typeArch:
		p.addf("architecture (%s) does not match instanceType %s (%s)", *a.Architecture, a.InstanceType, typeArch)
	}

	if !isNilInput(a.AmiId) {
		if *a.AmiVariant != VariantStandard {
			p.addf("amiVariant conflicts with amiId: the variant selects an EKS-optimized AMI, amiId names one")
		}
		if a.AmiReleaseVersion != "" {
			p.addf("amiReleaseVersion conflicts with amiId: pin either a release of the EKS-optimized AMI or an exact AMI")
		}
	} else if a.Architecture != nil {
		if err := checkVariant(os, *a.AmiVariant, *a.Architecture); err != nil {
			p.addf("amiVariant (%s): %v", *a.AmiVariant, err)
		}
		if a.AmiReleaseVersion != "" {
			if _, err := amiRelease(os, a.AmiReleaseVersion); err != nil {
				p.addf("amiReleaseVersion: %v", err)
			}
		}
		if v, ok := knownString(a.Cluster.Version); ok && k8sVersionRe.MatchString(v) && os == AL2 {
			if _, err := AMIParameter(AMISelector{OS: os, Variant: *a.AmiVariant, Version: v, Arch: *a.Architecture}); err != nil {
				p.addf("operatingSystem AL2: %v", err)
			}
		}
	}
	if os.IsWindows() && typeErr == nil && typeArch != X86_64 {
		p.addf("instanceType %s is arm64; Windows nodes need x86_64", a.InstanceType)
	}

	for _, o := range notApplicable(a) {
		p.addf("%s does not apply to operatingSystem %s: %s", o.prop, os, o.why)
	}
}

type inapplicable struct{ prop, why string }

// notApplicable lists the options set that the operating system cannot honour.
func notApplicable(a NodeGroupArgs) []inapplicable {
	os := *a.OperatingSystem
	var out []inapplicable
	add := func(set bool, prop, why string) {
		if set {
			out = append(out, inapplicable{prop, why})
		}
	}
	switch {
	case os == Bottlerocket:
		add(a.KubeletExtraArgs != "", "kubeletExtraArgs", "Bottlerocket takes no kubelet flags; set the equivalent under bottlerocketSettings.kubernetes")
		add(len(a.KubeletConfig) > 0, "kubeletConfig", "set kubelet settings under bottlerocketSettings.kubernetes")
		add(a.PreBootstrapUserData != "", "preBootstrapUserData", "Bottlerocket runs no user data scripts; use bootstrap containers in bottlerocketSettings")
		add(a.PostBootstrapUserData != "", "postBootstrapUserData", "Bottlerocket runs no user data scripts; use bootstrap containers in bottlerocketSettings")
	case os.IsWindows():
		add(len(a.KubeletConfig) > 0, "kubeletConfig", "Windows nodes take kubelet settings as kubeletExtraArgs")
		add(len(a.BottlerocketSettings) > 0, "bottlerocketSettings", "it is for Bottlerocket only")
	case os == AL2:
		add(len(a.KubeletConfig) > 0, "kubeletConfig", "AL2 nodes take kubelet settings as kubeletExtraArgs")
		add(len(a.BottlerocketSettings) > 0, "bottlerocketSettings", "it is for Bottlerocket only")
	default:
		add(len(a.BottlerocketSettings) > 0, "bottlerocketSettings", "it is for Bottlerocket only")
	}
	return out
}
