package nodegroup

import (
	"fmt"
	"regexp"
	"slices"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup/userdata"
)

// osFacts is everything eksnodes knows about one operating system: its EKS-optimized AMIs
// (variants, architectures, the Kubernetes versions they are published for, the public SSM
// parameter that names them, how a release is pinned), its disks, how its nodes register with
// the cluster, which inputs it honours, what the hardening profile does on it, and the user
// data format it boots from. Validation, AMI lookup, volumes, the access entry and user data
// all read osTable; adding an operating system or a variant is a change to the table (and,
// for a new user data format, a renderer in package userdata).
type osFacts struct {
	windows  bool
	variants map[AMIVariant]variantFacts
	// accelerators maps an accelerator to the variant whose AMI carries its drivers.
	accelerators map[accelerator]AMIVariant
	// release is the shape of amiReleaseVersion; nil when releases cannot be pinned.
	release *releaseRule
	// parameter returns the public SSM parameter of the AMI; release is normalised, "" for
	// the recommended AMI.
	parameter func(version string, arch Architecture, variant AMIVariant, release string) string
	volume    rootVolume
	entry     AccessEntryType
	ipv6      bool
	// refuses lists the inputs the operating system cannot honour, with what to do instead.
	refuses []refusal
	// hardening is what the baseline profile adds on this operating system.
	hardening hardeningFacts
	// userData is the format of the user data the nodes boot from, rendered by package userdata.
	userData userdata.Format
}

// variantFacts is one published variant of an operating system's AMI.
type variantFacts struct {
	archs     []Architecture
	published publishedRange
}

// releaseRule is how a release of the EKS-optimized AMI is spelled and normalised.
type releaseRule struct {
	re      *regexp.Regexp // match[norm] is the normalised part
	norm    int
	prefix  string // added to the normalised part
	example string
	// perMinor says whether a release may name its Kubernetes version (1.33.0-20250704).
	perMinor bool
}

// refusal is an input an operating system cannot honour.
type refusal struct {
	prop string
	set  func(a NodeGroupArgs) bool
	why  string
}

// hardeningFacts is what the baseline hardening profile does on an operating system.
type hardeningFacts struct {
	// packages: the AL2023 file-integrity steps run from the user data (on EKS-optimized AMIs).
	packages bool
	// settings: the profile's steps are Bottlerocket settings in the user data.
	settings bool
}

// rootVolume describes the volume a node's root (or, on Bottlerocket, data) disk lives on.
type rootVolume struct {
	device  string // the device the size and type settings apply to
	minSize int    // GiB: the size of the AMI's snapshot for that device
	// osDevice is Bottlerocket's separate OS volume, kept at the AMI's size but encrypted.
	osDevice string
}

var (
	bothArchs = []Architecture{X86_64, ARM64}
	x86Only   = []Architecture{X86_64}

	eksAMIRelease = &releaseRule{re: regexp.MustCompile(`^(v|[0-9]+\.[0-9]+\.[0-9]+-)?([0-9]{8})$`), norm: 2, prefix: "v",
		example: "an EKS AMI release such as v20250704 or 1.33.0-20250704", perMinor: true}
	bottlerocketRelease = &releaseRule{re: regexp.MustCompile(`^v?([0-9]+\.[0-9]+\.[0-9]+)$`), norm: 1,
		example: "a Bottlerocket version such as 1.42.0"}

	noBottlerocketSettings = refusal{"bottlerocketSettings", func(a NodeGroupArgs) bool { return len(a.BottlerocketSettings) > 0 }, "it is for Bottlerocket only"}
)

// The Kubernetes versions AWS publishes EKS-optimized Windows AMIs for, by Windows Server release
// (sources in osTable).
var (
	windows2019 = publishedRange{first: 14, last: 0, source: "https://docs.aws.amazon.com/eks/latest/userguide/eks-optimized-windows-ami.html (release calendar: Windows Server 2019 released 10/7/2019, no end of support)"}
	windows2022 = publishedRange{first: 23, last: 0, source: "github.com/eksctl-io/eksctl pkg/ami/ssm_resolver.go (Windows Server 2022 minVersion = Version1_23); EKS release 10/17/2022 per eks-optimized-windows-ami.html"}
	windows2025 = publishedRange{first: 35, last: 0, source: "github.com/eksctl-io/eksctl pkg/ami/ssm_resolver.go (Windows Server 2025 minVersion = Version1_35); https://docs.aws.amazon.com/eks/latest/userguide/eks-ami-versions-windows.html (first 2025 AMI 1.35-2026-01-22)"}
)

// osTable describes every supported operating system, with the sources of the Kubernetes
// versions its AMIs are published for.
var osTable = map[OperatingSystem]osFacts{
	AL2023: {
		variants: map[AMIVariant]variantFacts{
			// First AL2023 AMIs: amazon-eks-ami v20240213, for 1.23 to 1.29, x86_64 and arm64.
			// The CHANGELOG covers releases up to 1.36 (v20260714).
			VariantStandard: {bothArchs, publishedRange{first: 23, last: 0, source: "github.com/awslabs/amazon-eks-ami CHANGELOG.md (v20240213: amazon-eks-node-al2023-*-standard-1.23..); https://aws.amazon.com/blogs/containers/amazon-eks-optimized-amazon-linux-2023-amis-now-available/"}},
			// The first accelerated AL2023 release (v20240924) covered 1.23 to 1.30, x86_64 only.
			// arm64 nvidia AMIs appear in the CHANGELOG from 1.25 onward.
			VariantNvidia: {bothArchs, publishedRange{first: 23, last: 0, source: "github.com/awslabs/amazon-eks-ami CHANGELOG.md (v20240924: amazon-eks-node-al2023-x86_64-nvidia-560-1.23..; arm64 nvidia from 1.25)"}},
			VariantNeuron: {x86Only, publishedRange{first: 23, last: 0, source: "github.com/awslabs/amazon-eks-ami CHANGELOG.md (v20240924: amazon-eks-node-al2023-x86_64-neuron-1.23..); x86_64 only"}},
		},
		accelerators: map[accelerator]AMIVariant{accelNvidia: VariantNvidia, accelNeuron: VariantNeuron},
		release:      eksAMIRelease,
		parameter: func(v string, arch Architecture, variant AMIVariant, release string) string {
			if release == "" {
				return fmt.Sprintf("/aws/service/eks/optimized-ami/%s/amazon-linux-2023/%s/%s/recommended/image_id", v, arch, variant)
			}
			return fmt.Sprintf("/aws/service/eks/optimized-ami/%s/amazon-linux-2023/%s/%s/amazon-eks-node-al2023-%s-%s-%s-%s/image_id",
				v, arch, variant, arch, variant, v, release)
		},
		volume:    rootVolume{device: "/dev/xvda", minSize: 20},
		entry:     AccessEntryEC2Linux,
		ipv6:      true,
		refuses:   []refusal{noBottlerocketSettings},
		hardening: hardeningFacts{packages: true},
		userData:  userdata.FormatNodeadm,
	},
	Bottlerocket: {
		variants: map[AMIVariant]variantFacts{
			// Bottlerocket 1.0 shipped aws-k8s-1.15. 1.61.0 (2026-05-18) added the 1.36 variants;
			// we found no 1.37 variant yet.
			VariantStandard:   {bothArchs, publishedRange{first: 15, last: 0, source: "github.com/bottlerocket-os/bottlerocket release notes v1.0.8 (aws-k8s-1.15) and v1.61.0 (aws-k8s-1.36)"}},
			VariantNvidia:     {bothArchs, publishedRange{first: 21, last: 0, source: "github.com/bottlerocket-os/bottlerocket release notes v1.6.0 (adds aws-k8s-1.21-nvidia)"}},
			VariantFips:       {bothArchs, publishedRange{first: 28, last: 0, source: "https://bottlerocket.dev/en/os/1.27.x/version-information/fips-modules (earliest is aws-k8s-1.28-fips)"}},
			VariantNvidiaFips: {bothArchs, publishedRange{first: 29, last: 0, source: "https://bottlerocket.dev/en/os/1.51.x/version-information/fips-modules (earliest is aws-k8s-1.29-nvidia-fips; 1.28 has only -fips)"}},
		},
		accelerators: map[accelerator]AMIVariant{accelNvidia: VariantNvidia},
		release:      bottlerocketRelease,
		parameter: func(v string, arch Architecture, variant AMIVariant, release string) string {
			suffix := ""
			if variant != VariantStandard {
				suffix = "-" + string(variant)
			}
			if release == "" {
				release = "latest"
			}
			return fmt.Sprintf("/aws/service/bottlerocket/aws-k8s-%s%s/%s/%s/image_id", v, suffix, arch, release)
		},
		// The first volume holds the read-only OS; the second holds containers and their data,
		// which is what users size.
		volume: rootVolume{device: "/dev/xvdb", minSize: 20, osDevice: "/dev/xvda"},
		entry:  AccessEntryEC2Linux,
		ipv6:   true,
		refuses: append([]refusal{
			{"kubeletExtraArgs", func(a NodeGroupArgs) bool { return a.KubeletExtraArgs != "" }, "Bottlerocket takes no kubelet flags; set the equivalent under bottlerocketSettings.kubernetes"},
			{"kubeletConfig", func(a NodeGroupArgs) bool { return len(a.KubeletConfig) > 0 }, "set kubelet settings under bottlerocketSettings.kubernetes"},
			{"preBootstrapUserData", func(a NodeGroupArgs) bool { return a.PreBootstrapUserData != "" }, "Bottlerocket runs no user data scripts; use bootstrap containers in bottlerocketSettings"},
			{"postBootstrapUserData", func(a NodeGroupArgs) bool { return a.PostBootstrapUserData != "" }, "Bottlerocket runs no user data scripts; use bootstrap containers in bottlerocketSettings"},
		}, al2023Only(bottlerocketInstead)...),
		hardening: hardeningFacts{settings: true},
		userData:  userdata.FormatBottlerocket,
	},
	// EKS Windows support reached GA on 2019-10-07 with 1.14. The Windows release calendar lists
	// no end date for Windows Server 2019. A public SSM parameter for 1.35 is referenced; we found
	// none for 1.36 or 1.37, so last 0 is unconfirmed for those two minors.
	Windows2019Core: windowsFacts("2019", "Core", windows2019),
	Windows2019Full: windowsFacts("2019", "Full", windows2019),
	Windows2022Core: windowsFacts("2022", "Core", windows2022),
	Windows2022Full: windowsFacts("2022", "Full", windows2022),
	Windows2025Core: windowsFacts("2025", "Core", windows2025),
	Windows2025Full: windowsFacts("2025", "Full", windows2025),
	AL2: {
		variants: map[AMIVariant]variantFacts{
			// AWS stopped publishing AL2 AMIs on 2025-11-26, and none exist for 1.33 and later.
			// EKS launched with 1.10 (amazon-eks-node-1.10 / amazon-eks-gpu-node-1.10). We did not check
			// whether the SSM parameters go back that far.
			VariantStandard: {bothArchs, publishedRange{first: 10, last: 32, source: "https://docs.aws.amazon.com/eks/latest/userguide/eks-ami-deprecation-faqs.html; kubernetes-versions-extended.html (no AL2 AMI for 1.33); eksctl AmazonLinux2EOLVersion = 1.33"}},
			// The accelerated AL2 AMI ("gpu") carries the NVIDIA and Neuron drivers.
			VariantNvidia: {x86Only, publishedRange{first: 10, last: 32, source: "https://docs.aws.amazon.com/eks/latest/userguide/eks-ami-deprecation-faqs.html (AL2 accelerated AMIs end with AL2); github.com/awslabs/amazon-eks-ami CHANGELOG.md (amazon-eks-gpu-node-1.32 is the last)"}},
		},
		accelerators: map[accelerator]AMIVariant{accelNvidia: VariantNvidia, accelNeuron: VariantNvidia},
		release:      eksAMIRelease,
		parameter: func(v string, arch Architecture, variant AMIVariant, release string) string {
			dir, node := "amazon-linux-2", "amazon-eks-node"
			switch {
			case variant == VariantNvidia:
				dir, node = "amazon-linux-2-gpu", "amazon-eks-gpu-node"
			case arch == ARM64:
				dir, node = "amazon-linux-2-arm64", "amazon-eks-arm64-node"
			}
			if release == "" {
				return fmt.Sprintf("/aws/service/eks/optimized-ami/%s/%s/recommended/image_id", v, dir)
			}
			return fmt.Sprintf("/aws/service/eks/optimized-ami/%s/%s/%s-%s-%s/image_id", v, dir, node, v, release)
		},
		volume: rootVolume{device: "/dev/xvda", minSize: 20},
		entry:  AccessEntryEC2Linux,
		ipv6:   true,
		refuses: append([]refusal{
			{"kubeletConfig", func(a NodeGroupArgs) bool { return len(a.KubeletConfig) > 0 }, "AL2 nodes take kubelet settings as kubeletExtraArgs"},
			noBottlerocketSettings,
		}, al2023Only(al2Instead)...),
		userData: userdata.FormatAL2,
	},
}

// windowsFacts describes a Windows Server release and edition.
func windowsFacts(year, edition string, published publishedRange) osFacts {
	return osFacts{
		windows:  true,
		variants: map[AMIVariant]variantFacts{VariantStandard: {x86Only, published}},
		parameter: func(v string, _ Architecture, _ AMIVariant, _ string) string {
			return fmt.Sprintf("/aws/service/ami-windows-latest/Windows_Server-%s-English-%s-EKS_Optimized-%s/image_id", year, edition, v)
		},
		volume: rootVolume{device: "/dev/sda1", minSize: 50},
		entry:  AccessEntryEC2Windows,
		refuses: append([]refusal{
			{"kubeletConfig", func(a NodeGroupArgs) bool { return len(a.KubeletConfig) > 0 }, "Windows nodes take kubelet settings as kubeletExtraArgs"},
			noBottlerocketSettings,
			// "The OS-bypass capabilities of EFAs are not supported on Windows instances." (Amazon EC2
			// User Guide, efa.html)
			{"efa", func(a NodeGroupArgs) bool { return a.Efa != nil }, "EFA's OS bypass does not work on Windows; run EFA workloads on Linux nodes"},
		}, al2023Only(windowsInstead)...),
		userData: userdata.FormatWindows,
	}
}

// factsOf returns the facts of a supported operating system (validated before it is asked).
func factsOf(os OperatingSystem) osFacts { return osTable[os] }

func validOS(os OperatingSystem) bool {
	_, ok := osTable[os]
	return ok
}

// rootVolumeFor returns where an operating system keeps the disk users size.
func rootVolumeFor(os OperatingSystem) rootVolume { return factsOf(os).volume }

// accessEntryTypeFor returns the EKS access entry type of an operating system's nodes.
func accessEntryTypeFor(os OperatingSystem) AccessEntryType { return factsOf(os).entry }

// variantFor returns the AMI variant an instance type needs: the one with its accelerator's
// drivers, or standard when the operating system has none for it.
func variantFor(os OperatingSystem, accel accelerator) AMIVariant {
	if v, ok := factsOf(os).accelerators[accel]; ok {
		return v
	}
	return VariantStandard
}

// driversElsewhere lists the operating systems with an AMI variant for an accelerator.
func driversElsewhere(accel accelerator) []OperatingSystem {
	var out []OperatingSystem
	for _, os := range operatingSystems {
		if _, ok := osTable[os].accelerators[accel]; ok {
			out = append(out, os)
		}
	}
	return out
}

// checkVariant refuses the combinations of OS, variant and architecture AWS does not publish.
func checkVariant(os OperatingSystem, v AMIVariant, arch Architecture) error {
	f := factsOf(os)
	vf, ok := f.variants[v]
	switch {
	case f.windows && arch != X86_64:
		return fmt.Errorf("windows nodes need an x86_64 instance type, not %s", arch)
	case !ok:
		return fmt.Errorf("there is no %s variant of the %s AMI", v, os)
	case !slices.Contains(vf.archs, arch):
		return fmt.Errorf("the %s %s AMI exists for %s only, not %s", os, v, vf.archs[0], arch)
	}
	return nil
}

// amiRelease normalises a release version for the OS: the amazon-eks-ami date (vYYYYMMDD) for
// AL2023 and AL2, the Bottlerocket version for Bottlerocket.
func amiRelease(os OperatingSystem, release string) (string, error) {
	r := factsOf(os).release
	if r == nil {
		return "", fmt.Errorf("%s AMIs have no release-pinned parameters; pin them with amiId", os)
	}
	m := r.re.FindStringSubmatch(release)
	if m == nil {
		return "", fmt.Errorf("%q is not %s", release, r.example)
	}
	return r.prefix + m[r.norm], nil
}

// notApplicable lists the options set that the operating system cannot honour.
func notApplicable(a NodeGroupArgs) []refusal {
	var out []refusal
	for _, r := range factsOf(*a.OperatingSystem).refuses {
		if r.set(a) {
			out = append(out, r)
		}
	}
	return out
}
