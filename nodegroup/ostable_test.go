package nodegroup

import (
	"strings"
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup/userdata"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every operating system of the enum has one complete description, and every description
// belongs to the enum: adding an operating system is adding a row, and a half-filled row fails
// here rather than at a user's deploy.
func TestOSTableIsComplete(t *testing.T) {
	require.Len(t, osTable, len(operatingSystems))
	for _, os := range operatingSystems {
		f, ok := osTable[os]
		require.True(t, ok, "%s has no row in osTable", os)
		assert.Equal(t, strings.HasPrefix(string(os), "Windows"), f.windows, "%s: windows", os)
		require.Contains(t, f.variants, VariantStandard, "%s: every OS has a standard AMI", os)
		assert.NotNil(t, f.parameter, "%s: parameter", os)
		assert.NotEmpty(t, f.volume.device, "%s: root volume", os)
		assert.Positive(t, f.volume.minSize, "%s: root volume size", os)
		assert.Contains(t, []AccessEntryType{AccessEntryEC2Linux, AccessEntryEC2Windows}, f.entry, "%s: access entry", os)
		for v, vf := range f.variants {
			assert.NotEmpty(t, vf.archs, "%s %s: architectures", os, v)
			assert.Positive(t, vf.published.first, "%s %s: first published minor", os, v)
			assert.NotEmpty(t, vf.published.source, "%s %s: the source of the published range", os, v)
			for _, arch := range vf.archs {
				path := f.parameter("1.33", arch, v, "")
				assert.True(t, strings.HasPrefix(path, "/aws/service/") && strings.HasSuffix(path, "/image_id"), "%s %s %s: %s", os, v, arch, path)
				assert.Contains(t, path, "1.33", "%s %s %s: the parameter names the Kubernetes version", os, v, arch)
			}
		}
		for accel, v := range f.accelerators {
			assert.Contains(t, f.variants, v, "%s: the variant for %v is published", os, accel)
		}
		for _, r := range f.refuses {
			assert.Regexp(t, `^[a-z][A-Za-z]+$`, r.prop, "%s: a refusal names an input", os)
			assert.NotEmpty(t, r.why, "%s: a refusal says what to do instead", os)
		}
		assert.False(t, f.windows && f.ipv6, "%s: EKS Windows nodes are IPv4 only", os)
		assert.NotEmpty(t, f.userData, "%s: user data format", os)
		_, err := userdata.Render(userdata.Input{Format: f.userData, Cluster: userdata.Cluster{Name: "demo",
			Endpoint: "https://ABCDEF.gr7.us-east-1.eks.amazonaws.com", CertificateAuthority: "Q0E=", ServiceCIDR: "172.20.0.0/16"}})
		assert.NoError(t, err, "%s: the format has a renderer", os)
	}
}

// Each hardening step and renderer-specific input belongs to the operating system that has it:
// the table, not a comparison with an OS name, decides.
func TestOSTableDrivesBehaviour(t *testing.T) {
	for os, f := range osTable {
		assert.Equal(t, f.entry, accessEntryTypeFor(os), "%s", os)
		assert.Equal(t, f.volume, rootVolumeFor(os), "%s", os)
		a := withDefaults(&NodeGroupArgs{OperatingSystem: &os, Hardening: Ref(HardeningBaseline)})
		assert.Equal(t, f.hardening.packages, packagesHardened(a), "%s: packages", os)
		_, err := amiRelease(os, "v20250704")
		if f.release == nil {
			assert.ErrorContains(t, err, "no release-pinned parameters", "%s", os)
		}
	}
}
