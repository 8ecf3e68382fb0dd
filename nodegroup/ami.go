package nodegroup

import (
	"fmt"
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
	f := factsOf(s.OS)
	if last := f.variants[s.Variant].published.last; last != 0 {
		if minor, _ := strconv.Atoi(strings.TrimPrefix(s.Version, "1.")); minor > last {
			return "", fmt.Errorf("AWS publishes no EKS-optimized %s AMIs for Kubernetes %s (they ended with 1.%d); use AL2023 or Bottlerocket", s.OS, s.Version, last)
		}
	}
	return f.parameter(s.Version, s.Arch, s.Variant, release), nil
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
