package nodegroup

import (
	"fmt"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ssm"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"regexp"
	"strconv"
	"strings"
)

// Architecture is a CPU architecture of EKS-optimized AMIs.
type Architecture string

// CPU architectures.
const (
	X86_64 Architecture = "x86_64"
	ARM64  Architecture = "arm64"
)

// familyRe splits an instance family such as m7gd into series (m), generation (7) and
// attributes (gd).
var familyRe = regexp.MustCompile(`^([a-z]+)([0-9]+)([a-z-]*)$`)

// ArchitectureOf infers the CPU architecture from an EC2 instance type. Graviton families
// carry the processor letter g right after the generation digit (m7g, c6gn, t4g, g5g, x2gd,
// is4gen); a1 is the first-generation Graviton. Every other family is x86_64.
func ArchitectureOf(instanceType string) (Architecture, error) {
	if !instanceTypeRe.MatchString(instanceType) {
		return "", fmt.Errorf("%q is not an EC2 instance type such as m7i.large", instanceType)
	}
	family, _, _ := strings.Cut(instanceType, ".")
	if strings.HasPrefix(family, "u-") || strings.HasPrefix(family, "u7") {
		return X86_64, nil // high-memory instances
	}
	m := familyRe.FindStringSubmatch(family)
	if m == nil {
		return "", fmt.Errorf("%q is not an EC2 instance type such as m7i.large", instanceType)
	}
	if gen, _ := strconv.Atoi(m[2]); m[1] == "a" && gen == 1 {
		return ARM64, nil
	}
	if m[1] == "mac" {
		return "", fmt.Errorf("%q is a Mac instance, which cannot run EKS nodes", instanceType)
	}
	if len(m[3]) > 0 && m[3][0] == 'g' {
		return ARM64, nil
	}
	return X86_64, nil
}

// AMIParameter returns the public SSM parameter that holds the recommended EKS-optimized AMI
// for an operating system, Kubernetes minor version and architecture.
func AMIParameter(os OperatingSystem, version string, arch Architecture) (string, error) {
	switch os {
	case AL2023:
		return fmt.Sprintf("/aws/service/eks/optimized-ami/%s/amazon-linux-2023/%s/standard/recommended/image_id", version, arch), nil
	}
	return "", fmt.Errorf("no AMI parameter for operating system %q", os)
}

// amiFor returns the AMI of a node group: the exact amiId, or the value of the recommended
// AMI's public SSM parameter, read at deploy time.
func amiFor(ctx *pulumi.Context, g *NodeGroup, a NodeGroupArgs) pulumi.StringOutput {
	if a.AmiId != nil {
		return a.AmiId.ToStringOutput()
	}
	arch, _ := ArchitectureOf(a.InstanceType) // validated already
	path := a.Cluster.Version.ToStringOutput().ApplyT(func(v string) (string, error) {
		return AMIParameter(*a.OperatingSystem, v, arch)
	}).(pulumi.StringOutput)
	// The function's result is secret as a whole because the parameter's value may be; a public
	// AMI ID is not, and the preview should show it.
	result := ssm.LookupParameterOutput(ctx, ssm.LookupParameterOutputArgs{Name: path}, pulumi.Parent(g))
	return pulumi.Unsecret(result.InsecureValue()).(pulumi.StringOutput)
}
