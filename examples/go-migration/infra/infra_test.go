package infra

import (
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup/nodegrouptest"
	"github.com/eksnodes/pulumi-eksnodes/nodegroup/userdata"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Both groups share one role, one access entry and one set of security group rules.
func TestProgramSharesRoleAndRules(t *testing.T) {
	cfg := map[string]string{ // the demo defaults of Pulumi.yaml
		"clusterName":                 "demo",
		"clusterEndpoint":             "https://0123456789ABCDEF0123456789ABCDEF.gr7.us-east-1.eks.amazonaws.com",
		"clusterCertificateAuthority": "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURCVENDQWUyZ0F3SUJBZ0lJZXhhbXBsZQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg==",
		"clusterServiceCidr":          "172.20.0.0/16",
		"clusterVersion":              "1.33",
		"clusterSecurityGroupId":      "sg-0123456789abcdef0",
		"vpcId":                       "vpc-0123456789abcdef0",
		"subnetIds":                   `["subnet-0123456789abcdef0","subnet-0123456789abcdef1"]`,
		"instanceType":                "m7i.large",
		"blueEnabled":                 "true",
		"greenEnabled":                "true",
	}
	env := map[string]string{}
	for k, v := range cfg {
		env["eksnodes-go-migration:"+k] = v
	}
	raw, err := json.Marshal(env)
	require.NoError(t, err)
	t.Setenv("PULUMI_CONFIG", string(raw))

	m := nodegrouptest.New()
	require.NoError(t, pulumi.RunErr(Program, pulumi.WithMocks("eksnodes-go-migration", "dev", m)))
	count := map[string]int{}
	for _, r := range m.Keys() {
		typ, _, _ := strings.Cut(r, " ")
		count[typ]++
	}
	assert.Equal(t, 1, count["aws:iam/role:Role"])
	assert.Equal(t, 1, count["aws:eks/accessEntry:AccessEntry"])
	assert.Equal(t, 1, count["aws:ec2/securityGroup:SecurityGroup"])
	assert.Equal(t, 2, count["aws:autoscaling/group:Group"])
	assert.Equal(t, 2, count["aws:autoscaling/lifecycleHook:LifecycleHook"])
	// Only green carries the new settings: baseline hardening in its user data.
	for color, hardened := range map[string]bool{"blue": false, "green": true} {
		lt := m.Inputs("aws:ec2/launchTemplate:LaunchTemplate", color)
		require.NotNil(t, lt, color)
		ud, err := base64.StdEncoding.DecodeString(lt["userData"].StringValue())
		require.NoError(t, err)
		parts, err := userdata.ParseMIME(string(ud))
		require.NoError(t, err)
		found := false
		for _, p := range parts {
			found = found || strings.Contains(p.Body, "eksnodes-hardening.service")
		}
		assert.Equal(t, hardened, found, color)
	}
}
