package nodegroup

import (
	"testing"

	"github.com/stretchr/testify/assert"
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
		got, err := ArchitectureOf(typ)
		if assert.NoError(t, err, typ) {
			assert.Equal(t, want, got, typ)
		}
	}
	for _, bad := range []string{"", "large", "M7g.large", "m7g", "mac2.metal", "m7g..large", "7m.large"} {
		_, err := ArchitectureOf(bad)
		assert.Error(t, err, bad)
	}
}

func TestAMIParameter(t *testing.T) {
	p, err := AMIParameter(AL2023, "1.33", ARM64)
	assert.NoError(t, err)
	assert.Equal(t, "/aws/service/eks/optimized-ami/1.33/amazon-linux-2023/arm64/standard/recommended/image_id", p)
	_, err = AMIParameter("Plan9", "1.33", X86_64)
	assert.Error(t, err)
}
