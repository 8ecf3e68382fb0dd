package nodegroup

import (
	"fmt"
	"slices"
	"strings"
)

// validateNodeRole checks a NodeRole's inputs (after defaults).
func validateNodeRole(a NodeRoleArgs) problems {
	var p problems
	if *a.CreateAccessEntry {
		if isNilInput(a.ClusterName) {
			p.addf("clusterName is required when createAccessEntry is true")
		} else if s, ok := knownString(a.ClusterName); ok {
			checkClusterName(&p, "clusterName", s)
		}
	}
	if !slices.Contains([]AccessEntryType{AccessEntryEC2Linux, AccessEntryEC2Windows}, *a.AccessEntryType) {
		p.addf("accessEntryType (%q) must be EC2_LINUX or EC2_WINDOWS", *a.AccessEntryType)
	}
	checkRoleOptions(&p, "", NodeRoleOptions{
		Path: a.Path, PermissionsBoundary: a.PermissionsBoundary,
		AdditionalPolicyArns: a.AdditionalPolicyArns,
	})
	checkTags(&p, "tags", a.Tags)
	return p
}

func checkRoleOptions(p *problems, prefix string, o NodeRoleOptions) {
	if o.Path != "" && (!iamPathRe.MatchString(o.Path) || len(o.Path) > 512) {
		p.addf("%spath (%q) must start and end with / and use printable ASCII, at most 512 characters", prefix, o.Path)
	}
	if s, ok := knownString(o.PermissionsBoundary); ok && !policyArnRe.MatchString(s) {
		p.addf("%spermissionsBoundary (%q) must be an IAM policy ARN", prefix, s)
	}
	names := map[string]string{}
	for i, arn := range o.AdditionalPolicyArns {
		prop := fmt.Sprintf("%sadditionalPolicyArns[%d]", prefix, i)
		if !policyArnRe.MatchString(arn) {
			p.addf("%s (%q) must be an IAM policy ARN such as arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore", prop, arn)
			continue
		}
		n := policyNameFromArn(arn)
		if slices.Contains(WorkerPolicies, n) && strings.Contains(arn, ":iam::aws:policy/") {
			p.addf("%s (%q) is attached already: every node role carries the three EKS worker policies", prop, arn)
		}
		if n == SSMPolicy && o.EnableSsmAccess && strings.Contains(arn, ":iam::aws:policy/") {
			p.addf("%s (%q) is attached already by enableSsmAccess", prop, arn)
		}
		if prev, dup := names[n]; dup {
			p.addf("%s (%q) has the same policy name as %q; attach one of them", prop, arn, prev)
		}
		names[n] = arn
	}
}

// validateNodeSecurityGroup checks a NodeSecurityGroup's inputs (after defaults).
func validateNodeSecurityGroup(a NodeSecurityGroupArgs) problems {
	var p problems
	if isNilInput(a.ClusterName) {
		p.addf("clusterName is required")
	}
	if isNilInput(a.VpcId) {
		p.addf("vpcId is required")
	} else if s, ok := knownString(a.VpcId); ok && !vpcIDRe.MatchString(s) {
		p.addf("vpcId (%q) must be a VPC ID such as vpc-0123456789abcdef0", s)
	}
	if isNilInput(a.ClusterSecurityGroupId) {
		p.addf("clusterSecurityGroupId is required")
	} else if s, ok := knownString(a.ClusterSecurityGroupId); ok && !sgIDRe.MatchString(s) {
		p.addf("clusterSecurityGroupId (%q) must be a security group ID such as sg-0123456789abcdef0", s)
	}
	checkSecurityGroupOptions(&p, "", NodeSecurityGroupOptions{
		RulesProfile: a.RulesProfile, ExtraClusterIngressPorts: a.ExtraClusterIngressPorts,
		IngressRules: a.IngressRules, EgressRules: a.EgressRules,
		SshSourceCidrs: a.SshSourceCidrs, SshSourceSecurityGroupIds: a.SshSourceSecurityGroupIds,
	})
	checkTags(&p, "tags", a.Tags)
	return p
}

func checkSecurityGroupOptions(p *problems, prefix string, o NodeSecurityGroupOptions) {
	profile := valueOr(o.RulesProfile, RulesDefault)
	switch profile {
	case RulesDefault, RulesStrict:
	default:
		p.addf("%srulesProfile (%q) must be default or strict", prefix, profile)
	}
	seen := map[int]bool{}
	for i, port := range o.ExtraClusterIngressPorts {
		prop := fmt.Sprintf("%sextraClusterIngressPorts[%d]", prefix, i)
		switch {
		case port < 1 || port > 65535:
			p.addf("%s (%d) must be a port between 1 and 65535", prop, port)
		case seen[port]:
			p.addf("%s (%d) is listed more than once", prop, port)
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
		if c == "0.0.0.0/0" {
			p.addf("%s: SSH from anywhere (0.0.0.0/0) is refused; name the networks that need it, or use Session Manager", prop)
			continue
		}
		checkCIDR4(p, prop, c)
	}
	checkDuplicates(p, prefix+"sshSourceSecurityGroupIds", o.SshSourceSecurityGroupIds)
	for i, g := range o.SshSourceSecurityGroupIds {
		if !sgIDRe.MatchString(g) {
			p.addf("%ssshSourceSecurityGroupIds[%d] (%q) must be a security group ID such as sg-0123456789abcdef0", prefix, i, g)
		}
	}
	checkRules(p, prefix+"ingressRules", o.IngressRules)
	checkRules(p, prefix+"egressRules", o.EgressRules)
}

func checkRules(p *problems, prop string, rules []SecurityGroupRule) {
	slugs := map[string]int{}
	for i, r := range rules {
		rp := fmt.Sprintf("%s[%d]", prop, i)
		switch {
		case r.Description == "":
			p.addf("%s.description is required: every rule says what it is for", rp)
		case len(r.Description) > 255:
			p.addf("%s.description must be at most 255 characters", rp)
		case !sgDescriptionRe.MatchString(r.Description):
			p.addf("%s.description (%q) may only use letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*", rp, r.Description)
		}
		if r.Description != "" {
			s := slug(r.Description)
			if j, dup := slugs[s]; dup {
				p.addf("%s.description (%q) must differ from %s[%d].description: descriptions name the rules", rp, r.Description, prop, j)
			}
			slugs[s] = i
		}
		proto := normalizeProtocol(r.Protocol)
		switch proto {
		case "tcp", "udp":
			if r.FromPort == nil {
				p.addf("%s.fromPort is required for protocol %s", rp, proto)
				break
			}
			to := valueOr(r.ToPort, *r.FromPort)
			if *r.FromPort < 0 || *r.FromPort > 65535 || to < 0 || to > 65535 {
				p.addf("%s ports (%d-%d) must be between 0 and 65535", rp, *r.FromPort, to)
			} else if to < *r.FromPort {
				p.addf("%s.toPort (%d) must be >= fromPort (%d)", rp, to, *r.FromPort)
			}
		case "icmp", "icmpv6":
			for _, port := range []*int{r.FromPort, r.ToPort} {
				if port != nil && (*port < -1 || *port > 255) {
					p.addf("%s ICMP type and code must be between -1 and 255", rp)
					break
				}
			}
		case "-1":
			if r.FromPort != nil || r.ToPort != nil {
				p.addf("%s: fromPort and toPort are not allowed with protocol -1 (all traffic)", rp)
			}
		default:
			p.addf("%s.protocol (%q) must be tcp, udp, icmp, icmpv6 or -1", rp, r.Protocol)
		}
		var peers []string
		if r.CidrIpv4 != "" {
			peers = append(peers, "cidrIpv4")
			checkCIDR4(p, rp+".cidrIpv4", r.CidrIpv4)
		}
		if r.CidrIpv6 != "" {
			peers = append(peers, "cidrIpv6")
			checkCIDR6(p, rp+".cidrIpv6", r.CidrIpv6)
		}
		if r.PrefixListId != "" {
			peers = append(peers, "prefixListId")
			if !prefixListRe.MatchString(r.PrefixListId) {
				p.addf("%s.prefixListId (%q) must be a prefix list ID such as pl-0123456789abcdef0", rp, r.PrefixListId)
			}
		}
		if r.SecurityGroupId != "" {
			peers = append(peers, "securityGroupId")
			if !sgIDRe.MatchString(r.SecurityGroupId) {
				p.addf("%s.securityGroupId (%q) must be a security group ID such as sg-0123456789abcdef0", rp, r.SecurityGroupId)
			}
		}
		if len(peers) != 1 {
			p.addf("%s must set exactly one of cidrIpv4, cidrIpv6, prefixListId and securityGroupId (it sets %d)", rp, len(peers))
		}
	}
}
