package fakeaws_test

import (
	"regexp"
	"sort"
	"strings"
	"testing"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eksnodes/pulumi-eksnodes/tests/fakeaws"
)

var suffixRe = regexp.MustCompile(`^[0-9]{18}[0-9a-f]{8}$`)

func TestNamePrefixGivesDeterministicUniqueNames(t *testing.T) {
	u := urn(fakeaws.SecurityGroupToken, "workers")
	id1, out1, _ := create(t, newServer(t), u, securityGroupInputs())
	id2, out2, _ := create(t, newServer(t), u, securityGroupInputs()) // a new provider process
	assert.Equal(t, id1, id2, "same inputs, same ID")
	assert.Equal(t, out1, out2, "same inputs, same outputs")

	name := str(t, out1, "name")
	require.True(t, strings.HasPrefix(name, "workers-"), name)
	assert.Regexp(t, suffixRe, strings.TrimPrefix(name, "workers-"), "26-character unique suffix")
	assert.Regexp(t, `^sg-0[0-9a-f]{16}$`, id1)
	assert.Equal(t, "arn:aws:ec2:us-west-2:123456789012:security-group/"+id1, str(t, out1, "arn"))
	assert.Equal(t, "123456789012", str(t, out1, "ownerId"))

	other := urn(fakeaws.SecurityGroupToken, "others")
	id3, out3, _ := create(t, newServer(t), other, securityGroupInputs())
	assert.NotEqual(t, id1, id3, "another resource, another ID")
	assert.NotEqual(t, name, str(t, out3, "name"))
}

func TestRoleOutputs(t *testing.T) {
	id, out, _ := create(t, newServer(t), urn(fakeaws.RoleToken, "nodes"), map[string]any{
		"namePrefix":       "nodes-",
		"path":             "/eks/",
		"assumeRolePolicy": `{"Version":"2012-10-17","Statement":[]}`,
	})
	name := str(t, out, "name")
	assert.Equal(t, name, id, "a role's ID is its name")
	assert.Equal(t, "arn:aws:iam::123456789012:role/eks/"+name, str(t, out, "arn"))
	assert.Regexp(t, `^AROA[A-Z2-7]{17}$`, str(t, out, "uniqueId"))
	assert.Regexp(t, `^2025-\d\d-\d\dT\d\d:\d\d:\d\dZ$`, str(t, out, "createDate"))
	assert.Equal(t, 3600.0, num(t, out, "maxSessionDuration"))
}

func TestAutonamingWithoutNameOrPrefix(t *testing.T) {
	s := newServer(t)
	checked := checkOK(t, s, urn(fakeaws.InstanceProfileToken, "profile"), obj(map[string]any{}))
	assert.Regexp(t, `^profile-[0-9a-f]{7}$`, str(t, checked, "name"))
	again := checkOK(t, s, urn(fakeaws.InstanceProfileToken, "profile"), obj(map[string]any{}))
	assert.Equal(t, checked, again)
}

func TestOtherComputedOutputs(t *testing.T) {
	s := newServer(t)
	_, entry, _ := create(t, s, urn(fakeaws.AccessEntryToken, "nodes"), map[string]any{
		"clusterName": "demo", "principalArn": "arn:aws:iam::123456789012:role/eks/nodes-1", "type": "EC2_LINUX",
	})
	assert.Regexp(t, `^arn:aws:eks:us-west-2:123456789012:access-entry/demo/role/123456789012/nodes-1/[0-9a-f-]{36}$`,
		str(t, entry, "accessEntryArn"))
	assert.Equal(t, "system:node:{{EC2PrivateDNSName}}", str(t, entry, "userName"))

	id, rule, _ := create(t, s, urn(fakeaws.IngressRuleToken, "https"), map[string]any{
		"securityGroupId": "sg-1", "ipProtocol": "tcp", "fromPort": 443, "toPort": 443, "referencedSecurityGroupId": "sg-2",
	})
	assert.Regexp(t, `^sgr-0[0-9a-f]{16}$`, id)
	assert.Equal(t, id, str(t, rule, "securityGroupRuleId"))

	id, asg, _ := create(t, s, urn(fakeaws.GroupToken, "workers"), map[string]any{
		"namePrefix": "workers-", "minSize": 1, "maxSize": 3, "vpcZoneIdentifiers": []string{"subnet-1", "subnet-2"},
		"launchTemplate": map[string]any{"id": "lt-1", "version": "1"},
	})
	assert.Equal(t, str(t, asg, "name"), id)
	assert.Regexp(t, `^arn:aws:autoscaling:us-west-2:123456789012:autoScalingGroup:[0-9a-f-]{36}:autoScalingGroupName/`+id+`$`,
		str(t, asg, "arn"))
	assert.Equal(t, 1.0, num(t, asg, "desiredCapacity"), "defaults to minSize")

	id, att, _ := create(t, s, urn(fakeaws.RolePolicyAttachmentToken, "cni"), map[string]any{
		"role": "nodes-1", "policyArn": "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
	})
	assert.Regexp(t, `^nodes-1-[0-9]{18}[0-9a-f]{8}$`, id)
	assert.Equal(t, "nodes-1", str(t, att, "role"))
}

func TestCreatePreviewLeavesComputedValuesUnknown(t *testing.T) {
	s := newServer(t)
	u := urn(fakeaws.LaunchTemplateToken, "workers")
	checked := checkOK(t, s, u, obj(launchTemplateInputs()))
	resp, err := s.Create(p.CreateRequest{Urn: u, Properties: checked, DryRun: true})
	require.NoError(t, err)
	assert.Empty(t, resp.ID)
	for _, k := range []string{"arn", "name", "latestVersion", "defaultVersion"} {
		assert.True(t, resp.Properties.Get(k).IsComputed(), k)
	}
	assert.Equal(t, "m7i.large", str(t, resp.Properties, "instanceType"))
}

// update checks new inputs, diffs them and, when they changed, updates the resource.
func update(t *testing.T, s interface {
	Check(p.CheckRequest) (p.CheckResponse, error)
	Diff(p.DiffRequest) (p.DiffResponse, error)
	Update(p.UpdateRequest) (p.UpdateResponse, error)
}, id string, state, oldInputs property.Map, inputs map[string]any, dryRun bool) (p.DiffResponse, property.Map) {
	t.Helper()
	u := urn(fakeaws.LaunchTemplateToken, "workers")
	resp, err := s.Check(p.CheckRequest{Urn: u, State: oldInputs, Inputs: obj(inputs)})
	require.NoError(t, err)
	require.Empty(t, resp.Failures)
	d, err := s.Diff(p.DiffRequest{ID: id, Urn: u, State: state, OldInputs: oldInputs, Inputs: resp.Inputs})
	require.NoError(t, err)
	if !d.HasChanges {
		return d, state
	}
	up, err := s.Update(p.UpdateRequest{ID: id, Urn: u, State: state, OldInputs: oldInputs, Inputs: resp.Inputs, DryRun: dryRun})
	require.NoError(t, err)
	return d, up.Properties
}

func TestLaunchTemplateVersionsCountUpdates(t *testing.T) {
	s := newServer(t)
	u := urn(fakeaws.LaunchTemplateToken, "workers")
	id, state, checked := create(t, s, u, launchTemplateInputs())
	assert.Equal(t, 1.0, num(t, state, "latestVersion"))
	assert.Equal(t, 1.0, num(t, state, "defaultVersion"))

	in := launchTemplateInputs()
	in["imageId"] = "ami-0fedcba9876543210"

	d, preview := update(t, s, id, state, checked, in, true)
	assert.Equal(t, p.Update, d.DetailedDiff["imageId"].Kind)
	assert.True(t, preview.Get("latestVersion").IsComputed(), "a preview cannot know the new version")

	_, state2 := update(t, s, id, state, checked, in, false)
	assert.Equal(t, 2.0, num(t, state2, "latestVersion"))
	assert.Equal(t, 2.0, num(t, state2, "defaultVersion"), "updateDefaultVersion makes it the default")
	assert.Equal(t, str(t, state, "name"), str(t, state2, "name"), "an update keeps the name")
	assert.Equal(t, str(t, state, "arn"), str(t, state2, "arn"))

	in["instanceType"] = "m7i.xlarge"
	_, state3 := update(t, s, id, state2, obj(launchTemplateInputsWith("imageId", "ami-0fedcba9876543210")), in, false)
	assert.Equal(t, 3.0, num(t, state3, "latestVersion"))

	// As in Terraform, a change of tags alone creates no new template version.
	in["tags"] = map[string]string{"team": "platform"}
	d, state4 := update(t, s, id, state3, obj(launchTemplateInputsWith("imageId", "ami-0fedcba9876543210", "instanceType", "m7i.xlarge")), in, false)
	assert.Equal(t, p.Add, d.DetailedDiff["tags"].Kind)
	assert.Equal(t, 3.0, num(t, state4, "latestVersion"))
	assert.Equal(t, "platform", state4.Get("tagsAll").AsMap().Get("team").AsString())
}

func launchTemplateInputsWith(kv ...string) map[string]any {
	in := launchTemplateInputs()
	for i := 0; i < len(kv); i += 2 {
		in[kv[i]] = kv[i+1]
	}
	return in
}

func TestSecurityGroupDiff(t *testing.T) {
	s := newServer(t)
	u := urn(fakeaws.SecurityGroupToken, "workers")
	id, state, checked := create(t, s, u, securityGroupInputs())
	diffWith := func(change func(map[string]any)) p.DiffResponse {
		in := securityGroupInputs()
		change(in)
		news := checkOK(t, s, u, obj(in))
		d, err := s.Diff(p.DiffRequest{ID: id, Urn: u, State: state, OldInputs: checked, Inputs: news})
		require.NoError(t, err)
		return d
	}

	d := diffWith(func(in map[string]any) { in["vpcId"] = "vpc-0fedcba9876543210" })
	assert.True(t, d.HasChanges)
	assert.False(t, d.DeleteBeforeReplace)
	assert.Equal(t, map[string]p.PropertyDiff{"vpcId": {Kind: p.UpdateReplace, InputDiff: true}}, d.DetailedDiff)

	d = diffWith(func(in map[string]any) { in["tags"] = map[string]string{"Name": "workers", "team": "a"} })
	assert.True(t, d.HasChanges)
	assert.Equal(t, map[string]p.PropertyDiff{"tags": {Kind: p.Update, InputDiff: true}}, d.DetailedDiff)

	d = diffWith(func(in map[string]any) { in["vpcId"] = unknown })
	assert.Equal(t, p.UpdateReplace, d.DetailedDiff["vpcId"].Kind, "an unknown VPC may be another VPC")

	d = diffWith(func(map[string]any) {})
	assert.False(t, d.HasChanges, "identical inputs")
	assert.Empty(t, d.DetailedDiff)
}

func TestIdenticalInputsGiveNoChangesForEveryType(t *testing.T) {
	s := newServer(t)
	cases := map[string]map[string]any{
		fakeaws.LaunchTemplateToken: launchTemplateInputs(),
		fakeaws.SecurityGroupToken:  securityGroupInputs(),
		fakeaws.RoleToken: {"namePrefix": "n-", "assumeRolePolicy": `{"Version":"2012-10-17","Statement":[]}`,
			"tags": map[string]string{}},
		fakeaws.GroupToken: {"namePrefix": "w-", "minSize": 1, "maxSize": 2, "vpcZoneIdentifiers": []string{"subnet-1", "subnet-2"},
			"launchTemplate": map[string]any{"id": "lt-1", "version": "3"}},
	}
	for token, in := range cases {
		u := urn(token, "same")
		id, state, checked := create(t, s, u, in)
		d, err := s.Diff(p.DiffRequest{ID: id, Urn: u, State: state, OldInputs: checked, Inputs: checkOK(t, s, u, obj(in))})
		require.NoError(t, err)
		assert.False(t, d.HasChanges, token)
		// Without old inputs (older engines), the state's inputs are compared instead.
		d, err = s.Diff(p.DiffRequest{ID: id, Urn: u, State: state, Inputs: checkOK(t, s, u, obj(in))})
		require.NoError(t, err)
		assert.False(t, d.HasChanges, token)
	}
}

func TestSemanticComparisons(t *testing.T) {
	s := newServer(t)
	u := urn(fakeaws.GroupToken, "w")
	in := map[string]any{"namePrefix": "w-", "minSize": 1, "maxSize": 2, "vpcZoneIdentifiers": []string{"subnet-1", "subnet-2"},
		"launchTemplate": map[string]any{"id": "lt-1", "version": "3"}}
	id, state, checked := create(t, s, u, in)
	in["vpcZoneIdentifiers"] = []string{"subnet-2", "subnet-1"} // a set in Terraform
	in["suspendedProcesses"] = []string{}                       // empty is unset
	d, err := s.Diff(p.DiffRequest{ID: id, Urn: u, State: state, OldInputs: checked, Inputs: checkOK(t, s, u, obj(in))})
	require.NoError(t, err)
	assert.False(t, d.HasChanges)

	r := urn(fakeaws.RoleToken, "r")
	id, state, checked = create(t, s, r, map[string]any{"assumeRolePolicy": `{"Version":"2012-10-17","Statement":[]}`})
	news := checkOK(t, s, r, obj(map[string]any{"assumeRolePolicy": "{\n  \"Statement\": [],\n  \"Version\": \"2012-10-17\"\n}"}))
	d, err = s.Diff(p.DiffRequest{ID: id, Urn: r, State: state, OldInputs: checked, Inputs: news})
	require.NoError(t, err)
	assert.False(t, d.HasChanges, "equivalent policy JSON")
}

func TestRuleSourceKindChangeReplaces(t *testing.T) {
	s := newServer(t)
	u := urn(fakeaws.EgressRuleToken, "all")
	in := map[string]any{"securityGroupId": "sg-1", "ipProtocol": "-1", "cidrIpv4": "0.0.0.0/0"}
	id, state, checked := create(t, s, u, in)
	delete(in, "cidrIpv4")
	in["referencedSecurityGroupId"] = "sg-2"
	d, err := s.Diff(p.DiffRequest{ID: id, Urn: u, State: state, OldInputs: checked, Inputs: checkOK(t, s, u, obj(in))})
	require.NoError(t, err)
	assert.Equal(t, p.DeleteReplace, d.DetailedDiff["cidrIpv4"].Kind)
	assert.Equal(t, p.AddReplace, d.DetailedDiff["referencedSecurityGroupId"].Kind)

	in = map[string]any{"securityGroupId": "sg-1", "ipProtocol": "-1", "cidrIpv4": "10.0.0.0/8", "description": "x"}
	d, err = s.Diff(p.DiffRequest{ID: id, Urn: u, State: state, OldInputs: checked, Inputs: checkOK(t, s, u, obj(in))})
	require.NoError(t, err)
	assert.Equal(t, p.Update, d.DetailedDiff["cidrIpv4"].Kind, "same source kind: modified in place")
}

func TestUpdateRefusesReplacementProperties(t *testing.T) {
	s := newServer(t)
	u := urn(fakeaws.SecurityGroupToken, "workers")
	id, state, checked := create(t, s, u, securityGroupInputs())
	in := securityGroupInputs()
	in["vpcId"] = "vpc-2"
	_, err := s.Update(p.UpdateRequest{ID: id, Urn: u, State: state, OldInputs: checked, Inputs: obj(in)})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"vpcId" cannot change in place`)
}

func TestReadReturnsTheStateAndCannotImport(t *testing.T) {
	s := newServer(t)
	u := urn(fakeaws.SecurityGroupToken, "workers")
	id, state, checked := create(t, s, u, securityGroupInputs())
	resp, err := s.Read(p.ReadRequest{ID: id, Urn: u, Properties: state, Inputs: checked})
	require.NoError(t, err)
	assert.Equal(t, id, resp.ID)
	assert.Equal(t, state, resp.Properties)
	assert.Equal(t, checked, resp.Inputs)

	_, err = s.Read(p.ReadRequest{ID: "sg-0123", Urn: u})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "cannot import")
	require.NoError(t, s.Delete(p.DeleteRequest{ID: id, Urn: u, Properties: state}))
}

func TestReplacementPropertiesAreDocumented(t *testing.T) {
	got := map[string][]string{}
	for _, tok := range fakeaws.ResourceTokens() {
		props := fakeaws.ReplaceProperties(tok)
		sort.Strings(props)
		got[tok] = props
	}
	assert.Equal(t, map[string][]string{
		fakeaws.LifecycleHookToken:        {"autoscalingGroupName", "name"},
		fakeaws.RoleToken:                 {"name", "namePrefix", "path"},
		fakeaws.RolePolicyAttachmentToken: {"policyArn", "role"},
		fakeaws.RolePolicyToken:           {"name", "namePrefix", "role"},
		fakeaws.InstanceProfileToken:      {"name", "namePrefix", "path"},
		fakeaws.AccessEntryToken:          {"clusterName", "principalArn", "type"},
		fakeaws.PlacementGroupToken:       {"name", "partitionCount", "spreadLevel", "strategy"},
		fakeaws.SecurityGroupToken:        {"description", "name", "namePrefix", "vpcId"},
		fakeaws.IngressRuleToken:          {"securityGroupId"},
		fakeaws.EgressRuleToken:           {"securityGroupId"},
		fakeaws.LaunchTemplateToken:       {"name", "namePrefix"},
		fakeaws.GroupToken:                {"name", "namePrefix"},
	}, got)
}

func TestLifecycleHookLifecycle(t *testing.T) {
	s := newServer(t)
	u := urn(fakeaws.LifecycleHookToken, "workers-termination")
	id, state, _ := create(t, s, u, map[string]any{
		"autoscalingGroupName": "workers-20260101", "name": "eksnodes-termination",
		"lifecycleTransition": "autoscaling:EC2_INSTANCE_TERMINATING", "heartbeatTimeout": 300, "defaultResult": "CONTINUE",
	})
	assert.Equal(t, "eksnodes-termination", id)
	assert.Equal(t, "CONTINUE", state.Get("defaultResult").AsString())
	require.NoError(t, s.Delete(p.DeleteRequest{ID: id, Urn: u, Properties: state}))
}
