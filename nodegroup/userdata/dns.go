package userdata

import (
	"fmt"
	"net"
)

// ClusterDNSIP returns the cluster DNS service address EKS uses: the service CIDR's network
// address plus 10 (172.20.0.10 for 172.20.0.0/16).
func ClusterDNSIP(serviceCIDR string) (string, error) {
	_, n, err := net.ParseCIDR(serviceCIDR)
	if err != nil || n.IP.To4() == nil {
		return "", fmt.Errorf("service CIDR %q is not an IPv4 CIDR", serviceCIDR)
	}
	ones, bits := n.Mask.Size()
	if bits-ones < 4 {
		return "", fmt.Errorf("service CIDR %q is too small to hold the DNS address (network + 10)", serviceCIDR)
	}
	ip := n.IP.To4()
	out := net.IPv4(ip[0], ip[1], ip[2], ip[3]+10)
	return out.String(), nil
}
