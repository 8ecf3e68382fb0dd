package userdata

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestClusterDNSIP(t *testing.T) {
	for cidr, want := range map[string]string{
		"172.20.0.0/16": "172.20.0.10", "10.100.0.0/16": "10.100.0.10", "192.168.4.0/24": "192.168.4.10",
		"10.0.0.0/28": "10.0.0.10",
	} {
		got, err := ClusterDNSIP(cidr)
		if assert.NoError(t, err, cidr) {
			assert.Equal(t, want, got, cidr)
		}
	}
	for _, bad := range []string{"", "172.20.0.0", "fd00::/108", "10.0.0.0/29", "10.0.0.0/32"} {
		_, err := ClusterDNSIP(bad)
		assert.Error(t, err, bad)
	}
}
