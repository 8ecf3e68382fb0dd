package fakeaws

import (
	"encoding/json"
	"reflect"
	"strings"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
)

// replaceOnChange lists, per resource type, the inputs AWS cannot change in place: a change
// replaces the resource. They are the ForceNew (SDKv2) / RequiresReplace (plugin framework)
// attributes of the Terraform AWS provider resources that pulumi-aws v6 bridges, checked in
// hashicorp/terraform-provider-aws:
//
//   - aws_iam_role (internal/service/iam/role.go): name, name_prefix, path are ForceNew.
//     assume_role_policy, description, max_session_duration, permissions_boundary, tags are
//     updated in place.
//   - aws_iam_role_policy_attachment (iam/role_policy_attachment.go): role and policy_arn are
//     ForceNew; the resource has no Update at all.
//   - aws_iam_instance_profile (iam/instance_profile.go): name, name_prefix, path are
//     ForceNew; role is updated in place (remove/add role).
//   - aws_eks_access_entry (eks/access_entry.go): cluster_name, principal_arn, type are
//     ForceNew; kubernetes_groups, user_name, tags are updated in place.
//   - aws_security_group (ec2/vpc_security_group.go): description, name, name_prefix, vpc_id
//     are ForceNew (EC2 has no API to change a group's description or VPC).
//   - aws_vpc_security_group_ingress_rule / _egress_rule
//     (ec2/vpc_security_group_ingress_rule.go, shared with egress): security_group_id has
//     RequiresReplace; moreover ModifyPlan requires replacement when the rule's source kind
//     changes (cidr_ipv4 / cidr_ipv6 / prefix_list_id / referenced_security_group_id), see
//     sourceKindChanged. Ports, protocol, description and tags are modified in place.
//   - aws_launch_template (ec2/ec2_launch_template.go): name and name_prefix are ForceNew;
//     every other change creates a new template version (see outputs.go).
//   - aws_autoscaling_group (autoscaling/group.go): name and name_prefix are ForceNew.
//
// pulumi-aws's docs (pulumi.com/registry/packages/aws/api-docs) repeat these as "Changing
// this forces a new resource to be created" where the upstream docs say so.
var replaceOnChange = map[string][]string{
	RoleToken:                 {"name", "namePrefix", "path"},
	RolePolicyAttachmentToken: {"policyArn", "role"},
	// iam/role_policy.go: name, name_prefix and role are ForceNew; policy is updated in place.
	RolePolicyToken:      {"name", "namePrefix", "role"},
	InstanceProfileToken: {"name", "namePrefix", "path"},
	AccessEntryToken:     {"clusterName", "principalArn", "type"},
	SecurityGroupToken:   {"description", "name", "namePrefix", "vpcId"},
	IngressRuleToken:     {"securityGroupId"},
	EgressRuleToken:      {"securityGroupId"},
	LaunchTemplateToken:  {"name", "namePrefix"},
	GroupToken:           {"name", "namePrefix"},
	// autoscaling/lifecycle_hook.go: autoscaling_group_name and name are ForceNew.
	LifecycleHookToken: {"autoscalingGroupName", "name"},
	// ec2/placement_group.go: name, strategy, partition_count and spread_level are ForceNew;
	// only tags change in place.
	PlacementGroupToken: {"name", "partitionCount", "spreadLevel", "strategy"},
}

// ReplaceProperties returns the inputs whose change replaces a resource of the given type.
func ReplaceProperties(token string) []string {
	return append([]string(nil), replaceOnChange[token]...)
}

// unorderedSets are the properties Terraform models as sets (TypeSet): their order carries
// no meaning, so reordering them is no change. Paths omit array indexes.
var unorderedSets = map[string]bool{
	"availabilityZones":                true,
	"enabledMetrics":                   true,
	"kubernetesGroups":                 true,
	"loadBalancers":                    true,
	"managedPolicyArns":                true,
	"networkInterfaces.ipv4Addresses":  true,
	"networkInterfaces.ipv6Addresses":  true,
	"networkInterfaces.securityGroups": true,
	"securityGroupNames":               true,
	"suspendedProcesses":               true,
	"tags":                             true, // Group tags (TF "tag" is a set); maps ignore this
	"targetGroupArns":                  true,
	"vpcSecurityGroupIds":              true,
	"vpcZoneIdentifiers":               true,
	"instanceRefresh.triggers":         true,
}

// jsonStrings are string properties holding JSON documents that Terraform compares by
// meaning (DiffSuppressFunc: SuppressEquivalentPolicyDiffs / JSON normalisation).
var jsonStrings = map[string]bool{"assumeRolePolicy": true, "policy": true}

// diff compares old and new inputs. Identical inputs, including inputs that differ only in
// null versus absent, empty versus absent collections, set order or JSON formatting, give
// no change; computed (unknown) values always count as a change.
func diff(token string, oldInputs, news property.Map, ignore []string) p.DiffResponse {
	replace := map[string]bool{}
	for _, k := range replaceOnChange[token] {
		replace[k] = true
	}
	ignored := map[string]bool{}
	for _, k := range ignore {
		ignored[k] = true
	}
	keys := map[string]bool{}
	for k := range oldInputs.AsMap() {
		keys[k] = true
	}
	for k := range news.AsMap() {
		keys[k] = true
	}
	detailed := map[string]p.PropertyDiff{}
	for _, k := range sortedKeys(keys) {
		if ignored[k] {
			continue
		}
		o, n := oldInputs.Get(k), news.Get(k)
		if equal(k, o, n) {
			continue
		}
		kind := p.Update
		switch {
		case isEmpty(o):
			kind = p.Add
		case isEmpty(n):
			kind = p.Delete
		}
		if replace[k] {
			kind = map[p.DiffKind]p.DiffKind{p.Add: p.AddReplace, p.Delete: p.DeleteReplace, p.Update: p.UpdateReplace}[kind]
		}
		detailed[k] = p.PropertyDiff{Kind: kind, InputDiff: true}
	}
	if token == IngressRuleToken || token == EgressRuleToken {
		if o, n := sourceKind(oldInputs), sourceKind(news); o != n && o != "" && n != "" && n != "?" {
			for _, k := range []string{o, n} {
				d := detailed[k]
				d.InputDiff = true
				d.Kind = map[bool]p.DiffKind{true: p.DeleteReplace, false: p.AddReplace}[k == o]
				detailed[k] = d
			}
		}
	}
	return p.DiffResponse{HasChanges: len(detailed) > 0, DetailedDiff: detailed}
}

// sourceKind returns which peer property a rule uses, "?" when unknown, "" when none.
func sourceKind(m property.Map) string {
	for _, k := range ruleSources {
		if v, ok := m.GetOk(k); ok && v.IsComputed() {
			return "?"
		} else if ok && !v.IsNull() {
			return k
		}
	}
	return ""
}

// isEmpty is true for absent, null, and empty arrays and maps: Terraform stores no
// difference between an unset collection and an empty one.
func isEmpty(v property.Value) bool {
	switch {
	case v.IsNull():
		return true
	case v.IsArray():
		return v.AsArray().Len() == 0
	case v.IsMap():
		return v.AsMap().Len() == 0
	}
	return false
}

// equal compares two values by meaning; path names the property (without array indexes).
func equal(path string, a, b property.Value) bool {
	if a.IsComputed() || b.IsComputed() {
		return false
	}
	if isEmpty(a) || isEmpty(b) {
		return isEmpty(a) && isEmpty(b)
	}
	switch {
	case a.IsString() && b.IsString():
		if a.AsString() == b.AsString() {
			return true
		}
		return jsonStrings[leaf(path)] && sameJSON(a.AsString(), b.AsString())
	case a.IsNumber() && b.IsNumber():
		return a.AsNumber() == b.AsNumber()
	case a.IsBool() && b.IsBool():
		return a.AsBool() == b.AsBool()
	case a.IsMap() && b.IsMap():
		keys := map[string]bool{}
		for k := range a.AsMap().AsMap() {
			keys[k] = true
		}
		for k := range b.AsMap().AsMap() {
			keys[k] = true
		}
		for k := range keys {
			if !equal(path+"."+k, a.AsMap().Get(k), b.AsMap().Get(k)) {
				return false
			}
		}
		return true
	case a.IsArray() && b.IsArray():
		x, y := a.AsArray().AsSlice(), b.AsArray().AsSlice()
		if len(x) != len(y) {
			return false
		}
		if unorderedSets[path] {
			return sameMultiset(path, x, y)
		}
		for i := range x {
			if !equal(path, x[i], y[i]) {
				return false
			}
		}
		return true
	case a.IsResourceReference() && b.IsResourceReference():
		return a.AsResourceReference().Equal(b.AsResourceReference())
	}
	return false
}

// sameMultiset compares two arrays ignoring order.
func sameMultiset(path string, x, y []property.Value) bool {
	used := make([]bool, len(y))
outer:
	for _, a := range x {
		for j, b := range y {
			if !used[j] && equal(path, a, b) {
				used[j] = true
				continue outer
			}
		}
		return false
	}
	return true
}

func leaf(path string) string { return path[strings.LastIndex(path, ".")+1:] }

func sameJSON(a, b string) bool {
	var x, y any
	if json.Unmarshal([]byte(a), &x) != nil || json.Unmarshal([]byte(b), &y) != nil {
		return false
	}
	return reflect.DeepEqual(x, y)
}

// inputsOf keeps the properties of a state that are inputs of the resource type and are
// set in news, for engines that send no old inputs: a state also holds defaults and computed
// values (name, path, ...) that the program never set, which must not read as removals.
func inputsOf(r *resourceSchema, state, news property.Map) property.Map {
	out := map[string]property.Value{}
	for k, v := range state.AsMap() {
		if _, set := news.GetOk(k); set && r.hasInput(k) {
			out[k] = v
		}
	}
	return property.NewMap(out)
}

// diffConfig reports changed provider configuration keys as in-place updates: the fake
// keeps nothing that a configuration change could invalidate.
func diffConfig(olds, news property.Map) p.DiffResponse {
	detailed := map[string]p.PropertyDiff{}
	keys := map[string]bool{}
	for k := range olds.AsMap() {
		keys[k] = true
	}
	for k := range news.AsMap() {
		keys[k] = true
	}
	for _, k := range sortedKeys(keys) {
		if strings.HasPrefix(k, "__") || k == "version" {
			continue
		}
		if !equal(k, olds.Get(k), news.Get(k)) {
			detailed[k] = p.PropertyDiff{Kind: p.Update, InputDiff: true}
		}
	}
	return p.DiffResponse{HasChanges: len(detailed) > 0, DetailedDiff: detailed}
}
