package fakeaws_test

import (
	"testing"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eksnodes/pulumi-eksnodes/tests/fakeaws"
)

func TestImplementsExactlyTheTypesEksnodesUses(t *testing.T) {
	assert.Equal(t, []string{
		"aws:autoscaling/group:Group",
		"aws:autoscaling/lifecycleHook:LifecycleHook",
		"aws:ec2/launchTemplate:LaunchTemplate",
		"aws:ec2/placementGroup:PlacementGroup",
		"aws:ec2/securityGroup:SecurityGroup",
		"aws:eks/accessEntry:AccessEntry",
		"aws:iam/instanceProfile:InstanceProfile",
		"aws:iam/role:Role",
		"aws:iam/rolePolicy:RolePolicy",
		"aws:iam/rolePolicyAttachment:RolePolicyAttachment",
		"aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
		"aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
	}, fakeaws.ResourceTokens())
	assert.Equal(t, []string{"aws:index/getPartition:getPartition", "aws:ssm/getParameter:getParameter"},
		fakeaws.FunctionTokens())
}

func TestUnknownResourceTypeIsRefusedByName(t *testing.T) {
	s := newServer(t)
	const token = "aws:ec2/instance:Instance"
	_, err := s.Check(p.CheckRequest{Urn: urn(token, "web"), Inputs: obj(map[string]any{"ami": "ami-1"})})
	require.Error(t, err)
	assert.Contains(t, err.Error(), token)

	for name, call := range map[string]func() error{
		"Diff":   func() error { _, err := s.Diff(p.DiffRequest{Urn: urn(token, "web")}); return err },
		"Create": func() error { _, err := s.Create(p.CreateRequest{Urn: urn(token, "web")}); return err },
		"Read":   func() error { _, err := s.Read(p.ReadRequest{Urn: urn(token, "web"), ID: "i-1"}); return err },
		"Update": func() error { _, err := s.Update(p.UpdateRequest{Urn: urn(token, "web"), ID: "i-1"}); return err },
		"Delete": func() error { return s.Delete(p.DeleteRequest{Urn: urn(token, "web"), ID: "i-1"}) },
	} {
		err := call()
		require.Error(t, err, name)
		assert.Contains(t, err.Error(), token, name)
	}
}

func TestUnknownTopLevelPropertyIsRefusedByName(t *testing.T) {
	in := securityGroupInputs()
	in["vpcID"] = "vpc-1" // wrong case
	got := failures(t, newServer(t), fakeaws.SecurityGroupToken, in)
	require.Len(t, got, 1)
	assert.Contains(t, got[0], `unknown property "vpcID"`)
	assert.Contains(t, got[0], `did you mean "vpcId"?`)
}

func TestUnknownNestedPropertyIsRefusedWithItsPath(t *testing.T) {
	in := launchTemplateInputs()
	in["metadataOptions"].(map[string]any)["httpTokenz"] = "required"
	in["blockDeviceMappings"].([]any)[0].(map[string]any)["ebs"].(map[string]any)["sizeGb"] = 20
	got := failures(t, newServer(t), fakeaws.LaunchTemplateToken, in)
	require.Len(t, got, 2)
	assert.Contains(t, got[0], `unknown property "blockDeviceMappings[0].ebs.sizeGb"`)
	assert.Contains(t, got[1], `unknown property "metadataOptions.httpTokenz"`)
}

func TestEveryInputEksnodesSetsIsKnown(t *testing.T) {
	// Spot checks of nested shapes read from the SDK: these must pass untouched.
	s := newServer(t)
	checkOK(t, s, urn(fakeaws.LaunchTemplateToken, "lt"), obj(launchTemplateInputs()))
	checkOK(t, s, urn(fakeaws.GroupToken, "asg"), obj(map[string]any{
		"namePrefix": "workers-", "minSize": 1, "maxSize": 3, "desiredCapacity": 2,
		"vpcZoneIdentifiers": []string{"subnet-1"}, "healthCheckType": "EC2", "healthCheckGracePeriod": 15,
		"launchTemplate": map[string]any{"id": "lt-1", "version": "1"},
		"instanceRefresh": map[string]any{"strategy": "Rolling", "preferences": map[string]any{
			"minHealthyPercentage": 90, "maxHealthyPercentage": 100, "skipMatching": true, "autoRollback": false,
			"instanceWarmup": "60", "checkpointPercentages": []any{50, 100}, "checkpointDelay": "300",
			"scaleInProtectedInstances": "Ignore", "standbyInstances": "Ignore",
		}},
		"tags": []any{map[string]any{"key": "Name", "value": "workers", "propagateAtLaunch": true}},
	}))
}

func TestWrongTypeIsRefused(t *testing.T) {
	in := launchTemplateInputs()
	in["networkInterfaces"].([]any)[0].(map[string]any)["associatePublicIpAddress"] = false // the schema takes "false"
	in["metadataOptions"].(map[string]any)["httpPutResponseHopLimit"] = 1.5
	got := failures(t, newServer(t), fakeaws.LaunchTemplateToken, in)
	require.Len(t, got, 2)
	assert.Contains(t, got[0], `"metadataOptions.httpPutResponseHopLimit" must be an integer`)
	assert.Contains(t, got[1], `"networkInterfaces[0].associatePublicIpAddress" must be a string, got boolean false`)
}

func TestMissingRequiredInputsAreRefusedByName(t *testing.T) {
	s := newServer(t)
	for token, want := range map[string][]string{
		fakeaws.RolePolicyAttachmentToken: {"policyArn", "role"},
		fakeaws.RoleToken:                 {"assumeRolePolicy"},
		fakeaws.IngressRuleToken:          {"ipProtocol", "securityGroupId"},
		fakeaws.EgressRuleToken:           {"ipProtocol", "securityGroupId"},
		fakeaws.GroupToken:                {"maxSize", "minSize"},
		fakeaws.AccessEntryToken:          {"clusterName", "principalArn"},
	} {
		got := failures(t, s, token, map[string]any{})
		for _, name := range want {
			assert.Contains(t, got, name+": "+token+`: missing required property "`+name+`"`, token)
		}
	}
	// Instance profiles may exist without a role, and ASG tags need all three fields.
	assert.Empty(t, failures(t, s, fakeaws.InstanceProfileToken, map[string]any{}))
	got := failures(t, s, fakeaws.GroupToken, map[string]any{"minSize": 1, "maxSize": 1,
		"launchTemplate": map[string]any{"id": "lt-1"}, "tags": []any{map[string]any{"key": "a", "value": "b"}}})
	assert.Equal(t, []string{`tags[0].propagateAtLaunch: ` + fakeaws.GroupToken + `: missing required property "tags[0].propagateAtLaunch"`}, got)
}

func TestUnknownValuesPassTypeChecks(t *testing.T) {
	s := newServer(t)
	in := obj(map[string]any{"role": unknown, "policyArn": unknown})
	checkOK(t, s, urn(fakeaws.RolePolicyAttachmentToken, "att"), in)
}

func TestCrossPropertyRules(t *testing.T) {
	s := newServer(t)
	got := failures(t, s, fakeaws.SecurityGroupToken, map[string]any{"name": "a", "namePrefix": "b-"})
	require.Len(t, got, 1)
	assert.Contains(t, got[0], `"name" conflicts with "namePrefix"`)

	rule := map[string]any{"securityGroupId": "sg-1", "ipProtocol": "tcp", "fromPort": 443, "toPort": 443}
	got = failures(t, s, fakeaws.IngressRuleToken, rule)
	require.Len(t, got, 1)
	assert.Contains(t, got[0], "exactly one of cidrIpv4, cidrIpv6, prefixListId, referencedSecurityGroupId")
	rule["cidrIpv4"] = "10.0.0.0/8"
	rule["referencedSecurityGroupId"] = "sg-2"
	assert.Len(t, failures(t, s, fakeaws.IngressRuleToken, rule), 1)
	delete(rule, "cidrIpv4")
	assert.Empty(t, failures(t, s, fakeaws.IngressRuleToken, rule))
}

func TestProviderConfigAcceptsEveryAWSKeyAndRefusesOthers(t *testing.T) {
	s := newServer(t)
	resp, err := s.CheckConfig(p.CheckRequest{Urn: urn("pulumi:providers:aws", "default"), Inputs: obj(map[string]any{
		"region": "us-west-2", "skipCredentialsValidation": "true", "skipRequestingAccountId": "true",
		"skipMetadataApiCheck": "true", "accessKey": "x", "secretKey": "y", "version": "6.83.2",
	})})
	require.NoError(t, err)
	assert.Empty(t, resp.Failures)

	resp, err = s.CheckConfig(p.CheckRequest{Urn: urn("pulumi:providers:aws", "default"),
		Inputs: obj(map[string]any{"regoin": "us-west-2"})})
	require.NoError(t, err)
	require.Len(t, resp.Failures, 1)
	assert.Contains(t, resp.Failures[0].Reason, `"regoin"`)
}
