package infra

import (
	"encoding/base64"
	"encoding/json"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/eksnodes/pulumi-eksnodes/nodegroup/nodegrouptest"
	"github.com/eksnodes/pulumi-eksnodes/nodegroup/userdata"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/yaml"
)

// The example's Program, with its Pulumi.yaml demo configuration, creates IPv6-ready nodes.
func TestProgram(t *testing.T) {
	cfg := map[string]string{
		"clusterName":                 "demo-v6",
		"clusterEndpoint":             "https://0123456789ABCDEF0123456789ABCDEF.gr7.us-east-1.eks.amazonaws.com",
		"clusterCertificateAuthority": "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURCVENDQWUyZ0F3SUJBZ0lJZXhhbXBsZQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg==",
		"clusterServiceIpv6Cidr":      "fd30:1c53:5f8::/108",
		"clusterVersion":              "1.33",
		"clusterSecurityGroupId":      "sg-0123456789abcdef0",
		"vpcId":                       "vpc-0123456789abcdef0",
		"subnetIds":                   `["subnet-0123456789abcdef0","subnet-0123456789abcdef1"]`,
		"instanceType":                "m7g.large",
	}
	env := map[string]string{}
	for k, v := range cfg {
		env["eksnodes-go-ipv6:"+k] = v
	}
	raw, err := json.Marshal(env)
	require.NoError(t, err)
	t.Setenv("PULUMI_CONFIG", string(raw))

	m := nodegrouptest.New()
	require.NoError(t, pulumi.RunErr(Program, pulumi.WithMocks("eksnodes-go-ipv6", "dev", m)))

	// One shared role with the IPv6 CNI policy and no IPv4 CNI policy.
	assert.Contains(t, m.Keys(), "aws:iam/rolePolicy:RolePolicy nodes-cni-ipv6")
	assert.NotContains(t, m.Keys(), "aws:iam/rolePolicyAttachment:RolePolicyAttachment nodes-AmazonEKS_CNI_Policy")
	assert.Equal(t, "::/0", m.Inputs("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "nodes-egress-all-ipv6")["cidrIpv6"].StringValue())

	for _, name := range []string{"al2023", "bottlerocket"} {
		lt := m.Inputs("aws:ec2/launchTemplate:LaunchTemplate", name)
		require.NotNil(t, lt, name)
		assert.Equal(t, "enabled", lt["metadataOptions"].ObjectValue()["httpProtocolIpv6"].StringValue(), name)
		ud, err := base64.StdEncoding.DecodeString(lt["userData"].StringValue())
		require.NoError(t, err)
		if name == "bottlerocket" {
			var doc struct {
				Settings struct {
					Kubernetes map[string]any `toml:"kubernetes"`
				} `toml:"settings"`
			}
			_, err := toml.Decode(string(ud), &doc)
			require.NoError(t, err)
			assert.Equal(t, "fd30:1c53:5f8::a", doc.Settings.Kubernetes["cluster-dns-ip"])
			continue
		}
		parts, err := userdata.ParseMIME(string(ud))
		require.NoError(t, err)
		var nc userdata.NodeConfig
		require.NoError(t, yaml.UnmarshalStrict([]byte(parts[0].Body), &nc))
		assert.Equal(t, "fd30:1c53:5f8::/108", nc.Spec.Cluster.CIDR)
	}
}
