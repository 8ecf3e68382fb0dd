package nodegroup

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ssm"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// amiSelector names one EKS-optimized AMI parameter.
type amiSelector struct {
	OS      OperatingSystem
	Variant AMIVariant
	Version string // Kubernetes minor version, e.g. 1.33
	Arch    Architecture
	// Release pins a release (see NodeGroupArgs.AmiReleaseVersion); empty means recommended.
	Release string
}

var (
	eksAMIReleaseRe          = regexp.MustCompile(`^(v|[0-9]+\.[0-9]+\.[0-9]+-)?([0-9]{8})$`)
	bottlerocketReleaseRe    = regexp.MustCompile(`^v?([0-9]+\.[0-9]+\.[0-9]+)$`)
	al2LastKubernetesVersion = 32 // AWS publishes no EKS-optimized AL2 AMIs for 1.33 and later
)

// amiRelease normalises a release version for the OS: the amazon-eks-ami date (vYYYYMMDD) for
// AL2023 and AL2, the Bottlerocket version for Bottlerocket.
func amiRelease(os OperatingSystem, release string) (string, error) {
	switch {
	case os.IsWindows():
		return "", fmt.Errorf("windows AMIs have no release-pinned parameters; pin them with amiId")
	case os == Bottlerocket:
		m := bottlerocketReleaseRe.FindStringSubmatch(release)
		if m == nil {
			return "", fmt.Errorf("%q is not a Bottlerocket version such as 1.42.0", release)
		}
		return m[1], nil
	default:
		m := eksAMIReleaseRe.FindStringSubmatch(release)
		if m == nil {
			return "", fmt.Errorf("%q is not an EKS AMI release such as v20250704 or 1.33.0-20250704", release)
		}
		return "v" + m[2], nil
	}
}

// amiParameter returns the public SSM parameter that holds the EKS-optimized AMI for s.
func amiParameter(s amiSelector) (string, error) {
	if !k8sVersionRe.MatchString(s.Version) {
		return "", fmt.Errorf("%q is not a Kubernetes minor version such as 1.33", s.Version)
	}
	if err := checkVariant(s.OS, s.Variant, s.Arch); err != nil {
		return "", err
	}
	release := ""
	if s.Release != "" {
		r, err := amiRelease(s.OS, s.Release)
		if err != nil {
			return "", err
		}
		release = r
	}
	v, arch := s.Version, string(s.Arch)
	switch {
	case s.OS == AL2023:
		if release == "" {
			return fmt.Sprintf("/aws/service/eks/optimized-ami/%s/amazon-linux-2023/%s/%s/recommended/image_id", v, arch, s.Variant), nil
		}
		return fmt.Sprintf("/aws/service/eks/optimized-ami/%s/amazon-linux-2023/%s/%s/amazon-eks-node-al2023-%s-%s-%s-%s/image_id",
			v, arch, s.Variant, arch, s.Variant, v, release), nil
	case s.OS == Bottlerocket:
		variant := ""
		if s.Variant != VariantStandard {
			variant = "-" + string(s.Variant)
		}
		if release == "" {
			release = "latest"
		}
		return fmt.Sprintf("/aws/service/bottlerocket/aws-k8s-%s%s/%s/%s/image_id", v, variant, arch, release), nil
	case s.OS.IsWindows():
		year, edition := s.OS.windowsRelease()
		return fmt.Sprintf("/aws/service/ami-windows-latest/Windows_Server-%s-English-%s-EKS_Optimized-%s/image_id", year, edition, v), nil
	case s.OS == AL2:
		if minor, _ := strconv.Atoi(strings.TrimPrefix(v, "1.")); minor > al2LastKubernetesVersion {
			return "", fmt.Errorf("AWS publishes no EKS-optimized AL2 AMIs for Kubernetes %s (AL2 ended with 1.%d); use AL2023 or Bottlerocket", v, al2LastKubernetesVersion)
		}
		dir, node := "amazon-linux-2", "amazon-eks-node"
		switch {
		case s.Variant == VariantNvidia:
			dir, node = "amazon-linux-2-gpu", "amazon-eks-gpu-node"
		case s.Arch == ARM64:
			dir, node = "amazon-linux-2-arm64", "amazon-eks-arm64-node"
		}
		if release == "" {
			return fmt.Sprintf("/aws/service/eks/optimized-ami/%s/%s/recommended/image_id", v, dir), nil
		}
		return fmt.Sprintf("/aws/service/eks/optimized-ami/%s/%s/%s-%s-%s/image_id", v, dir, node, v, release), nil
	}
	return "", fmt.Errorf("no AMI parameter for operating system %q", s.OS)
}

// checkVariant refuses the combinations of OS, variant and architecture AWS does not publish.
func checkVariant(os OperatingSystem, v AMIVariant, arch Architecture) error {
	if os.IsWindows() && arch != X86_64 {
		return fmt.Errorf("windows nodes need an x86_64 instance type, not %s", arch)
	}
	ok := map[OperatingSystem][]AMIVariant{
		AL2023:       {VariantStandard, VariantNvidia, VariantNeuron},
		Bottlerocket: {VariantStandard, VariantNvidia, VariantFips, VariantNvidiaFips},
		AL2:          {VariantStandard, VariantNvidia},
	}[os]
	if os.IsWindows() {
		ok = []AMIVariant{VariantStandard}
	}
	found := false
	for _, a := range ok {
		found = found || a == v
	}
	switch {
	case !found:
		return fmt.Errorf("there is no %s variant of the %s AMI", v, os)
	case v == VariantNeuron && arch != X86_64, os == AL2 && v == VariantNvidia && arch != X86_64:
		return fmt.Errorf("the %s %s AMI exists for x86_64 only, not %s", os, v, arch)
	}
	return nil
}

// amiFor returns the AMI of a node group: the exact amiId, or the value of the EKS-optimized
// AMI's public SSM parameter, read at deploy time.
func amiFor(ctx *pulumi.Context, g *NodeGroup, a NodeGroupArgs) (ami, source pulumi.StringOutput) {
	if given(a.AmiId) {
		return a.AmiId.ToStringOutput(), pulumi.String("amiId").ToStringOutput()
	}
	arch := *a.Architecture // defaulted from the instance type and validated
	path := a.Cluster.Version.ToStringOutput().ApplyT(func(v string) (string, error) {
		return amiParameter(amiSelector{OS: *a.OperatingSystem, Variant: *a.AmiVariant, Version: v, Arch: arch, Release: a.AmiReleaseVersion})
	}).(pulumi.StringOutput)
	// The function's result is secret as a whole because the parameter's value may be; a public
	// AMI ID is not, and the preview should show it.
	result := ssm.LookupParameterOutput(ctx, ssm.LookupParameterOutputArgs{Name: path}, pulumi.Parent(g))
	source = path.ApplyT(func(p string) string { return "ssm:" + p }).(pulumi.StringOutput)
	return pulumi.Unsecret(result.InsecureValue()).(pulumi.StringOutput), source
}
