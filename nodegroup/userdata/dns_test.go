package userdata

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestClusterDNSIP(t *testing.T) {
	for cidr, want := range map[string]string{
		"172.20.0.0/16": "172.20.0.10", "10.100.0.0/16": "10.100.0.10", "192.168.4.0/24": "192.168.4.10",
		"10.0.0.0/28": "10.0.0.10",
		// IPv6 clusters: the kube-dns service is the service prefix's ::a (EKS IPv6 docs).
		"fd30:1c53:5f8::/108": "fd30:1c53:5f8::a", "fdab:cdef:1234::/108": "fdab:cdef:1234::a",
		"fd00:1:2:3:4:5:6:0/124": "fd00:1:2:3:4:5:6:a",
	} {
		got, err := ClusterDNSIP(cidr)
		if assert.NoError(t, err, cidr) {
			assert.Equal(t, want, got, cidr)
		}
	}
	for _, bad := range []string{"", "172.20.0.0", "::ffff:10.0.0.0/104", "fd00::/125", "10.0.0.0/29", "10.0.0.0/32"} {
		_, err := ClusterDNSIP(bad)
		assert.Error(t, err, bad)
	}
}
