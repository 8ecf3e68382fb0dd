package nodegroup

import (
	"strings"
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup/userdata"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/yaml"
)

// The NodeGroup's inputs reach the node as intended: the launch template's user data is
// re-parsed as MIME, and its NodeConfig strictly decoded.
func TestNodeGroupUserDataCarriesInputs(t *testing.T) {
	args := demoArgs()
	args.Labels = map[string]string{"workload": "batch", "node.kubernetes.io/lifecycle": "spot"}
	args.Taints = map[string]Taint{"dedicated": {Value: "batch", Effect: NoSchedule}, "spot": {Effect: PreferNoSchedule}}
	args.KubeletExtraArgs = "  --max-pods=58   --v=2 "
	args.KubeletConfig = map[string]any{"kubeReserved": map[string]any{"memory": "512Mi"}}
	args.PreBootstrapUserData = "echo before"
	args.PostBootstrapUserData = "#!/bin/sh\necho after\n"
	m, out, err := runNodeGroup(t, args)
	require.NoError(t, err)
	doc := decodeUserData(t, m.Require(t, tLT, "ng"))
	assert.Equal(t, out.UserData, doc)

	parts, err := userdata.ParseMIME(doc)
	require.NoError(t, err)
	require.Len(t, parts, 3)
	assert.Equal(t, userdata.ShellScriptContentType, parts[0].ContentType)
	assert.Equal(t, "#!/usr/bin/env bash\necho before\n", parts[0].Body)
	assert.Equal(t, userdata.NodeConfigContentType, parts[1].ContentType)
	assert.Equal(t, "#!/bin/sh\necho after\n", parts[2].Body)

	var nc userdata.NodeConfig
	require.NoError(t, yaml.UnmarshalStrict([]byte(parts[1].Body), &nc))
	assert.Equal(t, userdata.ClusterDetails{
		Name:                 "demo",
		APIServerEndpoint:    "https://0123456789ABCDEF0123456789ABCDEF.gr7.us-east-1.eks.amazonaws.com",
		CertificateAuthority: testCA,
		CIDR:                 "172.20.0.0/16",
	}, *nc.Spec.Cluster)
	require.NotNil(t, nc.Spec.Kubelet)
	assert.Equal(t, []string{
		"--node-labels=node.kubernetes.io/lifecycle=spot,workload=batch",
		"--register-with-taints=dedicated=batch:NoSchedule,spot:PreferNoSchedule",
		"--max-pods=58",
		"--v=2",
	}, nc.Spec.Kubelet.Flags)
	assert.Equal(t, map[string]any{"kubeReserved": map[string]any{"memory": "512Mi"}}, nc.Spec.Kubelet.Config)
}

func TestNodeGroupUserDataOverride(t *testing.T) {
	args := demoArgs()
	args.UserDataOverride = "#!/bin/bash\n/opt/custom/join.sh\n"
	m, out, err := runNodeGroup(t, args)
	require.NoError(t, err)
	assert.Equal(t, args.UserDataOverride, out.UserData)
	assert.Equal(t, args.UserDataOverride, decodeUserData(t, m.Require(t, tLT, "ng")))
}

// Cluster facts that are outputs are rendered once known; the size check then uses the real
// values.
func TestNodeGroupUserDataFromOutputs(t *testing.T) {
	args := demoArgs()
	args.Cluster.Name = pulumi.String("from-output").ToStringOutput()
	args.Cluster.CertificateAuthority = pulumi.String(testCA).ToStringOutput()
	_, out, err := runNodeGroup(t, args)
	require.NoError(t, err)
	assert.True(t, strings.Contains(out.UserData, "name: from-output"), out.UserData)
}
