package nodegroup

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Tag keys eksnodes manages itself.
const (
	clusterTagPrefix         = "kubernetes.io/cluster/"
	autoscalerTagPrefix      = "k8s.io/cluster-autoscaler/"
	autoscalerEnabledTag     = "k8s.io/cluster-autoscaler/enabled"
	autoscalerLabelTagPrefix = "k8s.io/cluster-autoscaler/node-template/label/"
	autoscalerTaintTagPrefix = "k8s.io/cluster-autoscaler/node-template/taint/"
	ownedTagValue            = "owned"
	terminationHandlerTag    = "aws-node-termination-handler/managed"
	maxTags                  = 50 // per resource, for EC2, Auto Scaling, IAM and EKS alike
)

// iamTagRe is what IAM and EKS accept in tag keys and values (EC2 and Auto Scaling accept any
// UTF-8): letters, digits, white space and _ . : / = + - @.
var iamTagRe = lazyRegexp(`^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$`)

// clusterTagKey returns the tag key that marks a resource as belonging to a cluster.
func clusterTagKey(clusterName string) string { return clusterTagPrefix + clusterName }

// checkTagKey checks one tag key; iam applies IAM's and EKS's character rules too.
func checkTagKey(p *problems, prop, k string, iam bool) {
	switch {
	case k == "" || utf8.RuneCountInString(k) > 128:
		p.addf("%s: the key %q must be 1-128 characters", prop, k)
	case !utf8.ValidString(k):
		p.addf("%s: the key %q is not valid UTF-8", prop, k)
	case strings.HasPrefix(strings.ToLower(k), "aws:"):
		p.addf("%s: the key %q uses the aws: prefix, which AWS reserves", prop, k)
	case strings.HasPrefix(k, clusterTagPrefix), strings.HasPrefix(k, autoscalerTagPrefix):
		p.addf("%s: the key %q is managed by eksnodes", prop, k)
	case iam && !iamTagRe.MatchString(k):
		p.addf("%s: the key %q may only hold letters, digits, spaces and _ . : / = + - @ (the node role, its instance profile and its access entry are tagged too)", prop, k)
	}
}

// checkTagValue checks one tag value.
func checkTagValue(iam bool) stringCheck {
	return func(p *problems, prop, v string) {
		switch {
		case utf8.RuneCountInString(v) > 256:
			p.addf("%s must be at most 256 characters", prop)
		case !utf8.ValidString(v):
			p.addf("%s (%q) is not valid UTF-8", prop, v)
		case iam && !iamTagRe.MatchString(v):
			p.addf("%s (%q) may only hold letters, digits, spaces and _ . : / = + - @ (the node role, its instance profile and its access entry are tagged too)", prop, v)
		}
	}
}

// checkTagInput checks user tags: every key and known value now, the rest when they resolve.
// count returns the number of tags the most tagged resource carries, and what eksnodes adds.
func checkTagInput(p *problems, prop string, tags pulumi.StringMapInput, iam bool, count func(user int) (int, string)) {
	switch classify(tags) {
	case inputAbsent, inputUnknown:
		return
	case inputBroken:
		p.addf("%s is a zero Output (such as pulumi.StringMapOutput{}), which never has a value", prop)
		return
	}
	m, ok := mapEntries(tags)
	if !ok {
		return
	}
	check := checkTagValue(iam)
	for _, k := range slices.Sorted(maps.Keys(m)) {
		kp := fmt.Sprintf("%s[%q]", prop, k)
		checkTagKey(p, kp, k, iam)
		switch classify(m[k]) {
		case inputAbsent:
			p.addf("%s is nil", kp)
		case inputBroken, inputKnown:
			// An empty value is a valid tag value.
			if v, ok := plainString(m[k]); ok && v == "" {
				continue
			}
			checkStringInput(p, kp, m[k], false, "", check)
		}
	}
	if n, what := count(len(m)); n > maxTags {
		if what != "" {
			what = " (" + what + ")"
		}
		p.addf("%s: %d tags would be set%s; AWS allows %d per resource", prop, n, what, maxTags)
	}
}

// guardTags returns tags whose values that are outputs are checked when they arrive; a map
// that is an output as a whole is checked entirely then.
func guardTags(token, name, prop string, tags pulumi.StringMapInput, iam bool) pulumi.StringMapInput {
	check := checkTagValue(iam)
	switch classify(tags) {
	case inputUnknown:
		return tags.ToStringMapOutput().ApplyT(func(m map[string]string) (map[string]string, error) {
			var p problems
			for _, k := range slices.Sorted(maps.Keys(m)) {
				kp := fmt.Sprintf("%s[%q]", prop, k)
				checkTagKey(&p, kp, k, iam)
				check(&p, kp, m[k])
			}
			if len(m) > maxTags {
				p.addf("%s: %d tags; AWS allows %d per resource", prop, len(m), maxTags)
			}
			return m, p.err(token, name)
		}).(pulumi.StringMapOutput)
	case inputKnown:
		m, ok := mapEntries(tags)
		if !ok {
			return tags
		}
		out := pulumi.StringMap{}
		for k, v := range m {
			out[k] = v
			if classify(v) == inputUnknown {
				kp := fmt.Sprintf("%s[%q]", prop, k)
				out[k] = v.ToStringOutput().ApplyT(func(s string) (string, error) {
					var p problems
					check(&p, kp, s)
					return s, p.err(token, name)
				}).(pulumi.StringOutput)
			}
		}
		return out
	}
	return tags
}

// nodeTags returns the tags of a resource that belongs to the cluster: the user's tags, a Name
// tag (unless the user set one) and kubernetes.io/cluster/<name>=owned.
func nodeTags(clusterName, name string, user map[string]string) map[string]string {
	out := map[string]string{"Name": name}
	for k, v := range user {
		out[k] = v
	}
	out[clusterTagKey(clusterName)] = ownedTagValue
	return out
}

// userTags resolves the user's tags (none when not given).
func userTags(tags pulumi.StringMapInput) pulumi.StringMapOutput {
	if !given(tags) {
		return pulumi.StringMap{}.ToStringMapOutput()
	}
	return tags.ToStringMapOutput()
}

// resourceTags is nodeTags for values known only at deploy time.
func resourceTags(clusterName pulumi.StringOutput, name string, user pulumi.StringMapInput) pulumi.StringMapOutput {
	return pulumi.All(clusterName, userTags(user)).ApplyT(func(v []any) map[string]string {
		return nodeTags(str(v[0]), name, strMap(v[1]))
	}).(pulumi.StringMapOutput)
}

// securityGroupTags is resourceTags without the cluster tag when clusterTag is false.
func securityGroupTags(clusterName pulumi.StringOutput, name string, user pulumi.StringMapInput, clusterTag bool) pulumi.StringMapOutput {
	return pulumi.All(clusterName, userTags(user)).ApplyT(func(v []any) map[string]string {
		tags := nodeTags(str(v[0]), name, strMap(v[1]))
		if !clusterTag {
			delete(tags, clusterTagKey(str(v[0])))
		}
		return tags
	}).(pulumi.StringMapOutput)
}

// tagsInput returns user tags as an input, or nil when there are none: an empty map would
// differ from what AWS reports back and show as a change on every preview.
func tagsInput(tags pulumi.StringMapInput) pulumi.StringMapInput {
	if !given(tags) {
		return nil
	}
	if m, ok := mapEntries(tags); ok && len(m) == 0 {
		return nil
	}
	return tags
}

// asgTag is one Auto Scaling group tag.
type asgTag struct {
	Key               string
	Value             string
	PropagateAtLaunch bool
}

// asgTags returns the Auto Scaling group's tags, sorted by key: the node tags propagated to
// instances at launch, and, with autoscaler tags on, the discovery and node-template tags
// (not propagated).
func asgTags(clusterName, name string, user map[string]string, a NodeGroupArgs) []asgTag {
	var out []asgTag
	tags := nodeTags(clusterName, name, user)
	if _, set := user[terminationHandlerTag]; a.TerminationLifecycleHook != nil && !set {
		// aws-node-termination-handler in queue mode drains only instances with this tag
		// (its checkTagBeforeDraining, on by default).
		tags[terminationHandlerTag] = "true"
	}
	for k, v := range tags {
		out = append(out, asgTag{Key: k, Value: v, PropagateAtLaunch: true})
	}
	if a.ClusterAutoscalerTags {
		out = append(out,
			asgTag{Key: autoscalerEnabledTag, Value: "true"},
			asgTag{Key: autoscalerTagPrefix + clusterName, Value: ownedTagValue})
		for k, v := range a.Labels {
			out = append(out, asgTag{Key: autoscalerLabelTagPrefix + k, Value: v})
		}
		for k, t := range a.Taints {
			out = append(out, asgTag{Key: autoscalerTaintTagPrefix + k, Value: t.Value + ":" + string(t.Effect)})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}
