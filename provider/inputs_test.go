package provider

// This file maps the Go input structs of the components to the property maps a TypeScript or
// Python program would send to Construct. The mapping is written out field by field, on
// purpose: it must not reuse the code under test (infer's or the SDK's marshalling), so that a
// field the provider reads under another name or shape than the Go constructor shows up as a
// difference between the two paths.

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const testCA = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURCVENDQWUyZ0F3SUJBZ0lJZXhhbXBsZQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg=="

// props collects the properties of one object; the setters leave out absent values.
type props struct {
	t *testing.T
	m map[string]property.Value
}

func newProps(t *testing.T) *props { return &props{t: t, m: map[string]property.Value{}} }

func (p *props) value() property.Value { return property.New(p.m) }
func (p *props) Map() property.Map     { return property.NewMap(p.m) }

func (p *props) set(key string, v property.Value) { p.m[key] = v }

// str sets a plain string field; "" is the Go zero value, i.e. not given.
func (p *props) str(key, v string) {
	if v != "" {
		p.set(key, property.New(v))
	}
}

// input sets a pulumi.StringInput field. Scenarios give plain values only.
func (p *props) input(key string, in pulumi.StringInput) {
	if in == nil {
		return
	}
	s, ok := in.(pulumi.String)
	require.Truef(p.t, ok, "%s: the scenarios give plain pulumi.String values, not %T", key, in)
	p.set(key, property.New(string(s)))
}

// inputs sets a pulumi.StringArrayInput field.
func (p *props) inputs(key string, in pulumi.StringArrayInput) {
	if in == nil {
		return
	}
	arr, ok := in.(pulumi.StringArray)
	require.Truef(p.t, ok, "%s: the scenarios give plain pulumi.StringArray values, not %T", key, in)
	var out []property.Value
	for i, e := range arr {
		s, ok := e.(pulumi.String)
		require.Truef(p.t, ok, "%s[%d]: not a plain pulumi.String but %T", key, i, e)
		out = append(out, property.New(string(s)))
	}
	p.set(key, property.New(out))
}

func (p *props) intPtr(key string, v *int) {
	if v != nil {
		p.set(key, property.New(float64(*v)))
	}
}

func (p *props) boolPtr(key string, v *bool) {
	if v != nil {
		p.set(key, property.New(*v))
	}
}

// flag sets a plain bool field; false is the Go zero value, i.e. not given.
func (p *props) flag(key string, v bool) {
	if v {
		p.set(key, property.New(true))
	}
}

func (p *props) strs(key string, v []string) {
	if v == nil {
		return
	}
	out := []property.Value{}
	for _, s := range v {
		out = append(out, property.New(s))
	}
	p.set(key, property.New(out))
}

func (p *props) ints(key string, v []int) {
	if v == nil {
		return
	}
	out := []property.Value{}
	for _, n := range v {
		out = append(out, property.New(float64(n)))
	}
	p.set(key, property.New(out))
}

// inputMap sets a pulumi.StringMapInput field. Scenarios give plain values only.
func (p *props) inputMap(key string, in pulumi.StringMapInput) {
	if in == nil {
		return
	}
	m, ok := in.(pulumi.StringMap)
	require.Truef(p.t, ok, "%s: the scenarios give plain pulumi.StringMap values, not %T", key, in)
	out := map[string]property.Value{}
	for k, e := range m {
		s, ok := e.(pulumi.String)
		require.Truef(p.t, ok, "%s[%q]: not a plain pulumi.String but %T", key, k, e)
		out[k] = property.New(string(s))
	}
	p.set(key, property.New(out))
}

func (p *props) strMap(key string, v map[string]string) {
	if v == nil {
		return
	}
	out := map[string]property.Value{}
	for k, s := range v {
		out[k] = property.New(s)
	}
	p.set(key, property.New(out))
}

func (p *props) object(key string, o *props) {
	if o != nil {
		p.set(key, o.value())
	}
}

// anyValue turns the JSON-like Go values of kubeletConfig into a property value.
func anyValue(t *testing.T, v any) property.Value {
	switch v := v.(type) {
	case nil:
		return property.Value{}
	case string:
		return property.New(v)
	case bool:
		return property.New(v)
	case int:
		return property.New(float64(v))
	case float64:
		return property.New(v)
	case []any:
		out := []property.Value{}
		for _, e := range v {
			out = append(out, anyValue(t, e))
		}
		return property.New(out)
	case map[string]any:
		out := map[string]property.Value{}
		for k, e := range v {
			out[k] = anyValue(t, e)
		}
		return property.New(out)
	}
	require.Failf(t, "unsupported kubeletConfig value", "%T", v)
	return property.Value{}
}

// nodeGroupInputs maps NodeGroupArgs to Construct inputs.
func nodeGroupInputs(t *testing.T, a *nodegroup.NodeGroupArgs) property.Map {
	p := newProps(t)

	c := newProps(t)
	c.input("name", a.Cluster.Name)
	c.input("endpoint", a.Cluster.Endpoint)
	c.input("certificateAuthority", a.Cluster.CertificateAuthority)
	c.input("serviceCidr", a.Cluster.ServiceCidr)
	c.input("version", a.Cluster.Version)
	c.input("securityGroupId", a.Cluster.SecurityGroupId)
	c.input("vpcId", a.Cluster.VpcId)
	p.object("cluster", c)
	p.inputs("subnetIds", a.SubnetIds)

	if a.OperatingSystem != nil {
		p.str("operatingSystem", string(*a.OperatingSystem))
	}
	p.str("instanceType", a.InstanceType)
	p.input("amiId", a.AmiId)
	if a.AmiVariant != nil {
		p.str("amiVariant", string(*a.AmiVariant))
	}
	p.str("amiReleaseVersion", a.AmiReleaseVersion)
	if a.Architecture != nil {
		p.str("architecture", string(*a.Architecture))
	}
	p.intPtr("minSize", a.MinSize)
	p.intPtr("maxSize", a.MaxSize)
	p.intPtr("desiredCapacity", a.DesiredCapacity)

	p.strMap("labels", a.Labels)
	if a.Taints != nil {
		taints := map[string]property.Value{}
		for k, taint := range a.Taints {
			tp := newProps(t)
			tp.str("value", taint.Value)
			tp.str("effect", string(taint.Effect))
			taints[k] = tp.value()
		}
		p.set("taints", property.New(taints))
	}
	p.str("kubeletExtraArgs", a.KubeletExtraArgs)
	if a.KubeletConfig != nil {
		p.set("kubeletConfig", anyValue(t, a.KubeletConfig))
	}
	p.str("preBootstrapUserData", a.PreBootstrapUserData)
	p.str("postBootstrapUserData", a.PostBootstrapUserData)
	p.str("userDataOverride", a.UserDataOverride)
	if a.BottlerocketSettings != nil {
		p.set("bottlerocketSettings", anyValue(t, a.BottlerocketSettings))
	}
	nodeadmOptionInputs(t, p, a)

	p.input("instanceProfileArn", a.InstanceProfileArn)
	p.input("roleArn", a.RoleArn)
	if o := a.NodeRoleOptions; o != nil {
		op := newProps(t)
		op.str("path", o.Path)
		op.input("permissionsBoundary", o.PermissionsBoundary)
		op.inputs("additionalPolicyArns", o.AdditionalPolicyArns)
		op.flag("enableSsmAccess", o.EnableSsmAccess)
		op.boolPtr("createAccessEntry", o.CreateAccessEntry)
		p.object("nodeRoleOptions", op)
	}

	p.input("nodeSecurityGroupId", a.NodeSecurityGroupId)
	p.inputs("extraNodeSecurityGroupIds", a.ExtraNodeSecurityGroupIds)
	if o := a.NodeSecurityGroupOptions; o != nil {
		op := newProps(t)
		if o.RulesProfile != nil {
			op.str("rulesProfile", string(*o.RulesProfile))
		}
		op.ints("extraClusterIngressPorts", o.ExtraClusterIngressPorts)
		if o.IngressRules != nil {
			op.set("ingressRules", rulesValue(t, o.IngressRules))
		}
		if o.EgressRules != nil {
			op.set("egressRules", rulesValue(t, o.EgressRules))
		}
		op.strs("sshSourceCidrs", o.SshSourceCidrs)
		op.inputs("sshSourceSecurityGroupIds", o.SshSourceSecurityGroupIds)
		p.object("nodeSecurityGroupOptions", op)
	}

	if m := a.MetadataOptions; m != nil {
		mp := newProps(t)
		if m.HttpTokens != nil {
			mp.str("httpTokens", string(*m.HttpTokens))
		}
		mp.intPtr("httpPutResponseHopLimit", m.HttpPutResponseHopLimit)
		mp.flag("instanceMetadataTags", m.InstanceMetadataTags)
		p.object("metadataOptions", mp)
	}
	p.intPtr("nodeRootVolumeSize", a.NodeRootVolumeSize)
	p.str("nodeRootVolumeType", a.NodeRootVolumeType)
	p.boolPtr("nodeRootVolumeEncrypted", a.NodeRootVolumeEncrypted)
	p.input("nodeRootVolumeKmsKeyId", a.NodeRootVolumeKmsKeyId)
	p.intPtr("nodeRootVolumeIops", a.NodeRootVolumeIops)
	p.intPtr("nodeRootVolumeThroughput", a.NodeRootVolumeThroughput)
	p.boolPtr("nodeRootVolumeDeleteOnTermination", a.NodeRootVolumeDeleteOnTermination)
	placementInputs(t, p, a)
	p.boolPtr("enableDetailedMonitoring", a.EnableDetailedMonitoring)
	p.input("keyName", a.KeyName)
	p.boolPtr("nodeAssociatePublicIpAddress", a.NodeAssociatePublicIpAddress)
	if r := a.InstanceRefresh; r != nil {
		rp := newProps(t)
		rp.boolPtr("enabled", r.Enabled)
		rp.intPtr("minHealthyPercentage", r.MinHealthyPercentage)
		rp.intPtr("maxHealthyPercentage", r.MaxHealthyPercentage)
		rp.intPtr("instanceWarmup", r.InstanceWarmup)
		rp.boolPtr("skipMatching", r.SkipMatching)
		rp.flag("autoRollback", r.AutoRollback)
		rp.ints("checkpointPercentages", r.CheckpointPercentages)
		rp.intPtr("checkpointDelay", r.CheckpointDelay)
		rp.str("scaleInProtectedInstances", r.ScaleInProtectedInstances)
		rp.str("standbyInstances", r.StandbyInstances)
		p.object("instanceRefresh", rp)
	}
	p.boolPtr("ignoreScalingChanges", a.IgnoreScalingChanges)
	p.intPtr("healthCheckGracePeriod", a.HealthCheckGracePeriod)
	p.flag("clusterAutoscalerTags", a.ClusterAutoscalerTags)
	if m := a.MixedInstancesPolicy; m != nil {
		mp := newProps(t)
		types := []property.Value{}
		for _, o := range m.InstanceTypes {
			op := newProps(t)
			op.str("instanceType", o.InstanceType)
			op.intPtr("weightedCapacity", o.WeightedCapacity)
			types = append(types, op.value())
		}
		if m.InstanceTypes != nil {
			mp.set("instanceTypes", property.New(types))
		}
		mp.object("instanceRequirements", requirementsInputs(t, m.InstanceRequirements))
		mp.intPtr("onDemandBaseCapacity", m.OnDemandBaseCapacity)
		mp.intPtr("onDemandPercentageAboveBaseCapacity", m.OnDemandPercentageAboveBaseCapacity)
		mp.str("onDemandAllocationStrategy", m.OnDemandAllocationStrategy)
		mp.str("spotAllocationStrategy", m.SpotAllocationStrategy)
		mp.intPtr("spotInstancePools", m.SpotInstancePools)
		mp.str("spotMaxPrice", m.SpotMaxPrice)
		p.object("mixedInstancesPolicy", mp)
	}
	p.boolPtr("capacityRebalance", a.CapacityRebalance)
	if h := a.TerminationLifecycleHook; h != nil {
		hp := newProps(t)
		hp.intPtr("heartbeatTimeout", h.HeartbeatTimeout)
		hp.str("defaultResult", h.DefaultResult)
		hp.input("notificationTargetArn", h.NotificationTargetArn)
		hp.input("roleArn", h.RoleArn)
		p.object("terminationLifecycleHook", hp)
	}
	lifecycleInputs(t, p, a)
	if a.Hardening != nil {
		p.str("hardening", string(*a.Hardening))
	}
	p.inputMap("tags", a.Tags)
	return p.Map()
}

// nodeadmOptionInputs maps maxPods, kubeReserved and the AL2023 NodeConfig options.
func nodeadmOptionInputs(t *testing.T, p *props, a *nodegroup.NodeGroupArgs) {
	p.intPtr("maxPods", a.MaxPods)
	p.strMap("kubeReserved", a.KubeReserved)
	if a.KubeletFeatureGates != nil {
		gates := map[string]property.Value{}
		for k, v := range a.KubeletFeatureGates {
			gates[k] = property.New(v)
		}
		p.set("kubeletFeatureGates", property.New(gates))
	}
	p.str("containerdConfig", a.ContainerdConfig)
	if a.ContainerdBaseRuntimeSpec != nil {
		p.set("containerdBaseRuntimeSpec", anyValue(t, a.ContainerdBaseRuntimeSpec))
	}
	if l := a.LocalStorage; l != nil {
		lp := newProps(t)
		lp.str("strategy", string(l.Strategy))
		lp.str("mountPath", l.MountPath)
		if l.DisabledMounts != nil {
			mounts := []property.Value{}
			for _, m := range l.DisabledMounts {
				mounts = append(mounts, property.New(string(m)))
			}
			lp.set("disabledMounts", property.New(mounts))
		}
		p.object("localStorage", lp)
	}
}

// rulesValue maps security group rules to a property list.
func rulesValue(t *testing.T, rules []nodegroup.SecurityGroupRule) property.Value {
	out := []property.Value{}
	for _, r := range rules {
		rp := newProps(t)
		rp.str("description", r.Description)
		rp.str("protocol", r.Protocol)
		rp.intPtr("fromPort", r.FromPort)
		rp.intPtr("toPort", r.ToPort)
		rp.input("cidrIpv4", r.CidrIpv4)
		rp.input("cidrIpv6", r.CidrIpv6)
		rp.input("prefixListId", r.PrefixListId)
		rp.input("securityGroupId", r.SecurityGroupId)
		out = append(out, rp.value())
	}
	return property.New(out)
}

// nodeRoleInputs maps NodeRoleArgs to Construct inputs.
func nodeRoleInputs(t *testing.T, a *nodegroup.NodeRoleArgs) property.Map {
	p := newProps(t)
	p.input("clusterName", a.ClusterName)
	p.str("path", a.Path)
	p.input("permissionsBoundary", a.PermissionsBoundary)
	p.inputs("additionalPolicyArns", a.AdditionalPolicyArns)
	p.flag("enableSsmAccess", a.EnableSsmAccess)
	p.boolPtr("createAccessEntry", a.CreateAccessEntry)
	if a.AccessEntryType != nil {
		p.str("accessEntryType", string(*a.AccessEntryType))
	}
	p.inputMap("tags", a.Tags)
	return p.Map()
}

// nodeSecurityGroupInputs maps NodeSecurityGroupArgs to Construct inputs.
func nodeSecurityGroupInputs(t *testing.T, a *nodegroup.NodeSecurityGroupArgs) property.Map {
	p := newProps(t)
	p.input("clusterName", a.ClusterName)
	p.input("vpcId", a.VpcId)
	p.input("clusterSecurityGroupId", a.ClusterSecurityGroupId)
	if a.RulesProfile != nil {
		p.str("rulesProfile", string(*a.RulesProfile))
	}
	p.ints("extraClusterIngressPorts", a.ExtraClusterIngressPorts)
	if a.IngressRules != nil {
		p.set("ingressRules", rulesValue(t, a.IngressRules))
	}
	if a.EgressRules != nil {
		p.set("egressRules", rulesValue(t, a.EgressRules))
	}
	p.strs("sshSourceCidrs", a.SshSourceCidrs)
	p.inputs("sshSourceSecurityGroupIds", a.SshSourceSecurityGroupIds)
	p.inputMap("tags", a.Tags)
	p.flag("allowEfa", a.AllowEfa)
	return p.Map()
}

// componentInputs maps the args of any of the three components.
func componentInputs(t *testing.T, args any) property.Map {
	t.Helper()
	switch a := args.(type) {
	case *nodegroup.NodeGroupArgs:
		return nodeGroupInputs(t, a)
	case *nodegroup.NodeRoleArgs:
		return nodeRoleInputs(t, a)
	case *nodegroup.NodeSecurityGroupArgs:
		return nodeSecurityGroupInputs(t, a)
	}
	require.Failf(t, "unknown args type", "%T", args)
	return property.Map{}
}

// goLeaves lists the set (non-zero) fields of a Go input value as paths such as
// "nodeSecurityGroupOptions.ingressRules[1].cidrIpv4" or "taints.dedicated.effect", and
// records which paths are objects or lists of objects rather than values.
func goLeaves(v reflect.Value, path string, leaves, structured map[string]bool) {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	isArgsStruct := func(t reflect.Type) bool {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		return t.Kind() == reflect.Struct && t.PkgPath() == reflect.TypeFor[nodegroup.NodeGroupArgs]().PkgPath()
	}
	switch {
	case isArgsStruct(v.Type()):
		structured[path] = true
		for i := 0; i < v.NumField(); i++ {
			name, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("pulumi"), ",")
			if name != "" && !v.Field(i).IsZero() {
				goLeaves(v.Field(i), join(path, name), leaves, structured)
			}
		}
	case v.Kind() == reflect.Map && isArgsStruct(v.Type().Elem()):
		structured[path] = true
		for _, k := range v.MapKeys() {
			goLeaves(v.MapIndex(k), join(path, k.String()), leaves, structured)
		}
	case v.Kind() == reflect.Slice && isArgsStruct(v.Type().Elem()):
		structured[path] = true
		for i := 0; i < v.Len(); i++ {
			goLeaves(v.Index(i), fmt.Sprintf("%s[%d]", path, i), leaves, structured)
		}
	default:
		leaves[path] = true
	}
}

// propLeaves lists the same paths for a property value.
func propLeaves(v property.Value, path string, structured, leaves map[string]bool) {
	switch {
	case structured[path] && v.IsMap():
		for k, e := range v.AsMap().All {
			propLeaves(e, join(path, k), structured, leaves)
		}
	case structured[path] && v.IsArray():
		for i, e := range v.AsArray().All {
			propLeaves(e, fmt.Sprintf("%s[%d]", path, i), structured, leaves)
		}
	default:
		leaves[path] = true
	}
}

func join(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

// assertMapsEveryField checks that the mapping above carries every field a scenario sets, and
// nothing else, so that a scenario cannot silently test less than it claims.
func assertMapsEveryField(t *testing.T, args any, inputs property.Map) {
	t.Helper()
	goPaths, structured := map[string]bool{}, map[string]bool{}
	goLeaves(reflect.ValueOf(args), "", goPaths, structured)
	propPaths := map[string]bool{}
	for k, v := range inputs.All {
		propLeaves(v, k, structured, propPaths)
	}
	assert.Equal(t, sortedKeysOf(goPaths), sortedKeysOf(propPaths), "the property map must carry exactly the fields the Go args set")
}

func sortedKeysOf(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// lifecycleInputs maps the Auto Scaling group's lifecycle inputs.
func lifecycleInputs(t *testing.T, p *props, a *nodegroup.NodeGroupArgs) {
	if a.LifecycleHooks != nil {
		hooks := []property.Value{}
		for _, h := range a.LifecycleHooks {
			hp := newProps(t)
			hp.str("name", h.Name)
			hp.str("transition", string(h.Transition))
			hp.intPtr("heartbeatTimeout", h.HeartbeatTimeout)
			hp.str("defaultResult", h.DefaultResult)
			hp.input("notificationTargetArn", h.NotificationTargetArn)
			hp.input("roleArn", h.RoleArn)
			hp.str("notificationMetadata", h.NotificationMetadata)
			hooks = append(hooks, hp.value())
		}
		p.set("lifecycleHooks", property.New(hooks))
	}
	p.intPtr("maxInstanceLifetime", a.MaxInstanceLifetime)
	p.intPtr("defaultInstanceWarmup", a.DefaultInstanceWarmup)
	if m := a.InstanceMaintenancePolicy; m != nil {
		mp := newProps(t)
		mp.set("minHealthyPercentage", property.New(float64(m.MinHealthyPercentage)))
		mp.set("maxHealthyPercentage", property.New(float64(m.MaxHealthyPercentage)))
		p.object("instanceMaintenancePolicy", mp)
	}
	p.strs("terminationPolicies", enumStrs(a.TerminationPolicies))
	p.strs("suspendedProcesses", enumStrs(a.SuspendedProcesses))
	p.flag("protectFromScaleIn", a.ProtectFromScaleIn)
	p.strs("enabledMetrics", enumStrs(a.EnabledMetrics))
	p.str("metricsGranularity", a.MetricsGranularity)
	p.inputs("targetGroupArns", a.TargetGroupArns)
}

// enumStrs returns the values of an enum list as strings (nil when not given).
func enumStrs[T ~string](v []T) []string {
	if v == nil {
		return nil
	}
	out := make([]string, len(v))
	for i, e := range v {
		out[i] = string(e)
	}
	return out
}
