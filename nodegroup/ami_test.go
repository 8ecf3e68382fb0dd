package nodegroup

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestArchitectureOf(t *testing.T) {
	for typ, want := range map[string]Architecture{
		"t3.medium": X86_64, "m7i.large": X86_64, "m7i-flex.xlarge": X86_64, "c7a.2xlarge": X86_64,
		"r7iz.large": X86_64, "g4dn.xlarge": X86_64, "g6e.12xlarge": X86_64, "p5.48xlarge": X86_64,
		"inf2.xlarge": X86_64, "trn1.32xlarge": X86_64, "m5zn.large": X86_64, "u-6tb1.metal": X86_64,
		"u7i-12tb.224xlarge": X86_64, "x2iedn.xlarge": X86_64,
		"m7g.large": ARM64, "c6gn.xlarge": ARM64, "t4g.medium": ARM64, "r8g.large": ARM64, "m6gd.large": ARM64,
		"x2gd.medium": ARM64, "is4gen.large": ARM64, "im4gn.large": ARM64, "g5g.xlarge": ARM64,
		"hpc7g.4xlarge": ARM64, "a1.large": ARM64, "c7gn.metal": ARM64,
	} {
		got, known, why := instanceArch(typ)
		if assert.Empty(t, why, typ) && assert.True(t, known, typ) {
			assert.Equal(t, want, got, typ)
		}
	}
	for _, bad := range []string{"", "large", "M7g.large", "m7g", "mac2.metal", "mac2-m2pro.metal", "m7g..large", "7m.large", "m.large", "m7g.", ".large", "m7g.large ", "m7g.LARGE"} {
		_, _, why := instanceArch(bad)
		assert.NotEmpty(t, why, bad)
	}
}

// Every operating system × architecture × variant that AWS publishes maps to its SSM
// parameter, written out here from AWS's documentation rather than computed.
func TestAMIParameterTable(t *testing.T) {
	const eks = "/aws/service/eks/optimized-ami/1.33/"
	const br = "/aws/service/bottlerocket/"
	const win = "/aws/service/ami-windows-latest/Windows_Server-"
	cases := []struct {
		os      OperatingSystem
		variant AMIVariant
		arch    Architecture
		version string
		want    string
	}{
		{AL2023, VariantStandard, X86_64, "1.33", eks + "amazon-linux-2023/x86_64/standard/recommended/image_id"},
		{AL2023, VariantStandard, ARM64, "1.33", eks + "amazon-linux-2023/arm64/standard/recommended/image_id"},
		{AL2023, VariantNvidia, X86_64, "1.33", eks + "amazon-linux-2023/x86_64/nvidia/recommended/image_id"},
		{AL2023, VariantNvidia, ARM64, "1.33", eks + "amazon-linux-2023/arm64/nvidia/recommended/image_id"},
		{AL2023, VariantNeuron, X86_64, "1.33", eks + "amazon-linux-2023/x86_64/neuron/recommended/image_id"},
		{Bottlerocket, VariantStandard, X86_64, "1.33", br + "aws-k8s-1.33/x86_64/latest/image_id"},
		{Bottlerocket, VariantStandard, ARM64, "1.33", br + "aws-k8s-1.33/arm64/latest/image_id"},
		{Bottlerocket, VariantNvidia, X86_64, "1.33", br + "aws-k8s-1.33-nvidia/x86_64/latest/image_id"},
		{Bottlerocket, VariantNvidia, ARM64, "1.33", br + "aws-k8s-1.33-nvidia/arm64/latest/image_id"},
		{Bottlerocket, VariantFips, X86_64, "1.33", br + "aws-k8s-1.33-fips/x86_64/latest/image_id"},
		{Bottlerocket, VariantFips, ARM64, "1.33", br + "aws-k8s-1.33-fips/arm64/latest/image_id"},
		{Windows2019Core, VariantStandard, X86_64, "1.33", win + "2019-English-Core-EKS_Optimized-1.33/image_id"},
		{Windows2019Full, VariantStandard, X86_64, "1.33", win + "2019-English-Full-EKS_Optimized-1.33/image_id"},
		{Windows2022Core, VariantStandard, X86_64, "1.33", win + "2022-English-Core-EKS_Optimized-1.33/image_id"},
		{Windows2022Full, VariantStandard, X86_64, "1.33", win + "2022-English-Full-EKS_Optimized-1.33/image_id"},
		{Windows2025Core, VariantStandard, X86_64, "1.33", win + "2025-English-Core-EKS_Optimized-1.33/image_id"},
		{Windows2025Full, VariantStandard, X86_64, "1.33", win + "2025-English-Full-EKS_Optimized-1.33/image_id"},
		{AL2, VariantStandard, X86_64, "1.32", "/aws/service/eks/optimized-ami/1.32/amazon-linux-2/recommended/image_id"},
		{AL2, VariantStandard, ARM64, "1.32", "/aws/service/eks/optimized-ami/1.32/amazon-linux-2-arm64/recommended/image_id"},
		{AL2, VariantNvidia, X86_64, "1.32", "/aws/service/eks/optimized-ami/1.32/amazon-linux-2-gpu/recommended/image_id"},
	}
	for _, tc := range cases {
		got, err := amiParameter(amiSelector{OS: tc.os, Variant: tc.variant, Version: tc.version, Arch: tc.arch})
		if assert.NoError(t, err, "%s %s %s", tc.os, tc.variant, tc.arch) {
			assert.Equal(t, tc.want, got, "%s %s %s", tc.os, tc.variant, tc.arch)
		}
	}

	// Every OS, variant and architecture combination is either in the table or refused.
	known := map[[3]string]bool{}
	for _, tc := range cases {
		known[[3]string{string(tc.os), string(tc.variant), string(tc.arch)}] = true
	}
	for _, os := range operatingSystems {
		for _, v := range []AMIVariant{VariantStandard, VariantNvidia, VariantNeuron, VariantFips} {
			for _, arch := range []Architecture{X86_64, ARM64} {
				_, err := amiParameter(amiSelector{OS: os, Variant: v, Version: "1.32", Arch: arch})
				if known[[3]string{string(os), string(v), string(arch)}] {
					assert.NoError(t, err, "%s %s %s", os, v, arch)
				} else {
					assert.Error(t, err, "%s %s %s is not published and must be refused", os, v, arch)
				}
			}
		}
	}
}

func TestAMIParameterReleasePinned(t *testing.T) {
	for _, tc := range []struct {
		sel  amiSelector
		want string
	}{
		{amiSelector{OS: AL2023, Variant: VariantStandard, Version: "1.33", Arch: X86_64, Release: "v20250704"},
			"/aws/service/eks/optimized-ami/1.33/amazon-linux-2023/x86_64/standard/amazon-eks-node-al2023-x86_64-standard-1.33-v20250704/image_id"},
		{amiSelector{OS: AL2023, Variant: VariantNvidia, Version: "1.33", Arch: ARM64, Release: "1.33.0-20250704"},
			"/aws/service/eks/optimized-ami/1.33/amazon-linux-2023/arm64/nvidia/amazon-eks-node-al2023-arm64-nvidia-1.33-v20250704/image_id"},
		{amiSelector{OS: Bottlerocket, Variant: VariantStandard, Version: "1.33", Arch: X86_64, Release: "1.42.0"},
			"/aws/service/bottlerocket/aws-k8s-1.33/x86_64/1.42.0/image_id"},
		{amiSelector{OS: Bottlerocket, Variant: VariantFips, Version: "1.33", Arch: ARM64, Release: "v1.42.0"},
			"/aws/service/bottlerocket/aws-k8s-1.33-fips/arm64/1.42.0/image_id"},
		{amiSelector{OS: AL2, Variant: VariantStandard, Version: "1.29", Arch: X86_64, Release: "20240315"},
			"/aws/service/eks/optimized-ami/1.29/amazon-linux-2/amazon-eks-node-1.29-v20240315/image_id"},
		{amiSelector{OS: AL2, Variant: VariantStandard, Version: "1.29", Arch: ARM64, Release: "v20240315"},
			"/aws/service/eks/optimized-ami/1.29/amazon-linux-2-arm64/amazon-eks-arm64-node-1.29-v20240315/image_id"},
		{amiSelector{OS: AL2, Variant: VariantNvidia, Version: "1.29", Arch: X86_64, Release: "v20240315"},
			"/aws/service/eks/optimized-ami/1.29/amazon-linux-2-gpu/amazon-eks-gpu-node-1.29-v20240315/image_id"},
	} {
		got, err := amiParameter(tc.sel)
		require.NoError(t, err, "%+v", tc.sel)
		assert.Equal(t, tc.want, got)
	}
	for _, bad := range []amiSelector{
		{OS: Windows2022Core, Variant: VariantStandard, Version: "1.33", Arch: X86_64, Release: "v20250704"},
		{OS: AL2023, Variant: VariantStandard, Version: "1.33", Arch: X86_64, Release: "latest"},
		{OS: Bottlerocket, Variant: VariantStandard, Version: "1.33", Arch: X86_64, Release: "v20250704"},
		{OS: AL2, Variant: VariantStandard, Version: "1.33", Arch: X86_64},
		{OS: AL2, Variant: VariantStandard, Version: "1.34", Arch: X86_64},
		{OS: AL2023, Variant: VariantStandard, Version: "v1.33", Arch: X86_64},
	} {
		_, err := amiParameter(bad)
		assert.Error(t, err, "%+v", bad)
	}
}
