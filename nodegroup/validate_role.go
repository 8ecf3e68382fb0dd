package nodegroup

import (
	"fmt"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws/arn"
)

// validateNodeRole checks a NodeRole's inputs (after defaults).
func validateNodeRole(a NodeRoleArgs) problems {
	var p problems
	fields := nodeRoleFields(&a)
	checkFields(&p, fields)
	checkPartitions(&p, append(fields, policyFields("additionalPolicyArns", &NodeRoleOptions{AdditionalPolicyArns: a.AdditionalPolicyArns})...))
	checkEnum(&p, "accessEntryType", *a.AccessEntryType, []AccessEntryType{AccessEntryEC2Linux, AccessEntryEC2Windows})
	checkRoleOptions(&p, "", NodeRoleOptions{
		Path: a.Path, AdditionalPolicyArns: a.AdditionalPolicyArns, EnableSsmAccess: a.EnableSsmAccess,
		AttachCniPolicy: a.AttachCniPolicy, EcrPullOnly: a.EcrPullOnly,
	})
	checkTagInput(&p, "tags", a.Tags, true, func(n int) (int, string) { return n, "" })
	return p
}

// nodeRoleFields lists every string Input of a NodeRole with its rule.
func nodeRoleFields(a *NodeRoleArgs) []stringField {
	return []stringField{
		{"clusterName", &a.ClusterName, *a.CreateAccessEntry, " when createAccessEntry is true", checkClusterName},
		{"permissionsBoundary", &a.PermissionsBoundary, false, "", checkPolicyArn},
	}
}

// checkRoleOptions checks the options of a node role. The permissions boundary is a string
// field of its component.
func checkRoleOptions(p *problems, prefix string, o NodeRoleOptions) {
	if !checkBlank(p, prefix+"path", o.Path) && o.Path != "" {
		checkIAMPath(p, prefix+"path", o.Path)
	}
	checkListShape(p, prefix+"additionalPolicyArns", o.AdditionalPolicyArns, "policy attachments")
	checkStringArrayInput(p, prefix+"additionalPolicyArns", o.AdditionalPolicyArns, false, checkPolicyArn, policyListCheck(managedPolicies(valueOr(o.AttachCniPolicy, true), o.EcrPullOnly, o.EnableSsmAccess)))
}

// policyListCheck refuses a policy list that attaches a policy twice: a worker policy (or the
// Session Manager policy when enableSsmAccess is on) that every node role carries already, or
// two ARNs with the same policy name.
func policyListCheck(attached []string) func(p *problems, prop string, arns []string) {
	return func(p *problems, prop string, arns []string) {
		names := map[string]int{}
		for i, s := range arns {
			parsed, err := arn.Parse(s)
			if err != nil {
				continue // refused as an element already
			}
			ep := fmt.Sprintf("%s[%d]", prop, i)
			name := policyNameFromArn(s)
			awsManaged := parsed.AccountID == "aws" && strings.Count(parsed.Resource, "/") == 1
			if awsManaged && slices.Contains(attached, name) {
				p.addf("%s (%q) is attached already by eksnodes (the worker policies, and %s with enableSsmAccess or hardening baseline)", ep, s, SSMPolicy)
			}
			if j, dup := names[strings.ToLower(name)]; dup {
				p.addf("%s (%q) has the same policy name as %s[%d]; attach one of them", ep, s, prop, j)
			} else {
				names[strings.ToLower(name)] = i
			}
		}
	}
}

// checkIdentity validates the node role and security group inputs of a NodeGroup.
func checkIdentity(p *problems, a NodeGroupArgs) {
	hasProfile, hasRole := given(a.InstanceProfileArn), given(a.RoleArn)
	switch {
	case hasProfile && !hasRole:
		p.addf("instanceProfileArn requires roleArn, the role inside the instance profile")
	case hasRole && !hasProfile:
		p.addf("roleArn requires instanceProfileArn: nodes take their role from an instance profile")
	}
	if hasProfile && a.NodeRoleOptions != nil {
		p.addf("nodeRoleOptions conflicts with instanceProfileArn: options apply only to a role eksnodes creates")
	}
	if a.NodeRoleOptions != nil {
		checkRoleOptions(p, "nodeRoleOptions.", *a.NodeRoleOptions)
	}
	if given(a.NodeSecurityGroupId) && a.NodeSecurityGroupOptions != nil {
		p.addf("nodeSecurityGroupOptions conflicts with nodeSecurityGroupId: options apply only to a security group eksnodes creates")
	}
	if a.NodeSecurityGroupOptions != nil {
		checkSecurityGroupOptions(p, "nodeSecurityGroupOptions.", a.NodeSecurityGroupOptions)
	}
}
