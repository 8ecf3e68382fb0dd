package nodegroup

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Ports of the rule profiles.
const (
	portHTTPS        = 443
	portKubelet      = 10250
	portDNS          = 53
	portSSH          = 22
	portRDP          = 3389
	portEphemeralMin = 1025
	portEphemeralMax = 65535
)

type peerKind int

const (
	peerSelf peerKind = iota
	peerCluster
	peerCidrIpv4
	peerCidrIpv6
	peerPrefixList
	peerSecurityGroup
)

// rulePlan is one security group rule as eksnodes will create it.
type rulePlan struct {
	Suffix      string // child resource name suffix, stable across reorderings
	Description string
	Protocol    string // tcp, udp, icmp, icmpv6 or -1
	FromPort    *int
	ToPort      *int
	Peer        peerKind
	PeerInput   pulumi.StringInput // CIDR, prefix list or security group ID for the peer kinds that take one
}

func profileRule(suffix, desc, proto string, from, to int, peer peerKind) rulePlan {
	return rulePlan{Suffix: suffix, Description: desc, Protocol: proto, FromPort: &from, ToPort: &to, Peer: peer}
}

// planSecurityGroupRules returns the ingress and egress rules of the node security group.
func planSecurityGroupRules(a NodeSecurityGroupArgs) (ingress, egress []rulePlan) {
	switch *a.RulesProfile {
	case RulesStrict:
		ingress = append(ingress,
			profileRule("ingress-self-dns-tcp", "Node to node DNS (TCP)", "tcp", portDNS, portDNS, peerSelf),
			profileRule("ingress-self-dns-udp", "Node to node DNS (UDP)", "udp", portDNS, portDNS, peerSelf),
			profileRule("ingress-self-kubelet", "Node to node kubelet (metrics-server)", "tcp", portKubelet, portKubelet, peerSelf),
		)
	default:
		ingress = append(ingress,
			rulePlan{Suffix: "ingress-self-all", Description: "Node to node, all traffic", Protocol: "-1", Peer: peerSelf})
	}
	ingress = append(ingress, efaIngressRules(a)...)
	switch {
	case *a.ClusterSecurityGroupTraffic == ClusterTrafficAll:
		ingress = append(ingress, rulePlan{Suffix: "ingress-cluster-all", Description: "Cluster security group (control plane, managed nodes, Fargate) to node, all traffic", Protocol: "-1", Peer: peerCluster})
	case *a.RulesProfile == RulesStrict:
		ingress = append(ingress,
			profileRule("ingress-cluster-https", "Cluster API to node HTTPS (webhooks, metrics)", "tcp", portHTTPS, portHTTPS, peerCluster),
			profileRule("ingress-cluster-kubelet", "Cluster API to node kubelet", "tcp", portKubelet, portKubelet, peerCluster),
			profileRule("ingress-cluster-dns-tcp", "Cluster security group to node DNS (TCP)", "tcp", portDNS, portDNS, peerCluster),
			profileRule("ingress-cluster-dns-udp", "Cluster security group to node DNS (UDP)", "udp", portDNS, portDNS, peerCluster),
		)
	default:
		ingress = append(ingress,
			profileRule("ingress-cluster-https", "Cluster API to node HTTPS (webhooks, metrics)", "tcp", portHTTPS, portHTTPS, peerCluster),
			profileRule("ingress-cluster-ephemeral", "Cluster API to node kubelet and pods, TCP 1025-65535", "tcp", portEphemeralMin, portEphemeralMax, peerCluster),
			profileRule("ingress-cluster-dns-tcp", "Cluster security group to node DNS (TCP)", "tcp", portDNS, portDNS, peerCluster),
			profileRule("ingress-cluster-dns-udp", "Cluster security group to node DNS (UDP)", "udp", portDNS, portDNS, peerCluster),
		)
	}
	for _, p := range a.ExtraClusterIngressPorts {
		ingress = append(ingress, profileRule(fmt.Sprintf("ingress-cluster-%d", p),
			fmt.Sprintf("Cluster API to node TCP %d", p), "tcp", p, p, peerCluster))
	}
	for _, c := range a.SshSourceCidrs {
		ingress = append(ingress, profileRule("ingress-ssh-"+slug(c), "SSH from "+c, "tcp", portSSH, portSSH, peerCidrIpv4))
		ingress[len(ingress)-1].PeerInput = pulumi.String(c)
	}
	sshGroups, _ := arrayElements(a.SshSourceSecurityGroupIds)
	for i, g := range sshGroups {
		// A security group known now names its rule; one that is an output is named by its
		// place in the list.
		suffix, desc := fmt.Sprintf("ingress-ssh-group-%d", i), fmt.Sprintf("SSH from security group %d of sshSourceSecurityGroupIds", i)
		if id, ok := plainString(g); ok {
			suffix, desc = "ingress-ssh-"+slug(id), "SSH from "+id
		}
		ingress = append(ingress, profileRule(suffix, desc, "tcp", portSSH, portSSH, peerSecurityGroup))
		ingress[len(ingress)-1].PeerInput = g
	}
	for _, r := range a.IngressRules {
		ingress = append(ingress, userRule("ingress-rule-", r))
	}
	if a.EgressRules == nil {
		egress = []rulePlan{{Suffix: "egress-all", Description: "Node to anywhere, all traffic", Protocol: "-1", Peer: peerCidrIpv4, PeerInput: pulumi.String("0.0.0.0/0")}}
		if valueOr(a.IpFamily, IPv4) == IPv6 {
			egress = append(egress, rulePlan{Suffix: "egress-all-ipv6", Description: "Node to anywhere over IPv6, all traffic", Protocol: "-1", Peer: peerCidrIpv6, PeerInput: pulumi.String("::/0")})
		}
	}
	for _, r := range a.EgressRules {
		egress = append(egress, userRule("egress-rule-", r))
	}
	if a.EgressRules != nil {
		egress = append(egress, clusterEgressRules(*a.ClusterSecurityGroupTraffic)...)
	}
	egress = append(egress, efaEgressRules(a)...)
	return ingress, egress
}

// clusterIngressRules are the rules added to the cluster security group for the nodes: all
// traffic, or HTTPS to the API server and DNS to CoreDNS on nodes that carry the cluster
// security group.
func clusterIngressRules(traffic ClusterTraffic) []rulePlan {
	if traffic == ClusterTrafficAll {
		return []rulePlan{{Suffix: "cluster-ingress-all", Description: "Node to cluster security group (control plane, managed nodes, Fargate), all traffic", Protocol: "-1", Peer: peerSelf}}
	}
	return []rulePlan{
		profileRule("cluster-ingress-https", "Node to cluster API HTTPS", "tcp", portHTTPS, portHTTPS, peerSelf),
		profileRule("cluster-ingress-dns-tcp", "Node to cluster security group DNS (TCP)", "tcp", portDNS, portDNS, peerSelf),
		profileRule("cluster-ingress-dns-udp", "Node to cluster security group DNS (UDP)", "udp", portDNS, portDNS, peerSelf),
	}
}

// clusterEgressRules are the node security group's egress rules to the cluster security group,
// added when egressRules replace the default egress to anywhere.
func clusterEgressRules(traffic ClusterTraffic) []rulePlan {
	if traffic == ClusterTrafficAll {
		return []rulePlan{{Suffix: "egress-cluster-all", Description: "Node to cluster security group, all traffic", Protocol: "-1", Peer: peerCluster}}
	}
	return []rulePlan{
		profileRule("egress-cluster-https", "Node to cluster API HTTPS", "tcp", portHTTPS, portHTTPS, peerCluster),
		profileRule("egress-cluster-dns-tcp", "Node to cluster security group DNS (TCP)", "tcp", portDNS, portDNS, peerCluster),
		profileRule("egress-cluster-dns-udp", "Node to cluster security group DNS (UDP)", "udp", portDNS, portDNS, peerCluster),
	}
}

func userRule(prefix string, r SecurityGroupRule) rulePlan {
	p := rulePlan{Suffix: prefix + slug(r.Description), Description: r.Description, Protocol: normalizeProtocol(r.Protocol)}
	if p.Protocol != "-1" {
		p.FromPort, p.ToPort = r.FromPort, r.ToPort
		if p.ToPort == nil {
			p.ToPort = p.FromPort
		}
	}
	switch {
	case given(r.CidrIpv4):
		p.Peer, p.PeerInput = peerCidrIpv4, r.CidrIpv4
	case given(r.CidrIpv6):
		p.Peer, p.PeerInput = peerCidrIpv6, r.CidrIpv6
	case given(r.PrefixListId):
		p.Peer, p.PeerInput = peerPrefixList, r.PrefixListId
	default:
		p.Peer, p.PeerInput = peerSecurityGroup, r.SecurityGroupId
	}
	return p
}

var (
	nonSlug = regexp.MustCompile(`[^a-z0-9]+`)
	nonName = regexp.MustCompile(`[^A-Za-z0-9-]+`)
)

// slug turns free text into a stable resource name fragment.
func slug(s string) string {
	out := strings.Trim(nonSlug.ReplaceAllString(strings.ToLower(s), "-"), "-")
	if len(out) > 60 {
		out = strings.TrimRight(out[:60], "-")
	}
	if out == "" {
		out = "rule"
	}
	return out
}

// physicalPrefix returns a name prefix for a physical AWS name, at most max characters long
// including the trailing hyphen, made only of letters, digits and hyphens.
func physicalPrefix(name string, max int) string {
	p := strings.Trim(nonName.ReplaceAllString(name, "-"), "-")
	if len(p) > max-1 {
		p = strings.TrimRight(p[:max-1], "-")
	}
	return p + "-"
}
