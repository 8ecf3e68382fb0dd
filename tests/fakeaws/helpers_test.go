package fakeaws_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/blang/semver"
	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/integration"
	presource "github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"github.com/stretchr/testify/require"

	"github.com/eksnodes/pulumi-eksnodes/tests/fakeaws"
)

// newServer hosts the fake in pulumi-go-provider's integration server, configured for
// us-west-2 like a stack with aws:region set.
func newServer(t *testing.T) integration.Server {
	t.Helper()
	s, err := integration.NewServer(context.Background(), fakeaws.PackageName, semver.MustParse(fakeaws.Version),
		integration.WithProvider(fakeaws.Provider()))
	require.NoError(t, err)
	require.NoError(t, s.Configure(p.ConfigureRequest{Args: obj(map[string]any{
		"region":                    "us-west-2",
		"skipCredentialsValidation": true,
	})}))
	return s
}

func urn(token, name string) presource.URN {
	return presource.NewURN("dev", "fake", "", tokens.Type(token), name)
}

// val builds a property value from plain Go values (map[string]any, []any, string, int,
// float64, bool, nil) or passes a property.Value through.
func val(v any) property.Value {
	switch v := v.(type) {
	case property.Value:
		return v
	case nil:
		return property.New(property.Null)
	case string:
		return property.New(v)
	case bool:
		return property.New(v)
	case int:
		return property.New(float64(v))
	case float64:
		return property.New(v)
	case []any:
		out := make([]property.Value, len(v))
		for i, e := range v {
			out[i] = val(e)
		}
		return property.New(property.NewArray(out))
	case []string:
		out := make([]property.Value, len(v))
		for i, e := range v {
			out[i] = property.New(e)
		}
		return property.New(property.NewArray(out))
	case map[string]string:
		out := map[string]property.Value{}
		for k, e := range v {
			out[k] = property.New(e)
		}
		return property.New(property.NewMap(out))
	case map[string]any:
		return property.New(obj(v))
	}
	panic(fmt.Sprintf("val: unsupported %T", v))
}

func obj(m map[string]any) property.Map {
	out := map[string]property.Value{}
	for k, v := range m {
		out[k] = val(v)
	}
	return property.NewMap(out)
}

var unknown = property.New(property.Computed)

// checkOK runs Check and requires it to pass, returning the checked inputs.
func checkOK(t *testing.T, s integration.Server, u presource.URN, inputs property.Map) property.Map {
	t.Helper()
	resp, err := s.Check(p.CheckRequest{Urn: u, Inputs: inputs})
	require.NoError(t, err)
	require.Empty(t, resp.Failures, "check failures")
	return resp.Inputs
}

// failures runs Check and returns the failure reasons.
func failures(t *testing.T, s integration.Server, token string, inputs map[string]any) []string {
	t.Helper()
	resp, err := s.Check(p.CheckRequest{Urn: urn(token, "x"), Inputs: obj(inputs)})
	require.NoError(t, err)
	var out []string
	for _, f := range resp.Failures {
		out = append(out, f.Property+": "+f.Reason)
	}
	return out
}

// create checks and creates a resource, returning its ID and state.
func create(t *testing.T, s integration.Server, u presource.URN, inputs map[string]any) (string, property.Map, property.Map) {
	t.Helper()
	checked := checkOK(t, s, u, obj(inputs))
	resp, err := s.Create(p.CreateRequest{Urn: u, Properties: checked})
	require.NoError(t, err)
	require.NotEmpty(t, resp.ID)
	return resp.ID, resp.Properties, checked
}

func str(t *testing.T, m property.Map, k string) string {
	t.Helper()
	v := m.Get(k)
	require.True(t, v.IsString(), "%s is %v, not a string", k, v)
	return v.AsString()
}

func num(t *testing.T, m property.Map, k string) float64 {
	t.Helper()
	v := m.Get(k)
	require.True(t, v.IsNumber(), "%s is %v, not a number", k, v)
	return v.AsNumber()
}

func securityGroupInputs() map[string]any {
	return map[string]any{
		"namePrefix":          "workers-",
		"description":         "EKS worker nodes, managed by eksnodes",
		"vpcId":               "vpc-0123456789abcdef0",
		"revokeRulesOnDelete": true,
		"tags":                map[string]string{"Name": "workers", "kubernetes.io/cluster/demo": "owned"},
	}
}

func launchTemplateInputs() map[string]any {
	return map[string]any{
		"namePrefix":           "workers-",
		"description":          "EKS nodes managed by eksnodes",
		"imageId":              "ami-0abcdef0123456789",
		"instanceType":         "m7i.large",
		"userData":             "IyEvYmluL2Jhc2g=",
		"updateDefaultVersion": true,
		"iamInstanceProfile":   map[string]any{"arn": "arn:aws:iam::123456789012:instance-profile/workers"},
		"metadataOptions": map[string]any{
			"httpEndpoint": "enabled", "httpTokens": "required", "httpPutResponseHopLimit": 2,
			"instanceMetadataTags": "disabled",
		},
		"networkInterfaces": []any{map[string]any{
			"deviceIndex": 0, "associatePublicIpAddress": "false", "deleteOnTermination": "true",
			"securityGroups": []string{"sg-0123456789abcdef0"},
		}},
		"blockDeviceMappings": []any{map[string]any{
			"deviceName": "/dev/xvda",
			"ebs":        map[string]any{"volumeSize": 20, "volumeType": "gp3", "encrypted": "true", "deleteOnTermination": "true"},
		}},
		"monitoring": map[string]any{"enabled": false},
		"tagSpecifications": []any{
			map[string]any{"resourceType": "instance", "tags": map[string]string{"Name": "workers"}},
		},
	}
}
