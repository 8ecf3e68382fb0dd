package nodegroup

import (
	"sort"

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
)

// ClusterTagKey returns the tag key that marks a resource as belonging to a cluster.
func ClusterTagKey(clusterName string) string { return clusterTagPrefix + clusterName }

// nodeTags returns the tags of a resource that belongs to the cluster: the user's tags, a Name
// tag (unless the user set one) and kubernetes.io/cluster/<name>=owned.
func nodeTags(clusterName, name string, user map[string]string) map[string]string {
	out := map[string]string{"Name": name}
	for k, v := range user {
		out[k] = v
	}
	out[ClusterTagKey(clusterName)] = ownedTagValue
	return out
}

// resourceTags is nodeTags for a cluster name known only at deploy time.
func resourceTags(clusterName pulumi.StringOutput, name string, user map[string]string) pulumi.StringMapOutput {
	return clusterName.ApplyT(func(c string) map[string]string {
		return nodeTags(c, name, user)
	}).(pulumi.StringMapOutput)
}

// tagsInput returns user tags as an input, or nil when there are none: an empty map would
// differ from what AWS reports back and show as a change on every preview.
func tagsInput(tags map[string]string) pulumi.StringMapInput {
	if len(tags) == 0 {
		return nil
	}
	return pulumi.ToStringMap(tags)
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
func asgTags(clusterName, name string, a NodeGroupArgs) []asgTag {
	var out []asgTag
	for k, v := range nodeTags(clusterName, name, a.Tags) {
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
