package infra

import (
	"encoding/json"
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup/nodegrouptest"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The example's Program, with its Pulumi.yaml demo configuration, creates a node group.
func TestProgram(t *testing.T) {
	cfg := map[string]string{
		"clusterName":                 "demo",
		"clusterEndpoint":             "https://0123456789ABCDEF0123456789ABCDEF.gr7.us-east-1.eks.amazonaws.com",
		"clusterCertificateAuthority": "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURCVENDQWUyZ0F3SUJBZ0lJZXhhbXBsZQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg==",
		"clusterServiceCidr":          "172.20.0.0/16",
		"clusterVersion":              "1.33",
		"clusterSecurityGroupId":      "sg-0123456789abcdef0",
		"vpcId":                       "vpc-0123456789abcdef0",
		"subnetIds":                   `["subnet-0123456789abcdef0","subnet-0123456789abcdef1"]`,
		"instanceType":                "m7i.large",
	}
	env := map[string]string{}
	for k, v := range cfg {
		env["eksnodes-go-basic:"+k] = v
	}
	raw, err := json.Marshal(env)
	require.NoError(t, err)
	t.Setenv("PULUMI_CONFIG", string(raw))

	m := nodegrouptest.New()
	err = pulumi.RunErr(Program, pulumi.WithMocks("eksnodes-go-basic", "dev", m))
	require.NoError(t, err)
	assert.Contains(t, m.Keys(), "eksnodes:index:NodeGroup workers")
	assert.Contains(t, m.Keys(), "aws:autoscaling/group:Group workers")
	assert.Contains(t, m.Keys(), "aws:iam/rolePolicyAttachment:RolePolicyAttachment workers-role-AmazonSSMManagedInstanceCore")
	lt := m.Inputs("aws:ec2/launchTemplate:LaunchTemplate", "workers")
	require.NotNil(t, lt)
	assert.Equal(t, "m7i.large", lt["instanceType"].StringValue())
}
