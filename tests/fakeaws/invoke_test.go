package fakeaws_test

import (
	"testing"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eksnodes/pulumi-eksnodes/tests/fakeaws"
)

func TestGetPartition(t *testing.T) {
	resp, err := newServer(t).Invoke(p.InvokeRequest{Token: tokens.Type(fakeaws.GetPartitionToken), Args: obj(map[string]any{})})
	require.NoError(t, err)
	require.Empty(t, resp.Failures)
	assert.Equal(t, obj(map[string]any{
		"partition": "aws", "dnsSuffix": "amazonaws.com", "id": "aws", "reverseDnsPrefix": "com.amazonaws",
	}), resp.Return)
}

func TestGetParameterAnswersEKSOptimizedAMIs(t *testing.T) {
	s := newServer(t)
	const name = "/aws/service/eks/optimized-ami/1.33/amazon-linux-2023/x86_64/standard/recommended/image_id"
	resp, err := s.Invoke(p.InvokeRequest{Token: tokens.Type(fakeaws.GetParameterToken), Args: obj(map[string]any{"name": name})})
	require.NoError(t, err)
	require.Empty(t, resp.Failures)
	ami := str(t, resp.Return, "insecureValue")
	assert.Regexp(t, `^ami-0[0-9a-f]{16}$`, ami)
	assert.Equal(t, fakeaws.AMIFor(name), ami)
	assert.True(t, resp.Return.Get("value").Secret(), "value is secret")
	assert.Equal(t, ami, resp.Return.Get("value").AsString())
	assert.Equal(t, "String", str(t, resp.Return, "type"))
	assert.Equal(t, 1.0, num(t, resp.Return, "version"))
	assert.Equal(t, "arn:aws:ssm:us-west-2::parameter"+name, str(t, resp.Return, "arn"))

	arm, err := s.Invoke(p.InvokeRequest{Token: tokens.Type(fakeaws.GetParameterToken), Args: obj(map[string]any{
		"name": "/aws/service/eks/optimized-ami/1.33/amazon-linux-2023/arm64/standard/recommended/image_id",
	})})
	require.NoError(t, err)
	assert.NotEqual(t, ami, str(t, arm.Return, "insecureValue"), "each parameter has its own AMI")
	again, err := s.Invoke(p.InvokeRequest{Token: tokens.Type(fakeaws.GetParameterToken), Args: obj(map[string]any{"name": name})})
	require.NoError(t, err)
	assert.Equal(t, resp.Return, again.Return, "deterministic")
}

func TestGetParameterRefusesOtherNames(t *testing.T) {
	for _, name := range []string{
		"/aws/service/eks/optimized-ami/1.33/amazon-linux-2023/x86_64/gpu/recommended/image_id",
		"/aws/service/bottlerocket/aws-k8s-1.33-arm/x86_64/latest/image_id",
		"/aws/service/ami-windows-latest/Windows_Server-2016-English-Core-EKS_Optimized-1.33/image_id",
		"/my/own/parameter",
	} {
		_, err := newServer(t).Invoke(p.InvokeRequest{Token: tokens.Type(fakeaws.GetParameterToken), Args: obj(map[string]any{"name": name})})
		require.Error(t, err, name)
		assert.Contains(t, err.Error(), name)
	}
}

func TestGetParameterAnswersEveryOperatingSystem(t *testing.T) {
	for _, name := range []string{
		"/aws/service/eks/optimized-ami/1.33/amazon-linux-2023/arm64/nvidia/recommended/image_id",
		"/aws/service/bottlerocket/aws-k8s-1.33-fips/arm64/1.42.0/image_id",
		"/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-EKS_Optimized-1.33/image_id",
		"/aws/service/eks/optimized-ami/1.32/amazon-linux-2-gpu/recommended/image_id",
	} {
		_, err := newServer(t).Invoke(p.InvokeRequest{Token: tokens.Type(fakeaws.GetParameterToken), Args: obj(map[string]any{"name": name})})
		assert.NoError(t, err, name)
	}
}

func TestInvokeArgumentsAreChecked(t *testing.T) {
	s := newServer(t)
	resp, err := s.Invoke(p.InvokeRequest{Token: tokens.Type(fakeaws.GetParameterToken), Args: obj(map[string]any{"nam": "x"})})
	require.NoError(t, err)
	var reasons []string
	for _, f := range resp.Failures {
		reasons = append(reasons, f.Reason)
	}
	assert.Len(t, reasons, 2)
	assert.Contains(t, reasons[0], `unknown property "nam"`)
	assert.Contains(t, reasons[1], `missing required property "name"`)
}

func TestUnknownFunctionIsRefusedByName(t *testing.T) {
	const token = "aws:ec2/getAmi:getAmi"
	_, err := newServer(t).Invoke(p.InvokeRequest{Token: token, Args: obj(map[string]any{})})
	require.Error(t, err)
	assert.Contains(t, err.Error(), token)
}
