package nodegroup

import (
	"fmt"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// validateNodeSecurityGroup checks a NodeSecurityGroup's inputs (after defaults).
func validateNodeSecurityGroup(a NodeSecurityGroupArgs) problems {
	var p problems
	checkFields(&p, nodeSecurityGroupFields(&a))
	o := a.options()
	checkSecurityGroupOptions(&p, "", &o)
	checkTagInput(&p, "tags", a.Tags, false, func(n int) (int, string) { return n + 2, "Name and the cluster tag" })
	return p
}

// nodeSecurityGroupFields lists every string Input of a NodeSecurityGroup with its rule.
func nodeSecurityGroupFields(a *NodeSecurityGroupArgs) []stringField {
	f := []stringField{
		{"clusterName", &a.ClusterName, true, "", checkClusterName},
		{"vpcId", &a.VpcId, true, "", checkVPCID},
		{"clusterSecurityGroupId", &a.ClusterSecurityGroupId, true, "", checkSGID},
	}
	f = append(f, ruleFields("ingressRules", a.IngressRules, true)...)
	return append(f, ruleFields("egressRules", a.EgressRules, false)...)
}

// options returns the arguments' rule options, sharing their slices.
func (a NodeSecurityGroupArgs) options() NodeSecurityGroupOptions {
	return NodeSecurityGroupOptions{
		RulesProfile: a.RulesProfile, ExtraClusterIngressPorts: a.ExtraClusterIngressPorts,
		IngressRules: a.IngressRules, EgressRules: a.EgressRules,
		SshSourceCidrs: a.SshSourceCidrs, SshSourceSecurityGroupIds: a.SshSourceSecurityGroupIds,
		ClusterSecurityGroupTraffic: a.ClusterSecurityGroupTraffic, ClusterTag: a.ClusterTag,
	}
}

func checkSecurityGroupOptions(p *problems, prefix string, o *NodeSecurityGroupOptions) {
	profile := valueOr(o.RulesProfile, RulesDefault)
	profileOK := checkEnum(p, prefix+"rulesProfile", profile, []RulesProfile{RulesDefault, RulesStrict})
	if t := o.ClusterSecurityGroupTraffic; t != nil && !checkEnum(p, prefix+"clusterSecurityGroupTraffic", *t, []ClusterTraffic{ClusterTrafficAll, ClusterTrafficMinimal}) {
		profileOK = false
	}
	seen := map[int]bool{}
	for i, port := range o.ExtraClusterIngressPorts {
		prop := fmt.Sprintf("%sextraClusterIngressPorts[%d]", prefix, i)
		switch {
		case port < 1 || port > 65535:
			p.addf("%s (%d) must be a port between 1 and 65535", prop, port)
		case seen[port]:
			p.addf("%s (%d) is listed more than once", prop, port)
		case !profileOK:
		case valueOr(o.ClusterSecurityGroupTraffic, ClusterTrafficAll) == ClusterTrafficAll:
			// Open already, but kept as its own rule: it stays open if the traffic is narrowed.
		case port == portHTTPS,
			profile == RulesStrict && port == portKubelet,
			profile != RulesStrict && port >= portEphemeralMin:
			p.addf("%s (%d) is already open from the cluster security group in the %s profile", prop, port, profile)
		}
		seen[port] = true
	}
	checkDuplicates(p, prefix+"sshSourceCidrs", o.SshSourceCidrs)
	for i, c := range o.SshSourceCidrs {
		prop := fmt.Sprintf("%ssshSourceCidrs[%d]", prefix, i)
		if checkBlank(p, prop, c) {
			continue
		}
		var sub problems
		checkCIDR4(&sub, prop, c)
		*p = append(*p, sub...)
		if len(sub) == 0 && isWideOpen(c) {
			p.addf("%s (%q): SSH from the internet is refused; name the networks that need it, or use Session Manager", prop, c)
		}
	}
	checkListShape(p, prefix+"sshSourceSecurityGroupIds", o.SshSourceSecurityGroupIds, "SSH rules")
	checkStringArrayInput(p, prefix+"sshSourceSecurityGroupIds", o.SshSourceSecurityGroupIds, false, checkSGID,
		func(p *problems, prop string, ids []string) { checkDuplicates(p, prop, ids) })
	checkRules(p, prefix+"ingressRules", o.IngressRules)
	checkRules(p, prefix+"egressRules", o.EgressRules)
	if o.EgressRules != nil && len(o.EgressRules) == 0 {
		p.addf("%segressRules is an empty list: nodes without egress reach nothing (not the API server, ECR, S3 or STS) and never join; leave egressRules unset for the default (all traffic to anywhere) or list the rules", prefix)
	}
}

// normalizeProtocol maps the spellings AWS accepts for a rule's protocol (names in any case,
// protocol numbers, "all") to the canonical one; an unknown protocol is returned as given.
func normalizeProtocol(p string) string {
	switch strings.ToLower(p) {
	case "all", "-1":
		return "-1"
	case "tcp", "6":
		return "tcp"
	case "udp", "17":
		return "udp"
	case "icmp", "1":
		return "icmp"
	case "icmpv6", "58":
		return "icmpv6"
	default:
		return p
	}
}

// admitsRemoteLogin reports whether a rule lets in SSH (TCP 22), RDP (TCP or UDP 3389) or
// all traffic.
func admitsRemoteLogin(r SecurityGroupRule) bool {
	proto := normalizeProtocol(r.Protocol)
	if proto == "-1" {
		return true
	}
	if r.FromPort == nil {
		return false
	}
	from, to := *r.FromPort, valueOr(r.ToPort, *r.FromPort)
	in := func(port int) bool { return from <= port && port <= to }
	return (proto == "tcp" && (in(portSSH) || in(portRDP))) || (proto == "udp" && in(portRDP))
}

// ruleFields lists the peers of rules as string fields. Ingress CIDRs are also checked for
// remote login from the internet, whichever way the CIDR is spelled.
func ruleFields(prop string, rules []SecurityGroupRule, ingress bool) []stringField {
	var out []stringField
	for i := range rules {
		r := &rules[i]
		rp := fmt.Sprintf("%s[%d]", prop, i)
		open := ingress && admitsRemoteLogin(*r)
		desc := describeRule(*r) // now: a deploy-time check must not read the rule the guards rewrite
		cidr := func(base stringCheck) stringCheck {
			return func(p *problems, prop, s string) {
				var sub problems
				base(&sub, prop, s)
				*p = append(*p, sub...)
				if len(sub) == 0 && open && isWideOpen(s) {
					p.addf("%s (%q): %s from the internet is refused (SSH, RDP and all traffic stay closed to it); name the networks that need it, or use Session Manager", prop, s, desc)
				}
			}
		}
		out = append(out,
			stringField{rp + ".cidrIpv4", &r.CidrIpv4, false, "", cidr(checkCIDR4)},
			stringField{rp + ".cidrIpv6", &r.CidrIpv6, false, "", cidr(checkCIDR6)},
			stringField{rp + ".prefixListId", &r.PrefixListId, false, "", checkPrefixID},
			stringField{rp + ".securityGroupId", &r.SecurityGroupId, false, "", checkSGID},
		)
	}
	return out
}

// describeRule names what a rule admits: "all traffic", "tcp 22" or "tcp 0-65535".
func describeRule(r SecurityGroupRule) string {
	proto := normalizeProtocol(r.Protocol)
	if proto == "-1" || r.FromPort == nil {
		return "all traffic"
	}
	return proto + " " + portRange(*r.FromPort, valueOr(r.ToPort, *r.FromPort))
}

func checkRules(p *problems, prop string, rules []SecurityGroupRule) {
	descriptions := map[string]int{}
	for i, r := range rules {
		rp := fmt.Sprintf("%s[%d]", prop, i)
		switch {
		case r.Description == "" || isBlank(r.Description):
			p.addf("%s.description is required: every rule says what it is for", rp)
		case len(r.Description) > 255:
			p.addf("%s.description must be at most 255 characters", rp)
		case !sgDescriptonRe.MatchString(r.Description):
			p.addf("%s.description (%q) may only use letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*", rp, r.Description)
		default:
			s := slug(r.Description)
			if j, dup := descriptions[s]; dup {
				p.addf("%s.description (%q) must differ from %s[%d].description: descriptions name the rules", rp, r.Description, prop, j)
			}
			descriptions[s] = i
		}
		switch proto := normalizeProtocol(r.Protocol); proto {
		case "tcp", "udp":
			if r.FromPort == nil {
				p.addf("%s.fromPort is required for protocol %s", rp, proto)
				break
			}
			from, to := *r.FromPort, valueOr(r.ToPort, *r.FromPort)
			switch {
			case from < 0 || from > 65535:
				p.addf("%s.fromPort (%d) must be between 0 and 65535", rp, from)
			case to < 0 || to > 65535:
				p.addf("%s.toPort (%d) must be between 0 and 65535", rp, to)
			case to < from:
				p.addf("%s.toPort (%d) must be >= fromPort (%d)", rp, to, from)
			}
		case "icmp", "icmpv6":
			checkIntPtr(p, rp+".fromPort", r.FromPort, -1, 255, "(the ICMP type, -1 for all)")
			checkIntPtr(p, rp+".toPort", r.ToPort, -1, 255, "(the ICMP code, -1 for all)")
		case "-1":
			if r.FromPort != nil || r.ToPort != nil {
				p.addf("%s: fromPort and toPort are not allowed with protocol -1 (all traffic)", rp)
			}
		default:
			p.addf("%s.protocol (%q) must be one of: tcp, udp, icmp, icmpv6, -1 (all traffic), or their protocol numbers 6, 17, 1, 58", rp, r.Protocol)
		}
		var peers []string
		for _, peer := range []struct {
			name string
			in   pulumi.StringInput
		}{{"cidrIpv4", r.CidrIpv4}, {"cidrIpv6", r.CidrIpv6}, {"prefixListId", r.PrefixListId}, {"securityGroupId", r.SecurityGroupId}} {
			if given(peer.in) {
				peers = append(peers, peer.name)
			}
		}
		if len(peers) != 1 {
			p.addf("%s must set exactly one of cidrIpv4, cidrIpv6, prefixListId and securityGroupId (it sets %d)", rp, len(peers))
		}
	}
}
