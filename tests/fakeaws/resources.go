package fakeaws

import (
	"fmt"
	"sort"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/property"
)

// set fills c.defaults and c.computed for the resource type. Identifiers derive from the
// URN and ID only, so they stay the same across in-place updates.
func (c *calc) set() {
	c.tagsAll()
	if c.r.hasInput("name") && !present(c.inputs, "name") {
		c.computed["name"] = s(c.name)
	}
	switch c.r.token {
	case RoleToken:
		c.defaults["path"] = s("/")
		c.defaults["maxSessionDuration"] = n(3600)
		c.defaults["forceDetachPolicies"] = b(false)
		c.defaults["managedPolicyArns"] = emptyArray()
		c.defaults["inlinePolicies"] = emptyArray()
		c.computed["arn"] = c.iamARN("role")
		c.computed["uniqueId"] = s("AROA" + upperID(17, "unique", c.urn, c.id))
		c.computed["createDate"] = s(timestampOf("created", c.urn, c.id))
	case InstanceProfileToken:
		c.defaults["path"] = s("/")
		c.computed["arn"] = c.iamARN("instance-profile")
		c.computed["uniqueId"] = s("AIPA" + upperID(17, "unique", c.urn, c.id))
		c.computed["createDate"] = s(timestampOf("created", c.urn, c.id))
	case RolePolicyAttachmentToken:
		// Only the ID is computed.
	case RolePolicyToken:
		// The name comes from namePrefix (set above from the name input when absent).
	case AccessEntryToken:
		c.accessEntry()
	case SecurityGroupToken:
		c.defaults["description"] = s("Managed by Pulumi") // pulumi-aws's default, not Terraform's
		c.defaults["revokeRulesOnDelete"] = b(false)
		c.defaults["ingress"] = emptyArray()
		c.defaults["egress"] = emptyArray()
		c.defaults["vpcId"] = s("vpc-0" + hexID(16, "default-vpc", c.region))
		c.computed["arn"] = s(c.arn("ec2", "security-group/"+c.id, true))
		c.computed["ownerId"] = s(AccountID)
	case IngressRuleToken, EgressRuleToken:
		c.computed["securityGroupRuleId"] = s(c.id)
		c.computed["arn"] = s(c.arn("ec2", "security-group-rule/"+c.id, true))
	case LaunchTemplateToken:
		c.computed["arn"] = s(c.arn("ec2", "launch-template/"+c.id, true))
		c.launchTemplateVersions()
	case GroupToken:
		c.group()
	case PlacementGroupToken:
		c.computed["arn"] = s(c.arn("ec2", "placement-group/"+c.name, true))
		c.computed["placementGroupId"] = s("pg-0" + hexID(16, c.urn, c.name))
		// AWS reports the partition count of a partition group (2 unless given) and the
		// spread level of a spread group (rack unless given).
		switch strategy, _ := stringOf(c.inputs.Get("strategy")); strategy {
		case "partition":
			c.defaults["partitionCount"] = n(2)
		case "spread":
			c.defaults["spreadLevel"] = s("rack")
		}
	}
}

// iamARN is the ARN of an IAM entity: arn:aws:iam::<account>:<kind><path><name>.
func (c *calc) iamARN(kind string) property.Value {
	path := "/"
	if v, ok := c.str("path"); ok {
		path = v
	} else if c.inputs.Get("path").IsComputed() {
		return property.New(property.Computed)
	}
	return s(c.arn("iam", kind+path+c.name, false))
}

func (c *calc) accessEntry() {
	typ := "STANDARD"
	c.defaults["type"] = s(typ)
	if v, ok := c.str("type"); ok {
		typ = v
	}
	c.defaults["kubernetesGroups"] = emptyArray()
	cluster, _ := c.str("clusterName")
	principal, ok := c.str("principalArn")
	if !ok {
		c.defaults["userName"] = property.New(property.Computed)
		c.computed["accessEntryArn"] = property.New(property.Computed)
	} else {
		kind, name := principalParts(principal)
		switch typ {
		case "EC2_LINUX", "EC2_WINDOWS", "FARGATE_LINUX", "HYBRID_LINUX":
			c.defaults["userName"] = s("system:node:{{EC2PrivateDNSName}}")
		default:
			if kind == "role" {
				c.defaults["userName"] = s(fmt.Sprintf("arn:aws:sts::%s:assumed-role/%s/{{SessionName}}", AccountID, name))
			} else {
				c.defaults["userName"] = s(principal)
			}
		}
		c.computed["accessEntryArn"] = s(c.arn("eks",
			fmt.Sprintf("access-entry/%s/%s/%s/%s/%s", cluster, kind, AccountID, name, uuidOf("entry", c.urn, c.id)), true))
	}
	c.computed["createdAt"] = s(timestampOf("created", c.urn, c.id))
	c.computed["modifiedAt"] = s(timestampOf("modified", c.urn, c.id, canonical(property.New(c.inputs))))
}

// principalParts splits arn:aws:iam::<account>:role/<path>/<name> into "role" and <name>.
func principalParts(arn string) (kind, name string) {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) < 6 {
		return "unknown", arn
	}
	res := parts[5]
	kind, _, _ = strings.Cut(res, "/")
	return kind, res[strings.LastIndex(res, "/")+1:]
}

// launchTemplateVersions follows the Terraform provider: creating makes version 1; an
// update creates a new version when any template data changes (everything but name,
// namePrefix, defaultVersion, updateDefaultVersion and tags: resourceLaunchTemplateUpdate's
// updateKeys); updateDefaultVersion makes the new version the default.
func (c *calc) launchTemplateVersions() {
	latest, def := 1.0, 1.0
	bump := false
	if c.prior.Len() > 0 {
		if v := c.prior.Get("latestVersion"); v.IsNumber() {
			latest = v.AsNumber()
		}
		if v := c.prior.Get("defaultVersion"); v.IsNumber() {
			def = v.AsNumber()
		}
		for _, k := range sortedKeys(c.r.inputs.fields) {
			switch k {
			case "name", "namePrefix", "defaultVersion", "updateDefaultVersion", "tags":
				continue
			}
			if c.changed(k) {
				bump = true
			}
		}
		if bump {
			latest++
		}
		if v := c.inputs.Get("updateDefaultVersion"); v.IsBool() && v.AsBool() {
			def = latest
		} else if v, ok := c.num("defaultVersion"); ok {
			def = v
		}
	}
	c.computed["latestVersion"] = n(latest)
	c.computed["defaultVersion"] = n(def)
	if c.dryRun && bump {
		c.computed["latestVersion"] = property.New(property.Computed)
		if v := c.inputs.Get("updateDefaultVersion"); v.IsComputed() || (v.IsBool() && v.AsBool()) {
			c.computed["defaultVersion"] = property.New(property.Computed)
		}
	}
}

func (c *calc) group() {
	if v, ok := c.num("minSize"); ok {
		c.defaults["desiredCapacity"] = n(v)
	} else {
		c.defaults["desiredCapacity"] = property.New(property.Computed)
	}
	c.defaults["defaultCooldown"] = n(300)
	c.defaults["healthCheckGracePeriod"] = n(300)
	c.defaults["healthCheckType"] = s("EC2")
	c.defaults["protectFromScaleIn"] = b(false)
	c.defaults["forceDelete"] = b(false)
	c.defaults["waitForCapacityTimeout"] = s("10m")
	c.defaults["metricsGranularity"] = s("1Minute")
	c.defaults["capacityRebalance"] = b(false)
	c.defaults["loadBalancers"] = emptyArray()
	c.defaults["targetGroupArns"] = emptyArray()
	c.defaults["serviceLinkedRoleArn"] = s(fmt.Sprintf(
		"arn:aws:iam::%s:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling", AccountID))
	c.defaults["availabilityZones"] = c.zonesOfSubnets()
	c.computed["arn"] = s(c.arn("autoscaling",
		fmt.Sprintf("autoScalingGroup:%s:autoScalingGroupName/%s", uuidOf("asg", c.urn, c.id), c.name), true))
	c.computed["predictedCapacity"] = n(0)
	c.computed["warmPoolSize"] = n(0)
}

// zonesOfSubnets invents the Availability Zone of each subnet (a, b or c of the region).
func (c *calc) zonesOfSubnets() property.Value {
	subnets := c.inputs.Get("vpcZoneIdentifiers")
	if subnets.IsComputed() || (subnets.IsArray() && subnets.HasComputed()) {
		return property.New(property.Computed)
	}
	zones := map[string]bool{}
	if subnets.IsArray() {
		for _, sn := range subnets.AsArray().AsSlice() {
			if sn.IsString() {
				zones[c.region+string(rune('a'+digest("az", sn.AsString())[0]%3))] = true
			}
		}
	}
	var out []property.Value
	names := sortedKeys(zones)
	sort.Strings(names)
	for _, z := range names {
		out = append(out, s(z))
	}
	return property.New(property.NewArray(out))
}
