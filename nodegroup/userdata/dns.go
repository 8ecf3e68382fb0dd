package userdata

import (
	"fmt"
	"net/netip"
)

// ClusterDNSIP returns the cluster DNS service address EKS uses: the service CIDR's network
// address plus 10 (172.20.0.10 for 172.20.0.0/16; fd30:1c53:5f8::a for fd30:1c53:5f8::/108 in an
// IPv6 cluster).
func ClusterDNSIP(serviceCIDR string) (string, error) {
	pfx, err := netip.ParsePrefix(serviceCIDR)
	if err != nil || pfx.Addr().Is4In6() || pfx.Addr().Zone() != "" {
		return "", fmt.Errorf("service CIDR %q is not an IPv4 or IPv6 CIDR", serviceCIDR)
	}
	pfx = pfx.Masked()
	if pfx.Addr().BitLen()-pfx.Bits() < 4 {
		return "", fmt.Errorf("service CIDR %q is too small to hold the DNS address (network + 10)", serviceCIDR)
	}
	b := pfx.Addr().AsSlice()
	b[len(b)-1] += 10 // the low 4 bits are zero in a network of at least 16 addresses
	addr, _ := netip.AddrFromSlice(b)
	return addr.String(), nil
}

// IsIPv6 reports whether a service CIDR is an IPv6 one (an IPv6 cluster).
func IsIPv6(serviceCIDR string) bool {
	pfx, err := netip.ParsePrefix(serviceCIDR)
	return err == nil && pfx.Addr().Is6() && !pfx.Addr().Is4In6()
}
